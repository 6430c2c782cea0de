import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

const TEXT = lines(
  '---',
  'speakers:',
  '  - name: Sergey Lavrov',
  '    aliases: [Lavrov]',
  '---',
  'Question: Will the CSTO meet? #security [00:01:02]',
  '',
  'Lavrov: Yes. (Laughter.) The Supreme Eurasian',
  'Economic Council meets in May [inaudible]. 😀 #energy',
);

describe('semantic tokens: over stdio JSON-RPC', () => {
  let client: LspClient;
  let legend: SemanticTokensLegend;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    const provider = capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: boolean; range: boolean };
    assert.deepEqual(provider, {
      legend: { tokenTypes: ['class', 'keyword', 'enumMember', 'decorator', 'comment', 'number'], tokenModifiers: ['declaration'] },
      full: true,
      range: true,
    });
    legend = provider.legend;
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  /** The tokens decoded to `[line, character, the text, type, ...modifiers]`. */
  async function tokens(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) {
    const uri = `file:///tokens-${++opened}.transcript`;
    await client.open(uri, text);
    const result = range
      ? await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range })
      : await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const textLines = text.split('\n');
    const decoded: (string | number)[][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < result.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = result.data.slice(i, i + 5);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      const names = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
      decoded.push([line, character, textLines[line].slice(character, character + length), legend.tokenTypes[type], ...names]);
    }
    return decoded;
  }

  it('marks speakers, markers, organisations, tags, annotations and timestamps at their exact positions', async () => {
    assert.deepEqual(await tokens(TEXT), [
      [2, 10, 'Sergey Lavrov', 'class', 'declaration'],
      [3, 14, 'Lavrov', 'class', 'declaration'],
      [5, 0, 'Question', 'keyword'],
      [5, 19, 'CSTO', 'enumMember'],
      [5, 30, '#security', 'decorator'],
      [5, 40, '[00:01:02]', 'number'],
      [7, 0, 'Lavrov', 'class'],
      [7, 13, '(Laughter.)', 'comment'],
      // An organisation's name over a line break is two tokens, one per line.
      [7, 29, 'Supreme Eurasian', 'enumMember'],
      [8, 0, 'Economic Council', 'enumMember'],
      [8, 30, '[inaudible]', 'comment'],
      // After an emoji, two UTF-16 code units: the tag starts at 46, not 45.
      [8, 46, '#energy', 'decorator'],
    ]);
  });

  it('gives the tokens of the lines a range touches, positioned from the start of the document', async () => {
    assert.deepEqual(await tokens(TEXT, { start: { line: 7, character: 20 }, end: { line: 7, character: 22 } }), [
      [7, 0, 'Lavrov', 'class'],
      [7, 13, '(Laughter.)', 'comment'],
      [7, 29, 'Supreme Eurasian', 'enumMember'],
    ]);
  });

  it('colours only what the parser reads as a label: not a name before a colon inside a sentence', async () => {
    const result = await tokens(lines('Question: Why?', '', 'Sergey Lavrov: Our cultural ties are expanding: on March 2 we met.', '', 'Germany: “This is a matter of principle.”'));
    assert.deepEqual(result, [[0, 0, 'Question', 'keyword'], [2, 0, 'Sergey Lavrov', 'class']]);
  });

  it('marks the labels of the White House’s bare Q and of long first-mention labels', async () => {
    const gaggle = await tokens(corpusFile('wh_biden_press_gaggle_2021-11-16.txt'));
    assert.deepEqual(gaggle.filter((t) => t[3] === 'keyword' || t[3] === 'class').map((t) => t.slice(0, 4)), [
      [14, 0, 'Q', 'keyword'], [17, 0, 'THE PRESIDENT', 'class'], [23, 0, 'Q', 'keyword'], [25, 0, 'THE PRESIDENT', 'class'], [28, 0, 'Q', 'keyword'], [30, 0, 'THE PRESIDENT', 'class'],
    ]);
    const kremlin = await tokens(corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'), { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } });
    assert.deepEqual(kremlin[0], [4, 0, 'President of the Republic of Turkey Recep Tayyip Erdogan', 'class']);
  });
});

describe('semantic tokens: a range (property, seeded)', () => {
  /** Absolute `[line, character, length, type, modifiers]` of each token piece, from the relative encoding. */
  function decode(data: readonly number[]): number[][] {
    const pieces: number[][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      line += data[i];
      pieces.push([line, character, data[i + 2], data[i + 3], data[i + 4]]);
    }
    return pieces;
  }

  it('gives the pieces of the whole document’s tokens that lie on its lines', () => {
    const texts = [TEXT, corpusFile('seed_lavrov_2023-04-11.txt'), corpusFile('wh_biden_press_gaggle_2021-11-16.txt')];
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(400), fc.nat(60), (which, first, span) => {
        const text = texts[which];
        const service = createLanguageService();
        const doc = document(text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const range = { start: { line: Math.min(first, lineCount - 1), character: 0 }, end: { line: Math.min(first + span, lineCount - 1), character: 0 } };
        const expected = decode(service.provideSemanticTokens(doc).data).filter(([line]) => line >= range.start.line && line <= range.end.line);
        assert.deepEqual(decode(service.provideSemanticTokens(doc, range).data), expected);
      }),
      { seed: 23, numRuns: 300 },
    );
  });
});
