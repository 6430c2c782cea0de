// Neovim as an LSP client of the bundled server: runs test/neovim/check.lua in headless Neovim
// (Debian's 0.7.2) and checks what it saw. Plain Node mocha, run by test/e2e/run.ts
// (`npm run test:neovim`), not by `npm test`: machines without nvim run the unit suite only.
// Without nvim this suite fails; it never passes by skipping.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHECK = path.join(ROOT, 'test', 'neovim', 'check.lua');
const SEED = path.join(ROOT, 'samples', 'seed.transcript');
const NVIM = process.env.NVIM_PATH || 'nvim';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run { status: number | null; stdout: string; stderr: string; json: Record<string, unknown> | undefined }

function runCheck(file: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${CHECK}`, file], {
    cwd: ROOT, encoding: 'utf8', timeout: 120000, env: { ...process.env, ...env },
  });
  if (result.error) throw new Error(`cannot run ${NVIM}: ${result.error.message}. Install it: bash scripts/neovim/install.sh`);
  const jsonLine = result.stdout.split('\n').find((line) => line.startsWith('check: json '));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: jsonLine ? JSON.parse(jsonLine.slice('check: json '.length)) : undefined };
}

describe('Neovim: the built-in LSP client on samples/seed.transcript', function () {
  this.timeout(120000);
  let seed: Run;

  before(() => {
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`Neovim (${NVIM}) cannot start: ${version.error?.message ?? version.stderr}. Install it: bash scripts/neovim/install.sh`);
    }
    seed = runCheck(SEED);
    process.stdout.write(seed.stdout.split('\n').filter((l) => l && !l.startsWith('check: json')).map((l) => `      ${l}\n`).join(''));
  });

  it('runs check.lua to the end: exit 0, PASS', () => {
    assert.equal(seed.status, 0, `nvim exited with ${seed.status}\n${seed.stdout}\n${seed.stderr}`);
    assert.match(seed.stdout, /^check: PASS$/m);
    assert.match(String(seed.json?.nvim), /^0\.([7-9]|\d\d)\.|^[1-9]\./, 'Neovim 0.7 or later');
    assert.deepEqual(seed.json?.server, { name: 'transcript-language-server', version: '0.1.0' });
  });

  it('textDocument/documentSymbol gives the numbered questions', () => {
    assert.deepEqual(seed.json?.questions, [
      ['Q1 · What areas will you focus on this year, and will…', 17],
      ['Q2 · The Soros Foundations in Central Asia decided to change…', 20],
      ['Q3 · How are the countries developing their transit and…', 26],
      ['Q4 · Russia has recently published its new Foreign Policy…', 33],
    ]);
  });

  it('textDocument/publishDiagnostics lists the truncated sentences, and vim.diagnostic has them', () => {
    assert.deepEqual(seed.json?.incomplete, [3, 4, 9, 10, 11, 12, 14, 15, 16, 17]);
    assert.equal(seed.json?.vim_diagnostic, 10);
  });

  it('textDocument/hover on CSTO gives its card in Markdown', () => {
    assert.equal(seed.json?.hover_kind, 'markdown');
    assert.match(String(seed.json?.hover), /^\*\*Collective Security Treaty Organization\*\* \(CSTO\)/);
  });

  it('the README’s Neovim 0.7 configuration (test/neovim/init-0.7.lua) serves every .transcript buffer from one client', () => {
    const init = readFileSync(path.join(ROOT, 'test', 'neovim', 'init-0.7.lua'), 'utf8');
    assert.ok(readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(init), 'README.md quotes test/neovim/init-0.7.lua as it is');
    const dir = mkdtempSync(path.join(tmpdir(), 'transcript-nvim-init-'));
    try {
      // `transcript-language-server` on PATH as the README puts it there: `npm install -g .` from
      // the clone, here into a prefix of its own.
      const prefix = path.join(dir, 'prefix');
      const install = spawnSync(NPM, ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', ROOT], { encoding: 'utf8', timeout: 60000 });
      assert.equal(install.status, 0, `npm install -g failed:\n${install.stdout}\n${install.stderr}`);
      const bin = path.join(prefix, 'bin', 'transcript-language-server');
      const [first, second] = ['a.transcript', 'b.transcript'].map((name) => path.join(dir, name));
      copyFileSync(SEED, first);
      copyFileSync(SEED, second);
      const result = spawnSync(NVIM, ['--headless', '-u', path.join(ROOT, 'test', 'neovim', 'init-0.7.lua'), '-i', 'NONE', '-n',
        '-c', `luafile ${path.join(ROOT, 'test', 'neovim', 'init-check.lua')}`, first], {
        cwd: dir, encoding: 'utf8', timeout: 60000,
        env: { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`, INIT_CHECK_SECOND: second },
      });
      const line = result.stdout.split('\n').find((l) => l.startsWith('init-check: json '));
      assert.ok(line, `no report from init-check.lua (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
      const report = JSON.parse(line.slice('init-check: json '.length));
      assert.equal(result.status, 0, JSON.stringify(report));
      for (const buffer of [report.first, report.second]) {
        assert.equal(buffer.filetype, 'transcript');
        assert.ok(buffer.diagnostics >= 10, `${buffer.diagnostics} diagnostics`);
        assert.equal(buffer.clients, 1);
      }
      assert.equal(report.all_clients, 1, 'one server for both buffers');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the README’s Neovim 0.7 configuration, with no server on PATH, warns and raises no Lua error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transcript-nvim-noserver-'));
    try {
      const file = path.join(dir, 'a.transcript');
      copyFileSync(SEED, file);
      const nvimDir = path.dirname(spawnSync('sh', ['-c', `command -v ${NVIM}`], { encoding: 'utf8' }).stdout.trim());
      const result = spawnSync(NVIM, ['--headless', '-u', path.join(ROOT, 'test', 'neovim', 'init-0.7.lua'), '-i', 'NONE', '-n', '-c', 'qall!', file], {
        cwd: dir, encoding: 'utf8', timeout: 60000,
        env: { ...process.env, PATH: [nvimDir, '/usr/bin', '/bin'].join(path.delimiter) },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      assert.match(output, /Spawning language server with cmd: `transcript-language-server` failed/, 'the server is not on PATH here');
      assert.match(output, /Transcript Markup: transcript-language-server did not start; is it on your PATH\?/);
      assert.doesNotMatch(output, /Error executing lua|stack traceback/, output);
      assert.equal(result.status, 0, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('check.lua fails loudly', () => {
    let dir: string;
    before(() => { dir = mkdtempSync(path.join(tmpdir(), 'transcript-nvim-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('on a transcript whose outline is not the seed’s: exit 1', () => {
      const file = path.join(dir, 'other.transcript');
      writeFileSync(file, 'Question: Is this the seed?\nSergey Lavrov: No, it is not.\n');
      const run = runCheck(file);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^check: FAIL: .*questions: expected/m);
    });

    it('when the server cannot start: exit 1, not a pass', () => {
      const run = runCheck(SEED, { TRANSCRIPT_LSP_CMD: `node ${path.join(dir, 'no-such-server.js')} --stdio`, CHECK_TIMEOUT_MS: '3000' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^check: FAIL: .*did not initialize/m);
    });
  });
});
