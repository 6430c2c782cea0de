import type { CodeLens } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import type { Steps } from '../steps';
import type { CancellationToken } from '../types';
import { answerSummary } from './questions';

/**
 * A lens above each question: `Answered by Sergey Lavrov · 241 words`, several answerers joined
 * (`Answered by Hassan Rouhani and Recep Tayyip Erdogan · 618 words`), `No answer` when none. The
 * title is the information: the command is empty, so the lens is not a link. A step per question.
 */
export function* provideCodeLenses(results: DerivedResults, model: TranscriptModel, token: CancellationToken): Steps<CodeLens[]> {
  const lenses: CodeLens[] = [];
  for (const question of model.questions) {
    yield;
    if (token.isCancellationRequested) return [];
    const turn = model.turns[question.turn];
    const start = turn.label?.start ?? turn.start;
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
