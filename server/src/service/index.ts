import type {
  CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TranscriptModel } from './model';
import { parseTranscript } from './parser/parser';
import { diagnosticSteps, provideDiagnostics, type DiagnosticOptions } from './languageFeatures/diagnostics';
import { provideDocumentSymbols } from './languageFeatures/documentSymbols';
import { provideFoldingRanges } from './languageFeatures/folding';
import { provideCodeActions } from './languageFeatures/codeActions';
import { provideHover } from './languageFeatures/hover';
import { provideDefinition } from './languageFeatures/definition';
import {
  GlossaryStore, countOrganisations, glossaryDiagnostics, organisationSpelling, type Glossary, type OrganisationCount, type OrganisationSpelling,
} from './glossary';
import { LineIndex } from './text/lineIndex';
import { findUnknownNames, unknownNameAt } from './glossary/unknownNames';
import { findOrganisationMentionAt, mentionValuesInSteps } from './glossary/mentions';
import { documentDefinitionsInSteps } from './glossary/definitions';
import { countriesNamedInSteps } from './glossary/countries';
import { addToGlossaryAction, type NameToAdd } from './languageFeatures/addToGlossary';
import { DerivedResults, query } from './derivedResults';
import { finish, type Steps } from './steps';
import { defaultSettings, noCancellation, type CancellationToken, type ServiceSettings, type TranscriptDocument } from './types';

export * from './model';
export * from './types';
export type { Steps } from './steps';
export {
  builtinGlossary, countOrganisations, findOrganisationMentions, isGlossaryFile, isKnownTerm, organisationSpelling,
  glossaryRule, GLOSSARY_FILE_GLOB, GLOSSARY_FILE_NAMES, FRONT_MATTER_KEY,
  type Glossary, type GlossaryEntry, type Mention, type OrganisationCount, type OrganisationEntry, type OrganisationSpelling,
} from './glossary';
export { rules, allRules, type DiagnosticOptions, type DiagnosticData } from './languageFeatures/diagnostics';
// Navigation, editing and highlighting (issue 5): see navigationService.ts.
import { createNavigationService, createNavigationSteps, type NavigationService, type NavigationSteps } from './navigationService';
export type { NavigationService, NavigationSteps } from './navigationService';
export { RenameError } from './languageFeatures/rename';
export type { CompletionOptions, WorkspaceTagCount } from './languageFeatures/completion';
export type { QuestionInfo, TurnAtInfo } from './languageFeatures/questions';
export type { TurnInfo } from './languageFeatures/turns';
export { computeStatistics, formatStatistics, type SpeakerStatistics, type StatisticsRowKind, type TranscriptStatistics } from './languageFeatures/statistics';
export { semanticTokensLegend, SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKEN_MODIFIERS } from './languageFeatures/semanticTokenLegend';
export { matchWorkspaceSymbols, summariseTranscript, type TranscriptSummary } from './languageFeatures/workspaceSymbols';
// Export to subtitles, documents and data (issue 17): see export/.
import { exportTranscript, type ExportFormat, type ExportOptions, type ExportResult } from './export';
export {
  EXPORT_FORMATS, EXPORT_FORMAT_INFO, ExportError, type ExportAnswer, type ExportFormat, type ExportOptions, type ExportParams, type ExportResult,
} from './export';
// Import and speaker naming (issue 17).
import { provideGenericSpeakers, provideNameSpeakerActions, provideNameSpeakers, type GenericSpeaker } from './languageFeatures/nameSpeakers';
export { NAME_SPEAKERS_COMMAND, isGenericName, type GenericSpeaker } from './languageFeatures/nameSpeakers';
export { DEFAULT_PAUSE_SECONDS, ImportError, importTranscript, readImportSource, type ImportFormat, type ImportOptions, type ImportResult } from './import';
// A transcript with its recording (issue 18).
import { providePositionAt, provideMediaLinks, provideTimeAt, type PositionAtResult, type TimeAtResult } from './languageFeatures/media';
import { mediaCandidates } from './languageFeatures/mediaSource';
export { PLAY_FROM_COMMAND, formatClock, type PositionAtResult, type TimeAtResult, type TimestampMark } from './languageFeatures/media';
export { mediaCandidates, MEDIA_EXTENSIONS } from './languageFeatures/mediaSource';

