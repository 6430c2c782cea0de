import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService, type TranscriptDocument, type TranscriptLanguageService, type TranscriptModel } from './service';
import { speakerName } from './service/languageFeatures/documentSymbols';
import { formatStatistics } from './service';
import { version } from '../../package.json';
import { exportCommand } from './cliExport';
import { runImport } from './importCli';

const USAGE = `Usage: transcript <command> [--format text|json] FILE...
       transcript --version

Commands:
  outline FILE...   the outline: header, sections, turns, numbered questions with their answers
  check FILE...     diagnostics as file:line:col severity code message; exit 1 if any warning or error
  parse FILE...     the document model: turns with speaker, role and range
  orgs FILE...      the organisations a transcript names, with counts: count  ACRONYM  Full name
  stats FILE...     per speaker: turns, words, share of words, questions asked and answered, words per answer
  export --to FORMAT FILE [-o OUT]   the transcript as vtt, srt, md, html, docx, csv or json (transcript export --help)
  import FILE       subtitles or speech-to-text output (WebVTT, SRT, Whisper JSON …) as a transcript: transcript import --help

Options:
  --format text|json  output format (default text)
  --glossary FILE     also use this glossary file (.json or .yaml, the format of .transcript-glossary.yaml);
                      may be given more than once
  -h, --help          this help
  -v, --version       the version of transcript

A FILE of - is standard input, named <stdin> in messages and output.

Exit codes: 0 success, 1 problems found by check, 2 a file could not be read or bad usage.`;

