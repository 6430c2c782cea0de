import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../util/fixtures';
import fc from 'fast-check';
import { checkProperty, FUZZ_SEED, FUZZ_TIMING, recordCases } from './support/fuzz';
import { show } from './support/features';
import { allowance, runJob } from './support/perf';
import type { PerfResult } from './support/perfWorker';
import { adversarialInputs, type AdversarialInput } from './support/regexInputs';
import { findRegexes, type RegexSite } from './support/regexSources';

/**
 * The regular expression audit (issue 8): every regular expression in server/src, found with
 * the TypeScript parser, run alone on adversarial strings (a prefix that starts a match, a long
 * run of what it matches, a character that spoils the end). Each is screened on runs of
 * SCREEN_SIZE characters; with FUZZ_TIMING (`npm run fuzz`), an input that takes over
 * SCREEN_THRESHOLD_MS is timed at n and 16n, and the larger may take at most 16 × 4 × the smaller.
 * Quadratic backtracking takes 256×. Without it (`npm test`), only an expression that hangs fails.
 *
 * Some expressions are quadratic in isolation but only ever see a bounded input; they are listed
 * in BOUNDED with the bound, and reported, not failed.
 */
const SITES = findRegexes(path.join(ROOT, 'server', 'src'));

const SCREEN_SIZE = 2000;
const SCREEN_THRESHOLD_MS = 0.5;
const CONFIRM_N = 2000;
const CONFIRM_RATIO = 16;
const SLACK = 4;
const CONCURRENCY = 2;
/** At most this many slow inputs of one expression are timed at n and 16n. */
const CONFIRMED_PER_REGEX = 3;
/** How long screening one expression may go without an answer: seconds where timings count, else what only a hang takes. */
const SCREEN_HANG_MS = FUZZ_TIMING ? 10_000 : 120_000;

/**
 * The expressions this audit found quadratic (or worse) in server/src, as they were before the
 * fix, with where the fixed one is and what it must still match: the same strings (`test`), or
 * the same matches at the same places (`matches`, for a global one).
 */
const FOUND_AND_FIXED: readonly { old: RegExp; file: string; name: string; compare: 'test' | 'matches'; alphabet: readonly string[]; replacedBy?: string }[] = [
  { old: /^([ \t]*)(#{1,6})[ \t]+(\S.*?)[ \t#]*$/, file: 'src/service/parser/paragraphs.ts', name: 'HEADING', compare: 'test', alphabet: ['#', '#', ' ', '\t', 'a', '\n', '\r', '\u2028', '1'] },
  { old: /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,}|-{3,}[ \t].*[ \t]-{3,})[ \t]*$/, file: 'src/service/parser/paragraphs.ts', name: 'SEPARATOR', compare: 'test', alphabet: ['-', '-', '*', '_', '=', ' ', '\t', 'x', '\n', '\u00a0'] },
  { old: /^(?:\p{L}+:?\s+)?\(?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?(?:\s+Uhr)?\.?\)?$/iu, file: 'src/service/parser/header.ts', name: 'TIME_LINE', compare: 'test', alphabet: ['1', '2', '0', ':', '.', ' ', '\t', 'a', 'p', 'm', 'E', 'S', 'T', 'U', 'h', 'r', '(', ')', '!'] },
  { old: /(?:(?:\.\s?){4,}|\s{3,}|\t)\s*\d+(?:\s?[A-D])?\s*$/u, file: 'src/service/languageFeatures/diagnostics/paragraphChecks.ts', name: 'TABLE_OF_CONTENTS', compare: 'test', alphabet: ['.', '.', ' ', ' ', '\t', '1', '2', 'A', 'D', 'x', '\n', '\u00a0'] },
  {
    old: /[.!?…。！？]+["”’»)\]]*(?=[\s\u00a0]+|$)/gu, file: 'src/service/languageFeatures/diagnostics/paragraphChecks.ts', name: 'BOUNDARY', compare: 'matches', alphabet: ['.', '!', '?', '…', '。', '"', '”', ')', ']', ' ', '\u00a0', 'a', '\n', '😀'],
    replacedBy: 'splitSentences reads characters instead; test/diagnostics/otherRules.test.ts holds it to the linear pattern',
  },
  { old: /(?:\.\s?){4,}\s*\d+(?:\s?[A-D])?\s*$/, file: 'src/service/languageFeatures/diagnostics/index.ts', name: 'TABLE_OF_CONTENTS_LINE', compare: 'test', alphabet: ['.', '.', ' ', '\t', '1', '2', 'A', 'B', 'x', '\n', '\u00a0'] },
];

