// Transcript: Export… in a real VS Code: the command writes the file the server made.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, workspaceFile } from '../vscodeHelpers';

const TIMED = [
  '[00:00:01.250] Sam Ortiz: Welcome to the show. [00:00:04.500] Today we talk about bikes.',
  '',
  '[00:00:09.000] Jane Roe: Thanks for having me!',
  '',
].join('\n');

describe('VS Code: Transcript: Export…', () => {
  const source = workspaceFile('export-e2e.transcript');

  before(async () => {
    await vscode.workspace.fs.writeFile(source, Buffer.from(TIMED, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    await activateExtension();
  });

  after(async () => {
    for (const name of ['export-e2e.transcript', 'export-e2e.vtt', 'export-e2e.docx', 'seed-e2e.srt']) {
      await vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);
    }
  });

  it('writes WebVTT with the speakers and the times of the transcript', async () => {
    const target = workspaceFile('export-e2e.vtt');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('transcript.export', { format: 'vtt', uri: target });
    assert.equal(written?.toString(), target.toString());
    const vtt = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.equal(vtt, [
      'WEBVTT', '',
      '00:00:01.250 --> 00:00:04.500', '<v Sam Ortiz>Welcome to the show.', '',
      '00:00:04.500 --> 00:00:09.000', '<v Sam Ortiz>Today we talk about bikes.', '',
      '00:00:09.000 --> 00:00:10.500', '<v Jane Roe>Thanks for having me!', '',
    ].join('\n'));
  });

  it('writes a DOCX as bytes: a zip package', async () => {
    const target = workspaceFile('export-e2e.docx');
    await vscode.commands.executeCommand('transcript.export', { format: 'docx', uri: target });
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.ok(Buffer.from(bytes).includes('word/document.xml'));
  });

  it('writes nothing for subtitles of a transcript without timestamps, unless estimating', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('seed.transcript')));
    const target = workspaceFile('seed-e2e.srt');
    assert.equal(await vscode.commands.executeCommand('transcript.export', { format: 'srt', uri: target }), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
    await vscode.commands.executeCommand('transcript.export', { format: 'srt', uri: target, options: { estimate: true } });
    const srt = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(srt, /^1\n00:00:00,000 --> /);
  });
});
