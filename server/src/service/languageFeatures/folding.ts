import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { TranscriptModel } from '../model';
import type { Steps } from '../steps';
import type { CancellationToken } from '../types';

/** Folds each turn, each question with its answers, sections, front matter and long comments. A step per question and per turn. */
export function* provideFoldingRanges(model: TranscriptModel, token: CancellationToken): Steps<FoldingRange[]> {
  const { lines } = model;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = lines.lineAt(start);
    const endLine = lines.lineAt(end);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (model.frontMatter) add(model.frontMatter.start, model.frontMatter.end, FoldingRangeKind.Region);
  if (model.header) add(model.header.start, model.header.end, FoldingRangeKind.Region);
  for (const section of model.sections) add(section.start, section.end, FoldingRangeKind.Region);
  for (const question of model.questions) {
    yield;
    const last = question.answerTurns[question.answerTurns.length - 1];
    if (last !== undefined) add(model.turns[question.turn].start, model.turns[last].end, FoldingRangeKind.Region);
  }
  for (const turn of model.turns) {
    yield;
    if (token.isCancellationRequested) return [];
    add(turn.start, turn.end);
  }
  for (const comment of model.comments) add(comment.start, comment.end, FoldingRangeKind.Comment);
  return ranges;
}
