import type { TranscriptModel } from './model';

/** How many versions back a document-wide value is looked for before it is read again from every paragraph. */
const REACH = 64;

/**
 * The nearest earlier version of `model` for which `kept` holds (its value is still kept), and the
 * versions edited from it up to `model`, oldest first, each with its `edit`: what a document-wide
 * value is updated along. Undefined when no such version is within reach, or one between was
 * not made by a paragraph edit or is gone.
 */
export function editsSince(
  model: TranscriptModel, kept: (earlier: TranscriptModel) => boolean,
): { readonly base: TranscriptModel; readonly edited: readonly TranscriptModel[] } | undefined {
  const edited: TranscriptModel[] = [];
  let current = model;
  for (let step = 0; step < REACH; step++) {
    const previous = current.edit?.previous.deref();
    if (!previous) return undefined;
    edited.push(current);
    if (kept(previous)) return { base: previous, edited: edited.reverse() };
    current = previous;
  }
  return undefined;
}
