import {
  CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments,
  TextDocumentSyncKind, CodeActionKind, DiagnosticSeverity, MessageType, ShowMessageNotification, type Diagnostic, type InitializeResult, type Position,
} from 'vscode-languageserver/node';
import { editorDocuments, type EditorDocument } from './documents';
import type { ImportResult, ServiceSettings, Steps, TranscriptLanguageService, TranscriptSummary, WorkspaceTagCount } from './service';
import type { ExportAnswer, ExportParams } from './service';
import { GLOSSARY_FILE_GLOB, isGlossaryFile, SHOW_GLOSSARY_ENTRY, WORKSPACE_GLOSSARY_NAME } from './service/glossary/fileNames';
import { semanticTokensLegend } from './service/languageFeatures/semanticTokenLegend';
import { readSettings } from './settings';
import { WorkspaceGlossaries } from './workspaceGlossary';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocumentIdentifier } from 'vscode-languageserver/node';
import { Slices } from './slices';
import { TRANSCRIPT_FILE_GLOB, WorkspaceIndex, normalise as normaliseFileUri, type IndexProgress } from './workspaceIndex';

/** Diagnostics wait for a pause: requests queued behind an edit (the outline, a hover) go first. */
const PUBLISH_DELAY = 100;
/** The longest a long job (the diagnostics check, a request that walks the whole document) runs before letting requests and answers through. */
const SLICE = 15;

export interface ServerOptions {
  /**
   * The language service's module: most of the server's code and data (the parser, the glossary,
   * the YAML library). dist/lsp.js loads it from its own bundle on first use, so that initialize
   * is answered before any of it is compiled or run; a test in the same process passes it in.
   */
  readonly loadService: () => typeof import('./service');
  /** Resolves once every answer handed to the connection so far has been written. */
  readonly written: () => Promise<void>;
}

/**
 * The Transcript Markup language server on `connection`: every request wired to the language
 * service. All its state lives in this call; the caller starts the connection listening.
 */
