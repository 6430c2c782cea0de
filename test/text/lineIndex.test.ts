import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/service/text/lineIndex';

describe('text: line index', () => {
  it('maps offsets to UTF-16 positions across LF, CRLF and CR', () => {
    const index = new LineIndex('a\r\nb\rc\n😀d');
    assert.deepEqual(Array.from(index.lineStarts), [0, 3, 5, 7]);
    assert.deepEqual(index.positionAt(9), { line: 3, character: 2 });
    assert.equal(index.offsetAt({ line: 3, character: 2 }), 9);
    assert.equal(index.lineEnd(0), 1);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 1, 'a position past the end of a line clamps to it');
  });

  it('updates after an edit exactly as a fresh index of the new text (property, seeded)', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀');
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.array(piece, { maxLength: 6 })), { maxLength: 6 }), (initial, edits) => {
        let current = initial;
        let index = new LineIndex(current);
        for (const [a, b, parts] of edits) {
          const start = a % (current.length + 1);
          const end = start + (b % (current.length - start + 1));
          const inserted = parts.join('');
          current = current.slice(0, start) + inserted + current.slice(end);
          index = index.withEdit(current, start, end, inserted.length);
          assert.deepEqual(index.lineStarts, new LineIndex(current).lineStarts);
        }
      }),
      { seed: 20261128, numRuns: 3000 },
    );
  });
});
