/**
 * Who asks, read from the exchanges: a turn that puts a question and the next turn, someone else's,
 * that answers it at length. A host, a justice, a caller is answered so, a guest's or a witness's
 * question back seldom is; in a conversation where everyone asks (a meeting, a panel, co-hosts, a
 * diarised talk), the same people both ask and answer, and each exchange says who asks.
 */

/** What the exchanges read of a turn. */
export interface ExchangeTurn {
  readonly speakerId?: string;
  readonly segment: number;
}

/** An answer says at least this much (`Yes.`, `Right, right.` answer nothing that tells who asked). */
const ANSWER_LENGTH = 100;
/** A speaker is told to ask, or to talk as an equal, by at least this many exchanges. */
const LEAST_EXCHANGES = 2;
/** An equal answers and asks about as often: the lesser of the two is at least this share of the greater. */
const EVEN_SHARE = 0.5;

/**
 * Turn `i` puts a question (`asks`: its words ask) that the next turn, another speaker's in the
 * same segment, answers at length without asking back. A rhetorical question inside a long answer
 * is followed by a short turn (`Right.`) or by the asker's next question.
 */
export function isExchange(turns: readonly ExchangeTurn[], asks: readonly boolean[], lengths: readonly number[], i: number): boolean {
  const turn = turns[i];
  const next = turns[i + 1];
  if (!asks[i] || !next || next.segment !== turn.segment || next.speakerId === undefined || next.speakerId === turn.speakerId) return false;
  return !asks[i + 1] && lengths[i + 1] >= ANSWER_LENGTH;
}

/** How many exchanges each speaker put, and answered. */
export interface Exchanges {
  readonly put: ReadonlyMap<string, number>;
  readonly answered: ReadonlyMap<string, number>;
}

export function countExchanges(turns: readonly ExchangeTurn[], asks: readonly boolean[], lengths: readonly number[]): Exchanges {
  const put = new Map<string, number>();
  const answered = new Map<string, number>();
  for (let i = 0; i + 1 < turns.length; i++) {
    if (turns[i].speakerId === undefined || !isExchange(turns, asks, lengths, i)) continue;
    const asker = turns[i].speakerId!;
    const answerer = turns[i + 1].speakerId!;
    put.set(asker, (put.get(asker) ?? 0) + 1);
    answered.set(answerer, (answered.get(answerer) ?? 0) + 1);
  }
  return { put, answered };
}

/**
 * Those who ask by the exchanges: answered LEAST_EXCHANGES times or more, and more than twice as
 * often as they answer others (a host, who answers a guest's question back now and then).
 */
export function exchangeAskers({ put, answered }: Exchanges): string[] {
  const askers: string[] = [];
  for (const [id, asked] of put) if (asked >= LEAST_EXCHANGES && 2 * (answered.get(id) ?? 0) < asked) askers.push(id);
  return askers;
}

/**
 * Everyone asks when at least two speakers each put questions that others answer and answer
 * others' questions, LEAST_EXCHANGES times or more both ways and about as often one way as the
 * other. Where the parts are fixed, those who ask (a host, the justices, members at question time)
 * seldom answer an exchange, and those who answer (a guest, counsel, a minister) seldom put one.
 * `questioned`: those the askers read from the turns question, who are no equals however often
 * their questions back are answered (the Prime Minister taking a talkback host's calls).
 */
export function everyoneAsks({ put, answered }: Exchanges, questioned?: ReadonlySet<string>): boolean {
  let equals = 0;
  for (const [id, asked] of put) {
    if (questioned?.has(id)) continue;
    const answers = answered.get(id) ?? 0;
    const fewer = Math.min(asked, answers);
    if (fewer >= LEAST_EXCHANGES && fewer >= EVEN_SHARE * Math.max(asked, answers)) equals++;
  }
  return equals >= 2;
}
