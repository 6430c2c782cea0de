import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, lines } from '../util/fixtures';
import { applyEdits, editsOf } from '../util/edits';

function fixes(text: string, code: string) {
  const service = createLanguageService();
  const doc = document(text);
  const diagnostics = service.provideDiagnostics(doc).filter((d) => d.code === code);
  return { diagnostics, actions: service.provideCodeActions(doc, diagnostics), uri: doc.uri };
}

describe('code actions: quick fixes change exactly the text they name', () => {
  it('incomplete-sentence: “Mark as truncated” appends the truncation mark, which silences it', () => {
    const text = lines('Sergey Lavrov: I congratulate my colleague, Murat Nurtleu, from', '', 'Days of');
    const { actions, uri } = fixes(text, 'incomplete-sentence');
    const mark = actions.filter((a) => a.title === 'Mark as truncated');
    assert.equal(mark.length, 2);
    const once = applyEdits(text, editsOf(mark[0], uri));
    assert.equal(once, lines('Sergey Lavrov: I congratulate my colleague, Murat Nurtleu, from […]', '', 'Days of'));
    const fixed = applyEdits(once, editsOf(fixes(once, 'incomplete-sentence').actions.find((a) => a.title === 'Mark as truncated')!, uri));
    assert.equal(fixed, lines('Sergey Lavrov: I congratulate my colleague, Murat Nurtleu, from […]', '', 'Days of […]'));
    assert.deepEqual(fixes(fixed, 'incomplete-sentence').diagnostics, []);
  });

  it('incomplete-sentence: “Ignore … in this file” adds one directive after the front matter, keeping CRLF', () => {
    const text = ['---', 'title: T', '---', 'Sergey Lavrov: We met in', ''].join('\r\n');
    const { actions, uri } = fixes(text, 'incomplete-sentence');
    const ignore = actions.find((a) => a.title === 'Ignore incomplete sentences in this file')!;
    const fixed = applyEdits(text, editsOf(ignore, uri));
    assert.equal(fixed, ['---', 'title: T', '---', '<!-- transcript-ignore-file incomplete-sentence -->', 'Sergey Lavrov: We met in', ''].join('\r\n'));
    assert.deepEqual(fixes(fixed, 'incomplete-sentence').diagnostics, []);
  });

  it('incomplete-sentence in the seed: the file directive goes on the first line and keeps the header', () => {
    const seed = corpusFile('seed_lavrov_2023-04-11.txt');
    const { actions, uri } = fixes(seed, 'incomplete-sentence');
    const fixed = applyEdits(seed, editsOf(actions.find((a) => a.title.startsWith('Ignore'))!, uri));
    assert.equal(fixed, `<!-- transcript-ignore-file incomplete-sentence -->\n${seed}`);
    const service = createLanguageService();
    assert.deepEqual(service.provideDiagnostics(document(fixed)).map((d) => d.code), ['repeated-sentence', 'misspelt-organisation']);
    assert.equal(service.provideDocumentSymbols(document(fixed))[0].name.slice(0, 25), 'Foreign Minister Sergey L');
  });

  it('reversed-quotes: swaps the two quotation marks, with one edit of each character', () => {
    const text = lines('Sergey Lavrov: He called it ”final“, and ”we', 'disagree“.');
    const { actions, uri } = fixes(text, 'reversed-quotes');
    assert.deepEqual(actions.map((a) => a.title), ['Swap the quotation marks', 'Swap the quotation marks']);
    assert.deepEqual(editsOf(actions[1], uri), [
      { range: { start: { line: 0, character: 41 }, end: { line: 0, character: 42 } }, newText: '“' },
      { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, newText: '”' },
    ]);
    const fixed = applyEdits(applyEdits(text, editsOf(actions[0], uri)), editsOf(actions[1], uri));
    assert.equal(fixed, lines('Sergey Lavrov: He called it “final”, and “we', 'disagree”.'));
    assert.deepEqual(createLanguageService().provideDiagnostics(document(fixed)), []);
  });

  it('unknown-speaker: replaces the label with the declared name', () => {
    const text = lines('---', 'speakers: [Sergey Lavrov]', '---', 'Sergei Lavrov: Hello.');
    const { actions, uri } = fixes(text, 'unknown-speaker');
    assert.equal(actions[0].title, 'Replace with `Sergey Lavrov`');
    assert.equal(applyEdits(text, editsOf(actions[0], uri)), lines('---', 'speakers: [Sergey Lavrov]', '---', 'Sergey Lavrov: Hello.'));
  });

  it('misspelt-organisation: replaces OCSE with OSCE, nothing else', () => {
    const seed = corpusFile('seed_lavrov_2023-04-11.txt');
    const { actions, uri } = fixes(seed, 'misspelt-organisation');
    assert.equal(actions[0].title, 'Replace with `OSCE`');
    assert.equal(applyEdits(seed, editsOf(actions[0], uri)), seed.replace('the UN and OCSE', 'the UN and OSCE'));
  });

  it('repeated-sentence: removes the repeat and the space before it, nothing else', () => {
    const seed = corpusFile('seed_lavrov_2023-04-11.txt');
    const { actions, uri } = fixes(seed, 'repeated-sentence');
    const fixed = applyEdits(seed, editsOf(actions[0], uri));
    assert.equal(fixed, seed.replace('another one. This is a traditional document. This is a continuous', 'another one. This is a continuous'));
  });

  it('offers nothing for a diagnostic that no longer matches the text', () => {
    const service = createLanguageService();
    const stale = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, code: 'incomplete-sentence', source: 'transcript', message: 'old' };
    assert.deepEqual(service.provideCodeActions(document('Sergey Lavrov: Fine.'), [stale]), []);
  });
});
