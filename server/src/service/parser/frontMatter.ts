import { LineCounter, parseDocument } from 'yaml';
import type { DeclaredSpeaker, FrontMatter, FrontMatterProblem } from '../model';
import { detached } from '../text/detached';
import type { LineIndex } from '../text/lineIndex';

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
/** A YAML collection read for a key's node (`get(key, true)`), whose range a problem points at. */
interface KeyedNodes {
  get(key: string, keepNode: true): { range?: number[] } | undefined;
}

/**
 * Reads a `---` block of YAML at the very top (after a BOM). Unknown keys are kept in `data` and
 * otherwise ignored; a key of the wrong type is reported and left out.
 */
export function parseFrontMatter(lines: LineIndex, firstLine: number): FrontMatter | undefined {
  if (firstLine >= lines.lineCount || !FENCE.test(lines.lineText(firstLine))) return undefined;
  let closing = -1;
  for (let line = firstLine + 1; line < lines.lineCount; line++) {
    if (CLOSING_FENCE.test(lines.lineText(line))) {
      closing = line;
      break;
    }
  }
  if (closing < 0) return undefined;

  const contentStart = lines.lineStarts[firstLine + 1];
  const contentEnd = lines.lineStarts[closing];
  // Parsed from a copy: the strings YAML makes are slices of its source, and the front matter is
  // kept across versions while edits stay below it (a slice of the text would keep that version alive).
  const source = detached(lines.text.slice(contentStart, contentEnd));
  const problems: FrontMatterProblem[] = [];
  const document = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  for (const error of [...document.errors, ...document.warnings]) {
    // An error found at the end of the YAML (an unclosed bracket) is shown on its last line, not on the fence.
    let from = Math.min(error.pos[0], Math.max(0, source.length - 1));
    let to = Math.min(Math.max(error.pos[1], from + 1), source.length);
    // Whole characters: one character on from an emoji is its second UTF-16 half, no position at all.
    if (splitsPair(source, from)) from--;
    if (splitsPair(source, to)) to++;
    problems.push({ start: contentStart + from, end: contentStart + to, message: firstLineOf(error.message) });
  }

  let data: Record<string, unknown> = {};
  const value: unknown = document.errors.length === 0 ? document.toJS({ maxAliasCount: 100 }) : undefined;
  if (isRecord(value)) data = value;
  else if (value !== undefined && value !== null) {
    problems.push({ start: contentStart, end: contentEnd, message: 'Front matter must be a YAML mapping of keys to values.' });
  }

  const report = (key: string, expected: string) => {
    const node = document.contents && 'get' in document.contents ? (document.contents as KeyedNodes).get(key, true) : undefined;
    const [from, to] = node?.range ?? [0, source.length];
    problems.push({ start: contentStart + from, end: contentStart + to, message: `\`${key}\` must be ${expected}.` });
  };
  const text = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || v instanceof Date) return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    report(key, 'a string');
    return undefined;
  };

  const language = text('language')?.toLowerCase().split(/[-_]/)[0];
  const frontMatter: FrontMatter = {
    start: lines.lineStarts[firstLine],
    end: lines.lineEnd(closing),
    contentStart,
    contentEnd,
    data,
    title: text('title'),
    date: text('date'),
    place: text('place'),
    language,
    speakers: readSpeakers(data.speakers, () => report('speakers', 'a list of names, or of `{ name, role, aliases }`')),
    questionMarkers: readStrings(data.questionMarkers, () => report('questionMarkers', 'a list of strings')),
    ...(data.questioners === undefined ? {} : { questioners: readStrings(data.questioners, () => report('questioners', 'a list of names')) }),
    problems,
  };
  return frontMatter;
}

function readSpeakers(value: unknown, invalid: () => void): DeclaredSpeaker[] {
  if (value === undefined || value === null) return [];
  const speakers: DeclaredSpeaker[] = [];
  const add = (name: unknown, details: unknown) => {
    if (typeof name !== 'string' || !name.trim()) return invalid();
    const record = isRecord(details) ? details : {};
    const role = typeof record.role === 'string' ? record.role : undefined;
    const aliases = readStrings(record.aliases, invalid);
    speakers.push(role === undefined ? { name: name.trim(), aliases } : { name: name.trim(), role, aliases });
  };
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry === 'string') add(entry, undefined);
      else if (isRecord(entry)) add(entry.name, entry);
      else invalid();
    }
  } else if (isRecord(value)) {
    for (const [name, details] of Object.entries(value)) add(name, details);
  } else {
    invalid();
  }
  return speakers;
}

function readStrings(value: unknown, invalid: () => void): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  invalid();
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function firstLineOf(message: string): string {
  return message.split('\n')[0];
}
