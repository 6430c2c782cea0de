import * as assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { corpusFile, cursor } from '../util/fixtures';
import { DECLARED } from './fixtures';
import { LspClient } from '../util/lspClient';

/** `[line, from, to]` for each location, in order. */
const spans = (locations: Location[] | null) => locations?.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character]) ?? null;

describe('references: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.referencesProvider, true);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function references(fixture: string, includeDeclaration = true): Promise<Location[] | null> {
    const { text, offset } = cursor(fixture);
    const uri = `file:///references-${++opened}.transcript`;
    await client.open(uri, text);
    const result = await client.request<Location[] | null>('textDocument/references', {
      textDocument: { uri }, position: new LineIndex(text).positionAt(offset), context: { includeDeclaration },
    });
    for (const location of result ?? []) assert.equal(location.uri, uri);
    return result;
  }
  const mark = (text: string, line: number, character: number) => {
    const index = new LineIndex(text);
    const offset = index.offsetAt({ line, character });
    return text.slice(0, offset) + '|' + text.slice(offset);
  };

  it('on a speaker label: every label of the speaker, whatever alias it uses, and the front matter entry', async () => {
    const expected = [
      [2, 10, 23], [3, 14, 20], [3, 22, 52], // declaration: name and aliases
      [6, 0, 30], [10, 0, 6], [16, 0, 13], // labels: the long one, the alias, the name
    ];
    assert.deepEqual(spans(await references(mark(DECLARED, 16, 3))), expected);
    assert.deepEqual(spans(await references(mark(DECLARED, 10, 2))), expected, 'from the one-word alias');
    assert.deepEqual(spans(await references(mark(DECLARED, 6, 20))), expected, 'from the long label');
    assert.deepEqual(spans(await references(mark(DECLARED, 2, 15))), expected, 'from the front matter name');
    assert.deepEqual(spans(await references(mark(DECLARED, 3, 16))), expected, 'from a front matter alias');
  });

  it('leaves the front matter entry out without includeDeclaration', async () => {
    assert.deepEqual(spans(await references(mark(DECLARED, 10, 2), false)), [[6, 0, 30], [10, 0, 6], [16, 0, 13]]);
    assert.deepEqual(spans(await references(mark(DECLARED, 12, 5), false)), [[12, 0, 13]]);
    assert.deepEqual(spans(await references(mark(DECLARED, 12, 5), true)), [[4, 4, 17], [12, 0, 13]]);
  });

  it('on a topic tag: every occurrence, in any case', async () => {
    assert.deepEqual(spans(await references(mark(DECLARED, 8, 24))), [[6, 61, 68], [8, 21, 28], [10, 25, 32]]);
    assert.deepEqual(spans(await references(mark(DECLARED, 16, 24))), [[10, 33, 39], [16, 24, 30]]);
  });

  it('on a long first-mention label: the speaker’s later, shorter labels (kremlin.ru)', async () => {
    const text = corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt');
    const result = await references(mark(text, 4, 40));
    assert.deepEqual(spans(result), [[4, 0, 56], [78, 0, 20], [116, 0, 20], [160, 0, 20], [180, 0, 20], [200, 0, 20], [210, 0, 20]]);
    const rouhani = await references(mark(text, 154, 3));
    assert.deepEqual(spans(rouhani)!.map((s) => s[0]), [48, 154, 178, 196]);
  });

  it('on a label before an edit that kept the turns as they were (words typed further on)', async () => {
    const uri = `file:///references-${++opened}.transcript`;
    await client.open(uri, DECLARED);
    const typed = client.nextDiagnostics(uri, 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 16, character: 23 }, end: { line: 16, character: 23 } }, text: ' Fast' }],
    });
    await typed;
    const result = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position: { line: 10, character: 2 }, context: { includeDeclaration: false } });
    assert.deepEqual(spans(result), [[6, 0, 30], [10, 0, 6], [16, 0, 13]]);
  });

  it('answers null on a question marker, on text and between turns', async () => {
    assert.equal(await references(mark(DECLARED, 8, 3)), null);
    assert.equal(await references(mark(DECLARED, 8, 12)), null);
    assert.equal(await references(mark(DECLARED, 7, 0)), null);
  });
});
