import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../util/fixtures';
import { checkProperty, recordCases, runsFor } from './support/fuzz';

/**
 * The command line on files it cannot read (issue 8, property 5): each gets one clear line on
 * stderr, the run exits with 2, the other files are still processed, and nothing is written
 * anywhere: not next to the files, not in the working directory, not in TMPDIR.
 */

const CLI = path.join(ROOT, 'dist', 'cli.js');
const GOOD = 'Title of the talk\n\nQuestion: Why?\n\nSergey Lavrov: Because.\n';
const COMMANDS = ['outline', 'check', 'parse', 'stats', 'orgs'];
const isRoot = process.getuid?.() === 0;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A snapshot of a directory tree: every path with its size and modification time. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      entries.push(`${path.relative(dir, full)} ${stat?.size ?? '?'} ${stat?.mtimeMs ?? '?'}`);
      if (stat?.isDirectory() && (stat.mode & 0o500) === 0o500) walk(full);
    }
  };
  walk(dir);
  return entries;
}

describe('fuzz: the command line on files it cannot read', function () {
  this.timeout(60_000);
  let dir: string;
  let cwd: string;
  let tmp: string;
  const files: Record<string, string> = {};

  /** Runs the CLI in an empty working directory with its own empty TMPDIR; checks that both stay empty and `dir` unchanged. */
  function runCli(args: string[], options: { uid?: number; gid?: number; env?: Record<string, string> } = {}): Run {
    const before = snapshot(dir);
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd, encoding: 'utf8', timeout: 30_000, uid: options.uid, gid: options.gid,
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...options.env },
    });
    assert.equal(result.error, undefined, `the CLI did not run: ${result.error}`);
    assert.deepEqual(readdirSync(cwd), [], 'the CLI wrote into its working directory');
    assert.deepEqual(readdirSync(tmp), [], 'the CLI wrote into TMPDIR');
    assert.deepEqual(snapshot(dir), before, 'the CLI changed the directory of the files it read');
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** The stderr lines: exactly one per unreadable file, naming it, and nothing like a stack trace. */
  function assertMessages(run: Run, expected: [file: string, message: RegExp][]): void {
    const lines = run.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, expected.length, `one line per unreadable file, got:\n${run.stderr}`);
    expected.forEach(([file, message], i) => {
      assert.ok(lines[i].startsWith(`transcript: ${file}: `), `line ${i + 1} names ${file}: ${lines[i]}`);
      assert.match(lines[i].slice(`transcript: ${file}: `.length), message);
    });
    assert.doesNotMatch(run.stderr, /^\s+at |Error:|node:internal/m, 'no stack trace');
  }

  /** Both readable files were processed: their outline, check, parse, stats or orgs output is there. */
  function assertGoodFilesProcessed(command: string, run: Run): void {
    if (command === 'check') return; // check prints only diagnostics; the good files have none to print
    for (const file of [files.good1, files.good2]) assert.ok(run.stdout.includes(`== ${file}`), `${command}: the output of ${file} is missing:\n${run.stdout}`);
  }

  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-fuzz-cli-'));
    cwd = mkdtempSync(path.join(tmpdir(), 'transcript-fuzz-cwd-'));
    tmp = mkdtempSync(path.join(tmpdir(), 'transcript-fuzz-tmp-'));
    // Readable by `nobody` too, for the permission case run as root.
    for (const d of [dir, cwd, tmp]) chmodSync(d, 0o777);
    const write = (name: string, content: string | Buffer) => {
      files[name] = path.join(dir, name);
      writeFileSync(files[name], content);
      return files[name];
    };
    write('good1', GOOD);
    write('good2', GOOD.replace('Why?', 'How?'));
    write('empty', '');
    write('binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    write('invalid-utf8', Buffer.concat([Buffer.from('Question: caf'), Buffer.from([0xe9]), Buffer.from(' au lait?\n')]));
    write('truncated-utf8', Buffer.concat([Buffer.from('Question: '), Buffer.from('😀').subarray(0, 2)]));
    write('unreadable', GOOD);
    write('bad-glossary.json', '{"organisations": [{"acronym": 42}');
    write('glossary.yaml', 'organisations:\n  - acronym: OSCE\n    fullName: Organization for Security and Co-operation in Europe\n');
    chmodSync(files.unreadable, 0o000);
    files.directory = path.join(dir, 'a-directory');
    mkdirSync(files.directory);
    files.missing = path.join(dir, 'no-such-file.transcript');
    files['spaces and ünïcode 😀.transcript'] = write('spaces and ünïcode 😀.transcript', GOOD);
  });

  after(function () {
    for (const d of [dir, cwd, tmp]) rmSync(d, { recursive: true, force: true });
  });

  const unreadable: [name: string, message: RegExp][] = [
    ['missing', /^no such file$/],
    ['directory', /^is a directory/],
    ['binary', /binary/],
    ['invalid-utf8', /not valid UTF-8/],
    ['truncated-utf8', /not valid UTF-8/],
  ];

  for (const [name, message] of unreadable) {
    it(`${name}: one message, exit 2, the other files processed, nothing written`, function () {
      const run = runCli(['outline', files.good1, files[name], files.good2]);
      assert.equal(run.code, 2, 'exit code');
      assertMessages(run, [[files[name], message]]);
      assertGoodFilesProcessed('outline', run);
    });
  }

  it('all the unreadable files at once, with every command', function () {
    for (const command of COMMANDS) {
      const run = runCli([command, files.good1, ...unreadable.map(([name]) => files[name]), files.good2]);
      assert.equal(run.code, 2, `${command}: exit code`);
      assertMessages(run, unreadable.map(([name, message]) => [files[name], message]));
      assertGoodFilesProcessed(command, run);
    }
  });

  it('all the unreadable files at once, in text and JSON, in the main thread and in worker threads', function () {
    const bad = unreadable.map(([name]) => files[name]);
    for (const workers of ['0', '2']) {
      for (const format of ['text', 'json']) {
        const run = runCli(['outline', '--format', format, files.good1, ...bad, files.good2], { env: { TRANSCRIPT_WORKERS: workers } });
        assert.equal(run.code, 2);
        assertMessages(run, unreadable.map(([name, message]) => [files[name], message]));
        if (format === 'json') assert.deepEqual(JSON.parse(run.stdout).map((r: { file: string }) => r.file), [files.good1, files.good2]);
        else assertGoodFilesProcessed('outline', run);
      }
    }
  });

  it('an empty file is an empty transcript, not an error', function () {
    for (const command of COMMANDS) {
      const run = runCli([command, files.empty]);
      assert.equal(run.code, 0, `${command}: ${run.stderr}`);
      assert.equal(run.stderr, '');
    }
  });

  it('a file name with spaces, accents and emoji', function () {
    const run = runCli(['outline', files['spaces and ünïcode 😀.transcript']]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Q1 · Why\?/);
  });

  it('a file without read permission (run as `nobody` when the tests run as root, who may read anything)', function () {
    let asUser: { uid?: number; gid?: number } = {};
    if (isRoot) {
      // chmod 000 does not stop root. Check that, then run the CLI as nobody, whom it does stop.
      assert.equal(readFileSync(files.unreadable, 'utf8'), GOOD, 'root could not read a file with mode 000');
      const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
      if (nobody.status !== 0) {
        process.stdout.write('      (skipped: running as root, and there is no `nobody` user to run the CLI as)\n');
        this.skip();
      }
      const uid = Number(nobody.stdout.trim());
      asUser = { uid, gid: Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim()) };
      const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(files.unreadable)})`], { uid, gid: asUser.gid });
      assert.notEqual(probe.status, 0, 'nobody could read a file with mode 000');
    }
    for (const command of ['outline', 'check']) {
      const run = runCli([command, files.good1, files.unreadable, files.good2], asUser);
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assertMessages(run, [[files.unreadable, /^permission denied$/]]);
      assertGoodFilesProcessed(command, run);
    }
  });

  it('a file the system cannot read (/proc/self/mem: EIO)', function () {
    if (!statSync('/proc/self/mem', { throwIfNoEntry: false })) this.skip();
    const run = runCli(['outline', files.good1, '/proc/self/mem', files.good2]);
    assert.equal(run.code, 2);
    assertMessages(run, [['/proc/self/mem', /^cannot be read \(EIO\)$/]]);
    assertGoodFilesProcessed('outline', run);
  });

  it('a file that changes while it is read: a FIFO written in pieces, cut in the middle of a character', async function () {
    const fifo = path.join(cwd, '..', `transcript-fuzz-fifo-${process.pid}`);
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    try {
      for (const [pieces, code, message] of [
        [['Question: Wh', 'y?\n', '\nSergey Lavrov: Because.\n'], 0, undefined],
        [['Question: ', Buffer.from('😀').subarray(0, 3)], 2, /not valid UTF-8/],
      ] as [(string | Buffer)[], number, RegExp | undefined][]) {
        const child = spawn(process.execPath, [CLI, 'outline', files.good1, fifo], { cwd, env: { ...process.env, TMPDIR: tmp } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        // Opening for writing waits for the CLI to open it for reading; each piece is written on its own.
        const writer = await open(fifo, 'w');
        for (const piece of pieces) await (typeof piece === 'string' ? writer.write(piece) : writer.write(piece));
        await writer.close();
        assert.equal(await exited, code, stderr);
        assert.match(stdout, new RegExp(`== ${files.good1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        if (message) assertMessages({ code, stdout, stderr }, [[fifo, message]]);
        else assert.match(stdout, /Q1 · Why\?/);
      }
    } finally {
      rmSync(fifo, { force: true });
    }
  });

  it('any arguments: exit code 0, 1 or 2, never a stack trace (property)', function () {
    const weight = 0.04;
    this.timeout(Math.max(60_000, runsFor(weight) * 2000));
    const args = fc.array(fc.oneof(
      fc.constantFrom(...COMMANDS, 'nonsense', '--format', '--format=json', '--format=xml', 'json', 'text', '--glossary', '--help', '-h', '--', '-', '--unknown', ''),
      fc.constantFrom('good1', 'missing', 'directory', 'binary', 'invalid-utf8', 'empty', 'bad-glossary.json', 'glossary.yaml').map((name) => `@${name}`),
    ), { maxLength: 6 });
    recordCases(checkProperty('cli arguments', fc.property(args, (list) => {
      const argv = list.map((a) => (a.startsWith('@') ? files[a.slice(1)] : a));
      const run = runCli(argv);
      assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit code ${run.code} for ${JSON.stringify(argv)}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /^\s+at |node:internal/m, `a stack trace for ${JSON.stringify(argv)}:\n${run.stderr}`);
    }), weight));
  });
});
