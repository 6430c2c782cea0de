import { queryAlongEdits, type DerivedResults, type Query } from './derivedResults';
import type { Paragraph, ParagraphEdit, TranscriptModel } from './model';
import { STEP_ITEMS, type Steps } from './steps';

/** How many versions back a document-wide value is looked for before it is read again from every paragraph. */
const REACH = 64;

/** One edit between two versions. */
export interface EditStep {
  readonly before: TranscriptModel;
  readonly after: TranscriptModel;
  readonly edit: ParagraphEdit;
}

/**
 * The value `kept` finds for the nearest earlier version of `model` (a value still kept for it),
 * and the edits from that version up to `model`, oldest first: what a document-wide value is
 * updated along. Undefined when no such version is within reach, or one between was not made by
 * a paragraph edit or is gone.
 */
export function editsSince<V>(
  model: TranscriptModel, kept: (earlier: TranscriptModel) => V | undefined,
): { readonly value: V; readonly steps: readonly EditStep[] } | undefined {
  const steps: EditStep[] = [];
  let after = model;
  for (let step = 0; step < REACH; step++) {
    const edit = after.edit;
    const before = edit?.previous.deref();
    if (!edit || !before) return undefined;
    steps.push({ before, after, edit });
    const value = kept(before);
    if (value !== undefined) return { value, steps: steps.reverse() };
    after = before;
  }
  return undefined;
}

/** How far the edit moved the paragraphs after it, in indices. */
export function indexShift(edit: ParagraphEdit): number {
  return edit.inserted - (edit.to - edit.from);
}

/**
 * How many times the paragraphs of `model` hold each key (`keysOf`: a paragraph's names, the
 * countries it names): the counts `kept` finds for an earlier version, less the replaced and
 * relabelled paragraphs' keys and plus those of what replaced them; else counted over every paragraph.
 */
function* countedAlongEdits(
  model: TranscriptModel,
  kept: (earlier: TranscriptModel) => ReadonlyMap<string, number> | undefined,
  keysOf: (version: TranscriptModel, paragraph: Paragraph) => Iterable<string>,
): Steps<Map<string, number>> {
  const since = editsSince(model, kept);
  const counts = new Map(since?.value);
  const count = (version: TranscriptModel, paragraph: Paragraph, sign: 1 | -1) => {
    for (const key of keysOf(version, paragraph)) {
      const n = (counts.get(key) ?? 0) + sign;
      if (n > 0) counts.set(key, n);
      else counts.delete(key);
    }
  };
  if (!since) {
    for (let i = 0; i < model.paragraphCount; i++) {
      if (i % STEP_ITEMS === 0) yield;
      count(model, model.paragraphByIndex(i), 1);
    }
    return counts;
  }
  for (const { before, after, edit } of since.steps) {
    for (let i = edit.from; i < edit.to; i++) count(before, before.paragraphByIndex(i), -1);
    for (let i = edit.from; i < edit.from + edit.inserted; i++) count(after, after.paragraphByIndex(i), 1);
    for (const i of edit.relabelled) {
      count(before, before.paragraphByIndex(i < edit.from ? i : i - indexShift(edit)), -1);
      count(after, after.paragraphByIndex(i), 1);
    }
  }
  return counts;
}

/**
 * A query of how many times the paragraphs of a version hold each key (`keysOf`), asked with at
 * most one argument (a glossary): counted along edits from an earlier version's counts, as
 * countedAlongEdits does, in steps where it reads every paragraph.
 */
export function countsAlongEdits<A extends readonly [] | readonly [unknown]>(
  name: string,
  keysOf: (results: DerivedResults, version: TranscriptModel, paragraph: Paragraph, ...args: A) => Iterable<string>,
): Query<TranscriptModel, undefined, A, ReadonlyMap<string, number>> {
  const counts: Query<TranscriptModel, undefined, A, ReadonlyMap<string, number>> = queryAlongEdits(
    name,
    [],
    (results: DerivedResults, model: TranscriptModel, _reader: undefined, ...args: A): Steps<ReadonlyMap<string, number>> => countedAlongEdits(
      model,
      (earlier) => results.peek(counts, earlier, ...args),
      (version, paragraph) => keysOf(results, version, paragraph, ...args),
    ),
  );
  return counts;
}
