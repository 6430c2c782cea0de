import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty, FUZZ_SEED, FUZZ_TIMING, HANG_LIMIT_MS, recordCases, runsFor, timeoutFor } from './support/fuzz';
import { everyFeature, show } from './support/features';
import { anyString, codeUnit, pieces } from './support/generators';
import { FAMILIES, repeat } from './support/families';
import { allowance, runJob, type JobOutcome } from './support/perf';
import type { PerfResult } from './support/perfWorker';

/**
 * Any text at all parses, and every feature answers without throwing (issue 8, property 2); no
 * input family makes the service superlinear (timed with FUZZ_TIMING=1, as `npm run fuzz` does).
 */

const MB = 1 << 20;

/** Huge or hostile texts, each read by every feature in a worker that is stopped after a minute. */
const HOSTILE: Record<string, () => string> = {
  '1 MB on one line': () => repeat('word ', MB),
  '1 MB on one line without a space': () => 'a'.repeat(MB),
  '100,000 empty lines': () => '\n'.repeat(100_000),
  '100,000 empty CRLF lines': () => '\r\n'.repeat(100_000),
  'a megabyte of CR-only lines with words': () => repeat('Sergey Lavrov: Yes.\r', MB),
  'only labels': () => repeat('Question: ', MB / 4),
  'only labels, alone on their lines': () => repeat('Sergey Lavrov:\n', MB / 4),
  'only #': () => '#'.repeat(MB),
  'only # and spaces': () => repeat('# ', MB),
  'deeply nested brackets ((((…': () => '('.repeat(MB),
  'deeply nested brackets, closed': () => '(['.repeat(MB / 4) + '])'.repeat(MB / 4),
  'right-to-left scripts': () => repeat('مرحبا بالعالم. שלום עולם: ', MB),
  'emoji': () => repeat('😀👍🏽👨‍👩‍👧🇷🇺 ', MB),
  'NUL and control characters': () => repeat('\u0000\u0001\u0008\u000b\u000c\u001b\u007f\u0085', MB),
  'lone surrogates': () => repeat('\ud800\udbff\udc00x', MB),
  'a byte order mark on every line': () => repeat('\ufeffQuestion: Why?\n', MB / 4),
  'only comment openers': () => repeat('<!--', MB / 4),
  'front matter fence, never closed': () => `---\n${repeat('key: value\n', MB / 4)}`,
  'random code units (seeded)': () => fc.sample(fc.string({ unit: codeUnit, minLength: 200_000, maxLength: 200_000 }), { seed: FUZZ_SEED, numRuns: 1 })[0],
};

/** Each hostile text within a minute, where timings count; elsewhere only a hang fails. */
const HOSTILE_LIMIT_MS = FUZZ_TIMING ? 60_000 : HANG_LIMIT_MS;

describe('fuzz: any text parses and every feature answers', function () {
  it('any string: code units with lone surrogates, NUL and control characters, any code point (property)', function () {
    const weight = 2;
    this.timeout(timeoutFor(runsFor(weight), 10));
    recordCases(checkProperty('any text', fc.property(anyString(300), fc.array(fc.nat(400), { maxLength: 3 }), (text, offsets) => {
      everyFeature(text, offsets);
    }), weight));
  });

  it('transcript pieces in any order: labels, fences, comments, brackets (property)', function () {
    const weight = 2;
    this.timeout(timeoutFor(runsFor(weight), 10));
    recordCases(checkProperty('pieces', fc.property(pieces(80), fc.array(fc.nat(400), { maxLength: 3 }), (text, offsets) => {
      everyFeature(text, offsets);
    }), weight));
  });

  describe(FUZZ_TIMING ? 'hostile texts, every feature, in under a minute each' : 'hostile texts, every feature (timed in npm run fuzz)', function () {
    const outcomes = new Map<string, { outcome: JobOutcome; text: string }>();

    before(async function () {
      this.timeout(0);
      await inParallel(Object.keys(HOSTILE), async (name) => {
        const text = HOSTILE[name]();
        outcomes.set(name, { outcome: await runJob({ kind: 'text', text }, 1, () => HOSTILE_LIMIT_MS), text });
      });
    });

    for (const name of Object.keys(HOSTILE)) {
      it(name, function () {
        const { outcome, text } = outcomes.get(name)!;
        assert.equal(outcome.error, undefined, `${name} (${show(text, 80)}): ${outcome.error}`);
        assert.equal(outcome.timedOut, undefined, `${name}: every feature together took more than ${HOSTILE_LIMIT_MS / 1000} s on ${text.length} characters`);
        const done = outcome.results[0];
        if (done?.kind === 'done') this.test!.title += ` (${Math.round(text.length / 1000)} K chars, ${done.ms.toFixed(0)} ms: ${done.summary})`;
      });
    }
  });
});

/**
 * With FUZZ_TIMING, each family at n and 8n characters (n = FUZZ_PERF_N, 100,000 by default;
 * 200,000 in the long run): the larger may take at most 8 × 4 × the smaller (plus a quarter of a
 * second for the garbage collector). A linear pass takes 8×; a quadratic one, 64×. Without it,
 * each family at n, for the answers alone.
 */
const PERF_N = Number(process.env.FUZZ_PERF_N ?? 100_000);
const PERF_RATIO = 8;
const PERF_SLACK = 4;
/** Longest the smaller size may take: 100 KB in 10 s is already a hang in an editor. */
const SMALL_LIMIT_MS = 10_000;

