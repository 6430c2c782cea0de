#!/usr/bin/env node
// The benchmark of the Transcript Markup language server (see bench/README.md): issue 14's goals.
//
//   node bench/run.mjs                 10 and 50 MB, both layouts; 5 runs (3 at 50 MB); the README's goal table
//   node bench/run.mjs --quick         1 and 10 MB, both layouts, 3 runs
//   node bench/run.mjs --sizes 1,10 --runs 5 --keystrokes 5 --seed 7 --timeout 120
//   node bench/run.mjs --servers ours,floor,answer,markdown   the servers: ours, floor, answer by default; markdown, the peer, on demand
//   node bench/run.mjs --layout lines  one layout: blank (paragraphs between blank lines) or lines (one
//                                      paragraph per line, no blank lines); both by default
//   node bench/run.mjs --large-file-threshold 100   diagnostics on up to 100 million characters (default 20)
//   node bench/run.mjs --profile       also one extra run of ours under --cpu-prof (bench/tmp/prof/)
//   node bench/run.mjs --out bench/tmp/try   write bench/tmp/try.md and .json instead of bench/results.*
//   node bench/run.mjs --note 'noisy: a shared machine'   a line for the report's header
//   node bench/run.mjs --readme        also write the README's goal table (the full run does by default)
//   node bench/run.mjs --readme-from bench/results.json   only write the README's goal table, from a run's JSON
//
// Expects a built dist/ (npm run build). Writes bench/results.md and bench/results.json.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire, SourceMap } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { generateFiles } from './generate.mjs';
import { cpuMs } from './processCpu.mjs';
import { spawnToInitialize } from './startup.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, ResponseError } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const TMP = path.join(BENCH, 'tmp');
const NODE = process.execPath;
const MB = 1024 * 1024;
const DEFAULT_OUT = path.join(BENCH, 'results');
/** Spawn → initialize pairs (ours, bench/initialize-only.cjs) per size and layout. */
const START_RUNS = 9;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    quick: false, sizes: undefined, runs: undefined, keystrokes: undefined, seed: 20240611,
    timeoutMs: 120_000, servers: ['ours', 'floor', 'answer'], profile: false, pauseMs: 300, layout: 'both',
    out: DEFAULT_OUT, largeFileThreshold: undefined, note: undefined, readme: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    switch (name) {
      case '--quick': opts.quick = true; break;
      case '--sizes': opts.sizes = value().split(',').map(Number); break;
      case '--runs': opts.runs = Number(value()); break;
      case '--keystrokes': opts.keystrokes = Number(value()); break;
      case '--seed': opts.seed = Number(value()); break;
      case '--timeout': opts.timeoutMs = Number(value()) * 1000; break;
      case '--servers': opts.servers = value().split(','); break;
      case '--pause': opts.pauseMs = Number(value()); break;
      case '--profile': opts.profile = true; break;
      case '--layout': opts.layout = value(); break;
      case '--out': opts.out = path.resolve(value()); break;
      case '--large-file-threshold': opts.largeFileThreshold = Number(value()); break;
      case '--note': opts.note = value(); break;
      case '--readme': opts.readme = true; break;
      case '--no-readme': opts.readme = false; break;
      case '--readme-from': opts.readmeFrom = path.resolve(value()); break;
      case '--help': case '-h':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 18).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (!opts.sizes) opts.sizes = opts.quick ? [1, 10] : [10, 50];
  opts.sizes.sort((a, b) => a - b);
  if (opts.sizes.some((s) => !(s > 0))) throw new Error('--sizes: positive numbers of MB');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed: an integer');
  if (!['blank', 'lines', 'both'].includes(opts.layout)) {
    throw new Error('--layout: blank (paragraphs between blank lines), lines (one paragraph per line) or both');
  }
  if (opts.largeFileThreshold !== undefined && !(opts.largeFileThreshold > 0)) {
    throw new Error('--large-file-threshold: a positive number of millions of characters');
  }
  for (const s of opts.servers) if (!SERVERS[s]) throw new Error(`--servers: unknown server ${s}`);
  return opts;
}

// The Markdown peer is slow on large files (its client tokenizes the whole document with markdown-it
// for every request after an edit): it gets fewer runs and keystrokes, to keep a full run within
// about 15 minutes on 2 cores. --runs and --keystrokes override both.
const runsFor = (opts, mb, server) => opts.runs
  ?? (server === 'markdown' ? (mb >= 50 ? 1 : 3) : opts.quick ? 3 : mb >= 50 ? 3 : 5);
const keystrokesFor = (opts, mb, server) => opts.keystrokes
  ?? (server === 'markdown' ? (mb >= 50 ? 2 : mb >= 10 ? 3 : 5) : mb >= 50 ? 3 : 5);

// ---------------------------------------------------------------------------------------------
// Servers

const MARKDOWN_SERVER = path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-markdown-language-server');

const SERVERS = {
  ours: { label: 'ours (dist/server.js)', args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'], languageId: 'transcript', markdown: false, probeDeferredWork: true },
  floor: { label: 'floor (bench/floor-server.mjs)', args: [path.join(BENCH, 'floor-server.mjs'), '--stdio'], languageId: 'transcript', markdown: false },
  // The floor answering documentSymbol with our outline of the same text (saved by our first run).
  answer: { label: 'floor sending our outline (--outline)', args: [path.join(BENCH, 'floor-server.mjs'), '--stdio', '--outline'], languageId: 'transcript', markdown: false, needsOutline: true },
  markdown: { label: 'markdown (vscode-markdown-language-server 4.10.0)', args: [MARKDOWN_SERVER, '--stdio'], languageId: 'markdown', markdown: true },
};

// VS Code's Markdown extension answers `markdown/parse` with markdown-it tokens of the document,
// computed in the extension host (html: true, linkify: true, as markdown.preview.linkify's
// default). We do the same in this client, and count the time as VS Code would see it.
let markdownIt;
function tokenizeMarkdown(text) {
  if (!markdownIt) markdownIt = require('markdown-it')({ html: true, linkify: true, breaks: false });
  return markdownIt.parse(text, {});
}

function clientCapabilities() {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true, labelSupport: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    },
    window: { workDoneProgress: true },
    general: { positionEncodings: ['utf-16'] },
  };
}

class Timeout extends Error {}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(`${what}: no answer in ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}


function mainThreadCpuMs(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * One server process with one client connection. `request` never waits longer than the timeout
 * and fails at once if the process exits.
 */
async function startSession(spec, opts, extraNodeArgs = []) {
  const t0 = performance.now();
  const proc = spawn(NODE, [...extraNodeArgs, ...spec.args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { if (stderr.length < 65536) stderr += d; });
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
    proc.on('error', (error) => resolve({ error }));
  });
  let exitInfo;
  void exited.then((e) => { exitInfo = e; });
  const died = exited.then((e) => { throw new Error(`server exited (${e.error?.message ?? e.code ?? e.signal})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`); });
  died.catch(() => {});

  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  connection.onError(() => {});
  connection.onClose(() => {});
  const session = {
    proc, connection, exited, stderr: () => stderr, docs: new Map(), firstDiagnostics: new Map(),
    /** When the diagnostics of each version arrived: `${uri}#${version}` → time. */
    diagnosticsAt: new Map(),
    stats: { markdownParses: 0, markdownParseMs: 0, diagnostics: 0, serverRequests: {} },
    request(method, params) {
      return withTimeout(Promise.race([connection.sendRequest(method, params), died]), opts.timeoutMs, method);
    },
    notify(method, params) {
      return Promise.race([connection.sendNotification(method, params), died]);
    },
  };

  // Requests from the server, answered as VS Code would, minimally.
  connection.onRequest((method, params) => {
    session.stats.serverRequests[method] = (session.stats.serverRequests[method] ?? 0) + 1;
    switch (method) {
      case 'workspace/configuration':
        return (params.items ?? []).map((item) => (item.section === 'transcript'
          ? { questionMarkers: [], trace: { server: 'off' }, ...(opts.largeFileThreshold ? { largeFileThreshold: opts.largeFileThreshold } : {}) }
          : null));
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'window/showMessageRequest':
        return null;
      case 'workspace/workspaceFolders':
        return null;
      case 'markdown/parse': {
        const doc = session.docs.get(params.uri);
        const text = typeof params.text === 'string' ? params.text : doc?.getText();
        if (text === undefined) return [];
        const t = performance.now();
        const tokens = tokenizeMarkdown(text);
        session.stats.markdownParseMs += performance.now() - t;
        session.stats.markdownParses++;
        return tokens;
      }
      case 'markdown/findMarkdownFilesInWorkspace':
      case 'markdown/fs/readDirectory':
        return [];
      case 'markdown/fs/readFile': {
        const doc = session.docs.get(params.uri);
        return doc ? Array.from(Buffer.from(doc.getText())) : [];
      }
      case 'markdown/fs/stat':
        return session.docs.has(params.uri) ? { isDirectory: false } : null;
      case 'markdown/fs/watcher/create':
      case 'markdown/fs/watcher/delete':
        return null;
      default:
        return new ResponseError(-32601, `bench client: unhandled ${method}`);
    }
  });
  connection.onNotification((method, params) => {
    if (method !== 'textDocument/publishDiagnostics') return;
    session.stats.diagnostics++;
    if (!session.firstDiagnostics.has(params.uri)) session.firstDiagnostics.set(params.uri, performance.now());
    if (params.version !== undefined) session.diagnosticsAt.set(`${params.uri}#${params.version}`, performance.now());
  });
  connection.listen();

  const initParams = {
    processId: process.pid,
    clientInfo: { name: 'transcript-bench', version: '1' },
    rootUri: null,
    workspaceFolders: null,
    capabilities: clientCapabilities(),
    initializationOptions: spec.markdown ? { markdownFileExtensions: ['md'] } : undefined,
  };
  session.initResult = await session.request('initialize', initParams);
  session.initMs = performance.now() - t0;
  await session.notify('initialized', {});
  return session;
}

