import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// At run time this file is out/test/grammar/grammar.test.js: the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const TESTS_DIR = path.join(ROOT, 'test', 'grammar');
const PATTERN = 'test/grammar/*.test.transcript';

/** The JS entry point of `vscode-tmgrammar-test`, from its package.json `bin`. */
function toolEntryPoint(): string {
  const manifestPath = require.resolve('vscode-tmgrammar-test/package.json', { paths: [ROOT] });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifestPath), manifest.bin['vscode-tmgrammar-test']);
}

/** An assertion line: the comment token from the header, then `^` or `<-` (see the tool's README). */
function assertionLines(file: string): number {
  const [header, ...rest] = readFileSync(path.join(TESTS_DIR, file), 'utf8').split(/\r?\n/);
  const token = /^(\S+)\s+SYNTAX\s+TEST\s+"text\.transcript"/.exec(header)?.[1];
  assert.ok(token, `${file}: the first line must be <token> SYNTAX TEST "text.transcript" "…"`);
  return rest.filter((line) => line.startsWith(token) && /^\s*(\^|<~*-+)/.test(line.slice(token.length))).length;
}

describe('grammar: syntaxes/transcript.tmLanguage.json', function () {
  this.timeout(60000);

  const files = readdirSync(TESTS_DIR).filter((f) => f.endsWith('.test.transcript')).sort();

  it('has grammar test files, each with assertions', () => {
    assert.ok(files.length > 0, `no ${PATTERN} files`);
    for (const file of files) assert.ok(assertionLines(file) > 0, `${file} has no assertion lines`);
  });

  it('is what syntaxes/build-grammar.mjs generates', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'syntaxes', 'build-grammar.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
  });

  it('passes vscode-tmgrammar-test on test/grammar/*.test.transcript', () => {
    // The tool reads the grammar from package.json's contributes.grammars, relative to cwd.
    // No YAML grammar is installed, so it warns `grammar not found for "source.yaml"` and the
    // front matter tests check the fences and the embedded scope only.
    const result = spawnSync(process.execPath, [toolEntryPoint(), PATTERN], { cwd: ROOT, encoding: 'utf8' });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    assert.equal(result.status, 0, `vscode-tmgrammar-test exited with ${result.status}:\n${output}`);
    for (const file of files) assert.match(output, new RegExp(`${file.replace(/\./g, '\\.')} run successfuly`), output);
  });
});
