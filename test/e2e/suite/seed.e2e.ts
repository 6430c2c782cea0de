// The seed transcript in a real VS Code, through the extension API: language, outline,
// diagnostics and hover, each answered by the bundled language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, documentSymbols, EXTENSION_ID, hoverMarkdown, incompleteSentenceLines, positionOf, questionsOf,
  SEED_INCOMPLETE_LINES, SEED_QUESTIONS, waitForDiagnostics, workspaceFile, ROOT,
} from '../vscodeHelpers';

describe('VS Code: samples/seed.transcript', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    uri = workspaceFile('seed.transcript');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('runs the extension from this working tree', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(extension.extensionPath, ROOT);
  });

  it('opens a .transcript file in the `transcript` language', () => {
    assert.equal(document.languageId, 'transcript');
    assert.equal(document.lineCount, 37);
  });

  it('vscode.executeDocumentSymbolProvider gives the numbered questions, each with its answer', async () => {
    const symbols = await documentSymbols(uri);
    assert.deepEqual(questionsOf(symbols), SEED_QUESTIONS);
    for (const question of symbols.filter((s) => /^Q\d/.test(s.name))) {
      assert.equal(question.kind, vscode.SymbolKind.Event, question.name);
      assert.equal(question.detail, 'Question');
      assert.match(question.children[0]?.name ?? '', /^Sergey Lavrov · /, `${question.name} has Lavrov's answer nested`);
    }
    assert.match(symbols[0].name, /^Foreign Minister Sergey Lavrov’s remarks/, 'the title comes first');
    assert.match(symbols[1].name, /^Opening remarks · /);
  });

  it('vscode.languages.getDiagnostics lists the truncated sentences at their lines', async () => {
    const diagnostics = await waitForDiagnostics(uri, (d) => incompleteSentenceLines(d).length > 0);
    assert.deepEqual(incompleteSentenceLines(diagnostics), SEED_INCOMPLETE_LINES);
    for (const d of diagnostics.filter((x) => x.range.start.line === 2)) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /^Incomplete sentence: it stops at “from”/);
    }
  });

  it('vscode.executeHoverProvider on CSTO returns its card', async () => {
    const position = positionOf(document, 12, 'CSTO').translate(0, 1);
    const markdown = await hoverMarkdown(uri, position);
    assert.match(markdown, /Collective Security Treaty Organization/);
    assert.match(markdown, /\(CSTO\)/);
  });
});