async function stopSession(session) {
  if (!session) return;
  const { proc, connection } = session;
  try {
    if (proc.exitCode === null && proc.signalCode === null) {
      await withTimeout(Promise.race([connection.sendRequest('shutdown'), session.exited]), 10_000, 'shutdown');
      await connection.sendNotification('exit');
      await withTimeout(session.exited, 5_000, 'exit');
    }
  } catch {
    proc.kill('SIGKILL');
    await withTimeout(session.exited, 5_000, 'kill').catch(() => {});
  } finally {
    connection.dispose();
  }
}

function countSymbols(symbols) {
  let n = 0;
  const walk = (list) => { for (const s of list ?? []) { n++; walk(s.children); } };
  walk(symbols);
  return n;
}

/** Where the keystrokes in the words go: the middle line of the document that holds prose. */
function editPosition(text) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const l = lines[line];
    if (l.length >= 30 && !l.startsWith('#') && !/^\S[^:]{0,60}: /.test(l)) return { line, character: 20 };
  }
  return { line: 0, character: 0 };
}

/** The kinds of keystrokes typed back to back, in turn. */
const BURST_KINDS = ['prose', 'label', 'question'];
const BURST_KIND_NAMES = { prose: 'in the words', label: "inside a speaker's label", question: 'a `?` added to or removed from the end of a turn' };
/** A speaker's label that is not the questions' marker. */
const SPEAKER_LABEL = /^(?!Question)\p{Lu}[\p{L}.’' -]{2,40}: /u;
/** A line that starts a turn or a heading: where the turn above ends. */
const TURN_START = /^(#|\p{Lu}[\p{L}.’' -]{1,40}: )/u;
/** A turn asks when a `?` stands among the last 120 characters of its words, and it is at most 2,500 characters long (docs/FORMAT.md). */
const QUESTION_TAIL = 120;
const QUESTION_TURN_MAX = 2400;

/** Inside the name of a label in the second half of the text, on none of the lines `avoid`. */
function labelPosition(lines, avoid) {
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (!avoid.includes(line) && SPEAKER_LABEL.test(lines[line])) return { line, character: 2 };
  }
  return undefined;
}

/**
 * The end of a speaker's turn in the second half of the text that does not ask (no `?` at its end)
 * and is short enough to ask with one: a `?` typed there makes it a question, which changes the
 * question roles (docs/FORMAT.md, "Questions without markers"). None of its lines among `avoid`.
 */
function questionPosition(lines, avoid) {
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (!SPEAKER_LABEL.test(lines[line])) continue;
    let end = line + 1;
    while (end < lines.length && !TURN_START.test(lines[end])) end++;
    let last = end - 1;
    while (last > line && lines[last] === '') last--;
    const words = lines.slice(line, last + 1).join(' ');
    if (words.length > QUESTION_TURN_MAX || words.slice(-QUESTION_TAIL).includes('?')) continue;
    if (avoid.some((a) => a >= line && a <= last)) continue;
    return { line: last, character: lines[last].length };
  }
  return undefined;
}

/**
 * The places of the keystrokes and the change each next keystroke of a kind makes: an `x` typed
 * after the last one in the words or in the label; a `?` added at the end of the turn, then removed.
 */
function keystrokePlaces(text) {
  const lines = text.split('\n');
  const prose = editPosition(text);
  const label = labelPosition(lines, [prose.line]);
  const question = questionPosition(lines, [prose.line, label?.line]);
  const typed = { prose: 0, label: 0 };
  let questionAdded = false;
  return {
    has: (kind) => Boolean({ prose, label, question }[kind]),
    next(kind) {
      if (kind === 'question') {
        const at = { line: question.line, character: question.character };
        questionAdded = !questionAdded;
        const end = questionAdded ? at : { line: at.line, character: at.character + 1 };
        return { range: { start: at, end }, text: questionAdded ? '?' : '' };
      }
      const base = kind === 'prose' ? prose : label;
      const position = { line: base.line, character: base.character + typed[kind]++ };
      return { range: { start: position, end: position }, text: 'x' };
    },
  };
}

/**
 * Waits until the server has been idle (no CPU used) for `quietMs`, at most `maxMs`; returns the
 * CPU it used meanwhile. Servers defer work (ours publishes diagnostics 100 ms after a change):
 * settling between steps keeps one step's deferred work out of the next step's time, and counts it.
 */
async function settle(pid, quietMs, maxMs = 30_000) {
  const start = performance.now();
  const cpu0 = cpuMs(pid);
  // Quiet is judged on the main thread alone: a profiler's sampling thread never rests.
  // Busy: more than 10% of the time between two polls on CPU (an idle process under --cpu-prof
  // still spends a little on the profiler's signals).
  let last = mainThreadCpuMs(pid);
  let lastAt = start;
  let quietSince = start;
  while (performance.now() - start < maxMs) {
    await sleep(20);
    const c = mainThreadCpuMs(pid);
    const at = performance.now();
    if (c === undefined) break;
    if (c - last > 0.1 * (at - lastAt)) quietSince = at;
    else if (at - quietSince >= quietMs) break;
    last = c;
    lastAt = at;
  }
  const end = cpuMs(pid);
  return end !== undefined && cpu0 !== undefined ? end - cpu0 : undefined;
}

/** How long to wait for deferred work to begin after a keystroke (ours waits 100 ms, then checks in slices). */
const DEFERRED_WORK_WAIT_MS = 1000;
/** CPU a poll must see the main thread use to count it as working (ms). */
const BUSY_CPU_MS = 0.2;
/** Keystrokes tried to find the span of the deferred work before giving up: one may fall where the server stays idle. */
const SPAN_TRIES = 3;

/**
 * Polls the server's main thread every millisecond until it has run in two polls in a row (its
 * deferred work has begun: an idle Node process uses no CPU at all, and on a loaded machine a
 * working one gets only part of a core); returns that moment, or undefined if it stayed idle for `maxMs`.
 */
async function waitBusy(pid, maxMs) {
  const start = performance.now();
  let last = mainThreadCpuMs(pid);
  let lastAt = start;
  let busyPolls = 0;
  while (performance.now() - start < maxMs) {
    await sleep(1);
    const c = mainThreadCpuMs(pid);
    const at = performance.now();
    if (c === undefined || last === undefined) return undefined;
    busyPolls = c - last > BUSY_CPU_MS ? busyPolls + 1 : 0;
    if (busyPolls >= 2) return at;
    last = c;
    lastAt = at;
  }
  return undefined;
}

/** Polls `get` every millisecond until it gives a value; undefined after `maxMs`. */
async function waitFor(get, maxMs) {
  const start = performance.now();
  for (let v = get(); performance.now() - start < maxMs; v = get()) {
    if (v !== undefined) return v;
    await sleep(1);
  }
  return undefined;
}

/**
 * One run against one server: spawn → initialize, didOpen → documentSymbol, keystrokes → hover,
 * keystrokes → documentSymbol, peak RSS. Returns the samples; throws on failure or timeout.
 */
