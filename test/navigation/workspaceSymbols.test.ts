import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Registration, SymbolInformation, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { lines } from '../util/fixtures';
import { LspClient } from '../util/lspClient';

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

const ALPHA = lines(
  'Question: What about #energy prices?',
  '',
  'Sergey Lavrov: They are stable. #energy #trade',
  '',
  'Question: And energy security?',
  '',
  'Murat Nurtleu: We are working on it.',
);
const BETA = lines(
  '---',
  'title: Briefing',
  'speakers: [Maria Zakharova]',
  '---',
  'Question: Will Mr Lavrov travel?',
  '',
  'Maria Zakharova: Yes. #travel #Energy',
);

describe('workspace symbols: over stdio JSON-RPC, with a workspace index', () => {
  let client: LspClient;
  let root: string;
  const progress: { token: string | number; value: Progress }[] = [];
  const created: (string | number)[] = [];
  const registrations: Registration[] = [];
  let indexed: Promise<void>;
  const uriOf = (file: string) => pathToFileURL(path.join(root, file)).href;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'transcript-workspace-'));
    mkdirSync(path.join(root, 'briefings'));
    mkdirSync(path.join(root, '.hidden'));
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'alpha.transcript'), ALPHA);
    writeFileSync(path.join(root, 'briefings', 'beta.transcript'), BETA);
    writeFileSync(path.join(root, '.hidden', 'gamma.transcript'), 'Question: Hidden #secret?');
    writeFileSync(path.join(root, 'node_modules', 'delta.transcript'), 'Question: Vendored #secret?');
    writeFileSync(path.join(root, 'notes.txt'), 'Question: Not a transcript #secret?');

    client = new LspClient();
    client.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      created.push(params.token);
      return null;
    });
    client.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      registrations.push(...params.registrations);
      return null;
    });
    indexed = new Promise((resolve) => {
      client.connection.onUnhandledProgress((params: { token: string | number; value: Progress }) => {
        progress.push({ token: params.token, value: params.value });
        if (params.value.kind === 'end') resolve();
      });
    });
    const result = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    }) as { capabilities: Record<string, unknown> };
    assert.equal(result.capabilities.workspaceSymbolProvider, true);
    await client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  const query = async (q: string) => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: q });
    return symbols.map((s) => `${s.name} @ ${path.relative(root, new URL(s.location.uri).pathname)}:${s.location.range.start.line}`);
  };
  const changed = (file: string, type: 1 | 2 | 3) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });

  it('indexes the workspace’s transcripts in the background, reporting work-done progress', async () => {
    await indexed;
    assert.equal(created.length, 1);
    assert.deepEqual(progress.map((p) => p.token), progress.map(() => created[0]));
    assert.deepEqual(progress.map((p) => p.value.kind), ['begin', 'report', 'end']);
    assert.equal((progress[0].value as WorkDoneProgressBegin).title, 'Indexing transcripts');
    assert.deepEqual(progress[1].value, { kind: 'report', percentage: 100, message: '2/2 transcripts' });
  });

  it('asks the client to watch **/*.transcript', () => {
    const watchers = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watchers.includes('**/*.transcript'), `watchers: ${watchers.join(', ')}`);
  });

  it('finds questions, speakers and tags of closed files by substring, case-insensitively', async () => {
    await indexed;
    assert.deepEqual(await query('energy'), [
      '#energy @ alpha.transcript:0',
      '#Energy @ briefings/beta.transcript:6',
      'Q2 · And energy security? @ alpha.transcript:4',
    ]);
    assert.deepEqual(await query('LAVROV'), ['Sergey Lavrov @ alpha.transcript:2', 'Q1 · Will Mr Lavrov travel? @ briefings/beta.transcript:4']);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'zakharova' });
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.containerName]), [['Maria Zakharova', 5, 'beta.transcript']]);
    assert.deepEqual(await query('secret'), [], 'hidden folders, node_modules and other extensions are not indexed');
  });

  it('matches a fuzzy subsequence after the substrings', async () => {
    assert.deepEqual(await query('lvrv'), ['Sergey Lavrov @ alpha.transcript:2', 'Q1 · Will Mr Lavrov travel? @ briefings/beta.transcript:4']);
    assert.deepEqual(await query('mzak'), ['Maria Zakharova @ briefings/beta.transcript:6']);
  });

  it('keeps up with files created, changed and deleted on disk', async () => {
    writeFileSync(path.join(root, 'briefings', 'new.transcript'), 'Question: Climate?\n\nAnna Smith: Yes. #climate');
    await changed('briefings/new.transcript', 1);
    assert.deepEqual(await query('climate'), ['#climate @ briefings/new.transcript:2', 'Q1 · Climate? @ briefings/new.transcript:0']);

    writeFileSync(path.join(root, 'briefings', 'new.transcript'), 'Question: Weather?\n\nAnna Smith: Rain. #weather');
    await changed('briefings/new.transcript', 2);
    assert.deepEqual(await query('climate'), []);
    assert.deepEqual(await query('weather'), ['#weather @ briefings/new.transcript:2', 'Q1 · Weather? @ briefings/new.transcript:0']);

    unlinkSync(path.join(root, 'briefings', 'new.transcript'));
    await changed('briefings/new.transcript', 3);
    assert.deepEqual(await query('weather'), []);
    assert.deepEqual(await query('anna'), []);
  });

  it('forgets every transcript of a deleted folder', async () => {
    mkdirSync(path.join(root, 'old'));
    writeFileSync(path.join(root, 'old', 'x.transcript'), 'Boris Old: Hello. #archive');
    await changed('old/x.transcript', 1);
    assert.deepEqual(await query('archive'), ['#archive @ old/x.transcript:0']);
    rmSync(path.join(root, 'old'), { recursive: true });
    await changed('old', 3);
    assert.deepEqual(await query('archive'), []);
  });

  it('prefers an open document’s own text to the file on disk', async () => {
    const uri = uriOf('alpha.transcript');
    await client.open(uri, ALPHA.replace('Murat Nurtleu', 'Kassym Tokayev'));
    assert.deepEqual(await query('nurtleu'), []);
    assert.deepEqual(await query('tokayev'), ['Kassym Tokayev @ alpha.transcript:6']);
    // Closed again, the file on disk counts.
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await query('nurtleu'), ['Murat Nurtleu @ alpha.transcript:6']);
  });

  it('completes tags after # from the closed transcripts of the workspace too', async () => {
    const uri = uriOf('briefings/beta.transcript');
    const text = `${BETA}\n\nQuestion: And #`;
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 15 } });
    assert.deepEqual(list.items.map((i) => [i.label, i.detail]), [
      ['#Energy', '1 in this transcript · 2 in 1 other transcript'],
      ['#travel', '1 in this transcript'],
      ['#trade', 'not used in this transcript · 1 in 1 other transcript'],
    ]);
  });
});