/**
 * The requests that walk the whole document, in steps: what the methods of the same names answer,
 * for a server that runs them in slices and reads a cancellation between them.
 */
export interface StepwiseFeatures extends NavigationSteps {
  provideDocumentSymbols(document: TranscriptDocument, token?: CancellationToken): Steps<DocumentSymbol[]>;
  provideFoldingRanges(document: TranscriptDocument, token?: CancellationToken): Steps<FoldingRange[]>;
  provideDiagnostics(document: TranscriptDocument, token?: CancellationToken, options?: DiagnosticOptions): Steps<Diagnostic[]>;
  /**
   * Reads ahead what a hover needs from the whole document (its turns, the names it defines, the
   * countries it names, the countries of the bodies it names, the names it spells out), so that
   * the first hover after an open does not: for background work.
   */
  prepareHovers(document: TranscriptDocument, token?: CancellationToken): Steps<void>;
}

export interface TranscriptLanguageService extends NavigationService {
  /** The parsed model of the document's current version, parsed at most once per version. */
  getModel(document: TranscriptDocument): TranscriptModel;
  /** The requests that walk the whole document, in steps. */
  readonly inSteps: StepwiseFeatures;
  provideDocumentSymbols(document: TranscriptDocument, token?: CancellationToken): DocumentSymbol[];
  provideFoldingRanges(document: TranscriptDocument, token?: CancellationToken): FoldingRange[];
  provideDiagnostics(document: TranscriptDocument, token?: CancellationToken, options?: DiagnosticOptions): Diagnostic[];
  /**
   * Quick fixes for `diagnostics` (as the client shows them), rebuilt against the current text;
   * with `at`, also those for the organisation at the range's start (add it to the workspace
   * glossary `at.glossaryUri`, where it has no card or only the transcript's definition).
   */
  provideCodeActions(document: TranscriptDocument, diagnostics: readonly Diagnostic[], token?: CancellationToken, at?: CodeActionPlace): CodeAction[];
  /** New settings; the next request of every document reparses it if its parse depended on them. */
  updateSettings(settings: Partial<ServiceSettings>): void;
  getSettings(): ServiceSettings;
  /** Forgets a closed document. */
  close(uri: string): void;
  /** Markdown for the organisation, misspelt acronym, speaker label, topic tag or timestamp at `position`. */
  provideHover(document: TranscriptDocument, position: Position, token?: CancellationToken): Hover | null;
  /** For an organisation from a workspace glossary file or the front matter: where its entry is. */
  provideDefinition(document: TranscriptDocument, position: Position, token?: CancellationToken): Location[] | null;
  /** The organisations the transcript names, the most named first. */
  provideOrganisations(document: TranscriptDocument, token?: CancellationToken): OrganisationCount[];
  /**
   * Sets the text of a workspace glossary file (`.transcript-glossary.json` / `.yaml` / `.yml`),
   * or with `undefined` removes it; every transcript's next request uses the new glossary.
   * Returns the file's diagnostics, at positions in that file.
   */
  setGlossaryLayer(uri: string, text: string | undefined): Diagnostic[];
  /** The glossary a transcript uses: built-in, workspace files, its front matter's `glossary:`. */
  getGlossary(document: TranscriptDocument): Glossary;
  /** The transcript as subtitles, a document or data; undefined when cancelled; an ExportError when it cannot be. */
  exportTranscript(
    document: TranscriptDocument, format: ExportFormat, options?: ExportOptions, token?: CancellationToken, progress?: (fraction: number) => void,
  ): Promise<ExportResult | undefined>;
  /** The speakers diarisation named generically (`SPEAKER_00`, `Speaker 1`), with their turns and first words. */
  provideGenericSpeakers(document: TranscriptDocument, token?: CancellationToken): GenericSpeaker[];
  /** Renames several speakers at once (by id), as rename does each; throws a `RenameError` when a name would not work. */
  provideNameSpeakers(document: TranscriptDocument, names: Readonly<Record<string, string>>, token?: CancellationToken): WorkspaceEdit | null;
  /** On a generic label in `range`: the refactoring that runs the client's Name Speakers command. */
  provideNameSpeakerActions(document: TranscriptDocument, range: Range, token?: CancellationToken): CodeAction[];
  // ——— A transcript with its recording (issue 18) ———
  /** Every timestamp as a link whose target runs `transcript.playFrom` with the transcript's URI and the time. */
  provideMediaLinks(document: TranscriptDocument, token?: CancellationToken): DocumentLink[];
  /** The time in effect at `position` (`transcript/timeAt`); null when the transcript has no timestamps. */
  provideTimeAt(document: TranscriptDocument, position: Position, token?: CancellationToken): TimeAtResult | null;
  /** The start of the turn or stamp in effect at `seconds` (`transcript/positionAt`); null when the transcript has no timestamps. */
  providePositionAt(document: TranscriptDocument, seconds: number, token?: CancellationToken): PositionAtResult | null;
  /** Where the recording may be: the front matter's `media:`, else files of the same name beside the transcript. */
  provideMediaCandidates(document: TranscriptDocument): { declared?: string; candidates: string[] };
}

