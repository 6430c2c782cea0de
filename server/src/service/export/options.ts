/** The formats `transcript export --to` writes. */
export const EXPORT_FORMATS = ['vtt', 'srt', 'md', 'html', 'docx', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each format's file extension and a name for pickers. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, { readonly extension: string; readonly label: string }>> = {
  vtt: { extension: 'vtt', label: 'WebVTT subtitles' },
  srt: { extension: 'srt', label: 'SubRip (SRT) subtitles' },
  md: { extension: 'md', label: 'Markdown' },
  html: { extension: 'html', label: 'HTML page' },
  docx: { extension: 'docx', label: 'Word document (DOCX)' },
  csv: { extension: 'csv', label: 'CSV table (start, end, speaker, text)' },
  json: { extension: 'json', label: 'JSON (the transcript model)' },
};

export interface CueLimits {
  /** Characters per line. */
  readonly lineLength: number;
  /** Lines per cue. */
  readonly lines: number;
}

export interface ExportOptions {
  /** False: timestamps are not written, inline ones neither; subtitles then need `estimate`. Default true. */
  readonly timestamps?: boolean;
  /** False: notes, stage directions and truncation marks are left out. Default true. */
  readonly annotations?: boolean;
  /** Only the turns of these speakers (names or aliases, compared as labels are); all when empty. */
  readonly speakers?: readonly string[];
  /** Where the transcript has no timestamps, spread times by `wordsPerMinute` instead of refusing. */
  readonly estimate?: boolean;
  readonly wordsPerMinute?: number;
  readonly vtt?: Partial<CueLimits>;
  readonly srt?: Partial<CueLimits>;
}

/** The podcast namespace's limits for transcripts: WebVTT lines of 65 characters, SRT two lines of 32. */
export const DEFAULT_CUE_LIMITS: Readonly<Record<'vtt' | 'srt', CueLimits>> = {
  vtt: { lineLength: 65, lines: 2 },
  srt: { lineLength: 32, lines: 2 },
};

/** A speaking rate for estimated times: English speech runs at 140–170 words a minute. */
export const DEFAULT_WORDS_PER_MINUTE = 160;

/** Why a transcript cannot be exported as asked: the message is for the user as it stands. */
export class ExportError extends Error {}

/** The server's `transcript/export` request (the VS Code command's, client/src/export.ts). */
export interface ExportParams {
  readonly textDocument: { readonly uri: string };
  readonly format: ExportFormat;
  readonly options?: ExportOptions;
}

/** Its answer: the text, or for DOCX its bytes in base64, and what the user should know. */
export interface ExportAnswer {
  readonly content: string;
  readonly encoding: 'utf8' | 'base64';
  readonly notes: readonly string[];
}