describe('workspace symbols: the index follows the workspace folders and the question markers', () => {
  let client: LspClient;
  let first: string;
  let second: string;
  const ends: (() => void)[] = [];
  /** Resolves when the index's next search of the folders ends (its work-done progress ends). */
  const nextSearchEnd = () => new Promise<void>((resolve) => ends.push(resolve));
  const folder = (root: string) => ({ uri: pathToFileURL(root).href, name: path.basename(root) });
  const query = async (q: string) => (await client.request<SymbolInformation[]>('workspace/symbol', { query: q })).map((s) => `${s.name} @ ${path.basename(s.location.uri)}`);

  before(async () => {
    first = mkdtempSync(path.join(tmpdir(), 'transcript-first-'));
    second = mkdtempSync(path.join(tmpdir(), 'transcript-second-'));
    // No question mark: `Caller` asks only once it is a marker.
    writeFileSync(path.join(first, 'a.transcript'), lines('Caller: Tell us whether the talks will resume.', '', 'Sergey Lavrov: They will.'));
    writeFileSync(path.join(second, 'b.transcript'), lines('Question: Any news from Minsk?', '', 'Maria Zakharova: None.'));
    client = new LspClient();
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    client.connection.onUnhandledProgress((params: { value: Progress }) => {
      if (params.value.kind === 'end') ends.shift()?.();
    });
    const searched = nextSearchEnd();
    const result = await client.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: [folder(first)],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
    }) as { capabilities: { workspace?: unknown } };
    assert.deepEqual(result.capabilities.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    await client.connection.sendNotification('initialized', {});
    await searched;
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('numbers the questions of closed transcripts again when the question markers change', async () => {
    assert.deepEqual(await query('resume'), []);
    const searched = nextSearchEnd();
    await client.notify('workspace/didChangeConfiguration', { settings: { transcript: { questionMarkers: ['Caller'] } } });
    await searched;
    assert.deepEqual(await query('resume'), ['Q1 · Tell us whether the talks will resume. @ a.transcript']);
  });

  it('indexes a folder added to the workspace, and forgets one removed from it', async () => {
    let searched = nextSearchEnd();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder(second)], removed: [] } });
    await searched;
    assert.deepEqual(await query('news'), ['Q1 · Any news from Minsk? @ b.transcript']);
    searched = nextSearchEnd();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder(first)] } });
    await searched;
    assert.deepEqual(await query('resume'), []);
    assert.deepEqual(await query('news'), ['Q1 · Any news from Minsk? @ b.transcript']);
  });
});
