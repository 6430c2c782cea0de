// Sets the scene for each README screenshot, checks through the API that it holds what the
// picture claims, then asks code.js for the picture. The pictures show the extension with its
// default settings: before taking any, the suite checks that nothing overrides them.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension, documentSymbols, incompleteSentenceLines, positionOf, questionsOf, ROOT, SEED_INCOMPLETE_LINES, SEED_QUESTIONS,
  waitForDiagnostics, workspaceFile, hoverMarkdown,
} from '../vscodeHelpers';
import type { MediaApi, OpenMediaResult } from '../../../client/src/media';
import { toneWav } from '../toneWav';

const { screenshot } = require(path.join(ROOT, 'scripts', 'vscode-server', 'lib', 'e2e-helpers.js')) as {
  screenshot(name: string, options?: { settleMs?: number; timeoutMs?: number }): Promise<string | undefined>;
};

interface Api {
  readonly positionStatus: { readonly item: vscode.StatusBarItem; readonly onDidUpdate: vscode.Event<string> };
  readonly media: MediaApi;
}

/**
 * Every `transcript.*` setting and every `[transcript]` editor default of package.json is in
 * force, unset by the user, the workspace or a language override: a picture cannot show what
 * the defaults no longer do.
 */
function assertDefaultSettings(document: vscode.TextDocument): void {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const key of Object.keys(manifest.contributes.configuration.properties)) {
    const section = key.slice(0, key.indexOf('.'));
    const inspected = vscode.workspace.getConfiguration(section, document).inspect(key.slice(section.length + 1));
    assert.ok(inspected, `${key} is a setting`);
    const set = (['globalValue', 'workspaceValue', 'workspaceFolderValue', 'globalLanguageValue', 'workspaceLanguageValue', 'workspaceFolderLanguageValue'] as const)
      .filter((where) => inspected[where] !== undefined);
    assert.deepEqual(set, [], `${key} keeps its default`);
  }
  const languageDefaults: Record<string, unknown> = manifest.contributes.configurationDefaults['[transcript]'];
  assert.equal(document.languageId, 'transcript');
  for (const [key, value] of Object.entries(languageDefaults)) {
    const actual = vscode.workspace.getConfiguration(undefined, document).get(key);
    // An object's properties are compared one by one: VS Code may merge in its own.
    const shown = value && typeof value === 'object' && actual && typeof actual === 'object'
      ? Object.fromEntries(Object.keys(value).map((k) => [k, (actual as Record<string, unknown>)[k]])) : actual;
    assert.deepEqual(shown, value, `${key} is the extension's default for transcripts`);
  }
}

describe('screenshots of the seed in VS Code', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  let api: Api;

  before(async () => {
    assert.ok(process.env.VSCODE_E2E_SCREENSHOT_DIR, 'VSCODE_E2E_SCREENSHOT_DIR is set (npm run screenshots)');
    uri = workspaceFile('seed.transcript');
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    api = (await activateExtension()).exports as Api;
    assertDefaultSettings(editor.document);
    assert.deepEqual(incompleteSentenceLines(await waitForDiagnostics(uri, (d) => incompleteSentenceLines(d).length > 0)), SEED_INCOMPLETE_LINES);
    assert.deepEqual(questionsOf(await documentSymbols(uri)), SEED_QUESTIONS);
  });

  function moveTo(position: vscode.Position): void {
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  it('outline.png: the Outline view with the numbered questions, and the status bar item', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    // The Outline gets the whole side bar: the timeline is hidden and the file tree, which
    // cannot be hidden, moves to the Source Control container (a throw-away profile).
    await vscode.commands.executeCommand('timeline.removeView');
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['workbench.explorer.fileView'], destinationId: 'workbench.view.scm' });
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    // A narrower editor, hence a wider side bar, so the questions' first words show.
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    // The cursor in Sergey Lavrov's answer to Q3: the status bar says so.
    const shown = new Promise<string>((resolve) => {
      const listener = api.positionStatus.onDidUpdate((text) => {
        if (!text.includes('Q3/4')) return;
        listener.dispose();
        resolve(text);
      });
    });
    const inAnswer = new vscode.Position(SEED_QUESTIONS[2][1] + 1, 0);
    editor.selection = new vscode.Selection(inAnswer, inAnswer);
    editor.revealRange(new vscode.Range(inAnswer, inAnswer), vscode.TextEditorRevealType.AtTop);
    assert.equal(await shown, '$(comment-discussion) Q3/4 · Sergey Lavrov');
    assert.ok(await screenshot('outline', { settleMs: 2500 }));
  });

  it('problems.png: the Problems panel with the incomplete sentences', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    moveTo(new vscode.Position(0, 0));
    assert.ok(await screenshot('problems', { settleMs: 2500 }));
  });

  it('hover.png: the hover card of CSTO', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const position = positionOf(editor.document, 12, 'CSTO').translate(0, 1);
    assert.match(await hoverMarkdown(uri, position), /Collective Security Treaty Organization/);
    moveTo(position);
    // A hover closes when its editor scrolls: let the reveal's scrolling be painted first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('editor.action.showHover');
    assert.ok(await screenshot('hover', { settleMs: 2500 }));
  });

  it('media.png: a transcript with its recording playing beside it, the turn being played highlighted', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(workspaceFile('interview.wav').fsPath, toneWav(12));
    writeFileSync(workspaceFile('interview.transcript').fsPath, [
      '---', 'title: An interview with its recording', '---', '',
      '[00:00:00] Omar Haddad: Good morning, and welcome to the programme.', '',
      '[00:00:03] Jane Roe: Thank you for having me. It is good to be back.', '',
      'Omar Haddad: Let us start with the report you published last week.', '',
      '[00:00:09] Jane Roe: Of course. We looked at three years of hearings.', '',
    ].join('\n'));
    const media = workspaceFile('interview.transcript');
    const shown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(media));
    const opened = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.ok(opened.opened, opened.message);
    assert.equal((await api.media.waveform())?.drawn, true);
    const followed = new Promise<void>((resolve) => {
      const listener = api.media.onDidFollow((line) => {
        if (line !== 6) return;
        listener.dispose();
        resolve();
      });
    });
    shown.selection = new vscode.Selection(6, 14, 6, 14);
    await vscode.commands.executeCommand('transcript.playFrom');
    await followed;
    assert.ok(await screenshot('media', { settleMs: 1500 }));
    await vscode.commands.executeCommand('transcript.togglePlayback');
  });
});
