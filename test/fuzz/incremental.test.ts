import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditorDocument } from '../../server/src/documents';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { checkProperty, recordCases, runsFor, timeoutFor } from './support/fuzz';
import { features, plainDocument, show } from './support/features';
import { CORPUS, edit, editRange, longEdit, longText, paragraphEdit, paragraphedText, pastedEdit, pastedText, pieces, startText, type Edit } from './support/generators';

/**
 * Incremental parsing (issue 8, property 1). The server keeps one `EditorDocument` per open file
 * and applies each `didChange` to it; the service keeps one entry per uri with its paragraph
 * cache and, for a single change, reparses only the blocks the change touches. Whatever the
 * edits, the answers must be those of a fresh service reading the final text from scratch.
 */

/** One `didChange`: one to three range changes applied in order, or the whole text replaced. */
interface Step {
  readonly edits: readonly Edit[];
  readonly wholeText?: string;
  /** Whether the service is asked about this version (a client may send several changes before asking). */
  readonly query: boolean;
  /** How the version number moves: +1 as LSP wants, or a client's mistake (repeated, backwards). */
  readonly versionStep?: number;
}

/** Mostly single changes (which the service reparses incrementally), sometimes several, rarely the whole text. */
function steps(anEdit: fc.Arbitrary<Edit>, maxLength: number): fc.Arbitrary<Step[]> {
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 12, arbitrary: fc.record({ edits: fc.array(anEdit, { minLength: 1, maxLength: 1 }), query: fc.constant(true) }) },
    { weight: 3, arbitrary: fc.record({ edits: fc.array(anEdit, { minLength: 1, maxLength: 3 }), query: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ edits: fc.constant([]), wholeText: pieces(30), query: fc.constant(true) }) },
  );
  return fc.array(step, { minLength: 1, maxLength });
}

const URI = 'file:///fuzz/incremental.transcript';
/** Unknown organisations reported too: what the document as a whole counts of its names is compared with the rest. */
const SETTINGS = { severity: { 'unknown-organisation': 'information' as const } };

/** The same steps with the version numbers of a misbehaving client: repeated, or going backwards. */
function misnumbered(anySteps: fc.Arbitrary<Step[]>): fc.Arbitrary<Step[]> {
  return anySteps.chain((list) => fc.tuple(...list.map((s) => fc.constantFrom(1, 1, 0, -1, -3).map((versionStep) => ({ ...s, versionStep })))));
}

/** Plays the steps the way the server does, checking after each queried version. */
function play(start: string, steps: readonly Step[]): void {
  const service = createLanguageService(SETTINGS);
  const document = EditorDocument.create(URI, 'transcript', 1, start);
  // The reference implementation of LSP text synchronisation, to check the server's document against.
  let reference = TextDocument.create(URI, 'transcript', 1, start);
  service.getModel(document);
  let version = 1;
  for (const [index, s] of steps.entries()) {
    const changes: TextDocumentContentChangeEvent[] = [];
    if (s.wholeText !== undefined) changes.push({ text: s.wholeText });
    else {
      // Each change's range is in the text as the changes before it left it.
      let text = reference.getText();
      let scratch = TextDocument.create(URI, 'transcript', 0, text);
      for (const e of s.edits) {
        const { start: from, end: to } = editRange(e, text.length);
        // Sometimes end first, as a careless client may send it.
        const [first, second] = e.reversed ? [to, from] : [from, to];
        const change = { range: { start: scratch.positionAt(first), end: scratch.positionAt(second) }, text: e.insert };
        changes.push(change);
        scratch = TextDocument.update(scratch, [change], 0);
        text = scratch.getText();
      }
    }
    version += s.versionStep ?? 1;
    document.apply(changes, version);
    reference = TextDocument.update(reference, changes, version);
    const text = reference.getText();
    const where = `after step ${index + 1} of ${steps.length} (version ${version}), text ${show(text)}`;
    assert.equal(document.getText(), text, `the server's document differs from LSP's reference ${where}`);
    assert.deepEqual(document.lineIndex.lineStarts, new LineIndex(text).lineStarts, `the kept line index differs from a fresh one ${where}`);
    if (!s.query) continue;
    const incremental = features(service, document);
    const fresh = features(createLanguageService(SETTINGS), plainDocument(text, URI, version));
    assert.deepEqual(incremental, fresh, `incremental ≠ fresh ${where}`);
  }
}

