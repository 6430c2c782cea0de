// The end-to-end driver: `npm run test:e2e` (all of it), `npm run test:neovim`,
// `npm run test:vscode`, `npm run screenshots`. Runs on the compiled tree (out/), after
// `npm run pretest` has built dist/ and out/.
//
//   node out/test/e2e/run.js [neovim] [package] [vscode] [vsix] [screenshots]
//
//   neovim       test/neovim/*.e2e-node.ts: headless Neovim 0.7+ as the LSP client (plain Node mocha)
//   package      test/e2e/package.e2e-node.ts: `npm run package` and the .vsix's contents
//   vscode       test/e2e/suite/*.e2e.ts in a real VS Code (scripts/vscode-server), this working tree as
//                the extension under development
//   vsix         test/e2e/vsix/*.e2e.ts in a real VS Code with the .vsix from `package` installed
//                (implies package)
//   screenshots  the README's pictures into docs/images/ (not part of the default run)
//
// Default: neovim package vscode vsix. Ends with the plain line "N passed, N failed" and exits 1
// when a test failed or an editor could not start: a part that cannot run counts as a failure.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { SuiteResults } from './mochaInHost';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'out', 'test');
const RUN_TESTS = path.join(ROOT, 'scripts', 'vscode-server', 'run-tests.js');
const PARTS = ['neovim', 'package', 'vscode', 'vsix', 'screenshots'] as const;
type Part = (typeof PARTS)[number];

interface Outcome { part: string; passed: number; failed: number; seconds: number; note?: string }
const outcomes: Outcome[] = [];

function log(message: string): void {
  process.stdout.write(`\n[e2e] ${message}\n`);
}

/** Runs plain-Node mocha files in this process. */
function runNodeMocha(part: string, files: string[]): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ reporter: 'spec', timeout: 120000, color: false });
  files.forEach((f) => mocha.addFile(f));
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0 } = runner.stats ?? {};
      outcomes.push({ part, passed: passes, failed: failures, seconds: (Date.now() - started) / 1000 });
      if (passes + failures === 0) outcomes.push({ part, passed: 0, failed: 1, seconds: 0, note: 'no test ran' });
      resolve();
    });
  });
}

function spawnInherit(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (error) => { process.stderr.write(`[e2e] cannot start ${command}: ${error.message}\n`); resolve(127); });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs an extension-host suite in a real VS Code through scripts/vscode-server/run-tests.js
 * (@vscode/test-electron's runTests with the headless VS Code server). The workspace is a fresh
 * copy of samples/, so the tests never touch the project's files.
 */
async function runVsCode(part: string, options: {
  tests: string; developmentPath?: string; install?: string; screenshotDir?: string; settings?: Record<string, unknown>; work: string;
}): Promise<Outcome> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(options.work, `${part.replace(/\W+/g, '-')}-`));
  const workspace = path.join(dir, 'samples');
  cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  if (options.settings) {
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    const { DEFAULT_SETTINGS } = require(path.join(ROOT, 'scripts', 'vscode-server', 'lib', 'vscode-server.js'));
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2));
  }
  const resultsFile = path.join(dir, 'results.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_RESULTS_FILE: resultsFile,
    E2E_EXTENSIONS_DIR: extensions,
    VSCODE_E2E_TIMEOUT_MS: process.env.VSCODE_E2E_TIMEOUT_MS || '240000',
    VSCODE_E2E_LOGS_DIR: path.join(dir, 'logs'),
    VSCODE_E2E_SCREENSHOT_DIR: options.screenshotDir ?? path.join(dir, 'screenshots'),
  };
  const args = [
    RUN_TESTS,
    `--extensionDevelopmentPath=${options.developmentPath ?? ROOT}`,
    `--extensionTestsPath=${options.tests}`,
    `--workspace=${workspace}`,
    `--user-data-dir=${userData}`,
    `--extensions-dir=${extensions}`,
    ...(options.install ? [`--install-extension=${options.install}`] : []),
  ];
  log(`${part}: node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`);
  const code = await spawnInherit(process.execPath, args, env);
  const seconds = (Date.now() - started) / 1000;
  let results: SuiteResults | undefined;
  try { results = JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { /* the suite never ran */ }
  let outcome: Outcome;
  if (!results) {
    outcome = { part, passed: 0, failed: 1, seconds, note: `VS Code did not run the suite (exit ${code}); logs in ${dir}` };
  } else if (code === 124) {
    outcome = { part, passed: results.passed, failed: results.failed + 1, seconds, note: `VS Code was stopped at its time limit after ${results.passed + results.failed} tests; logs in ${dir}` };
  } else if (code !== 0 && results.failed === 0) {
    outcome = { part, passed: results.passed, failed: 1, seconds, note: `VS Code exited with ${code} although no test failed; logs in ${dir}` };
  } else {
    outcome = { part, passed: results.passed, failed: results.failed, seconds, note: results.failed ? `logs and final.png in ${dir}` : undefined };
  }
  if (!outcome.failed && !options.screenshotDir) rmSync(dir, { recursive: true, force: true });
  outcomes.push(outcome);
  return outcome;
}

