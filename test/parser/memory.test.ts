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
  // Each edit is a task of its own, as each didChange is a message of its own to the server: a
  // version reached through a WeakRef (ParagraphEdit.previous) is released when the task ends.
  const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('keeps no earlier version of the text alive after edits in many paragraphs', async () => {
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
    for (let edit = 0; edit < 5; edit++) {
      editParagraph(edit);
      await nextTask();
    }
    const before = heapAfterCollection();
    for (let edit = 5; edit < 35; edit++) {
      editParagraph(edit);
      await nextTask();
    }
    const grown = heapAfterCollection() - before;
    // Each version kept alive would add the text's 4 MB: thirty would be 120 MB. What the heap
    // gains besides (about 3 MB: code compiled meanwhile, caches) stays under four versions,
    // however busy the machine, and a leak of even one version in eight goes over.
    const versionBytes = 2 * text.length;
    assert.ok(grown < 4 * versionBytes, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 30 edits of a ${(text.length / 1e6).toFixed(1)} M-character text`);
  });

  it('keeps no earlier version of the text alive through the front matter, which edits below it reuse', () => {
    const paragraph = (i: number) => `Sergey Viktorovich Lavrov: We discussed item ${i} at length, and we agreed on “the next steps”.`;
    // The first version ends in 10 million spaces (20 MB in a two-byte text), which the first edit
    // removes: kept alive, that version weighs five times what the rest of the heap gains, so the
    // measure does not hang on a few megabytes of compiled code. Made here, so that only the
    // document holds the first version of the text.
    const document = new EditableDocument([
      '---', 'title: Talks on “the next steps”, a long title for a long transcript', 'speakers:', '  - name: Sergey Viktorovich Lavrov', '    aliases: [Lavrov, the Minister of Foreign Affairs]', '---',
      ...Array.from({ length: 20000 }, (_, i) => paragraph(i)), ' '.repeat(10_000_000),
    ].join('\n\n'));
    const tailBytes = 2 * 10_000_000;
    const service = createLanguageService();
    const touchEverything = () => {
      service.provideDocumentSymbols(document);
      service.provideDiagnostics(document);
    };
    touchEverything();
    // Replaced by a line break rather than deleted: the new text is then no slice of the old one.
    document.edit(document.getText().length - 10_000_000, document.getText().length, '\n');
    touchEverything();
    for (let edit = 0; edit < 10; edit++) {
      const at = document.getText().indexOf('at length', (edit * 653 + 100) % 20000 * paragraph(0).length);
      document.edit(at, at, 'x');
      touchEverything();
    }
    const reusingFrontMatter = heapAfterCollection();
    // An edit in the front matter reads the document afresh: nothing of the first version is kept then.
    document.edit(10, 10, 'x');
    touchEverything();
    const readAfresh = heapAfterCollection();
    // When the front matter's strings were slices of the first version, its whole text stayed.
    assert.ok(reusingFrontMatter - readAfresh < tailBytes / 2,
      `${((reusingFrontMatter - readAfresh) / 1e6).toFixed(1)} MB more while the front matter of the first version was in use (its tail alone is ${(tailBytes / 1e6).toFixed(0)} MB)`);
  });
});
