import type {
  CodeLens, CompletionList, Location, Position, Range, SelectionRange, SemanticTokens, SymbolInformation, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Glossary } from './glossary';
import type { TranscriptModel } from './model';
import { parseTranscript } from './parser/parser';
import { provideCodeLenses } from './languageFeatures/codeLens';
import { provideCompletion, type CompletionOptions } from './languageFeatures/completion';
import { provideQuestions, provideTurnAt, type QuestionInfo, type TurnAtInfo } from './languageFeatures/questions';
import { provideTurns, type TurnInfo } from './languageFeatures/turns';
import { provideReferences } from './languageFeatures/references';
import { prepareRename, provideRename } from './languageFeatures/rename';
import { provideSelectionRanges } from './languageFeatures/selectionRanges';
import { provideSemanticTokens } from './languageFeatures/semanticTokens';
import { computeStatistics, type TranscriptStatistics } from './languageFeatures/statistics';
import { matchWorkspaceSymbols, summariseTranscript, type TranscriptSummary } from './languageFeatures/workspaceSymbols';
import { finish, type Steps } from './steps';
import type { DerivedResults } from './derivedResults';
import { noCancellation, type CancellationToken, type ServiceSettings, type TranscriptDocument } from './types';

/** Navigation, editing and highlighting: the part of the language service issue 5 adds. */
export interface NavigationService {
  /** Every label of the speaker (and their front matter entry), or every occurrence of the tag, at `position`. */
  provideReferences(document: TranscriptDocument, position: Position, context: { includeDeclaration: boolean }, token?: CancellationToken): Location[] | null;
  /** The range and current name of the speaker or tag at `position`; throws a `RenameError` on anything else. */
  prepareRename(document: TranscriptDocument, position: Position, token?: CancellationToken): { range: Range; placeholder: string } | null;
  /** Renames the speaker or tag at `position`; throws a `RenameError` when `newName` would not work. */
  provideRename(document: TranscriptDocument, position: Position, newName: string, token?: CancellationToken): WorkspaceEdit | null;
  /** word → sentence → paragraph → turn → question with its answers → sections → document, per position. */
  provideSelectionRanges(document: TranscriptDocument, positions: readonly Position[], token?: CancellationToken): SelectionRange[];
  /** Speaker labels at a paragraph's start, topic tags after `#`, annotations after `[`. */
  provideCompletion(document: TranscriptDocument, position: Position, options?: CompletionOptions, token?: CancellationToken): CompletionList;
  /** `Answered by Sergey Lavrov · 241 words` above each question. */
  provideCodeLenses(document: TranscriptDocument, token?: CancellationToken): CodeLens[];
  /** Speakers, markers, organisations, tags and annotations; all of them, or those on the lines `range` touches. */
  provideSemanticTokens(document: TranscriptDocument, range?: Range, token?: CancellationToken): SemanticTokens;
  /** Per speaker: turns, words, share, questions asked, answers, words per answer; totals (the rows summed). */
  provideStatistics(document: TranscriptDocument): TranscriptStatistics;
  /** The questions with who answered them, for Go to Question and Next/Previous Question. */
  provideQuestions(document: TranscriptDocument, token?: CancellationToken): QuestionInfo[];
  /** Every turn with its speaker and range: `transcript/turns`. */
  provideTurns(document: TranscriptDocument, token?: CancellationToken): TurnInfo[];
  /** The question and speaker at `position`, for the status bar. */
  provideTurnAt(document: TranscriptDocument, position: Position, token?: CancellationToken): TurnAtInfo | null;
  /** The questions, speakers and tags of a document, for the workspace index (cached per version). */
  summarise(document: TranscriptDocument): TranscriptSummary;
  /** The same for a file that is not open: parsed once, not cached. */
  summariseText(uri: string, text: string): TranscriptSummary;
  /** The symbols of `transcripts` whose name matches `query`, best first. */
  provideWorkspaceSymbols(transcripts: Iterable<TranscriptSummary>, query: string, token?: CancellationToken): SymbolInformation[];
}

/** The navigation requests that walk the whole document, in steps (see steps.ts). */
export interface NavigationSteps {
  provideCodeLenses(document: TranscriptDocument, token?: CancellationToken): Steps<CodeLens[]>;
  provideSemanticTokens(document: TranscriptDocument, range?: Range, token?: CancellationToken): Steps<SemanticTokens>;
  provideQuestions(document: TranscriptDocument, token?: CancellationToken): Steps<QuestionInfo[]>;
  provideTurns(document: TranscriptDocument, token?: CancellationToken): Steps<TurnInfo[]>;
  /** `transcripts` is read between steps. */
  provideWorkspaceSymbols(transcripts: Iterable<TranscriptSummary>, query: string, token?: CancellationToken): Steps<SymbolInformation[]>;
}

/** Each start reads the document's model as it is then: the steps answer for that version. */
export function createNavigationSteps(
  results: DerivedResults,
  getModel: (document: TranscriptDocument) => TranscriptModel,
  glossaryOf: (document: TranscriptDocument) => Glossary,
  getSettings: () => ServiceSettings,
): NavigationSteps {
  return {
    provideCodeLenses: (document, token = noCancellation) => provideCodeLenses(results, getModel(document), getSettings().playLens, token),
    provideSemanticTokens: (document, range, token = noCancellation) => provideSemanticTokens(results, getModel(document), glossaryOf(document), range, token),
    provideQuestions: (document, token = noCancellation) => provideQuestions(results, getModel(document), token),
    provideTurns: (document, token = noCancellation) => provideTurns(getModel(document), token),
    provideWorkspaceSymbols: (transcripts, query, token = noCancellation) => matchWorkspaceSymbols(transcripts, query, token),
  };
}

export function createNavigationService(
  results: DerivedResults,
  getModel: (document: TranscriptDocument) => TranscriptModel,
  steps: NavigationSteps,
  getSettings: () => ServiceSettings,
): NavigationService {
  return {
    provideReferences: (document, position, context, token = noCancellation) =>
      provideReferences(results, getModel(document), position, context.includeDeclaration, token),
    prepareRename: (document, position, token = noCancellation) => prepareRename(results, getModel(document), position, token),
    provideRename: (document, position, newName, token = noCancellation) => provideRename(results, getModel(document), position, newName, token),
    provideSelectionRanges: (document, positions, token = noCancellation) => provideSelectionRanges(getModel(document), positions, token),
    provideCompletion: (document, position, options = {}, token = noCancellation) => provideCompletion(getModel(document), position, options, token),
    provideCodeLenses: (document, token) => finish(steps.provideCodeLenses(document, token)),
    provideSemanticTokens: (document, range, token) => finish(steps.provideSemanticTokens(document, range, token)),
    provideStatistics: (document) => computeStatistics(results, getModel(document)),
    provideQuestions: (document, token) => finish(steps.provideQuestions(document, token)),
    provideTurns: (document, token) => finish(steps.provideTurns(document, token)),
    provideTurnAt: (document, position, token = noCancellation) => provideTurnAt(getModel(document), position, token),
    summarise: (document) => summariseTranscript(results, getModel(document)),
    summariseText: (uri, text) => summariseTranscript(results, parseTranscript({ uri, version: 0, text }, getSettings())),
    provideWorkspaceSymbols: (transcripts, query, token) => finish(steps.provideWorkspaceSymbols(transcripts, query, token)),
  };
}
