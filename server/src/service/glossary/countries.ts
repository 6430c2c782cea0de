import { query, type DerivedResults } from '../derivedResults';
import { countsAlongEdits } from '../editChain';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import type { ParagraphReader } from '../text/words';
import type { Paragraph, TranscriptModel } from '../model';
import { GlossaryMatcher, PreparedForms } from './matcher';
import type { OrganisationEntry } from './glossary';
import countryWords from '../../../data/country-words.json';
import type { Steps } from '../steps';

/**
 * The countries a transcript names, by ISO 3166-1 alpha-2 code: what tells a national body's
 * acronym from the same letters elsewhere (the UNC of a Supreme Court argument is no party of
 * Trinidad and Tobago). Country names come from the runtime's own CLDR data (Intl.DisplayNames),
 * in English and in the languages with forms in the glossary, and from server/data/country-words.json
 * (`UK`, `American`, `России`); its phrases that name no country (`Latin America`) match to none.
 */
const LANGUAGES = ['en', 'ru', 'de', 'fr', 'es'];

let matcher: GlossaryMatcher | undefined;

/** Static data, like the built-in glossary: every region name the runtime knows, in LANGUAGES. */
function countryMatcher(): GlossaryMatcher {
  if (matcher) return matcher;
  const forms = new Map<string, string[]>();
  const displays = LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!isCountryCode(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (!name || name === code || /\d/.test(name)) continue;
        const ids = forms.get(name) ?? [];
        if (!ids.includes(code)) ids.push(code);
        forms.set(name, ids);
      }
    }
  }
  for (const [code, words] of Object.entries(countryWords.countries)) {
    for (const word of words) forms.set(word, [...new Set([...(forms.get(word) ?? []), code])]);
  }
  for (const phrase of countryWords.notCountries) forms.set(phrase, []);
  return (matcher = new GlossaryMatcher([...forms].map(([text, ids]) => ({ text, ids })), new PreparedForms()));
}

/**
 * The country a word just before `at` names, if one does (`US` in `US Air Force`, `Malaysian` in
 * `the Malaysian Government`): a generic name so qualified is that country's body, whatever the
 * transcript's own country.
 */
export function countryBefore(text: string, at: number): string | undefined {
  const from = Math.max(0, at - 40);
  const before = text.slice(from, at);
  const gap = /\s*$/.exec(before)![0].length;
  const last = countryMatcher().match(before).at(-1);
  return last && last.end === before.length - gap && gap > 0 && last.ids.length === 1 ? last.ids[0] : undefined;
}

/** Official and other English names CLDR does not give, as delegations and governments write them. */
const OTHER_ENGLISH_NAMES: Readonly<Record<string, string>> = {
  'United States of America': 'US', 'Russian Federation': 'RU', 'Republic of Korea': 'KR', "Democratic People's Republic of Korea": 'KP',
  'Syrian Arab Republic': 'SY', 'Viet Nam': 'VN', Türkiye: 'TR', Myanmar: 'MM', Burma: 'MM', 'Lao People’s Democratic Republic': 'LA',
  "Lao People's Democratic Republic": 'LA', 'United Republic of Tanzania': 'TZ', 'Republic of Moldova': 'MD', 'Czech Republic': 'CZ',
};

let nations: Map<string, string> | undefined;

/** English names of countries (CLDR's, and OTHER_ENGLISH_NAMES) and their adjectives (`nationAdjectives`), `&` written `and`. */
function nationsByName(): Map<string, string> {
  if (nations) return nations;
  nations = new Map();
  const english = englishRegionNames();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // A code the runtime does not know comes back as itself (the `code` fallback).
      const name = isCountryCode(code) ? english.of(code) : undefined;
      if (name && name !== code && !/\d/.test(name)) nations.set(plainName(name.replace(/ \(.*\)$/u, '')), code);
    }
  }
  for (const [name, code] of Object.entries(OTHER_ENGLISH_NAMES)) nations.set(plainName(name), code);
  for (const [code, adjectives] of Object.entries(countryWords.nationAdjectives)) for (const adjective of adjectives) nations.set(adjective, code);
  return nations;
}

const plainName = (name: string) => name.replace(/&/gu, 'and').replace(/’/gu, "'");

/**
 * The country that a nation's English name or adjective names (`Egypt`, `Egyptian`, `Arab Republic
 * of Egypt`, `Kingdom of Eswatini`, `United States of America`), by its code; undefined for any
 * other words, a state's or a city's among them (`Queensland`).
 */
export function nationNamed(words: string): string | undefined {
  const name = plainName(words.replace(/\s+/gu, ' ').replace(/^the /u, ''));
  const byName = nationsByName();
  return byName.get(name) ?? byName.get(name.replace(LONG_FORM, '')) ?? undefined;
}

/** A country's English name (CLDR's, without its bracketed other name: `Myanmar`). */
export function nationName(code: string): string {
  return (englishRegionNames().of(code) ?? code).replace(/ \(.*\)$/u, '');
}

/** Static data, like the country matcher: the runtime's English region names. */
let englishNames: Intl.DisplayNames | undefined;

/** The runtime's English names of regions by code, a code it does not know given back as it is: made once, for every reader. */
export function englishRegionNames(): Intl.DisplayNames {
  return (englishNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }));
}

