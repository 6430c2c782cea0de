import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageService, type TranscriptDocument } from '../../../server/src/service';
import { everyFeature } from './features';
import { FAMILIES } from './families';
import { adversarialInputs, type AdversarialInput } from './regexInputs';

/**
 * Runs in a worker thread, so that the test can stop it when it takes too long (a catastrophic
 * regular expression cannot be interrupted from the same thread). Reports one message per job.
 */
export type PerfJob =
  | ScreenJob
  /** Times parse + symbols + folding + diagnostics of a family's text at each size. */
  | { readonly kind: 'family'; readonly family: string; readonly sizes: readonly Size[] }
  /** Runs every feature once on a text, reporting how long it took or what it threw. */
  | { readonly kind: 'text'; readonly text: string }
  /** Times one regular expression on strings made of `unit` at each size. */
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string; readonly prefix: string; readonly unit: string; readonly suffix: string; readonly sizes: readonly Size[] };

/** Runs the expression once on each of its adversarial inputs at `size`; reports the slow ones. */
export interface ScreenJob {
  readonly kind: 'screen';
  readonly sites: readonly { readonly id: number; readonly source: string; readonly flags: string }[];
  readonly seed: number;
  readonly size: number;
  readonly thresholdMs: number;
  /** Stops screening an expression once this many of its inputs were slow. */
  readonly maxSlow: number;
  /** Two Int32 the worker writes before each input: the site's id and the input's index (read when it hangs). */
  readonly cursor: SharedArrayBuffer;
}

/** A size to time, and how many times (the best time counts). */
export interface Size {
  readonly size: number;
  readonly repeats: number;
}

export type PerfResult =
  | { readonly kind: 'timing'; readonly size: number; readonly length: number; readonly ms: number }
  | { readonly kind: 'done'; readonly ms: number; readonly summary: string }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string }
  | { readonly kind: 'screened'; readonly site: number; readonly inputs: number; readonly generated: number; readonly slow: readonly { readonly input: AdversarialInput; readonly ms: number }[] }
  | { readonly kind: 'finished' };

const post = (result: PerfResult) => parentPort!.postMessage(result);

/** The three features the outline and the problems view show, on a fresh service. */
function mainFeatures(text: string): void {
  const service = createLanguageService();
  const document: TranscriptDocument = { uri: 'file:///perf.transcript', version: 1, getText: () => text };
  service.provideDocumentSymbols(document);
  service.provideFoldingRanges(document);
  service.provideDiagnostics(document);
}

/** As the parser uses it: once (`exec`, `test`, `replace`), or every match for a global one. */
function runRegex(regex: RegExp, global: RegExp, text: string): void {
  if (regex.global || regex.sticky) {
    global.lastIndex = 0;
    for (const _ of text.matchAll(global)) void _;
  } else {
    regex.lastIndex = 0;
    regex.exec(text);
  }
}

function time(run: () => void, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

function main(job: PerfJob): void {
  if (job.kind === 'family') {
    const make = FAMILIES[job.family];
    for (const { size, repeats } of job.sizes) {
      const text = make(size);
      post({ kind: 'timing', size, length: text.length, ms: time(() => mainFeatures(text), repeats) });
    }
  } else if (job.kind === 'text') {
    const start = process.hrtime.bigint();
    const summary = everyFeature(job.text);
    post({ kind: 'done', ms: Number(process.hrtime.bigint() - start) / 1e6, summary });
  } else if (job.kind === 'screen') {
    const cursor = new Int32Array(job.cursor);
    for (const site of job.sites) {
      const { inputs, generated } = adversarialInputs(site.source, site.flags, job.seed);
      const slow: { input: AdversarialInput; ms: number }[] = [];
      const regex = new RegExp(site.source, site.flags);
      const global = regex.global ? regex : new RegExp(site.source, `${site.flags}g`);
      for (const [index, input] of inputs.entries()) {
        cursor[0] = site.id;
        cursor[1] = index;
        const text = input.prefix + input.unit.repeat(Math.ceil(job.size / input.unit.length)).slice(0, job.size) + input.suffix;
        const ms = time(() => runRegex(regex, global, text), 1);
        // Timed again before it counts: a garbage collection may have fallen in the first run.
        if (ms > job.thresholdMs && time(() => runRegex(regex, global, text), 2) > job.thresholdMs) slow.push({ input, ms });
        if (slow.length >= job.maxSlow) break;
      }
      post({ kind: 'screened', site: site.id, inputs: inputs.length, generated, slow });
    }
    post({ kind: 'finished' });
  } else {
    for (const { size, repeats } of job.sizes) {
      const input = job.prefix + job.unit.repeat(Math.ceil(size / job.unit.length)).slice(0, size) + job.suffix;
      const regex = new RegExp(job.source, job.flags);
      const global = regex.global ? regex : new RegExp(job.source, `${job.flags}g`);
      post({ kind: 'timing', size, length: input.length, ms: time(() => runRegex(regex, global, input), repeats) });
    }
  }
}

try {
  main(workerData as PerfJob);
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
}
