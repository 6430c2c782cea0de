import type { Paragraph, TranscriptModel, Turn } from '../model';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import { query, type DerivedResults } from '../derivedResults';
import { characterTable } from './characterTable';
import { detached } from './detached';
import { isWhiteSpace } from './whiteSpace';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{N}\p{M}]/u;
const OPENING_SPAN = 400;

/** The words a paragraph says, after its label, without annotations and topic tags (blanked, so offsets hold). */
export function paragraphContent(model: TranscriptModel, paragraph: Paragraph, limit = Infinity): string {
  const { text, start, end } = contentSpan(model, paragraph, limit);
  return text.slice(start, end);
}

/**
 * Where to read a paragraph's words (see paragraphContent): most paragraphs have nothing to
 * blank, and are read in the text itself; the others in a copy with their tags and annotations
 * blanked.
 */
function contentSpan(model: TranscriptModel, paragraph: Paragraph, limit: number): { text: string; start: number; end: number } {
  const end = Math.min(paragraph.end, paragraph.contentStart + limit);
  const inline = paragraph.analysis.inline;
  if (inline.annotations.length === 0 && inline.tags.length === 0) return { text: model.source, start: paragraph.contentStart, end };
  const blanked = blankedContent(model, paragraph, end);
  return { text: blanked, start: 0, end: blanked.length };
}

function blankedContent(model: TranscriptModel, paragraph: Paragraph, end: number): string {
  const text = model.source.slice(paragraph.contentStart, end);
  const masked = [...paragraph.annotations, ...paragraph.tags]
    .filter((a) => a.start >= paragraph.contentStart && a.start < end)
    .sort((a, b) => a.start - b.start);
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
 * marks, apostrophes and hyphens. It stops at `limit`: a caller that asks only whether there are
 * that many has the rest of the text left unread.
 */
export function countWordsUpTo(text: string, limit: number): number {
  return countWordsIn(text, 0, text.length, limit);
}

/** `countWordsUpTo` of the text between `start` and `end`, read in place. */
function countWordsIn(text: string, start: number, end: number, limit = Infinity): number {
  const classes = characterClasses();
  const tabled = classes.length;
  let count = 0;
  let inWord = 0;
  for (let i = start; i < end && count < limit; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c < tabled) kind = classes[c];
    else {
      kind = classOfUntabled(text, i, end);
      // A surrogate pair is one character to the regular expressions.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) i++;
    }
    // Without branches: a word ends every few characters, too often for the branch predictor
    // (10 MB in one call: 39 → 22 ms). A letter or digit starts a word if none goes on; a part only goes on.
    const letterOrDigit = kind & LETTER_OR_DIGIT_CLASS;
    count += letterOrDigit & (inWord ^ 1);
    inWord = letterOrDigit | (inWord & (kind >> 1));
  }
  return count;
}

/** The class of the character at `i`, above the table (CJK, a surrogate pair), by the regular expressions. */
function classOfUntabled(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  const char = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? text.slice(i, i + 2) : text[i];
  return LETTER_OR_DIGIT.test(char) ? LETTER_OR_DIGIT_CLASS : WORD_PART.test(char) ? PART_CLASS : OTHER_CLASS;
}

// Bits read by countWordsIn: 1 starts or goes on with a word, 2 only goes on with one.
const OTHER_CLASS = 0;
const LETTER_OR_DIGIT_CLASS = 1;
const PART_CLASS = 2;
/** What each character is to a word. */
const characterClasses = characterTable((char) => {
  if (LETTER_OR_DIGIT.test(char)) return LETTER_OR_DIGIT_CLASS;
  return char === "'" || char === '-' || char === '\u2019' || WORD_PART.test(char) ? PART_CLASS : OTHER_CLASS;
});

/**
 * A paragraph's word count, for where its words start (after its label, when the document bears
 * the label out): kept while the paragraph's text is the same.
 */
const WORD_COUNT = query('paragraph word count', [], (_results, _analysis: ParagraphAnalysis, reader: ParagraphReader, _offset: number) => {
  const { text, start, end } = contentSpan(reader.model, reader.paragraph, Infinity);
  return countWordsIn(text, start, end);
});

/** A paragraph's first words (see openingText), for where its words start. */
const OPENING = query('paragraph opening', [], (_results, _analysis: ParagraphAnalysis, reader: ParagraphReader, _offset: number) =>
  detached(openingText(reader.model, reader.paragraph)));

/** How a paragraph-level query reads the paragraph it is keyed by: in the version at hand. */
export interface ParagraphReader {
  readonly model: TranscriptModel;
  readonly paragraph: Paragraph;
}

export function paragraphWordCount(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph): number {
  return results.get(WORD_COUNT, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start);
}

export function turnWordCount(results: DerivedResults, model: TranscriptModel, turn: Turn): number {
  let count = 0;
  // By index: `model.paragraphs` makes every paragraph's node, where a keystroke's outline needs the touched turns'.
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphByIndex(index);
    if (paragraph.kind === 'text') count += paragraphWordCount(results, model, paragraph);
  }
  return count;
}

/** How long a turn's opening words are (see openingWords). */
const OPENING_LENGTH = 60;

/** The first words of a turn, for the outline: `How are the countries developing their transit…`. */
export function openingWords(results: DerivedResults, model: TranscriptModel, turn: Turn): string {
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphByIndex(index);
    if (paragraph.kind !== 'text') continue;
    const text = results.get(OPENING, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start);
    if (text) return ellipsis(text, OPENING_LENGTH);
  }
  return '';
}

/**
 * The paragraph's first words with white space folded to single spaces and trimmed, as far as
 * `ellipsis` needs them to cut at OPENING_LENGTH: one character more, or all of them if fewer.
 * Most openings are words parted by single spaces: a slice of the text, not a string per word.
 */
function openingText(model: TranscriptModel, paragraph: Paragraph): string {
  const { text, start, end } = contentSpan(model, paragraph, OPENING_SPAN);
  let first = -1;
  let last = -1;
  let length = 0;
  let singleSpaces = true;
  let wordStart = -1;
  for (let i = start; i <= end && length <= OPENING_LENGTH; i++) {
    const white = i === end || isWhiteSpace(text.charCodeAt(i));
    if (white && wordStart >= 0) {
      if (first < 0) first = wordStart;
      else {
        length++;
        if (wordStart - last !== 1 || text.charCodeAt(last) !== 32) singleSpaces = false;
      }
      length += i - wordStart;
      last = i;
      wordStart = -1;
    } else if (!white && wordStart < 0) wordStart = i;
  }
  if (first < 0) return '';
  const words = text.slice(first, last);
  // `Liebe Kolle-` / `gen!` hyphenated at a line break is one word: `Liebe Kollegen!`.
  const folded = singleSpaces ? words : words.replace(HYPHEN_BREAK, '$1$2').split(WHITE_SPACE_RUN).join(' ');
  // Markdown's emphasis (`**Q: Why?**`) is markup, not words.
  return (folded.includes('**') || folded.includes('__') ? folded.replace(EMPHASIS, '').trim() : folded).slice(0, OPENING_LENGTH + 1);
}

const EMPHASIS = /\*\*|__/g;
const HYPHEN_BREAK = /(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu;

/** What isWhiteSpace matches, in runs. */
const WHITE_SPACE_RUN = /\s+/;

export function ellipsis(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}