/** Where code actions are asked for, and the workspace glossary file a new entry goes to. */
export interface CodeActionPlace {
  readonly range: Range;
  /** The `.transcript-glossary.yaml` of the document's workspace folder; none outside a workspace. */
  readonly glossaryUri?: string;
}

interface Entry {
  version: number;
  model?: TranscriptModel;
}

/**
 * What a new glossary entry can say about the name at `offset`: a name the transcript defines
 * (acronym and full name), or an unknown one; nothing for a name the glossary knows.
 */
function nameToAdd(results: DerivedResults, model: TranscriptModel, glossary: Glossary, offset: number): NameToAdd | undefined {
  const mention = findOrganisationMentionAt(results, model, glossary, offset);
  if (mention) {
    const definition = mention.definition;
    if (mention.formed) return { fullName: mention.formed.fullName };
    return definition && !definition.sense ? { acronym: definition.acronym, fullName: definition.fullName } : undefined;
  }
  const unknown = unknownNameAt(results, model, glossary, offset);
  if (!unknown) return undefined;
  return unknown.acronym ? { acronym: unknown.text } : { fullName: unknown.text };
}

/** The misspelt-organisation rule's and the hover's view of a glossary: the same object while the glossary stands. */
const SPELLING = query('organisation spelling', [], (_results, glossary: Glossary) => organisationSpelling(glossary));

