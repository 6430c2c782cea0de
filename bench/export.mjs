#!/usr/bin/env node
// The export benchmark (issue 17): a generated 10-hour transcript with a timestamp at every turn,
// exported to WebVTT and DOCX, against a baseline measured in the same run: parsing the same text.
//
//   node bench/export.mjs                  10 hours, 7 runs, seed 20240611
//   node bench/export.mjs --hours 2 --runs 3 --seed 7
//
// Expects a built dist/ (npm run build) and the compiled tree out/ (npx tsc -b). Writes
// bench/export-results.md. The text comes from the repository's own fixtures
// (test/fixtures/corpus), so it runs in any clone.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32, paragraphsOf } from './generate.mjs';

const require = createRequire(import.meta.url);
const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const TMP = path.join(BENCH, 'tmp');

function options(argv) {
  const opts = { hours: 10, runs: 7, seed: 20240611 };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (name === '--hours') opts.hours = value();
    else if (name === '--runs') opts.runs = value();
    else if (name === '--seed') opts.seed = value();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

const SPEAKERS = ['Sam Ortiz', 'Jane Roe', 'Omar Haddad', 'Irina Kovacs'];
const WORDS_PER_MINUTE = 150;

/** `[hh:mm:ss]` */
function stamp(seconds) {
  const pad = (n) => String(Math.floor(n)).padStart(2, '0');
  return `[${pad(seconds / 3600)}:${pad((seconds / 60) % 60)}:${pad(seconds % 60)}]`;
}

/**
 * Turns of one to three real paragraphs, each with a timestamp at its start, the clock moving on
 * at 150 words a minute, until `hours` are spoken.
 */
function generate(hours, seed) {
  const corpus = path.join(ROOT, 'test', 'fixtures', 'corpus');
  const paragraphs = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => paragraphsOf(fs.readFileSync(path.join(corpus, f), 'utf8')));
  const random = mulberry32(seed);
  const out = ['---', 'title: A generated ten-hour recording', '---', ''];
  let seconds = 0;
  let turns = 0;
  let previous = -1;
  while (seconds < hours * 3600) {
    let speaker = Math.floor(random() * SPEAKERS.length);
    if (speaker === previous) speaker = (speaker + 1) % SPEAKERS.length;
    previous = speaker;
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const text = paragraphs[Math.floor(random() * paragraphs.length)];
      out.push(`${stamp(seconds)} ${i === 0 ? `${SPEAKERS[speaker]}: ` : ''}${text}`, '');
      seconds += (text.split(/\s+/).length * 60) / WORDS_PER_MINUTE;
    }
    turns++;
  }
  return { text: out.join('\n'), turns };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const opts = options(process.argv.slice(2));
  const { createLanguageService } = require(path.join(ROOT, 'out', 'server', 'src', 'service'));
  const { text, turns } = generate(opts.hours, opts.seed);
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `export-${opts.hours}h.transcript`);
  fs.writeFileSync(file, text);
  const document = { uri: 'file:///bench.transcript', version: 1, getText: () => text };
  const inProcess = { parse: [], vtt: [], docx: [] };
  let sizes = {};
  // Each sample on a fresh service: the export's time includes its parse, as the CLI's does.
  for (let run = 0; run < opts.runs; run++) {
    for (const task of ['parse', 'vtt', 'docx']) {
      const service = createLanguageService();
      const started = performance.now();
      // The model's turns, speakers and questions are put together when first read: the parse includes them.
      if (task === 'parse') service.getModel(document).questions.length;
      else sizes[task] = (await service.exportTranscript(document, task)).content.length;
      inProcess[task].push(performance.now() - started);
    }
  }
  // The command line, end to end: `transcript parse` (the baseline) and `transcript export`.
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const command = {
    parse: ['parse', '--format', 'json', file],
    vtt: ['export', '--to', 'vtt', '--force', file, '-o', path.join(TMP, 'export.vtt')],
    docx: ['export', '--to', 'docx', '--force', file, '-o', path.join(TMP, 'export.docx')],
  };
  const wall = { parse: [], vtt: [], docx: [] };
  for (let run = 0; run < opts.runs; run++) {
    for (const task of ['parse', 'vtt', 'docx']) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [cli, ...command[task]], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (result.status !== 0) throw new Error(`${task}: ${result.stderr}`);
      wall[task].push(performance.now() - started);
    }
  }
  /** A table of the three tasks' medians, each as a ratio to the first (the baseline). */
  const table = (heading, baseline, samples, labels) => [
    `| ${heading} | median | × ${baseline} |`,
    '|---|---:|---:|',
    ...['parse', 'vtt', 'docx'].map((task, i) => `| ${labels[i]} | ${median(samples[task]).toFixed(0)} ms | ${(median(samples[task]) / median(samples.parse)).toFixed(2)}× |`),
    '',
  ];
  const report = [
    '# Export benchmark',
    '',
    `${opts.hours} hours generated (seed ${opts.seed}): ${(text.length / 1024 / 1024).toFixed(2)} MB, ${turns.toLocaleString('en')} turns, a timestamp at every paragraph; `
      + `WebVTT ${(sizes.vtt / 1024 / 1024).toFixed(2)} MB, DOCX ${(sizes.docx / 1024 / 1024).toFixed(2)} MB. Medians of ${opts.runs} runs; `
      + `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(1)} at the end, `
      + `${new Date().toISOString().slice(0, 10)}.`,
    '',
    ...table('in process (a fresh service each time)', 'parse', inProcess, ['parse (the baseline)', 'export to vtt (parse included)', 'export to docx (parse included)']),
    ...table('command line, spawn to exit', '`transcript parse`', wall,
      ['`transcript parse --format json` (the baseline)', '`transcript export --to vtt`', '`transcript export --to docx`']),
  ].join('\n');
  fs.writeFileSync(path.join(BENCH, 'export-results.md'), report);
  process.stdout.write(report);
}

await main();
