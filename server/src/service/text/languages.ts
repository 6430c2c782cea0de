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
  /** Conjunctions a speaker trails off on at the end of a turn (`So`, `and`): speech, not a cut. */
  readonly trailOffWords: ReadonlySet<string>;
}

/** One language's lists in `server/data/languages.json`: the project's table of language data. */
interface LanguageEntry {
  readonly cannotEnd?: readonly string[];
  readonly neverBeforePeriod?: readonly string[];
  readonly abbreviations?: readonly string[];
  readonly addressWords?: readonly string[];
  readonly closingWords?: readonly string[];
  readonly closingConjunctions?: readonly string[];
  readonly trailOffWords?: readonly string[];
  readonly questionMarkers?: readonly string[];
  readonly answerMarkers?: readonly string[];
  readonly remarkMarkers?: readonly string[];
  readonly askingPhrases?: readonly string[];
  readonly greetingQuestions?: readonly string[];
  readonly floorQuestions?: readonly string[];
  readonly promptPhrases?: readonly string[];
  readonly stopWords?: readonly string[];
  readonly months?: readonly string[];
  readonly notSpeakers?: readonly string[];
  readonly nameParticles?: readonly string[];
  readonly labelHonorifics?: readonly string[];
  readonly presidingOffices?: readonly string[];
  readonly chairTitles?: readonly string[];
  readonly stageWords?: readonly string[];
  readonly titles?: readonly string[];
}

const table: Readonly<Record<string, LanguageEntry>> = Object.fromEntries(
  Object.entries(languageData as Record<string, unknown>).filter(([key, value]) => !key.startsWith('$') && typeof value === 'object'),
) as Record<string, LanguageEntry>;

/** A list by language, for the languages that give it: `listsOf('questionMarkers').de` is `['frage', 'f']`. */
export function listsOf(list: keyof LanguageEntry): Readonly<Record<string, readonly string[]>> {
  const lists: Record<string, readonly string[]> = {};
  for (const [language, entry] of Object.entries(table)) if (entry[list]) lists[language] = entry[list]!;
  return lists;
}

/** A list of every language at once, each word once: the parser reads a label in any language. */
export function wordsOfAllLanguages(list: keyof LanguageEntry): string[] {
  return [...new Set(Object.values(listsOf(list)).flat())];
}

/** An alternation of words for a regular expression, longest first, special characters escaped (a hyphen needs none outside a class). */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function wordsOf(language: string): LanguageWords {
  // A list the language does not give is English's.
  const list = (name: keyof LanguageEntry) => table[language]?.[name] ?? table.en[name] ?? [];
  return {
    cannotEnd: new Set(list('cannotEnd')),
    neverBeforePeriod: new Set(list('neverBeforePeriod')),
    abbreviations: new Set(list('abbreviations')),
    longestAbbreviation: Math.max(0, ...list('abbreviations').map((a) => a.length)),
    addressWords: new Set(list('addressWords')),
    closingWords: new Set(list('closingWords')),
    closingConjunctions: new Set(list('closingConjunctions')),
    trailOffWords: new Set(list('trailOffWords')),
  };
}

/** The sentence checks' word lists of every language the table has, made once at load: constant data. */
const SENTENCE_WORDS: ReadonlyMap<string, LanguageWords> = new Map(Object.keys(table).map((language) => [language, wordsOf(language)]));

/** The word lists of `server/data/languages.json` for a language; English's where it gives none. */
export function languageWords(language: string): LanguageWords {
  return SENTENCE_WORDS.get(language) ?? SENTENCE_WORDS.get('en')!;
}
