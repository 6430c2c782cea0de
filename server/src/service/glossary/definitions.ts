import { editsSince, indexShift, type EditStep } from '../editChain';
import { query, queryAlongEdits, type DerivedResults } from '../derivedResults';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import type { ParagraphReader } from '../text/words';
import type { Paragraph, TranscriptModel } from '../model';
import { LayerRank, type OrganisationEntry } from './glossary';
import { GlossaryMatcher, PreparedForms } from './matcher';
import { STEP_ITEMS, type Steps } from '../steps';

/**
 * Names a transcript defines for itself: `the Lake Ferry Authority (LFA)`, `LFA (Lake Ferry
 * Authority)`, `LFA, the Lake Ferry Authority`, in any of the supported languages. A definition
 * gives later mentions of the acronym and of the full name a card, for that document only.
 *
 * A definition must spell its acronym: the acronym's capitals are, in order, initials of the full
 * name's words (`Co-operation` gives `c` and `o`), the first from its first word and the last
 * from its last. That keeps out what brackets hold besides names: `(see above)`, `(Laughter.)`,
 * `(inaudible)`, a speaker's outlet.
 */
export interface DefinedName {
  readonly acronym: string;
  readonly fullName: string;
  /** Offsets into the document: the whole definition, acronym and full name. */
  readonly start: number;
  readonly end: number;
}

/** A paragraph's definitions, offsets relative to its content. */
type ParagraphDefinitions = readonly DefinedName[];

/** Words that may stand lower-case inside a name, by language; in other languages any word may (`Федеральная служба безопасности`). */
const CONNECTORS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'de', 'du', 'des', 'la', 'del', 'against', 'at', '&']),
};

