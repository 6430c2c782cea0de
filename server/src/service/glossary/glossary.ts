import type { Range } from 'vscode-languageserver-types';
import { BuiltinEntries, builtinDataDirectory, namesOf, organisationEntry, plainSpellings } from './builtinData';
import { GlossaryMatcher, PreparedForms, tokenize, wordVariants, type MatcherForm } from './matcher';

/**
 * An organisation as the glossary describes it: the shape of `server/data/organisations.json`
 * (its JSON Schema is `server/data/organisations.schema.json`).
 */
export interface GlossaryEntry {
  readonly id: string;
  readonly acronyms: readonly string[];
  readonly names: readonly string[];
  /** Names and acronyms in other languages, by ISO 639-1 code. */
  readonly forms?: Readonly<Record<string, readonly string[]>>;
  readonly fullName: string;
  /** Of a national dataset's entry, the names that tell the body without its country named (`Mozilla Foundation`): never an acronym. */
  readonly namesWithoutCountry?: readonly string[];
  /** One sentence; an entry may have only its names, kind and country. */
  readonly description?: string;
  readonly kind?: string;
  /** ISO 3166-1 alpha-2 code of the country an organisation belongs to (a national body, a party, a company). */
  readonly country?: string;
  /** Where the entry's facts come from: a dataset and its identifier, or a page. */
  readonly source?: EntrySource;
  readonly founded?: string;
  readonly dissolved?: string;
  readonly headquarters?: string;
  readonly members?: number | readonly string[];
  readonly url?: string;
  /** Document languages in which this sense of an ambiguous acronym is the likely one. */
  readonly languages?: readonly string[];
  /** Ids of organisations that typically appear in the same texts. */
  readonly related?: readonly string[];
  /** Words that, near an ambiguous acronym, point to this sense, besides those of its names and description. */
  readonly cues?: readonly string[];
}

/** Where an entry's facts come from: a dataset (`wikidata` with its Q-id, `partyfacts` with its id) or a page one can read. */
export interface EntrySource {
  readonly dataset?: string;
  readonly id?: string;
  readonly wikidata?: string;
  readonly url?: string;
  /** The pages the entry was checked against besides `url`: copies of that article, or others that state facts it does not. */
  readonly readAt?: readonly string[];
  /** `false` for an entry no page could be read for: it keeps only what its name tells. */
  readonly checked?: false;
}

/** Where an entry comes from; offsets are UTF-16 code units into that file or document. */
export type GlossaryOrigin =
  | { readonly kind: 'builtin' }
  | { readonly kind: 'file'; readonly uri: string; readonly start: number; readonly end: number; readonly range: Range }
  | { readonly kind: 'frontMatter'; readonly uri: string; readonly start: number; readonly end: number }
  /** A name the transcript defines: `the Lake Ferry Authority (LFA)`. */
  | { readonly kind: 'transcript'; readonly uri: string; readonly start: number; readonly end: number; readonly range: Range };

/** Layers, lowest first: the built-in glossary, workspace glossary files, the front matter. */
export const LayerRank = { Builtin: 0, File: 1, FrontMatter: 2 } as const;
export type LayerRank = (typeof LayerRank)[keyof typeof LayerRank];

export interface OrganisationEntry extends GlossaryEntry {
  readonly origin: GlossaryOrigin;
  /** The layer that defined or last overrode the entry. */
  readonly rank: LayerRank;
  /** Order of definition, for stable ties. */
  readonly order: number;
}

/** An entry as a layer gives it: an override of an existing id may give only some fields. */
export type LayerEntry = Partial<Omit<GlossaryEntry, 'id'>> & { readonly id?: string; readonly origin: GlossaryOrigin };

export interface GlossaryLayer {
  readonly rank: LayerRank;
  readonly entries: readonly LayerEntry[];
}

const ENTRY_FIELDS = [
  'acronyms', 'names', 'forms', 'fullName', 'description', 'kind', 'country', 'source',
  'founded', 'dissolved', 'headquarters', 'members', 'url', 'languages', 'related', 'cues',
] as const;

let nextVersion = 1;

/**
 * The merged glossary: the built-in entries, then workspace glossary files, then a transcript's
 * front matter. An entry with the id of an earlier one overrides it field by field; an entry
 * without an id is a new organisation (a new sense, if its acronym is known already). Immutable:
 * a change makes a new glossary with a new `version`. The built-in entries are read when asked
 * for (`BuiltinEntries`): their names make the matcher, their other fields wait for a hover.
 */
export class Glossary {
  readonly version = nextVersion++;
  readonly matcher: GlossaryMatcher;
  /** The layers' entries, and the built-in entries they override, merged. */
  private readonly layered: ReadonlyMap<string, OrganisationEntry>;
  /** The words of the glossary's names, made when first asked for: only the dictionary needs them. */
  private dictionary?: { readonly words: ReadonlySet<string>; readonly lowerWords: ReadonlySet<string> };

