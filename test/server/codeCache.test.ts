import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { codeCacheFile, runWithCodeCache } from '../../server/src/codeCache';
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
    cache = codeCacheFile(bundle);
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
    assert.deepEqual(readdirSync(dir).sort(), [path.basename(cache), 'bundle.js', 'helper.js']);
    assert.ok(statSync(cache).isDirectory());
  });

  it('keeps a cache for each set of flags Node runs under: a start reads its own, and no start rejects another’s', () => {
    // A process of its own for each start: the flags are the command line's and NODE_OPTIONS'.
    const child = path.join(dir, 'start.js');
    writeFileSync(child, [
      `const { runWithCodeCache } = require(${JSON.stringify(require.resolve('../../server/src/codeCache'))});`,
      `process.stdout.write(String(runWithCodeCache(${JSON.stringify(bundle)}, 0).answer()));`,
      'setTimeout(() => {}, 50); // alive until the cache is saved',
    ].join('\n'));
    const kinds = [
      { name: 'plain', flags: [], options: '' },
      { name: 'a debug session', flags: ['--nolazy'], options: '' },
      { name: 'a larger heap', flags: [], options: '--max-old-space-size=300' },
    ];
    const start = (kind: typeof kinds[number]) => spawnSync(process.execPath, [...kind.flags, child], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: kind.options } });
    const cachesMade = () => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));
    for (const kind of kinds) {
      const first = start(kind);
      assert.deepEqual([first.status, first.stdout, first.stderr], [0, '42', ''], `the first ${kind.name} start`);
    }
    const caches = cachesMade();
    assert.equal(caches.length, kinds.length, `one cache for each: ${caches.join(', ')}`);
    const written = caches.map((name) => statSync(path.join(dir, name)).ino);
    for (const kind of kinds) {
      const again = start(kind);
      assert.deepEqual([again.status, again.stdout, again.stderr], [0, '42', ''], `the second ${kind.name} start reads its cache`);
    }
    assert.deepEqual(cachesMade(), caches);
    assert.deepEqual(caches.map((name) => statSync(path.join(dir, name)).ino), written, 'no cache is written again');
  });

  it('removes the partial caches a server killed while saving left behind, not one being written', async () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const partial = (pid: number, name = path.basename(cache)) => path.join(dir, `${name}.${pid}`);
    const stale = [partial(ended), partial(ended, '.bundle.js.v8cache'), partial(process.ppid)];
    const beingWritten = partial(process.ppid, '.bundle.js.0123456789ab.v8cache');
    for (const file of [...stale, beingWritten]) writeFileSync(file, 'partial');
    // A running process's partial that is an hour old was left by an earlier process of that number.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(partial(process.ppid), anHourAgo, anHourAgo);
    const otherBundle = partial(ended, '.other.js.0123456789ab.v8cache');
    writeFileSync(otherBundle, 'partial');
    assert.equal(run(), 42);
    await afterSave();
    assert.deepEqual(readdirSync(dir).sort(), [path.basename(otherBundle), path.basename(beingWritten), path.basename(cache), 'bundle.js', 'helper.js'].sort());
  });
});

describe('server: the code caches of the built server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-built-cache-'));
    for (const bundle of ['server.js', 'lsp.js', 'service.js']) writeFileSync(path.join(dir, bundle), readFileSync(path.join(ROOT, 'dist', bundle)));
    cpSync(path.join(ROOT, 'dist', 'glossary'), path.join(dir, 'glossary'), { recursive: true });
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
    const first = await start();
    // Each is written some seconds after its bundle ran: wait for the files, as the server writes them.
    await new Promise<void>((resolve) => {
      const written = () => readdirSync(dir).filter((name) => /^\.(?:lsp|service)\.js\.[0-9a-f]+\.v8cache$/.test(name)).length === 2;
      const look = () => (written() ? resolve() : setTimeout(look, 100));
      look();
    });
    await first.shutdown();
    const second = await start();
    await second.shutdown();
    assert.deepEqual(second.stderr.join('').match(/V8 rejected[^\n]*/g) ?? [], []);
  });
});
