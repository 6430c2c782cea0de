import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, ResponseError, StreamMessageReader, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../server/src/service';
import { lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';
import { plainDocument } from './support/features';
import { repeat } from './support/families';

/**
 * The server over real stdio against a misbehaving client (issue 8, property 4): documents it
 * never saw, positions past the end, versions out of order, changes after close, a document
 * opened twice, cancellation, malformed bytes on the wire, settings of the wrong type, clients
 * that answer the server's own requests with errors. After every case the process must still be
 * running and answer a documentSymbol request; no test sleeps, each awaits the server's answers.
 */

const PROBE = 'file:///fuzz/probe.transcript';
const PROBE_TEXT = lines('Title of the talk', '', 'Question: Why?', 'Sergey Lavrov: Because.');
const PROBE_OUTLINE = ['Title of the talk', 'Q1 · Why?'];
const URI = 'file:///fuzz/doc.transcript';
const REQUEST_CANCELLED = -32800;

/** `promise`, or a failure as soon as the server exits: a crash fails the test at once, not at its timeout. */
function unlessExited<T>(client: LspClient, promise: Promise<T>): Promise<T> {
  const exited = client.exited.then((code): T => {
    throw new Error(`the server exited with code ${code} (signal ${client.process.signalCode}); stderr: ${client.stderr.join('').slice(-2000)}`);
  });
  return Promise.race([promise, exited]);
}

/** The process runs, and answers documentSymbol for the probe document with its outline. */
async function assertServing(client: LspClient): Promise<void> {
  assert.ok(client.isAlive(), `the server exited (code ${client.process.exitCode}, signal ${client.process.signalCode}); stderr: ${client.stderr.join('')}`);
  const symbols = await unlessExited(client, client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: PROBE } }));
  assert.deepEqual(symbols.map((s) => s.name), PROBE_OUTLINE);
  assert.ok(client.isAlive());
}

/** Resolves once diagnostics of `version` or later have been published for `uri` (perhaps already). */
function publishedAtLeast(client: LspClient, uri: string, version: number): Promise<unknown> {
  const last = client.diagnostics.get(uri)?.version;
  if (last !== undefined && last !== null && last >= version) return Promise.resolve();
  return unlessExited(client, client.nextDiagnostics(uri, (p) => (p.version ?? -1) >= version));
}

/** What a fresh service says the outline of `text` is. */
function outlineOf(text: string): DocumentSymbol[] {
  return createLanguageService().provideDocumentSymbols(plainDocument(text, URI));
}

async function symbolsOf(client: LspClient, uri = URI): Promise<DocumentSymbol[] | null> {
  return unlessExited(client, client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }));
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** Resolves once what the server wrote to stderr matches `pattern` (perhaps already). */
function stderrMatches(client: LspClient, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!pattern.test(client.stderr.join(''))) return;
      client.process.stderr!.off('data', check);
      resolve();
    };
    client.process.stderr!.on('data', check);
    check();
  });
}

/** Bytes of one JSON-RPC message with its header, as a string (ASCII header, UTF-8 body). */
function frame(body: string, length = Buffer.byteLength(body, 'utf8')): string {
  return `Content-Length: ${length}\r\n\r\n${body}`;
}

