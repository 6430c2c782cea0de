/**
 * `npm run eval`, organisation coverage (issue 19): on the held-out transcripts of
 * test/eval/organisations (set aside before the glossary's list was decided), each candidate
 * mention (an all-caps word, or a capitalised name of two words or more, outside labels and
 * paragraphs written in capitals) is hovered as a user would, and compared with the truth written
 * by hand in truth.tsv: the share of organisation mentions that get a card, and of the cards shown,
 * the share that name the right organisation (cards on words that name none count as wrong).
 * A candidate inside a longer name (`NSW` in `NSW National Parks and Wildlife Service`) is judged
 * by that name's truth, once; a card that says the words are a law or a treaty, not an organisation
 * (the Federal Arbitration Act's `FAA`, a transcript's `Non-Proliferation Treaty (NPT)`), is no
 * organisation card. A card is right when its title is the truth's name, or when the truth names
 * the organisation by another of the card's names that no other built-in entry bears (`UNSCOM`,
 * `Cámara de Diputados`, `Bundestag`: the truth's own names are written as the transcript says
 * them). Goals: 90 % with a card, 97 % right, over all rounds, with the fresh round's figures beside.
 *
 * The rounds are reported apart: the seen ones (held-out/, and round 5 in fresh/), whose lists of
 * misses were read, and the fresh one (fresh6/, round 6), scored once and never tuned on. The lists
 * of wrong cards and of organisations without a card are printed only with `--misses`, and the fresh
 * round's only with `--misses --fresh` (one round's: `--fresh=6`): a list read is a list tuned on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { BuiltinEntries, builtinDataDirectory } from '../../server/src/service/glossary/builtinData';
import { LayerRank } from '../../server/src/service/glossary/glossary';
import { hoveredCandidates } from './organisationCandidates';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'eval', 'organisations');

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.txt') ? [p] : [];
  });
}

/**
 * The held-out rounds, by folder: `*` rows of the truth were written for the seen rounds only; `fresh` is
 * a fresh round's number, `label` names its figures in all.
 */
const ROUNDS = [
  { name: 'seen', label: 'seen', folder: 'held-out', about: 'rounds 1-4 (held-out/), their lists of misses read while entries were written', wildcard: true },
  // Round 5 was fresh until session 11, whose lead read its lists once round 6 was there to measure unseen text.
  { name: 'seen', label: 'round 5', folder: 'fresh', about: 'round 5 (fresh/), scored fresh, then its lists read (session 11)', wildcard: false },
  { name: 'fresh', label: 'fresh 6', folder: 'fresh6', about: 'round 6 (fresh6/), scored once, never tuned on', wildcard: false, fresh: 6 },
];
const showMisses = process.argv.includes('--misses');
const freshArgument = process.argv.find((a) => a === '--fresh' || a.startsWith('--fresh='));
/** A round's lists are printed: the seen rounds' with `--misses`, a fresh round's with `--fresh` or `--fresh=ITS NUMBER` too. */
const listed = (round: (typeof ROUNDS)[number]) =>
  showMisses && (round.fresh === undefined || freshArgument === '--fresh' || freshArgument === `--fresh=${round.fresh}`);

