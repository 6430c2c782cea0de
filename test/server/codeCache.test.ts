import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runWithCodeCache } from '../../server/src/codeCache';
import { ROOT } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

/** Resolves after the timers already set with a delay of 0, among them the cache's save. */
const afterSave = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('server: the code cache of dist/lsp.js', () => {
  let dir: string;
  let bundle: string;
  let cache: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-code-cache-'));
    bundle = path.join(dir, 'bundle.js');
    cache = path.join(dir, '.bundle.js.v8cache');
    writeFileSync(path.join(dir, 'helper.js'), 'module.exports = 20;');
    writeFileSync(bundle, "const helper = require('./helper.js'); exports.answer = () => helper + 22;");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => (runWithCodeCache(bundle, 0) as { answer(): number }).answer();

  it('runs the bundle as require would, writes the cache after the delay, and then uses it without rewriting it', async () => {
    assert.equal(run(), 42);
    await afterSave();
    const written = statSync(cache).mtimeMs;
    assert.match(readFileSync(cache).subarray(0, 200).toString('latin1'), /^[0-9a-f]{64} [0-9a-f]{64}\n/);
    assert.equal(run(), 42);
    await afterSave();
    assert.equal(statSync(cache).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('runs the new code, not the cache, after the bundle changed (even to the same length)', async () => {
    run();
    await afterSave();
    writeFileSync(bundle, "const helper = require('./helper.js'); exports.answer = () => helper + 23;");
    assert.equal(run(), 43);
    await afterSave();
    assert.equal(run(), 43);
  });

  it('ignores a damaged cache, and replaces it', async () => {
    run();
    await afterSave();
    const bytes = readFileSync(cache);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(cache, bytes);
    assert.equal(run(), 42);
    await afterSave();
    assert.notDeepEqual(readFileSync(cache), bytes, 'the damaged cache is replaced');
    writeFileSync(cache, 'not a cache');
    assert.equal(run(), 42);
  });

  it('runs without a cache where none can be written, and leaves no partial file', async () => {
    mkdirSync(cache); // the cache's name is taken by a folder: reading and renaming onto it fail
    assert.equal(run(), 42);
    await afterSave();
    assert.deepEqual(readdirSync(dir).sort(), ['.bundle.js.v8cache', 'bundle.js', 'helper.js']);
    assert.ok(statSync(cache).isDirectory());
  });
});

describe('server: the code caches of the built server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-built-cache-'));
    for (const bundle of ['server.js', 'lsp.js', 'service.js']) writeFileSync(path.join(dir, bundle), readFileSync(path.join(ROOT, 'dist', bundle)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts the copied server, opens a transcript (which loads the service) and gets its outline. */
  async function start(): Promise<LspClient> {
    const client = new LspClient(['--stdio'], path.join(dir, 'server.js'));
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///c.transcript', languageId: 'transcript', version: 1, text: 'Question: Why?\n\nSergey Lavrov: Because.\n' } });
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///c.transcript' } });
    return client;
  }

  it('made at one start are accepted at the next: no V8 flag changes after them', async function () {
    this.timeout(30_000);
    const caches = ['.lsp.js.v8cache', '.service.js.v8cache'].map((name) => path.join(dir, name));
    const first = await start();
    // Each is written some seconds after its bundle ran: wait for the files, as the server writes them.
    await new Promise<void>((resolve) => {
      const look = () => (caches.every((file) => existsSync(file)) ? resolve() : setTimeout(look, 100));
      look();
    });
    await first.shutdown();
    const second = await start();
    await second.shutdown();
    assert.deepEqual(second.stderr.join('').match(/V8 rejected[^\n]*/g) ?? [], []);
  });
});
