import type { LineIndex } from './text/lineIndex';
import type { TextChange } from './parser/parser';

/** The part of a text document the service reads; `vscode-languageserver-textdocument` fits. */
export interface TranscriptDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /** The text's line index, where the document keeps one up to date (the server's does). */
  readonly lineIndex?: LineIndex;
  /**
   * The one change (a range of the text replaced) that made this version from `version`, where
   * the document knows it; the service then reparses only what it touches.
   */
  changeSince?(version: number): TextChange | undefined;
}

/** Cancellation as LSP and VS Code define it. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const noCancellation: CancellationToken = Object.freeze({ isCancellationRequested: false });

export type SeverityLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface ServiceSettings {
  /** Extra question markers (`Вопрос`, `Frage`). */
  readonly questionMarkers: readonly string[];
  /** Severity per diagnostic code; codes not named keep their default. */
  readonly severity: Readonly<Record<string, SeverityLevel>>;
  /** Milliseconds after the last keystroke before the paragraph being typed is checked. */
  readonly typingDelay: number;
  /** Above this many million characters, the costly features (diagnostics, semantic tokens, code lenses) are off. */
  readonly largeFileThreshold: number;
  /** Seconds: a longer pause between two cues of one speaker starts a paragraph of an imported transcript. */
  readonly importPause: number;
  /** A `▶ Play` code lens on each turn of a transcript with timestamps (`transcript.codeLens.play`). */
  readonly playLens: boolean;
}

export const defaultSettings: ServiceSettings = Object.freeze({
  questionMarkers: [], severity: {}, typingDelay: 2000, largeFileThreshold: 20, importPause: 2, playLens: true,
});
