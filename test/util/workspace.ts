import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

/** A temporary workspace folder holding `files` (paths relative to it). */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'transcript-glossary-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

export const uriOf = (root: string, name: string) => pathToFileURL(path.join(root, name)).href;

/** A server started on `root` as its workspace folder, by a client that watches files for it. */
export async function start(root: string, glossaryFiles: string[] = []) {
  const client = new LspClient();
  const registrations: { registrations: { method: string; registerOptions: unknown }[] }[] = [];
  client.connection.onRequest('client/registerCapability', (params: (typeof registrations)[number]) => {
    registrations.push(params);
    return null;
  });
  // The server publishes each glossary file's diagnostics once it has read it.
  const published = glossaryFiles.map((name) => client.nextDiagnostics(uriOf(root, name)));
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.notify('initialized', {});
  return { client, registrations, published: await Promise.all(published) };
}

