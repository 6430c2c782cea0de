import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { TranscriptModel } from './model';
import { ParagraphCache } from './parser/paragraphs';
import { parseTranscript } from './parser/parser';
import { provideDiagnostics } from './languageFeatures/diagnostics';
import { provideDocumentSymbols } from './languageFeatures/documentSymbols';
import { provideFoldingRanges } from './languageFeatures/folding';
import { defaultSettings, noCancellation, type CancellationToken, type ServiceSettings, type TranscriptDocument } from './types';

export * from './model';
export * from './types';
export { rules } from './languageFeatures/diagnostics';

export interface TranscriptLanguageService {
  /** The parsed model of the document's current version, parsed at most once per version. */
  getModel(document: TranscriptDocument): TranscriptModel;
  provideDocumentSymbols(document: TranscriptDocument, token?: CancellationToken): DocumentSymbol[];
  provideFoldingRanges(document: TranscriptDocument, token?: CancellationToken): FoldingRange[];
  provideDiagnostics(document: TranscriptDocument, token?: CancellationToken): Diagnostic[];
  /** New settings; the next request of every document reparses it if its parse depended on them. */
  updateSettings(settings: Partial<ServiceSettings>): void;
  getSettings(): ServiceSettings;
  /** Forgets a closed document. */
  close(uri: string): void;
}

interface Entry {
  version: number;
  model?: TranscriptModel;
  readonly cache: ParagraphCache;
}

export function createLanguageService(initialSettings: Partial<ServiceSettings> = {}): TranscriptLanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initialSettings };
  const documents = new Map<string, Entry>();

  const getModel = (document: TranscriptDocument): TranscriptModel => {
    let entry = documents.get(document.uri);
    if (!entry) {
      entry = { version: document.version, cache: new ParagraphCache() };
      documents.set(document.uri, entry);
    }
    if (!entry.model || entry.version !== document.version) {
      entry.model = parseTranscript({ uri: document.uri, version: document.version, text: document.getText() }, settings, entry.cache);
      entry.version = document.version;
    }
    return entry.model;
  };

  return Object.freeze({
    getModel,
    provideDocumentSymbols: (document: TranscriptDocument, token = noCancellation) => provideDocumentSymbols(getModel(document), token),
    provideFoldingRanges: (document: TranscriptDocument, token = noCancellation) => provideFoldingRanges(getModel(document), token),
    provideDiagnostics: (document: TranscriptDocument, token = noCancellation) => provideDiagnostics(getModel(document), settings, token),
    updateSettings(next: Partial<ServiceSettings>) {
      const questionMarkersChanged = next.questionMarkers && JSON.stringify(next.questionMarkers) !== JSON.stringify(settings.questionMarkers);
      settings = { ...settings, ...next };
      if (questionMarkersChanged) for (const entry of documents.values()) entry.model = undefined;
    },
    getSettings: () => settings,
    close(uri: string) {
      documents.delete(uri);
    },
  });
}
