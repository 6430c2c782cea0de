/**
 * How the words of a speaker's key (lower case, no dots: see `normaliseName`) read as a person's
 * name: titles in front, initials, given names and the surname. Shared by the grouping of
 * speakers and by the hint that two speakers are probably one.
 */
import { wordsOfAllLanguages } from '../text/languages';

/**
 * Words that stand before a surname without being part of the name (`Mr. Lavrov`, `Minister
 * Lavrov`), from the language table.
 */
const TITLES: ReadonlySet<string> = new Set(wordsOfAllLanguages('titles'));

/** `presidente` of `PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR`: a word of a key that stands before a name. */
export function isTitle(word: string): boolean {
  return TITLES.has(word);
}

export interface NameParts {
  /** Titles were stripped from the front. */
  readonly titled: boolean;
  /** One-letter words before the name: `s` of `S. Lavrov`. */
  readonly initials: readonly string[];
  /** The name's words after titles and initials; the last one is the surname. */
  readonly core: readonly string[];
}

export function nameParts(key: string): NameParts {
  const words = key.split(' ');
  let at = 0;
  while (at < words.length - 1 && TITLES.has(words[at])) at++;
  const titled = at > 0;
  const initials: string[] = [];
  while (at < words.length - 1 && isInitial(words[at])) initials.push(words[at++]);
  return { titled, initials, core: words.slice(at) };
}

/** A surname with nothing to tell whose it is but titles or initials: `Lavrov`, `Mr. Lavrov`, `S. Lavrov`. */
export function isBareSurname(parts: NameParts): boolean {
  return parts.core.length === 1;
}

/** A given name and a surname, no initials in front: `Sergey Lavrov`, `Sergey V. Lavrov`. */
export function isFullName(parts: NameParts): boolean {
  return parts.core.length >= 2 && parts.initials.length === 0;
}

export function surname(parts: NameParts): string {
  return parts.core[parts.core.length - 1];
}

/** `S. Lavrov` can be `Sergey Lavrov` or `Sergey Viktorovich Lavrov`, not `Maria Lavrova`'s `M.`. */
export function initialsFit(initials: readonly string[], full: NameParts): boolean {
  const given = full.core.slice(0, -1);
  return initials.length <= given.length && initials.every((initial, i) => given[i].startsWith(initial));
}

/**
 * Two full names with the same surname whose given names are spellings or transliterations of
 * one name: `Sergey`/`Sergei`, `Mohammed`/`Muhammad`, `Alexey`/`Aleksei`. Not `Joe`/`Hunter`,
 * and not short names a letter apart (`Dan`/`Don`), which are as often two people.
 */
export function areSpellingVariants(a: NameParts, b: NameParts): boolean {
  if (!isFullName(a) || !isFullName(b) || a.core.length !== b.core.length || surname(a) !== surname(b)) return false;
  let differ = false;
  for (let i = 0; i < a.core.length - 1; i++) {
    if (a.core[i] === b.core[i]) continue;
    if (!sameNameSpelledOtherwise(a.core[i], b.core[i])) return false;
    differ = true;
  }
  return differ;
}

/**
 * What spelling variants of a full name share (its given names' first letters and consonants,
 * and its surname): speakers need comparing only within one such key.
 */
export function variantKey(parts: NameParts): string {
  return parts.core.map((word, i) => (i === parts.core.length - 1 ? word : spellingKey(transliterated(word)))).join(' ');
}

const MIN_VARIANT_LENGTH = 4;
const VOWELS = /[aeiouyаеёиоуыэюяй]/g;

function sameNameSpelledOtherwise(a: string, b: string): boolean {
  const x = transliterated(a);
  const y = transliterated(b);
  if (Math.min(x.length, y.length) < MIN_VARIANT_LENGTH || spellingKey(x) !== spellingKey(y)) return false;
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 3));
}

/** Spellings that transliteration systems use for one sound, made one. */
function transliterated(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/x/g, 'ks').replace(/ph/g, 'f').replace(/kh/g, 'h').replace(/ck/g, 'k').replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}

/** Transliterations differ in their vowels: the first letter and the consonants, in order, are the name. */
function spellingKey(word: string): string {
  return word[0] + word.slice(1).replace(VOWELS, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length];
}

function isInitial(word: string): boolean {
  return word.length === 1 && /\p{L}/u.test(word);
}
