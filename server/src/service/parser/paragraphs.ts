import { detectLabel, type LabelContext, type LabelMatch } from './labels';
import { findInlineElements, type InlineElements } from './inline';
import { TIME_LINE } from './header';
import type { ParagraphKind } from '../model';
import { detached } from '../text/detached';
import { trimmedEnd } from '../text/whiteSpace';

/**
 * What one paragraph says on its own, with offsets relative to the paragraph. It depends only on
 * the paragraph's text and the label context, so it is cached by text: an edit re-reads only
 * the paragraphs whose text changed.
 */
export interface ParagraphAnalysis {
  readonly kind: ParagraphKind;
  readonly label?: LabelMatch;
  readonly contentStart: number;
  readonly heading?: { readonly level: number; readonly text: string; readonly textStart: number };
  readonly inline: InlineElements;
  /** What features derive from this text, kept with it so that it is derived once. */
  readonly memo: ParagraphMemo;
}

/**
 * What features derive from a paragraph's text, kept with it. Every slot exists from the start
 * (a class, not properties added later), so that reading one stays a fixed-shape field access.
 * Each feature owns one slot and checks that what it kept was made for the same label reading.
 */
export class ParagraphMemo {
  /** text/words.ts: word count and opening words, for the label reading that starts the words at `wordsOffset`. */
  wordsOffset: number | undefined = undefined;
  wordCount: number | undefined = undefined;
  opening: string | undefined = undefined;
  /** diagnostics: the sentence checks, for a language and label reading. */
  sentenceChecks: { readonly language: string; readonly offset: number; readonly value: unknown } | undefined = undefined;
  /** diagnostics: all-caps words one slip from a known acronym, for a glossary version. */
  misspellings: { readonly version: number; readonly offset: number; readonly value: unknown } | undefined = undefined;
  /** diagnostics: the text as compared for running heads: digits as `#`, spaces folded. */
  furnitureKey: string | undefined = undefined;
  /** glossary: organisations named in the paragraph, for a glossary version and label reading. */
  mentions: { readonly version: number; readonly offset: number; readonly value: unknown } | undefined = undefined;
}

// `(\S.*?)[ \t#]*$` took time quadratic in a run of spaces (a lazy group tried before a greedy
// tail at every character); the title's closing `#`s and spaces are trimmed by headingTitle.
const HEADING = /^([ \t]*)(#{1,6})[ \t]+(\S.*)$/;
// The trailing spaces belong to the repeated group, not to a second `[ \t]*` after it: the two
// could share a run of spaces in quadratically many ways.
export const SEPARATOR = /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,}|-{3,}[ \t].*[ \t]-{3,}[ \t]*)$/;
const NO_INLINE: InlineElements = { tags: [], annotations: [], comments: [], urls: [] };

export function analyseParagraph(text: string, context: LabelContext): ParagraphAnalysis {
  const trimmed = text.trim();
  const marked = mayBeHeadingOrSeparator(text, 0, text.length);
  const heading = marked ? HEADING.exec(text) : null;
  if (heading && !/[\r\n]/.test(text)) {
    const textStart = heading[1].length + heading[2].length + text.slice(heading[1].length + heading[2].length).search(/\S/);
    return { kind: 'heading', contentStart: textStart, heading: { level: heading[2].length, text: detached(headingTitle(heading[3])), textStart }, inline: findInlineElements(text), memo: new ParagraphMemo() };
  }
  if (marked && SEPARATOR.test(text)) return { kind: 'separator', contentStart: 0, inline: NO_INLINE, memo: new ParagraphMemo() };
  if (trimmed.replace(/^\uFEFF/, '').startsWith('<!--') && /-->$/.test(trimmed) && trimmed.indexOf('-->') === trimmed.length - 3) {
    return { kind: 'comment', contentStart: 0, inline: findInlineElements(text), memo: new ParagraphMemo() };
  }
  if (TIME_LINE.test(trimmed)) return { kind: 'time', contentStart: 0, inline: NO_INLINE, memo: new ParagraphMemo() };

  const label = detectLabel(text, context);
  const inline = findInlineElements(text);
  const contentStart = label ? label.end : 0;
  const rest = text.slice(contentStart).trim();
  const kind: ParagraphKind = !label && isStageDirection(rest) ? 'stage' : 'text';
  return label ? { kind, label, contentStart, inline, memo: new ParagraphMemo() } : { kind, contentStart, inline, memo: new ParagraphMemo() };
}

/** `(Laughter.)`, `(Beifall bei der SPD – Zuruf: Oh!)`, `[crosstalk]`: a paragraph that is all stage. */
function isStageDirection(text: string): boolean {
  const open = text[0];
  const close = open === '(' ? ')' : open === '[' ? ']' : '';
  if (!close || text[text.length - 1] !== close) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0 && i < text.length - 1) {
      // `(A) (C)` and `[inaudible] [crosstalk]` are still all stage; `(a) first point` is not.
      if (!/^[\s\u00a0]*[([]/.test(text.slice(i + 1))) return false;
    }
  }
  return depth === 0;
}

const SENTENCE_END = new Set('.!?…:"”’»)]。！？：」』'.split('').map((c) => c.charCodeAt(0)));

/** The text between `start` and `end` ends a sentence, so that a label on the next line of a wrapped block is credible. */
export function endsSentenceAt(text: string, start: number, end: number): boolean {
  const last = trimmedEnd(text, start, end) - 1;
  return last >= start && SENTENCE_END.has(text.charCodeAt(last));
}

/** A heading's title without its closing `#`s and spaces (`## Q&A ##` → `Q&A`); its first character stays. */
function headingTitle(text: string): string {
  let end = text.length;
  while (end > 1 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '#')) end--;
  return text.slice(0, end);
}

/** Only a line that starts (after spaces) with one of these can be a heading or a separator. */
function mayBeHeadingOrSeparator(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return i < end && (c === 0x23 /* # */ || c === 0x2a /* * */ || c === 0x2d /* - */ || c === 0x5f /* _ */ || c === 0x3d /* = */);
}

/** The line between `start` and `end` is a heading or a separator; only a likely one is cut out and matched. */
export function isHeadingOrSeparator(text: string, start: number, end: number): boolean {
  if (!mayBeHeadingOrSeparator(text, start, end)) return false;
  const line = text.slice(start, end);
  return SEPARATOR.test(line) || (HEADING.test(line) && /^[ \t]*#{1,6}[ \t]/.test(line));
}
