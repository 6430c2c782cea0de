// Runs mocha inside VS Code's extension host and reports the outcome to the e2e driver
// (test/e2e/run.ts): the spec reporter's output reaches the driver's stdout through the
// workbench, and the counts go to the JSON file named by E2E_RESULTS_FILE.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: string; error?: string }[];
}

/** Runs every `*.e2e.js` file in `dir`; rejects when a test failed or none ran. */
export function runMochaIn(dir: string, suiteName: string): Promise<void> {
  // Each test takes well under a second when things work: 20 s per test lets a broken
  // extension fail every test within the driver's overall time limit.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20000 });
  const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const file of files) mocha.addFile(path.join(dir, file));
  const results: SuiteResults = { suite: suiteName, passed: 0, failed: 0, pending: 0, tests: [] };
  // Written after every test, so the driver has the counts even if VS Code is stopped midway.
  const save = () => { if (process.env.E2E_RESULTS_FILE) writeFileSync(process.env.E2E_RESULTS_FILE, JSON.stringify(results, null, 2)); };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      save();
      if (failures) reject(new Error(`${failures} of ${results.passed + results.failed} tests failed`));
      else if (results.passed === 0) reject(new Error(`no test ran in ${dir} (${files.length} files)`));
      else resolve();
    });
    runner.on('pass', (test) => { results.passed++; results.tests.push({ title: test.fullTitle(), state: 'passed' }); save(); });
    runner.on('fail', (test, error: Error) => {
      results.failed++;
      results.tests.push({ title: test.fullTitle(), state: 'failed', error: error?.message });
      save();
    });
    runner.on('pending', (test) => { results.pending++; results.tests.push({ title: test.fullTitle(), state: 'pending' }); });
  });
}
