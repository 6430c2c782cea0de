import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeTranscript } from './navigation';
import { positionText } from './positionText';
import type { TurnAtInfo } from './protocol';

/** The status bar item, and an event after each update (the editor tests wait on it). */
export interface PositionStatus {
  readonly item: vscode.StatusBarItem;
  readonly onDidUpdate: vscode.Event<string>;
}

/** `Q3/4 · Sergey Lavrov`: where the cursor is. A click opens Go to Question…. */
export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): PositionStatus {
  const updated = new vscode.EventEmitter<string>();
  context.subscriptions.push(updated);
  const item = vscode.window.createStatusBarItem('transcript.position', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Transcript position';
  item.command = 'transcript.goToQuestion';
  item.tooltip = 'Go to Question…';
  context.subscriptions.push(item);

  let timer: NodeJS.Timeout | undefined;
  let request = 0;
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const editor = activeTranscript();
      if (!editor) {
        item.hide();
        updated.fire('');
        return;
      }
      const mine = ++request;
      const position = editor.selection.active;
      const text = await positionText(
        () => client.sendRequest<TurnAtInfo | null>('transcript/turnAt', {
          textDocument: { uri: editor.document.uri.toString() }, position: { line: position.line, character: position.character },
        }),
        (error) => client.warn('The status bar could not ask the server where the cursor is.', error, false),
      );
      if (mine !== request) return; // a newer move has asked since
      if (text === undefined) item.hide();
      else {
        item.text = text;
        item.show();
      }
      updated.fire(text ?? '');
    }, 100);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  update();
  return { item, onDidUpdate: updated.event };
}
