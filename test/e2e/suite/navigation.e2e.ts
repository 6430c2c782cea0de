// The Next/Previous Question commands move the selection from question to question.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, SEED_QUESTIONS, workspaceFile } from '../vscodeHelpers';

describe('VS Code: Next/Previous Question', () => {
  let editor: vscode.TextEditor;
  const questionLines = SEED_QUESTIONS.map(([, line]) => line);

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('seed.transcript')));
    await activateExtension();
  });

  /** Runs `command` in the seed's editor and gives the 1-based line the cursor ends on. */
  async function run(command: string): Promise<number> {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand(command);
    assert.ok(editor.selection.isEmpty, 'the selection is a cursor');
    return editor.selection.active.line + 1;
  }

  function putCursor(line: number): void {
    editor.selection = new vscode.Selection(line - 1, 0, line - 1, 0);
  }

  it('transcript.nextQuestion goes through Q1–Q4 and stops at the last', async () => {
    putCursor(1);
    const visited: number[] = [];
    for (let i = 0; i < questionLines.length; i++) visited.push(await run('transcript.nextQuestion'));
    assert.deepEqual(visited, questionLines);
    assert.equal(await run('transcript.nextQuestion'), questionLines[3], 'no question after Q4: the cursor stays');
  });

  it('transcript.previousQuestion goes back through Q4–Q1 and stops at the first', async () => {
    putCursor(37);
    const visited: number[] = [];
    for (let i = 0; i < questionLines.length; i++) visited.push(await run('transcript.previousQuestion'));
    assert.deepEqual(visited, [...questionLines].reverse());
    assert.equal(await run('transcript.previousQuestion'), questionLines[0], 'no question before Q1: the cursor stays');
  });

  it('from inside an answer, next goes to the next question and previous to its own question', async () => {
    putCursor(24); // in Sergey Lavrov's answer to Q2
    assert.equal(await run('transcript.nextQuestion'), 27);
    putCursor(24);
    assert.equal(await run('transcript.previousQuestion'), 21);
  });
});