async function oneRun(spec, file, opts, keystrokes, extraNodeArgs = []) {
  const text = spec.markdown ? file.markdown : file.transcript;
  const uri = pathToFileURL(spec.markdown ? file.markdownPath : file.transcriptPath).href;
  let session;
  const sample = {
    hover: [], symbolsAfterEdit: [], hoverCpu: [], symbolsAfterEditCpu: [], hoverDeferredCpu: [], symbolsDeferredCpu: [],
    burst: Object.fromEntries(BURST_KINDS.map((kind) => [kind, []])),
    deferredDelay: [], probesWithoutWork: 0, probesAfterWork: 0,
    hoverUnhandled: false, phases: [],
  };
  // Phase windows on the monotonic clock (µs), the clock of V8's CPU profiles too.
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  const phase = (name, startUs) => sample.phases.push({ name, startUs, endUs: nowUs() });
  try {
    session = await startSession(spec, opts, extraNodeArgs);
    sample.initMs = session.initMs;
    const pid = session.proc.pid;
    sample.initCpuMs = cpuMs(pid);
    await settle(pid, opts.pauseMs);

    // didOpen → documentSymbol
    const doc = TextDocument.create(uri, spec.languageId, 1, text);
    session.docs.set(uri, doc);
    session.firstDiagnostics.delete(uri);
    let cpu = cpuMs(pid);
    let t = performance.now();
    let tUs = nowUs();
    const opened = session.notify('textDocument/didOpen', { textDocument: { uri, languageId: spec.languageId, version: 1, text } });
    let symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri } });
    sample.openMs = performance.now() - t;
    phase('didOpen → documentSymbol', tUs);
    sample.openCpuMs = cpuMs(pid) - cpu;
    await opened;
    sample.symbolCount = countSymbols(symbols);
    const outline = JSON.stringify(symbols ?? null);
    sample.openSymbolsBytes = Buffer.byteLength(outline);
    if (spec === SERVERS.ours && !fs.existsSync(outlineFile(file))) fs.writeFileSync(outlineFile(file), outline);
    tUs = nowUs();
    sample.openDeferredCpuMs = await settle(pid, opts.pauseMs);
    phase('after didOpen (deferred work)', tUs);
    if (session.firstDiagnostics.has(uri)) sample.openDiagnosticsMs = session.firstDiagnostics.get(uri) - t;
    sample.peakRssOpenMb = peakRssMb(pid);
    sample.markdownParseMsOpen = session.stats.markdownParseMs;

    // Keystrokes: one character typed in the words, in a speaker's label, or a `?` added to or
    // removed from the end of a turn; each followed by a request at the edit.
    const places = keystrokePlaces(text);
    let version = 1;
    const type = (kind) => {
      const change = places.next(kind);
      TextDocument.update(doc, [change], ++version); // the editor's own copy, before the clock starts
      return { position: change.range.start, change };
    };
    const mdBefore = session.stats.markdownParseMs;
    // One keystroke: the change, then `request` at it; the time from the change to the answer.
    const keystroke = async (kind, request) => {
      const { position, change } = type(kind);
      cpu = cpuMs(pid);
      t = performance.now();
      const sent = session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await request(position);
      const ms = performance.now() - t;
      await sent;
      return { ms, cpuMs: cpuMs(pid) - cpu };
    };
    // Keystrokes in the words after idle: each timed, then the server's CPU until it is idle again
    // (diagnostics and other deferred work).
    const typeAndAsk = async (name, request, times, cpuTimes, deferredCpuTimes) => {
      for (let k = 0; k < keystrokes; k++) {
        tUs = nowUs();
        const done = await keystroke('prose', request);
        phase(`keystroke → ${name}`, tUs);
        times.push(done.ms);
        cpuTimes.push(done.cpuMs);
        tUs = nowUs();
        deferredCpuTimes.push(await settle(pid, opts.pauseMs));
        phase('after a keystroke (deferred work)', tUs);
      }
    };
    const hover = async (position) => {
      try {
        await session.request('textDocument/hover', { textDocument: { uri }, position });
      } catch (error) {
        if (!(error instanceof ResponseError && error.code === -32601)) throw error;
        sample.hoverUnhandled = true; // answered "method not found": still a round trip after the change
      }
    };
    await typeAndAsk('hover', hover, sample.hover, sample.hoverCpu, sample.hoverDeferredCpu);
    await typeAndAsk('documentSymbol', async () => {
      symbols = await session.request('textDocument/documentSymbol', { textDocument: { uri } });
    }, sample.symbolsAfterEdit, sample.symbolsAfterEditCpu, sample.symbolsDeferredCpu);
    sample.symbolsBytes = Buffer.byteLength(JSON.stringify(symbols ?? null));

    // The deferred work (diagnostics after a change) seen from the client. Its span on the wall
    // clock first: from the moment the server's main thread works again after a keystroke to the
    // diagnostics it publishes. Then keystrokes typed at moments spread over that span: the time
    // of each one's hover beyond the median after idle is the delay the deferred work caused it.
    if (spec.probeDeferredWork) {
      const idleHover = median(sample.hover);
      const published = (v) => session.diagnosticsAt.get(`${uri}#${v}`);
      for (let tries = 0; tries < SPAN_TRIES && !(sample.deferredSpanMs > 0); tries++) {
        await keystroke('prose', hover);
        const calibration = version;
        const busyAt = await waitBusy(pid, DEFERRED_WORK_WAIT_MS);
        const publishedAt = busyAt === undefined ? undefined : await waitFor(() => published(calibration), opts.timeoutMs);
        sample.deferredSpanMs = publishedAt - busyAt;
        await settle(pid, opts.pauseMs);
      }
      for (let k = 0; k < keystrokes; k++) {
        if (!(sample.deferredSpanMs > 0)) {
          sample.probesWithoutWork++;
          continue; // nothing to probe: the server stayed idle after the keystroke, or published nothing
        }
        await keystroke('prose', hover);
        const first = version;
        if ((await waitBusy(pid, DEFERRED_WORK_WAIT_MS)) === undefined) {
          sample.probesWithoutWork++;
          continue;
        }
        await sleep(((k + 0.5) / keystrokes) * sample.deferredSpanMs);
        // In the work when that keystroke's diagnostics were still to come.
        const pending = published(first) === undefined;
        tUs = nowUs();
        const probe = await keystroke('prose', hover);
        phase('keystroke during deferred work → hover', tUs);
        if (pending) sample.deferredDelay.push(probe.ms - idleHover);
        else sample.probesAfterWork++;
        await settle(pid, opts.pauseMs);
      }
    }

    // Keystrokes back to back, as a user types: the next one sent as soon as the hover at the last
    // is answered, without waiting for the server to go idle; in turn in the words, inside a
    // speaker's label (which changes who speaks there) and a `?` at the end of a turn (which changes
    // whether it asks, and so the question roles).
    for (let k = 0; k < BURST_KINDS.length * keystrokes; k++) {
      const kind = BURST_KINDS[k % BURST_KINDS.length];
      if (!places.has(kind)) continue;
      tUs = nowUs();
      const done = await keystroke(kind, hover);
      phase(`keystrokes back to back → hover (${kind})`, tUs);
      sample.burst[kind].push(done.ms);
    }
    await settle(pid, opts.pauseMs);
    sample.markdownParseMsEdits = session.stats.markdownParseMs - mdBefore;
    sample.markdownParses = session.stats.markdownParses;
    sample.diagnosticsNotifications = session.stats.diagnostics;
    sample.serverRequests = session.stats.serverRequests;
    sample.peakRssMb = peakRssMb(session.proc.pid);
    return sample;
  } finally {
    await stopSession(session);
  }
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Where our server's outline of a generated file is kept for the `answer` server. */
const outlineFile = (file) => file.transcriptPath.replace(/\.transcript$/, '.outline.json');

