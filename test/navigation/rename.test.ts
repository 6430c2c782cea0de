import * as assert from 'node:assert/strict';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../util/edits';
import { corpusFile, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';
import { DECLARED } from './fixtures';

describe('rename: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function open(text: string): Promise<string> {
    const uri = `file:///rename-${++opened}.transcript`;
    await client.open(uri, text);
    return uri;
  }
  /** The text after renaming what is at `line:character` to `newName`. */
  async function rename(text: string, line: number, character: number, newName: string): Promise<string> {
    const uri = await open(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName });
    assert.deepEqual(Object.keys(edit.changes!), [uri]);
    return applyEdits(text, edit.changes![uri]);
  }
  async function prepare(text: string, line: number, character: number) {
    const uri = await open(text);
    return client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: { line, character } });
  }
  const refused = (promise: Promise<unknown>, message: RegExp) => assert.rejects(promise, (error: Error & { code?: number }) => {
    assert.match(error.message, message);
    assert.equal(error.code, -32803); // RequestFailed
    return true;
  });

  describe('speakers', () => {
    it('rewrites every label and the front matter name; a long label keeps its role, an alias that ends in the name follows', async () => {
      const renamed = await rename(DECLARED, 10, 2, 'Sergei Lavrov');
      assert.equal(renamed, lines(
        '---',
        'speakers:',
        '  - name: Sergei Lavrov',
        '    aliases: [Lavrov, Foreign Minister Sergei Lavrov]',
        '  - Murat Nurtleu',
        '---',
        'Foreign Minister Sergei Lavrov: Good afternoon. We discussed #energy.',
        '',
        'Question: What about #Energy prices?',
        '',
        'Sergei Lavrov: They are stable. #energy #trade',
        '',
        'Murat Nurtleu: I agree.',
        '',
        'Question: And trade?',
        '',
        'Sergei Lavrov: Growing. #trade',
      ));
    });

    it('renames from the front matter too, and rewrites an alias equal to the old name', async () => {
      const text = lines('---', 'speakers:', '  Murat Nurtleu:', '    aliases: ["Murat Nurtleu", Nurtleu]', '---', 'Murat Nurtleu: Thank you.', '', 'Question: Why?', '', 'Nurtleu: Because.');
      assert.equal(await rename(text, 2, 4, 'Murat Nurtleu Jr'), lines(
        '---', 'speakers:', '  Murat Nurtleu Jr:', '    aliases: ["Murat Nurtleu Jr", Nurtleu]', '---',
        'Murat Nurtleu Jr: Thank you.', '', 'Question: Why?', '', 'Murat Nurtleu Jr: Because.',
      ));
    });

    it('renames only the name in a long first-mention label, keeping role and qualifiers (kremlin.ru)', async () => {
      const text = corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt');
      const renamed = await rename(text, 78, 5, 'Recep Tayyip Erdoğan');
      const expected = text
        .replace('President of the Republic of Turkey Recep Tayyip Erdogan (retranslated):', 'President of the Republic of Turkey Recep Tayyip Erdoğan (retranslated):')
        .replace(/^Recep Tayyip Erdogan:/gm, 'Recep Tayyip Erdoğan:');
      assert.equal(renamed, expected);
      assert.match(renamed, /President Erdogan, I am from Iran\./, 'the words of the text are not labels');
      assert.equal(renamed.split('Recep Tayyip Erdoğan').length - 1, 7);
    });

    it('keeps a label in capitals in capitals (White House)', async () => {
      const text = corpusFile('wh_biden_press_gaggle_2021-11-16.txt');
      const renamed = await rename(text, 17, 4, 'President Biden');
      assert.equal(renamed, text.replace(/^THE PRESIDENT:/gm, 'PRESIDENT BIDEN:'));
    });

    it('prepares with the name part of the label and the speaker’s name as placeholder', async () => {
      assert.deepEqual(await prepare(corpusFile('kremlin_russia_turkey_iran_presser_2018-04-04.txt'), 4, 10), {
        range: { start: { line: 4, character: 36 }, end: { line: 4, character: 56 } }, placeholder: 'Recep Tayyip Erdogan',
      });
      assert.deepEqual(await prepare(DECLARED, 10, 3), { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 6 } }, placeholder: 'Sergey Lavrov' });
      assert.deepEqual(await prepare(DECLARED, 2, 12), { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 23 } }, placeholder: 'Sergey Lavrov' });
    });

    it('refuses an empty name, a colon, a line break, brackets, a name that is no label', async () => {
      const uri = await open(DECLARED);
      const renameTo = (newName: string) => client.request('textDocument/rename', { textDocument: { uri }, position: { line: 16, character: 2 }, newName });
      await refused(renameTo(''), /^A speaker’s name cannot be empty\.$/);
      await refused(renameTo('   '), /^A speaker’s name cannot be empty\.$/);
      await refused(renameTo('Sergey: Lavrov'), /contains a colon/);
      await refused(renameTo('Sergey\nLavrov'), /must be on one line/);
      await refused(renameTo('Sergey Lavrov (MFA)'), /brackets/);
      await refused(renameTo('Question'), /is a question or answer marker/);
    });

    it('refuses, for a speaker the front matter does not declare, a name that would not be read as a label', async () => {
      const uri = await open(lines('Question: Why?', '', 'Sergey Lavrov: Because.'));
      const renameTo = (newName: string) => client.request('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 2 }, newName });
      await refused(renameTo('the minister'), /^‘the minister’ would not be read as a speaker label: a name starts and ends with a capitalised word\./);
      await refused(renameTo('Lavrov'), /is a single word/);
      await refused(renameTo('Q'), /is a question or answer marker/);
    });

    it('refuses the name or an alias of another speaker: that would merge two speakers', async () => {
      const uri = await open(DECLARED);
      const renameTo = (newName: string) => client.request('textDocument/rename', { textDocument: { uri }, position: { line: 12, character: 2 }, newName });
      await refused(renameTo('Sergey Lavrov'), /^‘Sergey Lavrov’ is already the name of another speaker: renaming would merge two speakers\.$/);
      await refused(renameTo('LAVROV'), /^‘LAVROV’ is already the name of another speaker: renaming would merge two speakers\.$/);
      await refused(renameTo('Foreign Minister Sergey Lavrov'), /already the name of another speaker/);
    });
  });

  describe('topic tags', () => {
    it('rewrites every occurrence', async () => {
      const text = lines('We discussed #energy and #Energy prices.', '', 'Question: More #energy? #energy-security', '', 'Sergey Lavrov: Yes. #trade');
      assert.equal(await rename(text, 0, 16, 'power'), lines('We discussed #power and #power prices.', '', 'Question: More #power? #energy-security', '', 'Sergey Lavrov: Yes. #trade'));
      assert.equal(await rename(text, 2, 18, '#north-south'), lines('We discussed #north-south and #north-south prices.', '', 'Question: More #north-south? #energy-security', '', 'Sergey Lavrov: Yes. #trade'));
    });

    it('prepares with the tag’s name, without the #', async () => {
      assert.deepEqual(await prepare('We discussed #Energy prices.', 0, 13), { range: { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } }, placeholder: 'Energy' });
    });

    it('refuses a name that is not a tag name', async () => {
      const uri = await open('We discussed #energy prices.');
      const renameTo = (newName: string) => client.request('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 15 }, newName });
      for (const bad of ['', '1energy', 'two words', 'energy-', '#']) await refused(renameTo(bad), /is not a valid tag name/);
    });
  });

  it('refuses to prepare anything else: text, a question marker, the header', async () => {
    const text = lines('A title line', '', 'Question: Why?', '', 'Sergey Lavrov: Because.');
    await refused(prepare(text, 4, 18), /^Only a speaker \(a label, or a name in the front matter\) or a topic tag can be renamed\.$/);
    await refused(prepare(text, 2, 3), /`Question` is a question or answer marker, not a speaker/);
    await refused(prepare(text, 0, 3), /^Only a speaker/);
  });
});
