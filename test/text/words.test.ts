import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWords } from '../../server/src/service/text/words';

describe('text: word counting', () => {
  it('counts as the word pattern matches, in any script (property, seeded)', () => {
    const pattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
    const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '’', '-', '.', 'é', 'e\u0301', 'Я', '日本', '😀', '\u00a0', '\n', '#', '[', 'x-y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.equal(countWords(text), [...text.matchAll(pattern)].length, JSON.stringify(text));
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});
