import * as assert from 'node:assert/strict';
import type { CodeLens, DocumentLink } from 'vscode-languageserver-protocol';
import type { PositionAtResult, TimeAtResult } from '../../server/src/service';
import { lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

describe('media requests over stdio JSON-RPC: document links, transcript/timeAt, transcript/positionAt, transcript/mediaInfo', () => {
  let client: LspClient;
  const uri = 'file:///media/hearing.transcript';
  const text = lines(
    '[00:00:01] Omar Haddad: Good morning.',
    'Jane Roe: Hello there, how are you?',
    '[00:00:10] Omar Haddad: Fine. [00:00:12] Thanks.',
    '[00:01:30] Jane Roe: Goodbye.',
  );
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    await client.open(uri, text);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('gives each timestamp as a link to the play command', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.range.start), [{ line: 0, character: 0 }, { line: 2, character: 0 }, { line: 2, character: 30 }, { line: 3, character: 0 }]);
    assert.deepEqual(JSON.parse(decodeURIComponent(links[2].target!.replace('command:transcript.playFrom?', ''))), [{ uri, seconds: 12 }]);
  });

  it('answers timeAt, exact at a stamp and interpolated between stamps', async () => {
    const timeAt = (line: number, character: number) => client.request<TimeAtResult | null>('transcript/timeAt', { textDocument: { uri }, position: { line, character } });
    assert.deepEqual(await timeAt(2, 35), { seconds: 12, exact: true });
    const between = (await timeAt(1, 4))!;
    assert.equal(between.exact, false);
    assert.ok(between.seconds > 1 && between.seconds < 10, `${between.seconds}`);
  });

  it('answers positionAt with the start of the turn in effect and its range', async () => {
    const answer = await client.request<PositionAtResult | null>('transcript/positionAt', { textDocument: { uri }, seconds: 10.5 });
    assert.deepEqual(answer, { position: { line: 2, character: 0 }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 48 } } });
    await assert.rejects(client.request('transcript/positionAt', { textDocument: { uri }, seconds: 'soon' }), /seconds/);
  });

  it('reports the timestamps past the recording’s end once mediaInfo gives its length, and stops when it is withdrawn', async () => {
    const past = (d: { code?: unknown }) => d.code === 'timestamp-past-media-end';
    const published = client.nextDiagnostics(uri, (p) => p.diagnostics.some(past));
    await client.notify('transcript/mediaInfo', { uri, duration: 60 });
    const found = (await published).diagnostics.filter(past);
    assert.deepEqual(found.map((d) => [d.range.start.line, d.message]), [[3, 'Timestamp 00:01:30 is past the end of the recording (00:01:00).']]);
    const cleared = client.nextDiagnostics(uri, (p) => !p.diagnostics.some(past));
    await client.notify('transcript/mediaInfo', { uri, duration: null });
    await cleared;
  });

  it('puts a ▶ Play lens above each turn, ≈ where its time is interpolated, running the links’ command', async () => {
    const all = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // The second turn is a question: its own lens, after the play lenses.
    assert.deepEqual(all.slice(4).map((l) => l.command?.title), ['Answered by Omar Haddad · 2 words']);
    const lenses = all.slice(0, 4);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [0, '▶ Play 00:00:01'],
      [1, `▶ Play ≈${lenses[1].command?.title.slice(-8)}`],
      [2, '▶ Play 00:00:10'],
      [3, '▶ Play 00:01:30'],
    ]);
    assert.match(lenses[1].command!.title, /^▶ Play ≈00:00:0[2-9]$/);
    assert.deepEqual(lenses[2].command, { title: '▶ Play 00:00:10', command: 'transcript.playFrom', arguments: [{ uri, seconds: 10 }] });
  });
});

describe('the ▶ Play lens turned off (transcript.codeLens.play)', () => {
  it('asks the client to refresh its lenses, and gives none', async () => {
    const client = new LspClient();
    await client.initialize({ workspace: { configuration: true, codeLens: { refreshSupport: true } } });
    const uri = 'file:///media/lens-off.transcript';
    await client.open(uri, lines('[00:00:01] Omar Haddad: Good morning.', '', 'Jane Roe: Hello there.'));
    assert.equal((await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).length, 2);
    const refreshed = new Promise<void>((resolve) => client.connection.onRequest('workspace/codeLens/refresh', () => resolve()));
    client.settings = { codeLens: { play: false } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.equal(await client.shutdown(), 0);
  });
});
