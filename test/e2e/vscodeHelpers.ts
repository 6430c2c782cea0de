// Helpers for the suites that run inside VS Code's extension host (`*.e2e.ts`).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'transcript-markup.transcript-markup';
/** The project folder, from out/test/e2e/. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The seed's truncated sentences, 1-based lines (see samples/seed.transcript). */
export const SEED_INCOMPLETE_LINES = [3, 4, 9, 10, 11, 12, 14, 15, 16, 17];
/** The seed's numbered questions and their 1-based lines. */
export const SEED_QUESTIONS: [string, number][] = [
  ['Q1 · What areas will you focus on this year, and will…', 18],
  ['Q2 · The Soros Foundations in Central Asia decided to change…', 21],
  ['Q3 · How are the countries developing their transit and…', 27],
  ['Q4 · Russia has recently published its new Foreign Policy…', 34],
];

/** Activates the extension (the language client is started when this resolves). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
  return extension;
}

/** The first workspace folder's `name`: the suites open a copy of samples/ as the workspace. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the driver opens a copy of samples/)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}

/**
 * Resolves with the diagnostics of `uri` once `accept` takes them: checks what is there, then
 * listens to `vscode.languages.onDidChangeDiagnostics` (no polling, no sleeps; mocha's timeout
 * bounds the wait).
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (accept(current)) return resolve(current);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

/** 1-based lines of the `incomplete-sentence` diagnostics, in order. */
export function incompleteSentenceLines(diagnostics: readonly vscode.Diagnostic[]): number[] {
  return diagnostics.filter((d) => codeOf(d) === 'incomplete-sentence').map((d) => d.range.start.line + 1).sort((a, b) => a - b);
}

export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return symbols ?? [];
}

/** `[name, 1-based line]` of the top-level symbols that are numbered questions. */
export function questionsOf(symbols: readonly vscode.DocumentSymbol[]): [string, number][] {
  return symbols.filter((s) => /^Q\d+ /.test(s.name)).map((s) => [s.name, s.selectionRange.start.line + 1]);
}

/** The Markdown of every hover at `position`, joined. */
export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** The position of the first character of `word` on the 1-based `line` of `document`. */
export function positionOf(document: vscode.TextDocument, line: number, word: string): vscode.Position {
  const character = document.lineAt(line - 1).text.indexOf(word);
  if (character < 0) throw new Error(`"${word}" is not on line ${line}`);
  return new vscode.Position(line - 1, character);
}
