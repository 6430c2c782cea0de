import type { ParagraphAnalysis } from './paragraphs';

/** One paragraph as the parser finds it: where it is, and what its text says. */
export interface ParagraphEntry {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly analysis: ParagraphAnalysis;
}

/**
 * Where each paragraph of one version is, in flat arrays. An edit makes the next version's table
 * by copying these arrays and shifting the part after the edit, without an object per paragraph:
 * a keystroke in a transcript of fifty thousand paragraphs moves numbers, not nodes.
 */
export class ParagraphTable {
  private constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly firstLines: Int32Array,
    readonly lastLines: Int32Array,
    readonly analyses: readonly ParagraphAnalysis[],
  ) {}

  static of(entries: readonly ParagraphEntry[]): ParagraphTable {
    const n = entries.length;
    const table = new ParagraphTable(new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), entries.map((e) => e.analysis));
    entries.forEach((e, i) => table.write(i, e));
    return table;
  }

  get length(): number {
    return this.analyses.length;
  }

  /**
   * The table of the next version: paragraphs [from, to) replaced by `inserted`, and those after
   * them moved by `offsetDelta` characters and `lineDelta` lines.
   */
  replace(from: number, to: number, inserted: readonly ParagraphEntry[], offsetDelta: number, lineDelta: number): ParagraphTable {
    const n = this.length - (to - from) + inserted.length;
    const analyses = this.analyses.slice(0, from);
    for (const e of inserted) analyses.push(e.analysis);
    for (let i = to; i < this.length; i++) analyses.push(this.analyses[i]);
    const table = new ParagraphTable(new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), analyses);
    const shift = from + inserted.length - to;
    for (const [target, source, delta] of [
      [table.starts, this.starts, offsetDelta], [table.ends, this.ends, offsetDelta],
      [table.firstLines, this.firstLines, lineDelta], [table.lastLines, this.lastLines, lineDelta],
    ] as const) {
      target.set(source.subarray(0, from));
      for (let i = to; i < source.length; i++) target[i + shift] = source[i] + delta;
    }
    inserted.forEach((e, i) => table.write(from + i, e));
    return table;
  }

  /** The index of the paragraph that holds `offset` (its end included), or -1. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < this.starts[mid]) high = mid - 1;
      else if (offset > this.ends[mid]) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The first paragraph whose last line is at or after `line`; the length if none. */
  firstEndingAtOrAfter(line: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lastLines[mid] < line) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The last paragraph whose first line is at or before `line`; -1 if none. */
  lastStartingAtOrBefore(line: number): number {
    let low = -1;
    let high = this.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firstLines[mid] <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private write(i: number, e: ParagraphEntry): void {
    this.starts[i] = e.start;
    this.ends[i] = e.end;
    this.firstLines[i] = e.firstLine;
    this.lastLines[i] = e.lastLine;
  }
}
