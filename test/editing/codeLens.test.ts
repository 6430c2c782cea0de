import * as assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { corpusFile, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

describe('code lens: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function lenses(text: string): Promise<CodeLens[]> {
    const uri = `file:///lens-${++opened}.transcript`;
    await client.open(uri, text);
    return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  }

  it('puts `Answered by … · N words` above each question of the seed, as a title with no command', async () => {
    const result = await lenses(corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.deepEqual(result.map((l) => [l.range.start.line, l.command?.title]), [
      [17, 'Answered by Sergey Lavrov · 241 words'],
      [20, 'Answered by Sergey Lavrov · 258 words'],
      [26, 'Answered by Sergey Lavrov · 270 words'],
      [33, 'Answered by Sergey Lavrov · 209 words'],
    ]);
    assert.deepEqual(result[0].range, { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } });
    assert.equal(result[0].command?.command, '');
  });

  it('joins several answerers, and leaves remarks from the floor out (kremlin.ru)', async () => {
    const titles = (await lenses(corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'))).map((l) => l.command?.title);
    assert.deepEqual(titles, [
      'Answered by Vladimir Putin · 5 words',
      'Answered by Vladimir Putin · 146 words',
      'Answered by Vladimir Putin · 81 words',
      'Answered by Hassan Rouhani and Recep Tayyip Erdogan · 602 words',
      'Answered by Hassan Rouhani and Recep Tayyip Erdogan · 138 words',
      'Answered by Vladimir Putin, Hassan Rouhani and Recep Tayyip Erdogan · 636 words',
      'Answered by Recep Tayyip Erdogan · 95 words',
    ]);
  });

  it('says “No answer” for a question nobody answered, and names an answer marker', async () => {
    const result = await lenses(lines('Q: Why?', '', 'A: Because it is so.', '', 'Q: And then?', '', '# Next part', '', 'Q: Anyone?'));
    assert.deepEqual(result.map((l) => [l.range.start.line, l.command?.title]), [
      [0, 'Answered by A · 4 words'],
      [4, 'No answer'],
      [8, 'No answer'],
    ]);
  });

  it('gives no lens to a transcript without questions', async () => {
    assert.deepEqual(await lenses(lines('Sergey Lavrov: Good afternoon.', '', 'Murat Nurtleu: Thank you.')), []);
  });
});
