// Renaming a speaker edits every one of their labels. Done on an untitled copy of the seed, so
// the other suites keep the seed as it is.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, incompleteSentenceLines, positionOf, ROOT, waitForDiagnostics } from '../vscodeHelpers';

describe('VS Code: rename a speaker', () => {
  let document: vscode.TextDocument;
  const seed = readFileSync(path.join(ROOT, 'samples', 'seed.transcript'), 'utf8');
  // 1-based lines of the seed that start with Sergey Lavrov's label.
  const labelLines = seed.split(/\r?\n/).flatMap((line, i) => (line.startsWith('Sergey Lavrov:') ? [i + 1] : []));

  before(async () => {
    assert.deepEqual(labelLines, [19, 22, 28, 35]);
    const untitled = await vscode.workspace.openTextDocument({ content: seed });
    await vscode.window.showTextDocument(untitled);
    document = await vscode.languages.setTextDocumentLanguage(untitled, 'transcript');
    await activateExtension();
    // The server has the document once its diagnostics are published.
    await waitForDiagnostics(document.uri, (d) => incompleteSentenceLines(d).length > 0);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('vscode.prepareRename selects the name in the label', async () => {
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, positionOf(document, 22, 'Lavrov'));
    assert.equal(prepared.placeholder, 'Sergey Lavrov');
    assert.equal(document.getText(prepared.range), 'Sergey Lavrov');
  });

  it('vscode.executeDocumentRenameProvider edits every label of the speaker, and only those', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 19, 'Sergey'), 'S. V. Lavrov');
    const edits = edit.get(document.uri);
    assert.deepEqual(edits.map((e) => e.range.start.line + 1).sort((a, b) => a - b), labelLines);
    for (const e of edits) assert.equal(document.getText(e.range), 'Sergey Lavrov');
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const line of labelLines) assert.match(document.lineAt(line - 1).text, /^S\. V\. Lavrov: /);
    assert.match(document.lineAt(0).text, /^Foreign Minister Sergey Lavrov’s remarks/, 'the title is not a label: it stays');
  });
});
