#!/usr/bin/env node
'use strict';
// Checks the headless VS Code test setup itself, with the small extensions in selftest/:
//   1. a passing suite through run-tests.js (@vscode/test-electron runTests + code.js)  -> exit 0
//   2. the same suite with a deliberate failure                                          -> exit != 0
//   3. a vscode-languageclient extension + stdio server (document symbols, diagnostics) -> exit 0
//   4. (if nvim is installed) the Neovim LSP check against the same server               -> exit 0
//
//   bash scripts/vscode-server/install.sh && node scripts/vscode-server/selftest.js
// Ends with a line "selftest: N passed, N failed"; exit 0 only when all passed.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const HERE = __dirname;
const ST = path.join(HERE, 'selftest');
const ROOT = path.resolve(HERE, '..', '..');
const results = [];

function run(name, cmd, args, { env = {}, expect = 'pass', cwd } = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: cwd || ROOT, timeout: 10 * 60 * 1000 });
  const code = r.status === null ? `signal ${r.signal}` : r.status;
  const ok = expect === 'pass' ? r.status === 0 : (r.status !== 0 && r.status !== null);
  results.push({ name, ok, code, secs: (Date.now() - t0) / 1000 });
  const expected = expect === 'pass' ? '0' : 'non-zero';
  process.stdout.write(`=== ${name}: exit ${code}, expected ${expected} -> ${ok ? 'OK' : 'WRONG'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-selftest-'));
const shots = path.join(tmp, 'shots');
const common = [
  '--workspace', path.join(ST, 'workspace'), `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`,
];
const runTests = path.join(HERE, 'run-tests.js');

run('dummy extension suite passes', process.execPath,
  [runTests, `--extensionDevelopmentPath=${path.join(ST, 'dummy-ext')}`, `--extensionTestsPath=${path.join(ST, 'dummy-ext', 'test', 'index.js')}`, ...common],
  { env: { VSCODE_E2E_SCREENSHOT_DIR: shots } });
if (!fs.existsSync(path.join(shots, 'selftest-after-command.png'))) {
  results.push({ name: 'screenshot requested from the extension host exists', ok: false, code: '-', secs: 0 });
} else {
  results.push({ name: 'screenshot requested from the extension host exists', ok: true, code: 0, secs: 0 });
}
run('deliberate failure gives a non-zero exit', process.execPath,
  [runTests, `--extensionDevelopmentPath=${path.join(ST, 'dummy-ext')}`, `--extensionTestsPath=${path.join(ST, 'dummy-ext', 'test', 'index.js')}`, ...common],
  { env: { SELFTEST_FAIL: '1' }, expect: 'fail' });
run('language server extension suite passes', process.execPath,
  [runTests, `--extensionDevelopmentPath=${path.join(ST, 'lsp-ext')}`, `--extensionTestsPath=${path.join(ST, 'lsp-ext', 'test', 'index.js')}`, ...common]);

const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
if (nvim) {
  run('neovim LSP check against the same server', 'timeout', ['120', nvim, '--headless', '-u', 'NONE', '-i', 'NONE', '-n',
    '-c', `luafile ${path.join(ROOT, 'scripts', 'neovim', 'lsp-check-example.lua')}`, path.join(ST, 'workspace', 'sample.dummy')], {
    env: {
      LSP_CHECK_CMD: `${process.execPath} ${path.join(ST, 'lsp-ext', 'server.js')} --stdio`,
      LSP_CHECK_FILETYPE: 'dummylang',
      LSP_CHECK_SYMBOL: 'Questions',
      LSP_CHECK_DIAGNOSTIC: 'TODO',
    },
  });
} else {
  process.stdout.write('\n(nvim not installed: Neovim check skipped)\n');
}

fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write('\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (exit ${r.code}, ${r.secs.toFixed(1)} s)\n`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
process.stdout.write(`selftest: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
