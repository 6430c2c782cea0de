import type { Range } from 'vscode-languageserver-types';
import { CANCELLED, query, type DerivedResults } from '../derivedResults';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import type { ParagraphReader } from '../text/words';
import type { Paragraph, TranscriptModel } from '../model';
import { spanAt } from '../text/spans';
import { noCancellation, type CancellationToken } from '../types';
import { languageWords, listsOf } from '../text/languages';
import type { Glossary, OrganisationEntry } from './glossary';
import type { TextMatch } from './matcher';
import { definedEntry, documentDefinitions, type DefinedName, type Definitions } from './definitions';
import { countriesNamed, countryBefore, homeCountry, leadingCountry, needsItsCountry, paragraphCountries, type CountriesNamed } from './countries';
import { countsAlongEdits } from '../editChain';
import { acronymsOf, formedEntry, formedMatches, formNamesItsNation, formSaysItsCountry, type FormedMatches, type FormedName } from './formedNames';
import type { Steps } from '../steps';

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
  /**
   * The transcript's own definition of the form (`the Lake Ferry Authority (LFA)`), which wins over
   * the glossary in this document; `sense` is the glossary entry it names, if one does (then first in `ids`).
   */
  readonly definition?: DefinedName & { readonly sense?: string };
  /** A name known by its form only (`Judiciary Committee`), which no glossary entry bears: its card says what kind of body it is. */
  readonly formed?: FormedName;
}

/** Paragraphs that hold no words to look at. */
const SKIPPED_KINDS = new Set<Paragraph['kind']>(['comment', 'separator', 'time']);
const LOWER = /\p{Ll}/u;
const URL = /\b(?:https?:\/\/|www\.)[^\s\u00a0<>"“”]+/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** A match of the glossary, or of a name the document defines (`definition`), offsets relative to the paragraph's content. */
interface FoundMatch extends TextMatch {
  readonly definition?: DefinedName;
  readonly formed?: FormedName;
}

type ParagraphMatches = readonly FoundMatch[];

/**
 * The organisations a paragraph names, offsets relative to its content: a paragraph whose text
 * did not change is never scanned again while the glossary stands.
 */
export const PARAGRAPH_MATCHES = query(
  'paragraph organisations',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number, glossary: Glossary): readonly TextMatch[] =>
    glossary.matcher.match(scannableText(model, paragraph)),
);

/**
 * The names a paragraph forms as organisations' (`Judiciary Committee`, `Southampton University`)
 * where the glossary matches none of their words, with the glossary's variants of them.
 */
const PARAGRAPH_FORMED_NAMES = query(
  'paragraph names by form',
  [],
  (results, analysis: ParagraphAnalysis, reader: ParagraphReader, offset: number, glossary: Glossary): FormedMatches =>
    formedMatches(scannableText(reader.model, reader.paragraph), glossary, results.get(PARAGRAPH_MATCHES, analysis, reader, offset, glossary)),
);

/**
 * The names a paragraph mentions that the document defines, stamped with the definitions' text:
 * a keystroke that leaves the definitions as they were leaves every other paragraph's as it was.
 */
const PARAGRAPH_DEFINED_MATCHES = query(
  'paragraph defined names',
  [],
  (
    _results, _analysis: ParagraphAnalysis, { model, paragraph, definitions }: ParagraphReader & { definitions: Definitions }, _offset: number, _key: string,
  ): readonly TextMatch[] => definitions.matcher.match(scannableText(model, paragraph)),
);

const byStart = (a: TextMatch, b: TextMatch) => a.start - b.start;

