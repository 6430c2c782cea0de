// What the dataset imports (import-partyfacts.mjs, import-ror.mjs) share: ids, names, countries.
import { readFileSync } from 'node:fs';

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
