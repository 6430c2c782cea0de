// The commonest start: paste a transcript into a new, untitled editor and switch it to
// the Transcript language.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension, documentSymbols, incompleteSentenceLines, questionsOf, ROOT, SEED_INCOMPLETE_LINES, SEED_QUESTIONS,
  waitForDiagnostics,
} from '../vscodeHelpers';

describe('VS Code: an untitled editor switched to Transcript', () => {
  let document: vscode.TextDocument;

  before(async () => {
    const text = readFileSync(path.join(ROOT, 'samples', 'seed.transcript'), 'utf8');
    const untitled = await vscode.workspace.openTextDocument({ content: text });
    await vscode.window.showTextDocument(untitled);
    assert.equal(untitled.uri.scheme, 'untitled');
    assert.notEqual(untitled.languageId, 'transcript', 'starts in another language');
    document = await vscode.languages.setTextDocumentLanguage(untitled, 'transcript');
    await activateExtension();
  });

  after(async () => {
    // Leave no dirty editor behind: the workbench would ask whether to save it.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('is in the `transcript` language', () => {
    assert.equal(document.languageId, 'transcript');
    assert.equal(document.uri.scheme, 'untitled');
  });

  it('gets diagnostics', async () => {
    const diagnostics = await waitForDiagnostics(document.uri, (d) => incompleteSentenceLines(d).length > 0);
    assert.deepEqual(incompleteSentenceLines(diagnostics), SEED_INCOMPLETE_LINES);
  });

  it('gets the document symbols', async () => {
    assert.deepEqual(questionsOf(await documentSymbols(document.uri)), SEED_QUESTIONS);
  });
});
