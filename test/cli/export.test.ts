import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../util/fixtures';
import { IMPORTED_FROM_WEBVTT } from '../export/exportFixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: transcript export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-export-'));
  const transcript = path.join(dir, 'talk.transcript');
  writeFileSync(transcript, IMPORTED_FROM_WEBVTT);
  const untimed = path.join(dir, 'untimed.transcript');
  writeFileSync(untimed, 'Question: Why?\n\nJane Roe: Because.\n');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes FILE with the format’s extension beside it, and will not overwrite it without --force', () => {
    const vtt = path.join(dir, 'talk.vtt');
    assert.deepEqual(run(['export', '--to', 'vtt', transcript]), { code: 0, stdout: '', stderr: '' });
    const first = readFileSync(vtt, 'utf8');
    assert.match(first, /^WEBVTT\n\n00:00:01\.250 --> 00:00:04\.500\n<v Sam Ortiz>Welcome to the show\.\n/);
    writeFileSync(vtt, 'mine');
    const refused = run(['export', '--to', 'vtt', transcript]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `transcript: ${vtt} exists; --force overwrites it\n`);
    assert.equal(readFileSync(vtt, 'utf8'), 'mine');
    assert.equal(run(['export', '--to', 'vtt', '--force', transcript]).code, 0);
    assert.equal(readFileSync(vtt, 'utf8'), first);
  });

  it('writes to -o OUT, and to standard output with -o - or from standard input', () => {
    const out = path.join(dir, 'subtitles.srt');
    assert.equal(run(['export', '--to', 'srt', transcript, '-o', out]).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^1\n00:00:01,250 --> 00:00:04,500\nSam Ortiz: Welcome to the show\.\n\n2\n/);
    const stdout = run(['export', '--to=csv', '-o', '-', transcript]);
    assert.equal(stdout.code, 0);
    assert.match(stdout.stdout, /^start,end,speaker,text\r\n1\.250,4\.500,Sam Ortiz,Welcome to the show\.\r\n/);
    const stdin = run(['export', '--to', 'json', '-'], IMPORTED_FROM_WEBVTT);
    assert.equal(stdin.code, 0);
    assert.equal(JSON.parse(stdin.stdout).title, 'Bikes and shops');
  });

  it('refuses a transcript without timestamps with one message, exit 2 and no file; --estimate writes it and says so', () => {
    const out = path.join(dir, 'untimed.vtt');
    const refused = run(['export', '--to', 'vtt', untimed]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, `transcript: ${untimed}: cannot export to vtt: this transcript has no timestamps ([00:01:02]) to time the cues by; `
      + 'add them, or estimate the times at 160 words a minute (--estimate)\n');
    assert.equal(existsSync(out), false);
    const estimated = run(['export', '--to', 'vtt', '--estimate', '--words-per-minute', '120', untimed]);
    assert.equal(estimated.code, 0);
    assert.equal(estimated.stderr, `transcript: ${untimed}: The transcript has no timestamps: these times are estimated at 120 words a minute.\n`);
    assert.match(readFileSync(out, 'utf8'), /^WEBVTT\n\nNOTE The transcript has no timestamps/);
  });

  it('exits 2 with one message and writes nothing on bad usage or bad input', () => {
    const cases: [string[], RegExp][] = [
      [['export', transcript], /^transcript export: --to FORMAT is needed\n/],
      [['export', '--to', 'pdf', transcript], /^transcript export: --to must be one of vtt, srt, md, html, docx, csv, json, not pdf\n/],
      [['export', '--to', 'vtt'], /^transcript export: a FILE is needed\n/],
      [['export', '--to', 'vtt', transcript, transcript], /^transcript export: one FILE at a time\n/],
      [['export', '--to', 'vtt', '--lines', '0', transcript], /^transcript export: --lines must be a whole number above 0, not 0\n/],
      [['export', '--to', 'vtt', '--bogus', transcript], /^transcript export: Unknown option '--bogus'/],
      [['export', '--to', 'vtt', path.join(dir, 'missing.transcript')], /^transcript: .*missing\.transcript: no such file\n$/],
      [['export', '--to', 'vtt', '--speaker', 'Nobody', transcript, '-o', path.join(dir, 'nobody.vtt')], /^transcript: .*: cannot export to vtt: no speaker called “Nobody”/],
      [['export', '--to', 'md', transcript, '-o', transcript], /^transcript export: the output would overwrite the transcript /],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
    assert.equal(existsSync(path.join(dir, 'nobody.vtt')), false);
    assert.equal(existsSync(path.join(dir, 'missing.vtt')), false);
    assert.equal(readFileSync(transcript, 'utf8'), IMPORTED_FROM_WEBVTT);
  });

  it('passes the options on: one speaker, no annotations, line length', () => {
    const { stdout } = run(['export', '--to', 'srt', '--speaker', 'Jane Roe', '--no-annotations', '--line-length', '80', '--lines', '1', transcript, '-o', '-']);
    assert.equal(stdout.split('\n\n')[0], '1\n00:00:09,000 --> 00:00:11,125\nJane Roe: Thanks for having me!');
    assert.ok(!stdout.includes('[laughs]') && !stdout.includes('Sam Ortiz'));
  });

  it('lists export in the help', () => {
    assert.match(run(['--help']).stdout, /export --to FORMAT FILE \[-o OUT\]/);
    assert.match(run(['export', '--help']).stdout, /^Usage: transcript export --to FORMAT FILE \[-o OUT\] \[options\]/);
  });
});
