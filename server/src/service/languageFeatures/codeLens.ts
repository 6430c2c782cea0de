import type { CodeLens } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import type { Steps } from '../steps';
import type { CancellationToken } from '../types';
import { formatClock, PLAY_FROM_COMMAND, turnTimes } from './media';
import { answerSummary } from './questions';

/** How many turns one step of the play lenses takes. */
const TURNS_PER_STEP = 500;

/**
 * A lens above each question: `Answered by Sergey Lavrov · 241 words`, several answerers joined
 * (`Answered by Hassan Rouhani and Recep Tayyip Erdogan · 618 words`), `No answer` when none. The
 * title is the information: the command is empty, so the lens is not a link. A step per question.
 *
 * With `playLens`, in a transcript with timestamps, a lens `▶ Play 00:01:02` above each turn too
 * (issue 18), `▶ Play ≈00:01:02` when the turn's time is interpolated: it runs the command of the
 * timestamps' links, `transcript.playFrom` with `{ uri, seconds }`.
 */
export function* provideCodeLenses(results: DerivedResults, model: TranscriptModel, playLens: boolean, token: CancellationToken): Steps<CodeLens[]> {
  const lenses: CodeLens[] = [];
  const lensStart = (turn: TranscriptModel['turns'][number]) => turn.label?.start ?? turn.start;
  if (playLens) {
    yield;
    const times = turnTimes(results, model);
    for (let i = 0; i < times.length; i++) {
      if (i % TURNS_PER_STEP === 0) yield;
      if (token.isCancellationRequested) return [];
      const { turn, seconds, exact } = times[i];
      const start = lensStart(model.turns[turn]);
      const title = `▶ Play ${exact ? '' : '≈'}${formatClock(Math.floor(seconds))}`;
      lenses.push({ range: model.lines.range(start, start), command: { title, command: PLAY_FROM_COMMAND, arguments: [{ uri: model.uri, seconds }] } });
    }
  }
  for (const question of model.questions) {
    yield;
    if (token.isCancellationRequested) return [];
    const start = lensStart(model.turns[question.turn]);
    lenses.push({ range: model.lines.range(start, start), command: { title: lensTitle(results, model, question), command: '' } });
  }
  return lenses;
}

export function lensTitle(results: DerivedResults, model: TranscriptModel, question: TranscriptModel['questions'][number]): string {
  const { answeredBy, words } = answerSummary(results, model, question);
  if (question.answerTurns.length === 0 || (answeredBy.length === 0 && words === 0)) return 'No answer';
  const count = `${words} word${words === 1 ? '' : 's'}`;
  return answeredBy.length ? `Answered by ${joinNames(answeredBy)} · ${count}` : `Answered · ${count}`;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
