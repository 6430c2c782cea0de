import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChangeHistory, composeChanges } from '../../server/src/service/text/changeHistory';
import { EditorDocument } from '../../server/src/documents';
import { createLanguageService } from '../../server/src/service';
import type { TextChange } from '../../server/src/service/parser/parser';


describe('text: the changes since a version, as one', () => {
  it('composes changes so that the text before them, with the composed range replaced, is the text after them (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 6 }), fc.infiniteStream(fc.nat()), (start, count, picks) => {
      const history = new ChangeHistory();
      let text = start;
      const seeds = picks[Symbol.iterator]();
      for (let version = 1; version <= count; version++) {
        const a = seeds.next().value % (text.length + 1);
        const b = seeds.next().value % (text.length + 1);
        const inserted = 'xyz—'.slice(0, seeds.next().value % 5);
        const change: TextChange = { start: Math.min(a, b), end: Math.max(a, b), length: inserted.length };
        text = text.slice(0, change.start) + inserted + text.slice(change.end);
        history.record(version, version + 1, change);
      }
      const composed = history.since(1)!;
      assert.equal(start.slice(0, composed.start) + text.slice(composed.start, composed.start + composed.length) + start.slice(composed.end), text);
      // What neither change touched is outside the composed range.
      assert.equal(text.slice(0, composed.start), start.slice(0, composed.start));
      assert.equal(text.slice(composed.start + composed.length), start.slice(composed.end));
    }));
  });

  it('two changes side by side compose to the range that covers both', () => {
    const first = { start: 10, end: 12, length: 1 };
    assert.deepEqual(composeChanges(first, { start: 20, end: 20, length: 3 }), { start: 10, end: 21, length: 13 });
    assert.deepEqual(composeChanges(first, { start: 2, end: 4, length: 0 }), { start: 2, end: 12, length: 7 });
  });

  it('knows nothing across a whole new text, a version it never saw, or a version number that did not increase', () => {
    const history = new ChangeHistory();
    history.record(1, 2, { start: 0, end: 0, length: 1 });
    history.record(2, 3, undefined);
    history.record(3, 4, { start: 0, end: 0, length: 1 });
    assert.equal(history.since(1), undefined);
    assert.deepEqual(history.since(3), { start: 0, end: 0, length: 1 });
    assert.equal(history.since(7), undefined);
    history.record(4, 4, { start: 0, end: 0, length: 1 });
    assert.equal(history.since(3), undefined);
  });

  it('a burst of keystrokes with no request between them is reparsed from the version the service last read', () => {
    const service = createLanguageService();
    const text = Array.from({ length: 30 }, (_, i) => `Sergey Lavrov: Point ${i}.\n`).join('\n');
    const document = EditorDocument.create('file:///burst.transcript', 'transcript', 1, text);
    const before = service.getModel(document);
    for (let version = 2; version <= 6; version++) {
      const at = document.positionAt(text.indexOf('Point 7') + 5);
      document.apply([{ range: { start: at, end: at }, text: 'x' }], version);
    }
    const after = service.getModel(document);
    assert.equal(after.edit?.previous.deref(), before);
    assert.equal(after.edit?.to! - after.edit?.from!, 1, 'one paragraph reparsed');
    assert.deepEqual(after.turns.map((t) => t.speakerId), before.turns.map((t) => t.speakerId));
  });
});
