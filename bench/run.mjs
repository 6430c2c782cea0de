#!/usr/bin/env node
// The benchmark of the Transcript Markup language server (see bench/README.md).
//
//   node bench/run.mjs                 1, 10 and 50 MB; 5 runs (3 at 50 MB)
//   node bench/run.mjs --quick         1 and 10 MB, 3 runs
//   node bench/run.mjs --sizes 1,10 --runs 5 --keystrokes 5 --seed 7 --timeout 120
//   node bench/run.mjs --servers ours,floor   a subset of ours, floor, answer, markdown
//   node bench/run.mjs --profile       also one extra run of ours under --cpu-prof (bench/tmp/prof/)
//   node bench/run.mjs --out bench/tmp/try   write bench/tmp/try.md and .json instead of bench/results.*
//   node bench/run.mjs --layout lines  the same text with one paragraph per line, no blank lines
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
import { generateFiles, BIG_FILE } from './generate.mjs';
import { cpuMs } from './processCpu.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter, ResponseError } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const TMP = path.join(BENCH, 'tmp');
const NODE = process.execPath;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    quick: false, sizes: undefined, runs: undefined, keystrokes: undefined, seed: 20240611,
    timeoutMs: 120_000, servers: ['ours', 'floor', 'answer', 'markdown'], profile: false, pauseMs: 300, layout: 'blank',
    out: path.join(BENCH, 'results'),
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
      case '--help': case '-h':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (!opts.sizes) opts.sizes = opts.quick ? [1, 10] : [1, 10, 50];
  if (opts.sizes.some((s) => !(s > 0))) throw new Error('--sizes: positive numbers of MB');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed: an integer');
  if (!['blank', 'lines'].includes(opts.layout)) throw new Error('--layout: blank (paragraphs between blank lines) or lines (one paragraph per line)');
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
  ours: { label: 'ours (dist/server.js)', args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'], languageId: 'transcript', markdown: false },
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
    proc, connection, exited, stderr: () => stderr, docs: new Map(), firstDiagnostics: new Map(), stats: { markdownParses: 0, markdownParseMs: 0, diagnostics: 0, serverRequests: {} },
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
        return (params.items ?? []).map((item) => (item.section === 'transcript' ? { questionMarkers: [], trace: { server: 'off' } } : null));
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

/** Where the keystrokes go: the middle line of the document that holds prose. */
function editPosition(text) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const l = lines[line];
    if (l.length >= 30 && !l.startsWith('#') && !/^\S[^:]{0,60}: /.test(l)) return { line, character: 20 };
  }
  return { line: 0, character: 0 };
}