/** The article a language puts between `ACR,` and the full name; in a language not listed, none. */
const ARTICLES: Readonly<Record<string, readonly string[]>> = {
  en: ['the'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des'],
  fr: ['le', 'la', 'les', "l'", 'l’'],
  es: ['el', 'la', 'los', 'las'],
  it: ['il', 'la', 'lo', 'i', 'gli', 'le', "l'", 'l’'],
  pt: ['o', 'a', 'os', 'as'],
  nl: ['de', 'het'],
};

const MAX_NAME_WORDS = 12;
/** A word of a name: letters, marks and digits, with inner hyphens and apostrophes (`Co-operation`, `d'Ivoire`). */
const NAME_WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|&/gu;
const ACRONYM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}][\p{Lu}\p{Ll}\p{N}&.-]{1,11}$/u;
/** What may stand between two words of a name: spaces, a line break. */
const GAP = /^[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/;

/** `LFA`, `OSZE`, `BAsD`, `ЕврАзЭС`: two capitals at least, more capitals than small letters, no word in capitals only after a lower-case start. */
export function isAcronymLike(word: string): boolean {
  if (!ACRONYM.test(word)) return false;
  const upper = word.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = word.match(/\p{Ll}/gu)?.length ?? 0;
  return upper > lower && !/\p{Ll}$/u.test(word.replace(/s$/, ''));
}

/** The initials of a word of a name: one per part (`Co-operation` → c, o; `d'Ivoire` → d, i). */
function initials(word: string): string[] {
  return word.split(/[-'’]/).filter(Boolean).map((part) => part[0].toLowerCase());
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The letters an acronym spells: its capitals, in lower case (`BAsD` → b, a, d). */
function spelt(acronym: string): string[] {
  return (acronym.match(/\p{Lu}/gu) ?? []).map((c) => c.toLowerCase());
}

/** Whether the words spell the acronym: its first letter from the first word, its last from the last, the rest in order between. */
function spells(words: readonly Word[], letters: readonly string[]): boolean {
  if (words.length < 2 || !isCapitalised(words[0].text)) return false;
  // A name ends on a word of its own, not on `de` or `of`.
  const end = words[words.length - 1].text;
  if (!isCapitalised(end) && end.length <= 3) return false;
  const first = initials(words[0].text);
  const last = initials(words[words.length - 1].text);
  if (first[0] !== letters[0] || !last.includes(letters[letters.length - 1])) return false;
  const all = words.flatMap((w) => initials(w.text));
  let k = 0;
  for (const initial of all) if (k < letters.length && initial === letters[k]) k++;
  return k === letters.length;
}

/** Whether `word` may stand inside a name of a document in `language`. */
function mayJoin(word: string, language: string): boolean {
  const connectors = CONNECTORS[language];
  return isCapitalised(word) || /^\p{N}/u.test(word) || !connectors || connectors.has(word.toLowerCase());
}

/** The words of `text` (a paragraph's content) between `from` and `to`, as long as only spaces join them. */
function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  NAME_WORD.lastIndex = from;
  for (let m = NAME_WORD.exec(text); m && m.index < to; m = NAME_WORD.exec(text)) {
    // An elided article is not part of the name: `l'Organisation mondiale…`.
    const elided = /^[ldLD]['’](?=\p{Lu})/u.test(m[0]) ? 2 : 0;
    words.push({ text: m[0].slice(elided), start: m.index + elided, end: Math.min(to, m.index + m[0].length) });
  }
  return words;
}

/** The name before `(ACR)`: the shortest run of words ending just before the bracket that spells the acronym. */
function nameBefore(text: string, bracket: number, letters: readonly string[], language: string): Word[] | undefined {
  // Back to the sentence's or clause's start at most.
  let from = bracket;
  let words = 0;
  while (from > 0 && words <= MAX_NAME_WORDS) {
    const c = text[from - 1];
    if (/[.!?;:,()[\]{}"“”«»„]/.test(c) && !(c === '.' && /\p{L}/u.test(text[from - 2] ?? '') && /\p{L}/u.test(text[from] ?? ''))) break;
    if (/\s/.test(c) && /\S/.test(text[from] ?? '')) words++;
    from--;
  }
  const run = wordsIn(text, from, bracket);
  if (!run.length || !GAP.test(text.slice(run[run.length - 1].end, bracket))) return undefined;
  for (let i = run.length - 1; i >= 1; i--) {
    if (!GAP.test(text.slice(run[i - 1].end, run[i].start))) return undefined;
    if (!mayJoin(run[i].text, language)) return undefined;
    const candidate = run.slice(i - 1);
    if (spells(candidate, letters)) return candidate;
  }
  return undefined;
}

/** The name after `ACR, the` or inside `ACR (…)`: from `at`, the shortest run of words that spells the acronym, up to punctuation. */
function nameAfter(text: string, at: number, end: number, letters: readonly string[], language: string): Word[] | undefined {
  const run = wordsIn(text, at, end);
  if (!run.length || !GAP.test(text.slice(at, run[0].start))) return undefined;
  for (let i = 1; i < run.length && i < MAX_NAME_WORDS; i++) {
    if (!GAP.test(text.slice(run[i - 1].end, run[i].start))) return undefined;
    if (!mayJoin(run[i].text, language)) return undefined;
    const candidate = run.slice(0, i + 1);
    if (spells(candidate, letters)) return candidate;
  }
  return undefined;
}

/** `Full Name (ACR)` and `ACR (Full Name)` in a paragraph's text. */
function bracketDefinitions(text: string, language: string, found: DefinedName[]): void {
  for (const m of text.matchAll(/\(([^()\n]{1,160})\)/g)) {
    const open = m.index;
    const close = open + m[0].length;
    // `Tom Hughes (Evening Star):` names a speaker's outlet, and `(BBC):` a label's.
    if (/^[ \t]*:/.test(text.slice(close, close + 4))) continue;
    const inner = m[1].trim();
    if (isAcronymLike(inner)) {
      const name = nameBefore(text, open, spelt(inner), language);
      if (name) found.push(definition(inner, name, text, name[0].start, close));
      continue;
    }
    const before = /([\p{L}\p{N}&.-]+)[ \t\u00a0]*$/u.exec(text.slice(Math.max(0, open - 16), open));
    const start = open - (before?.[0].length ?? 0);
    if (!before || !isAcronymLike(before[1]) || /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    const innerStart = open + 1 + (m[1].length - m[1].trimStart().length);
    const name = nameAfter(text, innerStart, innerStart + inner.length, spelt(before[1]), language);
    // The whole bracket is the name: `NATO (North Atlantic Treaty Organization)`, not `NATO (North Atlantic, that is)`.
    if (name && name[name.length - 1].end === innerStart + inner.length) found.push(definition(before[1], name, text, start, close));
  }
}

/** `ACR, the Full Name` in a paragraph's text. */
function appositionDefinitions(text: string, language: string, found: DefinedName[]): void {
  const articles = ARTICLES[language] ?? [];
  for (const m of appositions(text)) {
    const acronym = m[1].replace(/\.$/, '');
    if (!isAcronymLike(acronym)) continue;
    let at = m.index + m[0].length;
    const rest = text.slice(at, at + 6).toLowerCase();
    const article = articles.find((a) => rest.startsWith(a) && (/['’]$/.test(a) || /[ \t\u00a0]/.test(text[at + a.length] ?? '')));
    if (article) at += article.length;
    else if (articles.length) continue;
    const stop = /[.!?;:,()[\]{}"“”«»„]/.exec(text.slice(at));
    const name = nameAfter(text, at, stop ? at + stop.index : text.length, spelt(acronym), language);
    if (name) found.push(definition(acronym, name, text, m.index, name[name.length - 1].end));
  }
}

/** `ACR, ` at a word's start: an acronym of at most twelve letters, a comma and a space. */
const APPOSITION = /(?<![\p{L}\p{N}])([\p{Lu}][\p{L}\p{N}&.-]{1,11}),[ \t\u00a0]+/uy;
const UPPER_CASE = /\p{Lu}/u;
/** How far before its comma an apposition's acronym may start, in UTF-16 code units: twelve code points. */
const APPOSITION_REACH = 24;

/**
 * The matches of `APPOSITION` in `text`, as a global search would give them: tried only just
 * before each comma that a space follows, at a capital letter. Searched for at every character,
 * the pattern took most of the first read of a long transcript's definitions (seconds at 50 MB).
 */
export function* appositions(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    const next = text.charCodeAt(comma + 1);
    if (next !== 0x20 && next !== 0x09 && next !== 0xa0) continue;
    // The leftmost start that matches, as a search from the left finds it; a match cannot cross a comma.
    for (let start = Math.max(from, comma - APPOSITION_REACH); start < comma - 1; start++) {
      const code = text.charCodeAt(start);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      if (code < 0x80 ? code < 0x41 || code > 0x5a : code < 0xd800 && !UPPER_CASE.test(text[start])) continue;
      APPOSITION.lastIndex = start;
      const match = APPOSITION.exec(text);
      if (!match) continue;
      yield match;
      from = match.index + match[0].length;
      break;
    }
  }
}

function definition(acronym: string, name: readonly Word[], text: string, start: number, end: number): DefinedName {
  const fullName = text.slice(name[0].start, name[name.length - 1].end).replace(/\s+/g, ' ');
  return { acronym, fullName, start, end };
}

/** What most paragraphs define, kept for each of them: one array for all. */
const NO_NAMES: readonly DefinedName[] = Object.freeze([]);

/** The names a paragraph's words define, offsets relative to its content. */
export function findDefinitions(text: string, language: string): readonly DefinedName[] {
  if (!text.includes('(') && !text.includes(',')) return NO_NAMES;
  const found: DefinedName[] = [];
  if (text.includes('(')) bracketDefinitions(text, language, found);
  if (text.includes(',')) appositionDefinitions(text, language, found);
  return found.length ? found.sort((a, b) => a.start - b.start) : NO_NAMES;
}

/** A paragraph's definitions: read again only when its text changes. */
const PARAGRAPH_DEFINITIONS = query(
  'paragraph definitions',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number, language: string): ParagraphDefinitions =>
    findDefinitions(model.source.slice(paragraph.contentStart, paragraph.end), language),
);

/** Paragraphs that hold no words to define anything. */
const SKIPPED_KINDS = new Set<Paragraph['kind']>(['comment', 'separator', 'time']);

function definesNothing(paragraph: Paragraph): boolean {
  return SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end
    || paragraph.label?.kind === 'speaker' && paragraph.contentStart === paragraph.end;
}

/** The names a document defines, the first definition of each acronym, with a matcher for their mentions. */
export interface Definitions {
  readonly names: readonly DefinedName[];
  /** The definitions as text, the same for every version that defines the same names: what a paragraph's matches are stamped with. */
  readonly key: string;
  readonly matcher: GlossaryMatcher;
  /** By the id the matcher gives. */
  readonly byId: ReadonlyMap<string, DefinedName>;
  /** The indices of the paragraphs that define a name, in order: what the next version's are updated from. */
  readonly defining: readonly number[];
}

const NO_DEFINITIONS: Definitions = Object.freeze({
  names: [], key: '', matcher: new GlossaryMatcher([], new PreparedForms()), byId: new Map(), defining: [],
});

function paragraphDefinitions(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph): ParagraphDefinitions {
  if (definesNothing(paragraph)) return [];
  return results.get(PARAGRAPH_DEFINITIONS, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start, model.language);
}

const DEFINITIONS = queryAlongEdits('defined names', [], function* (results, model: TranscriptModel): Steps<Definitions> {
  const since = editsSince(model, (earlier) => results.peek(DEFINITIONS, earlier));
  const earlier = since?.value;
  const defining = since ? since.steps.reduce((list, step) => definingAfterEdit(results, step, list), since.value.defining) : yield* definingIn(results, model);
  if (!defining.length) return NO_DEFINITIONS;
  const names: DefinedName[] = [];
  const seen = new Set<string>();
  for (const index of defining) {
    const paragraph = model.paragraphByIndex(index);
    for (const d of paragraphDefinitions(results, model, paragraph)) {
      if (seen.has(d.acronym)) continue;
      seen.add(d.acronym);
      names.push({ ...d, start: d.start + paragraph.contentStart, end: d.end + paragraph.contentStart });
    }
  }
  const byId = new Map(names.map((d) => [definedId(d), d]));
  const key = names.map((d) => `${d.acronym}\u0001${d.fullName}`).join('\u0002');
  // Typing rarely changes what the document defines: the matcher of the same names is kept.
  const matcher = earlier?.key === key ? earlier.matcher : new GlossaryMatcher(
    names.flatMap((d) => [{ text: d.acronym, ids: [definedId(d)] }, { text: d.fullName, ids: [definedId(d)] }]), new PreparedForms(),
  );
  return { names, key, matcher, byId, defining };
});

/** The indices of the paragraphs of `model` that define a name, every paragraph read. */
function* definingIn(results: DerivedResults, model: TranscriptModel): Steps<number[]> {
  const defining: number[] = [];
  for (let i = 0; i < model.paragraphCount; i++) {
    if (i % STEP_ITEMS === 0) yield;
    if (paragraphDefinitions(results, model, model.paragraphByIndex(i)).length) defining.push(i);
  }
  return defining;
}

/**
 * The defining paragraphs after an edit from those before it: the edited ones and those read
 * otherwise (relabelled) read again, the rest renumbered.
 */
function definingAfterEdit(results: DerivedResults, { after, edit }: EditStep, before: readonly number[]): number[] {
  const shift = indexShift(edit);
  const relabelled = new Set(edit.relabelled);
  const defines = (i: number) => paragraphDefinitions(results, after, after.paragraphByIndex(i)).length > 0;
  const defining = before.filter((i) => i < edit.from && !relabelled.has(i));
  for (let i = edit.from; i < edit.from + edit.inserted; i++) if (defines(i)) defining.push(i);
  for (const i of before) if (i >= edit.to && !relabelled.has(i + shift)) defining.push(i + shift);
  for (const i of edit.relabelled) if (defines(i)) defining.push(i);
  return edit.relabelled.length ? defining.sort((a, b) => a - b) : defining;
}

/** The names `model` defines. Reads each paragraph's definitions from the layer: after a keystroke, only the edited paragraph is read. */
export function documentDefinitions(results: DerivedResults, model: TranscriptModel): Definitions {
  return results.get(DEFINITIONS, model, undefined);
}

function definedId(name: DefinedName): string {
  return `defined:${name.acronym}`;
}

/**
 * A defined name that names a law or a treaty, not an organisation, by its head word: `the
 * Non-Proliferation Treaty (NPT)`, `Ley General de Salud (LGS)`, `Infektionsschutzgesetz (IfSG)`.
 * `Organization` after `Treaty` (NATO) makes it an organisation's again; a `Convention` is one
 * only with what it is on (`Convention on the Rights of the Child`), not a party's.
 */
const LAW_OR_TREATY = new RegExp([
  String.raw`(?:^|\s)(?:Treaty|Act|Agreement|Accords?|Protocol)$`,
  String.raw`(?:^|\s)Convention (?:on|for|against)\s`,
  String.raw`^(?:Tratado|Ley|Convenio|Acuerdo|Traité|Loi|Accord|Vertrag|Abkommen|Договор|Закон|Соглашение)\s`,
  'gesetz$',
].join('|'), 'u');

/** A definition as a glossary entry, for a card and for the organisations a transcript names. */
export function definedEntry(model: TranscriptModel, name: DefinedName): OrganisationEntry {
  return {
    id: definedId(name),
    acronyms: [name.acronym],
    names: [name.fullName],
    fullName: name.fullName,
    ...(LAW_OR_TREATY.test(name.fullName) ? { kind: 'law' } : {}),
    origin: { kind: 'transcript', uri: model.uri, start: name.start, end: name.end, range: model.lines.range(name.start, name.end) },
    rank: LayerRank.FrontMatter,
    order: -1,
  };
}
