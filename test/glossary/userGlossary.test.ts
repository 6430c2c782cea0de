import * as assert from 'node:assert/strict';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { cursor, lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';
import { start, uriOf, workspace } from '../util/workspace';

const GLOSSARY_YAML = lines(
  'version: 1',
  'organisations:',
  '  - id: csto',
  '    description: Overridden by the workspace glossary.',
  '  - acronyms: [CAPS]',
  '    names: [Central Asian Policy Studies, CAPS Unlock]',
  '    fullName: Central Asian Policy Studies',
  '    description: The new name of the Soros Foundations in Central Asia.',
  '    headquarters: Almaty, Kazakhstan',
  '',
);

const GLOSSARY_JSON = `${JSON.stringify({ organisations: [{ acronyms: ['XCORP'], fullName: 'Example Corporation', description: 'A company from a glossary in a subfolder.', kind: 'company' }] }, null, 2)}\n`;

let opened = 0;

async function hover(client: LspClient, fixture: string): Promise<string | null> {
  const { text, offset } = cursor(fixture);
  const uri = `file:///user-glossary-${++opened}.transcript`;
  await client.open(uri, text);
  const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: new LineIndex(text).positionAt(offset) });
  return result && (result.contents as MarkupContent).value;
}

/** `[line, character, endLine, endCharacter, severity, message start]`: what assertions compare. */
const brief = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, String(d.message).slice(0, 40)];

