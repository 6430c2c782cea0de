// Neovim and the server's media requests (issue 18): test/neovim/media-check.lua in headless
// Neovim on a stamped transcript, with a recording beside it and an `mpv` on PATH that writes
// down its arguments: the document links, transcript/timeAt, and docs/MEDIA.md's mapping.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NVIM = process.env.NVIM_PATH || 'nvim';

describe('Neovim: a transcript with its recording (docs/MEDIA.md)', function () {
  this.timeout(60000);
  let dir: string;
  let report: { links?: [number, string][]; time_at?: { seconds: number; exact: boolean }; mpv?: string[] };
  let transcript: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-nvim-media-'));
    transcript = path.join(dir, 'interview.transcript');
    writeFileSync(transcript, '[00:00:00] Omar Haddad: Good morning, and welcome.\n[00:00:02.500] Jane Roe: Thank you for having me.\n');
    writeFileSync(path.join(dir, 'interview.mp3'), 'not played: the mpv here only writes down its arguments');
    const bin = path.join(dir, 'bin');
    const argsFile = path.join(dir, 'mpv-args');
    mkdirSync(bin);
    // Written to a temporary name and moved, so that the file is whole once it exists.
    writeFileSync(path.join(bin, 'mpv'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${argsFile}.part" && mv "${argsFile}.part" "${argsFile}"\n`);
    chmodSync(path.join(bin, 'mpv'), 0o755);
    const result = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'neovim', 'media-check.lua')}`, transcript], {
      cwd: dir, encoding: 'utf8', timeout: 60000, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, MPV_ARGS_FILE: argsFile },
    });
    if (result.error) throw new Error(`cannot run ${NVIM}: ${result.error.message}. Install it: bash scripts/neovim/install.sh`);
    const line = result.stdout.split('\n').find((l) => l.startsWith('media: json '));
    assert.ok(line, `no report from media-check.lua (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    report = JSON.parse(line.slice('media: json '.length));
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('docs/MEDIA.md quotes test/neovim/play-from-here.lua as it is', () => {
    const mapping = readFileSync(path.join(ROOT, 'test', 'neovim', 'play-from-here.lua'), 'utf8');
    assert.ok(readFileSync(path.join(ROOT, 'docs', 'MEDIA.md'), 'utf8').includes(mapping));
  });

  it('gets each timestamp as a link to the play command', () => {
    assert.deepEqual(report.links?.map(([line]) => line), [0, 1]);
    assert.match(report.links![1][1], /^command:transcript\.playFrom\?/);
  });

  it('transcript/timeAt gives the second turn’s time', () => {
    assert.deepEqual(report.time_at, { seconds: 2.5, exact: true });
  });

  it('the mapping plays the recording beside the transcript from the cursor’s time', () => {
    assert.deepEqual(report.mpv, ['--start=2.5', path.join(dir, 'interview.mp3')]);
  });
});