/** The families that found a superlinear pass, now fixed: what it was. */
const REGRESSIONS: Record<string, string> = {
  'a heading with a long run of spaces': 'HEADING backtracked quadratically (paragraphs.ts); 200 K took 20 s',
  'a heading with a long run of #': 'HEADING backtracked quadratically (paragraphs.ts)',
  'a separator with a long run of spaces': 'SEPARATOR backtracked quadratically (paragraphs.ts); 200 K took over a minute',
  'a separator with spaces and a trailing non-breaking space': 'SEPARATOR backtracked quadratically (paragraphs.ts)',
  'a clock time with a long run of spaces': 'TIME_LINE backtracked quadratically (header.ts); 200 K took over a minute',
  'tags and URLs': 'each tag was checked against every URL (inline.ts inside); 200 K took 8 s',
  'brackets and URLs': 'each annotation was checked against every URL (inline.ts inside)',
  'stage directions and URLs': 'each annotation was checked against every URL (inline.ts inside)',
  'only tags': 'the words of a paragraph were copied once per tag (words.ts paragraphContent); 200 K took 43 s',
  'only annotations': 'the ending check searched all annotations once per annotation (paragraphChecks.ts checkEnding)',
  'stage directions, one per line': 'the ending check searched all annotations once per annotation (paragraphChecks.ts checkEnding)',
  'all-caps acronyms and URLs': 'each all-caps word was checked against every URL (diagnostics misspellings)',
  'a different two-word speaker on every line': 'every speaker was compared with every other (parser.ts resolveSpeakers); 200 K took over 10 s',
  'a different one-word speaker, twice each': 'every speaker was compared with every other (parser.ts resolveSpeakers)',
  'long-winded first-mention labels': 'every speaker was compared with every other (parser.ts resolveSpeakers)',
  'a crowd of one surname, a paragraph each': 'probable-same-speaker must compare given names by spelling, not every pair (diagnostics/speakerVariants.ts); timed in test/diagnostics/speakerVariants.test.ts before',
  'a run of sentence ends in a paragraph': 'BOUNDARY was tried from every dot of a run (paragraphChecks.ts); 80 K dots took 10 s',
  'dot leaders before the first label': 'TABLE_OF_CONTENTS_LINE was tried from every dot of a run (diagnostics/index.ts); 80 K took 10 s',
  'short paragraphs alike but for a number (all running heads)': 'each paragraph looked ahead past every running head for the next (diagnostics nextSpoken); 20,000 took 3 s',
  'paragraphs with a run of spaces in their tails': 'TABLE_OF_CONTENTS was cubic in a run of spaces (paragraphChecks.ts): 4 ms a paragraph, 200 K took 2.8 s',
};

describe(FUZZ_TIMING ? 'fuzz: adversarial input families scale linearly (n and 8n)' : 'fuzz: adversarial input families, the main features (scaling timed in npm run fuzz)', function () {
  const outcomes = new Map<string, JobOutcome>();
  const sizes = FUZZ_TIMING ? [{ size: PERF_N, repeats: 2 }, { size: PERF_N * PERF_RATIO, repeats: 1 }] : [{ size: PERF_N, repeats: 1 }];
  const smallLimitMs = FUZZ_TIMING ? SMALL_LIMIT_MS : HANG_LIMIT_MS;

  before(async function () {
    this.timeout(0);
    await inParallel(Object.keys(FAMILIES), async (family) => {
      outcomes.set(family, await runJob(
        { kind: 'family', family, sizes },
        sizes.length,
        (phase, results) => (phase === 0 ? smallLimitMs : allowance(timing(results[0]).ms, PERF_RATIO, PERF_SLACK, 25, 250)),
      ));
    });
  });

  for (const family of Object.keys(FAMILIES)) {
    it(REGRESSIONS[family] ? `${family} — regression: ${REGRESSIONS[family]}` : family, function () {
      const outcome = outcomes.get(family)!;
      assert.equal(outcome.error, undefined, `${family}: ${outcome.error}`);
      const [small, large] = outcome.results.map(timing);
      if (outcome.timedOut?.phase === 0) assert.fail(`${family}: ${PERF_N} characters took more than ${smallLimitMs / 1000} s`);
      if (!FUZZ_TIMING) {
        this.test!.title = `${family} (${fmt(small)})`;
        return;
      }
      if (outcome.timedOut) {
        assert.fail(`${family}: superlinear: ${small.length} characters took ${small.ms.toFixed(0)} ms, ${PERF_RATIO}× as many took more than ${outcome.timedOut.afterMs} ms (stopped), over ${PERF_RATIO}×${PERF_SLACK} the time`);
      }
      this.test!.title = `${family} (${fmt(small)}, ${fmt(large)}, ×${(large.ms / Math.max(small.ms, 0.01)).toFixed(1)})`;
    });
  }
});

/** Runs `run` on every item, two at a time (two worker threads). */
async function inParallel(items: readonly string[], run: (item: string) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all([lane(), lane()]);
}

function timing(result: PerfResult): { size: number; length: number; ms: number } {
  if (result.kind !== 'timing') throw new Error(`expected a timing, got ${JSON.stringify(result)}`);
  return result;
}

function fmt(t: { length: number; ms: number }): string {
  return `${Math.round(t.length / 1000)} K chars: ${t.ms.toFixed(0)} ms`;
}

