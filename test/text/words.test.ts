import * as assert from 'node:assert/strict';
import { DerivedResults } from '../../server/src/service/derivedResults';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import { countWordsUpTo, ellipsis, openingWords, paragraphContent } from '../../server/src/service/text/words';

describe('text: word counting', () => {
  it('counts as the word pattern matches, in any script, as far as it is asked to (property, seeded)', () => {
    const pattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
    const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '’', '-', '.', 'é', 'e\u0301', 'Я', '日本', '😀', '\u00a0', '\n', '#', '[', 'x-y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(12), (parts, limit) => {
        const text = parts.join('');
        const words = [...text.matchAll(pattern)].length;
        assert.equal(countWordsUpTo(text, Infinity), words, JSON.stringify(text));
        assert.equal(countWordsUpTo(text, limit), Math.min(words, limit), `${JSON.stringify(text)} up to ${limit}`);
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});

describe('text: opening words', () => {
  it('join a word hyphenated at a line break and leave out Markdown emphasis', () => {
    const service = createLanguageService();
    const model = service.getModel({ uri: 'file:///hyphen.transcript', version: 1, getText: () => 'Katrin Göring-Eckardt:\n\nLiebe Kolle-\ngen! Die **große** Frage.' });
    assert.equal(openingWords(new DerivedResults(), model, model.turns[0]), 'Liebe Kollegen! Die große Frage.');
  });

  it('are the first words with white space folded, cut as ellipsis cuts them (property, seeded)', () => {
    const service = createLanguageService();
    const piece = fc.constantFrom('word', 'Wort', 'слово', '“quoted”', ' ', '  ', '\t', '\u00a0', '\n', '\u2003', 'a-b', '—', '#energy', '[inaudible]', '(Laughter.)', 'x'.repeat(70));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const text = paragraphs.map((p, i) => `Speaker ${i % 2 ? 'One' : 'Two'}: ${p.join('')}`).join('\n\n');
        const model = service.getModel({ uri: 'file:///opening.transcript', version: Math.random(), getText: () => text });
        for (const turn of model.turns) {
          let expected = '';
          for (const index of turn.paragraphs) {
            const paragraph = model.paragraphs[index];
            if (paragraph.kind !== 'text') continue;
            const folded = paragraphContent(model, paragraph, 400).replace(/[\s\u00a0]+/g, ' ').trim();
            if (folded) {
              expected = ellipsis(folded, 60);
              break;
            }
          }
          assert.equal(openingWords(new DerivedResults(), model, turn), expected, JSON.stringify(text));
        }
      }),
      { seed: 13, numRuns: 1000 },
    );
  });
});
