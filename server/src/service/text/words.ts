import type { Paragraph, TranscriptModel, Turn } from '../model';
import type { ParagraphMemo } from '../parser/paragraphs';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;
const OPENING_SPAN = 400;

/** The words a paragraph says, after its label, without annotations and topic tags (blanked, so offsets hold). */
export function paragraphContent(model: TranscriptModel, paragraph: Paragraph, limit = Infinity): string {
  const end = Math.min(paragraph.end, paragraph.contentStart + limit);
  const text = model.source.slice(paragraph.contentStart, end);
  const masked = [...paragraph.annotations, ...paragraph.tags].filter((a) => a.start >= paragraph.contentStart && a.start < end).sort((a, b) => a.start - b.start);
  if (masked.length === 0) return text;
  // In one pass, in order: blanking one span at a time copied the whole text once per tag.
  let out = '';
  let at = 0;
  for (const annotation of masked) {
    const from = Math.max(annotation.start - paragraph.contentStart, at);
    const to = Math.min(annotation.end, end) - paragraph.contentStart;
    if (to <= from) continue;
    out += text.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return out + text.slice(at);
}

/**
 * Counts words as `[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*` would match them, in one pass over the
 * character codes: a word starts at a letter or digit, and goes on through letters, digits,
 * marks, apostrophes and hyphens.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letterOrDigit: boolean;
    let part: boolean;
    if (c < 128) {
      letterOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      part = letterOrDigit || c === 39 || c === 45;
    } else {
      // A surrogate pair is one character to the regular expressions.
      const char = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i];
      if (char.length === 2) i++;
      letterOrDigit = LETTER_OR_DIGIT.test(char);
      part = letterOrDigit || c === 0x2019 || WORD_PART.test(char);
    }
    if (inWord && part) continue;
    inWord = letterOrDigit;
    if (letterOrDigit) count++;
  }
  return count;
}

/** The paragraph's words, kept with its analysis for the label reading it was made with. */
function memoFor(paragraph: Paragraph): NonNullable<ParagraphMemo['words']> {
  const memo = paragraph.analysis.memo;
  const offset = paragraph.contentStart - paragraph.start;
  if (memo.words?.offset !== offset) memo.words = { offset };
  return memo.words!;
}

export function paragraphWordCount(model: TranscriptModel, paragraph: Paragraph): number {
  const memo = memoFor(paragraph);
  return (memo.count ??= countWords(paragraphContent(model, paragraph)));
}

export function turnWordCount(model: TranscriptModel, turn: Turn): number {
  let count = 0;
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphs[index];
    if (paragraph.kind === 'text') count += paragraphWordCount(model, paragraph);
  }
  return count;
}

/** The first words of a turn, for the outline: `How are the countries developing their transit…`. */
export function openingWords(model: TranscriptModel, turn: Turn, maxLength = 60): string {
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphs[index];
    if (paragraph.kind !== 'text') continue;
    const memo = memoFor(paragraph);
    const text = (memo.opening ??= paragraphContent(model, paragraph, OPENING_SPAN).replace(/[\s\u00a0]+/g, ' ').trim());
    if (text) return ellipsis(text, maxLength);
  }
  return '';
}

export function ellipsis(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}
