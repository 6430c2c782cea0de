import type { Glossary } from './glossary';
import { needsItsCountry } from './countries';

/**
 * What the misspelt-organisation rule and the hover ask of a glossary: the one definition of a
 * misspelt acronym. Made once per glossary (its acronyms are indexed then), answers kept per word.
 */
export interface OrganisationSpelling {
  /** Changes whenever the glossary does. */
  readonly version: number;
  /** The known acronym `word` misspells, with the full name of its first sense. */
  suggest(word: string): { readonly acronym: string; readonly fullName: string } | undefined;
}

/** Capitals that are not organisations and must not be taken for misspelt ones. */
const NOT_ORGANISATIONS = new Set([
  'USA', 'USSR', 'UAE', 'DPRK', 'PRC', 'ROK', 'FRG', 'GDR', 'GDP', 'GNP', 'CEO', 'CFO', 'COVID', 'LNG', 'LGBT', 'LGBTQ',
  'ASAP', 'FAQ', 'PDF', 'HTML', 'URL', 'HIV', 'SARS', 'MERS', 'ISIS', 'ISIL', 'UFO', 'VIP', 'DNA', 'RNA', 'CCTV', 'GMO',
  'POW', 'ATM', 'GPS', 'SMS', 'WWII', 'EST', 'EDT', 'PST', 'PDT', 'GMT', 'UTC', 'CET', 'CEST', 'MSK', 'NOTE', 'THE',
  'AND', 'FOR', 'NOT', 'BUT', 'YOU', 'ARE', 'WAS', 'HAS', 'HIS', 'HER', 'ITS', 'OUR', 'ALL', 'ANY', 'CAN', 'MAY', 'WHO',
  'США', 'СССР', 'КНР', 'ФРГ', 'ГДР', 'ВВП',
]);

/** Words a slip is looked for in: four to twelve capitals (three-letter ones are mostly acronyms of their own). */
const MAY_BE_SLIP = /^\p{Lu}{4,12}$/u;
/** A changed letter is a slip only in acronyms this long: shorter ones are too many, and too alike. */
const SHORTEST_CHANGED_LETTER = 6;

/**
 * A misspelt acronym is an all-capital word of four to twelve letters that the glossary does not
 * know, that is no common abbreviation (`USA`, `GDP`, `CEO`) nor a Roman numeral, and that is a
 * known acronym (not only a national dataset's: a party's, an agency's, a court's) with two neighbouring
 * letters swapped (`OCSE` → OSCE, `UNWRA` → UNRWA) or, for an
 * acronym of six letters or more, with one letter changed (`UNISEF` → UNICEF).
 *
 * Precision comes first, as a warning on a correct word costs trust. In the shared corpus and the
 * seed, any one edit found 57 such words: 3 slips read right (OCSE, UNWRA, NSTB), one read wrong
 * (OPAC, meant for OPEC, taken for OFAC), and 53 acronyms the glossary lacks: a changed letter in
 * a shorter acronym (`NARA` for NASA, `MAGA` for MIGA), a letter left out or added (`CNBC` for
 * NBC, `CAPS` for CAS), a swap in three letters (`AFT` for ATF). This definition finds the 3 alone.
 */
export function organisationSpelling(glossary: Glossary): OrganisationSpelling {
  const acronyms = new Set<string>();
  const longAcronyms: string[] = [];
  for (const [form, ids] of glossary.matcher.forms) {
    // A national dataset's acronyms (thousands of agencies' and parties' letters) would make a slip of most capitals.
    if (!/^\p{Lu}{3,}$/u.test(form) || ids.every((id) => { const e = glossary.namingOf(id); return !e || needsItsCountry(e); })) continue;
    acronyms.add(form);
    if ([...form].length >= SHORTEST_CHANGED_LETTER) longAcronyms.push(form);
  }
  const meant = (word: string): string | undefined => {
    const chars = [...word];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue;
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
      const candidate = swapped.join('');
      if (acronyms.has(candidate)) return candidate;
    }
    if (chars.length < SHORTEST_CHANGED_LETTER) return undefined;
    return longAcronyms.find((acronym) => differsByOneLetter([...acronym], chars));
  };
  const answers = new Map<string, { acronym: string; fullName: string } | undefined>();
  const answer = (word: string) => {
    const mayBeSlip = MAY_BE_SLIP.test(word) && !/^[IVXLCDM]+$/.test(word) && !NOT_ORGANISATIONS.has(word) && !glossary.isKnownTerm(word);
    const acronym = mayBeSlip ? meant(word) : undefined;
    const entry = acronym === undefined ? undefined : glossary.sensesOf(acronym)[0];
    return acronym !== undefined && entry ? { acronym, fullName: entry.fullName } : undefined;
  };
  return {
    version: glossary.version,
    suggest(word) {
      if (!answers.has(word)) answers.set(word, answer(word));
      return answers.get(word);
    },
  };
}

function differsByOneLetter(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}
