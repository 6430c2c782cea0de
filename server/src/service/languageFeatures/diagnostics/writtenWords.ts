import { queryAlongEdits, type DerivedResults } from '../../derivedResults';
import { countedAlongEdits } from '../../editChain';
import type { Paragraph, TranscriptModel } from '../../model';
import type { Steps } from '../../steps';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words (lower case) a paragraph writes, each as often as it is written. */
function* paragraphWords(model: TranscriptModel, paragraph: Paragraph): Generator<string> {
  for (const match of model.source.slice(paragraph.start, paragraph.end).toLowerCase().matchAll(WORD)) yield match[0];
}

/**
 * How often each word (lower case) is written in the paragraphs. Read from every paragraph once,
 * then updated along the edits: a check that asks after a keystroke does not read the whole text again.
 */
const WRITTEN_WORDS = queryAlongEdits('written words', [], (results, model: TranscriptModel): Steps<ReadonlyMap<string, number>> =>
  countedAlongEdits(model, (earlier) => results.peek(WRITTEN_WORDS, earlier), paragraphWords));

/** The counts in steps: read from every paragraph the first time, at 10 MB longer than many slices. */
export function writtenWords(results: DerivedResults, model: TranscriptModel): Steps<ReadonlyMap<string, number>> {
  return results.getInSteps(WRITTEN_WORDS, model, undefined);
}