describe('fuzz: the server over stdio against a misbehaving client', function () {
  this.timeout(30_000);
  let client: LspClient;

  async function start(settings: unknown = {}): Promise<void> {
    client = new LspClient();
    client.settings = settings;
    await unlessExited(client, client.initialize());
    await unlessExited(client, client.open(PROBE, PROBE_TEXT));
  }

  afterEach(function () {
    // The malformed-message cases share one server; it is stopped after the last of them.
    if (client?.isAlive() && !sharing) client.kill();
  });
  let sharing = false;

  it('answers requests about documents it never opened', async function () {
    await start();
    const textDocument = { uri: 'file:///fuzz/never-opened.transcript' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const requests: [string, unknown][] = [
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/prepareRename', { textDocument, position }],
      ['textDocument/rename', { textDocument, position, newName: 'Someone Else' }],
      ['textDocument/selectionRange', { textDocument, positions: [position] }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/semanticTokens/full', { textDocument }],
      ['textDocument/semanticTokens/range', { textDocument, range }],
      ['transcript/statistics', { textDocument }],
      ['transcript/questions', { textDocument }],
      ['transcript/turnAt', { textDocument, position }],
    ];
    for (const [method, params] of requests) {
      const answer = await unlessExited(client, client.request<unknown>(method, params));
      const empty = answer === null || (Array.isArray(answer) && answer.length === 0) || (typeof answer === 'object' && Array.isArray((answer as { data?: unknown[] }).data) && (answer as { data: unknown[] }).data.length === 0);
      assert.ok(empty, `${method} for a document never opened answered ${JSON.stringify(answer)}`);
    }
    await assertServing(client);
  });

  it('answers requests at positions past the end of a line, of the document, and negative ones', async function () {
    await start();
    await client.open(URI, lines('Question: Why? 😀', 'Sergey Lavrov: Because.'));
    const textDocument = { uri: URI };
    const positions = [{ line: 0, character: 10_000 }, { line: 10_000, character: 0 }, { line: 1e9, character: 1e9 }, { line: -1, character: -5 }, { line: 0, character: 17 }];
    for (const position of positions) {
      const at = JSON.stringify(position);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/selectionRange', { textDocument, positions: [position] }],
        ['textDocument/completion', { textDocument, position }],
        ['transcript/turnAt', { textDocument, position }],
        ['textDocument/semanticTokens/range', { textDocument, range: { start: { line: 0, character: 0 }, end: position } }],
        ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ] as [string, unknown][]) {
        await unlessExited(client, client.request(method, params)).catch((error: unknown) => assert.fail(`${method} at ${at}: ${error instanceof Error ? error.message : String(error)}`));
      }
      // prepareRename may refuse a position that holds no name: with an error response, not a crash.
      await unlessExited(client, client.request('textDocument/prepareRename', { textDocument, position })).catch((error: unknown) => assert.ok(error instanceof ResponseError, String(error)));
    }
    // A change whose range lies past the end applies at the end, as LSP's own TextDocument does.
    let reference = TextDocument.create(URI, 'transcript', 1, lines('Question: Why? 😀', 'Sergey Lavrov: Because.'));
    const change = { range: { start: { line: 50, character: 3 }, end: { line: 99, character: 0 } }, text: '\nQuestion: And then?' };
    reference = TextDocument.update(reference, [change], 2);
    const changed = client.nextDiagnostics(URI, 2);
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [change] });
    await changed;
    assert.deepEqual(await symbolsOf(client), outlineOf(reference.getText()));
    await assertServing(client);
  });

  it('applies changes in the order they come, whatever their versions say (out of order, repeated)', async function () {
    await start();
    const first = lines('Sergey Lavrov: Good afternoon.', 'Question: Why?', 'Sergey Lavrov: Because.');
    await client.open(URI, first, 1);
    let reference = TextDocument.create(URI, 'transcript', 1, first);
    const edits: { version: number; change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } }[] = [
      { version: 5, change: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } }, text: 'Q' } },
      { version: 3, change: { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Question: Really?\n' } },
      // The same version again, with another change: the server must not keep the outline of the first.
      { version: 3, change: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }, text: 'Maria Zakharova' } },
      { version: 1, change: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'Question' } },
    ];
    for (const { version, change } of edits) {
      reference = TextDocument.update(reference, [change], version);
      const published = client.nextDiagnostics(URI, version);
      await client.notify('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [change] });
      await published;
      assert.deepEqual((await symbolsOf(client))?.map((s) => s.name), outlineOf(reference.getText()).map((s) => s.name), `after the change to version ${version}: ${JSON.stringify(reference.getText())}`);
    }
    await assertServing(client);
  });

  it('ignores a change after the document was closed, and forgets the document', async function () {
    await start();
    await client.open(URI, lines('Question: Why?', 'Sergey Lavrov: Because.'));
    const cleared = client.nextDiagnostics(URI, (p) => p.diagnostics.length === 0 && p.version === undefined);
    await client.notify('textDocument/didClose', { textDocument: { uri: URI } });
    await cleared;
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Question: Again?\n' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: 'Sergey Lavrov: A whole new text.' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: URI } });
    assert.equal(await symbolsOf(client), null);
    await assertServing(client);
  });

  it('takes the text of a document opened twice from the second didOpen, even at the same version', async function () {
    await start();
    await client.open(URI, lines('Question: Why?', 'Sergey Lavrov: Because.'), 1);
    const second = lines('Sergey Lavrov: Good afternoon.', 'Question: How?', 'Maria Zakharova: Like this.', 'Question: And?');
    const published = await client.open(URI, second, 1);
    assert.deepEqual((await symbolsOf(client))?.map((s) => s.name), outlineOf(second).map((s) => s.name));
    const expected = createLanguageService().provideDiagnostics(plainDocument(second, URI));
    assert.deepEqual(published.diagnostics.map((d) => d.code), expected.map((d) => d.code), 'the diagnostics published for the second didOpen');
    await assertServing(client);
  });

  it('cancels a running outline and a running semantic tokens request on a large document with RequestCancelled, then answers them in full', async function () {
    await start();
    // About 3 MB: the first outline and the first semantic tokens of it take hundreds of milliseconds.
    const large = repeat('Question: What about energy and the north-south corridor?\nSergey Lavrov: We have just signed a schedule of consultations.\n', 3_000_000);
    await client.open(URI, large);
    const service = createLanguageService();
    const document = plainDocument(large, URI);
    const textDocument = { uri: URI };
    const requests: [string, (answer: unknown) => number, number][] = [
      ['textDocument/documentSymbol', (answer) => (answer as unknown[]).length, service.provideDocumentSymbols(document).length],
      ['textDocument/semanticTokens/full', (answer) => (answer as { data: unknown[] }).data.length, service.provideSemanticTokens(document).data.length],
    ];
    for (const [method, size] of requests) {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest<unknown>(method, { textDocument }, source.token).then((result) => ({ result }), (error: unknown) => ({ error }));
      // The request queued behind it is answered once it lets the event loop turn: at once if it
      // works in slices, after it if in one piece. Then it is running, and the cancellation
      // reaches it while it works, not while it waits in the queue.
      await symbolsOf(client, 'file:///fuzz/never-opened.transcript');
      source.cancel();
      const outcome = await unlessExited(client, answer);
      if ('result' in outcome) assert.fail(`${method} answered with ${size(outcome.result)} items while it was cancelled, instead of RequestCancelled`);
      assert.ok(outcome.error instanceof ResponseError && outcome.error.code === REQUEST_CANCELLED, `${method}: a cancelled request failed with ${String(outcome.error)}`);
    }
    // Asked again: the whole answer, not one the cancellation cut short.
    for (const [method, size, expected] of requests) {
      assert.equal(size(await unlessExited(client, client.request<unknown>(method, { textDocument }))), expected, method);
    }
    await assertServing(client);
  });

  it('answers other cancelled requests with their real answer or RequestCancelled, never an empty one made up', async function () {
    await start();
    const large = repeat('Question: What about energy and the north-south corridor?\nSergey Lavrov: We have just signed a schedule of consultations.\n', 2_000_000);
    const service = createLanguageService();
    const document = plainDocument(large, URI);
    const position = { line: 1, character: 3 };
    const requests: [string, object, number][] = [
      ['textDocument/foldingRange', { textDocument: { uri: URI } }, service.provideFoldingRanges(document).length],
      ['textDocument/semanticTokens/full', { textDocument: { uri: URI } }, service.provideSemanticTokens(document).data.length],
      ['textDocument/hover', { textDocument: { uri: URI }, position }, 1],
      ['transcript/questions', { textDocument: { uri: URI } }, service.provideQuestions(document).length],
    ];
    const opened = client.open(URI, large);
    const outcomes: string[] = [];
    for (const [method, params, size] of requests) {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest<unknown>(method, params, source.token);
      source.cancel();
      const outcome = await unlessExited(client, answer).then((result) => ({ result }), (error: unknown) => ({ error }));
      if ('error' in outcome) {
        assert.ok(outcome.error instanceof ResponseError && outcome.error.code === REQUEST_CANCELLED, `${method}: a cancelled request failed with ${String(outcome.error)}`);
        outcomes.push('cancelled');
      } else {
        const result = outcome.result as { data?: unknown[] } | unknown[] | null;
        const answered = result === null ? 0 : Array.isArray(result) ? result.length : result.data ? result.data.length : 1;
        assert.equal(answered, size, `${method}: a cancelled request answered with ${answered} items instead of the ${size} of the document (or RequestCancelled)`);
        outcomes.push('answered');
      }
    }
    await unlessExited(client, opened);
    this.test!.title += ` (${outcomes.join(', ')})`;
    await assertServing(client);
  });

  it('exits with 0 on shutdown then exit', async function () {
    await start();
    assert.equal(await client.shutdown(), 0);
  });

  it('exits with 1 on exit without shutdown', async function () {
    await start();
    await client.notify('exit', undefined);
    assert.equal(await client.exited, 1);
  });

  describe('malformed messages on the wire', function () {
    // Each is written in one write, between two changes to the probe document: the first shows the
    // server has read the bytes, the second that it goes on reading after them. vscode-jsonrpc stops
    // reading a chunk at a bad header and reads on only when more bytes come: the documentSymbol
    // request after it is those bytes.
    const cases: [string, Uint8Array][] = [
      ['a body that is not JSON', bytes(frame('{not json at all'))],
      ['a body that is JSON but not JSON-RPC', bytes(frame('[1, 2, 3]'))],
      ['a JSON-RPC message with neither method nor result', bytes(frame('{"jsonrpc":"2.0","id":77}'))],
      ['a request whose params are of the wrong type', bytes(frame('{"jsonrpc":"2.0","id":78,"method":"textDocument/documentSymbol","params":42}'))],
      ['a request for a method nobody knows', bytes(frame('{"jsonrpc":"2.0","id":79,"method":"no/such/method","params":{}}'))],
      ['a notification with its params missing', bytes(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen"}'))],
      ['a didChange with its contentChanges missing', bytes(frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"${PROBE}","version":5}}}`))],
      ['a didChange whose range is not a range', bytes(frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"${PROBE}","version":6},"contentChanges":[{"range":"everything","text":"x"}]}}`))],
      ['invalid UTF-8 in the body', Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0xfd, 0xfc])])],
      ['a header without Content-Length', bytes('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n')],
      ['a Content-Length that is not a number', bytes('Content-Length: many\r\n\r\n')],
      // Too short: the body is cut, and its rest reads as a header up to the blank line the client then sends.
      ['a Content-Length too short for its body', bytes(`${frame('{"jsonrpc":"2.0","id":80,"method":"shutdown"}', 5)}\r\n\r\n`)],
      // Too long: the bytes after the body complete it; here the client pads with garbage.
      ['a Content-Length too long for its body', bytes(frame(`{"jsonrpc":"2.0","id":81,"method":"shutdown"}${'x'.repeat(20)}`, 65))],
    ];
    // One server for all of them, in turn: each case must leave it serving the next.
    before(async function () {
      sharing = true;
      await start();
    });
    after(function () {
      sharing = false;
      if (client?.isAlive()) client.kill();
    });
    let version = 10;
    for (const [name, garbage] of cases) {
      it(name, async function () {
        const change = (v: number) => bytes(frame(JSON.stringify({
          jsonrpc: '2.0', method: 'textDocument/didChange',
          params: { textDocument: { uri: PROBE, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] },
        })));
        const first = (version += 3) - 2;
        await client.writeRaw(Buffer.concat([change(first), garbage, change(first + 1)]));
        // The bytes were read (the first change is in); the documentSymbol request is read after them.
        await publishedAtLeast(client, PROBE, first);
        await assertServing(client);
        // And a change sent the normal way still applies, after the second one (versions in order).
        await client.notify('textDocument/didChange', { textDocument: { uri: PROBE, version: first + 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
        await publishedAtLeast(client, PROBE, first + 2);
        await assertServing(client);
      });
    }
  });

  it('skips a header with a negative Content-Length and one without any, a line on stderr each, and answers the request after them', async function () {
    await start();
    const id = 'after-broken-headers';
    // The client's connection drops an answer to an id it did not send: a reader of its own takes it.
    const answered = new Promise<{ result?: DocumentSymbol[] }>((resolve) => new StreamMessageReader(client.process.stdout!).listen((message) => {
      const response = message as { id?: unknown; result?: DocumentSymbol[] };
      if (response.id === id) resolve(response);
    }));
    const skipped = stderrMatches(client, /skipped a message whose header gives no valid Content-Length: "Content-Length: -5[^]*skipped a message whose header gives no valid Content-Length: "Content-Type/);
    // In one write, with nothing after it: vscode-jsonrpc's reader would wait for more bytes after
    // the header without a length, and read nothing more after the negative one.
    await client.writeRaw(`Content-Length: -5\r\n\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${frame(JSON.stringify({
      jsonrpc: '2.0', id, method: 'textDocument/documentSymbol', params: { textDocument: { uri: PROBE } },
    }))}`);
    const answer = await unlessExited(client, answered);
    assert.deepEqual(answer.result?.map((s) => s.name), PROBE_OUTLINE);
    await unlessExited(client, skipped);
    await assertServing(client);
  });

  it('exits when its stdin closes without shutdown or exit (the client died)', async function () {
    await start();
    client.process.stdin!.end();
    assert.equal(await client.exited, 1);
  });

  describe('settings and clients that answer the server’s requests with errors', function () {
    it('keeps serving with the defaults when the settings have the wrong types, and shows a warning (window/showMessage)', async function () {
      client = new LspClient();
      client.settings = { questionMarkers: 42, severity: 'loud' };
      // The warning is a window/showMessage notification: a showMessageRequest would need an answer.
      let requested = false;
      client.connection.onRequest('window/showMessageRequest', () => {
        requested = true;
        return null;
      });
      const warned = client.nextMessage();
      await unlessExited(client, client.initialize());
      await unlessExited(client, client.open(PROBE, PROBE_TEXT));
      const message = await unlessExited(client, warned);
      assert.equal(message.type, 2, `a warning, not ${JSON.stringify(message)}`);
      assert.match(message.message, /questionMarkers|severity/);
      assert.equal(requested, false, 'the warning came as window/showMessageRequest, not as the window/showMessage notification');
      await assertServing(client);
      const text = lines('Question: Why', 'Sergey Lavrov: Because.');
      const published = await unlessExited(client, client.open(URI, text));
      assert.deepEqual(published.diagnostics.map((d) => d.code), createLanguageService().provideDiagnostics(plainDocument(text, URI)).map((d) => d.code));
    });

    it('keeps serving with the defaults after didChangeConfiguration with nonsense, in any shape', async function () {
      await start();
      for (const settings of [null, 42, 'x', [], { transcript: 'x' }, { transcript: { questionMarkers: [1, null], severity: { 'incomplete-sentence': 7 } } }, { transcript: null }]) {
        client.settings = settings;
        await client.notify('workspace/didChangeConfiguration', { settings });
        await assertServing(client);
      }
    });

    it('keeps serving when the client answers workspace/configuration with an error', async function () {
      client = new LspClient();
      client.connection.onRequest('workspace/configuration', () => new ResponseError(-32603, 'the client failed'));
      await unlessExited(client, client.initialize());
      await unlessExited(client, client.open(PROBE, PROBE_TEXT));
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await assertServing(client);
    });

    it('keeps serving when the client answers client/registerCapability with an error', async function () {
      client = new LspClient();
      client.connection.onRequest('client/registerCapability', () => new ResponseError(-32601, 'dynamic registration is not supported'));
      await unlessExited(client, client.initialize({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }));
      await unlessExited(client, client.open(PROBE, PROBE_TEXT));
      await assertServing(client);
    });

    it('keeps serving when the client answers every request of the server with an error', async function () {
      client = new LspClient();
      client.settings = { questionMarkers: 'Frage' };
      for (const method of ['workspace/configuration', 'client/registerCapability', 'window/showMessageRequest', 'window/workDoneProgress/create']) {
        client.connection.onRequest(method, () => new ResponseError(-32601, `${method} is not supported`));
      }
      await unlessExited(client, client.connection.sendRequest('initialize', {
        processId: process.pid, rootUri: null,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
        workspaceFolders: [{ uri: 'file:///fuzz/no/such/folder', name: 'missing' }],
      }));
      await client.notify('initialized', {});
      await unlessExited(client, client.open(PROBE, PROBE_TEXT));
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await assertServing(client);
    });

    it('keeps serving with workspace folders that do not exist or are not files', async function () {
      client = new LspClient();
      await unlessExited(client, client.connection.sendRequest('initialize', {
        processId: process.pid, rootUri: 'file:///fuzz/no/such/root',
        capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        workspaceFolders: [
          { uri: 'file:///fuzz/no/such/folder', name: 'missing' }, { uri: 'untitled:Untitled-1', name: 'untitled' },
          { uri: 'https://example.org/transcripts', name: 'web' }, { uri: 'file:///dev/null', name: 'a file' }, { uri: 'not a uri at all', name: 'junk' },
        ],
      }));
      await client.notify('initialized', {});
      await unlessExited(client, client.open(PROBE, PROBE_TEXT));
      await unlessExited(client, client.request('workspace/symbol', { query: 'Q' }));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///fuzz/no/such/folder/a.transcript', type: 1 }, { uri: 'not a uri', type: 2 }, { uri: 'file:///fuzz/x.transcript-glossary.json', type: 3 }] });
      await assertServing(client);
    });
  });
});
