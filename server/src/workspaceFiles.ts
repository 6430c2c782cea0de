import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SKIPPED = new Set(['node_modules', 'bower_components', '__pycache__']);
const MAX_DIRECTORIES = 20_000;
const MAX_DEPTH = 16;

/**
 * Every file under `root` whose name `wanted` takes, breadth first and in sorted order, at most
 * `limit` of them; hidden folders and `node_modules` are skipped, and the walk is bounded so that
 * a huge folder opened by mistake cannot hold the server up.
 */
export async function findFiles(root: string, wanted: (name: string) => boolean, found: string[] = [], limit = Infinity): Promise<string[]> {
  const queue: [string, number][] = [[root, 0]];
  let visited = 0;
  while (queue.length && visited < MAX_DIRECTORIES && found.length < limit) {
    const [dir, depth] = queue.shift()!;
    visited++;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && wanted(entry.name)) found.push(full);
      else if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) queue.push([full, depth + 1]);
    }
  }
  return found;
}

/** The file a `file:` URI names; undefined for other schemes. */
export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** One spelling per file (`file:///c%3A/…` and `file:///c:/…` are the same file). */
export function normaliseFileUri(uri: string): string {
  const file = toPath(uri);
  return file ? pathToFileURL(file).href : uri;
}
