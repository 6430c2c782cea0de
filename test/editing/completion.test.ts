import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { applyEdits } from '../util/edits';
import { corpusFile, cursor, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

/** The text an editor shows after accepting `item`: its edit applied, a snippet's placeholders filled with their defaults. */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') : edit.newText;
  return applyEdits(text, [{ range: edit.range, newText }]);
}

describe('completion: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['#', '['] });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  /** The items at the fixture's `|`, in the order the server sorts them, and the text without the mark. */
  async function complete(fixture: string, uri = `file:///completion-${++opened}.transcript`): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, offset } = cursor(fixture);
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: new LineIndex(text).positionAt(offset) });
    const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    for (const item of items) {
      const range = (item.textEdit as TextEdit).range;
      assert.equal(range.start.line, range.end.line, 'a completion edit stays on its line');
    }
    return { text, items };
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  describe('speaker labels at the start of a paragraph', () => {
    const seed = corpusFile('seed_lavrov_2023-04-11.txt');

    it('after an answer: the question marker first, then the speakers', async () => {
      const { text, items } = await complete(`${seed}\n|`);
      assert.deepEqual(labels(items), ['Question', 'Sergey Lavrov']);
      assert.deepEqual(items.map((i) => i.detail), ['question marker', '4 turns']);
      assert.equal(accept(text, items[0]), `${seed}\nQuestion: `);
      assert.equal(items[0].preselect, true);
    });

    it('after a question: the speaker who answered last first', async () => {
      const { text, items } = await complete(`${seed}\nQuestion: And the SCO?\n|`);
      assert.deepEqual(labels(items), ['Sergey Lavrov', 'Question']);
      assert.equal(accept(text, items[0]), `${seed}\nQuestion: And the SCO?\nSergey Lavrov: `);
    });

    it('after a question with several answerers: the last one first, then the rest by frequency (kremlin.ru)', async () => {
      const kremlin = corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt');
      const index = new LineIndex(kremlin);
      const afterQ3 = index.offsetAt({ line: 147, character: 0 }); // Q2 was answered by Vladimir Putin
      const q3 = await complete(`${kremlin.slice(0, afterQ3)}|${kremlin.slice(afterQ3)}`);
      assert.deepEqual(labels(q3.items), ['Vladimir Putin', 'Recep Tayyip Erdogan', 'Hassan Rouhani', 'Question']);
      const afterQ7 = index.offsetAt({ line: 209, character: 0 }); // Q6 was answered last by Recep Tayyip Erdogan
      const q7 = await complete(`${kremlin.slice(0, afterQ7)}|${kremlin.slice(afterQ7)}`);
      assert.deepEqual(labels(q7.items), ['Recep Tayyip Erdogan', 'Vladimir Putin', 'Hassan Rouhani', 'Question']);
      assert.equal(q7.items[0].detail, '7 turns · President of the Republic of Turkey');
    });

    it('replaces the word being typed: `Serg` becomes the whole label', async () => {
      const { text, items } = await complete(`${seed}\nSerg|`);
      const lavrov = items.find((i) => i.label === 'Sergey Lavrov')!;
      assert.deepEqual((lavrov.textEdit as TextEdit).range, { start: { line: 37, character: 0 }, end: { line: 37, character: 4 } });
      assert.equal(accept(text, lavrov), `${seed}\nSergey Lavrov: `);
      const typed = await complete(`${seed}\nSergey La|`);
      assert.equal(accept(typed.text, typed.items.find((i) => i.label === 'Sergey Lavrov')!), `${seed}\nSergey Lavrov: `);
    });

    it('uses the document’s own question marker: the White House’s bare Q with its spacing', async () => {
      const gaggle = corpusFile('wh_biden_press_gaggle_2021-11-16.txt');
      const marker = /^Q[\s\u00a0]*/m.exec(gaggle)![0];
      assert.notEqual(marker, 'Q ');
      const at = gaggle.indexOf('\n\n3:24 P.M. EST') + 1;
      const { text, items } = await complete(`${gaggle.slice(0, at)}|${gaggle.slice(at)}`);
      assert.deepEqual(labels(items), ['Q', 'THE PRESIDENT']);
      assert.equal(accept(text, items[0]), `${gaggle.slice(0, at)}${marker}${gaggle.slice(at)}`);
    });

    it('includes declared speakers that have not spoken yet, after those who have', async () => {
      const { items } = await complete(lines('---', 'speakers: [Sergey Lavrov, Murat Nurtleu]', '---', 'Sergey Lavrov: Welcome.', '', 'Anna Smith: Thank you.', '', 'Anna Smith: Indeed.', '', '|'));
      assert.deepEqual(labels(items), ['Sergey Lavrov', 'Murat Nurtleu', 'Anna Smith', 'Question']);
      assert.deepEqual(items.map((i) => i.detail), ['1 turn', 'declared, no turns yet', '2 turns', 'question marker']);
    });

    it('offers nothing in the middle of a sentence, in the front matter, or in a label already written', async () => {
      assert.deepEqual((await complete(lines('Question: Why?', '', 'Sergey Lavrov: We are working hard on', 'Ka|'))).items, []);
      assert.deepEqual((await complete(lines('---', 'title: T|', '---', 'Question: Why?'))).items, []);
      assert.deepEqual((await complete(lines('Question: Why?', '', 'Serg|ey Lavrov: Because.'))).items, []);
      assert.deepEqual((await complete(lines('Question: Why?', '', 'Sergey Lavrov: Because.', '', 'We| are here.'))).items, []);
    });
  });

  describe('topic tags after #', () => {
    it('offers the tags of this transcript and of the other open ones, with counts, and replaces the typed part', async () => {
      await client.open('file:///completion-other.transcript', lines('Question: Energy?', '', 'Sergey Lavrov: Yes. #energy #security'));
      const { text, items } = await complete(lines('We discussed #energy and #trade. More #Energy.', '', 'And #en|'));
      assert.deepEqual(labels(items), ['#energy', '#trade', '#security']);
      assert.deepEqual(items.map((i) => i.detail), [
        '2 in this transcript · 1 in 1 other transcript',
        '1 in this transcript',
        'not used in this transcript · 1 in 1 other transcript',
      ]);
      assert.equal(accept(text, items[0]), lines('We discussed #energy and #trade. More #Energy.', '', 'And #energy'));
      assert.equal(accept(text, items[2]), lines('We discussed #energy and #trade. More #Energy.', '', 'And #security'));
    });

    it('replaces the whole tag when the cursor is inside it', async () => {
      const { text, items } = await complete('We discussed #tr|de and #trade.');
      assert.equal(accept(text, items[0]), 'We discussed #trade and #trade.');
    });
  });

  describe('annotations after [', () => {
    it('offers the notes, the truncation mark and a timestamp, and eats the bracket the editor closed', async () => {
      const { text, items } = await complete('Sergey Lavrov: We are working on [|]');
      assert.deepEqual(labels(items), ['[inaudible]', '[crosstalk]', '[sic]', '[…]', '[00:00:00]']);
      assert.equal(accept(text, items[0]), 'Sergey Lavrov: We are working on [inaudible]');
      assert.equal(accept(text, items[3]), 'Sergey Lavrov: We are working on […]');
      assert.equal(items[4].insertTextFormat, 2);
      assert.equal((items[4].textEdit as TextEdit).newText, '[${1:00:00:00}]');
    });

    it('proposes the last timestamp before the cursor, and the document’s own notes', async () => {
      const fixture = lines('[00:12:34] Question: Why? [laughs]', '', '[00:13:05] Sergey Lavrov: Because [inaud|', '', '[00:20:00] Question: And? [laughs]');
      const { text, items } = await complete(fixture);
      assert.deepEqual(labels(items), ['[inaudible]', '[crosstalk]', '[sic]', '[…]', '[00:13:05]', '[laughs]']);
      assert.equal(items[4].detail, 'timestamp: the last one before the cursor, to edit');
      assert.equal(items[5].detail, '2 uses in this transcript');
      assert.equal(accept(text, items[4]), lines('[00:12:34] Question: Why? [laughs]', '', '[00:13:05] Sergey Lavrov: Because [00:13:05]', '', '[00:20:00] Question: And? [laughs]'));
      assert.equal(accept(text, items[0]), lines('[00:12:34] Question: Why? [laughs]', '', '[00:13:05] Sergey Lavrov: Because [inaudible]', '', '[00:20:00] Question: And? [laughs]'));
    });
  });
});
