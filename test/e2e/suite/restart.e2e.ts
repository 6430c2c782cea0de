// A crashed server comes back: vscode-languageclient's restart policy starts it again, and the
// outline answers as before. The server is killed for real (SIGKILL), as a crash would end it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { activateExtension, documentSymbols, questionsOf, SEED_QUESTIONS, workspaceFile } from '../vscodeHelpers';

function serverPid(client: LanguageClient): number {
  const experimental = client.initializeResult?.capabilities.experimental as { processId?: number } | undefined;
  if (!experimental?.processId) throw new Error('the server did not say its process id in initialize');
  return experimental.processId;
}

describe('VS Code: the server is restarted after a crash', () => {
  it('kills the server process and gets the outline back from a new one', async () => {
    const uri = workspaceFile('seed.transcript');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const extension = await activateExtension();
    const client = (extension.exports as { languageClient: LanguageClient }).languageClient;
    assert.deepEqual(questionsOf(await documentSymbols(uri)), SEED_QUESTIONS);
    const before = serverPid(client);

    const running = new Promise<void>((resolve) => {
      let stopped = false;
      const listener = client.onDidChangeState((event) => {
        if (event.newState !== State.Running) stopped = true;
        else if (stopped) {
          listener.dispose();
          resolve();
        }
      });
    });
    process.kill(before, 'SIGKILL');
    await running;

    const after = serverPid(client);
    assert.notEqual(after, before, 'a new server process');
    assert.throws(() => process.kill(before, 0), 'the old one is gone');
    assert.deepEqual(questionsOf(await documentSymbols(uri)), SEED_QUESTIONS);
  });
});
