import * as assert from 'node:assert/strict';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { GenericSpeaker } from '../../server/src/service';
import { applyEdits } from '../util/edits';
import { lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

const IMPORTED = lines(
  '---',
  'source: call.json',
  'speakers:',
  '  - SPEAKER_00',
  '  - SPEAKER_01',
  '  - Dana Holt',
  '---',
  '',
  '[00:00:01] SPEAKER_00: Hello, who is this? [00:00:02.500] Anyone?',
  '',
  '[00:00:04] SPEAKER_01: It is me, from the shop.',
  '',
  '[00:00:06] Dana Holt: I am listening in.',
  '',
  '[00:00:08] SPEAKER_00: Right, the shop.',
  '',
);

describe('Name Speakers: over stdio JSON-RPC', () => {
  let client: LspClient;
  let opened = 0;
  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function open(text: string): Promise<string> {
    const uri = `file:///name-speakers-${++opened}.transcript`;
    await client.open(uri, text);
    return uri;
  }
  const nameSpeakers = (uri: string, names: Record<string, string>) =>
    client.request<WorkspaceEdit>('transcript/nameSpeakers', { textDocument: { uri }, names });

  it('lists the generic labels in the order they first speak, with their turns and first words', async () => {
    const uri = await open(IMPORTED);
    const generic = await client.request<GenericSpeaker[]>('transcript/genericSpeakers', { textDocument: { uri } });
    assert.deepEqual(generic.map((s) => [s.name, s.turns, s.firstLines]), [
      ['SPEAKER_00', 2, ['Hello, who is this? Anyone?', 'Right, the shop.']],
      ['SPEAKER_01', 1, ['It is me, from the shop.']],
    ]);
    assert.deepEqual(generic[0].range, { start: { line: 8, character: 11 }, end: { line: 8, character: 21 } });
  });

  it('renames every label and the front matter in one edit, exactly the edits a rename of each makes; an empty name keeps one', async () => {
    const uri = await open(IMPORTED);
    const edit = await nameSpeakers(uri, { speaker_00: 'Ana Ruiz', speaker_01: '' });
    const named = applyEdits(IMPORTED, edit.changes![uri]);
    assert.equal(named, IMPORTED.replace(/SPEAKER_00/g, 'Ana Ruiz'));
    const position = { line: 8, character: 12 };
    const renamed = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Ana Ruiz' });
    assert.deepEqual(edit.changes![uri], renamed.changes![uri]);
    const both = await nameSpeakers(uri, { speaker_00: 'Ana Ruiz', speaker_01: 'Ben Ode' });
    assert.equal(applyEdits(IMPORTED, both.changes![uri]), IMPORTED.replace(/SPEAKER_00/g, 'Ana Ruiz').replace(/SPEAKER_01/g, 'Ben Ode'));
  });

  it('refuses a name a rename refuses, and one name for two speakers, with the message the editor shows', async () => {
    const uri = await open(IMPORTED);
    const refused = (names: Record<string, string>, message: RegExp) => assert.rejects(nameSpeakers(uri, names), (error: Error & { code?: number }) => {
      assert.match(error.message, message);
      assert.equal(error.code, -32803);
      return true;
    });
    await refused({ speaker_00: 'Dana Holt' }, /already the name of another speaker/);
    await refused({ speaker_00: 'Ana: Ruiz' }, /contains a colon/);
    await refused({ speaker_00: 'Ana Ruiz', speaker_01: 'ana ruiz' }, /given to both SPEAKER_00 and SPEAKER_01/);
  });

  it('offers the command as a refactoring on a generic label, and nothing on a named one', async () => {
    const uri = await open(IMPORTED);
    const actions = (line: number, character: number, only?: string[]) => client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [], ...(only ? { only } : {}) },
    });
    assert.deepEqual(await actions(10, 14), [{
      title: 'Name SPEAKER_01 and the other generic speakers…',
      kind: 'refactor.rewrite',
      command: { title: 'Name SPEAKER_01 and the other generic speakers…', command: 'transcript.nameSpeakers', arguments: [uri, 'speaker_01'] },
    }]);
    assert.deepEqual(await actions(12, 14), []);
    assert.deepEqual(await actions(10, 14, ['quickfix']), []);
    assert.equal((await actions(8, 0, ['refactor'])).length, 1);
  });

  it('imports a file through the server, and answers a malformed one with where it is wrong', async () => {
    const result = await client.request<{ text: string; speakers: string[] }>('transcript/import', {
      text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Hi.\n', fileName: 'a.vtt',
    });
    assert.equal(result.text, '---\nsource: a.vtt\nspeakers:\n  - Ann Lee\n---\n\n[00:00:01] Ann Lee: Hi.\n');
    await assert.rejects(client.request('transcript/import', { text: 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHi.\n', fileName: 'b.vtt' }),
      (error: Error & { data?: unknown }) => {
        assert.match(error.message, /Expected a cue's times/);
        assert.deepEqual(error.data, { line: 3 });
        return true;
      });
  });
});
