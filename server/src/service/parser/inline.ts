import type { AnnotationKind } from '../model';
import { detached } from '../text/detached';
import { alternation, wordsOfAllLanguages } from '../text/languages';

/** Inline elements of a paragraph; offsets are relative to the paragraph. */
export interface InlineTag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface InlineAnnotation {
  readonly start: number;
  readonly end: number;
  readonly kind: AnnotationKind;
  readonly text: string;
  readonly seconds?: number;
}

export interface InlineComment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface InlineElements {
  readonly tags: InlineTag[];
  readonly annotations: InlineAnnotation[];
  readonly comments: InlineComment[];
  /** URLs, where neither tags nor sentence ends are looked for. */
  readonly urls: { start: number; end: number }[];
}

const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s\u00a0<>"“”]+/g;
// A tag starts with a letter, so `#1` is not one; it may not follow a letter, digit or `/`,
// which keeps `page#section` and `#` inside URLs out.
const TAG = /(?<![\p{L}\p{N}_/&#])#(\p{L}[\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*)/gu;
// `\[laughs\]`, `\[04:22\]`: brackets as Markdown converters export them, escaped, read as plain ones.
const BRACKETS = /(\\?)\[([^[\]\r\n]{1,200})\]/g;
const PARENTHESES = /\(([^()\r\n]{1,200})\)/g;
const TIMESTAMP = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2}(?:[.,]\d+)?)$/;
const TRUNCATION = /^(?:…|\.\.\.|\.\s\.\s\.)$/;
/** Parenthesised words that describe the room, not the speech. */
const STAGE_WORDS = new RegExp(`^(?:${alternation(wordsOfAllLanguages('stageWords'))})(?![\\p{L}\\p{N}])`, 'iu');
/** `(spoke in English)`, `(in Russian)`: the language named with its capital. */
const LANGUAGE_NOTE = /^(?:[Ss]poke in|[Ss]peaks in|[Ii]n) \p{Lu}\p{Ll}+/u;

export function isStageDirection(text: string): boolean {
  return STAGE_WORDS.test(text) || LANGUAGE_NOTE.test(text);
}

const NONE: InlineElements = Object.freeze({ tags: [], annotations: [], comments: [], urls: [] }) as unknown as InlineElements;

export function findInlineElements(text: string): InlineElements {
  // Most paragraphs have none of these: look for their first character before any pattern.
  const hasComment = text.includes('<!--');
  const hasUrl = text.includes('://') || text.includes('www.');
  const hasTag = text.includes('#');
  const hasBracket = text.includes('[');
  const hasParenthesis = text.includes('(');
  if (!hasComment && !hasUrl && !hasTag && !hasBracket && !hasParenthesis) return NONE;
  const comments: InlineComment[] = [];
  if (hasComment) {
    for (const m of text.matchAll(COMMENT)) comments.push({ start: m.index, end: m.index + m[0].length, text: detached(m[1].trim()) });
  }
  const urls: { start: number; end: number }[] = [];
  for (const m of hasUrl ? text.matchAll(URL) : []) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
    urls.push({ start: m.index, end });
  }
  const excluded = (at: number) => inside(comments, at) || inside(urls, at);

  const tags: InlineTag[] = [];
  for (const m of hasTag ? text.matchAll(TAG) : []) {
    if (excluded(m.index)) continue;
    tags.push({ start: m.index, end: m.index + m[0].length, name: detached(m[1].toLowerCase()) });
  }

  const annotations: InlineAnnotation[] = [];
  for (const m of hasBracket ? text.matchAll(BRACKETS) : []) {
    const inner = m[1] && m[2].endsWith('\\') ? m[2].slice(0, -1) : m[2];
    if (excluded(m.index) || !inner) continue;
    annotations.push(annotation(m.index, m[0].length, inner, bracketKind(inner)));
  }
  for (const m of hasParenthesis ? text.matchAll(PARENTHESES) : []) {
    if (excluded(m.index) || !isStageDirection(m[1].trim())) continue;
    annotations.push(annotation(m.index, m[0].length, m[1], 'stage'));
  }
  annotations.sort((a, b) => a.start - b.start);
  return { tags, annotations, comments, urls };
}

function annotation(start: number, length: number, inner: string, kind: AnnotationKind): InlineAnnotation {
  const text = detached(inner.trim());
  const seconds = kind === 'timestamp' ? timestampSeconds(text) : undefined;
  return seconds === undefined ? { start, end: start + length, kind, text } : { start, end: start + length, kind, text, seconds };
}

function bracketKind(inner: string): AnnotationKind {
  const text = inner.trim();
  if (TIMESTAMP.test(text)) return 'timestamp';
  if (TRUNCATION.test(text)) return 'truncation';
  return 'note';
}

/** `00:12:34` → 754; `12:34.5` → 754.5. */
export function timestampSeconds(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const hours = m[1] ? Number(m[1]) : 0;
  return hours * 3600 + Number(m[2]) * 60 + Number(m[3].replace(',', '.'));
}

/** `spans` are in order and do not overlap (matches of one global regex): a binary search, not a scan per tag. */
function inside(spans: readonly { start: number; end: number }[], at: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= at) low = mid + 1;
    else high = mid - 1;
  }
  return high >= 0 && at < spans[high].end;
}
