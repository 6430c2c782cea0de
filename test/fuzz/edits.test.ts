import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { checkProperty, timeoutFor, runsFor } from './support/fuzz';
import { corpusSlice, longText, pieces } from './support/generators';

/**
 * Every quick fix the server proposes, applied to the text, changes only the range it names, and
 * does what it says: the diagnostic it fixes is gone afterwards.
 */
describe('fuzz: quick fixes change only what they name', function () {
  this.timeout(timeoutFor(runsFor(0.5) * 2, 40));

  // Long documents too: thousands of lines, whose layout is decided far down (court pages after long blank runs).
  const text = fc.oneof(corpusSlice(3000), pieces(40), fc.tuple(corpusSlice(1500), pieces(10)).map(([a, b]) => a + b), longText);

  it('applied, each fix leaves the text outside its range untouched and its diagnostic gone (property)', () => {
    checkProperty('quick fixes', fc.property(text, (source) => {
      const service = createLanguageService();
      const document = { uri: 'file:///fix.transcript', version: 1, getText: () => source };
      const diagnostics = service.provideDiagnostics(document);
      for (const action of service.provideCodeActions(document, diagnostics)) {
        const edits = action.edit?.changes?.[document.uri] ?? [];
        assert.ok(edits.length > 0, `${action.title} has edits`);
        const fixed = TextDocument.applyEdits(TextDocument.create(document.uri, 'transcript', 1, source), edits);
        assertOnlyRangesChanged(source, fixed, edits, action.title);
        const fixedDocument = { uri: document.uri, version: 2, getText: () => fixed };
        const fixedDiagnostics = createLanguageService().provideDiagnostics(fixedDocument);
        const target = action.diagnostics![0];
        if (action.title.startsWith('Ignore')) {
          assert.ok(!fixedDiagnostics.some((d) => d.code === target.code), `${action.title}: no ${target.code} is left`);
        } else {
          // The fixed diagnostic's words now read differently, so none of that code starts where it started.
          const start = new LineIndex(source).offsetAt(target.range.start);
          const index = new LineIndex(fixed);
          assert.ok(!fixedDiagnostics.some((d) => d.code === target.code && index.offsetAt(d.range.start) === start && d.message === target.message),
            `${action.title}: the ${target.code} at ${start} is gone`);
        }
      }
    }), 0.5);
  });
});

/** The texts agree outside the edited ranges: before the first edit and after the last, edit by edit. */
function assertOnlyRangesChanged(before: string, after: string, edits: readonly TextEdit[], title: string): void {
  const index = new LineIndex(before);
  const spans = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start);
  let rebuilt = '';
  let at = 0;
  for (const span of spans) {
    rebuilt += before.slice(at, span.start) + span.text;
    at = span.end;
  }
  rebuilt += before.slice(at);
  assert.equal(after, rebuilt, `${title} changes exactly its ranges`);
}
