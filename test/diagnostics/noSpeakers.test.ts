import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, ROOT } from '../util/fixtures';

const code = 'no-speakers';
const diagnose = (text: string) => createLanguageService().provideDiagnostics(document(text)).filter((d) => d.code === code);
const sayings = ['We met today.', 'It went well.', 'We agreed on energy.', 'Trade is growing.', 'Thank you.', 'Next question.', 'We will see.', 'That is all.', 'Good night.', 'Indeed.'];

describe('diagnostics: no-speakers', () => {
  it('names the commonest opening, bold names, at the first body paragraph', () => {
    // A bold name with a colon is a label; with a dash it is not.
    const text = ['Talks in Moscow', '', ...sayings.map((s, i) => `**${i % 2 ? 'Sergey Lavrov' : 'Murat Nurtleu'}** – ${s}`).join('\n\n').split('\n')].join('\n');
    const found = diagnose(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3);
    assert.deepEqual(found[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } });
    assert.equal(found[0].message, 'No speaker label found: 10 of 10 paragraphs start with bold text (`**Murat Nurtleu**`), which is not read as one. The label shapes it reads are in docs/FORMAT.md#speaker-turns.');
  });

  it('names timestamps, escaped or not, and dashes', () => {
    assert.match(String(diagnose(sayings.map((s, i) => `\\[00:0${i}:12\\] ${s}`).join('\n\n'))[0].message), /10 of 10 paragraphs start with a timestamp \(`\\\[00:00:12\\\]`\)/);
    assert.match(String(diagnose(sayings.map((s) => `John Smith - ${s}`).join('\n\n'))[0].message), /start with a name and a dash \(`John Smith - `\)/);
  });

  it('says so for plain prose too, which it reads as no speaker at all', () => {
    const found = diagnose(sayings.join('\n\n'));
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /none of the 10 paragraphs starts with a name and a colon/);
  });

  it('says nothing for a few paragraphs, or where there is one label', () => {
    assert.deepEqual(diagnose(sayings.slice(0, 7).join('\n\n')), []);
    assert.deepEqual(diagnose(['Sergey Lavrov: Hello.', ...sayings].join('\n\n')), []);
    assert.deepEqual(diagnose(corpusFile('seed_lavrov_2023-04-11.txt')), []);
  });

  it('shows in `transcript check`', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'transcript-no-speakers-')), 'essay.transcript');
    writeFileSync(file, sayings.join('\n\n'));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', file], { encoding: 'utf8' });
    assert.match(result.stdout, /essay\.transcript:1:1 information no-speakers No speaker label found/);
  });
});
