import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordsWritten } from '../../server/src/service/languageFeatures/diagnostics/writtenWords';

describe('diagnostics: the words a paragraph writes', () => {
  it('are the runs of letters, marks and digits in lower case, in any script (property, seeded)', () => {
    const pattern = /[\p{L}\p{M}\p{N}]+/gu;
    // Astral letters (𝐀, 𠀋) and an astral symbol (😀), a lone surrogate, a mark alone, Turkish İ (two units in lower case).
    const piece = fc.constantFrom('a', 'Z', '7', ' ', "'", '-', '.', 'é', 'e\u0301', '\u0301', 'Я', '日本', '𝐀', '𠀋', '😀', '\ud800', 'İ', '\u00a0', '\n', '٣');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(wordsWritten(text), text.toLowerCase().match(pattern) ?? [], JSON.stringify(text));
      }),
      { seed: 11, numRuns: 5000 },
    );
  });

  it('keeps each word as often as it is written', () => {
    assert.deepEqual(wordsWritten('The cat, the CAT — and 42 cats.'), ['the', 'cat', 'the', 'cat', 'and', '42', 'cats']);
  });
});
