// Transcript: Import… and Name Speakers in a real VS Code (issue 17): a WhisperX JSON imported
// into an untitled transcript, its generic speakers named in one edit that one undo reverts, and
// the server's refactoring on a generic label.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, ROOT, workspaceFile } from '../vscodeHelpers';

describe('VS Code: import a WhisperX file and name its speakers', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    const source = workspaceFile('whisperx-french-call.json');
    await vscode.workspace.fs.writeFile(source, readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', 'whisperx-french-call.json')));
    document = (await vscode.commands.executeCommand<vscode.TextDocument>('transcript.import', source))!;
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the imported transcript as an untitled transcript document', () => {
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'transcript');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.match(document.getText(), /^---\nlanguage: en\nsource: whisperx-french-call\.json\nspeakers:\n {2}- SPEAKER_02\n/);
    assert.match(document.getText(), /\n\[00:00:06\.578\] SPEAKER_02: Bonjour\.\n/);
  });

  it('offers Name Speakers as a refactoring on a generic label', async () => {
    const line = document.getText().split('\n').findIndex((l) => l.includes('SPEAKER_00:'));
    const range = new vscode.Range(line, 12, line, 12);
    const kind = vscode.CodeActionKind.RefactorRewrite.value;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind);
    const naming = actions.find((a) => a.command?.command === 'transcript.nameSpeakers');
    assert.equal(naming?.title, 'Name SPEAKER_00 and the other generic speakers…');
    assert.deepEqual(naming?.command?.arguments, [document.uri.toString(), 'speaker_00']);
  });

  it('names every generic speaker at once, labels and front matter, and one undo puts them back', async () => {
    const before = document.getText();
    const count = (name: string) => document.getText().split(`${name}:`).length - 1;
    const turns = count('SPEAKER_00');
    assert.ok(turns > 3);
    const names = { SPEAKER_00: 'Agente Tremblay', SPEAKER_01: 'Denise Roy' };
    const applied = await vscode.commands.executeCommand('transcript.nameSpeakers', document.uri.toString(), undefined, names);
    assert.equal(applied, true);
    assert.equal(count('SPEAKER_00'), 0);
    assert.equal(count('Agente Tremblay'), turns);
    assert.ok(count('SPEAKER_02') > 0, 'a speaker given no name keeps their label');
    assert.match(document.getText(), /speakers:\n {2}- SPEAKER_02\n {2}- Agente Tremblay\n {2}- Denise Roy\n/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });
});
