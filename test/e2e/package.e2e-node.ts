// `npm run package` builds the .vsix with @vscode/vsce, and the .vsix holds exactly what the
// extension needs at run time. Plain Node mocha, run by test/e2e/run.ts; the .vsix it builds
// (at $E2E_VSIX) is then installed into VS Code by the driver for test/e2e/vsix.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * What the package must hold, and nothing else (vsce renames CHANGELOG.md and LICENSE, and the README
 * it is given, docs/extension/README.md with its pictures inside, to readme.md), with the built-in
 * glossary's files (dist/glossary/: its index and a file per letter).
 */
const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/docx.js',
  'extension/dist/lsp.js',
  'extension/dist/player.js',
  'extension/dist/server.js',
  'extension/dist/service.js',
  'extension/dist/waveform.js',
  'extension/images/icon.png',
  'extension/language-configuration.json',
  'extension/snippets/transcript.json',
  'extension/syntaxes/transcript.tmLanguage.json',
].sort();

function zipEntries(file: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`cannot list ${file}: ${result.error?.message ?? result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).sort();
}

function zipText(file: string, entry: string): string {
  const script = 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))';
  const result = spawnSync('python3', ['-c', script, file, entry], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`cannot read ${entry} from ${file}: ${result.stderr}`);
  return result.stdout;
}

describe('Packaging: npm run package', function () {
  this.timeout(180000);
  const vsix = process.env.E2E_VSIX || path.join(mkdtempSync(path.join(tmpdir(), 'transcript-vsix-')), 'transcript-markup.vsix');
  let output = '';

  before(() => {
    const result = spawnSync(NPM, ['run', 'package', '--silent', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 170000 });
    output = `${result.stdout}\n${result.stderr}`;
    if (result.error) throw new Error(`cannot run npm run package: ${result.error.message}`);
    assert.equal(result.status, 0, `npm run package failed:\n${output}`);
  });

  it('builds a .vsix without warnings from vsce', () => {
    assert.ok(existsSync(vsix), `${vsix} exists`);
    assert.doesNotMatch(output, /WARNING/i, output);
    process.stdout.write(`      ${path.basename(vsix)}: ${statSync(vsix).size} bytes\n`);
  });

  it('holds only what the extension needs at run time', () => {
    const glossary = readdirSync(path.join(ROOT, 'dist', 'glossary')).map((name) => `extension/dist/glossary/${name}`);
    assert.ok(glossary.includes('extension/dist/glossary/index.json'));
    assert.deepEqual(zipEntries(vsix), [...EXPECTED, ...glossary].sort());
  });

  it('carries the metadata: icon, licence, categories, and no repository, homepage or issue tracker (there is none to link to)', () => {
    const manifest = JSON.parse(zipText(vsix, 'extension/package.json'));
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.version, own.version);
    assert.equal(manifest.icon, 'images/icon.png');
    assert.equal(manifest.license, 'MIT');
    for (const key of ['repository', 'homepage', 'bugs']) assert.equal(manifest[key], undefined, `package.json has no ${key}`);
    assert.doesNotMatch(zipText(vsix, 'extension.vsixmanifest'), /github\.com/);
    assert.ok(manifest.categories.includes('Programming Languages'));
    assert.match(zipText(vsix, 'extension/LICENSE.txt'), /^MIT License/);
    const icon = readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'the icon is 128x128');
  });

  it('has the user\'s README (docs/extension/README.md), not the developer\'s', () => {
    const readme = zipText(vsix, 'extension/readme.md');
    assert.match(readme, /^# Transcript Markup\n/);
    assert.match(readme, /## Commands and keys/);
    assert.doesNotMatch(readme, /npm (ci|test|run)/, 'no developer commands');
  });

  it('has its pictures inside the README as data: URLs, and only absolute links (VS Code shows no image beside it)', () => {
    const readme = zipText(vsix, 'extension/readme.md');
    const links = [...readme.matchAll(/(!?)\[[^[\]\n]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => ({ image: m[1] === '!', target: m[2] }));
    const images = links.filter((l) => l.image);
    assert.equal(images.length, 4, 'four pictures: the outline, the problems, a hover, the player');
    for (const { target } of images) {
      const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(target);
      assert.ok(match, `image ${target.slice(0, 60)}… is a PNG data: URL`);
      assert.equal(Buffer.from(match[1], 'base64').subarray(1, 4).toString('latin1'), 'PNG');
    }
    for (const { target } of links.filter((l) => !l.image)) assert.match(target, /^(https:\/\/|#|mailto:)/, `link ${target} is absolute`);
  });
});
