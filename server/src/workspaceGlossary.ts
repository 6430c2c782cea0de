import { existsSync, promises as fs, readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { TranscriptLanguageService } from './service';
import { GLOSSARY_FILE_NAMES, isGlossaryFile } from './service/glossary/fileNames';
import { findFiles, normaliseFileUri as normalise, toPath } from './workspaceFiles';

export interface GlossaryFileEvent {
  readonly uri: string;
  /** 1 created, 2 changed, 3 deleted (LSP `FileChangeType`). */
  readonly type: number;
}

/**
 * The workspace glossary files (`.transcript-glossary.json` / `.yaml` / `.yml`, in any folder of
 * the workspace) as the server knows them: read from disk at start, re-read when the client
 * reports a change, and taken from the editor while one is open there (its unsaved text wins).
 * Each change goes to the language service, the file's diagnostics are published, and
 * `changed` re-validates the open transcripts.
 */
export class WorkspaceGlossaries {
  /** Resolves when the first search of the workspace folders is done. */
  ready: Promise<void> = Promise.resolve();
  private readonly texts = new Map<string, string | undefined>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly open = new Set<string>();

  constructor(
    /** The service, created when first needed. */
    private readonly service: () => TranscriptLanguageService,
    private readonly publish: (uri: string, diagnostics: Diagnostic[], version?: number) => void,
    private readonly changed: () => void,
  ) {}

  /** Searches the folders (file URIs) for glossary files and loads them. */
  scan(folderUris: readonly string[]): Promise<void> {
    this.ready = (async () => {
      const found: string[] = [];
      for (const folder of folderUris) {
        const root = toPath(folder);
        if (root) await findGlossaryFiles(root, found);
      }
      let any = false;
      for (const file of found) {
        const uri = pathToFileURL(file).href;
        if (this.open.has(uri)) continue;
        let text: string | undefined;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch {
          continue;
        }
        any = this.set(uri, text) || any;
      }
      if (any) this.changed();
    })().catch(() => undefined);
    return this.ready;
  }

  /** A workspace folder removed: its glossary files, but those open in the editor, apply no more. */
  forgetFolder(folderUri: string): void {
    const folder = normalise(folderUri);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    let any = false;
    for (const key of [...this.texts.keys()]) if (normalise(key).startsWith(prefix) && !this.open.has(key)) any = this.set(key, undefined) || any;
    if (any) this.changed();
  }

  /** `workspace/didChangeWatchedFiles`: re-read each glossary file that is not open in the editor. */
  filesChanged(events: readonly GlossaryFileEvent[]): void {
    let any = false;
    for (const event of events) {
      if (!isGlossaryFile(event.uri)) continue;
      const uri = normalise(event.uri);
      if (this.open.has(uri)) continue;
      any = this.set(uri, event.type === 3 ? undefined : readText(uri)) || any;
    }
    if (any) this.changed();
  }

  /** A glossary file opened or edited in the editor: its text, saved or not, is the glossary. */
  documentChanged(uri: string, text: string, version: number): void {
    const key = normalise(uri);
    this.open.add(key);
    if (this.set(key, text, version, uri)) this.changed();
    else this.publish(uri, this.diagnostics.get(key) ?? [], version);
  }

  /** Closed in the editor: back to what is on disk. */
  documentClosed(uri: string): void {
    const key = normalise(uri);
    this.open.delete(key);
    if (this.set(key, readText(key), undefined, uri)) this.changed();
  }

  /** Gives the service a file's text and publishes its diagnostics; says whether the text changed. */
  private set(key: string, text: string | undefined, version?: number, clientUri = key): boolean {
    if (this.texts.has(key) && this.texts.get(key) === text) return false;
    if (text === undefined) this.texts.delete(key);
    else this.texts.set(key, text);
    const diagnostics = this.service().setGlossaryLayer(key, text);
    this.diagnostics.set(key, diagnostics);
    this.publish(clientUri, diagnostics, version);
    return true;
  }
}

/** Every glossary file under `root`, in sorted order. */
export function findGlossaryFiles(root: string, found: string[] = []): Promise<string[]> {
  return findFiles(root, (name) => GLOSSARY_FILE_NAMES.includes(name), found);
}



function readText(uri: string): string | undefined {
  const file = toPath(uri);
  try {
    return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
