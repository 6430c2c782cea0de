// A transcript with its recording (issue 18): Open Media plays a WAV made here (tones) in the
// player beside the editor; Play from Here starts at the turn's time, read back from the media
// element; Insert Timestamp writes the playback time; following highlights the turn being played;
// a missing recording says which file it looked for.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TranscriptExtensionApi } from '../../../client/src/extension';
import type { OpenMediaResult } from '../../../client/src/media';
import { box, m4a, zeros } from '../../util/mp4Boxes';
import { toneWav } from '../toneWav';
import { activateExtension, workspaceFile } from '../vscodeHelpers';

const TRANSCRIPT = [
  '[00:00:00] Omar Haddad: Good morning, and welcome.',
  '[00:00:02.500] Jane Roe: Thank you for having me.',
  '[00:00:05] Omar Haddad: Let us begin.',
  '',
].join('\n');

describe('VS Code: a transcript with its recording', () => {
  let api: TranscriptExtensionApi;
  let editor: vscode.TextEditor;

  before(async () => {
    writeFileSync(workspaceFile('interview.wav').fsPath, toneWav(8));
    writeFileSync(workspaceFile('interview.transcript').fsPath, TRANSCRIPT);
    api = (await activateExtension()).exports as TranscriptExtensionApi;
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('interview.transcript')));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Media finds the WAV beside the transcript and shows the player, which reads the recording’s length', async () => {
    const result = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.equal(result.opened, true, result.message);
    assert.match(result.media!, /interview\.wav$/);
    const state = await api.media.state();
    assert.ok(state, 'the player answers');
    assert.ok(Math.abs(state.duration - 8) < 0.05, `duration ${state.duration}`);
    assert.ok(state.paused);
    assert.deepEqual(await api.media.waveform(), { drawn: true, source: 'computed' }, 'the peaks computed in chunks, drawn by wavesurfer.js');
  });

  it('gives each timestamp as a link that plays from its time', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    assert.deepEqual(links.map((l) => l.range.start.line), [0, 1, 2]);
    const target = links[2].target!;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'transcript.playFrom');
    // What a Ctrl+click runs: the command with the link's arguments.
    await vscode.commands.executeCommand(target.path, ...JSON.parse(target.query));
    const state = (await api.media.state())!;
    assert.ok(state.playStartedAt !== undefined && Math.abs(state.playStartedAt - 5) <= 0.1, `started at ${state.playStartedAt}`);
    await vscode.commands.executeCommand('transcript.togglePlayback');
  });

  it('Play from Here on the second turn starts playback within 100 ms of its time, and the editor follows', async () => {
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(1, 20, 1, 20);
    const following = new Promise<number | undefined>((resolve) => {
      // The third turn was highlighted a moment ago: wait for the second.
      const listener = api.media.onDidFollow((line) => {
        if (line !== 1) return;
        listener.dispose();
        resolve(line);
      });
    });
    await vscode.commands.executeCommand('transcript.playFrom');
    const state = (await api.media.state())!;
    assert.equal(state.paused, false, 'playing');
    assert.ok(state.playStartedAt !== undefined && Math.abs(state.playStartedAt - 2.5) <= 0.1, `started at ${state.playStartedAt}`);
    assert.equal(await following, 1, 'the second turn is highlighted');
  });

  it('a ▶ Play lens on each turn plays from its time; with transcript.media.follow "cursor" the cursor goes to the turn played', async () => {
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    await vscode.workspace.getConfiguration('transcript.media').update('follow', 'cursor', vscode.ConfigurationTarget.Global);
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      const play = lenses.filter((lens) => lens.command?.command === 'transcript.playFrom');
      assert.deepEqual(play.map((lens) => [lens.range.start.line, lens.command!.title]), [
        [0, '▶ Play 00:00:00'], [1, '▶ Play 00:00:02'], [2, '▶ Play 00:00:05'],
      ]);
      const following = new Promise<void>((resolve) => {
        const listener = api.media.onDidFollow((line) => {
          if (line !== 2) return;
          listener.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand(play[2].command!.command, ...play[2].command!.arguments!);
      const state = (await api.media.state())!;
      assert.ok(state.playStartedAt !== undefined && Math.abs(state.playStartedAt - 5) <= 0.1, `started at ${state.playStartedAt}`);
      await following;
      // The Outline (Follow Cursor) and the breadcrumbs track the cursor: VS Code has no other way to select an Outline item.
      assert.deepEqual(editor.selection.active, new vscode.Position(2, 0));
    } finally {
      await vscode.workspace.getConfiguration('transcript.media').update('follow', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Insert Timestamp writes the playback time at the cursor', async () => {
    // Pause (the player takes messages in order: the state read next is paused): the time stays put.
    await vscode.commands.executeCommand('transcript.togglePlayback');
    const paused = await api.media.state();
    assert.equal(paused?.paused, true);
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('transcript.insertTimestamp');
    const seconds = Math.floor(paused!.currentTime);
    assert.equal(editor.document.lineAt(3).text, `[00:00:0${seconds}] `);
    assert.ok(seconds >= 5 && seconds <= 7, `paused at ${paused!.currentTime}`); // the lens played from 5 s
  });

  it('New Turn at the Playback Time starts a paragraph of the other speaker, stamped', async () => {
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(1, 10, 1, 10); // in Jane Roe's turn: Omar Haddad spoke before
    const { currentTime } = (await api.media.state())!;
    await vscode.commands.executeCommand('transcript.newTurnAtPlayback');
    const opening = `[00:00:0${Math.floor(currentTime)}] Omar Haddad: `;
    assert.deepEqual([editor.document.lineAt(2).text, editor.document.lineAt(3).text], ['', opening]);
    assert.deepEqual(editor.selection.active, new vscode.Position(3, opening.length));
  });

  it('a recording the player cannot play says so, names it, and gives the ffmpeg command to convert it', async () => {
    writeFileSync(workspaceFile('broken.ogg').fsPath, Buffer.from('this is no Ogg file, only text that calls itself one\n'.repeat(40)));
    writeFileSync(workspaceFile('broken.transcript').fsPath, '[00:00:01] Omar Haddad: Hello.\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('broken.transcript')));
    const result = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.equal(result.opened, false);
    assert.match(result.message!, /^Cannot play broken\.ogg: .*ffmpeg -i "broken\.ogg" -c:a libopus "broken\.opus"/);
  });

  it('an MP4 whose audio codec the player does not play is not loaded: the message names the codec and the ffmpeg command', async () => {
    // AC-3: the test's Chromium plays AAC and H.264, which VS Code's own (Electron) does not; neither plays AC-3.
    writeFileSync(workspaceFile('lecture.m4a').fsPath, m4a(box('ac-3', zeros(28), box('dac3', zeros(3)))));
    writeFileSync(workspaceFile('lecture.transcript').fsPath, '[00:00:01] Omar Haddad: Hello.\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('lecture.transcript')));
    const result = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.equal(result.opened, false);
    assert.equal(
      result.message,
      'Cannot play lecture.m4a: VS Code’s player does not play its AC-3 (Dolby Digital) audio. ' +
        'Convert it to Opus or MP3, which the player plays: ffmpeg -i "lecture.m4a" -c:a libopus "lecture.opus" (or -c:a libmp3lame "lecture.mp3")',
    );
  });

  it('a missing recording names the file it looked for', async () => {
    writeFileSync(workspaceFile('missing-media.transcript').fsPath, '---\nmedia: recordings/gone.mp3\n---\n[00:00:01] Omar Haddad: Hello.\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('missing-media.transcript')));
    const result = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.equal(result.opened, false);
    assert.match(result.message!, /media: recordings\/gone\.mp3 .*is not there \(.*recordings[/\\]gone\.mp3\)/);
  });

  it('Open Media again draws the waveform from the cache of its peaks', async () => {
    // The player of broken.transcript replaced interview's: this is a new one.
    await vscode.window.showTextDocument(editor.document);
    const result = await vscode.commands.executeCommand<OpenMediaResult>('transcript.openMedia');
    assert.equal(result.opened, true, result.message);
    assert.deepEqual(await api.media.waveform(), { drawn: true, source: 'cache' });
  });

  it('with transcript.media.follow "scroll" the editor scrolls to the turn played, the cursor staying put', async () => {
    const filler = Array.from({ length: 200 }, (_, i) => `Omar Haddad went on, line ${i + 1} of a long answer.`);
    const text = ['---', 'media: interview.wav', '---', '[00:00:00] Omar Haddad: Good morning.', ...filler, '', '[00:00:06] Jane Roe: At last.', ''].join('\n');
    writeFileSync(workspaceFile('long-answer.transcript').fsPath, text);
    const long = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('long-answer.transcript')));
    long.selection = new vscode.Selection(3, 2, 3, 2);
    long.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    const lastTurn = long.document.lineCount - 2;
    await vscode.workspace.getConfiguration('transcript.media').update('follow', 'scroll', vscode.ConfigurationTarget.Global);
    try {
      const shown = new Promise<void>((resolve) => {
        const listener = vscode.window.onDidChangeTextEditorVisibleRanges((change) => {
          if (change.textEditor.document !== long.document || !change.visibleRanges.some((range) => range.contains(new vscode.Position(lastTurn, 0)))) return;
          listener.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('transcript.playFrom', { uri: long.document.uri.toString(), seconds: 6 });
      await shown;
      assert.equal(api.media.followedLine(), lastTurn);
      assert.deepEqual(long.selection.active, new vscode.Position(3, 2));
    } finally {
      await vscode.commands.executeCommand('transcript.togglePlayback');
      await vscode.workspace.getConfiguration('transcript.media').update('follow', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
