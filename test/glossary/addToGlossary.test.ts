import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CreateFile, Hover, MarkupContent, Position, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { lines } from '../util/fixtures';
import type { LspClient } from '../util/lspClient';
import { start, uriOf, workspace } from '../util/workspace';

/** Applies a code action's edit as a client does: files created, text inserted; returns the file's text. */
function apply(action: CodeAction): string {
  let text = '';
  let file = '';
  for (const change of action.edit!.documentChanges!) {
    if ('kind' in change) {
      file = fileURLToPath((change as CreateFile).uri);
      if (!existsSync(file)) writeFileSync(file, '');
      continue;
    }
    const edit = change as TextDocumentEdit;
    file = fileURLToPath(edit.textDocument.uri);
    text = readFileSync(file, 'utf8');
    for (const e of [...edit.edits].reverse() as { range: TextDocumentEdit['edits'][number]['range']; newText: string }[]) {
      const index = new LineIndex(text);
      text = text.slice(0, index.offsetAt(e.range.start)) + e.newText + text.slice(index.offsetAt(e.range.end));
    }
    writeFileSync(file, text);
  }
  return text;
}

const TRANSCRIPT = lines(
  'Question: Will the LFA run the ferries in winter?',
  '',
  'Minister: The Lake Ferry Authority (LFA) has said so. We trust the LFA.',
);

async function hoverText(client: LspClient, uri: string, position: Position): Promise<string | undefined> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return (hover?.contents as MarkupContent | undefined)?.value;
}

async function actionsAt(client: LspClient, uri: string, position: Position): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
}

/** Tells the server a glossary file changed on disk, and waits until it has read it. */
async function changed(client: LspClient, uri: string, type: 1 | 2): Promise<PublishDiagnosticsParams> {
  const published = client.nextDiagnostics(uri);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
  return published;
}

