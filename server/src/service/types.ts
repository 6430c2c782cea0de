/** The part of a text document the service reads; `vscode-languageserver-textdocument` fits. */
export interface TranscriptDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
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
}

export const defaultSettings: ServiceSettings = Object.freeze({ questionMarkers: [], severity: {} });
