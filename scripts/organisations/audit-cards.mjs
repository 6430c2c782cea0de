#!/usr/bin/env node
/**
 * The precision audit of the organisation cards (issue 19, docs/organisations-precision-audit.md): every
 * candidate the organisation eval hovers (an all-caps word, or a capitalised name of two words or more,
 * outside labels) is hovered in transcripts that are not in that eval, and each card shown is listed
 * with the words around it, for judging by hand (right / wrong / not an organisation). A seeded random
 * sample of the cards is printed as TSV; `--all` prints every card.
 *
 * Run after `npx tsc -b`:
 *   node scripts/organisations/audit-cards.mjs [--seed N] [--size N] [--all] [--window CHARS] FILE_OR_DIR…
 * A directory is read for its transcripts; in the families eval's folders only the files whose truth
 * says `"split": "dev"` are read (the held-out ones are never to be read). A file longer than the
 * window (400,000 characters) is read from a window at a seeded offset, cut at paragraph breaks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const { createLanguageService } = require(path.join(ROOT, 'out/server/src/service/index.js'));
const { hoveredCandidates } = require(path.join(ROOT, 'out/test/eval/organisationCandidates.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return Number(value);
};
const flag = (name) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const seed = option('--seed', 1);
const size = option('--size', 200);
const window = option('--window', 400_000);
const all = flag('--all');

/** mulberry32: a small seeded generator, so that a sample can be drawn again. */
function random(s) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(seed);

/** A transcript in a families eval folder is read only if its truth is of the dev split. */
function readable(file) {
  if (/\.(json|tsv)$|README|SOURCES/.test(file)) return false;
  const truth = file.replace(/\.[^./]+$/, '.truth.json');
  if (!existsSync(truth)) return !/test\/eval\/families\//.test(file);
  return JSON.parse(readFileSync(truth, 'utf8')).split === 'dev';
}
const transcripts = (p) =>
  statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => transcripts(path.join(p, f))) : readable(p) ? [p] : [];

const service = createLanguageService();
const cards = [];
const flat = (s) => s.replace(/\s+/g, ' ').trim();
for (const file of args.flatMap(transcripts)) {
  let text = readFileSync(file, 'utf8');
  let base = 0;
  if (text.length > window) {
    base = text.indexOf('\n\n', Math.floor(next() * (text.length - window))) + 2;
    text = text.slice(base, text.lastIndexOf('\n\n', base + window));
  }
  const shown = new Set();
  for (const c of hoveredCandidates(service, `file:///${path.basename(file)}`, text)) {
    if (!c.card || shown.has(c.cardStart)) continue;
    shown.add(c.cardStart);
    const context = flat(text.slice(Math.max(0, c.cardStart - 90), c.cardStart + c.hovered.length + 90));
    const line = text.slice(0, c.cardStart).split('\n').length + (base ? readFileSync(file, 'utf8').slice(0, base).split('\n').length - 1 : 0);
    const about = flat(c.hover.split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ')).slice(0, 240);
    cards.push([path.relative(ROOT, path.resolve(file)), line, flat(c.hovered), c.card, about, context]);
  }
}
// Fisher–Yates on the seeded generator: the sample's order is the draw's.
for (let i = cards.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [cards[i], cards[j]] = [cards[j], cards[i]];
}
const out = all ? cards : cards.slice(0, size);
console.error(`${cards.length} cards shown; printing ${out.length} (seed ${seed})`);
console.log(['file', 'line', 'words', 'card', 'hover', 'context'].join('\t'));
for (const row of out) console.log(row.join('\t'));