async function takeScreenshots(work: string): Promise<void> {
  const shots = path.join(work, 'screenshots');
  await runVsCode('screenshots', {
    tests: path.join(OUT, 'e2e', 'screenshots', 'index.js'),
    screenshotDir: shots,
    work,
    // The workbench's look only: no `editor.*` and no `transcript.*` setting, so the pictures show
    // the extension's own defaults (its `transcript.*` settings and the `[transcript]` editor
    // defaults of package.json), which test/e2e/screenshots checks before taking them.
    settings: {
      'git.enabled': false,
      'workbench.colorTheme': 'Default Light Modern',
      'outline.collapseItems': 'alwaysExpand',
    },
  });
  const target = path.join(ROOT, 'docs', 'images');
  mkdirSync(target, { recursive: true });
  const wanted = ['outline.png', 'problems.png', 'hover.png', 'media.png'];
  for (const name of wanted) {
    const file = path.join(shots, name);
    if (!existsSync(file)) {
      outcomes.push({ part: 'screenshots', passed: 0, failed: 1, seconds: 0, note: `${name} was not taken` });
      continue;
    }
    copyFileSync(file, path.join(target, name));
    log(`docs/images/${name}`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const requested = process.argv.slice(2);
  for (const p of requested) if (!PARTS.includes(p as Part)) throw new Error(`unknown part ${p}; choose from ${PARTS.join(', ')}`);
  const parts = new Set<Part>(requested.length ? (requested as Part[]) : ['neovim', 'package', 'vscode', 'vsix']);
  if (parts.has('vsix')) parts.add('package');
  const work = mkdtempSync(path.join(tmpdir(), 'transcript-e2e-'));
  const vsix = path.join(work, 'transcript-markup.vsix');

  if (parts.has('neovim')) {
    log('Neovim: headless nvim with check.lua');
    const dir = path.join(OUT, 'neovim');
    await runNodeMocha('Neovim', readdirSync(dir).filter((f) => f.endsWith('.e2e-node.js')).map((f) => path.join(dir, f)));
  }
  if (parts.has('package')) {
    log('Packaging: npm run package');
    process.env.E2E_VSIX = vsix;
    await runNodeMocha('package', [path.join(OUT, 'e2e', 'package.e2e-node.js')]);
  }
  if (parts.has('vscode')) {
    await runVsCode('VS Code', { tests: path.join(OUT, 'e2e', 'suite', 'index.js'), work });
  }
  if (parts.has('vsix')) {
    if (!existsSync(vsix)) outcomes.push({ part: 'VS Code (.vsix)', passed: 0, failed: 1, seconds: 0, note: 'no .vsix to install: packaging failed' });
    else await runVsCode('VS Code (.vsix)', { tests: path.join(OUT, 'e2e', 'vsix', 'index.js'), developmentPath: path.join(ROOT, 'test', 'e2e', 'vsix-host'), install: vsix, work });
  }
  if (parts.has('screenshots')) await takeScreenshots(work);

  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  log('summary');
  for (const o of outcomes) {
    process.stdout.write(`  ${o.failed ? 'FAIL' : 'ok  '} ${o.part}: ${o.passed} passed, ${o.failed} failed (${o.seconds.toFixed(1)} s)${o.note ? ` - ${o.note}` : ''}\n`);
  }
  process.stdout.write(`  total ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (!failed) rmSync(work, { recursive: true, force: true });
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed || !passed ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`[e2e] ${error?.stack ?? error}\n`);
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(1);
});