function paragraphMatches(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, glossary: Glossary): ParagraphMatches {
  if (SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end) return [];
  const offset = paragraph.contentStart - paragraph.start;
  const matches = results.get(PARAGRAPH_MATCHES, paragraph.analysis, { model, paragraph }, offset, glossary);
  const byForm = results.get(PARAGRAPH_FORMED_NAMES, paragraph.analysis, { model, paragraph }, offset, glossary);
  let found: readonly FoundMatch[] = withTheirCountries(
    results, model, paragraph, glossary, byForm.variants.length ? [...matches, ...byForm.variants].sort(byStart) : matches,
  );
  // A name by its form has its class's card where no variant of it stands; one that holds its owner's name, instead of that name.
  const inside = (m: TextMatch, f: TextMatch) => m.start >= f.start && m.end <= f.end;
  const formed = byForm.formed.filter((f) => !found.some((m) => m.start < f.end && f.start < m.end && !(f.covers && inside(m, f))));
  if (formed.length) found = [...found.filter((m) => !formed.some((f) => f.covers && inside(m, f))), ...formed].sort(byStart);
  found = withSpeltAcronyms(results, model, paragraph, glossary, found);
  const definitions = documentDefinitions(results, model);
  if (!definitions.names.length) return found;
  const defined = results.get(PARAGRAPH_DEFINED_MATCHES, paragraph.analysis, { model, paragraph, definitions }, offset, definitions.key);
  // The definitions' positions are this version's: the matches, kept across versions, hold only the acronym's id.
  return defined.length ? withDefinitions(found, defined.map((m) => ({ ...m, definition: definitions.byId.get(m.ids[0]) }))) : found;
}

/**
 * The matches less the senses that stand only where the transcript names their country (a party
 * from a dataset: its acronym is a few letters, its name often a generic `Labor Party`), or names
 * them as their country's language does in a transcript in that language (`SPD`, `Die Linke` in a
 * German debate that never says `Deutschland`), and less the senses of a generic name
 * (`High Court`) that are not the transcript's own country's, or the country a word before it
 * names (`US Air Force`): a match left with no sense is no mention. A form that says its country
 * (`Ninth Circuit`) needs it named no more.
 */
function withTheirCountries(
  results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, glossary: Glossary, found: readonly TextMatch[],
): readonly TextMatch[] {
  let kept: TextMatch[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    const generic = glossary.genericSenses(m.form);
    const gated = !!generic || m.ids.some((id) => { const e = glossary.get(id); return !!e && needsItsCountry(e); });
    if (!gated && !kept) continue;
    kept ??= found.slice(0, i);
    if (!gated) {
      kept.push(m);
      continue;
    }
    // The transcript's own country may read every paragraph's bodies (transcriptCountry): read once, and only where asked.
    let home: string | undefined | null = null;
    const ownCountry = () => (home === null ? (home = transcriptCountry(results, model, glossary)) : home);
    // Where the transcript's own country is known, a foreign body's name or acronym needs its country in the words around it:
    // a Spanish debate that names Argentina once does not make its `Partido Socialista` Argentina's, nor an Australian one's `CRC` Russia's.
    const namedAround = (country: string) =>
      paragraphCountries(results, model, paragraph).includes(country) || countryBefore(model.source, paragraph.contentStart + m.start) === country;
    const standsOnItsOwn = (e: OrganisationEntry) => !needsItsCountry(e) || !!e.namesWithoutCountry?.includes(m.form)
      || formSaysItsCountry(m.form, e.country) || formNamesItsNation(m.form, e.country);
    const stands = (e: OrganisationEntry | undefined) => !e || standsOnItsOwn(e) || e.country === ownCountry()
      || (ownCountry() === undefined ? countriesNamed(results, model).has(e.country!) || !!e.forms?.[model.language]?.includes(m.form) : namedAround(e.country!));
    let ids = m.ids.filter((id) => stands(glossary.get(id)));
    // A generic name in capitals is a heading's or a dateline's word (`PARLIAMENT HOUSE, CANBERRA`), not a body's name.
    const inCapitals = () => LOWER.test(m.form) && !LOWER.test(model.source.slice(paragraph.contentStart + m.start, paragraph.contentStart + m.end));
    const country = () => countryBefore(model.source, paragraph.contentStart + m.start) ?? ownCountry();
    if (generic) ids = inCapitals() ? [] : ownCountrysSenses(glossary, ids, generic, country());
    if (ids.length) kept.push(ids.length === m.ids.length ? m : { ...m, ids });
  }
  return kept ?? found;
}

/**
 * How many paragraphs name, without ambiguity, a body of each country that needs no country named
 * (the EEOC, the Bundestag, the Ninth Circuit): updated along an edit.
 */
