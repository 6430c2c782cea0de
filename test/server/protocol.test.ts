import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { corpusFile, lines } from '../util/fixtures';
import { LspClient, SERVER } from '../util/lspClient';

describe('server: over stdio JSON-RPC', () => {
  let client: LspClient;
  const uri = 'file:///seed.transcript';

  beforeEach(() => {
    client = new LspClient();
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('initializes with incremental sync, document symbols and folding ranges', async () => {
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.textDocumentSync, 2);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(await client.shutdown(), 0);
  });

  it('keeps the language service out of the server’s code, dist/lsp.js: it is loaded from dist/service.js after initialize', () => {
    const dist = (name: string) => readFileSync(path.join(path.dirname(SERVER), name), 'utf8');
    assert.match(dist('server.js'), /"lsp\.js"/);
    assert.match(dist('lsp.js'), /"service\.js"/);
    // The built-in glossary is in neither bundle: dist/service.js reads it from dist/glossary/ when first needed.
    for (const bundle of ['lsp.js', 'service.js']) assert.doesNotMatch(dist(bundle), /Collective Security Treaty Organization/, bundle);
    assert.match(dist(path.join('glossary', 'index.json')), /Collective Security Treaty Organization/);
  });

  it('gives the seed’s outline: opening remarks, then Q1–Q4 each with Sergey Lavrov’s answer', async () => {
    await client.initialize();
    await client.open(uri, corpusFile('seed_lavrov_2023-04-11.txt'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name.split(' · ')[0]), ['Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news conference following talks with Deputy Prime Minister and Foreign Minister of Kazakhstan Murat Nurtleu, Moscow, April 11, 2023', 'Opening remarks', 'Q1', 'Q2', 'Q3', 'Q4']);
    assert.equal(symbols[4].name, 'Q3 · How are the countries developing their transit and…');
    assert.equal(symbols[4].detail, 'Question');
    for (const question of symbols.slice(2)) {
      assert.deepEqual(question.children!.map((c) => c.name.split(' · ')[0]), ['Sergey Lavrov']);
    }
    // A question holds its answers: its range runs to the end of the last one.
    assert.deepEqual(symbols[2].range, { start: { line: 17, character: 0 }, end: { line: 19, character: 175 } });
    assert.deepEqual(symbols[2].selectionRange.start, { line: 17, character: 0 });
    assert.equal(await client.shutdown(), 0);
  });

  it('gives folding ranges for turns and for each question with its answers', async () => {
    await client.initialize();
    await client.open(uri, corpusFile('seed_lavrov_2023-04-11.txt'));
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const has = (startLine: number, endLine: number) => ranges.some((r) => r.startLine === startLine && r.endLine === endLine);
    assert.ok(has(1, 16), 'opening remarks');
    assert.ok(has(17, 19), 'Q1 with its answer');
    assert.ok(has(18, 19), 'the answer to Q1');
    assert.equal(await client.shutdown(), 0);
  });

  it('applies incremental changes: an edit that turns a paragraph into a question renumbers the outline', async () => {
    await client.initialize();
    const text = lines('Sergey Lavrov: Good afternoon.', 'Question: Why?', 'Sergey Lavrov: Because.');
    await client.open(uri, text);
    const changed = client.nextDiagnostics(uri, 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } }, text: 'Q' }],
    });
    await changed;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Q1 · Good afternoon.', 'Q2 · Why?']);
    assert.deepEqual(symbols[1].children!.map((c) => c.name), ['Sergey Lavrov · Because.']);
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes front matter errors as diagnostics, and clears them on close', async () => {
    await client.initialize();
    const published = await client.open(uri, lines('---', 'title: [unclosed', '---', 'Question: Why?'));
    assert.equal(published.diagnostics[0]?.code, 'front-matter');
    assert.equal(published.diagnostics[0].range.start.line, 1);
    const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(await client.shutdown(), 0);
  });

  it('answers null for a document it never saw, and exits with 1 when told to exit without shutdown', async () => {
    await client.initialize();
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.transcript' } });
    assert.equal(symbols, null);
    await client.notify('exit', undefined);
    assert.equal(await client.exited, 1);
  });

  it('refuses to start without a transport, with a usage message', async () => {
    client.kill();
    const bare = new LspClient([]);
    assert.equal(await bare.exited, 2);
    assert.match(bare.stderr.join(''), /Usage: transcript-language-server --stdio/);
  });
});