/** Where a keystroke changes a speaker's label: inside the name of a label in the second half of the text, not on `avoid`'s line. */
function labelPosition(text, avoid) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (line !== avoid.line && /^(?!Question)\p{Lu}[\p{L}.’' -]{2,40}: /u.test(lines[line])) return { line, character: 2 };
  }
  return undefined;
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

/**
 * One run against one server: spawn → initialize, didOpen → documentSymbol, keystrokes → hover,
 * keystrokes → documentSymbol, peak RSS. Returns the samples; throws on failure or timeout.
 */
async function oneRun(spec, file, opts, keystrokes, extraNodeArgs = []) {
  const text = spec.markdown ? file.markdown : file.transcript;
  const uri = pathToFileURL(spec.markdown ? file.markdownPath : file.transcriptPath).href;
  let session;
  const sample = {
    hover: [], symbolsAfterEdit: [], hoverCpu: [], symbolsAfterEditCpu: [], hoverDeferredCpu: [], symbolsDeferredCpu: [], burstProse: [], burstLabel: [],
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

    // Keystrokes: one character typed in the middle of the document, then a request there.
    const at = editPosition(text);
    let version = 1;
    const type = () => {
      const position = { line: at.line, character: at.character + (version - 1) };
      const change = { range: { start: position, end: position }, text: 'x' };
      TextDocument.update(doc, [change], ++version); // the editor's own copy, before the clock starts
      return { position, change };
    };
    const mdBefore = session.stats.markdownParseMs;
    // Each keystroke: the change, then `request` at it, timed from the change to the answer; then
    // the server's CPU until it is idle again (diagnostics and other deferred work).
    const typeAndAsk = async (name, request, times, cpuTimes, deferredCpuTimes) => {
      for (let k = 0; k < keystrokes; k++) {
        const { position, change } = type();
        cpu = cpuMs(pid);
        t = performance.now();
        tUs = nowUs();
        const sent = session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await request(position);
        times.push(performance.now() - t);
        phase(`keystroke → ${name}`, tUs);
        cpuTimes.push(cpuMs(pid) - cpu);
        await sent;
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

    // Keystrokes back to back, as a user types: the next one sent as soon as the hover at the last
    // is answered, without waiting for the server to go idle; alternately in the words and inside a
    // speaker's label (which changes who speaks there).
    const label = labelPosition(text, at);
    // The caret in the words stands after the characters the keystrokes above typed there.
    const proseCaret = at.character + version - 1;
    let labelTyped = 0;
    let proseTyped = 0;
    for (let k = 0; k < 2 * keystrokes && label; k++) {
      const inLabel = k % 2 === 1;
      const position = inLabel ? { line: label.line, character: label.character + labelTyped++ } : { line: at.line, character: proseCaret + proseTyped++ };
      const change = { range: { start: position, end: position }, text: 'x' };
      TextDocument.update(doc, [change], ++version);
      t = performance.now();
      tUs = nowUs();
      const sent = session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await hover(position);
      (inLabel ? sample.burstLabel : sample.burstProse).push(performance.now() - t);
      phase(`keystrokes back to back → hover (${inLabel ? 'label' : 'words'})`, tUs);
      await sent;
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
    burstHoverMs: median([...all('burstProse'), ...all('burstLabel')]),
    burstHoverProseMs: median(all('burstProse')),
    burstHoverLabelMs: median(all('burstLabel')),
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
// CLI throughput vs read + decode

const EXIT_TIMING = path.join(BENCH, 'exit-timing.cjs');

/** Runs `node -r exit-timing.cjs ...args`: whole-process wall time, and wall/CPU time after start-up. */
function timeChild(args, timeoutMs) {
  const t = performance.now();
  const r = spawnSync(NODE, ['-r', EXIT_TIMING, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, maxBuffer: 16 << 20 });
  const ms = performance.now() - t;
  if (r.error) return { error: r.error.code === 'ETIMEDOUT' ? `timeout after ${timeoutMs / 1000} s` : r.error.message };
  const stderr = String(r.stderr);
  if (r.status === null || r.status >= 2) return { error: `exit ${r.status ?? r.signal}: ${stderr.trim().slice(0, 200)}` };
  const line = stderr.split('\n').reverse().find((l) => l.startsWith('BENCH_EXIT '));
  const inner = line ? JSON.parse(line.slice('BENCH_EXIT '.length)) : {};
  return { ms, innerMs: inner.wallMs, innerCpuMs: inner.cpuMs, startupMs: inner.startupMs };
}

const READ_DECODE = "const b=require('fs').readFileSync(process.argv[1]);const s=new TextDecoder('utf-8',{fatal:true}).decode(b);if(s.length<0)process.exit(3)";

function cliThroughput(file, runs, timeoutMs, cliPath) {
  const bytes = fs.statSync(file).size;
  const measure = (args) => {
    const rs = [];
    for (let i = 0; i < runs; i++) {
      const r = timeChild(args, timeoutMs);
      if (r.error) return { error: r.error };
      rs.push(r);
    }
    const m = (k) => median(rs.map((r) => r[k]));
    const rate = (ms) => (ms > 0 ? bytes / MB / (ms / 1000) : undefined);
    return {
      ms: m('ms'), mbPerS: rate(m('ms')),
      innerMs: m('innerMs'), innerMbPerS: rate(m('innerMs')),
      innerCpuMs: m('innerCpuMs'), cpuMbPerS: rate(m('innerCpuMs')),
      nodeStartupMs: m('startupMs'),
    };
  };
  const cli = measure([cliPath, 'check', file]);
  const read = measure(['-e', READ_DECODE, file]);
  const ratio = (k) => (cli[k] && read[k] ? cli[k] / read[k] : undefined);
  return {
    file: path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file),
    bytes, cli, readDecode: read,
    ratio: ratio('innerMbPerS'), wholeProcessRatio: ratio('mbPerS'), cpuRatio: ratio('cpuMbPerS'),
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

function goal(name, ratio, op, limit, detail) {
  const met = ratio === undefined ? undefined : op === '<=' ? ratio <= limit : op === '<' ? ratio < limit : op === '>=' ? ratio >= limit : ratio > limit;
  return { name, ratio, goal: `${op} ${limit}`, met, detail };
}

function buildGoals(results, cli) {
  const goals = [];
  for (const [mb, r] of Object.entries(results.sizes)) {
    const ours = r.servers.ours;
    const floor = r.servers.floor;
    const md = r.servers.markdown;
    const ok = (x) => x && x.runs > 0;
    const ratio = (a, b) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
    const answer = r.servers.answer;
    const answerBound = ok(answer) && ok(floor) ? `; the floor sending our outline: ${cell(answer, 'openMs', ' ms')}, ratio ${fmt(ratio(answer.openMs, floor.openMs))}` : '';
    goals.push(goal(`${mb} MB: didOpen→documentSymbol, ours / floor`, ok(ours) && ok(floor) ? ratio(ours.openMs, floor.openMs) : undefined, '<=', 1.5,
      `${cell(ours, 'openMs', ' ms')} vs ${cell(floor, 'openMs', ' ms')}${answerBound}`));
    goals.push(goal(`${mb} MB: keystroke→hover, ours / TextDocument.update (fresh document)`, ok(ours) ? ratio(ours.keystrokeHoverMs, r.textDocumentUpdate.coldMs) : undefined, '<', 1,
      `${cell(ours, 'keystrokeHoverMs', ' ms')} vs ${fmt(r.textDocumentUpdate.coldMs)} ms (warm update: ${fmt(r.textDocumentUpdate.warmMs)} ms, ratio ${fmt(ok(ours) ? ratio(ours.keystrokeHoverMs, r.textDocumentUpdate.warmMs) : undefined)})`));
    goals.push(goal(`${mb} MB: keystrokes back to back → hover, ours / TextDocument.update (indexed document)`,
      ok(ours) ? ratio(ours.burstHoverMs, r.textDocumentUpdate.warmMs) : undefined, '<=', 1,
      `${cell(ours, 'burstHoverMs', ' ms')} vs ${fmt(r.textDocumentUpdate.warmMs)} ms (in the words ${cell(ours, 'burstHoverProseMs', ' ms')}, in a label ${cell(ours, 'burstHoverLabelMs', ' ms')})`));
    goals.push(goal(`${mb} MB: outline after an edit, ours / floor receive (floor didOpen→documentSymbol)`, ok(ours) && ok(floor) ? ratio(ours.keystrokeSymbolsMs, floor.openMs) : undefined, '<=', 1,
      `${cell(ours, 'keystrokeSymbolsMs', ' ms')} vs ${cell(floor, 'openMs', ' ms')}; answer ${fmtBytes(ours?.symbolsBytes)}`));
    goals.push(goal(`${mb} MB: peak RSS, ours / floor`, ok(ours) && ok(floor) ? ratio(ours.peakRssMb, floor.peakRssMb) : undefined, '<=', 1.5,
      `${cell(ours, 'peakRssMb', ' MB')} vs ${cell(floor, 'peakRssMb', ' MB')}`));
    goals.push(goal(`${mb} MB: spawn→initialize, ours / markdown`, ok(ours) && ok(md) ? ratio(ours.initMs, md.initMs) : undefined, '<', 0.25,
      `${cell(ours, 'initMs', ' ms')} vs ${cell(md, 'initMs', ' ms')}`));
  }
  for (const c of cli) {
    goals.push(goal(`CLI check throughput / read+decode throughput, ${path.basename(c.file)}`, c.ratio, '>=', 0.75,
      `${fmt(c.cli.innerMbPerS)} vs ${fmt(c.readDecode.innerMbPerS)} MB/s after Node start-up (whole process: ${fmt(c.cli.mbPerS)} vs ${fmt(c.readDecode.mbPerS)} MB/s, ratio ${fmt(c.wholeProcessRatio)}; CPU: ratio ${fmt(c.cpuRatio)})`));
  }
  return goals;
}

function markdownReport(results) {
  const L = [];
  const m = results.machine;
  L.push('# Benchmark results', '');
  L.push(`${results.mode} run, ${m.date}. Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memGb} GB RAM, ${m.os}, Node ${m.node}. Seed ${results.seed}, layout: ${results.opts.layout === 'lines' ? 'one paragraph per line, no blank lines' : 'paragraphs between blank lines'}. Wall time ${fmt(results.wallSeconds)} s.`);
  L.push(`Load average (1 min) at start ${fmt(m.loadStart, 2)}, at end ${fmt(m.loadEnd, 2)}: other work on the machine slows the wall times; the "server CPU" rows are less sensitive to it.`);
  L.push(`Code: ${results.git.head}${results.git.dirty ? ` with uncommitted changes (${results.git.dirty} paths under server/ and the build: ${results.git.dirtyPaths.slice(0, 8).join(', ')}${results.git.dirty > 8 ? ', …' : ''})` : ''}; dist/server.js built ${results.git.distBuilt}, copied to bench/tmp/dist/ at the start and measured there${results.git.distChangedDuringRun ? ' (dist/ was rebuilt during the run: the copy is what was measured)' : ''}.`);
  const plan = (mb) => results.opts.servers.map((n) => `${n} ${runsFor(results.opts, mb, n)}×${keystrokesFor(results.opts, mb, n)}`).join(', ');
  L.push(`Medians over runs (a fresh server process each) and keystrokes (per kind, pooled over runs): ${results.sizesMb.map((mb) => `${mb} MB: ${plan(mb)}`).join('; ')} (runs×keystrokes). Times in ms, from the client's send to its receipt of the answer, over stdio JSON-RPC. MB = 2^20 bytes.`, '');
  L.push('## Goals', '');
  L.push('| goal | ratio | target | met | figures |', '|---|---:|---|---|---|');
  for (const g of results.goals) L.push(`| ${g.name} | ${fmt(g.ratio)} | ${g.goal} | ${g.met === undefined ? 'n/a' : g.met ? 'yes' : '**no**'} | ${g.detail} |`);
  L.push('');
  for (const [mb, r] of Object.entries(results.sizes)) {
    const f = r.file;
    L.push(`## ${mb} MB`, '');
    L.push(`Transcript ${fmtBytes(f.bytes)}, ${f.turns} turns (${f.questions} questions), ${f.briefings} briefings; Markdown twin ${fmtBytes(f.markdownBytes)}.`, '');
    const names = Object.keys(r.servers);
    L.push(`| measurement | ${names.map((n) => SERVERS[n].label).join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
    const row = (label, key, unit) => L.push(`| ${label} | ${names.map((n) => cell(r.servers[n], key, unit)).join(' | ')} |`);
    row('spawn → initialize result (ms)', 'initMs', '');
    row('  server CPU up to then (ms)', 'initCpuMs', '');
    row('didOpen → documentSymbol (ms)', 'openMs', '');
    row('  server CPU in that time (ms)', 'openCpuMs', '');
    row('  server CPU after the answer, until idle (deferred work: diagnostics …) (ms)', 'openDeferredCpuMs', '');
    row('didOpen → first diagnostics published (ms)', 'openDiagnosticsMs', '');
    row('keystroke: didChange → hover at the edit (ms)', 'keystrokeHoverMs', '');
    row('  server CPU in that time (ms)', 'keystrokeHoverCpuMs', '');
    row('keystroke: didChange → documentSymbol, the outline after an edit (ms)', 'keystrokeSymbolsMs', '');
    row('keystrokes back to back: didChange → hover, in the words (ms)', 'burstHoverProseMs', '');
    row('keystrokes back to back: didChange → hover, inside a speaker\'s label (ms)', 'burstHoverLabelMs', '');
    row('  server CPU in that time (ms)', 'keystrokeSymbolsCpuMs', '');
    row('keystroke: server CPU after the answer, until idle (deferred work) (ms)', 'keystrokeDeferredCpuMs', '');
    L.push(`| outline answer after the edit (JSON bytes) | ${names.map((n) => (r.servers[n]?.runs ? fmtBytes(r.servers[n].symbolsBytes) : cell(r.servers[n], 'x'))).join(' | ')} |`);
    L.push(`| symbols in the outline (count, nested) | ${names.map((n) => (r.servers[n]?.runs ? String(r.servers[n].symbolCount) : cell(r.servers[n], 'x'))).join(' | ')} |`);
    row('peak RSS after didOpen → documentSymbol, VmHWM (MB)', 'peakRssOpenMb', '');
    row('peak RSS after the run (keystrokes too), VmHWM (MB)', 'peakRssMb', '');
    L.push('');
    L.push(`In-process \`TextDocument.update\`, one character in the middle: ${fmt(r.textDocumentUpdate.coldMs)} ms on a fresh document (its first edit builds the line index), ${fmt(r.textDocumentUpdate.warmMs)} ms on a document already indexed.`);
    const md = r.servers.markdown;
    if (md?.runs) L.push(`Markdown peer: the client's markdown-it tokenization (answering \`markdown/parse\`, part of the times above) took ${fmt(md.markdownClientTokenizeMsOpen)} ms at open and ${fmt(md.markdownClientTokenizeMsPerEdit)} ms per request after an edit.`);
    if (r.servers.ours?.hoverUnhandled) L.push('Our server has no hover provider: its keystroke→hover answer is the protocol\'s "unhandled method" error, sent after the didChange has been processed (diagnostics included).');
    for (const n of names) for (const fl of r.servers[n]?.failures ?? []) L.push(`- ${n}: ${fl}`);
    L.push('');
  }
  L.push('## CLI throughput', '');
  L.push('Child processes, median of 3. "After start-up": from a preloaded hook (just before the script loads) to exit, so loading the CLI bundle counts; "whole process": from spawn to exit.', '');
  L.push('| file | size | `transcript check` after start-up | read + decode after start-up | ratio | whole process: check vs read + decode | CPU-time ratio |', '|---|---:|---:|---:|---:|---|---:|');
  for (const c of results.cli) {
    const part = (x) => (x.error ? x.error : `${fmt(x.innerMs)} ms, ${fmt(x.innerMbPerS)} MB/s`);
    const whole = c.cli.error || c.readDecode.error ? '–' : `${fmt(c.cli.ms)} vs ${fmt(c.readDecode.ms)} ms (ratio ${fmt(c.wholeProcessRatio)})`;
    L.push(`| ${c.file} | ${fmtBytes(c.bytes)} | ${part(c.cli)} | ${part(c.readDecode)} | ${fmt(c.ratio)} | ${whole} | ${fmt(c.cpuRatio)} |`);
  }
  L.push('');
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
  file.transcript = `${header}\n\n${paragraphs.map((p) => p.replace(/\n/g, ' ')).join('\n')}`;
  file.transcriptPath = file.transcriptPath.replace(/\.transcript$/, '-lines.transcript');
  fs.writeFileSync(file.transcriptPath, file.transcript);
  log(`  one paragraph per line: ${path.relative(process.cwd(), file.transcriptPath)}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (s) => console.log(s);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');

  log(`seed ${opts.seed}; sizes ${opts.sizes.join(', ')} MB; servers ${opts.servers.join(', ')}; layout ${opts.layout}`);
  // Others rebuild dist/ while the bench runs: measure a copy taken now (the bundles are self-contained).
  const snapshot = snapshotDist();
  SERVERS.ours.args[0] = snapshot.server;
  const { files, paragraphCount, perFile } = generateFiles(opts.sizes, opts.seed, TMP, log);
  if (opts.layout === 'lines') for (const mb of opts.sizes) onePerLine(files[mb], log);
  // The `answer` server sends the outline our server gives in this run, not one left by an earlier run.
  for (const mb of opts.sizes) fs.rmSync(outlineFile(files[mb]), { force: true });

  const results = {
    mode: opts.quick ? 'Quick' : opts.sizes.join(',') === '1,10,50' && !opts.runs && !opts.keystrokes ? 'Full' : 'Custom',
    seed: opts.seed,
    opts: { ...opts },
    sizesMb: opts.sizes,
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
    sizes: {},
  };

  for (const mb of opts.sizes) {
    const file = files[mb];
    log(`${mb} MB: ${file.turns} turns`);
    const servers = {};
    for (const name of opts.servers) servers[name] = await benchServer(name, file, mb, opts, log);
    const tdu = textDocumentUpdate(file.transcript, 7);
    log(`  TextDocument.update: ${fmt(tdu.coldMs)} ms fresh, ${fmt(tdu.warmMs)} ms indexed`);
    results.sizes[mb] = {
      file: { path: path.relative(ROOT, file.transcriptPath), bytes: file.bytes, markdownBytes: file.markdownBytes, turns: file.turns, questions: file.questions, briefings: file.briefings },
      servers,
      textDocumentUpdate: tdu,
    };
  }

  log('CLI throughput');
  const cliFiles = [];
  if (files[10]) cliFiles.push(files[10].transcriptPath);
  else cliFiles.push(files[opts.sizes.at(-1)].transcriptPath);
  cliFiles.push(BIG_FILE);
  results.cli = cliFiles.map((f) => {
    const c = cliThroughput(f, 3, opts.timeoutMs, snapshot.cli);
    log(`  ${path.basename(f)}: check ${c.cli.error ?? `${fmt(c.cli.innerMs)} ms`}, read+decode ${c.readDecode.error ?? `${fmt(c.readDecode.innerMs)} ms`} (after Node start-up)`);
    return c;
  });

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
  results.goals = buildGoals(results, results.cli);
  results.wallSeconds = (performance.now() - started) / 1000;

  const md = markdownReport(results);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(`${opts.out}.md`, `${md}\n`);
  fs.writeFileSync(`${opts.out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${md}`);
  console.log(`\nwrote ${path.relative(ROOT, opts.out)}.md and .json (${fmt(results.wallSeconds)} s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(() => process.exit(0), (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  });
}
