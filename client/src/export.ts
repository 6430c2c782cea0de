import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExportAnswer, ExportFormat, ExportOptions } from './protocol';
// Constants only: options.ts imports nothing, so nothing else of the server comes into the client's bundle.
import { DEFAULT_CUE_LIMITS, DEFAULT_WORDS_PER_MINUTE, EXPORT_FORMAT_INFO, EXPORT_FORMATS } from '../../server/src/service/export/options';
import { activeTranscript } from './navigation';

/** Above this many characters, the export shows its progress in a notification (a line in the status bar below). */
const LARGE_DOCUMENT = 1_000_000;

/**
 * What `transcript.export` may be given instead of asking (other extensions, keybindings, the
 * end-to-end tests): the format, where to write, and options; the document is the active transcript.
 */
export interface ExportArguments {
  readonly format?: ExportFormat;
  readonly uri?: vscode.Uri | string;
  readonly options?: ExportOptions;
}

/** "Transcript: Export…": pick a format, a file in a save dialog, and the server writes the transcript as that. */
export function registerExport(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('transcript.export', async (args: ExportArguments = {}) => {
    const editor = activeTranscript();
    if (!editor) {
      void vscode.window.showInformationMessage('Open a transcript to export it.');
      return undefined;
    }
    const document = editor.document;
    const format = args.format ?? (await pickFormat());
    if (!format) return undefined;
    const target = args.uri ? (typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri) : await pickTarget(document, format);
    if (!target) return undefined;
    let options: ExportOptions = { ...settingsOptions(), ...args.options };
    let answer = await requestExport(client, document, format, options);
    // Subtitles of a transcript without timestamps: offer to estimate the times rather than fail.
    if (answer instanceof Error && /no timestamps/.test(answer.message) && !args.format) {
      const estimate = `Estimate at ${options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE} words a minute`;
      const warning = `Cannot export: ${answer.message.replace(/ \(--estimate\)$/, '')}.`;
      if ((await vscode.window.showWarningMessage(warning, estimate)) !== estimate) return undefined;
      options = { ...options, estimate: true };
      answer = await requestExport(client, document, format, options);
    }
    if (answer === undefined) return undefined;
    if (answer instanceof Error) {
      void vscode.window.showErrorMessage(`Cannot export ${document.uri.path.split('/').pop()}: ${answer.message}`);
      return undefined;
    }
    const bytes = answer.encoding === 'base64' ? Buffer.from(answer.content, 'base64') : Buffer.from(answer.content, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    const name = target.path.split('/').pop();
    const notes = answer.notes.length ? ` ${answer.notes.join(' ')}` : '';
    if (!args.uri) void vscode.window.showInformationMessage(`Exported to ${name}.${notes}`);
    return target;
  }));
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items = EXPORT_FORMATS.map((format) => ({ label: EXPORT_FORMAT_INFO[format].label, description: `.${EXPORT_FORMAT_INFO[format].extension}`, format }));
  return (await vscode.window.showQuickPick(items, { title: 'Export Transcript', placeHolder: 'Export the transcript as…' }))?.format;
}

/** The save dialog, at the transcript's name with the format's extension; it asks before replacing a file. */
async function pickTarget(document: vscode.TextDocument, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const { extension, label } = EXPORT_FORMAT_INFO[format];
  const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const base = (document.uri.path.split('/').pop() ?? 'transcript').replace(/\.[^.]*$/, '') || 'transcript';
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${extension}`) : undefined,
    filters: { [label]: [extension] },
    saveLabel: 'Export',
    title: 'Export Transcript',
  });
}

/** The `transcript.export.*` settings as options. */
function settingsOptions(): ExportOptions {
  const settings = vscode.workspace.getConfiguration('transcript.export');
  return {
    wordsPerMinute: settings.get<number>('wordsPerMinute', DEFAULT_WORDS_PER_MINUTE),
    vtt: {
      lineLength: settings.get<number>('vttLineLength', DEFAULT_CUE_LIMITS.vtt.lineLength),
      lines: settings.get<number>('vttLines', DEFAULT_CUE_LIMITS.vtt.lines),
    },
    srt: {
      lineLength: settings.get<number>('srtLineLength', DEFAULT_CUE_LIMITS.srt.lineLength),
      lines: settings.get<number>('srtLines', DEFAULT_CUE_LIMITS.srt.lines),
    },
  };
}

/** The server's export, with progress shown (in a notification, cancellable, for a large document); an Error carries the server's reason. */
async function requestExport(
  client: LanguageClient, document: vscode.TextDocument, format: ExportFormat, options: ExportOptions,
): Promise<ExportAnswer | Error | undefined> {
  const large = document.getText().length > LARGE_DOCUMENT;
  return vscode.window.withProgress(
    {
      location: large ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
      title: `Exporting ${document.uri.path.split('/').pop()} as ${EXPORT_FORMAT_INFO[format].label}`,
      cancellable: large,
    },
    async (_progress, token) => {
      try {
        const params = { textDocument: { uri: document.uri.toString() }, format, options };
        return (await client.sendRequest<ExportAnswer | null>('transcript/export', params, token)) ?? undefined;
      } catch (error) {
        return token.isCancellationRequested ? undefined : error instanceof Error ? error : new Error(String(error));
      }
    },
  );
}
