// Writes the built-in glossary as the server reads it (issue 19: loading must cost nothing until
// a name is looked up): dist/glossary/index.json holds what matching needs, every entry's id and
// its names (acronyms, names, fullName, forms) with its country and source, in the order of the files below; the entries
// themselves go into one file per first letter of their full name (dist/glossary/a.json …), read
// when an entry of that letter is first asked for. The index says each entry's file (`shard`), and
// holds the files' generic names (`High Court`: the body each country's transcripts mean by it). It is
// kept small, for it is read whole at the first lookup: no full name that is the entry's first name,
// no file name the full name tells.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** In order of definition: an acronym's senses are listed in this order when nothing ranks them. */
export const GLOSSARY_DATA_FILES = ['organisations.json', 'organisations-parties.json', 'organisations-ror.json', 'organisations-courts.json',
  'organisations-classes.json', 'organisations-ror-universities.json', 'organisations-ror-companies.json', 'organisations-ror-nonprofits.json',
  'organisations-sp500.json', 'terms.json',
  'organisations-national.json', 'organisations-us-congress.json', 'organisations-govuk.json', 'organisations-federal-register.json'];
/** What matching needs, and what tells a national dataset's entry (the misspelling check takes none of their acronyms). */
const NAMING_FIELDS = ['id', 'acronyms', 'names', 'fullName', 'forms', 'country'];

/** The shard of an entry: the first letter of its full name without accents; any other character, `0`. */
function shardOf(entry) {
  const first = entry.fullName.normalize('NFKD').toLowerCase()[0];
  return /[a-z]/.test(first) ? first : '0';
}

export function writeGlossaryData(outDir = path.join(ROOT, 'dist', 'glossary')) {
  const files = GLOSSARY_DATA_FILES.map((name) => JSON.parse(readFileSync(path.join(ROOT, 'server', 'data', name), 'utf8')));
  const entries = files.flatMap((file) => file.organisations);
  const genericNames = Object.assign({}, ...files.map((file) => file.genericNames ?? {}));
  const shards = new Map();
  for (const entry of entries) {
    const shard = shardOf(entry);
    if (!shards.has(shard)) shards.set(shard, {});
    shards.get(shard)[entry.id] = entry;
  }
  const naming = entries.map((entry) => ({
    ...Object.fromEntries(NAMING_FIELDS.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]])),
    // Of the source, the dataset tells a national one; its identifiers wait in the entry's file.
    ...(entry.source?.dataset ? { source: { dataset: entry.source.dataset } } : {}),
    // Left out where the reader can tell it (builtinData.ts): a full name that is the first name, and so the shard.
    ...(entry.fullName === entry.names[0] ? { fullName: undefined } : {}),
  }));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.json'), JSON.stringify({ entries: naming, genericNames }));
  for (const [shard, byId] of shards) writeFileSync(path.join(outDir, `${shard}.json`), JSON.stringify(byId));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeGlossaryData();
