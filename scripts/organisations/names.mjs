// What the dataset imports (import-partyfacts.mjs, import-ror.mjs) share: ids, names, countries.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY_DATA_FILES } from '../glossary-data.mjs';

/** ISO 3166-1 countries (Debian's iso-codes), by alpha-3 code. */
export const countries = new Map(JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'))['3166-1'].map((c) => [c.alpha_3, c]));

export const slug = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
export const clean = (text) => text.replace(/\s+/g, ' ').trim();

/** Short forms that are common abbreviations or words in transcripts, never taken for an organisation's acronym. */
export const NOT_ACRONYMS = new Set([
  'USA', 'UK', 'PM', 'AM', 'MP', 'PR', 'TV', 'OK', 'ID', 'IT', 'DC', 'CEO', 'GDP', 'VAT',
  'ONE', 'NEW', 'NOW', 'YES', 'WIN', 'ALL', 'OUR', 'CAN', 'NOT', 'FOR', 'AND', 'THE',
]);

/** The small words that join the capitalised words of a name, in the languages of the datasets' names. */
const JOINING = new Set(('of for and the on in to at by with from a an de du des la le les el los las del y e et ' +
  'pour por para pelo pela da do das dos di della delle dei degli per und der die das für von zu zur zum van het en voor ' +
  'ng sa ni na i w z dla al').split(' '));

/** Every word capitalised but the small joining ones (an elided `d'` or `l'` aside): `Democratic Party of Côte d'Ivoire`. */
export function looksLikeAName(text) {
  return text.split(/[\s–—]+/u).every((word) => {
    const bare = word.replace(/^[dl]['’]/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return !bare || !/^\p{Ll}/u.test(bare) || JOINING.has(bare.toLowerCase());
  });
}

/** The number of words of a name. */
export const wordCount = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;

/** Entries sorted by id, as the data files keep them. */
export const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const INITIAL_JOINING = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', '&']);
/**
 * Whether `word` is made of the starts (three letters at most) of a name's words, in order, of two of them or more, its
 * small joining words skipped or not: `Defra` of `Department for Environment, Food & Rural Affairs`, `Cafcass`; not `Exmoor`.
 */
export function madeOfWords(word, name) {
  const words = name.toLowerCase().split(/[^a-z0-9&]+/).filter(Boolean);
  const target = word.toLowerCase();
  const from = (w, t, used) => {
    if (t === target.length) return used >= 2;
    if (w === words.length) return false;
    for (let n = Math.min(3, words[w].length, target.length - t); n >= 1; n--) {
      if (words[w].slice(0, n) === target.slice(t, t + n) && from(w + 1, t + n, used + 1)) return true;
    }
    return INITIAL_JOINING.has(words[w]) && from(w + 1, t, used);
  };
  return from(0, 0, 0);
}

/**
 * What the glossary's files but `output` hold, for a national dataset's import: `key` makes a name comparable
 * (`UK`/`United Kingdom`, `U.S.`/`United States`, `&`/`and`, a leading `the`); `known`, the keys of their names and
 * generic names (a body already there is not added twice); `international`, the acronyms of their bodies of no
 * country (IPCC, BIS) and their generic names (MFA), which a national body does not take: it would outrank
 * them in every transcript of its country (the home country's weight).
 */
export function theGlossarysOwn(output) {
  const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../server/data');
  const key = (name) => clean(name).toLowerCase().replace(/[’‘]/g, "'").replace(/&/g, 'and').replace(/,/g, '').replace(/^the /, '')
    .replace(/\buk\b/g, 'united kingdom').replace(/\bhm\b/g, "his majesty's").replace(/\bher majesty's\b/g, "his majesty's")
    .replace(/\bu\.s\.(?= )/g, 'united states');
  const others = GLOSSARY_DATA_FILES.filter((name) => name !== output).map((name) => JSON.parse(readFileSync(resolve(dataDir, name), 'utf8')));
  const known = new Set(others.flatMap((file) => [
    ...file.organisations.flatMap((e) => [e.fullName, ...e.names, ...Object.values(e.forms ?? {}).flat()]),
    ...Object.keys(file.genericNames ?? {}),
  ]).map(key));
  const international = new Set(others.flatMap((file) => [
    ...file.organisations.filter((e) => !e.country).flatMap((e) => e.acronyms),
    ...Object.keys(file.genericNames ?? {}),
  ]));
  return { key, known, international, entries: others.flatMap((file) => file.organisations) };
}

let dictionary;
/**
 * Whether a name of one word is a word of the dictionary (Debian's wamerican, any case): an ordinary word (`Monitor`,
 * `ACTION`) or a person's name (`Tate`) before it is the body's, never taken for a name.
 */
export function isDictionaryWord(name) {
  dictionary ??= new Set(readFileSync('/usr/share/dict/words', 'utf8').split('\n').map((w) => w.toLowerCase()));
  return !/\s/.test(name) && dictionary.has(name.toLowerCase());
}

/**
 * The dataset's git directory named on the command line (a mirror fetched by the search tool):
 * `git(args)` reads it as text, `commit` is the HEAD the import takes. Exits with `usage` where none is named.
 */
export function datasetRepository(usage) {
  const [gitDir] = process.argv.slice(2);
  if (!gitDir) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const git = (args) => execFileSync('git', ['-C', gitDir, ...args], { maxBuffer: 1 << 28 }).toString('utf8');
  return { git, commit: git(['rev-parse', 'HEAD']).trim() };
}
