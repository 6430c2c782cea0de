import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseName } from '../../server/src/service/parser/markers';

describe('parser: name keys', () => {
  it('are lower case without dots, with white space folded to single spaces and trimmed (property, seeded)', () => {
    const folded = (name: string) => name.toLowerCase().replace(/[.\u2019']/g, (c) => (c === '.' ? '' : "'")).replace(/[\s\u00a0]+/g, ' ').trim();
    const piece = fc.constantFrom('Ms', 'PSAKI', 'Jean-Pierre', '.', ' ', '  ', '\t', '\u00a0', '\u2003', '’', "'", 'İ', 'ΟΔΟΣ', 'Çavuşoğlu', '習近平', '😀', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const name = parts.join('');
        assert.equal(normaliseName(name), folded(name), JSON.stringify(name));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
