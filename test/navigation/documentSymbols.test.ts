import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import { EditableDocument } from '../util/editableDocument';
import { corpusFile, document, lines } from '../util/fixtures';

/** Each line wrapped at `width` columns, paragraphs apart by a blank line. */
function hardWrapped(text: string, width: number): string {
  return text.split('\n').filter((line) => line.trim()).map((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + word.length + 1 > width) {
        out.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    return [...out, current].join('\n');
  }).join('\n\n');
}

describe('navigation: the outline after edits', () => {
  it('is the outline of the edited text read afresh, though it keeps the symbols of turns an edit left alone (property, seeded)', () => {
    const base = [
      corpusFile('seed_lavrov_2023-04-11.txt'),
      corpusFile('wh_biden_press_gaggle_2021-11-16.txt'),
      corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt').slice(0, 20000),
      // Hard-wrapped, where a new line inside a paragraph keeps its shape and moves what follows.
      hardWrapped(corpusFile('seed_lavrov_2023-04-11.txt'), 60),
    ];
    // Mostly typing inside paragraphs (which keeps the structure), sometimes a new line or a label.
    const piece = fc.constantFrom('x', 'word ', ', ', '. ', '“', '😀', '\n', '\n\n', 'Question: ', '');
    fc.assert(
      fc.property(
        fc.nat(base.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), piece, fc.boolean()), { minLength: 1, maxLength: 12 }),
        (which, edits) => {
          const service = createLanguageService();
          const doc = new EditableDocument(base[which]);
          service.provideDocumentSymbols(doc);
          for (const [where, length, inserted, askNow] of edits) {
            const start = Math.floor(where * doc.getText().length);
            doc.edit(start, Math.min(doc.getText().length, start + length), inserted);
            // Not asking at every version leaves versions whose outline was never made.
            if (!askNow) continue;
            const fresh = createLanguageService().provideDocumentSymbols(document(doc.getText(), doc.uri));
            assert.deepEqual(service.provideDocumentSymbols(doc), fresh);
          }
          const fresh = createLanguageService().provideDocumentSymbols(document(doc.getText(), doc.uri));
          assert.deepEqual(service.provideDocumentSymbols(doc), fresh);
        },
      ),
      { seed: 17, numRuns: 200 },
    );
  });

  it('keeps the very symbols of the turns after a keystroke that left them in place, version after version', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines('Anna Berg: We met today.', '', 'Omar Haddad: We did.', '', 'Anna Berg: And we will again.', '', 'Omar Haddad: Soon.'));
    const first = service.provideDocumentSymbols(doc);
    for (const typed of ['x', 'y']) {
      const at = doc.getText().indexOf('We did') + 6;
      const symbols = service.provideDocumentSymbols(doc.edit(at, at, typed));
      assert.deepEqual(symbols, createLanguageService().provideDocumentSymbols(document(doc.getText(), doc.uri)));
      assert.notEqual(symbols[1], first[1], 'the edited turn has a symbol of its own');
      assert.equal(symbols[2], first[2]);
      assert.equal(symbols[3], first[3]);
    }
  });

  it('moves the turns after a line break typed inside a wrapped paragraph one line down', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines('Sergey Lavrov: We met in Moscow today and we talked', 'about many things.', '', 'Question: Why did you', 'go there?', '', 'Sergey Lavrov: Because we had to.'));
    const before = service.provideDocumentSymbols(doc);
    const at = doc.getText().indexOf('did you') + 3;
    const after = service.provideDocumentSymbols(doc.edit(at, at, '\n'));
    assert.deepEqual(after, createLanguageService().provideDocumentSymbols(document(doc.getText(), doc.uri)));
    const lastLine = (symbols: typeof before) => symbols[symbols.length - 1].children![0].range.start.line;
    assert.equal(lastLine(after), lastLine(before) + 1);
  });
});

describe('navigation: the outline’s nesting', () => {
  it('gives a question the range of its answers too, so that its children lie inside it', () => {
    const text = lines('Question: Will the talks resume?', '', 'Sergey Lavrov: They will.', '', 'We hope so.', '', 'Question: When?', '', 'Sergey Lavrov: Soon.');
    const [first, second] = createLanguageService().provideDocumentSymbols(document(text));
    assert.equal(first.children?.length, 1);
    assert.deepEqual(first.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 11 } });
    assert.deepEqual(first.children![0].range, { start: { line: 2, character: 0 }, end: { line: 4, character: 11 } });
    assert.deepEqual(second.range, { start: { line: 6, character: 0 }, end: { line: 8, character: 20 } });
  });

  it('leaves an answer under a new heading out of the question before the heading', () => {
    const text = lines('## Energy', '', 'Question: Will the talks resume?', '', '## Trade', '', 'Sergey Lavrov: They will.');
    const [energy, trade] = createLanguageService().provideDocumentSymbols(document(text));
    assert.deepEqual(energy.children?.map((s) => s.children?.length ?? 0), [0]);
    assert.equal(trade.children?.length, 1);
    assert.match(trade.children![0].name, /^Sergey Lavrov/);
  });
});
