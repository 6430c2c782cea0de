/**
 * Work that can be paused: each `yield` is a point where the caller may stop and go on later.
 * The service stays synchronous and knows no event loop; a server runs the steps in slices with
 * turns of its event loop between them, so that a cancellation is read while the work runs.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** How many paragraphs or turns a pass over the document reads between two yields: a fraction of a slice at 10 MB. */
export const STEP_ITEMS = 256;

/** Runs the steps to the end, without pausing. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