/** Quadratic alone, linear in use: the input is bounded where the expression is used. */
const BOUNDED: readonly { file: string; source: string; bound: string }[] = [
  { file: 'src/service/parser/labels.ts', source: '[\\s\\u00a0]+$', bound: 'splitQualifiers: a label, at most 160 characters (MAX_LABEL_LENGTH)' },
  { file: 'src/service/parser/labels.ts', source: '[\\s\\u00a0]*[([]([^()[\\]]*)[)\\]]$', bound: 'splitQualifiers: a label, at most 160 characters (MAX_LABEL_LENGTH)' },
  { file: 'src/service/parser/transcript.ts', source: '[,\\s]+$', bound: 'resolveSpeakers: the role part of a label name, at most 160 characters' },
  { file: 'src/service/text/words.ts', source: '[\\s,;:.\\-–—]+$', bound: 'ellipsis: a cut of maxLength (60) characters' },
  { file: 'src/service/languageFeatures/hover.ts', source: '0+$', bound: 'timestampHover: seconds formatted with toFixed(3)' },
  { file: 'src/service/languageFeatures/symbolAt.ts', source: '(?:^|[\\s\\u00a0]+)(?=\\S)', bound: 'nameSuffix: a label name (at most 160 characters), or a front-matter alias in rename (nameSuffix is O(words × length) there anyway)' },
  { file: 'src/service/glossary/glossary.ts', source: '^-+|-+$', bound: 'slug: every run of non-alphanumerics was replaced by one `-` just before, so there are no runs of `-`' },
];

/** One expression (a source and flags), wherever it is written. */
interface Expression {
  readonly id: number;
  readonly source: string;
  readonly flags: string;
}

interface Verdict {
  readonly inputs: number;
  readonly generated: number;
  /** Slow inputs confirmed superlinear (stopped at the allowance), with their times. */
  readonly superlinear: { input: AdversarialInput; smallMs: number; stoppedAfterMs: number }[];
  readonly linear: { input: AdversarialInput; smallMs: number; largeMs: number }[];
  error?: string;
}

/**
 * Screens expressions in one worker; if one hangs (no answer for `hangMs`), the worker is stopped,
 * the expression is failed with the input it hung on, and the rest go to a new worker.
 */
async function screen(expressions: readonly Expression[], verdicts: Map<number, Verdict>, hangMs: number, confirming: boolean): Promise<void> {
  let remaining = [...expressions];
  while (remaining.length) {
    const cursor = new SharedArrayBuffer(8);
    const outcome = await runJob(
      { kind: 'screen', sites: remaining, seed: FUZZ_SEED, size: SCREEN_SIZE, thresholdMs: SCREEN_THRESHOLD_MS, maxSlow: confirming ? CONFIRMED_PER_REGEX : 1, cursor },
      (results) => results[results.length - 1]?.kind === 'finished',
      () => hangMs,
    );
    for (const result of outcome.results) {
      if (result.kind !== 'screened') continue;
      const verdict: Verdict = { inputs: result.inputs, generated: result.generated, superlinear: [], linear: [] };
      verdicts.set(result.site, verdict);
      const expression = expressions.find((e) => e.id === result.site)!;
      if (!confirming) {
        verdict.linear.push(...result.slow.map(({ input, ms }) => ({ input, smallMs: ms, largeMs: NaN })));
        continue;
      }
      for (const { input } of [...result.slow].sort((a, b) => b.ms - a.ms).slice(0, CONFIRMED_PER_REGEX)) {
        await confirm(expression, input, verdict);
        if (verdict.superlinear.length || verdict.error) break;
      }
    }
    remaining = remaining.filter((e) => !verdicts.has(e.id));
    if (!remaining.length) break;
    // The worker stopped in the middle of the first remaining expression.
    const [site, index] = new Int32Array(cursor);
    const stuck = remaining.find((e) => e.id === site) ?? remaining[0];
    const input = adversarialInputs(stuck.source, stuck.flags, FUZZ_SEED).inputs[index];
    verdicts.set(stuck.id, {
      inputs: index + 1, generated: 0, superlinear: [], linear: [],
      error: outcome.error ?? `screening stopped after ${outcome.timedOut?.afterMs} ms without an answer, on ${input ? inputText(input, SCREEN_SIZE) : `input ${index}`}`,
    });
    remaining = remaining.filter((e) => e.id !== stuck.id);
  }
}

/** Times one slow input at n and 16n; past 16 × 4 × the time at n, the worker is stopped. */
async function confirm(expression: Expression, input: AdversarialInput, verdict: Verdict): Promise<void> {
  const outcome = await runJob(
    { kind: 'regex', source: expression.source, flags: expression.flags, ...input, sizes: [{ size: CONFIRM_N, repeats: 3 }, { size: CONFIRM_N * CONFIRM_RATIO, repeats: 1 }] },
    2,
    (phase, results) => (phase === 0 ? 10_000 : allowance(ms(results[0]), CONFIRM_RATIO, SLACK, 1, 200)),
  );
  if (outcome.error) verdict.error = outcome.error;
  else if (outcome.timedOut?.phase === 0) verdict.superlinear.push({ input, smallMs: Infinity, stoppedAfterMs: outcome.timedOut.afterMs });
  else if (outcome.timedOut) verdict.superlinear.push({ input, smallMs: ms(outcome.results[0]), stoppedAfterMs: outcome.timedOut.afterMs });
  else verdict.linear.push({ input, smallMs: ms(outcome.results[0]), largeMs: ms(outcome.results[1]) });
}

