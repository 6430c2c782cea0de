import type { TranscriptModel } from '../model';
import type { DerivedResults } from '../derivedResults';
import { noCancellation, type CancellationToken } from '../types';
import { exportDocument, type ExportDocument } from './document';
import type { ExportFormat, ExportOptions } from './options';
import { toSrt, toWebVtt } from './subtitles';
import { toCsv } from './csv';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toHtml } from './html';
import { toDocx } from './docx';

export * from './options';
export type { ExportDocument } from './document';

export interface ExportResult {
  /** Text for every format but DOCX, whose bytes these are. */
  readonly content: string | Uint8Array;
  /** What the user should know about the output: estimated times, timestamps ignored. */
  readonly notes: readonly string[];
}

type Writer = (document: ExportDocument, options: ExportOptions) => { text: string; notes: string[] } | Promise<{ content: Uint8Array; notes: string[] }>;

const WRITERS: Record<ExportFormat, Writer> = {
  vtt: toWebVtt,
  srt: toSrt,
  md: toMarkdown,
  html: toHtml,
  docx: toDocx,
  csv: toCsv,
  json: toJson,
};

/**
 * The transcript in `format`; undefined when cancelled. An ExportError says why it cannot be
 * (no timestamps for subtitles, a speaker the transcript does not have). `progress` hears how
 * far it has come, from 0 to 1.
 */
export async function exportTranscript(
  results: DerivedResults,
  model: TranscriptModel,
  format: ExportFormat,
  options: ExportOptions = {},
  token: CancellationToken = noCancellation,
  progress?: (fraction: number) => void,
): Promise<ExportResult | undefined> {
  const writer = WRITERS[format];
  const document = exportDocument(results, model, options, token, progress && ((done) => progress(done / 2)));
  if (!document || token.isCancellationRequested) return undefined;
  const written = await writer(document, options);
  progress?.(1);
  return 'text' in written ? { content: written.text, notes: written.notes } : written;
}