describe('glossary: user glossaries over stdio JSON-RPC', () => {
  const roots: string[] = [];
  let client: LspClient | undefined;
  afterEach(async () => {
    if (client && client.process.exitCode === null) assert.equal(await client.shutdown(), 0);
    client = undefined;
  });
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const workspaceOf = (files: Record<string, string>) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };

  it('registers a watcher for glossary files when the client can watch files', async () => {
    const root = workspaceOf({});
    const started = await start(root);
    client = started.client;
    await hover(client, 'The |CSTO.');
    const methods = started.registrations.flatMap((r) => r.registrations);
    const watcher = methods.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/.transcript-glossary.{json,yaml,yml}' }] });
  });

  it('overrides a built-in organisation field by field and adds new ones, from YAML and JSON files anywhere in the workspace', async () => {
    const root = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML, 'sub/dir/.transcript-glossary.json': GLOSSARY_JSON });
    const started = await start(root, ['.transcript-glossary.yaml', 'sub/dir/.transcript-glossary.json']);
    client = started.client;
    assert.deepEqual(started.published.map((p) => p.diagnostics), [[], []]);

    const csto = (await hover(client, 'We agree that the alliance, including within the C|STO, is a factor.'))!;
    assert.deepEqual(csto.split('\n\n'), [
      '**Collective Security Treaty Organization** (CSTO)',
      'Overridden by the workspace glossary.',
      'Founded: 2002  \nHeadquarters: Moscow, Russia  \nMembers: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan',
      '[odkb-csto.org](https://odkb-csto.org)',
      '*From `.transcript-glossary.yaml`*',
    ]);
    assert.equal(await hover(client, 'Now they will be called C|APS Unlock.'), [
      '**Central Asian Policy Studies** (CAPS)',
      'The new name of the Soros Foundations in Central Asia.',
      'Headquarters: Almaty, Kazakhstan',
      '*From `.transcript-glossary.yaml`*',
    ].join('\n\n'));
    assert.match((await hover(client, 'Shares of XCO|RP fell.'))!, /^\*\*Example Corporation\*\* \(XCORP\)\n\nA company from a glossary in a subfolder\.\n\n\*From `\.transcript-glossary\.json`\*$/);
    assert.match((await hover(client, 'NA|TO met.'))!, /^\*\*North Atlantic Treaty Organization\*\*/);
  });

  it('goes to the definition of an organisation from a glossary file, and has none for a built-in one', async () => {
    const root = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML });
    client = (await start(root, ['.transcript-glossary.yaml'])).client;
    const uri = 'file:///definition.transcript';
    await client.open(uri, 'The CAPS, the CSTO and NATO.');
    const at = (character: number) => client!.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character } });
    assert.deepEqual(await at(5), [{ uri: uriOf(root, '.transcript-glossary.yaml'), range: { start: { line: 4, character: 4 }, end: { line: 9, character: 0 } } }]);
    assert.deepEqual(await at(15), [{ uri: uriOf(root, '.transcript-glossary.yaml'), range: { start: { line: 2, character: 4 }, end: { line: 4, character: 0 } } }]);
    assert.equal(await at(24), null);
  });

  it('takes entries from a transcript’s front matter, over the workspace’s, and goes to their definition there', async () => {
    const root = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML });
    client = (await start(root, ['.transcript-glossary.yaml'])).client;
    const text = lines(
      '---',
      'title: Press conference',
      'glossary:',
      '  - acronyms: [CAPS]',
      '    fullName: Central Asian Policy Studies (front matter)',
      '    description: As this transcript defines it.',
      '  - id: csto',
      '    description: The front matter’s own words.',
      '---',
      'Question: What about CAPS and the CSTO?',
    );
    const uri = 'file:///front-matter.transcript';
    const published = await client.open(uri, text);
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'glossary'), []);
    const hoverAt = async (character: number) => {
      const result = await client!.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character } });
      return (result.contents as MarkupContent).value.split('\n\n');
    };
    const caps = await hoverAt(22);
    assert.equal(caps[0], '*CAPS has 2 meanings; the likeliest here comes first.*');
    assert.equal(caps[1], '**Central Asian Policy Studies (front matter)** (CAPS)');
    assert.equal(caps[3], '*From this transcript’s front matter*');
    assert.match(caps.slice(5).join('\n\n'), /^Other meanings of \*\*CAPS\*\*:\n\n- \*\*Central Asian Policy Studies\*\*: The new name of the Soros Foundations in Central Asia\. \*From `\.transcript-glossary\.yaml`\*$/);
    const csto = await hoverAt(36);
    assert.deepEqual([csto[1], csto[csto.length - 1]], ['The front matter’s own words.', '*From this transcript’s front matter*']);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 9, character: 22 } });
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[uri, 3], [uriOf(root, '.transcript-glossary.yaml'), 4]]);
  });

  it('reports a malformed front matter entry at its position, and keeps the rest', async () => {
    client = (await start(workspaceOf({}))).client;
    const text = lines(
      '---',
      'glossary:',
      '  - acronyms: [CAPS]',
      '    description: Central Asian Policy Studies, with no full name.',
      '  - acronyms: [XCORP]',
      '    fullName: Example Corporation',
      '    description: A company.',
      '    founded: soon',
      '---',
      'Question: What about CAPS and XCORP?',
    );
    const uri = 'file:///front-matter-errors.transcript';
    const published = await client.open(uri, text);
    const glossary = published.diagnostics.filter((d) => d.code === 'glossary');
    assert.deepEqual(glossary.map(brief), [
      [2, 4, 2, 12, 1, 'glossary', 'This organisation is left out: it needs '],
      [7, 13, 7, 17, 1, 'glossary', '`founded` `soon` is not valid: A year ("'],
    ]);
    const xcorp = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 31 } });
    assert.match((xcorp.contents as MarkupContent).value, /^\*\*Example Corporation\*\* \(XCORP\)/);
    // CAPS, left out, is an unknown name.
    const caps = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 22 } });
    assert.match((caps.contents as MarkupContent).value, /^\*\*CAPS\*\* has no card/);
  });

  it('publishes diagnostics for a malformed glossary file at the right positions, and the built-in glossary still works', async () => {
    const brokenYaml = lines('organisations:', '  - acronyms: [CAPS', '    fullName: X', '');
    const badEntries = lines(
      'organisations:',
      '  - acronyms: [XCORP]',
      '    fullName: Example Corporation',
      '    description: A company.',
      '    members: many',
      '    colour: red',
      '  - names: [Nameless]',
      '',
    );
    const brokenJson = '{\n  "organisations": [\n    { "acronyms": ["X"],, "fullName": "x" }\n  ]\n}\n';
    const root = workspaceOf({ 'a/.transcript-glossary.yaml': brokenYaml, 'b/.transcript-glossary.yml': badEntries, 'c/.transcript-glossary.json': brokenJson });
    const started = await start(root, ['a/.transcript-glossary.yaml', 'b/.transcript-glossary.yml', 'c/.transcript-glossary.json']);
    client = started.client;
    const [yaml, entries, json] = started.published.map((p) => p.diagnostics.map(brief));
    assert.deepEqual(yaml, [[2, 4, 2, 5, 1, 'glossary', 'Flow sequence in block collection must b']]);
    assert.deepEqual(entries, [
      [4, 13, 4, 17, 1, 'glossary', '`members` must be a whole number or a li'],
      [5, 4, 5, 10, 2, 'glossary', 'Unknown key `colour`; an organisation ha'],
      [6, 4, 6, 9, 1, 'glossary', 'This organisation is left out: it needs '],
    ]);
    assert.deepEqual(json, [[2, 24, 2, 25, 1, 'glossary', 'Not valid JSON: expected a property name']]);
    const cstoCard = /^\*\*Collective Security Treaty Organization\*\* \(CSTO\)\n\nIntergovernmental military alliance/;
    assert.match((await hover(client, 'The CS|TO and XCORP.'))!, cstoCard);
    assert.match((await hover(client, 'The CSTO and XCO|RP.'))!, /^\*\*Example Corporation\*\* \(XCORP\)\n\nA company\.\n\n\*From/);
  });

  it('applies an edit to a glossary file on disk at once, when the client reports it', async () => {
    const root = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML });
    client = (await start(root, ['.transcript-glossary.yaml'])).client;
    const file = path.join(root, '.transcript-glossary.yaml');
    const uri = 'file:///live.transcript';
    await client.open(uri, 'We agree on the CSTO.');
    const description = async () => {
      const result = await client!.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 17 } });
      return (result.contents as MarkupContent).value.split('\n\n')[1];
    };
    assert.equal(await description(), 'Overridden by the workspace glossary.');

    writeFileSync(file, GLOSSARY_YAML.replace('Overridden by the workspace glossary.', 'Edited a moment ago.'));
    let republished = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.transcript-glossary.yaml'), type: 2 }] });
    await republished;
    assert.equal(await description(), 'Edited a moment ago.');

    writeFileSync(file, 'organisations:\n  - id: csto\n    description: [broken\n');
    const fileDiagnostics = client.nextDiagnostics(uriOf(root, '.transcript-glossary.yaml'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.transcript-glossary.yaml'), type: 2 }] });
    assert.equal((await fileDiagnostics).diagnostics[0]?.code, 'glossary');
    assert.match(await description(), /^Intergovernmental military alliance of six post-Soviet states/);

    writeFileSync(file, GLOSSARY_YAML);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.transcript-glossary.yaml'), type: 2 }] });
    assert.equal(await description(), 'Overridden by the workspace glossary.');

    unlinkSync(file);
    republished = client.nextDiagnostics(uri);
    const cleared = client.nextDiagnostics(uriOf(root, '.transcript-glossary.yaml'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.transcript-glossary.yaml'), type: 3 }] });
    assert.deepEqual((await cleared).diagnostics, []);
    await republished;
    assert.match(await description(), /^Intergovernmental military alliance of six post-Soviet states/);
  });

  it('uses the editor’s text of an open glossary file, saved or not, and the disk’s again once it is closed', async () => {
    const root = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML });
    client = (await start(root, ['.transcript-glossary.yaml'])).client;
    const glossaryUri = uriOf(root, '.transcript-glossary.yaml');
    const uri = 'file:///editor.transcript';
    await client.open(uri, 'We agree on the CSTO.');
    const description = async () => {
      const result = await client!.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 17 } });
      return (result.contents as MarkupContent).value.split('\n\n')[1];
    };
    let published: Promise<PublishDiagnosticsParams> = client.nextDiagnostics(glossaryUri, 1);
    await client.notify('textDocument/didOpen', { textDocument: { uri: glossaryUri, languageId: 'yaml', version: 1, text: GLOSSARY_YAML } });
    assert.deepEqual((await published).diagnostics, []);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: glossaryUri } }), null);

    published = client.nextDiagnostics(glossaryUri, 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: glossaryUri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 17 }, end: { line: 3, character: 54 } }, text: 'Typed, not saved.' }],
    });
    await published;
    assert.equal(await description(), 'Typed, not saved.');

    published = client.nextDiagnostics(glossaryUri, 3);
    await client.notify('textDocument/didChange', { textDocument: { uri: glossaryUri, version: 3 }, contentChanges: [{ text: 'organisations:\n  - id: csto\n    founded: soon\n' }] });
    assert.deepEqual((await published).diagnostics.map(brief), [[2, 13, 2, 17, 1, 'glossary', '`founded` `soon` is not valid: A year ("']]);

    published = client.nextDiagnostics(glossaryUri);
    await client.notify('textDocument/didClose', { textDocument: { uri: glossaryUri } });
    assert.deepEqual((await published).diagnostics, []);
    assert.equal(await description(), 'Overridden by the workspace glossary.');
  });

  it('applies the glossary of a workspace folder added later, and no longer that of one removed', async () => {
    const root = workspaceOf({});
    const other = workspaceOf({ '.transcript-glossary.yaml': GLOSSARY_YAML });
    client = new LspClient();
    await client.request('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'first' }],
      capabilities: { workspace: { workspaceFolders: true } },
    });
    await client.notify('initialized', {});
    const folder = { uri: pathToFileURL(other).href, name: 'other' };
    const glossaryUri = uriOf(other, '.transcript-glossary.yaml');
    const description = async () => (await hover(client!, 'Now they will be called C|APS Unlock.'))?.split('\n\n')[1];
    const unknown = '*Quick fix: Add CAPS to the workspace glossary (`.transcript-glossary.yaml`).*';
    assert.equal(await description(), unknown);
    let published = client.nextDiagnostics(glossaryUri);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await published;
    assert.equal(await description(), 'The new name of the Soros Foundations in Central Asia.');
    published = client.nextDiagnostics(glossaryUri);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await published;
    assert.equal(await description(), unknown);
  });
});
