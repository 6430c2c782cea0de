import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { QuestionInfo, TurnInfo } from './protocol';

/** The transcript in the active editor, if there is one. */
export function activeTranscript(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'transcript' ? editor : undefined;
}

export function questions(client: LanguageClient, document: vscode.TextDocument): Promise<QuestionInfo[]> {
  return client.sendRequest<QuestionInfo[]>('transcript/questions', { textDocument: { uri: document.uri.toString() } }).then((r) => r ?? []);
}

export function turns(client: LanguageClient, document: vscode.TextDocument): Promise<TurnInfo[]> {
  return client.sendRequest<TurnInfo[]>('transcript/turns', { textDocument: { uri: document.uri.toString() } }).then((r) => r ?? []);
}

function toPosition(p: { line: number; character: number }): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** Puts the cursor at `target` and scrolls it into view, near the top, so the turn below shows. */
export function moveTo(editor: vscode.TextEditor, target: { line: number; character: number }): void {
  const position = toPosition(target);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The first item after the cursor (forward) or the last one before the turn it is in (backward). */
export function step<T extends { range: { start: { line: number; character: number } }; selectionRange: { start: { line: number; character: number } } }>(
  items: readonly T[], cursor: vscode.Position, forward: boolean,
): T | undefined {
  const starts = items.map((item) => toPosition(item.selectionRange.start));
  if (forward) return items.find((_, i) => starts[i].isAfter(cursor));
  // Backward from inside an item goes to that item's start first, then to the one before.
  for (let i = items.length - 1; i >= 0; i--) if (starts[i].isBefore(cursor)) return items[i];
  return undefined;
}

export function registerNavigation(context: vscode.ExtensionContext, client: LanguageClient): void {
  const command = (id: string, run: (editor: vscode.TextEditor) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async () => {
      const editor = activeTranscript();
      if (editor) await run(editor);
    }));

  const byQuestion = (forward: boolean) => async (editor: vscode.TextEditor) => {
    const target = step(await questions(client, editor.document), editor.selection.active, forward);
    if (target) moveTo(editor, target.selectionRange.start);
    else void vscode.window.setStatusBarMessage(forward ? 'No question after this one.' : 'No question before this one.', 2000);
  };
  const byTurn = (forward: boolean) => async (editor: vscode.TextEditor) => {
    const target = step(await turns(client, editor.document), editor.selection.active, forward);
    if (target) moveTo(editor, target.selectionRange.start);
  };

  command('transcript.nextQuestion', byQuestion(true));
  command('transcript.previousQuestion', byQuestion(false));
  command('transcript.nextTurn', byTurn(true));
  command('transcript.previousTurn', byTurn(false));

  command('transcript.nextTurnOfSpeaker', async (editor) => {
    const all = await turns(client, editor.document);
    const cursor = editor.selection.active;
    const current = [...all].reverse().find((t) => !toPosition(t.range.start).isAfter(cursor));
    if (!current) return;
    const same = (t: TurnInfo) => (current.speakerId ? t.speakerId === current.speakerId : t.speaker === current.speaker);
    const next = all.find((t) => t.index > current.index && same(t)) ?? all.find((t) => t.index < current.index && same(t));
    if (next) moveTo(editor, next.selectionRange.start);
    else void vscode.window.setStatusBarMessage(`${current.speaker} has no other turn.`, 2000);
  });

  command('transcript.goToQuestion', async (editor) => {
    const list = await questions(client, editor.document);
    if (list.length === 0) {
      void vscode.window.showInformationMessage('This transcript has no questions (no `Question:` or `Q:` labels).');
      return;
    }
    type Item = vscode.QuickPickItem & { question: QuestionInfo };
    const items: Item[] = list.map((q) => ({
      label: `Q${q.number} · ${q.opening || '(no words)'}`,
      description: q.questioner ?? undefined,
      detail: q.answeredBy.length ? `Answered by ${q.answeredBy.join(', ')} · ${q.words} words` : 'No answer',
      question: q,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: 'Go to question… (type to filter)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) moveTo(editor, picked.question.selectionRange.start);
  });
}