type Format = 'text' | 'json';

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // Export has options of its own: see cliExport.ts.
  if (argv[0] === 'export') return exportCommand(argv.slice(1), out, err, readDocument, readStdin);
  // Import (issue 17) has options of its own: importCli.ts.
  if (argv[0] === 'import') return runImport(argv.slice(1), { out, err, read: readImportInput });
  const parsed = parseCommandLine(argv);
  if (typeof parsed === 'string') {
    err(`transcript: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: [command, ...files] } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.version) {
    out(version);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    err(`transcript: --format must be text or json, not ${format}`);
    return 2;
  }
  const glossaries = values.glossary ?? [];
  if (glossaries.includes('')) {
    err('transcript: --glossary needs a FILE');
    return 2;
  }
  if (!command || !['outline', 'check', 'parse', 'orgs', 'stats'].includes(command)) {
    err(command ? `transcript: unknown command ${command}\n${USAGE}` : USAGE);
    return 2;
  }
  if (files.length === 0) {
    err(`transcript: ${command} needs at least one FILE`);
    return 2;
  }
  // Standard input can be read only once: every `-` gets these bytes.
  const stdin = [...files, ...glossaries].includes(STDIN) ? await readStdin() : undefined;

  const service = createLanguageService();
  for (const glossary of glossaries) {
    const document = readDocument(glossary, stdin);
    if (typeof document === 'string') {
      err(`transcript: ${displayName(glossary)}: ${document}`);
      return 2;
    }
    // The file's own name need not be `.transcript-glossary.*`; its extension says JSON or YAML.
    for (const d of service.setGlossaryLayer(document.uri, document.getText())) err(formatDiagnostic(displayName(glossary), d));
  }
  const job: Job = { command, format, multiple: files.length > 1, glossaries, stdin };
  const threads = threadCount(files);
  const outcomes = threads > 1 ? await inThreads(service, job, files, threads) : files.map((file) => processFile(service, job, file));
  let unreadable = false;
  let problems = false;
  const results: unknown[] = [];
  for (const outcome of outcomes) {
    // One write per file, not per line: a check of 10 MB prints thousands of lines.
    if (outcome.out.length) out(outcome.out.join('\n'));
    outcome.err.forEach((line) => err(line));
    if (outcome.result !== undefined) results.push(outcome.result);
    unreadable ||= outcome.unreadable;
    problems ||= outcome.problems;
  }
  if (format === 'json') {
    const single = command !== 'check' && files.length === 1;
    out(JSON.stringify(single ? (results[0] ?? null) : results, null, 2));
  }
  if (unreadable) return 2;
  return problems ? 1 : 0;
}

/** The options and positionals, or parseArgs' complaint about them (an unknown option, a missing value). */
function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        glossary: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return (error as Error).message;
  }
}

interface Job {
  readonly command: string;
  readonly format: Format;
  readonly multiple: boolean;
  readonly glossaries: readonly string[];
  /** What standard input held, when a FILE is `-`: the bytes, or why they could not be read. */
  readonly stdin?: Uint8Array | string;
}

/** What one file gives: lines for stdout and stderr, its JSON result, and whether it had problems. */
interface Outcome {
  readonly out: string[];
  readonly err: string[];
  result?: unknown;
  problems: boolean;
  unreadable: boolean;
}

function processFile(service: TranscriptLanguageService, job: Job, file: string): Outcome {
  const outcome: Outcome = { out: [], err: [], problems: false, unreadable: false };
  const out = (line: string) => outcome.out.push(line);
  const { command, format, multiple } = job;
  const document = readDocument(file, job.stdin);
  const name = displayName(file);
  if (typeof document === 'string') {
    outcome.err.push(`transcript: ${name}: ${document}`);
    outcome.unreadable = true;
    return outcome;
  }
  const model = service.getModel(document);
  if (command === 'outline') {
    const symbols = service.provideDocumentSymbols(document);
    if (format === 'json') outcome.result = multiple ? { file: name, symbols } : symbols;
    else {
      if (multiple) out(`== ${name}`);
      // An empty transcript has no outline, not a blank line.
      if (symbols.length) out(formatOutline(symbols));
    }
  } else if (command === 'check') {
    const diagnostics = service.provideDiagnostics(document);
    outcome.problems = diagnostics.some((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
    if (format === 'json') outcome.result = { file: name, diagnostics };
    else for (const d of diagnostics) out(formatDiagnostic(name, d));
  } else if (command === 'stats') {
    const statistics = service.provideStatistics(document);
    if (format === 'json') outcome.result = multiple ? { file: name, ...statistics } : statistics;
    else {
      if (multiple) out(`== ${name}`);
      out(formatStatistics(statistics));
    }
  } else if (command === 'orgs') {
    const organisations = service.provideOrganisations(document).map((o) => ({
      id: o.entry.id,
      acronym: o.entry.acronyms[0] ?? null,
      fullName: o.entry.fullName,
      count: o.count,
      mentions: o.mentions.map((m) => m.range),
    }));
    if (format === 'json') outcome.result = multiple ? { file: name, organisations } : organisations;
    else {
      if (multiple) out(`== ${name}`);
      if (organisations.length) out(formatOrganisations(organisations));
    }
  } else {
    const json = modelJson(model);
    if (format === 'json') outcome.result = multiple ? { file: name, ...json } : json;
    else {
      if (multiple) out(`== ${name}`);
      out(formatModel(model));
    }
  }
  service.close(document.uri);
  return outcome;
}

/** Below this much text in all, starting threads costs more than it saves. */
const THREAD_MIN_BYTES = 4_000_000;

/**
 * How many threads read the files, this one included: one per core, when there are several files
 * and enough text. `TRANSCRIPT_WORKERS` sets it (0 or 1: this thread alone).
 */
function threadCount(files: readonly string[]): number {
  const set = process.env.TRANSCRIPT_WORKERS;
  if (set !== undefined && set !== '') return Math.min(files.length, Math.max(0, Number(set) || 0));
  if (files.length < 2) return 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // reported when the file is read
    }
  }
  return bytes < THREAD_MIN_BYTES ? 0 : Math.min(files.length, availableParallelism());
}

/** What a worker thread is given: the job, every file, and the index of the next file to read, shared by all threads. */
interface WorkerData {
  readonly job: Job;
  readonly files: readonly string[];
  readonly next: Int32Array;
}

/**
 * Reads the files in `count` threads: this one and `count - 1` workers, which load the service
 * while this thread, which has it already, starts on the first file. Each thread takes the next
 * file from a counter they share, so that no worker waits for this busy thread to hand it one;
 * outcomes keep the files' order.
 */
function inThreads(service: TranscriptLanguageService, job: Job, files: readonly string[], count: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(files.length);
  let done = 0;
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const data: WorkerData = { job, files, next };
  const workers = Array.from({ length: count - 1 }, () => new Worker(__filename, { workerData: { transcriptCliWorker: data } }));
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = () => {
      finished = true;
      // A worker still starting when the last file is done has nothing left to read.
      for (const worker of workers) void worker.terminate();
      resolve(outcomes);
    };
    for (const worker of workers) {
      worker.on('message', ({ index, outcome }: { index: number; outcome: Outcome }) => {
        outcomes[index] = outcome;
        if (++done === files.length) finish();
      });
      worker.on('error', reject);
      // Stopped some other way, it may have taken a file it never read: fail rather than wait for it.
      worker.on('exit', (code) => {
        if (code !== 0 && !finished) reject(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
    for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
      outcomes[index] = processFile(service, job, files[index]);
      done++;
    }
    if (done === files.length) finish();
  });
}

/** A worker thread: the same service, reading files until none is left. */
function serveAsWorker({ job, files, next }: WorkerData): void {
  const service = createLanguageService();
  for (const glossary of job.glossaries) {
    const document = readDocument(glossary, job.stdin);
    if (typeof document !== 'string') service.setGlossaryLayer(document.uri, document.getText());
  }
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
    parentPort!.postMessage({ index, outcome: processFile(service, job, files[index]) });
  }
}

/** The FILE that names standard input. */
const STDIN = '-';

function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

async function readStdin(): Promise<Uint8Array | string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return Buffer.concat(chunks);
}

/** Reads a file, or standard input for `-`, as text, or says in a few words why it cannot. */
function readDocument(file: string, stdin: Uint8Array | string | undefined): TranscriptDocument | string {
  const bytes = file === STDIN ? stdin! : readBytes(file);
  if (typeof bytes === 'string') return bytes;
  const encoding = encodingOf(bytes);
  const binary = 'looks like a binary file (it contains NUL bytes), not text';
  // Every ASCII character of UTF-16 has a zero byte: there only a NUL character says binary.
  if (encoding === 'utf-8' && bytes.subarray(0, 8192).includes(0)) return binary;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return `is not valid ${encoding.toUpperCase()} text`;
  }
  if (encoding !== 'utf-8' && text.slice(0, 4096).includes('\0')) return binary;
  const uri = file === STDIN ? 'untitled:stdin' : pathToFileURL(file).href;
  return { uri, version: 1, getText: () => text };
}

function readBytes(file: string): Buffer | string {
  try {
    if (statSync(file).isDirectory()) return 'is a directory, not a transcript file';
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
}

/** A file to import, or standard input for `-`, read as `readDocument` reads a transcript. */
async function readImportInput(file: string): Promise<string | { text: string }> {
  const document = readDocument(file, file === STDIN ? await readStdin() : undefined);
  return typeof document === 'string' ? document : { text: document.getText() };
}

/** UTF-8 unless a byte-order mark says UTF-16 (Windows tools save transcripts so); the decoder drops the mark. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** One line per organisation: `count  ACRONYM  Full name`, columns aligned. */
function formatOrganisations(organisations: readonly { acronym: string | null; fullName: string; count: number }[]): string {
  const countWidth = Math.max(...organisations.map((o) => String(o.count).length));
  const acronymWidth = Math.max(...organisations.map((o) => (o.acronym ?? '-').length));
  return organisations.map((o) => `${String(o.count).padStart(countWidth)}  ${(o.acronym ?? '-').padEnd(acronymWidth)}  ${o.fullName}`).join('\n');
}

function formatOutline(symbols: readonly DocumentSymbol[], depth = 0): string {
  const lines: string[] = [];
  for (const symbol of symbols) {
    const detail = symbol.detail ? `  — ${symbol.detail}` : '';
    lines.push(`${'  '.repeat(depth)}${symbol.name}${detail}  (line ${symbol.range.start.line + 1})`);
    if (symbol.children?.length) lines.push(formatOutline(symbol.children, depth + 1));
  }
  return lines.join('\n');
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.code} ${d.message}`;
}

function modelJson(model: TranscriptModel) {
  const range = (start: number, end: number) => model.lines.range(start, end);
  const firstQuestion = model.questions[0]?.turn ?? Infinity;
  return {
    language: model.language,
    frontMatter: model.frontMatter && { range: range(model.frontMatter.start, model.frontMatter.end), data: model.frontMatter.data },
    header: model.header?.lines.map((l) => ({ kind: l.kind, text: l.text, range: range(l.start, l.end) })) ?? [],
    sections: model.sections.map((s) => ({ title: s.title, level: s.level, range: range(s.start, s.end) })),
    speakers: [...model.speakers.values()].map((s) => ({
      id: s.id, name: s.name, role: s.role, aliases: s.aliases, declared: s.declared, turns: s.turns.length,
    })),
    turns: model.turns.map((t) => ({
      speaker: t.speakerId || t.label ? speakerName(model, t, t.index < firstQuestion) : null,
      role: t.role,
      range: range(t.start, t.end),
      label: t.label && {
        text: model.text.slice(t.label.start, t.label.end), kind: t.label.kind, qualifiers: t.label.qualifiers, range: range(t.label.start, t.label.end),
      },
      question: t.questionNumber,
      answers: t.answers,
    })),
    questions: model.questions.map((q) => ({ number: q.number, turn: q.turn, answerTurns: q.answerTurns, questioner: q.questioner })),
    tags: model.paragraphs.flatMap((p) => p.tags.map((t) => ({ name: t.name, range: range(t.start, t.end) }))),
    annotations: model.paragraphs.flatMap((p) => p.annotations.map((a) => ({ kind: a.kind, text: a.text, seconds: a.seconds, range: range(a.start, a.end) }))),
    comments: model.comments.map((c) => ({ text: c.text, directive: c.directive, range: range(c.start, c.end) })),
  };
}

function formatModel(model: TranscriptModel): string {
  const json = modelJson(model);
  const lines = [`language: ${json.language}`, `speakers: ${json.speakers.map((s) => `${s.name} (${s.turns})`).join(', ') || 'none'}`];
  for (const h of json.header) lines.push(`${h.range.start.line + 1}: header ${h.kind}: ${h.text}`);
  for (const t of json.turns) {
    const question = t.question ? ` Q${t.question}` : t.answers ? ` → Q${t.answers}` : '';
    lines.push(`${t.range.start.line + 1}-${t.range.end.line + 1}: ${t.role}${question} ${t.speaker ?? '(unattributed)'}`);
  }
  return lines.join('\n');
}

if (!isMainThread && (workerData as { transcriptCliWorker?: WorkerData } | null)?.transcriptCliWorker) {
  serveAsWorker((workerData as { transcriptCliWorker: WorkerData }).transcriptCliWorker);
} else if (require.main === module) {
  // `transcript check … | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then((code) => {
    process.exitCode = code;
  });
}