export function createLanguageService(initialSettings: Partial<ServiceSettings> = {}): TranscriptLanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initialSettings };
  const documents = new Map<string, Entry>();
  // What every feature derives from the documents, kept and invalidated in one place.
  const results = new DerivedResults();
  const glossaries = new GlossaryStore();
  const glossaryOf = (document: TranscriptDocument) => glossaries.forDocument(results, getModel(document)).glossary;

  const getModel = (document: TranscriptDocument): TranscriptModel => {
    let entry = documents.get(document.uri);
    if (!entry) {
      entry = { version: document.version };
      documents.set(document.uri, entry);
    }
    // The text too: a client may send two versions with the same number (didOpen twice, a repeated didChange).
    if (!entry.model || entry.version !== document.version || entry.model.text !== document.getText()) {
      const previous = entry.model && { model: entry.model, change: document.changeSince?.(entry.version) };
      entry.model = parseTranscript({ uri: document.uri, version: document.version, text: document.getText(), lines: document.lineIndex }, settings, previous);
      entry.version = document.version;
      if (previous && entry.model.edit?.previous.deref() === previous.model) results.carryAlongEdit(previous.model, entry.model);
    }
    return entry.model;
  };

  const spellingFor = (model: TranscriptModel): OrganisationSpelling => results.get(SPELLING, glossaries.forDocument(results, model).glossary, undefined);

  const inSteps: StepwiseFeatures = Object.freeze({
    provideDocumentSymbols: (document: TranscriptDocument, token = noCancellation) => provideDocumentSymbols(results, getModel(document), token),
    provideFoldingRanges: (document: TranscriptDocument, token = noCancellation) => provideFoldingRanges(getModel(document), token),
    *provideDiagnostics(document: TranscriptDocument, token = noCancellation, options: DiagnosticOptions = {}) {
      const model = getModel(document);
      const { glossary, problems } = glossaries.forDocument(results, model);
      const found = yield* diagnosticSteps(results, model, settings, spellingFor(model), options, token, () => findUnknownNames(results, model, glossary));
      return found.concat(glossaryDiagnostics(problems, model.lines, settings));
    },
    *prepareHovers(document: TranscriptDocument, token = noCancellation) {
      const model = getModel(document);
      yield* model.structureSteps();
      if (token.isCancellationRequested) return;
      yield* documentDefinitionsInSteps(results, model);
      if (token.isCancellationRequested) return;
      yield* countriesNamedInSteps(results, model);
      if (token.isCancellationRequested) return;
      yield* mentionValuesInSteps(results, model, glossaryOf(document));
    },
    ...createNavigationSteps(results, getModel, glossaryOf, () => settings),
  });

  return Object.freeze({
    getModel,
    inSteps,
    provideDocumentSymbols: (document: TranscriptDocument, token?: CancellationToken) => finish(inSteps.provideDocumentSymbols(document, token)),
    provideFoldingRanges: (document: TranscriptDocument, token?: CancellationToken) => finish(inSteps.provideFoldingRanges(document, token)),
    provideDiagnostics: (document: TranscriptDocument, token?: CancellationToken, options?: DiagnosticOptions) =>
      finish(inSteps.provideDiagnostics(document, token, options)),
    provideCodeActions(document: TranscriptDocument, diagnostics: readonly Diagnostic[], token = noCancellation, at?: CodeActionPlace) {
      const model = getModel(document);
      const glossary = glossaryOf(document);
      const current = provideDiagnostics(results, model, settings, spellingFor(model), {}, token, () => findUnknownNames(results, model, glossary));
      const actions = provideCodeActions(model, diagnostics, current, token);
      if (!at?.glossaryUri || token.isCancellationRequested) return actions;
      const name = nameToAdd(results, model, glossary, model.lines.offsetAt(at.range.start));
      if (name) actions.push(addToGlossaryAction(name, { uri: at.glossaryUri, text: glossaries.fileText(at.glossaryUri) }));
      return actions;
    },
    updateSettings(next: Partial<ServiceSettings>) {
      const questionMarkersChanged = next.questionMarkers && JSON.stringify(next.questionMarkers) !== JSON.stringify(settings.questionMarkers);
      settings = { ...settings, ...next };
      if (questionMarkersChanged) for (const entry of documents.values()) entry.model = undefined;
    },
    getSettings: () => settings,
    close(uri: string) {
      documents.delete(uri);
    },
    provideHover: (document: TranscriptDocument, position: Position, token = noCancellation) => {
      const model = getModel(document);
      return provideHover(results, model, position, glossaryOf(document), spellingFor(model), token);
    },
    provideDefinition: (document: TranscriptDocument, position: Position, token = noCancellation) =>
      provideDefinition(results, getModel(document), position, glossaryOf(document), token),
    provideOrganisations: (document: TranscriptDocument, token = noCancellation) =>
      countOrganisations(results, getModel(document), glossaryOf(document), token),
    setGlossaryLayer: (uri: string, text: string | undefined) => glossaryDiagnostics(glossaries.setFile(uri, text), new LineIndex(text ?? ''), settings),
    getGlossary: glossaryOf,
    exportTranscript: (
      document: TranscriptDocument, format: ExportFormat, options?: ExportOptions, token = noCancellation, progress?: (fraction: number) => void,
    ) =>
      exportTranscript(results, getModel(document), format, options, token, progress),
    provideGenericSpeakers: (document: TranscriptDocument, token = noCancellation) => provideGenericSpeakers(getModel(document), token),
    provideNameSpeakers: (document: TranscriptDocument, names: Readonly<Record<string, string>>, token = noCancellation) =>
      provideNameSpeakers(results, getModel(document), names, token),
    provideNameSpeakerActions: (document: TranscriptDocument, range: Range, token = noCancellation) =>
      provideNameSpeakerActions(getModel(document), range, token),
    provideMediaLinks: (document: TranscriptDocument, token = noCancellation) => provideMediaLinks(results, getModel(document), token),
    provideTimeAt: (document: TranscriptDocument, position: Position, token = noCancellation) => provideTimeAt(results, getModel(document), position, token),
    providePositionAt: (document: TranscriptDocument, seconds: number, token = noCancellation) =>
      providePositionAt(results, getModel(document), seconds, token),
    provideMediaCandidates(document: TranscriptDocument) {
      const media = getModel(document).frontMatter?.data.media;
      const declared = typeof media === 'string' && media.trim() ? media.trim() : undefined;
      return { ...(declared ? { declared } : {}), candidates: mediaCandidates(document.uri, declared) };
    },
    ...createNavigationService(results, getModel, inSteps, () => settings),
  });
}
