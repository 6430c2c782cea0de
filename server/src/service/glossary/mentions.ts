import type { Range } from 'vscode-languageserver-types';
import type { Paragraph, TranscriptModel } from '../model';
import { spanAt } from '../text/spans';
import { noCancellation, type CancellationToken } from '../types';
import type { Glossary, OrganisationEntry } from './glossary';
import type { TextMatch } from './matcher';

/** An organisation named in a transcript. */
export interface Mention {
  /** Offsets into `model.text`; the range covers a plural `s` or a possessive `'s` too. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** As written: `NATO's`, `NGOs`, `Soros Foundations`, `Supreme Eurasian\nEconomic Council`. */
  readonly text: string;
  /** The glossary form it matched: `NATO`, `NGO`. */
  readonly form: string;
  /** The organisations it may name, the likeliest first (more than one for an ambiguous acronym). */
  readonly ids: readonly string[];
  readonly acronym: boolean;
}

/** Paragraphs that hold no words to look at. */
const SKIPPED_KINDS = new Set<Paragraph['kind']>(['comment', 'separator', 'time']);
const URL = /\b(?:https?:\/\/|www\.)[^\s\u00a0<>"“”]+/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** How many paragraphs the last full pass over each document had to scan, per glossary (for tests). */
const scanCounts = new WeakMap<Glossary, Map<string, number>>();
const results = new WeakMap<TranscriptModel, { readonly glossary: Glossary; readonly mentions: readonly Mention[] }>();
const namedCache = new WeakMap<TranscriptModel, { readonly glossary: Glossary; readonly named: ReadonlySet<string> }>();

type ParagraphMatches = readonly TextMatch[];

/**
 * The organisations a paragraph names, offsets relative to its content. Kept with the
 * paragraph's analysis, so a paragraph whose text did not change is never scanned again, and
 * finding them needs no lookup by text.
 */
function paragraphMatches(model: TranscriptModel, paragraph: Paragraph, glossary: Glossary, counter?: { scanned: number }): ParagraphMatches {
  if (SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end) return [];
  const memo = paragraph.analysis.memo;
  const offset = paragraph.contentStart - paragraph.start;
  const kept = memo.mentions;
  if (kept && kept.version === glossary.version && kept.offset === offset) return kept.value as ParagraphMatches;
  const value = glossary.matcher.match(scannableText(model, paragraph));
  memo.mentions = { version: glossary.version, offset, value };
  if (counter) counter.scanned++;
  return value;
}

/**
 * Where the organisations a paragraph names are, in document offsets: what highlighting needs,
 * without the senses' ranking, ranges and texts of findOrganisationMentions. The same matches.
 */
export function organisationSpans(model: TranscriptModel, paragraph: Paragraph, glossary: Glossary): { readonly start: number; readonly end: number }[] {
  return paragraphMatches(model, paragraph, glossary).map((m) => ({ start: m.start + paragraph.contentStart, end: m.end + paragraph.contentStart }));
}

/**
 * Every organisation the transcript names, in document order: acronyms as whole words (with their
 * plurals and possessives), names across line wraps, forms in other languages. Front matter,
 * labels, comments, topic tags and URLs are not looked at. Paragraphs are scanned once per text
 * and glossary; the result is kept per model.
 */
export function findOrganisationMentions(model: TranscriptModel, glossary: Glossary, token: CancellationToken = noCancellation): Mention[] {
  const known = results.get(model);
  if (known && known.glossary === glossary) return [...known.mentions];

  const counter = { scanned: 0 };
  const found: { start: number; end: number; form: string; ids: readonly string[]; acronym: boolean }[] = [];
  for (const paragraph of model.paragraphs) {
    if (token.isCancellationRequested) return [];
    for (const m of paragraphMatches(model, paragraph, glossary, counter)) found.push({ ...m, start: m.start + paragraph.contentStart, end: m.end + paragraph.contentStart });
  }
  let counts = scanCounts.get(glossary);
  if (!counts) scanCounts.set(glossary, (counts = new Map()));
  counts.set(model.uri, counter.scanned);

  const context = rankingContext(model, glossary);
  const mentions = found.map((m) => toMention(model, m, context));
  results.set(model, { glossary, mentions });
  return [...mentions];
}

/**
 * The organisation named at `offset` (its end included), if any. Reads one paragraph, and the
 * organisations the rest of the document names only from what is kept with each paragraph: a
 * hover after a keystroke does not build every mention of a long transcript again.
 */
export function findOrganisationMentionAt(model: TranscriptModel, glossary: Glossary, offset: number, token: CancellationToken = noCancellation): Mention | undefined {
  const known = results.get(model);
  if (known && known.glossary === glossary) return mentionAt(known.mentions, offset);
  const paragraph = model.paragraphAt(offset);
  if (!paragraph || token.isCancellationRequested) return undefined;
  for (const m of paragraphMatches(model, paragraph, glossary)) {
    const start = m.start + paragraph.contentStart;
    const end = m.end + paragraph.contentStart;
    if (offset >= start && offset <= end) return toMention(model, { ...m, start, end }, rankingContext(model, glossary));
  }
  return undefined;
}

function toMention(model: TranscriptModel, m: { start: number; end: number; form: string; ids: readonly string[]; acronym: boolean }, context: RankingContext): Mention {
  return {
    start: m.start,
    end: m.end,
    range: model.lines.range(m.start, m.end),
    text: model.text.slice(m.start, m.end),
    form: m.form,
    ids: m.ids.length > 1 ? rankSenses(m.ids, m.form, context) : m.ids,
    acronym: m.acronym,
  };
}

/** How many paragraphs the last call for `uri` had to scan (the rest were kept from before). */
export function scannedParagraphs(glossary: Glossary, uri: string): number {
  return scanCounts.get(glossary)?.get(uri) ?? 0;
}

/** Forgets a closed document's scan count; its paragraphs' matches go with its model. */
export function forgetMentions(uri: string, glossaries: Iterable<Glossary>): void {
  for (const glossary of glossaries) scanCounts.get(glossary)?.delete(uri);
}

/** The paragraph's words from `contentStart`, with topic tags, comments and URLs blanked (offsets hold). */
function scannableText(model: TranscriptModel, paragraph: Paragraph): string {
  const base = paragraph.contentStart;
  const chars = model.source.slice(base, paragraph.end);
  const blanks: { start: number; end: number }[] = [];
  for (const tag of paragraph.tags) blanks.push({ start: tag.start - base, end: tag.end - base });
  if (chars.includes('<!--')) for (const m of chars.matchAll(COMMENT)) blanks.push({ start: m.index, end: m.index + m[0].length });
  if (chars.includes('://') || chars.includes('www.')) for (const m of chars.matchAll(URL)) blanks.push({ start: m.index, end: m.index + m[0].length });
  if (blanks.length === 0) return chars;
  let text = chars;
  for (const { start, end } of blanks) {
    const from = Math.max(0, start);
    const to = Math.min(text.length, end);
    if (to > from) text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return text;
}

interface RankingContext {
  readonly glossary: Glossary;
  readonly language: string;
  /** Organisations the document names without ambiguity. */
  readonly named: ReadonlySet<string>;
  readonly cache: Map<string, readonly string[]>;
}

/** What ranks the senses of an ambiguous acronym: the organisations the document names without ambiguity. */
function rankingContext(model: TranscriptModel, glossary: Glossary): RankingContext {
  let kept = namedCache.get(model);
  if (!kept || kept.glossary !== glossary) {
    const named = new Set<string>();
    for (const paragraph of model.paragraphs) {
      for (const m of paragraphMatches(model, paragraph, glossary)) if (m.ids.length === 1) named.add(m.ids[0]);
    }
    namedCache.set(model, (kept = { glossary, named }));
  }
  return { glossary, language: model.language, named: kept.named, cache: new Map() };
}

/**
 * The senses of an ambiguous form, the likeliest first. A sense from the front matter comes
 * before one from a workspace glossary file, which comes before a built-in one. Then what the
 * document says decides: the sense's full name elsewhere in it, the organisations it names that
 * the sense is related to, its language (the sense's `languages`, or the form being the sense's
 * form in that language); a body that no longer exists loses a tie. Then the better-known sense
 * (more names and languages) first.
 */
function rankSenses(ids: readonly string[], form: string, context: RankingContext): readonly string[] {
  const key = `${form}\u0000${ids.join(' ')}`;
  const cached = context.cache.get(key);
  if (cached) return cached;
  const { glossary, named, language } = context;
  const score = (entry: OrganisationEntry): number => {
    let s = entry.rank * 100;
    if (named.has(entry.id)) s += 5;
    if (entry.languages?.includes(language)) s += 4;
    if (entry.forms?.[language]?.includes(form)) s += 3;
    for (const other of named) {
      if (other === entry.id) continue;
      if (entry.related?.includes(other) || glossary.get(other)?.related?.includes(entry.id)) s += 2;
    }
    if (entry.dissolved) s -= 1;
    return s;
  };
  const prominence = (entry: OrganisationEntry) => entry.names.length + Object.keys(entry.forms ?? {}).length;
  const entries = ids.map((id) => glossary.get(id)).filter((e): e is OrganisationEntry => !!e);
  const scored = entries.map((entry) => ({ entry, score: score(entry), prominence: prominence(entry) }));
  scored.sort((a, b) => b.score - a.score || b.prominence - a.prominence || a.entry.order - b.entry.order);
  const ranked = scored.map((s) => s.entry.id);
  context.cache.set(key, ranked);
  return ranked;
}

/** The mention at an offset (its end included), if any. */
export function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  return spanAt(mentions, offset);
}

export interface OrganisationCount {
  readonly entry: OrganisationEntry;
  readonly count: number;
  readonly mentions: readonly Mention[];
}

/**
 * The organisations a transcript names, the most named first; an ambiguous mention counts for
 * its likeliest sense.
 */
export function countOrganisations(model: TranscriptModel, glossary: Glossary, token: CancellationToken = noCancellation): OrganisationCount[] {
  const byId = new Map<string, Mention[]>();
  for (const mention of findOrganisationMentions(model, glossary, token)) {
    const id = mention.ids[0];
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(mention);
  }
  const counts = [...byId].map(([id, mentions]) => ({ entry: glossary.get(id)!, count: mentions.length, mentions })).filter((c) => c.entry);
  const label = (c: OrganisationCount) => c.entry.acronyms[0] ?? c.entry.fullName;
  return counts.sort((a, b) => b.count - a.count || label(a).localeCompare(label(b)) || a.entry.id.localeCompare(b.entry.id));
}
