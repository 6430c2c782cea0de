import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TranscriptSummary } from './service';
import { findFiles, normaliseFileUri as normalise, toPath } from './workspaceFiles';

export { normalise };

/** The glob the server asks the client to watch. */
export const TRANSCRIPT_FILE_GLOB = '**/*.transcript';
/** Folders never searched. */
const MAX_FILES = 20_000;
/** Larger files are not indexed: a transcript is text, and a few megabytes at most. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface FileEvent {
  readonly uri: string;
  /** 1 created, 2 changed, 3 deleted (LSP `FileChangeType`). */
  readonly type: number;
}

/** What the index reports its progress to: LSP work-done progress, or nothing. */
export interface IndexProgress {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

/**
 * The transcripts of the workspace folders, closed ones included, as small summaries (questions,
 * speakers, topic tags) for workspace symbols and tag completion. The folders are searched in
 * the background, one file at a time with a turn of the event loop between files, so requests on
 * the open documents are never held up; changes on disk come from `workspace/didChangeWatchedFiles`.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, TranscriptSummary>();
  /** Files changed on disk since the search started: the search does not overwrite what they say. */
  private readonly changed = new Set<string>();
  private updates: Promise<void> = Promise.resolve();
  /** Counts the searches: a search started later makes an earlier one stop. */
  private searches = 0;

  constructor(private readonly summarise: (uri: string, text: string) => TranscriptSummary) {}

  /**
   * Searches the folders (file URIs) for `*.transcript` files and indexes them, reporting progress.
   * Called again (other folders, other question markers), it reads every file again and, once
   * done, forgets the transcripts it no longer found; until then the earlier summaries answer.
   * Resolves when the search is done.
   */
  scan(folderUris: readonly string[], progress: IndexProgress): Promise<void> {
    const search = ++this.searches;
    this.changed.clear();
    return (async () => {
      progress.begin('Indexing transcripts', 0, undefined, false);
      try {
        const files: string[] = [];
        for (const folder of folderUris) {
          const root = toPath(folder);
          if (root) await findTranscripts(root, files);
        }
        const found = new Set<string>();
        let done = 0;
        for (const file of files) {
          await nextTurn();
          if (search !== this.searches) return;
          const uri = pathToFileURL(file).href;
          found.add(uri);
          if (!this.changed.has(uri)) {
            const summary = await this.read(uri, file);
            if (!this.changed.has(uri) && search === this.searches) {
              if (summary) this.entries.set(uri, summary);
              else this.entries.delete(uri);
            }
          }
          done++;
          if (done % 10 === 0 || done === files.length) progress.report(Math.floor((done / files.length) * 100), `${done}/${files.length} transcripts`);
        }
        for (const uri of [...this.entries.keys()]) if (!found.has(uri) && !this.changed.has(uri)) this.entries.delete(uri);
      } finally {
        progress.done();
      }
    })().catch(() => undefined);
  }

  /** `workspace/didChangeWatchedFiles`: re-read created and changed transcripts, forget deleted ones. */
  filesChanged(events: readonly FileEvent[]): Promise<void> {
    const relevant = events.filter((e) => isTranscriptUri(e.uri) || e.type === 3);
    for (const event of relevant) this.changed.add(normalise(event.uri));
    this.updates = this.updates.then(async () => {
      for (const event of relevant) {
        const uri = normalise(event.uri);
        if (event.type === 3) {
          this.entries.delete(uri);
          // A deleted folder: everything under it goes.
          const prefix = uri.endsWith('/') ? uri : `${uri}/`;
          for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
          continue;
        }
        const file = toPath(uri);
        const summary = file ? await this.read(uri, file) : undefined;
        if (summary) this.entries.set(uri, summary);
        else this.entries.delete(uri);
      }
    }).catch(() => undefined);
    return this.updates;
  }

  /** Resolves when the changes reported so far are indexed. */
  settled(): Promise<void> {
    return this.updates;
  }

  /** The indexed transcripts, by normalised file URI. */
  all(): IterableIterator<[string, TranscriptSummary]> {
    return this.entries.entries();
  }

  private async read(uri: string, file: string): Promise<TranscriptSummary | undefined> {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      const bytes = await fs.readFile(file);
      if (bytes.subarray(0, 8192).includes(0)) return undefined;
      return this.summarise(uri, bytes.toString('utf8'));
    } catch {
      return undefined;
    }
  }
}

/** Every `*.transcript` file under `root`, in sorted order. */
export function findTranscripts(root: string, found: string[] = []): Promise<string[]> {
  return findFiles(root, (name) => name.endsWith('.transcript'), found, MAX_FILES);
}

export function isTranscriptUri(uri: string): boolean {
  return /\.transcript$/i.test(uri);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}


