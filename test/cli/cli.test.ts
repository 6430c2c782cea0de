import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../util/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = path.join(ROOT, 'samples', 'seed.transcript');

function run(...args: string[]) {
  return runWithStdin('', ...args);
}

function runWithStdin(input: string | Buffer, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: transcript', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-cli-'));

  it('prints the outline of the seed as an indented tree', () => {
    const { code, stdout } = run('outline', SEED);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[1], /^Opening remarks · Ladies and gentlemen,/);
    assert.match(lines[2], /^Q1 · What areas will you focus on this year, and will…  — Question  \(line 18\)$/);
    assert.match(lines[3], /^ {2}Sergey Lavrov · We have just signed a schedule for consultations between…  — \d+ words  \(line 19\)$/);
    assert.equal(lines.filter((l) => /^Q\d/.test(l)).length, 4);
  });

  it('prints LSP DocumentSymbol[] with --format json', () => {
    const { code, stdout } = run('outline', '--format', 'json', SEED);
    assert.equal(code, 0);
    const symbols = JSON.parse(stdout);
    assert.equal(symbols[2].name.slice(0, 4), 'Q1 ·');
    assert.deepEqual(symbols[2].selectionRange.start, { line: 17, character: 0 });
  });

  it('prints the model’s turns with speaker, role and range', () => {
    const { code, stdout } = run('parse', '--format=json', SEED);
    assert.equal(code, 0);
    const model = JSON.parse(stdout);
    assert.deepEqual(model.turns.map((t: { speaker: string; role: string }) => [t.speaker, t.role]).slice(0, 3), [[null, 'statement'], ['Question', 'question'], ['Sergey Lavrov', 'answer']]);
    assert.deepEqual(model.turns[1].range, { start: { line: 17, character: 0 }, end: { line: 17, character: 136 } });
    assert.equal(run('parse', SEED).stdout.split('\n')[1], 'speakers: Sergey Lavrov (4)');
  });

  it('check prints the seed’s ten truncated sentences with exit 1, and exits 0 on a clean file', () => {
    const seed = run('check', SEED);
    assert.equal(seed.code, 1);
    const incomplete = seed.stdout.split('\n').filter((l) => l.includes(' warning incomplete-sentence '));
    assert.deepEqual(incomplete.map((l) => Number(l.split(':')[1])), [3, 4, 9, 10, 11, 12, 14, 15, 16, 17]);
    assert.match(incomplete[0], /^.*seed\.transcript:3:40 warning incomplete-sentence Incomplete sentence: it stops at “from”/);
    const clean = path.join(dir, 'clean.transcript');
    writeFileSync(clean, 'Question: Why?\n\nSergey Lavrov: Because.\n');
    assert.deepEqual(run('check', clean), { code: 0, stdout: '', stderr: '' });
  });

  it('check exits 1 when an error is found, in file:line:col form', () => {
    const broken = path.join(dir, 'broken.transcript');
    writeFileSync(broken, '---\ntitle: [unclosed\n---\nQuestion: Why?\n');
    const { code, stdout } = run('check', broken);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+ error front-matter Front matter: `));
    const json = JSON.parse(run('check', '--format', 'json', broken, SEED).stdout);
    assert.deepEqual(json.map((r: { file: string }) => r.file), [broken, SEED]);
    assert.equal(json[0].diagnostics[0].range.start.line, 1);
  });

  it('reports a missing file, a directory and a binary file on stderr with exit 2, and goes on with the others', () => {
    const binary = path.join(dir, 'junk.transcript');
    writeFileSync(binary, Buffer.from([0x51, 0x3a, 0x00, 0xff, 0xfe, 0x00]));
    const latin1 = path.join(dir, 'latin1.transcript');
    writeFileSync(latin1, Buffer.from('Question: Caf\xe9?', 'latin1'));
    const utf16Binary = path.join(dir, 'junk16.transcript');
    writeFileSync(utf16Binary, Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x51, 0x00]));
    const halfUtf16 = path.join(dir, 'half16.transcript');
    writeFileSync(halfUtf16, Buffer.from([0xff, 0xfe, 0x51, 0x00, 0x3a]));
    const { code, stdout, stderr } = run('outline', path.join(dir, 'missing.transcript'), dir, binary, latin1, utf16Binary, halfUtf16, SEED);
    assert.equal(code, 2);
    const messages = stderr.trimEnd().split('\n');
    assert.deepEqual(messages, [
      `transcript: ${path.join(dir, 'missing.transcript')}: no such file`,
      `transcript: ${dir}: is a directory, not a transcript file`,
      `transcript: ${binary}: looks like a binary file (it contains NUL bytes), not text`,
      `transcript: ${latin1}: is not valid UTF-8 text`,
      `transcript: ${utf16Binary}: looks like a binary file (it contains NUL bytes), not text`,
      `transcript: ${halfUtf16}: is not valid UTF-16LE text`,
    ]);
    assert.match(stdout, /Q4 · Russia has recently published/);
  });

  it('explains its usage on a bad command or option, with exit 2', () => {
    assert.equal(run().code, 2);
    assert.match(run('frobnicate', SEED).stderr, /unknown command frobnicate/);
    assert.match(run('outline', '--format', 'xml', SEED).stderr, /--format must be text or json/);
    assert.equal(run('--help').code, 0);
  });

  it('names the option parseArgs rejects, with exit 2', () => {
    const unknown = run('outline', '--frobnicate', SEED);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^transcript: Unknown option '--frobnicate'/);
    assert.match(run('outline', '-x', SEED).stderr, /^transcript: Unknown option '-x'/);
    const missing = run('outline', SEED, '--format');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^transcript: Option '--format <value>' argument missing/);
    assert.match(run('outline', '--format', '--glossary', SEED).stderr, /^transcript: Option '--format' argument is ambiguous/);
  });

  it('prints the package’s version with --version or -v', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(run('--version'), { code: 0, stdout: `${version}\n`, stderr: '' });
    assert.deepEqual(run('outline', '-v'), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('reads standard input for a FILE of -, once however often it is named, as <stdin>', () => {
    const seed = readFileSync(SEED);
    const check = runWithStdin(seed, 'check', '-');
    assert.equal(check.code, 1);
    assert.match(check.stdout, /^<stdin>:3:40 warning incomplete-sentence Incomplete sentence: it stops at “from”/);
    const outline = run('outline', SEED).stdout;
    assert.equal(runWithStdin(seed, 'outline', '-', '-').stdout, `== <stdin>\n${outline}== <stdin>\n${outline}`);
    assert.equal(JSON.parse(runWithStdin(seed, 'check', '--format', 'json', '-').stdout)[0].file, '<stdin>');
    assert.deepEqual(runWithStdin(Buffer.from([0x51, 0x00]), 'outline', '-'), { code: 2, stdout: '', stderr: 'transcript: <stdin>: looks like a binary file (it contains NUL bytes), not text\n' });
    const transcript = path.join(dir, 'caps.transcript');
    writeFileSync(transcript, 'Question: What about CAPS?\n');
    const glossary = 'organisations:\n  - acronyms: [CAPS]\n    fullName: Central Asian Policy Studies\n    description: A think tank.\n';
    assert.equal(runWithStdin(glossary, 'orgs', '--glossary', '-', transcript).stdout, '1  CAPS  Central Asian Policy Studies\n');
  });

  it('prints nothing for the outline of an empty file', () => {
    const empty = path.join(dir, 'empty.transcript');
    writeFileSync(empty, '');
    assert.deepEqual(run('outline', empty), { code: 0, stdout: '', stderr: '' });
  });

  it('reads UTF-16 with a byte-order mark, little- or big-endian, and UTF-8 with one, as their UTF-8 copy', function () {
    // Eight runs of the CLI, each loading the glossary: more than the default allows on a busy machine.
    this.timeout(60_000);
    const text = readFileSync(SEED, 'utf8');
    const utf16le = Buffer.from(`\ufeff${text}`, 'utf16le');
    const copies = { utf16le, utf16be: Buffer.from(utf16le).swap16(), utf8: Buffer.from(`\ufeff${text}`) };
    const outline = run('outline', SEED).stdout;
    const firstProblem = run('check', SEED).stdout.split('\n')[0].replace(SEED, '');
    for (const [encoding, bytes] of Object.entries(copies)) {
      const copy = path.join(dir, `seed-${encoding}.transcript`);
      writeFileSync(copy, bytes);
      assert.deepEqual(run('outline', copy), { code: 0, stdout: outline, stderr: '' }, encoding);
      assert.equal(run('check', copy).stdout.split('\n')[0].replace(copy, ''), firstProblem, encoding);
    }
  });
});

describe('cli: several files in worker threads', () => {
  it('gives the same output, in the files’ order, with workers as without', () => {
    const files = [SEED, path.join(ROOT, 'samples', 'seed-marked-up.transcript'), SEED, '-'];
    const run = (workers: string) => spawnSync(process.execPath, [CLI, 'check', ...files], { encoding: 'utf8', input: readFileSync(SEED), env: { ...process.env, TRANSCRIPT_WORKERS: workers } });
    const sequential = run('0');
    const threaded = run('2');
    assert.equal(threaded.status, 1);
    assert.equal(threaded.stdout, sequential.stdout);
    assert.equal(threaded.stdout.split('\n').filter((l) => l.includes('seed.transcript:3:40')).length, 2);
    assert.equal(threaded.stdout.split('\n').filter((l) => l.startsWith('<stdin>:3:40')).length, 1);
  });

  it('reads more files than threads, this thread among them, with the same output, messages and exit code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'transcript-cli-threads-'));
    const marked = path.join(ROOT, 'samples', 'seed-marked-up.transcript');
    const files = [SEED, marked, path.join(dir, 'missing.transcript'), SEED, dir, marked, SEED, marked];
    const run = (threads: string) => spawnSync(process.execPath, [CLI, 'check', ...files], { encoding: 'utf8', env: { ...process.env, TRANSCRIPT_WORKERS: threads } });
    const sequential = run('0');
    for (const threads of ['2', '3']) {
      const threaded = run(threads);
      assert.equal(threaded.status, 2, threads);
      assert.equal(threaded.stdout, sequential.stdout, threads);
      assert.equal(threaded.stderr, sequential.stderr, threads);
    }
    assert.match(sequential.stderr, /missing\.transcript: no such file\n.*is a directory/);
    assert.equal(sequential.stdout.split('\n').filter((l) => l.includes('seed.transcript:3:40')).length, 3);
  });
});