export function createServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments<EditorDocument>(editorDocuments);
  const slices = new Slices(SLICE, options.written);
  const diagnosticTimers = new Map<string, NodeJS.Timeout>();

  let serviceExports: typeof import('./service') | undefined;
  const serviceModule = () => (serviceExports ??= options.loadService());
  let languageService: TranscriptLanguageService | undefined;
  /** The settings the client sent with initialize, for the service when it is created. */
  let settingsAtStart: Partial<ServiceSettings> = {};
  function service(): TranscriptLanguageService {
    return (languageService ??= serviceModule().createLanguageService(settingsAtStart));
  }

  let canPullConfiguration = false;
  let canRefreshCodeLenses = false;
  let canWatchGlossaryFiles = false;
  // Workspace glossary files: read at start, watched, and taken from the editor while open there.
  const glossaryFiles = new WorkspaceGlossaries(
    service,
    (uri, diagnostics, version) => void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics }),
    () => documents.all().filter((d) => !isGlossaryFile(d.uri)).forEach(validate),
  );
  /** An open transcript; not a glossary file open in the editor. */
  const transcript = (uri: string) => (isGlossaryFile(uri) ? undefined : documents.get(uri));
  // The workspace's transcripts, closed ones too, for workspace symbols and tag completion.
  const transcriptIndex = new WorkspaceIndex((uri, text) => service().summariseText(uri, text));
  let indexFolders: string[] = [];
  let canWatchTranscripts = false;
  let canFollowFolders = false;
  const navigationCapabilities = {
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    selectionRangeProvider: true,
    completionProvider: { triggerCharacters: ['#', '['] },
    codeLensProvider: { resolveProvider: false },
    workspaceSymbolProvider: true,
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
  };
  // A transcript with its recording (issue 18): timestamps as links that play from their time.
  const mediaCapabilities = { documentLinkProvider: { resolveProvider: false } };
  /** The recordings' lengths in seconds, by transcript URI, as the client's player reported them (`transcript/mediaInfo`). */
  const mediaDurations = new Map<string, number>();

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefreshCodeLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    canWatchGlossaryFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    void glossaryFiles.scan(folders);
    indexFolders = folders;
    canWatchTranscripts = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) {
      settingsAtStart = readSettings(options.settings, report);
      languageService?.updateSettings(settingsAtStart); // created already if a request came before initialize
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Transcript' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        executeCommandProvider: { commands: [SHOW_GLOSSARY_ENTRY] },
        hoverProvider: true,
        definitionProvider: true,
        ...navigationCapabilities,
        ...mediaCapabilities,
        ...(canFollowFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
        // The process id lets the editor tests kill the server and watch the client restart it.
        experimental: { processId: process.pid },
      },
      serverInfo: { name: 'transcript-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'transcript' }).catch(clientDeclined);
      void refreshSettings();
    }
    if (canWatchGlossaryFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: GLOSSARY_FILE_GLOB }] }).catch(clientDeclined);
    }
    if (canWatchTranscripts) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: TRANSCRIPT_FILE_GLOB }] }).catch(clientDeclined);
    }
    if (indexFolders.length) void indexWorkspace();
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        indexFolders = [...indexFolders.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
        for (const uri of removed) glossaryFiles.forgetFolder(uri);
        void glossaryFiles.scan(event.added.map((f) => f.uri));
        void indexWorkspace();
      });
    }
    // Now rather than in the first request that needs it; after the registrations above are sent.
    setImmediate(service);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await refreshSettings();
    else if (change.settings && typeof change.settings === 'object' && 'transcript' in change.settings) {
      applySettings(readSettings((change.settings as { transcript: unknown }).transcript, report));
    }
  });

  async function refreshSettings(): Promise<void> {
    let value: unknown;
    try {
      value = await connection.workspace.getConfiguration('transcript');
    } catch {
      return; // The client could not say: the settings stay as they are.
    }
    applySettings(readSettings(value, report));
  }

  /**
   * A request to the client answered with an error (a client without the capability may do that):
   * nothing to do. Left unhandled, the rejection would end the process.
   */
  function clientDeclined(): undefined {
    return undefined;
  }

  function applySettings(settings: Partial<ServiceSettings>): void {
    const markers = JSON.stringify(service().getSettings().questionMarkers);
    const playLens = service().getSettings().playLens;
    service().updateSettings(settings);
    documents.all().forEach(validate);
    if (service().getSettings().playLens !== playLens && canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(clientDeclined);
    // The index numbers the questions of closed transcripts: other markers, other questions.
    if (JSON.stringify(service().getSettings().questionMarkers) !== markers && indexFolders.length) void indexWorkspace();
  }

  function report(message: string): void {
    // A notification: the showMessageRequest that window.showWarningMessage sends fails, and ended
    // the process, with a client that answers it with an error.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Transcript: ${message}` });
  }

  /** A document too large for the costly features (diagnostics, semantic tokens, code lenses): they are off. */
  function isLarge(document: EditorDocument): boolean {
    return document.getText().length > service().getSettings().largeFileThreshold * 1_000_000;
  }

  /** Tells the user, once per document, that a large document's costly features are off, and why. */
  const toldLarge = new Set<string>();
  function notifyLargeOnce(document: EditorDocument): void {
    if (toldLarge.has(document.uri)) return;
    toldLarge.add(document.uri);
    const size = (document.getText().length / 1_000_000).toFixed(1);
    const limit = service().getSettings().largeFileThreshold;
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message:
        `Transcript: this document has ${size} million characters. ` +
        `Diagnostics, semantic highlighting and code lenses are off above ${limit} million (setting transcript.largeFileThreshold); ` +
        'the outline, folding, hovers and navigation work as usual.',
    });
  }

  /**
   * More problems than anyone reads, and more than an editor takes in one message at ease: 3 MB of
   * junk text has 330,000 (80 MB of JSON). Beyond it the most severe are published, in document
   * order, and the user is told once per document.
   */
  const MAX_PUBLISHED_DIAGNOSTICS = 1000;
  function atMostShown(uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
    notifyTooManyOnce(uri, diagnostics.length);
    const bySeverity = [...diagnostics].sort((a, b) => (a.severity ?? DiagnosticSeverity.Error) - (b.severity ?? DiagnosticSeverity.Error));
    const kept = new Set(bySeverity.slice(0, MAX_PUBLISHED_DIAGNOSTICS));
    return diagnostics.filter((d) => kept.has(d));
  }

  const toldTooMany = new Set<string>();
  function notifyTooManyOnce(uri: string, count: number): void {
    if (toldTooMany.has(uri)) return;
    toldTooMany.add(uri);
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message:
        `Transcript: this document has ${count.toLocaleString('en')} problems; ` +
        `the ${MAX_PUBLISHED_DIAGNOSTICS.toLocaleString('en')} most severe are shown (the transcript CLI's check lists them all).`,
    });
  }

  /** Publishes the document's diagnostics after a short pause, holding back the sentence being typed. */
  function validate(document: EditorDocument): void {
    if (isGlossaryFile(document.uri)) return glossaryFiles.documentChanged(document.uri, document.getText(), document.version);
    if (isLarge(document)) {
      notifyLargeOnce(document);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    clearTimeout(diagnosticTimers.get(document.uri));
    const edit = document.lastEdit;
    const typingDelay = service().getSettings().typingDelay;
    const sinceEdit = edit ? Date.now() - edit.at : Infinity;
    // Once typing has paused long enough, check again with nothing held back.
    const delay = sinceEdit < typingDelay ? Math.min(PUBLISH_DELAY, typingDelay - sinceEdit) : PUBLISH_DELAY;
    const timer = setTimeout(() => void publishDiagnostics(document.uri, timer, typingDelay), delay);
    diagnosticTimers.set(document.uri, timer);
  }

  /**
   * Checks the document in slices of SLICE ms, turning through the event loop between them,
   * so that answers being written (a 3 MB outline) and requests arriving (a hover) or running (the
   * outline) are not held up by the check of a long document; then publishes. A newer edit's timer
   * supersedes this run.
   */
  async function publishDiagnostics(uri: string, timer: NodeJS.Timeout, typingDelay: number): Promise<void> {
    const document = documents.get(uri);
    if (!document || diagnosticTimers.get(uri) !== timer) return;
    const pause = document.lastEdit ? Date.now() - document.lastEdit.at : Infinity;
    const typingAt = document.lastEdit && pause < typingDelay ? document.offsetAt(document.lastEdit.position) : undefined;
    const steps = service().inSteps.provideDiagnostics(document, undefined, { typingAt, mediaDuration: mediaDurations.get(uri) });
    const checked = await slices.background(steps, () => diagnosticTimers.get(uri) === timer);
    if (!checked) return;
    diagnosticTimers.delete(uri);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: atMostShown(uri, checked.answer) });
    if (typingAt !== undefined) diagnosticTimers.set(uri, setTimeout(() => validate(document), typingDelay - pause));
    else prepareHovers(document);
  }

  /**
   * Reads ahead, in slices, what the first hover would otherwise read from the whole document,
   * until a newer version or a check of it comes. Kept along edits once read, it costs a later
   * version next to nothing. Not for a large document, which has no check to follow: read ahead
   * at each keystroke and dropped at the next, it raised the peak memory at 50 MB from 1.2 to 2 GB.
   */
  function prepareHovers(document: EditorDocument): void {
    const { uri, version } = document;
    const steps = service().inSteps.prepareHovers(document);
    void slices.background(steps, () => documents.get(uri) === document && document.version === version && !diagnosticTimers.has(uri));
  }

  documents.onDidOpen((event) => validate(event.document));
  documents.onDidChangeContent((event) => validate(event.document));
  documents.onDidClose((event) => {
    clearTimeout(diagnosticTimers.get(event.document.uri));
    diagnosticTimers.delete(event.document.uri);
    toldLarge.delete(event.document.uri);
    toldTooMany.delete(event.document.uri);
    mediaDurations.delete(event.document.uri);
    if (isGlossaryFile(event.document.uri)) return glossaryFiles.documentClosed(event.document.uri);
    service().close(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  /**
   * A request cancelled before or while it ran answers RequestCancelled: the service gives up with
   * an empty answer, which the client would otherwise take for the real one (an empty outline, no
   * highlighting). Every handler that passes the service a token answers through this.
   */
  function unlessCancelled<T>(token: CancellationToken, answer: T): T | ResponseError<void> {
    return token.isCancellationRequested ? requestCancelled() : answer;
  }

  function requestCancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  }

  /**
   * A request that walks the whole document, run in slices: a request that ran in one piece could
   * not be cancelled, as vscode-jsonrpc reads a $/cancelRequest only between turns of the event
   * loop. A cancelled one answers RequestCancelled at its next slice.
   */
  async function inSlices<T>(token: CancellationToken, steps: Steps<T>): Promise<T | ResponseError<void>> {
    const done = await slices.request(steps, token);
    return done ? unlessCancelled(token, done.answer) : requestCancelled();
  }

  connection.onDocumentSymbol((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? inSlices(token, service().inSteps.provideDocumentSymbols(document, token)) : null;
  });

  connection.onFoldingRanges((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? inSlices(token, service().inSteps.provideFoldingRanges(document, token)) : null;
  });

  connection.onCodeAction(async (params, token) => {
    await glossaryFiles.ready;
    const document = transcript(params.textDocument.uri);
    if (!document) return null;
    const place = { range: params.range, glossaryUri: workspaceGlossaryUri(params.textDocument.uri) };
    const fixes = service().provideCodeActions(document, params.context.diagnostics, token, place);
    // Name Speakers on a generic label (issue 17), where refactorings are asked for.
    const only = params.context.only;
    const refactor = !only || only.some((kind) => CodeActionKind.RefactorRewrite.startsWith(kind));
    const naming = refactor ? service().provideNameSpeakerActions(document, params.range, token) : [];
    return unlessCancelled(token, [...fixes, ...naming]);
  });

  /**
   * The `.transcript-glossary.yaml` at the root of the workspace folder that holds `uri`
   * (the first folder, for a document outside them); none without a folder.
   */
  function workspaceGlossaryUri(uri: string): string | undefined {
    const document = normaliseFileUri(uri);
    const folders = indexFolders.map((folder) => normaliseFileUri(folder).replace(/\/$/, ''));
    const folder = folders.filter((f) => document.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
    return folder && `${folder}/${WORKSPACE_GLOSSARY_NAME}`;
  }

  // After the quick fix that adds a glossary entry: the file, with the cursor where the entry is to be completed.
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_GLOSSARY_ENTRY) return null;
    const [uri, position] = (params.arguments ?? []) as [string, Position];
    if (typeof uri !== 'string' || !position) return null;
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: position, end: position } }).catch(clientDeclined);
    return null;
  });

  connection.onDidChangeWatchedFiles((params) => {
    glossaryFiles.filesChanged(params.changes);
    void transcriptIndex.filesChanged(params.changes);
  });

  connection.onHover(async (params, token) => {
    await glossaryFiles.ready;
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideHover(document, params.position, token)) : null;
  });

  connection.onDefinition(async (params, token) => {
    await glossaryFiles.ready;
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideDefinition(document, params.position, token)) : null;
  });

  // ——— Navigation, editing and highlighting (issue 5) ———

  /** A RenameError becomes an error response whose message the editor shows. */
  function renaming<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof serviceModule().RenameError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      throw error;
    }
  }

  connection.onReferences((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideReferences(document, params.position, params.context, token)) : null;
  });

  connection.onPrepareRename((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, renaming(() => service().prepareRename(document, params.position, token))) : null;
  });

  connection.onRenameRequest((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, renaming(() => service().provideRename(document, params.position, params.newName, token))) : null;
  });

  connection.onSelectionRanges((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideSelectionRanges(document, params.positions, token)) : null;
  });

  connection.onCompletion((params, token) => {
    const document = transcript(params.textDocument.uri);
    if (!document) return null;
    const context = { workspaceTags: () => workspaceTags(document.uri) };
    return unlessCancelled(token, service().provideCompletion(document, params.position, context, token));
  });

  connection.onCodeLens((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document && !isLarge(document) ? inSlices(token, service().inSteps.provideCodeLenses(document, token)) : null;
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    await transcriptIndex.settled();
    return inSlices(token, service().inSteps.provideWorkspaceSymbols(workspaceSummaries(), params.query, token));
  });

  connection.languages.semanticTokens.on(async (params, token) => {
    await glossaryFiles.ready;
    const document = transcript(params.textDocument.uri);
    return document && !isLarge(document) ? inSlices(token, service().inSteps.provideSemanticTokens(document, undefined, token)) : { data: [] };
  });

  connection.languages.semanticTokens.onRange(async (params, token) => {
    await glossaryFiles.ready;
    const document = transcript(params.textDocument.uri);
    return document && !isLarge(document) ? inSlices(token, service().inSteps.provideSemanticTokens(document, params.range, token)) : { data: [] };
  });

  // ——— Export (issue 17) ———

  /** A transcript as another format (see client/src/export.ts): text, or base64 for DOCX's bytes; an ExportError's message as the error. */
  connection.onRequest('transcript/export', async (params: ExportParams, token) => {
    const document = transcript(params.textDocument.uri);
    if (!document) return null;
    try {
      const result = await service().exportTranscript(document, params.format, params.options, token);
      if (!result) return requestCancelled();
      const binary = typeof result.content !== 'string';
      const content = binary ? Buffer.from(result.content).toString('base64') : result.content;
      const answer: ExportAnswer = { content, encoding: binary ? 'base64' : 'utf8', notes: result.notes };
      return unlessCancelled(token, answer);
    } catch (error) {
      if (error instanceof serviceModule().ExportError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      throw error;
    }
  });

  connection.onRequest('transcript/statistics', (params: { textDocument: TextDocumentIdentifier }) => {
    const document = transcript(params.textDocument.uri);
    return document ? service().provideStatistics(document) : null;
  });

  connection.onRequest('transcript/questions', (params: { textDocument: TextDocumentIdentifier }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? inSlices(token, service().inSteps.provideQuestions(document, token)) : null;
  });

  connection.onRequest('transcript/turns', (params: { textDocument: TextDocumentIdentifier }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? inSlices(token, service().inSteps.provideTurns(document, token)) : null;
  });

  connection.onRequest('transcript/turnAt', (params: { textDocument: TextDocumentIdentifier; position: Position }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideTurnAt(document, params.position, token)) : null;
  });

  // ——— Import and speaker naming (issue 17) ———

  /** A malformed file: an error response whose data says where. */
  type ImportFailure = ResponseError<{ line: number; column?: number }>;
  connection.onRequest('transcript/import', (params: { text: string; fileName?: string; pauseSeconds?: number }, token): ImportResult | ImportFailure => {
    try {
      const pauseSeconds = params.pauseSeconds ?? service().getSettings().importPause;
      const result = serviceModule().importTranscript(params.text, { fileName: params.fileName, pauseSeconds, token });
      return result ?? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    } catch (error) {
      if (!(error instanceof serviceModule().ImportError)) throw error;
      return new ResponseError(LSPErrorCodes.RequestFailed, error.message, { line: error.line, column: error.column });
    }
  });

  connection.onRequest('transcript/genericSpeakers', (params: { textDocument: TextDocumentIdentifier }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideGenericSpeakers(document, token)) : null;
  });

  connection.onRequest('transcript/nameSpeakers', (params: { textDocument: TextDocumentIdentifier; names: Record<string, string> }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, renaming(() => service().provideNameSpeakers(document, params.names, token))) : null;
  });

  // ——— A transcript with its recording (issue 18); see docs/MEDIA.md ———

  connection.onDocumentLinks((params, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideMediaLinks(document, token)) : null;
  });

  connection.onRequest('transcript/timeAt', (params: { textDocument: TextDocumentIdentifier; position: Position }, token) => {
    const document = transcript(params.textDocument.uri);
    return document ? unlessCancelled(token, service().provideTimeAt(document, params.position, token)) : null;
  });

  connection.onRequest('transcript/positionAt', (params: { textDocument: TextDocumentIdentifier; seconds: number }, token) => {
    const document = transcript(params.textDocument.uri);
    if (!document) return null;
    if (typeof params.seconds !== 'number' || !Number.isFinite(params.seconds)) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, 'transcript/positionAt: `seconds` must be a number.');
    }
    return unlessCancelled(token, service().providePositionAt(document, params.seconds, token));
  });

  connection.onRequest('transcript/media', (params: { textDocument: TextDocumentIdentifier }) => {
    const document = transcript(params.textDocument.uri);
    return document ? service().provideMediaCandidates(document) : null;
  });

  /** The player knows the recording's length (or, with no duration, closed it): timestamps past its end are checked. */
  connection.onNotification('transcript/mediaInfo', (params: { uri: string; duration?: number | null }) => {
    if (typeof params?.uri !== 'string') return;
    const { duration } = params;
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) mediaDurations.set(params.uri, duration);
    else mediaDurations.delete(params.uri);
    const document = transcript(params.uri);
    if (document) validate(document);
  });

  /** Indexes the workspace folders in the background, with work-done progress where the client shows it. */
  async function indexWorkspace(): Promise<void> {
    let progress: IndexProgress;
    try {
      progress = await connection.window.createWorkDoneProgress();
    } catch {
      progress = { begin() {}, report() {}, done() {} };
    }
    await transcriptIndex.scan(indexFolders, progress);
  }

  /**
   * Every transcript of the workspace but `except`: open ones as the editor has them, the rest from
   * the index. Read as it goes (workspace symbols read it between slices): a document closed
   * meanwhile is left out, not summarised and kept by the service again.
   */
  function* workspaceSummaries(except?: string): Generator<TranscriptSummary> {
    const open = new Map(documents.all().filter((d) => !isGlossaryFile(d.uri)).map((d) => [normaliseFileUri(d.uri), d]));
    const skip = except && normaliseFileUri(except);
    for (const [uri, summary] of transcriptIndex.all()) if (!open.has(uri) && uri !== skip) yield summary;
    for (const [uri, document] of open) if (uri !== skip && documents.get(document.uri) === document) yield service().summarise(document);
  }

  /** How often each tag is used in the other transcripts, for completion after `#`. */
  function workspaceTags(uri: string): Map<string, WorkspaceTagCount> {
    const tags = new Map<string, WorkspaceTagCount>();
    for (const summary of workspaceSummaries(uri)) {
      for (const tag of summary.tags) {
        const known = tags.get(tag.name);
        tags.set(tag.name, { count: (known?.count ?? 0) + tag.count, documents: (known?.documents ?? 0) + 1 });
      }
    }
    return tags;
  }

  documents.listen(connection);
}
