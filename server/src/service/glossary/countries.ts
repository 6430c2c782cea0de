import { query, queryAlongEdits, type DerivedResults } from '../derivedResults';
import { countedAlongEdits } from '../editChain';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import type { ParagraphReader } from '../text/words';
import type { TranscriptModel } from '../model';
import { GlossaryMatcher, PreparedForms } from './matcher';
import type { OrganisationEntry } from './glossary';

/**
 * The countries a transcript names, by ISO 3166-1 alpha-2 code: what tells a national body's
 * acronym from the same letters elsewhere (the UNC of a Supreme Court argument is no party of
 * Trinidad and Tobago). Country names come from the runtime's own CLDR data (Intl.DisplayNames),
 * in English and in the languages with forms in the glossary.
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
      for (const display of displays) {
        const name = display.of(code);
        if (!name || name === code || /\d/.test(name)) continue;
        const ids = forms.get(name) ?? [];
        if (!ids.includes(code)) ids.push(code);
        forms.set(name, ids);
      }
    }
  }
  return (matcher = new GlossaryMatcher([...forms].map(([text, ids]) => ({ text, ids })), new PreparedForms()));
}

const PARAGRAPH_COUNTRIES = query(
  'paragraph countries',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number): readonly string[] =>
    [...new Set(countryMatcher().match(model.source.slice(paragraph.contentStart, paragraph.end)).flatMap((m) => m.ids))],
);

/**
 * How many paragraphs name each country: updated along an edit, so that a hover after a keystroke
 * does not read every paragraph again.
 */
const COUNTRIES = queryAlongEdits('countries named', [], (results, model: TranscriptModel): ReadonlyMap<string, number> => countedAlongEdits(
  model,
  (earlier) => results.peek(COUNTRIES, earlier),
  (version, paragraph) => (paragraph.contentStart >= paragraph.end ? []
    : results.get(PARAGRAPH_COUNTRIES, paragraph.analysis, { model: version, paragraph }, paragraph.contentStart - paragraph.start)),
));

/** Whether a transcript names a country, by its code. */
export type CountriesNamed = Pick<ReadonlySet<string>, 'has'>;

/** The countries `model` names: the keys of the counts, each the number of paragraphs that name it. */
export function countriesNamed(results: DerivedResults, model: TranscriptModel): CountriesNamed {
  return results.get(COUNTRIES, model, undefined);
}

/**
 * Whether an entry is named only where the transcript names its country: a body of one country
 * from a dataset (a party of Party Facts, an agency of ROR, a court of courts-db), whose acronym is
 * a few letters that mean other things elsewhere and whose name is often one that bodies of other
 * countries bear too (`Supreme Court`).
 */
const NATIONAL_DATASETS = new Set(['partyfacts', 'ror', 'courts-db']);

export function needsItsCountry(entry: Pick<OrganisationEntry, 'country' | 'source'>): boolean {
  return !!entry.country && NATIONAL_DATASETS.has(entry.source?.dataset ?? '');
}
