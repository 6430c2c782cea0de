import * as vscode from 'vscode';
import { ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import type { ImportResult } from './protocol';

/** Above this size an import shows a progress notification (it can take a second or more). */
const PROGRESS_BYTES = 1_000_000;

/**
 * Transcript: Import…: pick a WebVTT, SRT, Whisper JSON, podcast JSON or Whisper text file; the
 * server turns it into a transcript, opened as an untitled transcript (saving it asks where).
 */
export function registerImport(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('transcript.import', async (given?: vscode.Uri) => {
    const uri = given ?? (await vscode.window.showOpenDialog({
      title: 'Import a transcript',
      openLabel: 'Import',
      canSelectMany: false,
      filters: { 'Subtitles and speech-to-text': ['vtt', 'srt', 'json', 'txt'], 'All files': ['*'] },
    }))?.[0];
    if (!uri) return undefined;
    const name = uri.path.split('/').pop() ?? uri.path;
    const bytes = await vscode.workspace.fs.readFile(uri);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      void vscode.window.showErrorMessage(`Cannot import ${name}: it is not UTF-8 text.`);
      return undefined;
    }
    const run = (token?: vscode.CancellationToken) => client.sendRequest<ImportResult>('transcript/import', { text, fileName: name }, token);
    const notification = { location: vscode.ProgressLocation.Notification, title: `Importing ${name}…`, cancellable: true };
    let result: ImportResult;
    try {
      result = bytes.byteLength < PROGRESS_BYTES
        ? await run()
        : await vscode.window.withProgress(notification, (_, token) => run(token));
    } catch (error) {
      if (token(error) === 'cancelled') return undefined;
      const where = error instanceof ResponseError && (error.data as { line?: number; column?: number } | undefined)?.line;
      const data = where ? (error as ResponseError<{ line: number; column?: number }>).data! : undefined;
      const place = data ? ` (line ${data.line}${data.column ? `, column ${data.column}` : ''})` : '';
      void vscode.window.showErrorMessage(`Cannot import ${name}${place}: ${(error as Error).message}`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ content: result.text, language: 'transcript' });
    await vscode.window.showTextDocument(document);
    return document;
  }));
}

/** A cancelled request rejects with the protocol's RequestCancelled code. */
function token(error: unknown): 'cancelled' | undefined {
  return error instanceof ResponseError && error.code === -32800 ? 'cancelled' : undefined;
}