const truth = new Map<string, string>();
for (const line of readFileSync(path.join(DIR, 'truth.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [file, text, value] = line.split('\t');
  truth.set(`${file}\t${text}`, value);
}

/** The built-in entries' titles, by each of their names, acronyms and forms: what a name of the truth may name. */
const titlesByName = new Map<string, Set<string>>();
for (const entry of new BuiltinEntries(builtinDataDirectory(), LayerRank.Builtin).naming) {
  for (const name of [entry.fullName, ...entry.names, ...entry.acronyms, ...Object.values(entry.forms ?? {}).flat()]) {
    titlesByName.set(name, (titlesByName.get(name) ?? new Set()).add(entry.fullName));
  }
}
/** The card titled `card` names what the truth calls `expected`. */
const isRight = (card: string, expected: string) =>
  sameName(card, expected) || (titlesByName.get(expected)?.size === 1 && titlesByName.get(expected)!.has(card));

interface Tally { organisations: number; carded: number; cards: number; right: number; wrong: string[]; missed: string[] }
const tally = (): Tally => ({ organisations: 0, carded: 0, cards: 0, right: 0, wrong: [], missed: [] });
const service = createLanguageService();
const total = tally();

/** A round's figures by family and in all, each mention also counted in `total`. */
function score(round: (typeof ROUNDS)[number]): { byFamily: Map<string, Tally>; all: Tally } {
  const byFamily = new Map<string, Tally>();
  const all = tally();
  const root = path.join(DIR, round.folder);
  for (const file of files(root)) {
    const relative = path.relative(root, file);
    const family = relative.split(path.sep)[0];
    const text = readFileSync(file, 'utf8');
    const counts = byFamily.get(family) ?? tally();
    byFamily.set(family, counts);
    const judged = new Set<number>();
    const truthOf = (words: string) => truth.get(`${relative}\t${words}`) ?? (round.wildcard ? truth.get(`*\t${words}`) : undefined);
    for (const { name, card, hovered, cardStart } of hoveredCandidates(service, `file:///${relative}`, text)) {
      const own = truthOf(name);
      // Inside a longer name the card is that name's: judged by its truth, or by the candidate's if it names an organisation.
      const expected = hovered !== name ? truthOf(hovered.replace(/['’]s$/u, '')) ?? (own && own !== '-' ? own : undefined) : own ?? '-';
      if (expected === undefined || expected === '?') continue;
      if (cardStart !== undefined) {
        if (judged.has(cardStart)) continue;
        judged.add(cardStart);
      }
      for (const t of [counts, all, total]) {
        if (expected !== '-') t.organisations++;
        if (expected !== '-' && card) t.carded++;
        if (expected !== '-' && !card) t.missed.push(name);
        if (card) {
          t.cards++;
          if (isRight(card, expected)) t.right++;
          else t.wrong.push(`${name} → ${card}${expected === '-' ? ' (no organisation)' : ` (is ${expected})`}`);
        }
      }
    }
  }
  return { byFamily, all };
}

/**
 * A card bears the truth's name if they differ only in accents (ROR's `Secretaria de Salud` is the
 * Secretaría de Salud) or in the apostrophe's glyph (a transcript's `Children’s Defense Fund`).
 */
function sameName(a: string, b: string): boolean {
  const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  return plain(a) === plain(b);
}

const share = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const times = (list: string[], x: string) => list.filter((y) => y === x).length;
const distinct = (list: string[]) => [...new Set(list)].map((x) => `${x}${times(list, x) > 1 ? ` ×${times(list, x)}` : ''}`).join(', ');
const row = (label: string, t: Tally) =>
  `${label.padEnd(20)}${String(t.organisations).padStart(21)}  ${share(t.carded, t.organisations).padStart(11)}` +
  `  ${String(t.cards).padStart(11)}  ${share(t.right, t.cards).padStart(11)}`;
const scored = ROUNDS.map((round) => ({ round, ...score(round) }));
const freshRounds = scored.filter((r) => r.round.fresh !== undefined);
const freshShares = (of: (t: Tally) => [number, number]) => freshRounds.map((r) => `round ${r.round.fresh} ${share(...of(r.all))}`).join(', ');
console.log('Organisation coverage on the held-out transcripts (truth by hand: test/eval/organisations/truth.tsv)\n');
console.log('round, family        organisation mentions  with a card  cards shown  right sense');
for (const { round, byFamily, all } of scored) {
  console.log(`${round.name}: ${round.about}`);
  for (const [family, t] of byFamily) console.log(row(`  ${family}`, t));
  console.log(row(`  ${round.label}, all`, all));
}
console.log(row('all rounds', total));
console.log(`\nGoals: 90 % with a card (all rounds ${share(total.carded, total.organisations)}, fresh ${freshShares((t) => [t.carded, t.organisations])}), ` +
  `97 % of cards right (all rounds ${share(total.right, total.cards)}, fresh ${freshShares((t) => [t.right, t.cards])}).`);
for (const { round, all } of scored) {
  if (!listed(round)) continue;
  console.log(`\n${round.label}: wrong cards: ${distinct(all.wrong) || 'none'}`);
  console.log(`${round.label}: organisations without a card: ${distinct(all.missed) || 'none'}`);
}
if (!freshRounds.every((r) => listed(r.round))) {
  console.log(`\nThe lists of wrong cards and of organisations without a card: \`--misses\` (the seen rounds); the fresh round's only with ` +
    '`--misses --fresh` (one round\'s: `--fresh=6`), once its figures are final (test/eval/organisations/README.md).');
}