function ms(result: PerfResult): number {
  if (result.kind !== 'timing') throw new Error(`expected a timing, got ${JSON.stringify(result)}`);
  return result.ms;
}

function inputText(input: AdversarialInput, n: number): string {
  return `${show(input.prefix, 40)} + ${show(input.unit, 20)} × ${n} + ${show(input.suffix)}`;
}

describe('fuzz: regular expressions of server/src, alone on adversarial strings', function () {
  const expressions: Expression[] = [];
  const expressionOf = new Map<RegexSite, Expression>();
  for (const site of SITES) {
    if (site.source === undefined) continue;
    let expression = expressions.find((e) => e.source === site.source && e.flags === site.flags);
    if (!expression) expressions.push((expression = { id: expressions.length, source: site.source, flags: site.flags }));
    expressionOf.set(site, expression);
  }
  const verdicts = new Map<number, Verdict>();

  before(async function () {
    this.timeout(0);
    const shares = Array.from({ length: CONCURRENCY }, (_, k) => expressions.filter((e) => e.id % CONCURRENCY === k));
    await Promise.all(shares.map((share) => screen(share, verdicts, SCREEN_HANG_MS, FUZZ_TIMING)));
  });

  it(`finds the regular expressions with the TypeScript parser (${SITES.length}, ${expressions.length} different)`, function () {
    assert.ok(SITES.length >= 40, `only ${SITES.length} regular expressions found in server/src: is the audit looking in the right place?`);
  });

  it('flags the expressions it found quadratic in server/src, as they were before the fix (the audit checks itself)', async function () {
    this.timeout(60_000);
    const old = FOUND_AND_FIXED.map(({ old: regex }, id) => ({ id, source: regex.source, flags: regex.flags }));
    const found = new Map<number, Verdict>();
    // Screened only: a slow input, or one it hangs on (the cubic one does, for seconds), flags it.
    await screen(old, found, 2_000, false);
    for (const { id } of old) {
      const verdict = found.get(id)!;
      assert.ok(verdict.error !== undefined || verdict.linear.length > 0, `the audit no longer flags ${FOUND_AND_FIXED[id].old}`);
    }
  });

  for (const { old, file, name, compare, alphabet, replacedBy } of FOUND_AND_FIXED) {
    if (replacedBy) {
      it(`${file} ${name} is no longer a regular expression: ${replacedBy}`, function () {
        assert.equal(SITES.find((s) => s.file === file && s.name === name), undefined);
      });
      continue;
    }
    it(`${file} ${name}, made linear, matches what it matched before (property)`, function () {
      const site = SITES.find((s) => s.file === file && s.name === name);
      assert.ok(site?.source !== undefined, `${name} is no longer a regular expression literal in ${file}`);
      const now = new RegExp(site.source, site.flags);
      const answer = (regex: RegExp, text: string) => (compare === 'test'
        ? String(new RegExp(regex.source, regex.flags.replace('g', '')).test(text))
        : JSON.stringify([...text.matchAll(new RegExp(regex.source, regex.flags))].map((m) => [m.index, m[0]])));
      const weight = 1;
      recordCases(checkProperty(`${name} as before`, fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join('')), (text) => {
        assert.equal(answer(now, text), answer(old, text), `on ${show(text)}`);
      }), weight));
    });
  }

  for (const site of SITES) {
    it(`${site.file}:${site.line} ${site.text.length > 90 ? `${site.text.slice(0, 87)}…` : site.text}`, function () {
      if (site.source === undefined) {
        // A pattern built at run time cannot be audited alone: skipped, and so reported.
        this.skip();
      }
      const verdict = verdicts.get(expressionOf.get(site)!.id)!;
      assert.equal(verdict.error, undefined, `${site.file}:${site.line} ${site.text}: ${verdict.error}`);
      const bounded = BOUNDED.find((b) => site.file === b.file && b.source === site.source);
      if (verdict.superlinear.length) {
        const worst = verdict.superlinear[0];
        const message = `${site.file}:${site.line} ${site.text} is superlinear alone: on ${inputText(worst.input, CONFIRM_N)} it took ${worst.smallMs.toFixed(1)} ms, `
          + `on ${CONFIRM_RATIO}× as many characters more than ${worst.stoppedAfterMs} ms (stopped; allowed ${CONFIRM_RATIO}×${SLACK})`;
        if (!bounded) assert.fail(message);
        this.test!.title += ` — superlinear alone, bounded in use: ${bounded.bound}`;
        return;
      }
      const slow = !verdict.linear.length ? '' : FUZZ_TIMING ? `, ${verdict.linear.length} slow one(s) timed at n and ${CONFIRM_RATIO}n: linear` : `, ${verdict.linear.length} slow one(s), timed at ${CONFIRM_RATIO}n in npm run fuzz`;
      this.test!.title += ` (${verdict.inputs} inputs${slow})`;
    });
  }
});
