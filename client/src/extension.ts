import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerNavigation } from './navigation';
import { registerTranscriptLanguageOffer } from './offerTranscriptLanguage';
import { registerStatistics } from './statistics';
import { registerExport } from './export';
import { registerStatusBar, type PositionStatus } from './statusBar';
// Import and speaker naming (issue 17).
import { registerImport } from './importCommand';
import { registerNameSpeakers } from './nameSpeakers';
// A transcript with its recording (issue 18).
import { registerMedia, type MediaApi } from './media';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and its own editor tests): the running client. */
export interface TranscriptExtensionApi {
  readonly languageClient: LanguageClient;
  readonly positionStatus: PositionStatus;
  readonly media: MediaApi;
}

export async function activate(context: ExtensionContext): Promise<TranscriptExtensionApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // `untitled` too: the commonest start is pasting a transcript into a new editor.
    documentSelector: [
      { scheme: 'file', language: 'transcript' },
      { scheme: 'untitled', language: 'transcript' },
      { scheme: 'vscode-remote', language: 'transcript' },
      // Workspace glossary files: unsaved edits apply at once, and their problems are published.
      { scheme: 'file', pattern: '**/.transcript-glossary.{json,yaml,yml}' },
      { scheme: 'vscode-remote', pattern: '**/.transcript-glossary.{json,yaml,yml}' },
    ],
    synchronize: { configurationSection: 'transcript' },
  };
  client = new LanguageClient('transcript', 'Transcript Markup', serverOptions, clientOptions);
  // Registered before the server starts, so that every contributed command exists at once.
  registerNavigation(context, client);
  registerStatistics(context, client);
  registerExport(context, client);
  registerTranscriptLanguageOffer(context);
  registerImport(context, client);
  registerNameSpeakers(context, client);
  const media = registerMedia(context, client);
  await client.start();
  context.subscriptions.push(client);
  const positionStatus = registerStatusBar(context, client);
  return { languageClient: client, positionStatus, media };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
