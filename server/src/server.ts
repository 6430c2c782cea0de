import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type ServiceSettings } from './service';
import { readSettings } from './settings';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
if (!process.argv.some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write('transcript-language-server: the Transcript Markup language server.\nUsage: transcript-language-server --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createLanguageService();
let canPullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  if (options?.settings) service.updateSettings(readSettings(options.settings, report));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Transcript' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'transcript-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'transcript' });
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfiguration) await refreshSettings();
  else if (change.settings && typeof change.settings === 'object' && 'transcript' in change.settings) {
    applySettings(readSettings((change.settings as { transcript: unknown }).transcript, report));
  }
});

async function refreshSettings(): Promise<void> {
  const value: unknown = await connection.workspace.getConfiguration('transcript');
  applySettings(readSettings(value, report));
}

function applySettings(settings: Partial<ServiceSettings>): void {
  service.updateSettings(settings);
  documents.all().forEach(validate);
}

function report(message: string): void {
  connection.window.showWarningMessage(`Transcript: ${message}`);
}

function validate(document: TextDocument): void {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.provideDiagnostics(document) });
}

documents.onDidOpen((event) => validate(event.document));
documents.onDidChangeContent((event) => validate(event.document));
documents.onDidClose((event) => {
  service.close(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params, token) => {
  const document = documents.get(params.textDocument.uri);
  return document ? service.provideDocumentSymbols(document, token) : null;
});

connection.onFoldingRanges((params, token) => {
  const document = documents.get(params.textDocument.uri);
  return document ? service.provideFoldingRanges(document, token) : null;
});

documents.listen(connection);
connection.listen();
