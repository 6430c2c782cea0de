import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLanguageService } from '../../server/src/service';
import { EditableDocument } from '../util/editableDocument';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('parser: memory across versions', () => {
  it('keeps no earlier version of the text alive after edits in many paragraphs', () => {
    // Two-byte text (the quotes) of about 4 MB in memory; every paragraph has a long label.
    const paragraph = (i: number) => `Sergey Viktorovich Lavrov: We discussed item ${i} at length, and we agreed on “the next steps”.`;
    const text = Array.from({ length: 20000 }, (_, i) => paragraph(i)).join('\n\n');
    const service = createLanguageService();
    const document = new EditableDocument(text);
    const touchEverything = () => {
      service.provideDocumentSymbols(document);
      service.provideDiagnostics(document);
    };
    const editParagraph = (edit: number) => {
      const at = document.getText().indexOf('at length', (edit * 653) % 20000 * paragraph(0).length);
      document.edit(at, at, 'x');
      touchEverything();
    };
    // A few edits first, so that what the heap gains once (compiled code, caches) is not counted.
    touchEverything();
    for (let edit = 0; edit < 5; edit++) editParagraph(edit);
    const before = heapAfterCollection();
    for (let edit = 5; edit < 35; edit++) editParagraph(edit);
    const grown = heapAfterCollection() - before;
    // Each version kept alive would add the text's 4 MB: thirty would be 120 MB.
    const versionBytes = 2 * text.length;
    assert.ok(grown < 2 * versionBytes, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 30 edits of a ${(text.length / 1e6).toFixed(1)} M-character text`);
  });
});
