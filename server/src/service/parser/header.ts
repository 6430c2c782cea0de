import type { HeaderLineKind } from '../model';
import { NAME_PARTICLES } from './markers';
import { alternation, wordsOfAllLanguages } from '../text/languages';

const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
/** `12:42 P.M. EDT`, `2:16 P.M. JST`, `Beginn: 10.30 Uhr`, `10:30`. */
// The white space before a.m./p.m. is inside its optional group, or alone: a `\s*` before `(?:\s+…)?`
// shared a run of spaces in quadratically many ways.
export const TIME_LINE = /^(?:\p{L}+:?\s+)?\(?\d{1,2}[:.]\d{2}(?::\d{2})?(?:(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?(?:\s+Uhr)?|\s+)\.?\)?$/iu;
/** `Emma  0:00`: a speaker and the time of the turn, as Otter exports it, not a clock time. */
export const NAME_AND_TIME = /^\p{Lu}[^\s:]*(?: [^\s:]+)* {2,}\d{1,2}(?::\d{2}){1,2}[ \t]*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A month's name or abbreviation in any language of the table. */
export const MONTH_NAMES = alternation(wordsOfAllLanguages('months'));
// Not `\b`, which knows only ASCII letters: there is no `\b` around `апреля`.
const MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(?:${MONTH_NAMES})(?![\\p{L}\\p{N}])`, 'iu');
const SENTENCE_END = /[.,;:!?…。！？：，、]["”’»)\]]*$/u;
const INITIAL_END = /\b\p{Lu}\.$/u;
export const MAX_HEADER_LINES = 8;

/**
 * What a line at the top of a plain transcript is, if it is a header line at all: the title,
 * a date, a clock time, a place or a URL. Anything that reads as prose ends the header.
 */
export function headerLineKind(line: string, isFirst: boolean): HeaderLineKind | undefined {
  const text = line.trim();
  if (!text || text.length > 300) return undefined;
  // A heading, a separator, a comment or explicit markup ends the header, whatever it says.
  if (/^(?:#|\*\s*\*|-{3}|_{3}|<!--|@|\\)/.test(text)) return undefined;
  if (URL_LINE.test(text)) return 'url';
  if (TIME_LINE.test(text) && !NAME_AND_TIME.test(text)) return 'time';
  // `Joint press conference, Moscow, 11 April 2023` at the top is the title, though it ends in a date.
  if (ISO_DATE.test(text) || isWrittenDate(text, isFirst)) return 'date';
  if (SENTENCE_END.test(text) && !INITIAL_END.test(text)) return undefined;
  if (/^[([]/.test(text)) return undefined;
  if (isFirst) return 'title';
  return text.length <= 120 && isTitleCase(text) ? 'place' : undefined;
}

/** A short line with a month and a number that is no sentence: `11 April 2023`, `Tuesday, March 4, 2025`. */
function isWrittenDate(text: string, isFirst: boolean): boolean {
  return text.length <= 60 && MONTH.test(text) && /\d/.test(text) && !/[.!?]$/.test(text) && !(isFirst && wordsBeforeDate(text) >= 3);
}

/** How many words stand before the part of a line that names a date: `Joint press conference, Moscow, 11 April 2023` → 4. */
function wordsBeforeDate(text: string): number {
  const date = text.search(/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i);
  return date <= 0 ? 0 : text.slice(0, date).split(/[\s,]+/).filter(Boolean).length;
}

/**
 * `James S. Brady Press Briefing Room`, `Woodstock, New Hampshire`, `181. Sitzung`, and `Joint
 * Press Conference with President Susilo Bambang Yudhoyono, State Palace, Jakarta`: one
 * lower-case word in five may be no particle.
 */
function isTitleCase(text: string): boolean {
  let lower = 0;
  const words = text.split(/[\s\u00a0,]+/).filter(Boolean);
  for (const word of words) {
    if (/^\p{Ll}/u.test(word) && !NAME_PARTICLES.has(word)) lower++;
  }
  return lower === 0 || (words.length >= 5 && lower * 5 <= words.length);
}
