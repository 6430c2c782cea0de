#!/usr/bin/env node
// The built-in glossary's cost (issue 19), as ratios against baselines measured in the same run:
// - start-up, spawn → initialize result, against Node's own start (bench/initialize-only.cjs);
// - the first hover on an organisation, didOpen → hover (the service loaded, the glossary's index
//   read, the entry's letter read), against the first outline, didOpen → documentSymbol (the
//   service loaded, no glossary);
// - `transcript check` of samples/seed.transcript (which reads the glossary) against
//   `transcript outline` of it (which does not): wall time and peak memory.
// Medians of --runs (9). Writes bench/glossary-results.md.
//
//   npm run build --silent && node bench/glossary.mjs [--runs 9] [--dist DIR: another build, say an older one]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const DIST = path.resolve(option('--dist', path.join(ROOT, 'dist')));
const SERVER = path.join(DIST, 'server.js');
const CLI = path.join(DIST, 'cli.js');
const SEED = path.join(ROOT, 'samples', 'seed.transcript');
const runs = Number(option('--runs', '9')) || 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const TEXT = 'Sergey Lavrov: We spoke about the CSTO and the Australian Labor Party.\n';
const REQUESTS = {
  hover: { method: 'textDocument/hover', params: { textDocument: { uri: 'file:///bench.transcript' }, position: { line: 0, character: 36 } } },
  outline: { method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///bench.transcript' } } },
};

/** One server: the time of initialize, and of the first answer to `request` after didOpen. */
function once(script, request) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = Buffer.alloc(0);
    const started = performance.now();
    let initMs;
    let opened;
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        // Content-Length counts bytes: the header is ASCII, the body is sliced as bytes.
        const match = /Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1'));
        if (!match) break;
        const start = match.index + match[0].length;
        const end = start + Number(match[1]);
        if (buffer.length < end) break;
        const body = JSON.parse(buffer.subarray(start, end).toString('utf8'));
        buffer = buffer.subarray(end);
        if (body.id === 1) {
          initMs = performance.now() - started;
          if (!request) {
            child.kill();
            resolve({ initMs });
            return;
          }
          child.stdin.write(frame({ method: 'initialized', params: {} }));
          opened = performance.now();
          const textDocument = { uri: 'file:///bench.transcript', languageId: 'transcript', version: 1, text: TEXT };
          child.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument } }));
          child.stdin.write(frame({ id: 2, ...REQUESTS[request] }));
        } else if (body.id === 2) {
          const ms = performance.now() - opened;
          child.kill();
          if (!body.result) reject(new Error(`no answer to ${request}`));
          else resolve({ initMs, ms });
        }
      }
    });
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
  });
}

/** One CLI run: wall time (ms) and peak memory (MB) of the process. */
function cli(command) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', path.join(BENCH, 'exit-timing.cjs'), CLI, command, SEED], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const exit = /BENCH_EXIT (.*)/.exec(result.stderr);
  if (!exit) throw new Error(`transcript ${command}: ${result.stderr}`);
  return { ms, mb: JSON.parse(exit[1]).maxRssKb / 1024 };
}

const samples = { nodeInit: [], init: [], hover: [], outline: [], check: [], cliOutline: [] };
for (let i = 0; i < runs; i++) {
  samples.nodeInit.push((await once(path.join(BENCH, 'initialize-only.cjs'))).initMs);
  const hover = await once(SERVER, 'hover');
  samples.init.push(hover.initMs);
  samples.hover.push(hover.ms);
  samples.outline.push((await once(SERVER, 'outline')).ms);
  samples.check.push(cli('check'));
  samples.cliOutline.push(cli('outline'));
}
const medianOf = (xs) => (typeof xs[0] === 'number' ? median(xs) : { ms: median(xs.map((x) => x.ms)), mb: median(xs.map((x) => x.mb)) });
const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, medianOf(xs)]));
const ms = (x) => `${x.toFixed(0)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [
  ['spawn → initialize', ms(m.init), 'Node answering initialize', ms(m.nodeInit), ratio(m.init, m.nodeInit)],
  ['didOpen → first hover on an organisation', ms(m.hover), 'didOpen → first outline', ms(m.outline), ratio(m.hover, m.outline)],
  ['`transcript check` of the seed, wall', ms(m.check.ms), '`transcript outline` of it', ms(m.cliOutline.ms), ratio(m.check.ms, m.cliOutline.ms)],
  ['`transcript check` of the seed, peak RSS', `${m.check.mb.toFixed(0)} MB`, '`transcript outline` of it', `${m.cliOutline.mb.toFixed(0)} MB`,
    ratio(m.check.mb, m.cliOutline.mb)],
];
const lines = [
  '# The built-in glossary\'s cost',
  '',
  `Generated by \`node bench/glossary.mjs\` (medians of ${runs} runs, on ${new Date().toISOString().slice(0, 10)}, on a machine that may be shared).`,
  'Each figure against a baseline measured in the same run that does the same but for the glossary.',
  '',
  '| measured | ours | baseline | baseline | ratio |',
  '|---|---:|---|---:|---:|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
console.log(lines.slice(2).join('\n'));
if (DIST === path.join(ROOT, 'dist')) fs.writeFileSync(path.join(BENCH, 'glossary-results.md'), `${lines.join('\n')}\n`);
