import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../util/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED = path.join(ROOT, 'samples', 'seed.transcript');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: transcript orgs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-orgs-'));

  it('lists the organisations the seed names, the most named first: count, acronym, full name', () => {
    const { code, stdout, stderr } = run('orgs', SEED);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, [
      '6  NGO    Non-governmental organisation',
      '5  SCO    Shanghai Cooperation Organisation',
      '4  EAEU   Eurasian Economic Union',
      '3  CIS    Commonwealth of Independent States',
      '3  CSTO   Collective Security Treaty Organization',
      '3  OSF    Open Society Foundations',
      '2  ASEAN  Association of Southeast Asian Nations',
      '2  EU     European Union',
      '1  EEC    Eurasian Economic Commission',
      '1  -      Supreme Eurasian Economic Council',
      '1  UN     United Nations',
      '',
    ].join('\n'));
  });

  it('gives ids, counts and the range of every mention with --format json', () => {
    const { code, stdout } = run('orgs', '--format', 'json', SEED);
    assert.equal(code, 0);
    const organisations = JSON.parse(stdout) as { id: string; acronym: string | null; fullName: string; count: number; mentions: { start: { line: number; character: number } }[] }[];
    assert.deepEqual(organisations.map((o) => [o.id, o.count]).slice(0, 3), [['ngo', 6], ['sco', 5], ['eaeu', 4]]);
    const csto = organisations.find((o) => o.id === 'csto')!;
    assert.equal(csto.acronym, 'CSTO');
    assert.equal(csto.fullName, 'Collective Security Treaty Organization');
    assert.equal(csto.mentions.length, 3);
    assert.deepEqual(csto.mentions[0], { start: { line: 11, character: 178 }, end: { line: 11, character: 182 } });
    assert.equal(organisations.find((o) => o.id === 'seec')!.acronym, null);
  });

  it('counts an ambiguous acronym for its likeliest sense, and uses --glossary files', () => {
    const transcript = path.join(dir, 'eec.transcript');
    writeFileSync(transcript, 'Question: Britain joined the EEC in 1973, before the EU. What about CAPS?\n');
    assert.equal(run('orgs', transcript).stdout, '1  EEC  European Economic Community\n1  EU   European Union\n');
    const glossary = path.join(dir, 'extra.glossary.yaml');
    writeFileSync(glossary, 'organisations:\n  - acronyms: [CAPS]\n    fullName: Central Asian Policy Studies\n    description: A think tank.\n');
    assert.equal(run('orgs', '--glossary', glossary, transcript).stdout, '1  CAPS  Central Asian Policy Studies\n1  EEC   European Economic Community\n1  EU    European Union\n');
  });

  it('reports a malformed --glossary file on stderr, and a missing one with exit 2', () => {
    const transcript = path.join(dir, 'plain.transcript');
    writeFileSync(transcript, 'Question: And NATO?\n');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "organisations": [ }');
    const result = run('orgs', `--glossary=${broken}`, transcript);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '1  NATO  North Atlantic Treaty Organization\n');
    assert.match(result.stderr, /broken\.json:1:22 error glossary Not valid JSON: expected a value/);
    assert.equal(run('orgs', '--glossary', path.join(dir, 'missing.yaml'), transcript).code, 2);
  });

  it('lists several files under their names, and each with its own list in JSON', () => {
    const other = path.join(dir, 'other.transcript');
    writeFileSync(other, 'Question: What about the OSCE?\n');
    assert.equal(run('orgs', other, other).stdout, `== ${other}\n1  OSCE  Organization for Security and Co-operation in Europe\n== ${other}\n1  OSCE  Organization for Security and Co-operation in Europe\n`);
    const json = JSON.parse(run('orgs', '--format=json', other, SEED).stdout) as { file: string; organisations: unknown[] }[];
    assert.deepEqual(json.map((r) => [r.file, r.organisations.length]), [[other, 1], [SEED, 11]]);
  });
});
