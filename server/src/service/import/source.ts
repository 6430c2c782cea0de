/** What every importer turns its format into, and how it reports a file it cannot read. */

/** The formats `importTranscript` reads. */
export type ImportFormat = 'webvtt' | 'srt' | 'whisper-json' | 'podcast-json' | 'whisper-text';

/** One cue, segment or line of the source, in the source's order. */
export interface Cue {
  /** Seconds from the start of the recording; none in a text without times. */
  readonly start?: number;
  readonly end?: number;
  /** Who speaks, as the source names them (`Roger Bingham`, `SPEAKER_00`); none when it does not say. */
  readonly speaker?: string;
  /** The words, on one line, without the source's markup. */
  readonly text: string;
}

export interface ImportedSource {
  readonly format: ImportFormat;
  readonly cues: readonly Cue[];
  /** ISO 639-1 code, where the source names one. */
  readonly language?: string;
  /** The recording, where the source names it. */
  readonly media?: string;
}

/** A file that is not what its format says: the first problem, at its line and column (1-based). */
export class ImportError extends Error {
  constructor(message: string, readonly line: number, readonly column?: number) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** White space, line breaks included, as one space; the ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