const BODIES_COUNTRIES = countsAlongEdits('countries of the bodies named', (results, version, paragraph, glossary: Glossary) => {
  if (SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end) return [];
  const matches = results.get(PARAGRAPH_MATCHES, paragraph.analysis, { model: version, paragraph }, paragraph.contentStart - paragraph.start, glossary);
  const countries = new Set<string>();
  for (const m of matches) {
    const naming = m.ids.length === 1 ? glossary.namingOf(m.ids[0]) : undefined;
    if (naming?.country && (!needsItsCountry(naming) || formSaysItsCountry(m.form, naming.country))) countries.add(naming.country);
  }
  return countries;
});

/**
 * The document-wide values a hover on a name may read (the countries of the bodies named, the
 * names spelt out), read in steps where they read every paragraph: for work run ahead of the first hover.
 */
export function* mentionValuesInSteps(results: DerivedResults, model: TranscriptModel, glossary: Glossary): Steps<void> {
  yield* results.getInSteps(BODIES_COUNTRIES, model, undefined, glossary);
  yield* results.getInSteps(SPELT_OUT, model, undefined, glossary);
}

/** All-caps words of three letters or more, as the unknown names read them. */
const ACRONYM_WORD = /(?<![\p{L}\p{N}_@/#.])\p{Lu}{3,10}(?![\p{L}\p{N}_]|\.\p{L})/gu;

/**
 * What the organisations' names a transcript spells out stand for as acronyms, by acronym: the
 * names by their form (`Green Software Foundation` → GSF) and the glossary's names that stand
 * without a country (a ROR body written out whose acronym the glossary lacks, or whose name tells
 * it without its country: `namesWithoutCountry`), counted by the
 * paragraphs that name them, along edits. `name` is a formed name's full name, `id` a glossary entry's.
 */
const SPELT_OUT = countsAlongEdits('names spelt out', (results, version, paragraph, glossary: Glossary) => {
  if (SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end) return [];
  const reader = { model: version, paragraph };
  const offset = paragraph.contentStart - paragraph.start;
  const keys = new Set<string>();
  for (const m of results.get(PARAGRAPH_FORMED_NAMES, paragraph.analysis, reader, offset, glossary).formed) {
    for (const acronym of acronymsOf(m.formed.fullName)) keys.add(`${acronym}\u0001name\u0001${m.formed.fullName}`);
  }
  for (const m of results.get(PARAGRAPH_MATCHES, paragraph.analysis, reader, offset, glossary)) {
    const naming = m.acronym || m.ids.length !== 1 ? undefined : glossary.namingOf(m.ids[0]);
    if (!naming || naming.acronyms.length) continue;
    // A national dataset's name stands only where it tells its body without its country (`American Bar Association` → ABA).
    if (needsItsCountry(naming) && !glossary.get(naming.id)?.namesWithoutCountry?.includes(m.form)) continue;
    for (const acronym of acronymsOf(m.form)) keys.add(`${acronym}\u0001id\u0001${m.ids[0]}`);
  }
  return keys;
});

/** The names spelt out, by the acronym they stand for: `kind\u0001value` as SPELT_OUT keys them. */
const SPELT_OUT_BY_ACRONYM = query('names spelt out by acronym', [], (_results, counts: ReadonlyMap<string, number>): ReadonlyMap<string, readonly string[]> => {
  const byAcronym = new Map<string, string[]>();
  for (const key of counts.keys()) {
    const cut = key.indexOf('\u0001');
    const list = byAcronym.get(key.slice(0, cut));
    if (list) list.push(key.slice(cut + 1));
    else byAcronym.set(key.slice(0, cut), [key.slice(cut + 1)]);
  }
  return byAcronym;
});

/**
 * A paragraph's matches with the all-caps words that a name the transcript spells out elsewhere
 * stands for, and only one (`GSF`, where the transcript also says `Green Software Foundation`):
 * that name's card, with the acronym. The transcript's name outranks the glossary's senses of the
 * same letters: `FSB` in a debate that names the `Federation of Small Businesses` is no Russian
 * service, `TPC` after a `Transitional Presidential Council` no weather office.
 */
function withSpeltAcronyms(
  results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, glossary: Glossary, found: readonly FoundMatch[],
): readonly FoundMatch[] {
  const text = scannableText(model, paragraph);
  let meaningsOf: ReadonlyMap<string, readonly string[]> | undefined;
  let changed = false;
  const kept = [...found];
  for (const m of text.matchAll(ACRONYM_WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const covering = kept.filter((f) => f.start < end && start < f.end);
    // Only the glossary's own sense of exactly these letters gives way, not a longer name around them.
    const known = covering.length === 1 && covering[0].start === start && covering[0].acronym && !covering[0].formed ? covering[0] : undefined;
    if (covering.length && !known) continue;
    meaningsOf ??= results.get(SPELT_OUT_BY_ACRONYM, results.get(SPELT_OUT, model, undefined, glossary), undefined);
    const meanings = meaningsOf.get(m[0]);
    if (meanings?.length !== 1) continue;
    const [kind, value] = meanings[0].split('\u0001');
    let spelt: FoundMatch | undefined;
    if (kind === 'id') spelt = { start, end, form: m[0], ids: [value], acronym: true };
    else {
      const formed = formedMatches(value, glossary, []).formed.find((f) => f.formed.fullName === value)?.formed;
      if (formed) spelt = { start, end, form: m[0], ids: [`formed:${value}`], acronym: true, formed: { ...formed, acronym: m[0] } };
    }
    if (!spelt) continue;
    if (known) kept.splice(kept.indexOf(known), 1, { ...spelt, end: known.end });
    else kept.push(spelt);
    changed = true;
  }
  return changed ? kept.sort(byStart) : found;
}

/**
 * The transcript's own country: the one its paragraphs name (homeCountry), else the one whose
 * national bodies they name, by the same rule: a Supreme Court argument that never says `United
 * States` but names the Fifth Circuit in many paragraphs is American.
 */
function transcriptCountry(results: DerivedResults, model: TranscriptModel, glossary: Glossary): string | undefined {
  return homeCountry(results, model) ?? leadingCountry(results.get(BODIES_COUNTRIES, model, undefined, glossary), model.language);
}

/**
 * Of the senses of a generic name, those its country (`home`: the transcript's) means by it: the
 * body the generic names' table gives for that country, else that country's bodies that bear the
 * name; never another country's, nor any country's where the transcript's is not known. A sense
 * of no country (an international body's name) stands.
 */
function ownCountrysSenses(glossary: Glossary, ids: readonly string[], generic: ReadonlyMap<string, string>, home: string | undefined): string[] {
  const chosen = home === undefined ? undefined : generic.get(home);
  const tabled = new Set(generic.values());
  return ids.filter((id) => {
    if (tabled.has(id)) return id === chosen;
    const country = glossary.namingOf(id)?.country;
    return country === undefined || (country === home && chosen === undefined);
  });
}

/**
 * A paragraph's glossary matches with the document's defined names: a defined name takes the place
 * of what the glossary finds on the same words, and keeps the glossary's senses as other
 * meanings; a longer glossary name around it stands.
 */
function withDefinitions(found: readonly FoundMatch[], defined: readonly FoundMatch[]): FoundMatch[] {
  const merged: FoundMatch[] = [];
  const taken = new Set<TextMatch>();
  for (const d of defined) {
    const overlapping = found.filter((m) => m.start < d.end && d.start < m.end);
    if (overlapping.some((m) => m.start <= d.start && m.end >= d.end && m.end - m.start > d.end - d.start)) continue;
    for (const m of overlapping) taken.add(m);
    const same = overlapping.find((m) => m.start === d.start && m.end === d.end);
    merged.push({ ...d, ids: same && !same.formed ? same.ids : [] });
  }
  for (const m of found) if (!taken.has(m)) merged.push(m);
  return merged.sort((a, b) => a.start - b.start);
}

/** Every mention of a version, for a glossary. */
const MENTIONS = query(
  'organisation mentions',
  [],
  (results, model: TranscriptModel, token: CancellationToken, glossary: Glossary): readonly Mention[] | typeof CANCELLED => {
    const found: { paragraph: Paragraph; matches: ParagraphMatches }[] = [];
    for (const paragraph of model.paragraphs) {
      if (token.isCancellationRequested) return CANCELLED;
      const matches = paragraphMatches(results, model, paragraph, glossary);
      if (matches.length) found.push({ paragraph, matches });
    }
    const context = rankingContext(results, model, glossary);
    return found.flatMap(({ paragraph, matches }) => matches.map((m) => toMention(model, paragraph, matches, m, context)));
  },
);

/**
 * Where the organisations a paragraph names are, in document offsets: what highlighting needs,
 * without the senses' ranking, ranges and texts of findOrganisationMentions. The same matches;
 * `formed`: a name known by its form only, which the glossary has no entry for.
 */
export function organisationSpans(
  results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, glossary: Glossary,
): { readonly start: number; readonly end: number; readonly formed: boolean }[] {
  const { contentStart } = paragraph;
  return paragraphMatches(results, model, paragraph, glossary).map((m) => ({ start: m.start + contentStart, end: m.end + contentStart, formed: !!m.formed }));
}

/**
 * Every organisation the transcript names, in document order: acronyms as whole words (with their
 * plurals and possessives), names across line wraps, forms in other languages. Front matter,
 * labels, comments, topic tags and URLs are not looked at. Paragraphs are scanned once per text
 * and glossary; the result is kept per model.
 */
export function findOrganisationMentions(
  results: DerivedResults, model: TranscriptModel, glossary: Glossary, token: CancellationToken = noCancellation,
): Mention[] {
  const mentions = results.get(MENTIONS, model, token, glossary);
  return mentions === CANCELLED ? [] : [...mentions];
}

/**
 * The organisation named at `offset` (its end included), if any. Reads one paragraph, and the
 * organisations the rest of the document names only from what is kept with each paragraph: a
 * hover after a keystroke does not build every mention of a long transcript again.
 */
export function findOrganisationMentionAt(
  results: DerivedResults, model: TranscriptModel, glossary: Glossary, offset: number, token: CancellationToken = noCancellation,
): Mention | undefined {
  const paragraph = model.paragraphAt(offset);
  if (!paragraph || token.isCancellationRequested) return undefined;
  const matches = paragraphMatches(results, model, paragraph, glossary);
  const at = offset - paragraph.contentStart;
  const match = matches.find((m) => at >= m.start && at <= m.end);
  return match && toMention(model, paragraph, matches, match, rankingContext(results, model, glossary));
}

/** A match of `paragraph` (offsets relative to its content) as a mention, its senses ranked where it has several. */
function toMention(model: TranscriptModel, paragraph: Paragraph, matches: ParagraphMatches, m: FoundMatch, context: RankingContext): Mention {
  const start = m.start + paragraph.contentStart;
  const end = m.end + paragraph.contentStart;
  let ids = m.ids.length > 1 ? rankSenses(m, context, surroundings(model, paragraph, matches, m)) : m.ids;
  let definition: Mention['definition'];
  if (m.definition) {
    // The glossary's sense the definition names, if one does, comes first.
    const named = (e: OrganisationEntry | undefined) => !!e && [e.fullName, ...e.names].some((n) => sameName(n, m.definition!.fullName));
    const sense = ids.find((id) => named(context.glossary.get(id)));
    if (sense) ids = [sense, ...ids.filter((id) => id !== sense)];
    definition = { ...m.definition, sense };
  }
  return {
    start, end, range: model.lines.range(start, end), text: model.text.slice(start, end),
    form: m.form, ids, acronym: m.acronym, ...(definition ? { definition } : {}), ...(m.formed && !definition ? { formed: m.formed } : {}),
  };
}

function sameName(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/^(the|la|le|les|el|los|las|der|die|das)\s+/i, '').replace(/\s+/g, ' ').toLowerCase();
  return plain(a) === plain(b);
}


/** The paragraph's words from `contentStart`, with topic tags, comments and URLs blanked (offsets hold). */
export function scannableText(model: TranscriptModel, paragraph: Paragraph): string {
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
  /** The countries the document names. */
  readonly countries: CountriesNamed;
  /** The transcript's own country, where its paragraphs tell. */
  readonly home: string | undefined;
  /** The words that point to each sense of an ambiguous form, by form and ids. */
  readonly senseWords: Map<string, ReadonlyMap<string, ReadonlySet<string>>>;
}

/** The organisations a version names without ambiguity, for a glossary. */
const NAMED = query('organisations named', [], (results, model: TranscriptModel, _reader: undefined, glossary: Glossary): ReadonlySet<string> => {
  const named = new Set<string>();
  for (const paragraph of model.paragraphs) {
    for (const m of paragraphMatches(results, model, paragraph, glossary)) if (m.ids.length === 1) named.add(m.ids[0]);
  }
  return named;
});

/**
 * What ranks the senses of an ambiguous acronym across the document: the organisations it names
 * without ambiguity, the countries it names, its own country. Read when a form with several senses
 * is ranked: a hover on a name of one sense does not match the whole document against the glossary.
 */
function rankingContext(results: DerivedResults, model: TranscriptModel, glossary: Glossary): RankingContext {
  return {
    glossary, language: model.language, senseWords: new Map(),
    get named() {
      return results.get(NAMED, model, undefined, glossary);
    },
    get countries() {
      return countriesNamed(results, model);
    },
    get home() {
      return transcriptCountry(results, model, glossary);
    },
  };
}

/** How far either side of a mention, in characters of its paragraph, the words that rank its senses are read. */
const SURROUNDINGS = 300;
const WORD = /[\p{L}\p{N}]+/gu;

/** What is written around a mention: its neighbours' words, in lower case, and the organisations named there without ambiguity. */
interface Surroundings {
  readonly words: ReadonlySet<string>;
  readonly named: ReadonlySet<string>;
}

function surroundings(model: TranscriptModel, paragraph: Paragraph, matches: ParagraphMatches, mention: TextMatch): Surroundings {
  const base = paragraph.contentStart;
  const from = Math.max(base, base + mention.start - SURROUNDINGS);
  const to = Math.min(paragraph.end, base + mention.end + SURROUNDINGS);
  const words = new Set<string>();
  for (const text of [model.source.slice(from, base + mention.start), model.source.slice(base + mention.end, to)]) {
    for (const word of text.matchAll(WORD)) words.add(word[0].toLowerCase());
  }
  const named = new Set<string>();
  for (const m of matches) if (m !== mention && m.ids.length === 1 && base + m.end > from && base + m.start < to) named.add(m.ids[0]);
  return { words, named };
}

/**
 * What ranks the senses of an ambiguous form: the layer a sense comes from, then what is written
 * around the mention, then what the whole document says. Words and organisations near the
 * mention weigh more than the document's, which often speaks of both senses' worlds.
 */
const WEIGHTS = {
  /** Per layer: a sense from the front matter before one from a workspace file, before a built-in one. */
  layer: 100,
  /** Per word of the sense near the mention (see senseWords). */
  nearbyWord: 3,
  /** Per organisation named near the mention that is the sense itself or related to it. */
  nearbyOrganisation: 3,
  /** The sense's full name or another of its names elsewhere in the document. */
  namedInDocument: 5,
  /** The document's language is one of the sense's `languages`. */
  language: 4,
  /** The form is the sense's form in the document's language. */
  languageForm: 3,
  /** Per organisation the document names that is related to the sense. */
  relatedInDocument: 2,
  /** The sense belongs to a country the document names. */
  country: 4,
  /**
   * The sense belongs to the transcript's own country: a national name (`Liberal Party`, `ABC`)
   * never picks a foreign body when the transcript's country has one; only a sense from a higher layer outweighs it.
   */
  homeCountry: 30,
  /** A body that no longer exists. */
  dissolved: -1,
} as const;

/**
 * The senses of an ambiguous mention, the likeliest first, by WEIGHTS; then the better-known sense
 * (more names and languages) first.
 */
function rankSenses(mention: TextMatch, context: RankingContext, near: Surroundings): readonly string[] {
  const { glossary, named, language } = context;
  const entries = mention.ids.map((id) => glossary.get(id)).filter((e): e is OrganisationEntry => !!e);
  const words = senseWords(mention, entries, context);
  const isRelated = (entry: OrganisationEntry, other: string) => entry.related?.includes(other) || glossary.get(other)?.related?.includes(entry.id);
  const score = (entry: OrganisationEntry): number => {
    let s = entry.rank * WEIGHTS.layer;
    for (const word of words.get(entry.id) ?? []) if (near.words.has(word)) s += WEIGHTS.nearbyWord;
    for (const other of near.named) if (other === entry.id || isRelated(entry, other)) s += WEIGHTS.nearbyOrganisation;
    if (named.has(entry.id)) s += WEIGHTS.namedInDocument;
    if (entry.languages?.includes(language)) s += WEIGHTS.language;
    if (entry.forms?.[language]?.includes(mention.form)) s += WEIGHTS.languageForm;
    for (const other of named) if (other !== entry.id && isRelated(entry, other)) s += WEIGHTS.relatedInDocument;
    if (entry.country && context.countries.has(entry.country)) s += WEIGHTS.country;
    if (entry.country && entry.country === context.home) s += WEIGHTS.homeCountry;
    if (entry.dissolved) s += WEIGHTS.dissolved;
    return s;
  };
  const prominence = (entry: OrganisationEntry) => entry.names.length + Object.keys(entry.forms ?? {}).length;
  const scored = entries.map((entry) => ({ entry, score: score(entry), prominence: prominence(entry) }));
  scored.sort((a, b) => b.score - a.score || b.prominence - a.prominence || a.entry.order - b.entry.order);
  return scored.map((s) => s.entry.id);
}

/**
 * The words that point to each sense of an ambiguous form: those of its names, description,
 * headquarters and `cues`, in lower case, but for short and function words, and for the words
 * another sense has too (`economic` says nothing between the two EECs).
 */
function senseWords(mention: TextMatch, entries: readonly OrganisationEntry[], context: RankingContext): ReadonlyMap<string, ReadonlySet<string>> {
  const key = `${mention.form}\u0000${mention.ids.join(' ')}`;
  const kept = context.senseWords.get(key);
  if (kept) return kept;
  const functionWords = SENSE_FUNCTION_WORDS;
  const own = entries.map((entry) => {
    const text = [entry.fullName, ...entry.names, entry.description ?? '', entry.headquarters ?? '', ...(entry.cues ?? [])].join(' ');
    return new Set([...text.matchAll(WORD)].map((m) => m[0].toLowerCase()).filter((w) => w.length > 2 && !functionWords.has(w)));
  });
  const senses = new Map(entries.map((entry, i) => [entry.id, new Set([...own[i]].filter((w) => own.every((other, j) => j === i || !other.has(w))))]));
  context.senseWords.set(key, senses);
  return senses;
}

/** Words too common to point to a sense: those no sentence ends on, and the most frequent (`that` in a description). */
const SENSE_FUNCTION_WORDS: ReadonlySet<string> = new Set([...languageWords('en').cannotEnd, ...(listsOf('stopWords').en ?? [])]);

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
export function countOrganisations(
  results: DerivedResults, model: TranscriptModel, glossary: Glossary, token: CancellationToken = noCancellation,
): OrganisationCount[] {
  const byId = new Map<string, Mention[]>();
  const defined = new Map<string, OrganisationEntry>();
  for (const mention of findOrganisationMentions(results, model, glossary, token)) {
    const definition = mention.definition;
    let id = mention.ids[0];
    if (definition && !definition.sense) {
      const entry = definedEntry(model, definition);
      defined.set(entry.id, entry);
      id = entry.id;
    } else if (mention.formed) {
      const entry = formedEntry(mention.formed);
      defined.set(entry.id, entry);
      id = entry.id;
    }
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(mention);
  }
  const counts = [...byId].map(([id, mentions]) => ({ entry: defined.get(id) ?? glossary.get(id)!, count: mentions.length, mentions })).filter((c) => c.entry);
  const label = (c: OrganisationCount) => c.entry.acronyms[0] ?? c.entry.fullName;
  return counts.sort((a, b) => b.count - a.count || label(a).localeCompare(label(b)) || a.entry.id.localeCompare(b.entry.id));
}