async function benchServer(name, file, mb, opts, log) {
  const base = SERVERS[name];
  if (base.needsOutline && !fs.existsSync(outlineFile(file))) {
    log(`  ${name} ${mb} MB: skipped, our server has not given this file's outline in this run`);
    return { server: name, runs: 0, failures: ['no outline of ours to send: run ours first'] };
  }
  const spec = base.needsOutline ? { ...base, args: [...base.args, outlineFile(file)] } : base;
  const runs = runsFor(opts, mb, name);
  const keystrokes = keystrokesFor(opts, mb, name);
  const samples = [];
  const failures = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    try {
      samples.push(await oneRun(spec, file, opts, keystrokes));
      const s = samples.at(-1);
      log(`  ${name} ${mb} MB run ${r + 1}/${runs}: init ${fmt(s.initMs)} ms, open→symbols ${fmt(s.openMs)} ms, key→hover ${fmt(median(s.hover))} ms, key→symbols ${fmt(median(s.symbolsAfterEdit))} ms, RSS ${fmt(s.peakRssMb)} MB (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failures.push(error instanceof Timeout ? `timeout: ${error.message}` : String(error.message ?? error));
      log(`  ${name} ${mb} MB run ${r + 1}/${runs}: FAILED ${failures.at(-1)}`);
      if (error instanceof Timeout) break; // a timeout would repeat: do not spend the budget on it
    }
  }
  const all = (key) => samples.flatMap((s) => s[key]);
  return {
    server: name,
    runs: samples.length,
    keystrokesPerRun: keystrokes,
    failures,
    initMs: median(samples.map((s) => s.initMs)),
    initCpuMs: median(samples.map((s) => s.initCpuMs)),
    openMs: median(samples.map((s) => s.openMs)),
    openCpuMs: median(samples.map((s) => s.openCpuMs)),
    openDeferredCpuMs: median(samples.map((s) => s.openDeferredCpuMs)),
    openDiagnosticsMs: median(samples.map((s) => s.openDiagnosticsMs)),
    keystrokeHoverMs: median(all('hover')),
    keystrokeHoverCpuMs: median(all('hoverCpu')),
    keystrokeDeferredCpuMs: median([...all('hoverDeferredCpu'), ...all('symbolsDeferredCpu')]),
    hoverUnhandled: samples.some((s) => s.hoverUnhandled),
    keystrokeSymbolsMs: median(all('symbolsAfterEdit')),
    // Back to back: the median of all kinds (in the words, in a label, a `?`), and of each kind.
    burstHoverMs: median(samples.flatMap((s) => BURST_KINDS.flatMap((kind) => s.burst[kind]))),
    ...Object.fromEntries(BURST_KINDS.map((kind) => [`burstHover_${kind}Ms`, median(samples.flatMap((s) => s.burst[kind]))])),
    deferredDelayMedianMs: median(all('deferredDelay')),
    deferredDelayMaxMs: samples.some((s) => s.deferredDelay.length) ? Math.max(...all('deferredDelay')) : undefined,
    deferredSpanMs: median(samples.map((s) => s.deferredSpanMs)),
    deferredProbes: {
      landed: all('deferredDelay').length,
      afterWork: sum(samples.map((s) => s.probesAfterWork)),
      withoutWork: sum(samples.map((s) => s.probesWithoutWork)),
    },
    keystrokeSymbolsCpuMs: median(all('symbolsAfterEditCpu')),
    symbolsBytes: median(samples.map((s) => s.symbolsBytes)),
    symbolCount: median(samples.map((s) => s.symbolCount)),
    peakRssMb: median(samples.map((s) => s.peakRssMb)),
    peakRssOpenMb: median(samples.map((s) => s.peakRssOpenMb)),
    markdownClientTokenizeMsOpen: name === 'markdown' ? median(samples.map((s) => s.markdownParseMsOpen)) : undefined,
    markdownClientTokenizeMsPerEdit: name === 'markdown' ? median(samples.map((s) => s.markdownParseMsEdits / (2 * keystrokes))) : undefined,
    samples,
  };
}

// ---------------------------------------------------------------------------------------------
// In-process reference: TextDocument.update with a one-character edit

function textDocumentUpdate(text, count) {
  const at = editPosition(text);
  const edit = (i) => [{ range: { start: { line: at.line, character: at.character + i }, end: { line: at.line, character: at.character + i } }, text: 'x' }];
  // Cold: a fresh document, whose first update also builds its line index of the whole text.
  const cold = [];
  for (let i = 0; i < count; i++) {
    const doc = TextDocument.create('file:///bench', 'transcript', 1, text);
    const t = performance.now();
    TextDocument.update(doc, edit(0), 2);
    cold.push(performance.now() - t);
  }
  // Warm: repeated edits on a document whose line index exists (what a server's TextDocuments does).
  const doc = TextDocument.create('file:///bench', 'transcript', 1, text);
  void doc.lineCount;
  const warm = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    TextDocument.update(doc, edit(i), i + 2);
    warm.push(performance.now() - t);
  }
  return { coldMs: median(cold), warmMs: median(warm) };
}

// ---------------------------------------------------------------------------------------------
// Start: spawn → initialize answered, ours against Node answering initialize and loading nothing

const INITIALIZE_ONLY = path.join(BENCH, 'initialize-only.cjs');

/** Ours and bench/initialize-only.cjs started in turn, `runs` times each, so that load falls on both alike. */
async function startTimes(serverPath, runs) {
  const ours = [];
  const floor = [];
  await spawnToInitialize([INITIALIZE_ONLY]); // warms the file cache
  for (let r = 0; r < runs; r++) {
    ours.push(await spawnToInitialize([serverPath, '--stdio']));
    floor.push(await spawnToInitialize([INITIALIZE_ONLY]));
  }
  return {
    runs,
    oursMs: median(ours.map((x) => x.wall)), oursCpuMs: median(ours.map((x) => x.cpu)),
    floorMs: median(floor.map((x) => x.wall)), floorCpuMs: median(floor.map((x) => x.cpu)),
  };
}

// ---------------------------------------------------------------------------------------------
// CLI: `transcript check` of one file, of the same text as a folder of files, and the parse alone

const EXIT_TIMING = path.join(BENCH, 'exit-timing.cjs');

/** CPU time of the whole machine so far (all CPUs), from /proc/stat: busy and in all, in ms (USER_HZ = 100). */
function machineCpuMs() {
  try {
    const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = ticks[3] + (ticks[4] ?? 0);
    return { busy: (sum(ticks) - idle) * 10, total: sum(ticks) * 10 };
  } catch {
    return undefined;
  }
}

/**
 * Runs `node -r exit-timing.cjs ...args`: whole-process wall time, wall/CPU time after Node's own
 * start-up (the CPU of all the process's threads), and the share of the machine's CPUs that other
 * processes used meanwhile (the load the figure was taken under).
 */
function timeChild(args, timeoutMs) {
  const before = machineCpuMs();
  const t = performance.now();
  const r = spawnSync(NODE, ['-r', EXIT_TIMING, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, maxBuffer: 16 << 20 });
  const ms = performance.now() - t;
  const after = machineCpuMs();
  if (r.error) return { error: r.error.code === 'ETIMEDOUT' ? `timeout after ${timeoutMs / 1000} s` : r.error.message };
  const stderr = String(r.stderr);
  if (r.status === null || r.status >= 2) return { error: `exit ${r.status ?? r.signal}: ${stderr.trim().slice(0, 200)}` };
  const line = stderr.split('\n').reverse().find((l) => l.startsWith('BENCH_EXIT '));
  const inner = line ? JSON.parse(line.slice('BENCH_EXIT '.length)) : {};
  const othersShare = before && after && inner.cpuMs !== undefined
    ? Math.max(0, (after.busy - before.busy - inner.cpuMs) / (after.total - before.total)) : undefined;
  return { ms, innerMs: inner.wallMs, innerCpuMs: inner.cpuMs, othersShare };
}

/** Medians of `runs` runs of `node ...args`; throughput in MB/s of `bytes` after Node's start-up. */
function measureChild(args, bytes, runs, timeoutMs) {
  const rs = [];
  for (let i = 0; i < runs; i++) {
    const r = timeChild(args, timeoutMs);
    if (r.error) return { error: r.error };
    rs.push(r);
  }
  const m = (k) => median(rs.map((r) => r[k]));
  return { ms: m('ms'), innerMs: m('innerMs'), innerCpuMs: m('innerCpuMs'), othersShare: m('othersShare'), mbPerS: bytes / MB / (m('innerMs') / 1000) };
}

/** The CLI's minimum of text for worker threads (server/src/cli.ts, THREAD_MIN_BYTES). */
const CLI_WORKER_MIN_BYTES = 4_000_000;
/** About this much text per file of the folder. */
const FOLDER_PART_BYTES = MB;

/** The transcript cut at its briefings' headings into files of about FOLDER_PART_BYTES, in a folder of their own. */
function splitIntoFolder(file) {
  const dir = file.transcriptPath.replace(/\.transcript$/, '-folder');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const briefings = file.transcript.split(/(?=^# )/m);
  const parts = [];
  let part = '';
  for (const b of briefings) {
    if (part && Buffer.byteLength(part) + Buffer.byteLength(b) > FOLDER_PART_BYTES) {
      parts.push(part);
      part = '';
    }
    part += b;
  }
  if (part) parts.push(part);
  return parts.map((p, i) => {
    const f = path.join(dir, `part-${String(i + 1).padStart(3, '0')}.transcript`);
    fs.writeFileSync(f, p);
    return f;
  });
}

/**
 * The parse alone, in this process, with the measured build's service: a fresh service each time,
 * after one parse that compiles the code (the median of the `runs` after it).
 */
function parseAloneMs(servicePath, text, runs) {
  const { createLanguageService } = require(servicePath);
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const service = createLanguageService();
    const document = { uri: 'file:///bench/parse.transcript', version: 1, getText: () => text };
    const t = performance.now();
    if (service.getModel(document).questions.length < 0) throw new Error('unreachable');
    if (i > 0) times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * The floor of the folder's check: `count` processes started at once, each checking its share of
 * the files (shares balanced by size) without worker threads. The same service with the same
 * start-up, compilation and glossary in each, and no code of ours to share the work out. Times:
 * from the first spawn to the last exit, and the longest child's time after Node's own start-up.
 */
function processesAtOnce(args, files, count, timeoutMs) {
  const shares = Array.from({ length: count }, () => ({ files: [], bytes: 0 }));
  for (const file of files) {
    const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
    share.files.push(file);
    share.bytes += fs.statSync(file).size;
  }
  const before = machineCpuMs();
  const t = performance.now();
  const children = shares.filter((s) => s.files.length).map((share) => new Promise((resolve) => {
    const child = spawn(NODE, ['-r', EXIT_TIMING, ...args, ...share.files], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, env: { ...process.env, TRANSCRIPT_WORKERS: '0' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ error: error.message }));
    child.on('close', (status, signal) => {
      if (status === null || status >= 2) return resolve({ error: `exit ${status ?? signal}: ${stderr.trim().slice(0, 200)}` });
      const line = stderr.split('\n').reverse().find((l) => l.startsWith('BENCH_EXIT '));
      resolve(line ? JSON.parse(line.slice('BENCH_EXIT '.length)) : { error: 'no BENCH_EXIT line' });
    });
  }));
  return Promise.all(children).then((inner) => {
    const ms = performance.now() - t;
    const after = machineCpuMs();
    const failed = inner.find((x) => x.error);
    if (failed) return failed;
    const cpuMs = sum(inner.map((x) => x.cpuMs));
    const othersShare = before && after ? Math.max(0, (after.busy - before.busy - cpuMs) / (after.total - before.total)) : undefined;
    return { ms, innerMs: Math.max(...inner.map((x) => x.wallMs)), innerCpuMs: cpuMs, othersShare };
  });
}

/** Medians of `runs` runs of processesAtOnce; throughput in MB/s of `bytes`, from the first spawn to the last exit. */
async function measureProcesses(args, files, count, bytes, runs, timeoutMs) {
  const rs = [];
  for (let i = 0; i < runs; i++) {
    const r = await processesAtOnce(args, files, count, timeoutMs);
    if (r.error) return { error: r.error };
    rs.push(r);
  }
  const m = (k) => median(rs.map((r) => r[k]));
  return { ms: m('ms'), innerMs: m('innerMs'), innerCpuMs: m('innerCpuMs'), othersShare: m('othersShare'), mbPerS: bytes / MB / (m('ms') / 1000) };
}

async function cliFigures(file, snapshot, opts) {
  const runs = Math.min(3, opts.runs ?? 3);
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const parts = splitIntoFolder(file);
  const single = measureChild([snapshot.cli, 'check', file.transcriptPath], file.bytes, runs, opts.timeoutMs);
  const folder = measureChild([snapshot.cli, 'check', ...parts], file.bytes, runs, opts.timeoutMs);
  const processes = await measureProcesses([snapshot.cli, 'check'], parts, cores, file.bytes, runs, opts.timeoutMs);
  const parseMs = parseAloneMs(path.join(snapshot.dir, 'service.js'), file.transcript, runs);
  return {
    cores, files: parts.length, runs, single, folder, processes,
    threads: file.bytes >= CLI_WORKER_MIN_BYTES ? Math.min(parts.length, cores) : 0,
    parseMs, parseMbPerS: file.bytes / MB / (parseMs / 1000),
    loadAverage: os.loadavg()[0],
  };
}

// ---------------------------------------------------------------------------------------------
// Profile: one run of ours under --cpu-prof, summarised by self time

async function profileOurs(file, opts, log) {
  const dir = path.join(TMP, 'prof');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const run = await oneRun(SERVERS.ours, file, opts, keystrokesFor(opts, 10, 'ours'), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const profFile = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!profFile) return { error: 'no .cpuprofile written' };
  const summary = summariseProfile(JSON.parse(fs.readFileSync(path.join(dir, profFile), 'utf8')), run.phases);
  log(`  profile: ${path.relative(ROOT, path.join(dir, profFile))}`);
  return { file: path.relative(ROOT, path.join(dir, profFile)), phases: run.phases, ...summary };
}

/**
 * Self time per function (top `top`), and inclusive time of the functions of our own sources
 * (server/src/…, found through dist/server.js.map), from a V8 .cpuprofile.
 */
export function summariseProfile(profile, phases = [], top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The server's bundles (dist/server.js, lsp.js, service.js), each with its source map.
  const sourceMaps = new Map();
  const sourceMapOf = (url) => {
    // A file: URL, or a plain path for dist/lsp.js, which dist/server.js compiles itself.
    const bundles = path.dirname(SERVERS.ours.args[0]);
    let file = url.startsWith('file://') ? fileURLToPath(url) : url;
    // Code restored from V8's code cache keeps the path of the bundle the cache was made for:
    // dist/, for the copies measured here (the same build).
    if (path.dirname(file) === path.join(ROOT, 'dist')) file = path.join(bundles, path.basename(file));
    if (!path.isAbsolute(file) || path.dirname(file) !== bundles) return undefined;
    if (!sourceMaps.has(file)) {
      try { sourceMaps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')))); } catch { sourceMaps.set(file, undefined); }
    }
    return sourceMaps.get(file);
  };
  const names = new Map();
  const nameOf = (node) => {
    if (names.has(node.id)) return names.get(node.id);
    const cf = node.callFrame;
    let where = cf.url ? `${path.basename(cf.url)}:${cf.lineNumber + 1}` : '';
    let fn = cf.functionName || '(anonymous)';
    let ours = false;
    const sourceMap = cf.lineNumber >= 0 ? sourceMapOf(cf.url) : undefined;
    if (sourceMap) {
      const e = sourceMap.findEntry(cf.lineNumber, cf.columnNumber);
      if (e?.originalSource) {
        const src = e.originalSource.replace(/^.*?\/(server|node_modules)\//, '$1/');
        where = `${src}:${e.originalLine + 1}`;
        ours = src.startsWith('server/');
        // A minified bundle: the map knows the original name of a named function.
        if (cf.functionName && e.name) fn = e.name;
      }
    }
    const result = { key: `${fn} ${where}`.trim(), ours };
    names.set(node.id, result);
    return result;
  };
  const self = new Map();
  const inclusive = new Map();
  const phaseNames = [...new Set(phases.map((p) => p.name))];
  const perPhase = new Map(phaseNames.map((n) => [n, { self: new Map(), inclusive: new Map(), busy: 0, windowMs: 0 }]));
  for (const p of phases) perPhase.get(p.name).windowMs += (p.endUs - p.startUs) / 1000;
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  const dt = profile.timeDeltas;
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += dt[i] ?? 0;
    const ms = (dt[i] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    const { key } = nameOf(node);
    const ph = phases.find((p) => ts >= p.startUs && ts <= p.endUs);
    const bucket = ph && perPhase.get(ph.name);
    add(self, key, ms);
    if (bucket) {
      add(bucket.self, key, ms);
      if (key !== '(idle)') bucket.busy += ms;
    }
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const n = nameOf(byId.get(id));
      if (!n.ours || seen.has(n.key)) continue;
      seen.add(n.key);
      add(inclusive, n.key, ms);
      if (bucket) add(bucket.inclusive, n.key, ms);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = self.get('(idle)') ?? 0;
  const busy = Math.max(total - idle, 1);
  const rows = (map, n) => [...map.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), pctBusy: +(100 * ms / busy).toFixed(1) }));
  const phaseRows = (map, n, b) => [...map.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, c) => c[1] - a[1]).slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), pctBusy: +(100 * ms / Math.max(b, 1)).toFixed(1) }));
  const byPhase = [...perPhase.entries()].map(([name, b]) => ({
    name, windowMs: Math.round(b.windowMs), busyMs: Math.round(b.busy), top: phaseRows(b.self, 10, b.busy), ourInclusive: phaseRows(b.inclusive, 12, b.busy),
  }));
  return { totalMs: Math.round(total), idleMs: Math.round(idle), programMs: Math.round(self.get('(program)') ?? 0), gcMs: Math.round(self.get('(garbage collector)') ?? 0), top: rows(self, top), ourInclusive: rows(inclusive, 20), byPhase };
}

// ---------------------------------------------------------------------------------------------
// Report

function fmt(x, digits) {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (digits !== undefined) return x.toFixed(digits);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
}
const fmtBytes = (b) => (b === undefined ? '–' : b >= MB ? `${(b / MB).toFixed(2)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} B`);

function cell(result, key, unit = '') {
  if (!result) return 'not run';
  if (result.runs === 0) return result.failures[0]?.startsWith('timeout') ? 'TIMEOUT' : 'FAILED';
  const v = result[key];
  return v === undefined ? '–' : `${fmt(v)}${unit}`;
}

/**
 * One goal: ours against its floor, the ratio and whether it meets `op limit`. `floor` says what
 * the floor is and what it measured; `note` gives the figures behind it.
 */
function goal(id, name, { ours, floor, ratio, op, limit, note = '' }) {
  const met = op === 'reported' || ratio === undefined ? undefined
    : op === '<=' ? ratio <= limit : op === '<' ? ratio < limit : op === '>=' ? ratio >= limit : ratio > limit;
  return { id, name, ours, floor, ratio, target: op === 'reported' ? 'reported' : `${op} ${limit}`, met, note };
}

const DEFERRED_SLICE_MS = 15;
/** Other processes' share of the CPUs below which the machine counts as idle for the CLI's figures. */
const IDLE_SHARE = 0.1;

/** Issue 14's goals for one size and layout; `smaller`, the block of the next smaller size in the same layout, for the keystroke's growth. */
function buildGoals(block, smaller, opts) {
  const { servers, textDocumentUpdate: tdu, start, cli } = block;
  const { ours, floor, answer } = servers;
  const ok = (x) => x && x.runs > 0;
  const ratio = (a, b) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  const ms = (x) => `${fmt(x)} ms`;
  const goals = [];

  // Keystroke: back to back, against TextDocument.update of one character on an indexed document.
  const shortKind = { prose: 'words', label: 'label', question: '`?`' };
  const kinds = ok(ours) ? BURST_KINDS.map((k) => `${shortKind[k]} ${ms(ours[`burstHover_${k}Ms`])}`).join(', ') : '';
  const keystroke = goal('keystroke', 'Keystroke: didChange → hover at the edit, back to back', {
    ours: ok(ours) ? `${ms(ours.burstHoverMs)} (${kinds}; after idle ${ms(ours.keystrokeHoverMs)})` : cell(ours, 'x'),
    floor: `\`TextDocument.update\` of one character, indexed document: ${ms(tdu.warmMs)}`,
    ratio: ok(ours) ? ratio(ours.burstHoverMs, tdu.warmMs) : undefined, op: '<=', limit: 1,
  });
  goals.push(keystroke);
  // A goal below its floor: the do-nothing server itself cannot meet it. Restated against that server.
  const floorKeystroke = ok(floor) ? ratio(floor.burstHoverMs, tdu.warmMs) : undefined;
  if (floorKeystroke > 1) {
    keystroke.note = 'below its floor: the floor server (it only receives, and applies the change by slicing the text) takes '
      + `${ms(floor.burstHoverMs)}, ${fmt(floorKeystroke)}× \`TextDocument.update\``;
    goals.push(goal('keystroke-restated', 'Keystroke, restated: against the floor server\'s own keystroke', {
      ours: ok(ours) ? ms(ours.burstHoverMs) : cell(ours, 'x'),
      floor: `floor server, keystrokes back to back → hover: ${ms(floor.burstHoverMs)}`,
      ratio: ok(ours) ? ratio(ours.burstHoverMs, floor.burstHoverMs) : undefined, op: '<=', limit: 1,
    }));
  }
  if (smaller) {
    const oursGrowth = ok(ours) && ok(smaller.servers.ours) ? ratio(ours.burstHoverMs, smaller.servers.ours.burstHoverMs) : undefined;
    const floorGrowth = ratio(tdu.warmMs, smaller.textDocumentUpdate.warmMs);
    const floorServerGrowth = ok(floor) && ok(smaller.servers.floor) ? ratio(floor.burstHoverMs, smaller.servers.floor.burstHoverMs) : undefined;
    goals.push(goal('keystroke-growth', `Keystroke does not grow with the document: ${block.mb} MB ÷ ${smaller.mb} MB`, {
      ours: `${fmt(oursGrowth)}× (${ms(ours?.burstHoverMs)} vs ${ms(smaller.servers.ours?.burstHoverMs)})`,
      floor: `\`TextDocument.update\`: ${fmt(floorGrowth)}× (${ms(tdu.warmMs)} vs ${ms(smaller.textDocumentUpdate.warmMs)}); `
        + `the floor server: ${fmt(floorServerGrowth)}×`,
      ratio: ratio(oursGrowth, floorGrowth), op: '<=', limit: 1,
    }));
  }
  goals.push(goal('outline', 'Outline after an edit: didChange → documentSymbol', {
    ours: cell(ours, 'keystrokeSymbolsMs', ' ms'),
    floor: `floor server sending this same outline (${fmtBytes(ours?.symbolsBytes)}): ${cell(answer, 'keystrokeSymbolsMs', ' ms')}`,
    ratio: ok(ours) && ok(answer) ? ratio(ours.keystrokeSymbolsMs, answer.keystrokeSymbolsMs) : undefined, op: '<=', limit: 1.25,
  }));
  goals.push(goal('open', 'Open: didOpen → documentSymbol', {
    ours: cell(ours, 'openMs', ' ms'),
    floor: `floor server sending this same outline: ${cell(answer, 'openMs', ' ms')} (receiving alone: ${cell(floor, 'openMs', ' ms')})`,
    ratio: ok(ours) && ok(answer) ? ratio(ours.openMs, answer.openMs) : undefined, op: '<=', limit: 2,
  }));
  goals.push(goal('memory', 'Peak memory after the keystrokes (VmHWM)', {
    ours: cell(ours, 'peakRssMb', ' MB'),
    floor: `floor server: ${cell(floor, 'peakRssMb', ' MB')}`,
    ratio: ok(ours) && ok(floor) ? ratio(ours.peakRssMb, floor.peakRssMb) : undefined, op: '<=', limit: 1.5,
  }));
  goals.push(goal('start', 'Start: spawn → initialize answered', {
    ours: ms(start.oursMs),
    floor: `\`bench/initialize-only.cjs\` (Node answering initialize, loading nothing): ${ms(start.floorMs)}`,
    ratio: ratio(start.oursMs, start.floorMs), op: '<=', limit: 1.25,
    note: `medians of ${start.runs} starts each, in turn`,
  }));
  const load = (x) => (x.othersShare === undefined ? 'load unknown'
    : `other processes used ${fmt(100 * x.othersShare, 0)}% of the CPUs${x.othersShare < IDLE_SHARE ? ' (idle)' : ' (**not idle**)'}`);
  const cliOk = !cli.single.error && !cli.folder.error;
  goals.push(goal('cli-folder', `CLI: \`transcript check\` of this text cut at briefings into ${cli.files} file${cli.files === 1 ? '' : 's'} vs as one file`, {
    ours: cli.folder.error ?? `${fmt(cli.folder.mbPerS)} MB/s (${ms(cli.folder.innerMs)}; ${load(cli.folder)})`,
    floor: `${cli.cores} cores × one file's ${cli.single.error ?? `${fmt(cli.single.mbPerS)} MB/s (${ms(cli.single.innerMs)}; ${load(cli.single)})`}`,
    ratio: cliOk ? cli.folder.mbPerS / (cli.cores * cli.single.mbPerS) : undefined, op: '>=', limit: 0.8,
    note: `${cli.threads ? `${cli.threads} threads (the main one and ${cli.threads - 1} worker${cli.threads > 2 ? 's' : ''})`
      : `no worker threads: under ${CLI_WORKER_MIN_BYTES / 1e6} MB in all`}; `
      + `times after Node's own start-up, medians of ${cli.runs}; load average ${fmt(cli.loadAverage, 2)}`,
  }));
  // Below its floor where `cores` processes, each checking its share, do not reach the goal either: restated against them.
  const { processes } = cli;
  if (cliOk && processes && !processes.error) {
    const floorRatio = cli.single.ms / (cli.cores * processes.ms);
    goals.at(-1).note += `; ${cli.cores} processes at once, each checking its share: ${fmt(floorRatio)}× (cores × one file), both from spawn to exit`;
    if (floorRatio < 0.8) {
      goals.at(-1).note += ': **the goal is below its floor**';
      goals.push(goal('cli-folder-restated', 'CLI, many files, restated: against the same files in as many processes as cores, at once', {
        ours: `${ms(cli.folder.ms)} from spawn to exit`,
        floor: `${cli.cores} processes at once, each checking its share without worker threads: ${ms(processes.ms)} from the first spawn to the last exit `
          + `(${load(processes)})`,
        ratio: processes.ms / cli.folder.ms, op: '>=', limit: 1,
        note: 'both timed from outside, Node\'s start-up included: each process starts its own, the worker threads theirs',
      }));
    }
  }
  goals.push(goal('cli-parse', 'CLI: one file\'s `transcript check` vs the parse alone', {
    ours: cli.single.error ?? `${fmt(cli.single.mbPerS)} MB/s`,
    floor: 'in-process parse of the same text (`getModel`, a fresh service, its code compiled by a parse before): '
      + `${fmt(cli.parseMbPerS)} MB/s (${ms(cli.parseMs)})`,
    ratio: cli.single.error ? undefined : cli.single.mbPerS / cli.parseMbPerS, op: 'reported',
  }));
  const probes = ours?.deferredProbes;
  const threshold = opts.largeFileThreshold ?? 20;
  const largeFile = block.file.bytes > threshold * 1e6
    ? ` (diagnostics are off above transcript.largeFileThreshold, ${threshold} million characters; \`--large-file-threshold\` raises it)` : '';
  const noWork = probes && probes.landed === 0 && probes.withoutWork > 0 ? `no deferred work after a keystroke${largeFile}` : '';
  goals.push(goal('deferred', 'Deferred work (diagnostics after a change): delay of a keystroke typed during it', {
    ours: ok(ours) && probes.landed ? `max ${ms(ours.deferredDelayMaxMs)}, median ${ms(ours.deferredDelayMedianMs)}` : noWork || cell(ours, 'x'),
    floor: `one slice: ${DEFERRED_SLICE_MS} ms (a server with no deferred work delays nothing)`,
    ratio: ok(ours) && probes.landed ? ratio(ours.deferredDelayMaxMs, DEFERRED_SLICE_MS) : undefined, op: '<=', limit: 1,
    note: probes ? `${probes.landed} keystrokes typed during the work${probes.landed ? ` (its span: ${ms(ours.deferredSpanMs)})` : ''}, `
      + `${probes.afterWork} after it, ${probes.withoutWork} found none`
      + `${probes.landed ? `; delay = their hover − the median after idle, ${ms(ours.keystrokeHoverMs)}` : ''}` : '',
  }));
  return goals;
}

