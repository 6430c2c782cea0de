import type { Span } from '../model';

/** The span of `spans` (in order, not overlapping) that holds `offset`, its end included. */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[mid].start) high = mid - 1;
    else if (offset > spans[mid].end) low = mid + 1;
    else return spans[mid];
  }
  return undefined;
}

/** The index of the first of `spans` (in order, not overlapping) that ends after `offset`; `spans.length` if none does. */
export function firstEndingAfter<T extends Span>(spans: readonly T[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
