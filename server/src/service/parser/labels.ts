import { DELIVERY_NOTES, NAME_PARTICLES, NOT_SPEAKERS, normaliseName } from './markers';
import type { LabelKind } from '../model';
import { detached } from '../text/detached';

/** What the label detector needs to know about the document. */
export interface LabelContext {
  readonly questionMarkers: ReadonlySet<string>;
  readonly answerMarkers: ReadonlySet<string>;
  readonly remarkMarkers: ReadonlySet<string>;
  /** Normalised names and aliases declared in the front matter. */
  readonly declaredSpeakers: ReadonlySet<string>;
}

/** A label found at the start of a paragraph; offsets are relative to the paragraph. */
export interface LabelMatch {
  readonly kind: LabelKind;
  readonly name: string;
  /** The name as compared: lower case, no dots. */
  readonly key: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Just past the colon (or the marker, for a bare `Q`). */
  readonly end: number;
  readonly start: number;
  readonly qualifiers: readonly string[];
  readonly alone: boolean;
  readonly forced: boolean;
  /**
   * A single capitalised word that nobody declared (`Lavrov:`, but also `Germany:`). The parser
   * keeps it only if the document uses it as a label more than once or it names a known speaker.
   */
  readonly weak: boolean;
}

const MAX_LABEL_LENGTH = 160;
const MAX_NAME_WORDS = 24;
const SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u3000\ufeff]/;
const OPENING_QUOTE = /^[\s\u00a0]*["“„«‘'‹「『]/;
/** The White House's bare `Q` followed by spaces or a non-breaking space, with no colon. */
const BARE_Q = /^Q\.?(?=\u00a0|[ \t]{2,}|[ \t\u00a0]*$)/;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’\-.]*|\p{Lu}\.|[IVX]+|\p{Lo}[\p{Lo}\p{M}'’\-.・·]{0,11})$/u;
/** Scripts without capitals (CJK, Arabic, Hebrew) cannot show a name by its case: keep such labels short. */
const CASELESS = /^[\p{Lo}\p{M}\s'’\-.・·]+$/u;
const UPPER_WORD = /^[\p{Lu}\p{M}'’\-.&/]+$/u;

export function detectLabel(text: string, context: LabelContext): LabelMatch | undefined {
  let start = 0;
  while (start < text.length && SPACE.test(text[start])) start++;
  const first = text.charCodeAt(start);

  if (first === 0x5c /* \ */) return undefined; // escaped: never a label

  // A label is within MAX_LABEL_LENGTH of its start: the line's end need not be looked for further.
  if (first === 0x40 /* @ */) return forcedLabel(text, start, firstLineEnd(text, start, start + MAX_LABEL_LENGTH + 2));

  const bare = first === 0x51 /* Q */ ? BARE_Q.exec(text.slice(start, firstLineEnd(text, start, Infinity))) : null;
  if (bare && context.questionMarkers.has('q')) {
    const end = start + bare[0].length;
    return { kind: 'question', name: 'Q', key: 'q', start, nameStart: start, nameEnd: start + 1, end, qualifiers: [], alone: isBlank(text, end), forced: false, weak: false };
  }

  // Every other label ends in a colon within MAX_LABEL_LENGTH of its start. Most paragraphs have
  // none there, and the native search rules them out before anything else is read.
  if (!hasColonBefore(text, start, start + MAX_LABEL_LENGTH)) return undefined;
  const lineEnd = firstLineEnd(text, start, start + MAX_LABEL_LENGTH + 2);
  const colon = findLabelColon(text, start, lineEnd);
  if (colon >= 0) return labelBefore(text, start, colon, context);

  // A label standing alone may be hyphen-broken over two lines: `Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-\nNEN):`.
  const trimmedEnd = trimEnd(text);
  if (lineEnd < trimmedEnd && trimmedEnd - start <= MAX_LABEL_LENGTH && isColon(text.charCodeAt(trimmedEnd - 1))) {
    const lines = text.slice(start, trimmedEnd - 1).split(/\r\n|\r|\n/);
    if (lines.length <= 3) return labelBefore(text, start, trimmedEnd - 1, context, joinWrapped(lines));
  }
  return undefined;
}

function forcedLabel(text: string, at: number, lineEnd: number): LabelMatch | undefined {
  for (let i = at + 1; i < lineEnd && i - at <= MAX_LABEL_LENGTH; i++) {
    if (isColon(text.charCodeAt(i))) {
      const raw = text.slice(at + 1, i);
      const { name, qualifiers } = splitQualifiers(raw);
      if (!name) return undefined;
      const nameStart = at + 1 + raw.indexOf(name);
      return {
        kind: 'speaker', name: detached(name), key: detached(normaliseName(name)), start: at, nameStart, nameEnd: nameStart + name.length, end: i + 1,
        qualifiers: qualifiers.map(detached), alone: isBlank(text, i + 1), forced: true, weak: false,
      };
    }
  }
  return undefined;
}

/** The colon that ends a label: followed by white space or the end of the line. */
function findLabelColon(text: string, start: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, start + MAX_LABEL_LENGTH);
  // Most paragraphs have no colon near their start: the native search rules them out fastest.
  if (!hasColonBefore(text, start, limit)) return -1;
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if (c === 0x29 || c === 0x5d) depth--;
    else if (depth === 0 && isColon(c)) {
      const next = i + 1 < lineEnd ? text[i + 1] : '';
      // A full-width colon needs no space after it: CJK text has none.
      return next === '' || SPACE.test(next) || c === 0xff1a ? i : -1;
    } else if (depth === 0 && (c === 0x2e || c === 0x3f || c === 0x21) && i + 1 < lineEnd && SPACE.test(text[i + 1])) {
      // A sentence ended before any colon. `Mr. Long` and `Mrs. Smith` have dots too, so only
      // stop at `?`, `!`, or a dot after a word that starts in lower case, as no name does.
      if (c !== 0x2e || /(?:^|[\s\u00a0])\p{Ll}\p{L}*$/u.test(text.slice(Math.max(start, i - 40), i))) return -1;
    }
  }
  return -1;
}

function labelBefore(text: string, start: number, colon: number, context: LabelContext, joined?: string): LabelMatch | undefined {
  const raw = joined ?? text.slice(start, colon);
  if (raw.length === 0 || /[“”"«»„]|:\/\/|\bhttps?\b/.test(raw)) return undefined;
  const { name, qualifiers } = splitQualifiers(raw);
  if (!name) return undefined;
  const key = normaliseName(name);
  const nameStart = joined === undefined ? start + raw.indexOf(name) : start;
  const nameEnd = joined === undefined ? nameStart + name.length : colon;
  const end = colon + 1;
  const alone = isBlank(text, end);
  let kind: LabelKind | undefined = context.questionMarkers.has(key) ? 'question'
    : context.answerMarkers.has(key) ? 'answer'
      : context.remarkMarkers.has(key) ? 'remark'
        : context.declaredSpeakers.has(key) ? 'speaker' : undefined;
  let weak = false;
  if (!kind) {
    // `Germany: “This is a matter of…”` quotes a position; it is not a turn.
    if (OPENING_QUOTE.test(text.slice(end, end + 4))) return undefined;
    const shape = nameShape(name);
    if (shape === 'none' || (shape === 'single' && NOT_SPEAKERS.has(key))) return undefined;
    kind = 'speaker';
    weak = shape === 'single' && !UPPER_WORD.test(name);
  }
  // A label is kept across versions with its paragraph's analysis: its strings are copies, not slices of the text (see detached).
  return { kind, name: detached(name), key: detached(key), start, nameStart, nameEnd, end, qualifiers: qualifiers.map(detached), alone, forced: false, weak };
}

/**
 * Whether the words before a colon can be a speaker's name, with or without a role:
 * `Sergey Lavrov`, `MS. PSAKI`, `President of the Republic of Turkey Recep Tayyip Erdogan`,
 * `Research Director of the Foundation …, moderator Fyodor Lukyanov`. A sentence that ends in a
 * colon (`Our cultural ties are expanding`) has lower-case words a name does not.
 */
function nameShape(name: string): 'none' | 'single' | 'name' {
  const words = name.replace(/,/g, ' ').split(/[\s\u00a0]+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return 'none';
  if (/\d/.test(name)) return 'none';
  if (CASELESS.test(name) && words.length > 3) return 'none';
  if (!NAME_WORD.test(words[0]) || !NAME_WORD.test(words[words.length - 1])) return 'none';
  // `First, to Prime Minister:` opens a sentence, it does not name anyone.
  if (words.length > 1 && NOT_SPEAKERS.has(normaliseName(words[0]))) return 'none';
  let lowerWords = 0;
  for (const word of words) {
    if (NAME_WORD.test(word)) continue;
    if (NAME_PARTICLES.has(word)) continue;
    if (/^\p{Ll}/u.test(word)) lowerWords++;
    else return 'none';
  }
  // One lower-case role word is allowed in a long label: `…, moderator Fyodor Lukyanov`.
  if (lowerWords > 1 || (lowerWords === 1 && (words.length < 4 || !name.includes(',')))) return 'none';
  return words.length === 1 ? 'single' : 'name';
}

/** `Mr. Churkin (Russian Federation) (spoke in Russian)` → `Mr. Churkin` and its qualifiers. */
export function splitQualifiers(raw: string): { name: string; qualifiers: string[] } {
  const qualifiers: string[] = [];
  let name = raw.replace(/[\s\u00a0]+$/, '');
  for (;;) {
    const match = /[\s\u00a0]*[([]([^()[\]]*)[)\]]$/.exec(name);
    if (!match) break;
    qualifiers.unshift(match[1].trim());
    name = name.slice(0, match.index);
  }
  // `Gunther Krichbaum [CDU/CSU]` and `Dr. Dietmar Bartsch (DIE LINKE)` are covered above;
  // a qualifier may also stand inside: `Question (Reuters) to Mr Putin` is not supported.
  name = name.replace(/^[\s\u00a0]+/, '');
  if (/[()[\]]/.test(name)) return { name: '', qualifiers };
  return { name, qualifiers };
}

/** Qualifiers that name who asked, as opposed to how they spoke. */
export function affiliation(qualifiers: readonly string[]): string | undefined {
  return qualifiers.find((q) => q.length > 0 && !DELIVERY_NOTES.test(q));
}

function joinWrapped(lines: string[]): string {
  let joined = lines[0].trimEnd();
  for (const line of lines.slice(1)) {
    joined = /\p{L}-$/u.test(joined) ? joined.slice(0, -1) + line.trim() : `${joined} ${line.trim()}`;
  }
  return joined;
}

/** The first line break at or after `from`, looked for until `limit`; the text's length if none is found. */
function firstLineEnd(text: string, from: number, limit: number): number {
  const end = Math.min(limit, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function trimEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /[\s\u00a0]/.test(text[end - 1])) end--;
  return end;
}

/** Nothing but white space between `from` and the end of its line. */
function isBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (!/[\s\u00a0]/.test(c)) return false;
  }
  return true;
}

function hasColonBefore(text: string, start: number, limit: number): boolean {
  const colon = text.indexOf(':', start);
  if (colon >= 0 && colon < limit) return true;
  const wide = text.indexOf('\uff1a', start);
  return wide >= 0 && wide < limit;
}

function isColon(code: number): boolean {
  return code === 0x3a || code === 0xff1a;
}
