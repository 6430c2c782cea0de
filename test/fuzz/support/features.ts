import { createLanguageService, RenameError, type TranscriptDocument, type TranscriptLanguageService } from '../../../server/src/service';

/**
 * What the service answers for a document, in comparable form: the outline, the folding ranges
 * and the diagnostics, and the other whole-document answers that read the same model.
 */
export function features(service: TranscriptLanguageService, document: TranscriptDocument) {
  return {
    symbols: service.provideDocumentSymbols(document),
    folding: service.provideFoldingRanges(document),
    diagnostics: service.provideDiagnostics(document),
    semanticTokens: service.provideSemanticTokens(document),
    codeLenses: service.provideCodeLenses(document),
    questions: service.provideQuestions(document),
    organisations: service.provideOrganisations(document),
  };
}

/** A plain document of `text`, as the CLI makes one: no line index, no last change. */
export function plainDocument(text: string, uri = 'file:///fuzz.transcript', version = 1): TranscriptDocument {
  return { uri, version, getText: () => text };
}

/** `text` with its special characters escaped, short enough for a failure message. */
export function show(text: string, max = 400): string {
  const json = JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text);
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Asks every feature of a fresh service about `text`, at the start, the end and a few positions
 * between (on a surrogate pair's second half too); returns a one-line summary.
 */
export function everyFeature(text: string, extraOffsets: readonly number[] = []): string {
  const service = createLanguageService();
  const document = plainDocument(text, 'file:///any.transcript');
  const symbols = service.provideDocumentSymbols(document);
  const folding = service.provideFoldingRanges(document);
  const diagnostics = service.provideDiagnostics(document);
  service.provideDiagnostics(document, undefined, { typingAt: Math.floor(text.length / 2) });
  service.provideSemanticTokens(document);
  service.provideCodeLenses(document);
  service.provideStatistics(document);
  service.provideQuestions(document);
  service.provideOrganisations(document);
  service.summarise(document);
  service.provideCodeActions(document, diagnostics.slice(0, 20));
  const lines = service.getModel(document).lines;
  const offsets = [0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1, text.length, ...extraOffsets];
  const positions = offsets.map((o) => lines.positionAt(o));
  // Positions past the end of a line and of the document, as a client may send.
  positions.push({ line: 0, character: 1e9 }, { line: lines.lineCount + 5, character: 3 });
  service.provideSemanticTokens(document, { start: positions[2], end: positions[3] });
  service.provideSelectionRanges(document, positions);
  for (const position of positions) {
    service.provideHover(document, position);
    service.provideDefinition(document, position);
    service.provideReferences(document, position, { includeDeclaration: true });
    service.provideCompletion(document, position);
    service.provideTurnAt(document, position);
    try {
      service.prepareRename(document, position);
      service.provideRename(document, position, 'Renamed Speaker');
    } catch (error) {
      if (!(error instanceof RenameError)) throw error;
    }
  }
  service.provideWorkspaceSymbols([service.summarise(document)], 'a');
  return `${symbols.length} symbols, ${folding.length} folding ranges, ${diagnostics.length} diagnostics`;
}
