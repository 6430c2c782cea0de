import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createLanguageService, EXPORT_FORMAT_INFO, EXPORT_FORMATS, ExportError, type ExportFormat, type ExportOptions, type TranscriptDocument,
} from './service';

export const EXPORT_USAGE = `Usage: transcript export --to FORMAT FILE [-o OUT] [options]

Writes the transcript as FORMAT: ${EXPORT_FORMATS.join(', ')}. OUT defaults to FILE with the format's
extension (talk.transcript → talk.vtt); -o - writes to standard output, as does a FILE of -.

Options:
  --to FORMAT             vtt (WebVTT, <v Name> voice tags), srt, md, html, docx, csv (start,end,speaker,text), json
  -o, --output OUT        the file to write
  --force                 overwrite OUT if it exists
  --estimate              where the transcript has no timestamps, estimate the times from the words
  --words-per-minute N    the speaking rate of --estimate (default 160)
  --no-timestamps         leave the timestamps out, inline ones too (subtitles then need --estimate)
  --no-annotations        leave out notes, stage directions and truncation marks ([inaudible], (Laughter.))
  --speaker NAME          only this speaker's turns; may be given more than once
  --line-length N         subtitle line length in characters (default: vtt 65, srt 32)
  --lines N               lines per subtitle cue (default 2)

Exit codes: 0 written, 2 bad usage, a file that cannot be read, or a transcript that cannot be exported as asked
(nothing is written then).`;

/** Reads a FILE (or `-`) as the CLI does; a string says why it cannot. */
export type ReadDocument = (file: string, stdin: Uint8Array | string | undefined) => TranscriptDocument | string;

/** A progress line on stderr once an export has taken a second, then at most one a second. */
const PROGRESS_AFTER_MS = 1000;

/** `transcript export …`: argv after the command's name. */
export async function exportCommand(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  readDocument: ReadDocument,
  readStdin: () => Promise<Uint8Array | string>,
  writeStdout: (content: string | Uint8Array) => void = (content) => process.stdout.write(content),
): Promise<number> {
  const usage = (message: string) => {
    err(`transcript export: ${message}\n${EXPORT_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        estimate: { type: 'boolean' },
        'words-per-minute': { type: 'string' },
        'no-timestamps': { type: 'boolean' },
        'no-annotations': { type: 'boolean' },
        speaker: { type: 'string', multiple: true },
        'line-length': { type: 'string' },
        lines: { type: 'string' },
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
    out(EXPORT_USAGE);
    return 0;
  }
  const format = values.to as ExportFormat | undefined;
  if (!format) return usage('--to FORMAT is needed');
  if (!EXPORT_FORMATS.includes(format)) return usage(`--to must be one of ${EXPORT_FORMATS.join(', ')}, not ${format}`);
  if (positionals.length !== 1) return usage(positionals.length ? 'one FILE at a time' : 'a FILE is needed');
  const numbers: Record<string, number | undefined> = {};
  for (const name of ['words-per-minute', 'line-length', 'lines'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) return usage(`--${name} must be a whole number above 0, not ${value}`);
    numbers[name] = n;
  }
  const file = positionals[0];
  const output = values.output ?? (file === '-' ? '-' : `${file.slice(0, file.length - path.extname(file).length)}.${EXPORT_FORMAT_INFO[format].extension}`);
  if (output === '') return usage('-o needs a file name');
  if (path.resolve(output) === path.resolve(file) && file !== '-') return usage(`the output would overwrite the transcript ${file}`);

  const document = readDocument(file, file === '-' ? await readStdin() : undefined);
  const name = file === '-' ? '<stdin>' : file;
  if (typeof document === 'string') {
    err(`transcript: ${name}: ${document}`);
    return 2;
  }
  const limits = { lineLength: numbers['line-length'], lines: numbers.lines };
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const options: ExportOptions = {
    timestamps: !values['no-timestamps'],
    annotations: !values['no-annotations'],
    speakers: values.speaker,
    estimate: values.estimate,
    wordsPerMinute: numbers['words-per-minute'],
    vtt: defined(limits),
    srt: defined(limits),
  };
  const started = performance.now();
  let reported = started;
  const progress = (fraction: number) => {
    const now = performance.now();
    if (now - started < PROGRESS_AFTER_MS || now - reported < PROGRESS_AFTER_MS) return;
    reported = now;
    err(`transcript: exporting ${name} to ${format}: ${Math.round(fraction * 100)}% (${((now - started) / 1000).toFixed(1)} s)`);
  };
  let result;
  try {
    result = await createLanguageService().exportTranscript(document, format, options, undefined, progress);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    err(`transcript: ${name}: cannot export to ${format}: ${error.message}`);
    return 2;
  }
  if (!result) return 2;
  for (const note of result.notes) err(`transcript: ${name}: ${note}`);
  if (output === '-') {
    writeStdout(result.content);
    return 0;
  }
  try {
    // `wx` fails if the file exists, in the same call that creates it.
    writeFileSync(output, result.content, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(code === 'EEXIST'
      ? `transcript: ${output} exists; --force overwrites it`
      : `transcript: ${output}: cannot be written (${code ?? (error as Error).message})`);
    return 2;
  }
  if (performance.now() - started >= PROGRESS_AFTER_MS) err(`transcript: wrote ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
