import fc from 'fast-check';

/**
 * Seeded, reproducible property runs for the fuzz suite.
 *
 * - `FUZZ_RUNS`: the number of cases of a property of weight 1 (default 400: about 4,000 cases,
 *   and the whole fuzz suite in about 40 s on two cores); each property runs `FUZZ_RUNS × weight`
 *   cases, at least one. The long run: FUZZ_RUNS=20000 (and FUZZ_PERF_N=200000, anyText.test.ts).
 * - `FUZZ_SEED`: the seed of every property (default 20240411).
 * - `FUZZ_TIMING=1` (`npm run fuzz` sets it): the timing checks run too: the adversarial families
 *   scale linearly, each regular expression alone too, and each hostile text takes under a
 *   minute. Without it (`npm test`) the same inputs are checked for their answers alone, under a
 *   limit only a hang reaches: on a busy machine a time proves nothing.
 *
 * A failure names both, the counterexample fast-check shrank to, and the command that replays it.
 */
export const FUZZ_RUNS = envInteger('FUZZ_RUNS', 400, 1);
export const FUZZ_SEED = envInteger('FUZZ_SEED', 20240411, -0x80000000);
export const FUZZ_TIMING = process.env.FUZZ_TIMING === '1';
/** How long a job may take in `npm test` before it counts as a hang: minutes, where it takes seconds. */
export const HANG_LIMIT_MS = 10 * 60_000;

function envInteger(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, not ${JSON.stringify(raw)}`);
  return value;
}

/** The number of cases a property of this weight runs. */
export function runsFor(weight = 1): number {
  return Math.max(1, Math.round(FUZZ_RUNS * weight));
}

/** A mocha timeout for `cases` cases at about `msPerCase` each, never below 20 s. */
export function timeoutFor(cases: number, msPerCase: number): number {
  return Math.max(20_000, Math.ceil(cases * msPerCase * 3));
}

/**
 * Runs a property with the suite's seed; on failure, throws with the seed, the shrunk
 * counterexample and how to replay it.
 */
export function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>, weight = 1, extra: Partial<fc.Parameters<Ts>> = {}): number {
  const numRuns = runsFor(weight);
  const details = fc.check(property, { seed: FUZZ_SEED, numRuns, ...extra });
  if (details.failed) {
    const report = fc.defaultReportMessage(details) ?? 'property failed';
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
    throw new Error(`${name}: FAILED with FUZZ_SEED=${FUZZ_SEED} (FUZZ_RUNS=${FUZZ_RUNS}, ${numRuns} cases)\n`
      + `replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx mocha out/test/fuzz/<file>.test.js\n`
      + `(fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}")\n${report}\n\nThe error on the shrunk counterexample:\n${error.slice(0, 6000)}`);
  }
  return details.numRuns;
}

/** Cases run by the whole suite, for the summary line the suite prints at the end. */
export const tally = { cases: 0, properties: 0 };

export function recordCases(cases: number): void {
  tally.cases += cases;
  tally.properties += 1;
}

// One line at the end of the run: how many generated cases the fuzz properties checked.
if (typeof after === 'function') {
  after(() => {
    if (tally.properties) process.stdout.write(`\nfuzz: ${tally.cases} generated cases in ${tally.properties} properties (FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${FUZZ_SEED})\n`);
  });
}
