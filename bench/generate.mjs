// Seeded generator of large transcripts for the benchmark.
//
// Paragraphs of real text are taken from /work/shared/corpus/*.txt and
// /work/shared/corpus/big/wh_press_briefings_2023-2026.txt (labels stripped), then sampled with a
// seeded PRNG (mulberry32) and assembled into briefings: a heading per briefing, an opening
// statement, then questions (`Question: …`) each answered by one or two speakers
// (`Speaker Name: …`), paragraphs hard-wrapped at 72 columns and separated by blank lines, as in
// a year of White House briefings put into one file. The Markdown twin is the same text with a
// `## Speaker Name` (or `## Question`) heading line before each turn.
//
// Standalone: node bench/generate.mjs [--seed N] [--sizes 1,10,50] [--out bench/tmp]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = '/work/shared/corpus';
export const BIG_FILE = path.join(CORPUS_DIR, 'big', 'wh_press_briefings_2023-2026.txt');

/** mulberry32: a small, fast 32-bit PRNG; same seed, same sequence. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Label-like prefixes of real paragraphs (`MS. JEAN-PIERRE:  `, `Q    `, `Sergey Lavrov: `):
// stripped, so that the generator alone decides who speaks.
const BARE_Q = /^Q[ \t\u00a0]+/;
const LABEL = /^([A-ZÀ-ÞА-Я][^:!?]{0,100}?)\s*:\s+/u;

/** The paragraphs of one corpus file: blocks between blank lines, lines joined, labels removed. */
export function paragraphsOf(text) {
  const out = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').map((l) => l.replace(/[ \t\u00a0]+$/g, ''));
    if (!lines.length) continue;
    const first = lines[0].trimStart();
    // Banners, front matter, headings, separators, table-of-contents lines.
    if (/^(-{3,}|#|\* \* \*|\.\.\.|[a-z_]+: )/.test(first)) continue;
    let p = lines.map((l) => l.trim()).join(' ').replace(BARE_Q, '').replace(/[\s\u00a0]+/g, ' ').trim();
    if (/\. \. \.|\(A\) \(C\)|-----/.test(p)) continue;
    const label = LABEL.exec(p);
    if (label && label[1].split(' ').length <= 10) p = p.slice(label[0].length);
    if (p.length < 60 || p.length > 2500) continue;
    if (!/[.?!…"”»]$/.test(p)) continue; // keep whole sentences only
    if (/^\(.*\)$/.test(p)) continue; // a bare stage direction
    out.push(p);
  }
  return out;
}

/** All source paragraphs, in a fixed order (sorted file names), with their file of origin. */
export function loadParagraphs() {
  const files = fs.readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    // The Supreme Court record is double-spaced with numbered lines: its blank-line blocks are
    // single lines, not paragraphs; it is left out of the sample.
    .filter((f) => !f.startsWith('scotus_'))
    .sort()
    .map((f) => path.join(CORPUS_DIR, f));
  files.push(BIG_FILE);
  const paragraphs = [];
  const perFile = {};
  for (const file of files) {
    const ps = paragraphsOf(fs.readFileSync(file, 'utf8'));
    perFile[path.basename(file)] = ps.length;
    paragraphs.push(...ps);
  }
  return { paragraphs, perFile };
}

const PRESS_SECRETARIES = ['Karine Jean-Pierre', 'Jen Psaki', 'Olivia Dalton', 'Andrew Bates'];
const GUESTS = [
  'John Kirby', 'Jake Sullivan', 'Lael Brainard', 'Jared Bernstein', 'Gina McCarthy',
  'Sergey Lavrov', 'Maria Zakharova', 'Linda Thomas-Greenfield', 'Antony Blinken', 'Ned Price',
];
const PLACES = ['James S. Brady Press Briefing Room', 'Aboard Air Force One', 'Rose Garden', 'South Court Auditorium'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function wrap(text, width = 72) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * Generates a transcript of at least `targetBytes` UTF-8 bytes (stops at the first turn past it).
 * Returns { transcript, markdown, turns, questions, briefings, bytes, markdownBytes }.
 */
export function generate(paragraphs, targetBytes, seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const para = () => wrap(pick(paragraphs));

  const t = [];
  const m = [];
  let bytes = 0;
  let mdBytes = 0;
  const emit = (transcriptPart, markdownPart) => {
    t.push(transcriptPart);
    m.push(markdownPart);
    bytes += Buffer.byteLength(transcriptPart);
    mdBytes += Buffer.byteLength(markdownPart);
  };
  const both = (s) => emit(s, s);

  let turns = 0;
  let questions = 0;
  let briefings = 0;
  const turn = (speaker, paragraphCount) => {
    const ps = [];
    for (let i = 0; i < paragraphCount; i++) ps.push(para());
    const body = `${speaker}: ${ps.join('\n\n')}\n\n`;
    emit(body, `## ${speaker}\n\n${body}`);
    turns++;
    if (speaker === 'Question') questions++;
  };

  both('Press Briefings by the Press Secretary, collected\n2024\nJames S. Brady Press Briefing Room\n\n');
  let day = 0;
  while (bytes < targetBytes) {
    briefings++;
    day += between(1, 3);
    const month = MONTHS[Math.floor(day / 31) % 12];
    const secretary = pick(PRESS_SECRETARIES);
    both(`# Press briefing, ${month} ${(day % 28) + 1}, ${2023 + Math.floor(day / 372)} — ${pick(PLACES)}\n\n`);
    turn(secretary, between(3, 8)); // opening remarks
    const questionCount = between(8, 30);
    const guest = rand() < 0.4 ? pick(GUESTS) : undefined;
    for (let q = 0; q < questionCount && bytes < targetBytes; q++) {
      turn('Question', between(1, 2));
      const answerer = guest && rand() < 0.35 ? guest : secretary;
      turn(answerer, between(3, 9));
      if (rand() < 0.3) turn(answerer === secretary ? (guest ?? pick(GUESTS)) : secretary, between(2, 6)); // a second voice
    }
  }
  return {
    transcript: t.join(''),
    markdown: m.join(''),
    turns,
    questions,
    briefings,
    bytes,
    markdownBytes: mdBytes,
  };
}

/** Writes bench/tmp/bench-<N>mb.transcript and .md; returns their paths and statistics. */
export function generateFiles(sizesMb, seed, outDir, log = () => {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const { paragraphs, perFile } = loadParagraphs();
  log(`corpus: ${paragraphs.length} paragraphs (${Object.entries(perFile).map(([f, n]) => `${f}: ${n}`).join(', ')})`);
  const result = {};
  for (const mb of sizesMb) {
    const g = generate(paragraphs, mb * 1024 * 1024, seed + mb);
    const transcriptPath = path.join(outDir, `bench-${mb}mb-seed${seed}.transcript`);
    const markdownPath = path.join(outDir, `bench-${mb}mb-seed${seed}.md`);
    fs.writeFileSync(transcriptPath, g.transcript);
    fs.writeFileSync(markdownPath, g.markdown);
    result[mb] = {
      transcriptPath, markdownPath, transcript: g.transcript, markdown: g.markdown,
      turns: g.turns, questions: g.questions, briefings: g.briefings, bytes: g.bytes, markdownBytes: g.markdownBytes,
    };
    log(`generated ${path.relative(process.cwd(), transcriptPath)}: ${(g.bytes / 1048576).toFixed(2)} MB, ${g.turns} turns (${g.questions} questions), ${g.briefings} briefings; .md ${(g.markdownBytes / 1048576).toFixed(2)} MB`);
  }
  return { files: result, paragraphCount: paragraphs.length, perFile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const seed = Number(arg('--seed', '20240611'));
  const sizes = arg('--sizes', '1,10,50').split(',').map(Number);
  const out = arg('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp'));
  generateFiles(sizes, seed, out, (s) => console.log(s));
}
