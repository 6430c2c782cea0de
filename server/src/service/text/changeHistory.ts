import type { TextChange } from '../parser/parser';

/** How many versions back a document can say what changed: a burst of typing between two requests. */
const KEPT_VERSIONS = 256;

/**
 * Two changes one after the other as one: the range of the text before both that they replaced,
 * and the length of what stands there after both. `second` is in the offsets of the text after `first`.
 */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  // The end of what was touched, in the text between the two, and in the text before both.
  const endBetween = Math.max(first.start + first.length, second.end);
  const end = endBetween - first.length + (first.end - first.start);
  return { start, end, length: endBetween + second.length - (second.end - second.start) - start };
}

/**
 * The single-range changes that made a document's last versions. The service reads the model of
 * a version and, at the next request, asks what changed since it: typed keystrokes with no request
 * between them are one change to reparse, not a reason to reparse the whole text.
 */
export class ChangeHistory {
  private steps: { readonly fromVersion: number; readonly toVersion: number; readonly change: TextChange }[] = [];

  /** `toVersion` was made from `fromVersion` by `change`; undefined: by something else (new text), which nothing before it reaches across. */
  record(fromVersion: number, toVersion: number, change: TextChange | undefined): void {
    if (!change || toVersion <= fromVersion) {
      this.steps = [];
      return;
    }
    this.steps.push({ fromVersion, toVersion, change });
    if (this.steps.length > KEPT_VERSIONS) this.steps.splice(0, this.steps.length - KEPT_VERSIONS);
  }

  /** The one change that made the last version from `version`, when every change since is recorded. */
  since(version: number): TextChange | undefined {
    let at = this.steps.findIndex((step) => step.fromVersion === version);
    if (at < 0) return undefined;
    let change = this.steps[at].change;
    for (at++; at < this.steps.length; at++) {
      if (this.steps[at].fromVersion !== this.steps[at - 1].toVersion) return undefined;
      change = composeChanges(change, this.steps[at].change);
    }
    return change;
  }
}
