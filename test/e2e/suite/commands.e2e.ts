// The other client commands in a real VS Code: Next/Previous Turn, Next Turn of This Speaker,
// the status bar's position, and the Statistics view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, workspaceFile } from '../vscodeHelpers';

interface Api {
  readonly positionStatus: { readonly item: vscode.StatusBarItem; readonly onDidUpdate: vscode.Event<string> };
}

describe('VS Code: turns, the status bar and statistics', () => {
  let editor: vscode.TextEditor;
  let api: Api;

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('seed.transcript')));
    api = (await activateExtension()).exports as Api;
  });

  async function run(command: string): Promise<number> {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand(command);
    return editor.selection.active.line + 1;
  }

  function putCursor(line: number): void {
    editor.selection = new vscode.Selection(line - 1, 0, line - 1, 0);
  }

  it('transcript.nextTurn and previousTurn step through every turn', async () => {
    putCursor(1);
    const forward: number[] = [];
    for (let i = 0; i < 9; i++) forward.push(await run('transcript.nextTurn'));
    assert.deepEqual(forward, [2, 18, 19, 21, 22, 27, 28, 34, 35]);
    const back: number[] = [];
    for (let i = 0; i < 3; i++) back.push(await run('transcript.previousTurn'));
    assert.deepEqual(back, [34, 28, 27]);
  });

  it('transcript.nextTurnOfSpeaker goes to Sergey Lavrov’s next answer, and round to the first', async () => {
    putCursor(19);
    const visited: number[] = [];
    for (let i = 0; i < 4; i++) visited.push(await run('transcript.nextTurnOfSpeaker'));
    assert.deepEqual(visited, [22, 28, 35, 19]);
  });

  it('the status bar says which question and speaker the cursor is in', async () => {
    await vscode.window.showTextDocument(editor.document);
    const shown = new Promise<string>((resolve) => {
      const listener = api.positionStatus.onDidUpdate((text) => {
        if (!text.includes('Q3/4')) return;
        listener.dispose();
        resolve(text);
      });
    });
    putCursor(29); // in Sergey Lavrov's answer to Q3
    assert.equal(await shown, '$(comment-discussion) Q3/4 · Sergey Lavrov');
    assert.equal(api.positionStatus.item.command, 'transcript.goToQuestion');
  });

  it('transcript.showStatistics opens a Statistics view beside the transcript', async () => {
    await vscode.window.showTextDocument(editor.document);
    const opened = new Promise<vscode.Tab>((resolve) => {
      const listener = vscode.window.tabGroups.onDidChangeTabs((event) => {
        const tab = event.opened.find((t) => t.label.startsWith('Statistics'));
        if (!tab) return;
        listener.dispose();
        resolve(tab);
      });
    });
    await vscode.commands.executeCommand('transcript.showStatistics');
    const tab = await opened;
    assert.equal(tab.label, 'Statistics: seed.transcript');
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    // The tab the event gave is a snapshot: close the one the groups hold now.
    const current = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label === tab.label);
    if (current) await vscode.window.tabGroups.close(current);
  });
});
