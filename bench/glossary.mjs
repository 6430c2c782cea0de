#!/usr/bin/env node
// The glossary's cost (issue 19): start-up (spawn → initialize result) and the first hover on an
// organisation (didOpen → hover result: the service loaded and the built-in glossary built), over
// stdio, and in one process the time to build the built-in glossary. Medians of --runs (9).
//
//   npm run build --silent && node bench/glossary.mjs [--runs 9]
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SERVER = path.join(ROOT, 'dist', 'server.js');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 9) || 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** One server: the times of initialize and of the first hover. */
function once() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = '';
    const started = performance.now();
    let initMs;
    let opened;
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        const match = /Content-Length: (\d+)\r\n\r\n/.exec(buffer);
        if (!match || buffer.length < match.index + match[0].length + Number(match[1])) break;
        const body = JSON.parse(buffer.slice(match.index + match[0].length, match.index + match[0].length + Number(match[1])));
        buffer = buffer.slice(match.index + match[0].length + Number(match[1]));
        if (body.id === 1) {
          initMs = performance.now() - started;
          child.stdin.write(frame({ method: 'initialized', params: {} }));
          opened = performance.now();
          const text = 'Sergey Lavrov: We spoke about the CSTO and the Australian Labor Party.\n';
          child.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench.transcript', languageId: 'transcript', version: 1, text } } }));
          child.stdin.write(frame({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///bench.transcript' }, position: { line: 0, character: 36 } } }));
        } else if (body.id === 2) {
          const hoverMs = performance.now() - opened;
          if (!body.result) reject(new Error('no hover'));
          child.kill();
          resolve({ initMs, hoverMs });
        }
      }
    });
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
  });
}

/** In a fresh process: the time to build the built-in glossary from dist/service.js. */
function buildMs() {
  const script = `const { performance } = require('node:perf_hooks'); const t0 = performance.now(); const s = require(${JSON.stringify(path.join(ROOT, 'dist', 'service.js'))}); const t1 = performance.now(); const g = s.builtinGlossary(); const t2 = performance.now(); console.log(JSON.stringify({ load: t1 - t0, build: t2 - t1, entries: g.size, forms: g.matcher.size }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script]).toString());
}

const samples = [];
const builds = [];
for (let i = 0; i < runs; i++) {
  samples.push(await once());
  builds.push(buildMs());
}
const fmt = (x) => x.toFixed(0);
console.log(`entries ${builds[0].entries}, forms ${builds[0].forms}`);
console.log(`start-up (spawn → initialize): ${fmt(median(samples.map((s) => s.initMs)))} ms`);
console.log(`first hover (didOpen → hover): ${fmt(median(samples.map((s) => s.hoverMs)))} ms`);
console.log(`in process: load dist/service.js ${fmt(median(builds.map((b) => b.load)))} ms, build the glossary ${fmt(median(builds.map((b) => b.build)))} ms`);
