#!/usr/bin/env node
// Start-up alone: spawn a server, send `initialize`, time its result (issue 7).
//
//   node bench/startup.mjs                          ours and floor, 15 runs each
//   node bench/startup.mjs --runs 25 --servers ours,floor,markdown
//   node bench/startup.mjs --servers ours,initialize-only,markdown   with Node's own start (bench/initialize-only.cjs)
//
// The servers take turns, run by run, so that load on the machine falls on all alike. For each:
// the median wall time from spawn to the initialize result, and the median CPU the server had
// used by then (all its threads, from /proc/PID/task/*/schedstat: less sensitive to load).
// Uses dist/server.js of this checkout (npm run build first).

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpuMs } from './processCpu.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SERVERS = {
  ours: [path.join(ROOT, 'dist', 'server.js'), '--stdio'],
  floor: [path.join(ROOT, 'bench', 'floor-server.mjs'), '--stdio'],
  'initialize-only': [path.join(ROOT, 'bench', 'initialize-only.cjs'), '--stdio'],
  markdown: [path.join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-markdown-language-server'), '--stdio'],
};


const initialize = {
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: { synchronization: { dynamicRegistration: true }, publishDiagnostics: { versionSupport: true } },
      window: { workDoneProgress: true },
    },
  },
};

/** One spawn → initialize result of `node ...args`: wall and server CPU in ms. bench/run.mjs uses it too. */
export function spawnToInitialize(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    let answer;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (answer || !/"id":1[,}]/.test(output)) return;
      answer = { wall: performance.now() - t0, cpu: cpuMs(child.pid) };
      child.kill();
    });
    child.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`${args[0]} exited (${code}) before answering initialize`))));
    const body = JSON.stringify(initialize);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const runs = Number(option('--runs', 15));
  const servers = option('--servers', 'ours,floor').split(',');
  for (const s of servers) if (!SERVERS[s]) throw new Error(`--servers: unknown server ${s}`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const samples = Object.fromEntries(servers.map((s) => [s, []]));
  await spawnToInitialize(SERVERS[servers[0]]); // warms the file cache
  for (let run = 0; run < runs; run++) for (const s of servers) samples[s].push(await spawnToInitialize(SERVERS[s]));
  for (const s of servers) {
    const wall = samples[s].map((x) => x.wall);
    const cpu = samples[s].map((x) => x.cpu);
    console.log(`${s.padEnd(16)} wall median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}); server CPU median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)})`);
  }
}
