import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_CAPS_WORD, allCapsWords } from '../../server/src/service/languageFeatures/diagnostics/misspellings';

describe('diagnostics: all-caps words (misspelt-organisation)', () => {
  it('finds the words the all-caps pattern matches, in any script (property, seeded)', () => {
    const piece = fc.constantFrom('A', 'B', 'OSCE', 'b', 'É', 'é', 'Ж', 'ж', 'Σ', '1', '_', ' ', '.', '-', '\u0301', 'ǅ', '日本', '😀', '𝐀', '\u00a0', '\n', 'ABCDEFGHIJKLM');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(ALL_CAPS_WORD)].map((m) => ({ index: m.index, word: m[0] }));
        assert.deepEqual(allCapsWords(text), expected, JSON.stringify(text));
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
});
