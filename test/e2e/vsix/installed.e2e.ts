// The extension as installed from the .vsix: catches files left out of the package.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension, documentSymbols, EXTENSION_ID, hoverMarkdown, incompleteSentenceLines, positionOf, questionsOf, ROOT,
  SEED_INCOMPLETE_LINES, SEED_QUESTIONS, waitForDiagnostics, workspaceFile,
} from '../vscodeHelpers';

describe('VS Code: the extension installed from the .vsix', () => {
  let extension: vscode.Extension<unknown>;
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    uri = workspaceFile('seed.transcript');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  it('is the installed copy, not this working tree', () => {
    assert.notEqual(extension.extensionPath, ROOT);
    const extensionsDir = process.env.E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the driver names the extensions folder in E2E_EXTENSIONS_DIR');
    assert.ok(extension.extensionPath.startsWith(path.resolve(extensionsDir) + path.sep), `${extension.extensionPath} is under ${extensionsDir}`);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    assert.equal(extension.packageJSON.version, version);
    for (const left of ['node_modules', 'server/src', 'client/src', 'test', 'out', 'dist/client.js.map']) {
      assert.equal(existsSync(path.join(extension.extensionPath, left)), false, `${left} is not shipped`);
    }
  });

  it('activates by itself on a .transcript file (implicit onLanguage:transcript)', async () => {
    assert.equal(document.languageId, 'transcript');
    // Nothing in this run calls activate() before the server's diagnostics arrive: they prove
    // that opening the file started the extension.
    await waitForDiagnostics(uri, (d) => incompleteSentenceLines(d).length > 0);
    assert.equal(extension.isActive, true);
    await activateExtension();
  });

  it('gives the outline', async () => {
    assert.deepEqual(questionsOf(await documentSymbols(uri)), SEED_QUESTIONS);
  });

  it('gives the diagnostics', async () => {
    const diagnostics = await waitForDiagnostics(uri, (d) => incompleteSentenceLines(d).length > 0);
    assert.deepEqual(incompleteSentenceLines(diagnostics), SEED_INCOMPLETE_LINES);
  });

  it('gives the hover card, from the glossary the package holds in dist/glossary/', async () => {
    const markdown = await hoverMarkdown(uri, positionOf(document, 12, 'CSTO'));
    assert.match(markdown, /Collective Security Treaty Organization/);
  });

  it('ships every file its package.json points to (grammar, language configuration, snippets, icon)', () => {
    const json = extension.packageJSON;
    const files: string[] = [
      json.main, json.icon,
      ...json.contributes.grammars.map((g: { path: string }) => g.path),
      ...json.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...json.contributes.snippets.map((s: { path: string }) => s.path),
    ];
    for (const file of files) assert.ok(existsSync(path.join(extension.extensionPath, file)), `${file} is in the package`);
    for (const file of ['server.js', 'lsp.js', 'service.js', 'glossary/index.json']) {
      assert.ok(existsSync(path.join(extension.extensionPath, 'dist', file)), `dist/${file} is in the package`);
    }
  });
});
