import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { TranscriptModel } from '../model';
import { languageWords } from '../text/languages';
import type { CancellationToken } from '../types';
import { splitSentences } from './diagnostics/paragraphChecks';
import { paragraphAt, turnAt } from './symbolAt';

type Span = readonly [number, number];

const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’\-]/u;

/**
 * Expand selection: word → sentence → paragraph → turn → the question with its answers →
 * enclosing sections → the whole document. In a label: word → name → label → paragraph → …;
 * in the front matter or the header: word → the block → the document.
 */
export function provideSelectionRanges(model: TranscriptModel, positions: readonly Position[], token: CancellationToken): SelectionRange[] {
  const result: SelectionRange[] = [];
  for (const position of positions) {
    if (token.isCancellationRequested) return [];
    result.push(toSelectionRange(model, spansAt(model, model.lines.offsetAt(position))));
  }
  return result;
}

function spansAt(model: TranscriptModel, offset: number): Span[] {
  const { text } = model;
  const spans: Span[] = [];
  const word = wordAt(text, offset);
  if (word) spans.push(word);

  const frontMatter = model.frontMatter;
  if (frontMatter && offset >= frontMatter.start && offset <= frontMatter.end) {
    const line = model.lines.lineAt(offset);
    spans.push([model.lines.lineStarts[line], model.lines.lineEnd(line)], [frontMatter.start, frontMatter.end]);
    return withDocument(model, spans);
  }

  const paragraph = paragraphAt(model, offset);
  if (paragraph) {
    const label = paragraph.label;
    if (label && offset >= label.start && offset <= label.end) {
      spans.push([label.nameStart, label.nameEnd], [label.start, label.end]);
    } else if (offset >= paragraph.contentStart && paragraph.kind === 'text') {
      const content = model.source.slice(paragraph.contentStart, paragraph.end);
      const at = offset - paragraph.contentStart;
      const sentence = splitSentences(content, languageWords(model.language)).find((s) => at >= s.start && at <= s.end);
      if (sentence) spans.push([paragraph.contentStart + sentence.start, paragraph.contentStart + sentence.end]);
    }
    spans.push([paragraph.start, paragraph.end]);
    if (paragraph.kind === 'header' && model.header) spans.push([model.header.start, model.header.end]);
  }

  const turn = turnAt(model, offset);
  if (turn) {
    spans.push([turn.start, turn.end]);
    const number = turn.questionNumber ?? turn.answers;
    const question = number ? model.questions[number - 1] : undefined;
    if (question) {
      const turns = [question.turn, ...question.answerTurns].map((i) => model.turns[i]);
      spans.push([turns[0].start, Math.max(...turns.map((t) => t.end))]);
    }
  }
  const sections = model.sections.filter((s) => offset >= s.start && offset <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  for (const section of sections) spans.push([section.start, section.end]);
  return withDocument(model, spans);
}

function withDocument(model: TranscriptModel, spans: Span[]): Span[] {
  spans.push([0, model.text.length]);
  return spans;
}

/** Links the spans from the outermost in; a span that does not contain the one before it is left out. */
function toSelectionRange(model: TranscriptModel, spans: readonly Span[]): SelectionRange {
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && (span[0] > last[0] || span[1] < last[1] || (span[0] === last[0] && span[1] === last[1]))) continue;
    kept.push(span);
  }
  let range: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--) {
    range = range ? { range: model.lines.range(kept[i][0], kept[i][1]), parent: range } : { range: model.lines.range(kept[i][0], kept[i][1]) };
  }
  return range!;
}

function wordAt(text: string, offset: number): Span | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  // Hyphens and apostrophes join words; they do not start or end one.
  while (start < end && /['’\-_]/.test(text[start])) start++;
  while (end > start && /['’\-_]/.test(text[end - 1])) end--;
  if (end <= start) return undefined;
  if (text[start - 1] === '#' && /\p{L}/u.test(text[start])) start--;
  return [start, end];
}