/** A country's English names: CLDR's and the official ones of OTHER_ENGLISH_NAMES (`United States`, `United States of America`). */
export function nationNames(code: string): string[] {
  return [nationName(code), ...Object.keys(OTHER_ENGLISH_NAMES).filter((name) => OTHER_ENGLISH_NAMES[name] === code)];
}

/** What an official name puts before the country's: `Arab Republic of`, `Kingdom of`, `People's Republic of`. */
const LONG_FORM = /^(?:[\p{Lu}][\p{L}']+ )*(?:Republic|Kingdom|Federation|Commonwealth|State|Principality|Sultanate|Emirate|Grand Duchy|Union) of (?:the )?/u;

/** Codes that name no country (`UN`, `EU`), and a country's old or other code (`UK`, `SU`: CLDR names them as `GB`, `RU`). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

function isCountryCode(code: string): boolean {
  if (NOT_COUNTRIES.has(code)) return false;
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

/** The language a country's people most likely speak (CLDR's likely subtags): `es` for MX, `en` for AU. */
function likelyLanguage(code: string): string {
  return new Intl.Locale(`und-${code}`).maximize().language;
}

const PARAGRAPH_COUNTRIES = query(
  'paragraph countries',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number): readonly string[] =>
    [...new Set(countryMatcher().match(model.source.slice(paragraph.contentStart, paragraph.end)).flatMap((m) => m.ids))],
);

/** The countries a paragraph names, by code: the words around a national body's name that say its country. */
export function paragraphCountries(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph): readonly string[] {
  if (paragraph.contentStart >= paragraph.end) return [];
  return results.get(PARAGRAPH_COUNTRIES, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start);
}

/**
 * How many paragraphs name each country: updated along an edit, so that a hover after a keystroke
 * does not read every paragraph again.
 */
const COUNTRIES = countsAlongEdits('countries named', (results, version, paragraph) => paragraphCountries(results, version, paragraph));

/** Whether a transcript names a country, by its code. */
export type CountriesNamed = Pick<ReadonlySet<string>, 'has'>;

/** The countries `model` names: the keys of the counts, each the number of paragraphs that name it. */
export function countriesNamed(results: DerivedResults, model: TranscriptModel): CountriesNamed {
  return results.get(COUNTRIES, model, undefined);
}

/** `countriesNamed`, read in steps where it reads every paragraph: for work run ahead of the first hover. */
export function countriesNamedInSteps(results: DerivedResults, model: TranscriptModel): Steps<CountriesNamed> {
  return results.getInSteps(COUNTRIES, model, undefined);
}

/** The fewest paragraphs that name a country for it to be the transcript's: one mention of England in a New Zealand debate is not. */
const HOME_EVIDENCE = 2;

/**
 * The transcript's own country: the one that most paragraphs name, at least twice as many as any
 * other (a Mexican press conference names México in most answers); or, where another country
 * comes close (the Prime Minister of Australia on Malaysia, México's president on the United
 * States), the one that most paragraphs name if its people speak the transcript's language and it
 * leads the others that do so; in at least HOME_EVIDENCE paragraphs. Undefined where no country leads so: a generic name (`High Court`,
 * `Federal Government`) then names no body at all.
 */
const HOME_COUNTRY = query('home country', [], (results, model: TranscriptModel): string | undefined =>
  leadingCountry(results.get(COUNTRIES, model, undefined), model.language));

/** Of the numbers of paragraphs that name each country, the country that leads them as HOME_COUNTRY says, if one does. */
export function leadingCountry(byParagraphs: ReadonlyMap<string, number>, language: string): string | undefined {
  const counts = [...byParagraphs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!counts.length || counts[0][1] < HOME_EVIDENCE) return undefined;
  const leads = (of: readonly (readonly [string, number])[]) => of.length === 1 || of[0][1] >= 2 * of[1][1];
  if (leads(counts)) return counts[0][0];
  const [first, second] = counts;
  const speakers = counts.filter(([code]) => likelyLanguage(code) === language);
  return speakers[0] === first && first[1] > second[1] && leads(speakers) ? first[0] : undefined;
}

/** The country `model` is of, as its paragraphs tell (HOME_COUNTRY), if they tell. */
export function homeCountry(results: DerivedResults, model: TranscriptModel): string | undefined {
  return results.get(HOME_COUNTRY, model, undefined);
}

const NATIONAL_DATASETS = new Set(['partyfacts', 'ror', 'courts-db', 'congress-legislators', 'govuk', 'federal-register']);

/**
 * Whether an entry is named only where the transcript names its country: a body of one country
 * from a dataset (a party of Party Facts, an agency of ROR, a court of courts-db, a committee of
 * congress-legislators, a body of GOV.UK's organisations or an agency of the Federal Register),
 * whose acronym is a few letters that mean other things elsewhere and whose
 * name is often one that bodies of other countries bear too (`Supreme Court`, `Finance Committee`).
 */
export function needsItsCountry(entry: Pick<OrganisationEntry, 'country' | 'source'>): boolean {
  return !!entry.country && NATIONAL_DATASETS.has(entry.source?.dataset ?? '');
}