describe('glossary: unknown names, one quick fix from a card, over stdio JSON-RPC', () => {
  let client: LspClient | undefined;
  let root: string | undefined;
  afterEach(async () => {
    if (client) assert.equal(await client.shutdown(), 0);
    if (root) rmSync(root, { recursive: true, force: true });
    client = undefined;
  });

  it('says an all-caps name has no card, creates .transcript-glossary.yaml with a stub entry, puts the cursor on its full name, and gives the card once completed', async () => {
    root = workspace({});
    ({ client } = await start(root));
    const uri = uriOf(root, 'briefing.transcript');
    const glossaryUri = uriOf(root, '.transcript-glossary.yaml');
    await client.open(uri, lines('Question: Will the LFA run the ferries in winter?', '', 'Minister: The LFA has said so.'));
    const at = { line: 2, character: 15 };
    assert.equal(await hoverText(client, uri, at), '**LFA** has no card: neither the glossary nor this transcript defines it.\n\n*Quick fix: Add LFA to the workspace glossary (`.transcript-glossary.yaml`).*');

    const [action] = (await actionsAt(client, uri, at)).filter((a) => a.title === 'Add LFA to the workspace glossary');
    assert.ok(action, 'the quick fix is offered without any diagnostic');
    assert.deepEqual(action.edit!.documentChanges, [
      { kind: 'create', uri: glossaryUri, options: { ignoreIfExists: true } },
      { textDocument: { uri: glossaryUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'organisations:\n  - acronyms: [LFA]\n    fullName: \n' }] },
    ]);
    assert.deepEqual(action.command, { title: 'Complete the glossary entry', command: 'transcript.server.showGlossaryEntry', arguments: [glossaryUri, { line: 2, character: 14 }] });

    // After the edit, the command shows the file with the cursor after `fullName: `.
    const text = apply(action);
    const shown = new Promise<unknown>((resolve) => client!.connection.onRequest('window/showDocument', (params) => (resolve(params), { success: true })));
    await client.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    assert.deepEqual(await shown, { uri: glossaryUri, takeFocus: true, selection: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } } });

    // The user completes the entry where the cursor is: the card.
    const cursor = new LineIndex(text).offsetAt({ line: 2, character: 14 });
    writeFileSync(fileURLToPath(glossaryUri), `${text.slice(0, cursor)}Lake Ferry Authority${text.slice(cursor)}`);
    await changed(client, glossaryUri, 1);
    assert.equal(await hoverText(client, uri, at), '**Lake Ferry Authority** (LFA)\n\n*From `.transcript-glossary.yaml`*');
  });

  it('adds the transcript’s definition to an existing glossary file, after its last entry, the cursor on the description', async () => {
    const existing = lines('version: 1', 'organisations:', '  - acronyms: [CAPS]', '    fullName: Central Asian Policy Studies', '# the end', '');
    root = workspace({ '.transcript-glossary.yaml': existing });
    ({ client } = await start(root, ['.transcript-glossary.yaml']));
    const uri = uriOf(root, 'sub/briefing.transcript');
    const glossaryUri = uriOf(root, '.transcript-glossary.yaml');
    await client.open(uri, TRANSCRIPT);
    const at = { line: 2, character: 67 };
    assert.match((await hoverText(client, uri, at))!, /^\*\*Lake Ferry Authority\*\* \(LFA\)\n\n\*Defined in this transcript/);

    const [action] = (await actionsAt(client, uri, at)).filter((a) => a.title === 'Add LFA to the workspace glossary');
    assert.deepEqual(action.edit!.documentChanges, [
      { textDocument: { uri: glossaryUri, version: null }, edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '  - acronyms: [LFA]\n    fullName: Lake Ferry Authority\n    description: \n' }] },
    ]);
    assert.deepEqual(action.command!.arguments, [glossaryUri, { line: 6, character: 17 }]);
    const text = apply(action);
    assert.equal(text, lines('version: 1', 'organisations:', '  - acronyms: [CAPS]', '    fullName: Central Asian Policy Studies', '  - acronyms: [LFA]', '    fullName: Lake Ferry Authority', '    description: ', '# the end', ''));
    const published = await changed(client, glossaryUri, 2);
    assert.deepEqual(published.diagnostics.map((d) => d.message), ['`description` must be text.']);
  });

  it('offers nothing for a name the glossary knows, and is disabled, with the reason, for a glossary file it cannot add to', async () => {
    root = workspace({ '.transcript-glossary.yaml': 'organisations: []\n' });
    ({ client } = await start(root, ['.transcript-glossary.yaml']));
    const uri = uriOf(root, 'briefing.transcript');
    await client.open(uri, 'Minister: NATO and the LFA met.');
    assert.deepEqual((await actionsAt(client, uri, { line: 0, character: 11 })).map((a) => a.title), []);
    const [action] = await actionsAt(client, uri, { line: 0, character: 24 });
    assert.equal(action.title, 'Add LFA to the workspace glossary');
    assert.match(action.disabled!.reason, /not a block list/);
    assert.equal(action.edit, undefined);
  });

  it('reports unknown names as information only where a setting asks for it', async () => {
    root = workspace({});
    ({ client } = await start(root));
    const uri = uriOf(root, 'briefing.transcript');
    const text = lines('Minister: The LFA met the Lake Ferry Authority twice.', '', 'Question: And the Harbour Pilots Association?', '', 'Minister: The Harbour Pilots Association and the LFA, yes. Sergey Lavrov too.');
    const quiet = await client.open(uri, text);
    assert.deepEqual(quiet.diagnostics.filter((d) => d.code === 'unknown-organisation'), []);
    client.settings = { severity: { 'unknown-organisation': 'information' } };
    const loud = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-organisation'));
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    const found = (await loud).diagnostics.filter((d) => d.code === 'unknown-organisation');
    assert.deepEqual(found.map((d) => [path.basename(uri), d.range.start.line, d.severity, String(d.message).split(' ')[0]]), [
      ['briefing.transcript', 0, 3, '`LFA`'],
      ['briefing.transcript', 2, 3, '`Harbour'],
      ['briefing.transcript', 4, 3, '`Harbour'],
      ['briefing.transcript', 4, 3, '`LFA`'],
    ]);
  });
});