  constructor(
    readonly layers: readonly GlossaryLayer[],
    private readonly builtin?: BuiltinEntries,
    private readonly preparedForms = new PreparedForms(),
  ) {
    const entries = new Map<string, OrganisationEntry>();
    let order = builtin?.size ?? 0;
    for (const layer of layers) {
      for (const given of layer.entries) {
        const existing = given.id !== undefined ? entries.get(given.id) ?? builtin?.get(given.id) : undefined;
        if (existing) {
          const fields: Record<string, unknown> = {};
          for (const key of ENTRY_FIELDS) if (given[key] !== undefined) fields[key] = given[key];
          entries.set(existing.id, { ...existing, ...fields, origin: given.origin, rank: layer.rank } as OrganisationEntry);
          continue;
        }
        if (typeof given.fullName !== 'string') continue;
        const id = given.id ?? uniqueId(slug(given.acronyms?.[0] ?? given.fullName), (taken) => entries.has(taken) || !!builtin?.has(taken));
        entries.set(id, organisationEntry(given, id, layer.rank, order++));
      }
    }
    this.layered = entries;

    const forms = new Map<string, string[]>();
    const addForm = (form: unknown, id: string) => {
      if (typeof form !== 'string' || !form.trim()) return;
      const ids = forms.get(form);
      if (!ids) forms.set(form, [id]);
      else if (!ids.includes(id)) ids.push(id);
    };
    const addForms = (entry: Pick<GlossaryEntry, 'id' | 'acronyms' | 'names' | 'fullName' | 'forms'>) => {
      const add = (form: unknown) => addForm(form, entry.id);
      for (const form of entry.acronyms ?? []) add(form);
      for (const form of namesOf(entry)) add(form);
      if (entry.forms) for (const list of Object.values(entry.forms)) for (const form of list) add(form);
    };
    // In order of definition: an overridden built-in entry keeps its place.
    for (const naming of builtin?.naming ?? []) {
      const overridden = entries.get(naming.id);
      addForms(overridden ?? naming);
      for (const form of overridden ? plainSpellings(overridden) : builtin!.plainSpellings(naming)) addForm(form, naming.id);
    }
    for (const entry of entries.values()) {
      if (builtin?.has(entry.id)) continue;
      addForms(entry);
      for (const form of plainSpellings(entry)) addForm(form, entry.id);
    }
    for (const [name, byCountry] of builtin?.genericNames ?? []) {
      for (const id of byCountry.values()) addForms({ id, acronyms: [], names: [name], fullName: name });
    }
    this.matcher = new GlossaryMatcher([...forms].map(([text, ids]): MatcherForm => ({ text, ids })), preparedForms);
  }

  /** The number of organisations. */
  get size(): number {
    let size = this.builtin?.size ?? 0;
    for (const id of this.layered.keys()) if (!this.builtin?.has(id)) size++;
    return size;
  }

  /** The words of names (`Soros`, `Eurasian`), not the capitals inside one (`US` in `US Congress`). */
  private words(): { readonly words: ReadonlySet<string>; readonly lowerWords: ReadonlySet<string> } {
    if (this.dictionary) return this.dictionary;
    const words = new Set<string>();
    const lowerWords = new Set<string>();
    for (const form of this.matcher.forms.keys()) {
      if (!/\p{Ll}/u.test(form)) continue;
      const tokens = tokenize(form);
      if (tokens.length < 2) continue;
      for (const { text: token } of tokens) {
        if (/^[\p{Lu}\p{N}]+$/u.test(token)) continue;
        words.add(token);
        lowerWords.add(token.toLowerCase());
      }
    }
    return (this.dictionary = { words, lowerWords });
  }

  get(id: string): OrganisationEntry | undefined {
    return this.layered.get(id) ?? this.builtin?.get(id);
  }

  has(id: string): boolean {
    return this.layered.has(id) || !!this.builtin?.has(id);
  }

  /** An entry's names, country and source: a built-in one's without reading its letter's file. */
  namingOf(id: string): Pick<GlossaryEntry, 'id' | 'acronyms' | 'names' | 'fullName' | 'forms' | 'country' | 'source'> | undefined {
    return this.layered.get(id) ?? this.builtin?.namingOf(id);
  }

  /**
   * The bodies a generic name means in each country's transcripts (`High Court`: AU → the High
   * Court of Australia, NZ → the High Court of New Zealand), by country code; undefined for a name
   * that is no generic one.
   */
  genericSenses(form: string): ReadonlyMap<string, string> | undefined {
    return this.builtin?.genericNames.get(form);
  }

  /** The entries a form names (`EEC` → both senses), in order of definition. */
  sensesOf(form: string): OrganisationEntry[] {
    const ids = this.matcher.forms.get(form) ?? [];
    return ids.map((id) => this.get(id)!).filter(Boolean).sort(byOrder);
  }

  /**
   * Whether a word belongs to the glossary, which is also a dictionary: an acronym or a name
   * (`NATO`, `NATO's`, `NGOs`, `ОДКБ`, `Rossotrudnichestvo`) or a word of a name (`Soros`).
   */
  isKnownTerm(word: string): boolean {
    const { words, lowerWords } = this.words();
    for (const variant of wordVariants(word)) {
      if (this.matcher.forms.has(variant) || words.has(variant)) return true;
      if (/\p{Ll}/u.test(variant) && lowerWords.has(variant.toLowerCase())) return true;
    }
    return false;
  }

  /** A glossary with more layers on top of this one's. */
  extend(layers: readonly GlossaryLayer[]): Glossary {
    return layers.length ? new Glossary([...this.layers, ...layers], this.builtin, this.preparedForms) : this;
  }
}

function byOrder(a: OrganisationEntry, b: OrganisationEntry): number {
  return a.order - b.order;
}

function slug(text: string): string {
  const s = text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'entry';
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

let builtin: Glossary | undefined;

/** The glossary shipped with the server: organisations, political parties (Party Facts), then generic terms (NGO). */
export function builtinGlossary(): Glossary {
  return (builtin ??= new Glossary([], new BuiltinEntries(builtinDataDirectory(), LayerRank.Builtin)));
}

/** Whether a word is a known organisation or one of its words, in the built-in glossary or `glossary`. */
export function isKnownTerm(word: string, glossary: Glossary = builtinGlossary()): boolean {
  return glossary.isKnownTerm(word);
}
