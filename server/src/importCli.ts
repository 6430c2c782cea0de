import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_PAUSE_SECONDS, ImportError, importTranscript, type ImportFormat } from './service/import';

export const IMPORT_USAGE = `Usage: transcript import FILE [-o OUT] [--force] [--from FORMAT] [--pause SECONDS]

Turns subtitles or speech-to-text output into a transcript: WebVTT (.vtt), SubRip (.srt),
Whisper or WhisperX JSON and podcast namespace JSON (.json), Whisper text (.txt).

Options:
  -o, --output OUT   where to write the transcript (default: FILE with the extension .transcript; - for standard output)
  --force            overwrite OUT if it exists
  --from FORMAT      webvtt, srt, whisper-json, podcast-json or whisper-text, where the extension does not say
  --pause SECONDS    a longer pause between two cues of one speaker starts a paragraph (default ${DEFAULT_PAUSE_SECONDS})

Exit codes: 0 written, 2 the file is malformed or cannot be read, OUT exists, or bad usage.`;

const FORMATS: readonly ImportFormat[] = ['webvtt', 'srt', 'whisper-json', 'podcast-json', 'whisper-text'];

export interface ImportIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** The file's text, or in a few words why it cannot be read; `-` is standard input. */
  readonly read: (file: string) => Promise<string | { text: string }>;
  readonly now?: () => number;
}

/** `transcript import`: one file in, one transcript out, nothing written when the file is malformed. */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  const usage = (message: string) => {
    io.err(`transcript import: ${message}\n${IMPORT_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, from: { type: 'string' }, pause: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) return usage(positionals.length ? 'one FILE at a time' : 'needs a FILE');
  const [file] = positionals;
  const format = values.from as ImportFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) return usage(`--from must be one of ${FORMATS.join(', ')}`);
  const pauseSeconds = values.pause === undefined ? DEFAULT_PAUSE_SECONDS : Number(values.pause);
  if (!Number.isFinite(pauseSeconds) || pauseSeconds < 0) return usage('--pause takes a number of seconds');
  const output = values.output ?? (file === '-' ? '-' : `${file.replace(/\.[^./\\]*$/, '')}.transcript`);
  if (output === file && file !== '-') return usage('the output would overwrite FILE: give -o OUT');
  const name = file === '-' ? '<stdin>' : file;

  const input = await io.read(file);
  if (typeof input === 'string') {
    io.err(`transcript: ${name}: ${input}`);
    return 2;
  }
  const now = io.now ?? (() => performance.now());
  const started = now();
  let reported = 0;
  let result;
  try {
    result = importTranscript(input.text, {
      fileName: file === '-' ? undefined : file,
      format,
      pauseSeconds,
      // A long import says how far it is, a line at most every half second, after its first second.
      onProgress: (written, total) => {
        const elapsed = now() - started;
        if (elapsed < 1000 || elapsed - reported < 500 || written === total) return;
        reported = elapsed;
        io.err(`transcript: importing ${name}: ${Math.floor((100 * written) / total)}% (${written} of ${total} cues)`);
      },
    })!;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.err(`transcript: ${name}:${error.line}${error.column === undefined ? '' : `:${error.column}`}: ${error.message}`);
    return 2;
  }
  if (now() - started > 1000) io.err(`transcript: imported ${name}: 100%`);
  if (output === '-') {
    io.out(result.text.replace(/\n$/, ''));
    return 0;
  }
  try {
    writeFileSync(output, result.text, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') io.err(`transcript: ${output} exists: --force overwrites it`);
    else io.err(`transcript: ${output}: cannot be written (${code ?? (error as Error).message})`);
    return 2;
  }
  const speakers = result.speakers.length ? `, ${result.speakers.length} speakers` : '';
  io.err(`transcript: wrote ${output} (${result.cues} cues${speakers}, from ${result.format})`);
  return 0;
}
