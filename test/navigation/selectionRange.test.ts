import * as assert from 'node:assert/strict';
import type { Position, SelectionRange } from 'vscode-languageserver-protocol';
import { corpusFile, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

const TEXT = lines(
  '---',
  'title: Talks',
  '---',
  '# Questions and answers',
  '',
  'Question: How are you? Is all #energy well?',
  '',
  'Sergey Lavrov: We are well. Thank you for asking.',
  '',
  'We have work to do.',
  '',
  'Question: Next?',
);

/** Each range of the chain, innermost first, as `[startLine, startChar, endLine, endChar]`. */
function chain(range: SelectionRange): number[][] {
  const result: number[][] = [];
  for (let r: SelectionRange | undefined = range; r; r = r.parent) {
    result.push([r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character]);
  }
  return result;
}

describe('selection ranges: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.equal(capabilities.selectionRangeProvider, true);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function selectionRanges(text: string, positions: Position[]): Promise<number[][][]> {
    const uri = `file:///selection-${++opened}.transcript`;
    await client.open(uri, text);
    const result = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
    assert.equal(result.length, positions.length);
    return result.map(chain);
  }

  it('expands word → sentence → paragraph → turn → question with its answers → section → document', async () => {
    const [thank] = await selectionRanges(TEXT, [{ line: 7, character: 30 }]);
    assert.deepEqual(thank, [
      [7, 28, 7, 33], // Thank
      [7, 28, 7, 49], // Thank you for asking.
      [7, 0, 7, 49], // the paragraph, with its label
      [7, 0, 9, 19], // Sergey Lavrov's turn: two paragraphs
      [5, 0, 9, 19], // the question with its answer
      [3, 0, 11, 15], // # Questions and answers
      [0, 0, 11, 15], // the document
    ]);
  });

  it('in a label: word → name → label → paragraph …; on a tag, the tag with its #', async () => {
    const [label, tag] = await selectionRanges(TEXT, [{ line: 7, character: 9 }, { line: 5, character: 33 }]);
    assert.deepEqual(label, [[7, 7, 7, 13], [7, 0, 7, 13], [7, 0, 7, 14], [7, 0, 7, 49], [7, 0, 9, 19], [5, 0, 9, 19], [3, 0, 11, 15], [0, 0, 11, 15]]);
    assert.deepEqual(tag, [[5, 30, 5, 37], [5, 23, 5, 43], [5, 0, 5, 43], [5, 0, 9, 19], [3, 0, 11, 15], [0, 0, 11, 15]]);
  });

  it('leaves out a level that adds nothing: a one-sentence paragraph, a one-turn question', async () => {
    const [next] = await selectionRanges(TEXT, [{ line: 11, character: 12 }]);
    assert.deepEqual(next, [[11, 10, 11, 14], [11, 10, 11, 15], [11, 0, 11, 15], [3, 0, 11, 15], [0, 0, 11, 15]]);
  });

  it('in the front matter: word → line → front matter → document', async () => {
    const [title] = await selectionRanges(TEXT, [{ line: 1, character: 9 }]);
    assert.deepEqual(title, [[1, 7, 1, 12], [1, 0, 1, 12], [0, 0, 2, 3], [0, 0, 11, 15]]);
  });

  it('finds sentences by the document’s abbreviations, and the question with its answer in the seed', async () => {
    const seed = corpusFile('seed_lavrov_2023-04-11.txt');
    const [mr] = await selectionRanges(seed, [{ line: 4, character: 57 }]);
    // `Mr. Nurtleu` does not end the sentence; each line of the seed is a paragraph.
    assert.deepEqual(mr, [[4, 56, 4, 63], [4, 0, 4, 126], [4, 0, 4, 439], [1, 0, 16, 136], [0, 0, 36, 126]]);
    const [answer] = await selectionRanges(seed, [{ line: 28, character: 10 }]);
    assert.deepEqual(answer.slice(3, 5).map((r) => [r[0], r[2]]), [[27, 32], [26, 32]]);
  });
});
