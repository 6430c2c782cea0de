import languageData from '../../../data/languages.json';

export interface LanguageWords {
  /** Words a finished sentence does not end on: a paragraph that stops on one was cut. */
  readonly cannotEnd: ReadonlySet<string>;
  /** Words that do not end a sentence even before its full stop (`the.`). */
  readonly neverBeforePeriod: ReadonlySet<string>;
  /** Words whose dot is not a full stop (`Mr.`, `e.g.`). */
  readonly abbreviations: ReadonlySet<string>;
  /** The length of the longest of them: a longer word before a dot is none. */
  readonly longestAbbreviation: number;
  /** Words of a salutation, which may end a paragraph with a comma (`Ladies and gentlemen,`). */
  readonly addressWords: ReadonlySet<string>;
  /** The words of a whole closing remark (`thank you`, `exactly`), lower case, one space between. */
  readonly closingWords: ReadonlySet<string>;
  /** Words that may open a closing remark without changing it (`but` of `But yeah`). */
  readonly closingConjunctions: ReadonlySet<string>;
}

type LanguageEntry = { cannotEnd: string[]; neverBeforePeriod: string[]; abbreviations: string[]; addressWords: string[]; closingWords: string[]; closingConjunctions: string[] };
const data = languageData as unknown as Record<string, LanguageEntry | string>;
const cache = new Map<string, LanguageWords>();

/** The word lists of `server/data/languages.json` for a language; English where there are none. */
export function languageWords(language: string): LanguageWords {
  let words = cache.get(language);
  if (!words) {
    const entry = (typeof data[language] === 'object' ? data[language] : data.en) as LanguageEntry;
    words = {
      cannotEnd: new Set(entry.cannotEnd),
      neverBeforePeriod: new Set(entry.neverBeforePeriod),
      abbreviations: new Set(entry.abbreviations),
      longestAbbreviation: Math.max(0, ...entry.abbreviations.map((a) => a.length)),
      addressWords: new Set(entry.addressWords),
      closingWords: new Set(entry.closingWords),
      closingConjunctions: new Set(entry.closingConjunctions),
    };
    cache.set(language, words);
  }
  return words;
}
