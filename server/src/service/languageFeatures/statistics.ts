import type { TranscriptModel, Turn } from '../model';
import { normaliseName } from '../parser/markers';
import { turnWordCount } from '../text/words';
import type { DerivedResults } from '../derivedResults';
import { OPENING_REMARKS } from './documentSymbols';

/** Who speaks in a row of the statistics. */
export type StatisticsRowKind =
  /** A named speaker. */
  | 'speaker'
  /** Question markers (`Question:`, `Q`), one row per marker, or per questioner when the label names one. */
  | 'questioner'
  /** Answer markers (`A:`). */
  | 'answerer'
  /** Remarks from the floor (`Remark:`). */
  | 'remark'
  /** Turns with no label: the opening remarks, narration. */
  | 'unattributed';

export interface SpeakerStatistics {
  readonly name: string;
  readonly kind: StatisticsRowKind;
  readonly role?: string;
  /** Declared in the front matter. */
  readonly declared: boolean;
  readonly turns: number;
  readonly words: number;
  /** Of all the words of the transcript, 0 to 1. */
  readonly share: number;
  /** Questions asked (question markers). */
  readonly questions: number;
  /** Answers given: the questions this row answered (see `answerOf`). */
  readonly answers: number;
  /** Words of this row's answers per answer; null when it gave none. */
  readonly averageAnswerWords: number | null;
}

export interface TranscriptStatistics {
  /** The most words first. */
  readonly speakers: readonly SpeakerStatistics[];
  readonly totals: {
    readonly turns: number;
    readonly words: number;
    /** Named speakers (declared ones included even without a turn). */
    readonly speakers: number;
    readonly questions: number;
    /** Answers given by all the rows: the sum of theirs. */
    readonly answers: number;
    /** Questions with at least one answer; fewer than `answers` where several rows answer one question. */
    readonly answeredQuestions: number;
    readonly unansweredQuestions: number;
    /** Words of all answers per answer, as for a row; null when none. */
    readonly averageAnswerWords: number | null;
  };
}

interface Row {
  name: string;
  kind: StatisticsRowKind;
  role?: string;
  declared: boolean;
  turns: number;
  words: number;
  questions: number;
  answered: Set<number>;
  answerWords: number;
  order: number;
}

/**
 * Per speaker: turns, words, share of the words, questions asked (for question markers), answers
 * and words per answer; and totals, whose answers are the rows' summed. Pure: it reads only the model.
 */
export function computeStatistics(results: DerivedResults, model: TranscriptModel): TranscriptStatistics {
  const rows = new Map<string, Row>();
  const row = (key: string, init: () => Omit<Row, 'turns' | 'words' | 'questions' | 'answered' | 'answerWords' | 'order'>): Row => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { ...init(), turns: 0, words: 0, questions: 0, answered: new Set(), answerWords: 0, order: rows.size }));
    return r;
  };
  const firstQuestion = model.questions[0]?.turn ?? Infinity;
  const rowOf = (turn: Turn): Row => {
    const speaker = turn.speakerId ? model.speakers.get(turn.speakerId) : undefined;
    if (speaker) {
      return row(`speaker:${speaker.id}`, () => ({
        name: speaker.name, kind: 'speaker', ...(speaker.role ? { role: speaker.role } : {}), declared: speaker.declared,
      }));
    }
    const label = turn.label;
    if (label?.kind === 'question') {
      const questioner = model.questions[turn.questionNumber! - 1]?.questioner;
      const name = questioner ? `${label.name} (${questioner})` : label.name;
      return row(`question:${normaliseName(name)}`, () => ({ name, kind: 'questioner', declared: false }));
    }
    if (label?.kind === 'answer') return row(`answer:${normaliseName(label.name)}`, () => ({ name: label.name, kind: 'answerer', declared: false }));
    if (label?.kind === 'remark') return row(`remark:${normaliseName(label.name)}`, () => ({ name: label.name, kind: 'remark', declared: false }));
    const opening = turn.index === 0 && turn.index < firstQuestion;
    return row(opening ? 'opening' : 'unattributed', () => ({ name: opening ? OPENING_REMARKS : 'Unattributed', kind: 'unattributed', declared: false }));
  };

  let totalWords = 0;
  const answeredQuestions = new Set<number>();
  for (const turn of model.turns) {
    const r = rowOf(turn);
    const words = turnWordCount(results, model, turn);
    r.turns++;
    r.words += words;
    totalWords += words;
    if (turn.role === 'question') r.questions++;
    const question = answerOf(turn, r);
    if (question !== undefined) {
      r.answered.add(question);
      r.answerWords += words;
      answeredQuestions.add(question);
    }
  }
  // Declared speakers count even before their first turn.
  for (const speaker of model.speakers.values()) {
    row(`speaker:${speaker.id}`, () => ({ name: speaker.name, kind: 'speaker', ...(speaker.role ? { role: speaker.role } : {}), declared: speaker.declared }));
  }

  const speakers = [...rows.values()]
    .sort((a, b) => b.words - a.words || b.turns - a.turns || a.order - b.order)
    .map((r): SpeakerStatistics => ({
      name: r.name,
      kind: r.kind,
      ...(r.role ? { role: r.role } : {}),
      declared: r.declared,
      turns: r.turns,
      words: r.words,
      share: totalWords ? r.words / totalWords : 0,
      questions: r.questions,
      answers: r.answered.size,
      averageAnswerWords: r.answered.size ? Math.round(r.answerWords / r.answered.size) : null,
    }));
  let answers = 0;
  let answerWords = 0;
  for (const r of rows.values()) {
    answers += r.answered.size;
    answerWords += r.answerWords;
  }
  return {
    speakers,
    totals: {
      turns: model.turns.length,
      words: totalWords,
      speakers: model.speakers.size,
      questions: model.questions.length,
      answers,
      answeredQuestions: answeredQuestions.size,
      unansweredQuestions: model.questions.length - answeredQuestions.size,
      averageAnswerWords: answers ? Math.round(answerWords / answers) : null,
    },
  };
}

/**
 * The question a turn helps answer, for the row it counts in. An answer is one row's reply to one
 * question: all the turns it gives to that question, however many; three speakers answering one
 * question give three answers. A remark from the floor answers nothing.
 */
function answerOf(turn: Turn, row: Row): number | undefined {
  return turn.role === 'answer' && row.kind !== 'remark' ? turn.answers : undefined;
}

/** The statistics as a text table, for the CLI and plain-text views. */
export function formatStatistics(statistics: TranscriptStatistics): string {
  const header = ['speaker', 'turns', 'words', 'share', 'questions', 'answers', 'words/answer'];
  const dash = '-';
  const body = statistics.speakers.map((s) => [
    s.name, String(s.turns), String(s.words), percent(s.share),
    s.questions ? String(s.questions) : dash, s.answers ? String(s.answers) : dash, s.averageAnswerWords === null ? dash : String(s.averageAnswerWords),
  ]);
  const t = statistics.totals;
  const total = [
    'total', String(t.turns), String(t.words), t.words ? '100%' : dash,
    String(t.questions), String(t.answers), t.averageAnswerWords === null ? dash : String(t.averageAnswerWords),
  ];
  const table = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  const lines = [line(header), ...body.map(line), widths.map((w) => '-'.repeat(w)).join('  '), line(total)];
  if (t.unansweredQuestions) lines.push('', `${t.unansweredQuestions} of ${t.questions} question${t.questions === 1 ? '' : 's'} unanswered`);
  return lines.join('\n');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
