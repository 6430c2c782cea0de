import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GlossaryEntry, LayerEntry, LayerRank, OrganisationEntry } from './glossary';

/** What matching needs of a built-in entry, its country and source, and the file its other fields are in. */
export type NamingEntry = Pick<GlossaryEntry, 'id' | 'acronyms' | 'names' | 'fullName' | 'forms' | 'country' | 'source'> & { readonly shard: string };

/**
 * The built-in entries as `npm run build` writes them (scripts/glossary-data.mjs): the names of
 * every entry in `index.json`, read when the glossary is first needed, and the entries in one
 * file per first letter of their full name, each read when an entry of that letter is first
 * asked for (a hover, a ranking). A check that names nothing reads no entry.
 */
export class BuiltinEntries {
  readonly naming: readonly NamingEntry[];
  /** Names that each country's bodies bear (`High Court`), with the body each country means by it: its country's code → its id. */
  readonly genericNames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  private readonly byId = new Map<string, { readonly naming: NamingEntry; readonly order: number }>();
  private readonly shards = new Map<string, Readonly<Record<string, GlossaryEntry>>>();
  private readonly loaded = new Map<string, OrganisationEntry>();
  /** Each entry's names without their accents (plainSpellings), made once: every glossary built on these entries adds them. */
  private readonly plain = new Map<string, readonly string[]>();

  constructor(private readonly directory: string, private readonly rank: LayerRank) {
    const index = readJson(path.join(directory, 'index.json')) as { entries: IndexedEntry[]; genericNames?: Record<string, Record<string, string>> };
    const indexed = index.entries;
    // What the index leaves out to stay small: a full name that is the first name, and the letter's file.
    for (const entry of indexed) entry.shard = shardOf((entry.fullName ??= entry.names[0]));
    this.naming = indexed as NamingEntry[];
    this.genericNames = new Map(Object.entries(index.genericNames ?? {}).map(([name, byCountry]) => [name, new Map(Object.entries(byCountry))]));
    this.naming.forEach((naming, order) => this.byId.set(naming.id, { naming, order }));
  }

  get size(): number {
    return this.naming.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** An entry's names, country and source, without reading its letter's file. */
  namingOf(id: string): NamingEntry | undefined {
    return this.byId.get(id)?.naming;
  }

  /** The entry's names and forms in Latin letters without their accents, where they have any. */
  plainSpellings(naming: NamingEntry): readonly string[] {
    let plain = this.plain.get(naming.id);
    if (!plain) this.plain.set(naming.id, (plain = plainSpellings(naming)));
    return plain;
  }

  /** The letters whose entries have been read: what a hover cost. */
  get loadedShards(): readonly string[] {
    return [...this.shards.keys()];
  }

  get(id: string): OrganisationEntry | undefined {
    const known = this.loaded.get(id);
    if (known) return known;
    const indexed = this.byId.get(id);
    if (!indexed) return undefined;
    let shard = this.shards.get(indexed.naming.shard);
    if (!shard) {
      shard = readJson(path.join(this.directory, `${indexed.naming.shard}.json`)) as Record<string, GlossaryEntry>;
      this.shards.set(indexed.naming.shard, shard);
    }
    const entry = organisationEntry({ ...shard[id], origin: { kind: 'builtin' } }, id, this.rank, indexed.order);
    this.loaded.set(id, entry);
    return entry;
  }
}

/** An entry as index.json holds it. */
type IndexedEntry = Omit<NamingEntry, 'fullName' | 'shard'> & { fullName?: string; shard?: string };

/** The file of an entry, as scripts/glossary-data.mjs writes them: the first letter of its full name without accents, `0` for any other. */
function shardOf(fullName: string): string {
  const first = fullName.normalize('NFKD').toLowerCase()[0];
  return /[a-z]/.test(first) ? first : '0';
}

/** A file of the built-in glossary; one that is missing says what the build writes, not only ENOENT. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The built-in glossary's ${file} cannot be read (${(error as Error).message}): \`npm run build\` writes it.`);
  }
  return JSON.parse(text);
}

/** A layer's new entry as the glossary holds it. No names: the full name is one; an empty list beside acronyms: the acronyms alone name it. */
export function organisationEntry(given: LayerEntry, id: string, rank: LayerRank, order: number): OrganisationEntry {
  // A layer's entry holds only an entry's fields and its origin (the schema's keys): taken whole.
  return { acronyms: [], ...given, names: namesOf(given), id, rank, order } as OrganisationEntry;
}

export function namesOf(entry: Pick<LayerEntry, 'names' | 'acronyms' | 'fullName'>): readonly string[] {
  return entry.names && (entry.names.length || entry.acronyms?.length) ? entry.names : entry.fullName ? [entry.fullName] : [];
}

/**
 * Where `npm run build` put the built-in glossary: beside the bundle (dist/service.js, dist/cli.js),
 * or, for the modules compiled for the tests (out/server/src/service/glossary/), in dist/.
 */
export function builtinDataDirectory(): string {
  const besideBundle = path.join(__dirname, 'glossary');
  return existsSync(besideBundle) ? besideBundle : path.resolve(__dirname, '..', '..', '..', '..', '..', 'dist', 'glossary');
}

const NO_SPELLINGS: readonly string[] = Object.freeze([]);
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}\p{S}]+$/u;

/**
 * An entry's names and forms in Latin letters without their accents, as transcripts often write
 * them (`Bloc Quebecois`, `Universidad de Brasilia`): those that have accents to leave out.
 */
export function plainSpellings(entry: Pick<LayerEntry, 'names' | 'acronyms' | 'fullName' | 'forms'>): readonly string[] {
  let plain: string[] | undefined;
  for (const name of [...namesOf(entry), ...Object.values(entry.forms ?? {}).flat()]) {
    if (typeof name !== 'string' || /^[\x00-\x7f]*$/.test(name) || !LATIN_ONLY.test(name)) continue;
    const spelt = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    if (spelt !== name) (plain ??= []).push(spelt);
  }
  return plain ?? NO_SPELLINGS;
}
