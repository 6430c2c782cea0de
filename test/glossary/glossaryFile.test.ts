import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lines, ROOT } from '../util/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('glossary: a glossary file checked against the JSON Schema of the built-in glossary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-glossary-file-'));
  const transcript = path.join(dir, 'x.transcript');
  writeFileSync(transcript, 'Question: What does XCORP do?\n');

  /** `transcript orgs --glossary FILE`: what it lists, and the problems it reports as `file:line:col severity code message`. */
  function orgsWith(name: string, text: string): { listed: string; problems: string[] } {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const result = spawnSync(process.execPath, [CLI, 'orgs', '--glossary', file, transcript], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return { listed: result.stdout, problems: result.stderr.split('\n').filter(Boolean).map((line) => line.replace(`${file}:`, '')) };
  }
  const entry = (...fields: string[]) => lines('organisations:', '  - acronyms: [XCORP]', '    fullName: Example Corporation', '    description: A company.', ...fields, '');

  it('wants an https address for `url`, and keeps the rest of the entry', () => {
    const { listed, problems } = orgsWith('url.yaml', entry('    url: "http://x"'));
    assert.deepEqual(problems, ['5:10 error glossary `url` `http://x` is not valid: Official website, https only.']);
    assert.equal(listed, '1  XCORP  Example Corporation\n');
  });

  it('takes ten member names at most', () => {
    const { problems } = orgsWith('eleven.yaml', entry('    members: [A, B, C, D, E, F, G, H, I, J, K]'));
    assert.deepEqual(problems, ['5:14 error glossary `members` has 11 items, more than the 10 allowed: Names of the members (small bodies only).']);
  });

  it('takes each member once, and says which is listed twice, where', () => {
    const { problems } = orgsWith('twice.yaml', entry('    members: [Armenia, Belarus, Armenia]'));
    assert.deepEqual(problems, ['5:33 error glossary `members` lists `Armenia` twice.']);
  });

  it('reports a JSON syntax error at its line and column, in words', () => {
    const json = lines(
      '{',
      '  "organisations": [',
      '    {',
      '      "acronyms": ["XCORP"], // the new one',
      '      "fullName": "Example Corporation"',
      '    }',
      '  ]',
      '}',
      '',
    );
    const { listed, problems } = orgsWith('comment.json', json);
    assert.deepEqual(problems, ['4:30 error glossary Not valid JSON: comments are not allowed in JSON.']);
    assert.equal(listed, '', 'a file that does not parse gives no entries');
    const trailingComma = json.replace(' // the new one', '').replace('      "fullName": "Example Corporation"\n', '');
    assert.deepEqual(orgsWith('comma.json', trailingComma).problems, ['5:5 error glossary Not valid JSON: expected a property name in double quotes.']);
  });
});