/** A load average above a quarter of the cores: other work ran on the machine. */
const isNoisy = (m) => Math.max(m.loadStart, m.loadEnd ?? 0) > 0.25 * m.nproc;
const metCell = (g) => (g.met === undefined ? (g.target === 'reported' ? 'reported' : 'n/a') : g.met ? 'yes' : '**no**');
const blockTitle = (b) => `${b.mb} MB, ${LAYOUT_NAMES[b.layout]}`;

function markdownReport(results) {
  const L = [];
  const m = results.machine;
  L.push('# Benchmark results', '');
  L.push(`${results.mode} run, ${m.date}. Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memGb} GB RAM, ${m.os}, Node ${m.node}. Seed ${results.seed}. Wall time ${fmt(results.wallSeconds)} s (${results.blocks.map((b) => `${b.mb} MB ${b.layout}: ${fmt(b.seconds)} s`).join(', ')}).`);
  const noisy = isNoisy(m) ? ': **other work ran on the machine, the figures are noisy**' : '';
  L.push(`Load average (1 min) at start ${fmt(m.loadStart, 2)}, at end ${fmt(m.loadEnd, 2)}${noisy}. `
    + 'The "server CPU" rows are less sensitive to load than the wall times.');
  if (results.opts.note) L.push(`Note: ${results.opts.note}`);
  L.push(`Code: ${results.git.head}${results.git.dirty ? ` with uncommitted changes (${results.git.dirty} paths under server/ and the build: ${results.git.dirtyPaths.slice(0, 8).join(', ')}${results.git.dirty > 8 ? ', …' : ''})` : ''}; dist/server.js built ${results.git.distBuilt}, copied to bench/tmp/dist/ at the start and measured there${results.git.distChangedDuringRun ? ' (dist/ was rebuilt during the run: the copy is what was measured)' : ''}.`);
  const plan = (mb) => results.opts.servers.map((n) => `${n} ${runsFor(results.opts, mb, n)}×${keystrokesFor(results.opts, mb, n)}`).join(', ');
  const plans = results.sizesMb.map((mb) => `${mb} MB: ${plan(mb)}`).join('; ');
  L.push(`Medians over runs (a fresh server process each) and keystrokes (per kind, pooled over runs): ${plans} `
    + '(runs×keystrokes per kind). Times in ms, from the client\'s send to its receipt of the answer, over stdio JSON-RPC. MB = 2^20 bytes.', '');
  L.push('## Goals (issue 14)', '');
  L.push('Each goal is a ratio of ours to a floor measured in the same run: the same stack doing no work of its own (bench/README.md).', '');
  for (const b of results.blocks) {
    L.push(`### ${blockTitle(b)}`, '');
    L.push('| goal | ours | floor | ratio | target | met |', '|---|---|---|---:|---|---|');
    for (const g of b.goals) L.push(`| ${g.name} | ${g.ours} | ${g.floor} | ${fmt(g.ratio)} | ${g.target} | ${metCell(g)}${g.note ? ` (${g.note})` : ''} |`);
    L.push('');
  }
  for (const b of results.blocks) {
    const f = b.file;
    L.push(`## ${blockTitle(b)}`, '');
    const twin = b.servers.markdown ? `; Markdown twin ${fmtBytes(f.markdownBytes)}` : '';
    L.push(`Transcript ${fmtBytes(f.bytes)}, ${f.turns} turns (${f.questions} questions), ${f.briefings} briefings${twin}.`, '');
    const names = Object.keys(b.servers);
    L.push(`| measurement | ${names.map((n) => SERVERS[n].label).join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
    const row = (label, key, unit) => L.push(`| ${label} | ${names.map((n) => cell(b.servers[n], key, unit)).join(' | ')} |`);
    row('spawn → initialize result (ms)', 'initMs', '');
    row('  server CPU up to then (ms)', 'initCpuMs', '');
    row('didOpen → documentSymbol (ms)', 'openMs', '');
    row('  server CPU in that time (ms)', 'openCpuMs', '');
    row('  server CPU after the answer, until idle (deferred work: diagnostics …) (ms)', 'openDeferredCpuMs', '');
    row('didOpen → first diagnostics published (ms)', 'openDiagnosticsMs', '');
    row('keystroke after idle: didChange → hover at the edit (ms)', 'keystrokeHoverMs', '');
    row('  server CPU in that time (ms)', 'keystrokeHoverCpuMs', '');
    row('keystroke after idle: didChange → documentSymbol, the outline after an edit (ms)', 'keystrokeSymbolsMs', '');
    row('  server CPU in that time (ms)', 'keystrokeSymbolsCpuMs', '');
    row('keystroke: server CPU after the answer, until idle (deferred work) (ms)', 'keystrokeDeferredCpuMs', '');
    row('keystrokes back to back: didChange → hover, all kinds (ms)', 'burstHoverMs', '');
    for (const kind of BURST_KINDS) row(`  ${BURST_KIND_NAMES[kind]} (ms)`, `burstHover_${kind}Ms`, '');
    row('keystroke during deferred work: its delay beyond one after idle, median (ms)', 'deferredDelayMedianMs', '');
    row('  the same, max (ms)', 'deferredDelayMaxMs', '');
    L.push(`| outline answer after the edit (JSON bytes) | ${names.map((n) => (b.servers[n]?.runs ? fmtBytes(b.servers[n].symbolsBytes) : cell(b.servers[n], 'x'))).join(' | ')} |`);
    L.push(`| symbols in the outline (count, nested) | ${names.map((n) => (b.servers[n]?.runs ? String(b.servers[n].symbolCount) : cell(b.servers[n], 'x'))).join(' | ')} |`);
    row('peak RSS after didOpen → documentSymbol, VmHWM (MB)', 'peakRssOpenMb', '');
    row('peak RSS after the run (keystrokes too), VmHWM (MB)', 'peakRssMb', '');
    L.push('');
    L.push(`In-process \`TextDocument.update\`, one character in the middle: ${fmt(b.textDocumentUpdate.coldMs)} ms on a fresh document (its first edit builds the line index), ${fmt(b.textDocumentUpdate.warmMs)} ms on a document already indexed.`);
    L.push(`Start, ${b.start.runs} spawns each in turn: ours ${fmt(b.start.oursMs)} ms (server CPU ${fmt(b.start.oursCpuMs)} ms), `
      + `\`bench/initialize-only.cjs\` ${fmt(b.start.floorMs)} ms (${fmt(b.start.floorCpuMs)} ms).`);
    const c = b.cli;
    const child = (x) => (x.error ? x.error
      : `${fmt(x.innerMs)} ms after Node's start-up (${fmt(x.mbPerS)} MB/s; CPU ${fmt(x.innerCpuMs)} ms), ${fmt(x.ms)} ms in all`);
    L.push(`CLI \`transcript check\`, ${c.cores} cores: one file ${child(c.single)}; the same text as ${c.files} file${c.files === 1 ? '' : 's'} `
      + `${child(c.folder)}; ${c.processes ? `the same files in ${c.cores} processes at once: ${c.processes.error ?? `${fmt(c.processes.ms)} ms from the first `
      + `spawn to the last exit (longest after Node's start-up ${fmt(c.processes.innerMs)} ms; CPU ${fmt(c.processes.innerCpuMs)} ms)`}; ` : ''}`
      + `the parse alone, in process: ${fmt(c.parseMs)} ms.`);
    const md = b.servers.markdown;
    if (md?.runs) L.push(`Markdown peer: the client's markdown-it tokenization (answering \`markdown/parse\`, part of the times above) took ${fmt(md.markdownClientTokenizeMsOpen)} ms at open and ${fmt(md.markdownClientTokenizeMsPerEdit)} ms per request after an edit.`);
    if (b.servers.ours?.hoverUnhandled) L.push('Our server has no hover provider: its keystroke→hover answer is the protocol\'s "unhandled method" error, sent after the didChange has been processed (diagnostics included).');
    for (const n of names) for (const fl of b.servers[n]?.failures ?? []) L.push(`- ${n}: ${fl}`);
    L.push('');
  }
  L.push('## Bundles', '');
  L.push('| file | bytes | gzip |', '|---|---:|---:|');
  for (const b of results.bundles) L.push(`| ${b.file} | ${b.bytes ?? 'missing'} | ${b.gzipBytes ?? '–'} |`);
  L.push('');
  L.push(`VS Code activation time: ${results.activation}`, '');
  if (results.profile) {
    L.push(`## Profile of our server (one ${results.profile.sizeMb ?? '?'} MB run: open, keystrokes, outline requests)`, '');
    if (results.profile.error) L.push(results.profile.error);
    else {
      const p = results.profile;
      L.push(`${p.file}: ${p.totalMs} ms sampled, ${p.idleMs} ms idle, ${p.gcMs} ms garbage collection, ${p.programMs} ms "(program)" (native code outside JavaScript functions).`, '');
      L.push('Self time:', '', '| function | self ms | % of busy |', '|---|---:|---:|');
      for (const r of p.top) L.push(`| \`${r.fn}\` | ${r.ms} | ${r.pctBusy} |`);
      L.push('', 'Inclusive time of our functions (server/src):', '', '| function | total ms | % of busy |', '|---|---:|---:|');
      for (const r of p.ourInclusive) L.push(`| \`${r.fn}\` | ${r.ms} | ${r.pctBusy} |`);
      for (const ph of p.byPhase ?? []) {
        L.push('', `### ${ph.name}: ${ph.busyMs} ms busy in ${ph.windowMs} ms of windows (all runs of this kind summed)`, '');
        L.push('| self time | ms | % | | inclusive, our functions | ms | % |', '|---|---:|---:|---|---|---:|---:|');
        for (let i = 0; i < Math.max(ph.top.length, ph.ourInclusive.length); i++) {
          const a = ph.top[i];
          const b = ph.ourInclusive[i];
          L.push(`| ${a ? `\`${a.fn}\`` : ''} | ${a?.ms ?? ''} | ${a?.pctBusy ?? ''} | | ${b ? `\`${b.fn}\`` : ''} | ${b?.ms ?? ''} | ${b?.pctBusy ?? ''} |`);
        }
      }
    }
    L.push('');
  }
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The README's goal table: between these markers, rewritten by the full run

const README = path.join(ROOT, 'README.md');
const README_START = '<!-- bench-goals: written by bench/run.mjs (the full run, or --readme); not by hand -->';
const README_END = '<!-- /bench-goals -->';
/** The goals as the README names them: ours ÷ what. */
const README_GOALS = {
  keystroke: 'keystroke back to back → hover ÷ `TextDocument.update` (indexed)',
  'keystroke-restated': 'the same ÷ the floor server\'s keystroke (where the goal is below its floor)',
  'keystroke-growth': 'its growth from the smaller size ÷ `TextDocument.update`\'s',
  outline: 'outline after an edit ÷ the floor sending this outline',
  open: 'didOpen → outline ÷ the floor sending this outline',
  memory: 'peak memory ÷ the floor\'s',
  start: 'spawn → initialize ÷ `bench/initialize-only.cjs`',
  'cli-folder': 'CLI, many files ÷ (cores × one file)',
  'cli-folder-restated': 'the same ÷ as many processes at once, each checking a share (where the goal is below its floor)',
  'cli-parse': 'CLI, one file ÷ the parse alone (MB/s)',
  deferred: 'deferred work: most a keystroke waited ÷ 15 ms',
};

/** The goal table for the README, from `results`, whose figures are in `reportPath` (relative to the root). */
function readmeGoals(results, reportPath) {
  const m = results.machine;
  const L = [README_START, ''];
  const load = `load average ${fmt(m.loadStart, 2)} at start, ${fmt(m.loadEnd, 2)} at end${isNoisy(m) ? ': **noisy**' : ''}`;
  L.push(`From the ${results.mode.toLowerCase()} run of ${m.date.slice(0, 10)} (commit ${results.git.head}; ${m.nproc} CPUs, Node ${m.node}; ${load}`
    + `${results.opts.note ? `; ${results.opts.note}` : ''}): each goal is a ratio to a floor timed in the same run; met, or **no**. `
    + `Figures in [${reportPath}](${reportPath})${reportPath.startsWith('bench/tmp/') ? ' (a development run\'s, not kept in git)' : ''}.`, '');
  const column = (b) => `${b.mb} MB, ${b.layout === 'lines' ? 'one paragraph per line' : 'blank lines'}`;
  L.push(`| goal: ours ÷ floor | target | ${results.blocks.map(column).join(' | ')} |`);
  L.push(`|---|---|${results.blocks.map(() => '---:').join('|')}|`);
  for (const [id, name] of Object.entries(README_GOALS)) {
    const cells = results.blocks.map((b) => b.goals.find((g) => g.id === id));
    if (!cells.some(Boolean)) continue;
    const target = cells.find(Boolean).target;
    const shown = (g) => (!g ? '–' : g.met === false ? `**${fmt(g.ratio)} no**` : g.met || g.target === 'reported' ? fmt(g.ratio) : `${fmt(g.ratio)} n/a`);
    L.push(`| ${name} | ${target} | ${cells.map(shown).join(' | ')} |`);
  }
  L.push('', README_END);
  return L.join('\n');
}

function writeReadmeGoals(results, reportPath) {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no goal table between ${README_START} and ${README_END}`);
  fs.writeFileSync(README, text.slice(0, start) + readmeGoals(results, reportPath) + text.slice(end + README_END.length));
}

// ---------------------------------------------------------------------------------------------

function hashFile(file) {
  try { return createHash('sha256').update(fs.readFileSync(file)).digest('hex'); } catch { return undefined; }
}

/** The server's code: dist/server.js and the bundles it loads. */
const hashServer = (dir) => ['server.js', 'lsp.js', 'service.js'].map((f) => hashFile(path.join(dir, f))).join(' ');

function snapshotDist() {
  const dir = path.join(TMP, 'dist');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // All of it: the server is dist/server.js, lsp.js and service.js, and the code cache the server
  // keeps beside lsp.js (.lsp.js.FLAGS.v8cache, if a server under the same Node and flags ran long
  // enough to write it) is used as an editor's second start would use it.
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const server = path.join(dir, 'server.js');
  return { dir, server, cli: path.join(dir, 'cli.js'), serverHash: hashServer(dir), builtAt: fs.statSync(path.join(ROOT, 'dist', 'server.js')).mtime.toISOString() };
}

function gitState() {
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trimEnd() : '';
  };
  const dirtyPaths = git('status', '--porcelain', '--', 'server', 'scripts/build.mjs', 'package.json')
    .split('\n').filter(Boolean).map((l) => l.slice(3));
  let distBuilt = 'unknown';
  try { distBuilt = fs.statSync(path.join(ROOT, 'dist', 'server.js')).mtime.toISOString(); } catch { /* missing */ }
  return { head: git('rev-parse', '--short', 'HEAD') || 'unknown', dirty: dirtyPaths.length, dirtyPaths, distBuilt };
}

/**
 * The same transcript as text pasted from a web page (the seed's layout): after the header, one
 * paragraph per line and no blank line, so that the whole body is one block of lines.
 */
function onePerLine(file, log) {
  const [header, ...paragraphs] = file.transcript.split(/\n\n+/);
  const transcript = `${header}\n\n${paragraphs.map((p) => p.replace(/\n/g, ' ')).join('\n')}`;
  const transcriptPath = file.transcriptPath.replace(/\.transcript$/, '-lines.transcript');
  fs.writeFileSync(transcriptPath, transcript);
  log(`  one paragraph per line: ${path.relative(process.cwd(), transcriptPath)}`);
  return { ...file, transcript, transcriptPath, bytes: Buffer.byteLength(transcript) };
}

const LAYOUT_NAMES = { blank: 'paragraphs between blank lines', lines: 'one paragraph per line, no blank lines (the seed\'s layout)' };

/** The run's full form: what `npm run bench` runs, and what writes the README's goal table. */
const isFullRun = (opts) => !opts.quick && opts.sizes.join(',') === '10,50' && opts.layout === 'both' && !opts.runs && !opts.keystrokes;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.readmeFrom) {
    writeReadmeGoals(JSON.parse(fs.readFileSync(opts.readmeFrom, 'utf8')), path.relative(ROOT, opts.readmeFrom.replace(/\.json$/, '.md')));
    console.log(`wrote the goal table of README.md from ${path.relative(ROOT, opts.readmeFrom)}`);
    return;
  }
  const started = performance.now();
  const log = (s) => console.log(s);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');
  const layouts = opts.layout === 'both' ? ['blank', 'lines'] : [opts.layout];

  log(`seed ${opts.seed}; sizes ${opts.sizes.join(', ')} MB; servers ${opts.servers.join(', ')}; layouts ${layouts.join(', ')}`);
  // Others rebuild dist/ while the bench runs: measure a copy taken now (the bundles are self-contained).
  const snapshot = snapshotDist();
  SERVERS.ours.args[0] = snapshot.server;
  const { files, paragraphCount, perFile } = generateFiles(opts.sizes, opts.seed, TMP, log);

  const results = {
    mode: opts.quick ? 'Quick' : isFullRun(opts) ? 'Full' : 'Custom',
    seed: opts.seed,
    opts: { ...opts },
    sizesMb: opts.sizes,
    layouts,
    machine: {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memGb: Math.round(os.totalmem() / 1e9),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      date: new Date().toISOString(),
      loadStart: os.loadavg()[0],
    },
    git: gitState(),
    corpus: { paragraphs: paragraphCount, perFile },
    blocks: [],
  };

  for (const layout of layouts) {
    for (const mb of opts.sizes) {
      const blockStarted = performance.now();
      const file = layout === 'lines' ? onePerLine(files[mb], log) : files[mb];
      log(`${mb} MB, ${LAYOUT_NAMES[layout]}: ${file.turns} turns`);
      // The `answer` server sends the outline our server gives in this run, not one left by an earlier run.
      fs.rmSync(outlineFile(file), { force: true });
      const servers = {};
      for (const name of opts.servers) {
        // The Markdown twin is the same in both layouts: its server runs once.
        if (name === 'markdown' && layout !== layouts[0]) continue;
        servers[name] = await benchServer(name, file, mb, opts, log);
      }
      const tdu = textDocumentUpdate(file.transcript, 7);
      log(`  TextDocument.update: ${fmt(tdu.coldMs)} ms fresh, ${fmt(tdu.warmMs)} ms indexed`);
      const start = await startTimes(snapshot.server, START_RUNS);
      log(`  spawn → initialize: ours ${fmt(start.oursMs)} ms, initialize-only ${fmt(start.floorMs)} ms`);
      const cli = await cliFigures(file, snapshot, opts);
      const took = (x) => x.error ?? `${fmt(x.innerMs)} ms`;
      log(`  CLI check: one file ${took(cli.single)}, ${cli.files} files ${took(cli.folder)}; parse alone ${fmt(cli.parseMs)} ms`);
      const block = {
        layout, mb,
        file: {
          path: path.relative(ROOT, file.transcriptPath), bytes: file.bytes, markdownBytes: file.markdownBytes,
          turns: file.turns, questions: file.questions, briefings: file.briefings,
        },
        servers, textDocumentUpdate: tdu, start, cli,
      };
      const smaller = results.blocks.filter((b) => b.layout === layout && b.mb < mb).at(-1);
      block.goals = buildGoals(block, smaller, opts);
      block.seconds = (performance.now() - blockStarted) / 1000;
      results.blocks.push(block);
      log(`  (${fmt(block.seconds)} s)`);
    }
  }

  results.bundles = ['dist/client.js', 'dist/server.js', 'dist/lsp.js', 'dist/service.js'].map((f) => {
    const p = path.join(snapshot.dir, path.basename(f));
    if (!fs.existsSync(p)) return { file: f };
    const buf = fs.readFileSync(p);
    return { file: f, bytes: buf.length, gzipBytes: zlib.gzipSync(buf).length };
  });
  results.activation = 'not measured: there is no VS Code (desktop or server) run by this benchmark on this machine; see bench/README.md.';

  if (opts.profile) {
    const mb = files[10] ? 10 : opts.sizes.at(-1);
    log(`profile: ours on ${mb} MB`);
    try {
      results.profile = { sizeMb: mb, ...(await profileOurs(files[mb], opts, log)) };
    } catch (error) {
      results.profile = { error: String(error.message ?? error) };
    }
  }

  results.machine.loadEnd = os.loadavg()[0];
  results.git.distChangedDuringRun = hashServer(path.join(ROOT, 'dist')) !== snapshot.serverHash;
  results.wallSeconds = (performance.now() - started) / 1000;

  const md = markdownReport(results);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(`${opts.out}.md`, `${md}\n`);
  fs.writeFileSync(`${opts.out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${md}`);
  console.log(`\nwrote ${path.relative(ROOT, opts.out)}.md and .json (${fmt(results.wallSeconds)} s)`);
  if (opts.readme ?? (results.mode === 'Full' && opts.out === DEFAULT_OUT)) {
    writeReadmeGoals(results, `${path.relative(ROOT, opts.out)}.md`);
    console.log('wrote the goal table of README.md');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(() => process.exit(0), (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  });
}
