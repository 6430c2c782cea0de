import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../server/src/service';
import { ROOT, document } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

/**
 * Every request must answer from the document as it was opened, whatever the timing: sent as the
 * very first message after didOpen (before the diagnostics, before anything else read the
 * document), each answers as it does once the server has settled (its diagnostics published).
 */

const uri = 'file:///seed.transcript';
const seed = readFileSync(path.join(ROOT, 'samples', 'seed.transcript'), 'utf8');
const textDocument = { uri };
/** `Sergey Lavrov:` on line 19. */
const label = { line: 18, character: 3 };

/** One request per provider the server registers (the capability that announces it, or a custom method). */
const requests: { capability: string; method: string; params: object }[] = [
  { capability: 'documentSymbolProvider', method: 'textDocument/documentSymbol', params: { textDocument } },
  { capability: 'foldingRangeProvider', method: 'textDocument/foldingRange', params: { textDocument } },
  {
    capability: 'codeActionProvider', method: 'textDocument/codeAction',
    params: { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: createLanguageService().provideDiagnostics(document(seed, uri)) } },
  },
  { capability: 'hoverProvider', method: 'textDocument/hover', params: { textDocument, position: label } },
  { capability: 'definitionProvider', method: 'textDocument/definition', params: { textDocument, position: { line: 11, character: 179 } } },
  { capability: 'referencesProvider', method: 'textDocument/references', params: { textDocument, position: label, context: { includeDeclaration: true } } },
  { capability: 'renameProvider', method: 'textDocument/prepareRename', params: { textDocument, position: label } },
  { capability: 'renameProvider', method: 'textDocument/rename', params: { textDocument, position: label, newName: 'Sergei Lavrov' } },
  { capability: 'selectionRangeProvider', method: 'textDocument/selectionRange', params: { textDocument, positions: [label] } },
  { capability: 'completionProvider', method: 'textDocument/completion', params: { textDocument, position: { line: 19, character: 0 } } },
  { capability: 'codeLensProvider', method: 'textDocument/codeLens', params: { textDocument } },
  { capability: 'workspaceSymbolProvider', method: 'workspace/symbol', params: { query: 'Lavrov' } },
  { capability: 'semanticTokensProvider', method: 'textDocument/semanticTokens/full', params: { textDocument } },
  { capability: 'semanticTokensProvider', method: 'textDocument/semanticTokens/range', params: { textDocument, range: { start: { line: 17, character: 0 }, end: { line: 22, character: 0 } } } },
  // The quick fix's command: the server asks the client to show the glossary file (this client declines).
  { capability: 'executeCommandProvider', method: 'workspace/executeCommand', params: { command: 'transcript.server.showGlossaryEntry', arguments: ['file:///.transcript-glossary.yaml', label] } },
  { capability: 'custom', method: 'transcript/statistics', params: { textDocument } },
  { capability: 'custom', method: 'transcript/questions', params: { textDocument } },
  { capability: 'custom', method: 'transcript/turns', params: { textDocument } },
  { capability: 'custom', method: 'transcript/turnAt', params: { textDocument, position: label } },
  // A transcript with its recording (issue 18).
  { capability: 'documentLinkProvider', method: 'textDocument/documentLink', params: { textDocument } },
  { capability: 'custom', method: 'transcript/timeAt', params: { textDocument, position: label } },
  { capability: 'custom', method: 'transcript/positionAt', params: { textDocument, seconds: 12 } },
  { capability: 'custom', method: 'transcript/media', params: { textDocument } },
];

/** The answer, or the error's code and message: both are compared. */
async function outcome(client: LspClient, method: string, params: object): Promise<unknown> {
  try {
    return { answer: await client.request(method, params) };
  } catch (error) {
    if (error instanceof ResponseError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

describe('server: the first request after didOpen answers as a later one does', () => {
  let client: LspClient | undefined;
  afterEach(() => {
    if (client?.isAlive()) client.kill();
  });

  it('has a row for every provider the server announces', async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize();
    const announced = Object.keys(capabilities).filter((name) => name.endsWith('Provider')).sort();
    assert.deepEqual(announced, [...new Set(requests.map((r) => r.capability).filter((c) => c !== 'custom'))].sort());
  });

  for (const { method, params } of requests) {
    it(method, async () => {
      client = new LspClient();
      await client.initialize();
      const settled = client.open(uri, seed);
      const first = await outcome(client, method, params);
      await settled;
      const later = await outcome(client, method, params);
      assert.deepEqual(first, later);
      if (method === 'textDocument/prepareRename') assert.deepEqual(later, { answer: { range: { start: { line: 18, character: 0 }, end: { line: 18, character: 13 } }, placeholder: 'Sergey Lavrov' } });
    });
  }
});
