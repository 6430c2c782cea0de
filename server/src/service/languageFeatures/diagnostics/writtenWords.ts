import type { DerivedResults } from '../../derivedResults';
import { countsAlongEdits } from '../../editChain';
import type { Paragraph, TranscriptModel } from '../../model';
import type { Steps } from '../../steps';
import { characterTable, TABLED } from '../../text/characterTable';

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const wordUnits = characterTable((char) => (WORD_CHARACTER.test(char) ? 1 : 0));

/** The words (lower case) a paragraph writes, each as often as it is written. */
function paragraphWords(model: TranscriptModel, paragraph: Paragraph): string[] {
  return wordsWritten(model.source.slice(paragraph.start, paragraph.end));
}

/**
 * The runs of letters, marks and digits (`/[\p{L}\p{M}\p{N}]+/gu`) of the text in lower case,
 * read by a table of the characters: the regular expression took most of a first check at 10 MB
 * (800 ms), long steps of it delaying keystrokes.
 */
export function wordsWritten(text: string): string[] {
  const lowered = text.toLowerCase();
  const table = wordUnits();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (c < TABLED) inWord = table[c] === 1;
    else {
      // Above the table, a code point at a time, as the `u` expression reads it: a surrogate pair is one character.
      const point = lowered.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      inWord = WORD_CHARACTER.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lowered.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(lowered.slice(start));
  return words;
}

/**
 * How often each word (lower case) is written in the paragraphs. Read from every paragraph once,
 * then updated along the edits: a check that asks after a keystroke does not read the whole text again.
 */
const WRITTEN_WORDS = countsAlongEdits('written words', (_results, version, paragraph) => paragraphWords(version, paragraph));

/** The counts in steps: read from every paragraph the first time, at 10 MB longer than many slices. */
export function writtenWords(results: DerivedResults, model: TranscriptModel): Steps<ReadonlyMap<string, number>> {
  return results.getInSteps(WRITTEN_WORDS, model, undefined);
}
