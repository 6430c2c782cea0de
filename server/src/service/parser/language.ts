import { listsOf } from '../text/languages';

/**
 * The language of a transcript without front matter, from its commonest words: German
 * transcripts need German word lists (`an.` ends a German sentence, not an English one).
 */
const STOPWORDS = listsOf('stopWords');
const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOPWORDS)) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}
/** Only the start of the text is read: an edit beyond it cannot change the language. */
export const LANGUAGE_SAMPLE = 20_000;
const MIN_HITS = 20;

export function detectLanguage(text: string): string {
  const counts = new Map<string, number>();
  for (const match of text.slice(0, LANGUAGE_SAMPLE).toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of LOOKUP.get(match[0]) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_HITS || (second && best[1] < 1.5 * second[1])) return 'en';
  return best[0];
}
