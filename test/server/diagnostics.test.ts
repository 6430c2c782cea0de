import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { corpusFile, lines } from '../util/fixtures';
import { applyEdits } from '../util/edits';
import { LspClient } from '../util/lspClient';

describe('server: diagnostics and quick fixes over stdio JSON-RPC', () => {
  let client: LspClient;
  const uri = 'file:///seed.transcript';
  beforeEach(() => {
    client = new LspClient();
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('publishes the seed’s ten incomplete sentences and its repeated sentence on open', async () => {
    await client.initialize();
    const published = await client.open(uri, corpusFile('seed_lavrov_2023-04-11.txt'));
    const byCode = (code: string) => published.diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line + 1);
    assert.deepEqual(byCode('incomplete-sentence'), [3, 4, 9, 10, 11, 12, 14, 15, 16, 17]);
    assert.deepEqual(byCode('repeated-sentence'), [19]);
    assert.deepEqual(byCode('misspelt-organisation'), [19]);
  });

  it('re-validates open documents at once when the settings change', async () => {
    await client.initialize();
    await client.open(uri, corpusFile('seed_lavrov_2023-04-11.txt'));
    client.settings = { severity: { 'incomplete-sentence': 'error', 'repeated-sentence': 'off', 'misspelt-organisation': 'off' } };
    const republished = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.severity === 1));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await republished;
    assert.equal(diagnostics.length, 10);
    assert.ok(diagnostics.every((d) => d.code === 'incomplete-sentence' && d.severity === 1));
  });

  it('holds back the paragraph being typed, then checks it once typing pauses', async () => {
    // The first check comes 100 ms after the keystroke, the second a typing delay after it: the
    // default 2 s leaves room for a busy machine, where 300 ms could see the first come too late.
    client.settings = { typingDelay: 2000 };
    await client.initialize();
    const text = lines('Question: Why?', '', 'Sergey Lavrov: Because.');
    await client.open(uri, text);
    const whileTyping = client.nextDiagnostics(uri, 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 23 }, end: { line: 2, character: 23 } }, text: ' We met in' }],
    });
    assert.deepEqual((await whileTyping).diagnostics, [], 'not while typing');
    const afterPause = await client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(afterPause.diagnostics.map((d) => [d.code, d.range.start.line]), [['incomplete-sentence', 2]]);
  });

  it('checks a long document in slices: a request sent meanwhile is answered before its diagnostics', async () => {
    await client.initialize();
    const briefing = corpusFile('wh_biden_press_gaggle_2021-11-16.txt');
    const long = 'file:///long.transcript';
    const short = 'file:///short.transcript';
    // 1,000 problems published for the short one: some 300 KB of JSON, more than a pipe holds.
    const problems = Array.from({ length: 1500 }, (_, i) => `Sergey Lavrov: Point ${i} (open. We agree on this point.`).join('\n\n');
    // The client stops reading as the short one's diagnostics begin to arrive. The server cannot
    // write the rest, and checks nothing further until it has: the long one's check, which started
    // first and takes a hundred slices where the short one's takes a few, is held in the middle.
    // No timing decides the order below, only the slices: a check run in one go would publish the
    // long one's diagnostics before the short one's, and before the hover.
    const shortOneBegins = new Promise<void>((resolve) => {
      let seen = '';
      const look = (chunk: Buffer) => {
        seen = seen.slice(-100) + chunk.toString('latin1');
        if (!seen.includes(`"uri":"${short}"`)) return;
        client.process.stdout!.pause();
        client.process.stdout!.off('data', look);
        resolve();
      };
      client.process.stdout!.on('data', look);
    });
    const arrived: string[] = [];
    const longChecked = client.open(long, Array.from({ length: Math.ceil(3e6 / briefing.length) }, () => briefing).join('\n\n')).then(() => arrived.push('long diagnostics'));
    const shortChecked = client.open(short, problems).then(() => arrived.push('short diagnostics'));
    await shortOneBegins;
    const hover = client.request('textDocument/hover', { textDocument: { uri: long }, position: { line: 3, character: 3 } }).then(() => arrived.push('hover'));
    // Written once this notification is: the hover is then in the server's hands.
    await client.notify('$/setTrace', { value: 'off' });
    client.process.stdout!.resume();
    await Promise.all([longChecked, shortChecked, hover]);
    assert.deepEqual(arrived, ['short diagnostics', 'hover', 'long diagnostics']);
  });

  it('answers codeAction with exact quick fixes for the diagnostics the client sends', async () => {
    await client.initialize();
    const text = corpusFile('seed_lavrov_2023-04-11.txt');
    const { diagnostics } = await client.open(uri, text);
    const days = diagnostics.find((d) => d.code === 'incomplete-sentence' && d.range.start.line === 10) as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: days.range, context: { diagnostics: [days] } });
    assert.deepEqual(actions.map((a) => a.title), ['Mark as truncated', 'Ignore incomplete sentences in this file']);
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    assert.equal(fixed.split('\n')[10], 'Days of […]');
    assert.equal(fixed.replace('Days of […]', 'Days of'), text);
  });

  it('switches the costly features off above the size limit, says so once, and keeps the outline', async () => {
    client.settings = { largeFileThreshold: 0.001 }; // a thousand characters: the seed is larger
    await client.initialize();
    const told = client.nextMessage();
    const published = await client.open(uri, corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.deepEqual(published.diagnostics, []);
    assert.match((await told).message, /Diagnostics, semantic highlighting and code lenses are off above 0\.001 million/);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 6);
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens.data, []);
  });

  it('publishes at most a thousand problems, the most severe first, and says how many there are', async () => {
    await client.initialize();
    // 1,500 paragraphs each with an unclosed parenthesis (warnings) and 1,500 repeated sentences (hints).
    const paragraph = (i: number) => `Sergey Lavrov: Point ${i} (open. We agree on this point. We agree on this point.`;
    const text = Array.from({ length: 1500 }, (_, i) => paragraph(i)).join('\n\n');
    const told = client.nextMessage();
    const published = await client.open(uri, text);
    assert.match((await told).message, /this document has 3,0\d\d problems; the 1,000 most severe are shown/);
    assert.equal(published.diagnostics.length, 1000);
    assert.ok(published.diagnostics.every((d) => d.severity === 2), 'the warnings, not the hints');
    const lines = published.diagnostics.map((d) => d.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'in document order');
  });
});
