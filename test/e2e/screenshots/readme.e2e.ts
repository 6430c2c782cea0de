// Sets the scene for each README screenshot, checks through the API that it holds what the
// picture claims, then asks code.js for the picture.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension, documentSymbols, incompleteSentenceLines, positionOf, questionsOf, ROOT, SEED_INCOMPLETE_LINES, SEED_QUESTIONS,
  waitForDiagnostics, workspaceFile, hoverMarkdown,
} from '../vscodeHelpers';

const { screenshot } = require(path.join(ROOT, 'scripts', 'vscode-server', 'lib', 'e2e-helpers.js')) as {
  screenshot(name: string, options?: { settleMs?: number; timeoutMs?: number }): Promise<string | undefined>;
};

describe('screenshots of the seed in VS Code', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  before(async () => {
    assert.ok(process.env.VSCODE_E2E_SCREENSHOT_DIR, 'VSCODE_E2E_SCREENSHOT_DIR is set (npm run screenshots)');
    uri = workspaceFile('seed.transcript');
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await activateExtension();
    assert.deepEqual(incompleteSentenceLines(await waitForDiagnostics(uri, (d) => incompleteSentenceLines(d).length > 0)), SEED_INCOMPLETE_LINES);
    assert.deepEqual(questionsOf(await documentSymbols(uri)), SEED_QUESTIONS);
  });

  function moveTo(position: vscode.Position): void {
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  it('outline.png: the Outline view with the numbered questions', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    // The Outline gets the whole side bar: the timeline is hidden and the file tree, which
    // cannot be hidden, moves to the Source Control container (a throw-away profile).
    await vscode.commands.executeCommand('timeline.removeView');
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['workbench.explorer.fileView'], destinationId: 'workbench.view.scm' });
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    // A narrower editor, hence a wider side bar, so the questions' first words show.
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    moveTo(new vscode.Position(SEED_QUESTIONS[0][1] - 1, 0));
    assert.ok(await screenshot('outline', { settleMs: 2500 }));
  });

  it('problems.png: the Problems panel with the incomplete sentences', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    moveTo(new vscode.Position(0, 0));
    assert.ok(await screenshot('problems', { settleMs: 2500 }));
  });

  it('hover.png: the hover card of CSTO', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const position = positionOf(editor.document, 12, 'CSTO').translate(0, 1);
    assert.match(await hoverMarkdown(uri, position), /Collective Security Treaty Organization/);
    moveTo(position);
    // A hover closes when its editor scrolls: let the reveal's scrolling be painted first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('editor.action.showHover');
    assert.ok(await screenshot('hover', { settleMs: 2500 }));
  });
});
