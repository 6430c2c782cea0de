import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
  type DocumentSymbol, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createServer } from '../../server/src/server';
import * as service from '../../server/src/service';
import { lines } from '../util/fixtures';

/** A server made by createServer in this process, and a client talking to it over a pair of streams. */
function inProcessServer(): ProtocolConnection {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(connection, { loadService: () => service, written: () => Promise.resolve() });
  connection.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  return client;
}

async function open(client: ProtocolConnection, uri: string, text: string): Promise<PublishDiagnosticsParams> {
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  client.sendNotification('initialized', {});
  const published = new Promise<PublishDiagnosticsParams>((resolve) => client.onNotification(PublishDiagnosticsNotification.type, resolve));
  client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
  return published;
}

describe('server: created in the process, as a module', () => {
  it('answers over any connection, and two servers in one process keep their own documents', async () => {
    const uri = 'file:///same-name.transcript';
    const first = inProcessServer();
    const second = inProcessServer();
    const [firstDiagnostics, secondDiagnostics] = await Promise.all([
      open(first, uri, lines('Question: Where next?', '', 'Sergey Lavrov: To Astana, and then to')),
      open(second, uri, lines('Jen Psaki: Good afternoon.', '', 'Q: Where next?', '', 'Jen Psaki: To Astana.')),
    ]);
    assert.deepEqual(firstDiagnostics.diagnostics.map((d) => d.code), ['incomplete-sentence']);
    assert.deepEqual(secondDiagnostics.diagnostics, []);
    const outline = async (client: ProtocolConnection) =>
      ((await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[]).map((s) => s.name);
    assert.deepEqual(await outline(first), ['Q1 · Where next?']);
    assert.deepEqual(await outline(second), ['Jen Psaki · Good afternoon.', 'Q1 · Where next?']);
    first.dispose();
    second.dispose();
  });
});
