import { queryAlongEdits, type DerivedResults } from '../../derivedResults';
import { countedAlongEdits } from '../../editChain';
import type { Paragraph, TranscriptModel } from '../../model';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words (lower case) a paragraph writes, each as often as it is written. */
function* paragraphWords(model: TranscriptModel, paragraph: Paragraph): Generator<string> {
  for (const match of model.source.slice(paragraph.start, paragraph.end).toLowerCase().matchAll(WORD)) yield match[0];
}

/**
 * How often each word (lower case) is written in the paragraphs. Read from every paragraph once,
 * then updated along the edits: a check that asks after a keystroke does not read the whole text again.
 */
const WRITTEN_WORDS = queryAlongEdits('written words', [], (results, model: TranscriptModel): ReadonlyMap<string, number> =>
  countedAlongEdits(model, (earlier) => results.peek(WRITTEN_WORDS, earlier), paragraphWords));

export function writtenWords(results: DerivedResults, model: TranscriptModel): ReadonlyMap<string, number> {
  return results.get(WRITTEN_WORDS, model, undefined);
}
