import { noCancellation, type CancellationToken } from '../types';
import { parseJsonSource, isRecord } from './jsonSource';
import { readPodcastJson } from './podcastJson';
import { ImportError, type ImportFormat, type ImportedSource } from './source';
import { readSrt } from './srt';
import { readWebVtt } from './webvtt';
import { readWhisperJson } from './whisperJson';
import { readWhisperText } from './whisperText';
import { writeTranscript } from './writeTranscript';

export { ImportError, type Cue, type ImportFormat, type ImportedSource } from './source';
export { timestamp } from './writeTranscript';

export interface ImportOptions {
  /** The file's name or path: its extension says the format, and it is the front matter's `source:`. */
  readonly fileName?: string;
  /** The format, where the extension does not say it. */
  readonly format?: ImportFormat;
  /** A longer pause (seconds) between two cues of one speaker starts a paragraph; default 2. */
  readonly pauseSeconds?: number;
  readonly token?: CancellationToken;
  /** Called now and then while the transcript is written, with the cues written so far. */
  readonly onProgress?: (written: number, total: number) => void;
}

export interface ImportResult {
  /** The transcript in the markup. */
  readonly text: string;
  readonly format: ImportFormat;
  readonly cues: number;
  readonly speakers: readonly string[];
}

export const DEFAULT_PAUSE_SECONDS = 2;

const EXTENSIONS: Readonly<Record<string, ImportFormat | 'json'>> = { vtt: 'webvtt', webvtt: 'webvtt', srt: 'srt', json: 'json', txt: 'whisper-text' };

/**
 * Turns a subtitle file or speech-to-text output into a transcript. Throws an ImportError at the
 * first problem of a malformed file (or one whose format cannot be told); undefined when cancelled.
 */
export function importTranscript(text: string, options: ImportOptions = {}): ImportResult | undefined {
  const token = options.token ?? noCancellation;
  const source = readImportSource(text, options, token);
  if (!source) return undefined;
  const sourceName = options.fileName?.split(/[\\/]/).pop();
  const written = writeTranscript(source, { pauseSeconds: options.pauseSeconds ?? DEFAULT_PAUSE_SECONDS, sourceName, token, onProgress: options.onProgress });
  if (written === undefined) return undefined;
  const speakers = [...new Set(source.cues.flatMap((cue) => (cue.speaker === undefined ? [] : [cue.speaker])))];
  return { text: written, format: source.format, cues: source.cues.length, speakers };
}

/** The cues and metadata of the file, before they are written as a transcript; undefined when cancelled. */
export function readImportSource(text: string, options: ImportOptions = {}, token: CancellationToken = noCancellation): ImportedSource | undefined {
  const format = options.format ?? formatOf(text, options.fileName);
  if (format === 'webvtt') return readWebVtt(text);
  if (format === 'srt') return readSrt(text);
  if (format === 'whisper-text') return readWhisperText(text);
  const json = parseJsonSource(text);
  if (format === 'podcast-json' || (format === 'json' && isPodcastJson(json))) return readPodcastJson(text, json, token);
  return readWhisperJson(text, json, token);
}

/** The format the file's extension names, or else its first characters show. */
function formatOf(text: string, fileName: string | undefined): ImportFormat | 'json' {
  const extension = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1].toLowerCase();
  const named = extension && EXTENSIONS[extension];
  if (named) return named;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('WEBVTT')) return 'webvtt';
  if (start.startsWith('{')) return 'json';
  if (/^\d+\r?\n[\d:,.]+ +-->/.test(start)) return 'srt';
  throw new ImportError('Cannot tell the format: expected WebVTT (.vtt), SubRip (.srt), Whisper or podcast JSON (.json) or Whisper text (.txt).', 1, 1);
}

/** The podcast namespace's segments have `body` and `startTime`; Whisper's `text` and `start`. */
function isPodcastJson(json: unknown): boolean {
  const first = isRecord(json) && Array.isArray(json.segments) ? json.segments[0] : undefined;
  return isRecord(first) && ('body' in first || 'startTime' in first);
}
