import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PerfJob, PerfResult } from './perfWorker';

const WORKER = path.join(__dirname, 'perfWorker.js');

/** What a job reported, or that it ran out of time (and was stopped) or failed. */
export interface JobOutcome {
  readonly results: PerfResult[];
  readonly timedOut?: { readonly afterMs: number; readonly phase: number };
  readonly error?: string;
}

/**
 * Runs a job in a worker thread. `limit(phase, results)` says how long the next message may take
 * (phase 0 is the first); past it, the worker is terminated, which stops even a regular
 * expression in the middle of its backtracking.
 */
export function runJob(job: PerfJob, expected: number | ((results: readonly PerfResult[]) => boolean), limit: (phase: number, results: readonly PerfResult[]) => number): Promise<JobOutcome> {
  const done = typeof expected === 'number' ? (results: readonly PerfResult[]) => results.length >= expected : expected;
  return new Promise((resolve) => {
    const results: PerfResult[] = [];
    const worker = new Worker(WORKER, { workerData: job });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (outcome: JobOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const arm = () => {
      clearTimeout(timer);
      const phase = results.length;
      const ms = limit(phase, results);
      timer = setTimeout(() => finish({ results, timedOut: { afterMs: ms, phase } }), ms);
    };
    worker.on('message', (result: PerfResult) => {
      results.push(result);
      if (result.kind === 'error') finish({ results, error: `${result.message}\n${result.stack ?? ''}` });
      else if (done(results)) finish({ results });
      else arm();
    });
    worker.on('error', (error) => finish({ results, error: error.stack ?? String(error) }));
    worker.on('exit', () => finish({ results, error: done(results) ? undefined : 'the worker exited early' }));
    arm();
  });
}

/** The allowance for the larger size: `ratio` × the smaller one's time × `slack`, plus a fixed margin. */
export function allowance(smallerMs: number, ratio: number, slack: number, floorMs: number, marginMs: number): number {
  return Math.ceil(ratio * slack * Math.max(smallerMs, floorMs) + marginMs);
}
