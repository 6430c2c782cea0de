import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps UTF-16 offsets of a text to LSP positions and back. JavaScript strings are UTF-16, so an
 * offset into the string is already what LSP calls a character. Lines end at LF, CRLF or CR.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: Int32Array;

  constructor(readonly text: string, lineStarts?: Int32Array) {
    this.lineStarts = lineStarts ?? scanAllLineStarts(text);
  }

  /**
   * The index of `text`, which is this index's text with [start, end) replaced: lines before the
   * edit are kept, lines after it shifted, and only the edited lines scanned again.
   */
  withEdit(text: string, start: number, end: number, inserted: number): LineIndex {
    const delta = inserted - (end - start);
    const first = this.lineAt(start);
    // A CR just before the edit may pair with an LF the edit brings: rescan from the line before.
    const from = first > 0 ? first - 1 : 0;
    const last = this.lineAt(end);
    const nextOld = last + 1 < this.lineStarts.length ? this.lineStarts[last + 1] : -1;
    // Rescan up to the start of the first line after the edit (in the new text), or to the end.
    const scanEnd = nextOld < 0 ? text.length : nextOld + delta;
    const starts = new LineStarts(this.lineStarts.length + 16, this.lineStarts.subarray(0, from + 1));
    scanLineStarts(text, this.lineStarts[from], scanEnd, starts);
    if (nextOld >= 0) {
      // The old line break before `nextOld` must still end a line exactly there.
      if (starts.last !== scanEnd || (text.charCodeAt(scanEnd - 1) === 13 && text.charCodeAt(scanEnd) === 10)) {
        return new LineIndex(text);
      }
      starts.appendShifted(this.lineStarts.subarray(last + 2), delta);
    }
    return new LineIndex(text, starts.finish());
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/**
 * The start of every line of `text`. Most texts have no CR: for them, searching for LF alone is
 * several times faster than reading each character.
 */
function scanAllLineStarts(text: string): Int32Array {
  const starts = new LineStarts(text.length >> 6);
  if (text.includes('\r')) return scanLineStarts(text, 0, text.length, starts).finish();
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.finish();
}

/** Appends to `starts` the start of every line that begins in (from, to]. */
function scanLineStarts(text: string, from: number, to: number, starts: LineStarts): LineStarts {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      starts.push(i + 1);
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** A growing list of line starts, handed over as an exact Int32Array. */
class LineStarts {
  private values: Int32Array;
  private length: number;

  constructor(capacity: number, initial: ArrayLike<number> = [0]) {
    this.values = new Int32Array(Math.max(capacity, initial.length, 16));
    this.values.set(initial);
    this.length = initial.length;
  }

  get last(): number {
    return this.values[this.length - 1];
  }

  push(value: number): void {
    if (this.length === this.values.length) this.grow(this.length * 2);
    this.values[this.length++] = value;
  }

  appendShifted(values: Int32Array, delta: number): void {
    if (this.length + values.length > this.values.length) this.grow(this.length + values.length);
    const target = this.values;
    let n = this.length;
    for (let i = 0; i < values.length; i++) target[n++] = values[i] + delta;
    this.length = n;
  }

  finish(): Int32Array {
    return this.length === this.values.length ? this.values : this.values.slice(0, this.length);
  }

  private grow(capacity: number): void {
    const values = new Int32Array(capacity);
    values.set(this.values.subarray(0, this.length));
    this.values = values;
  }
}