describe('fuzz: incremental edits give the same answers as a fresh parse', function () {
  it('random edits to generated texts and corpus slices, as the server applies them (property)', function () {
    const weight = 1;
    this.timeout(timeoutFor(runsFor(weight), 40));
    recordCases(checkProperty('incremental', fc.property(startText, steps(edit, 10), play), weight));
  });

  it('random edits to transcripts in paragraphs, which the service reparses block by block (property)', function () {
    const weight = 1;
    this.timeout(timeoutFor(runsFor(weight), 40));
    recordCases(checkProperty('incremental (paragraphs)', fc.property(paragraphedText, steps(paragraphEdit, 12), play), weight));
  });

  it('random edits to transcripts pasted without blank lines, which the service splits again line by line (property)', function () {
    const weight = 1;
    this.timeout(timeoutFor(runsFor(weight), 40));
    recordCases(checkProperty('incremental (pasted)', fc.property(pastedText, steps(pastedEdit, 8), play), weight));
  });

  it('random edits with version numbers repeated or going backwards, some versions never asked about (property)', function () {
    const weight = 0.5;
    this.timeout(timeoutFor(runsFor(weight), 40));
    recordCases(checkProperty('incremental (misnumbered versions)', fc.property(paragraphedText, misnumbered(steps(paragraphEdit, 10)), play), weight));
  });

  it('random edits to long documents: thousands of lines, long blank runs, court pages (property)', function () {
    const weight = 0.1;
    // Shrinking a failure of thousands of lines takes minutes: past the budget, the smallest found so far is reported.
    const budget = timeoutFor(runsFor(weight), 300);
    this.timeout(budget + 30_000);
    const anEdit = fc.oneof({ weight: 3, arbitrary: longEdit }, { weight: 1, arbitrary: paragraphEdit });
    recordCases(checkProperty('incremental (long documents)', fc.property(longText, steps(anEdit, 6), play), weight, { plugins: [fc.interruptAfterTimeLimit(budget)] }));
  });

  it('random edits to whole corpus transcripts (property)', function () {
    const weight = 0.03;
    this.timeout(timeoutFor(runsFor(weight), 3000));
    const corpus = fc.nat(CORPUS.length - 1).map((i) => CORPUS[i].text);
    recordCases(checkProperty('incremental (whole corpus)', fc.property(corpus, steps(fc.oneof(edit, paragraphEdit), 4), play), weight));
  });

  describe('regressions: the bugs these properties found, as plain cases', function () {
    /** Applies LSP changes to a server document; checks its text against LSP's reference and its answers against a fresh parse. */
    function check(start: string, changes: { range: [number, number]; text: string; version: number; ask: boolean }[]) {
      const service = createLanguageService();
      const document = EditorDocument.create(URI, 'transcript', 1, start);
      let reference = TextDocument.create(URI, 'transcript', 1, start);
      service.getModel(document);
      for (const change of changes) {
        const lsp = { range: { start: reference.positionAt(change.range[0]), end: reference.positionAt(change.range[1]) }, text: change.text };
        document.apply([lsp], change.version);
        reference = TextDocument.update(reference, [lsp], change.version);
        assert.equal(document.getText(), reference.getText());
        if (change.ask) assert.deepEqual(features(service, document), features(createLanguageService(), plainDocument(reference.getText(), URI, change.version)));
      }
    }

    it('a text that opens with `---` becomes front matter when an edit writes the closing fence (parser.ts updateTranscript)', function () {
      check('---\n', [{ range: [4, 4], text: '---', version: 2, ask: true }]);
      check('---\ntitle: T\n\nSergey Lavrov: Hello.\n', [{ range: [13, 13], text: '...', version: 2, ask: true }]);
    });

    it('a version number sent twice with different texts gets the second text (service getModel)', function () {
      check('Question: Why?\n', [{ range: [0, 8], text: 'Answer', version: 2, ask: true }, { range: [0, 6], text: 'Sergey Lavrov', version: 2, ask: true }]);
    });

    it('a repeated version number, then a change the service reparses from it (documents.ts EditorDocument)', function () {
      const start = 'Title of the talk\n\nQuestion: Why?\n\nSergey Lavrov: Yes.\n\nQuestion: When?\n\nSergey Lavrov: Now.';
      const at = start.indexOf('Question');
      // Version 2 is asked about; version 2 again is not (the server publishes diagnostics after a pause); then version 3.
      check(start, [
        { range: [at + 10, at + 13], text: 'How', version: 2, ask: true },
        { range: [at, at + 8], text: 'Mr Smith', version: 2, ask: false },
        { range: [start.length, start.length], text: ' Really.', version: 3, ask: true },
      ]);
    });

    it('a change whose range ends before it starts replaces that range, as in LSP’s TextDocument (documents.ts EditorDocument)', function () {
      const document = EditorDocument.create(URI, 'transcript', 1, 'Question: Why?');
      document.apply([{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 0 } }, text: '' }], 2);
      assert.equal(document.getText(), 'uestion: Why?');
    });
  });
});
