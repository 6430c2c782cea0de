import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runImport } from '../../server/src/importCli';
import { ROOT } from '../util/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, 'import', ...args], { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: transcript import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-import-'));

  it('writes FILE.transcript next to the file, says what it wrote, and leaves an existing one alone without --force', () => {
    const vtt = path.join(dir, 'episode.vtt');
    copyFileSync(path.join(FIXTURES, 'podcast-namespace-example.vtt'), vtt);
    const out = path.join(dir, 'episode.transcript');
    const first = run([vtt]);
    assert.deepEqual([first.code, first.stdout], [0, '']);
    assert.equal(first.stderr, `transcript: wrote ${out} (7 cues, 2 speakers, from webvtt)\n`);
    assert.match(readFileSync(out, 'utf8'), /^---\nsource: episode\.vtt\n[^]*\[00:00:19\.080\] Gillian: Hi Buzzsprout/);

    writeFileSync(out, 'my edits\n');
    const again = run([vtt]);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, `transcript: ${out} exists: --force overwrites it\n`);
    assert.equal(readFileSync(out, 'utf8'), 'my edits\n');
    assert.equal(run([vtt, '--force']).code, 0);
    assert.match(readFileSync(out, 'utf8'), /Gillian/);
  });

  it('writes to -o OUT, or to standard output with -o -, and reads standard input with --from', () => {
    const out = path.join(dir, 'call.transcript');
    assert.equal(run([path.join(FIXTURES, 'whisperx-french-call.json'), '-o', out]).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^---\nlanguage: en\nsource: whisperx-french-call\.json\n/);
    const piped = run(['-', '--from', 'srt'], readFileSync(path.join(FIXTURES, 'whisperx-french-call.srt'), 'utf8'));
    assert.equal(piped.code, 0);
    assert.match(piped.stdout, /^---\nspeakers:\n {2}- SPEAKER_02\n[^]*\[00:00:06\.578\] SPEAKER_02: Bonjour\.\n/);
    assert.equal(piped.stderr, '');
  });

  it('refuses a malformed file with one message at its line and column, exit 2, and no output file', () => {
    const broken = path.join(dir, 'broken.vtt');
    writeFileSync(broken, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n00:00:03.000 -> 00:00:04.000\nLost.\n');
    const result = run([broken]);
    const message = 'Expected a cue\'s times (00:00:01.000 --> 00:00:04.500) on this line or the next.';
    assert.deepEqual(result, { code: 2, stdout: '', stderr: `transcript: ${broken}:6: ${message}\n` });
    assert.equal(existsSync(path.join(dir, 'broken.transcript')), false);
    const json = path.join(dir, 'broken.json');
    writeFileSync(json, '{"segments": [\n  {"start": 1, "text": "a",}\n]}\n');
    assert.equal(run([json]).stderr, `transcript: ${json}:2:28: Not valid JSON: expected a property name in double quotes.\n`);
    assert.equal(existsSync(path.join(dir, 'broken.transcript')), false);
  });

  it('explains its usage, and refuses a missing file, an unknown format and a second FILE with exit 2', () => {
    assert.equal(run(['--help']).code, 0);
    assert.match(run([]).stderr, /^transcript import: needs a FILE\nUsage: transcript import FILE/);
    assert.equal(run([path.join(dir, 'none.vtt')]).stderr, `transcript: ${path.join(dir, 'none.vtt')}: no such file\n`);
    const unknown = path.join(dir, 'notes.md');
    writeFileSync(unknown, '# Notes\n');
    const formats = 'expected WebVTT (.vtt), SubRip (.srt), Whisper or podcast JSON (.json) or Whisper text (.txt)';
    assert.deepEqual(run([unknown]), { code: 2, stdout: '', stderr: `transcript: ${unknown}:1:1: Cannot tell the format: ${formats}.\n` });
    assert.match(run(['a.vtt', 'b.vtt']).stderr, /one FILE at a time/);
    assert.match(run(['a.vtt', '--from', 'docx']).stderr, /--from must be one of webvtt, srt/);
  });

  it('reports progress on stderr once an import has taken more than a second', async () => {
    const segments = Array.from({ length: 5000 }, (_, i) => ({ start: i, end: i + 0.5, text: `Segment ${i}.`, speaker: `SPEAKER_0${i % 2}` }));
    let clock = 0;
    const errors: string[] = [];
    const read = async () => ({ text: JSON.stringify({ segments }) });
    const code = await runImport(['big.json', '-o', '-'], {
      out: () => undefined,
      err: (s) => errors.push(s),
      read,
      // Each look at the clock is 400 ms later: the import "takes" seconds, deterministically.
      now: () => (clock += 400),
    });
    assert.equal(code, 0);
    assert.ok(errors.length >= 2, errors.join('\n'));
    assert.match(errors[0], /^transcript: importing big\.json: \d+% \(\d+ of 5000 cues\)$/);
    assert.equal(errors.at(-1), 'transcript: imported big.json: 100%');
    const quick = await runImport(['big.json', '-o', '-'], { out: () => undefined, err: (s) => errors.push(`quick ${s}`), read, now: () => 0 });
    assert.equal(quick, 0);
    assert.deepEqual(errors.filter((e) => e.startsWith('quick')), []);
  });
});
