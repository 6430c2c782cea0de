import type { TranscriptModel } from '../model';
import { builtinGlossary, type Glossary } from './glossary';
import { readFrontMatterGlossary } from './frontMatterGlossary';
import { loadGlossaryFile, type GlossaryProblem, type LoadedGlossary } from './loadGlossaryFile';

/**
 * The glossary layers a language service knows: the built-in one, the workspace glossary files it
 * was given, and per document its front matter's entries. Files apply to every transcript, in
 * order of their path's depth (a file in a subfolder overrides one at the root), then of URI.
 */
export class GlossaryStore {
  private readonly files = new Map<string, LoadedGlossary>();
  /** Built when first asked for: the outline of a document just opened needs no glossary. */
  private workspaceLayers?: Glossary;
  private readonly documents = new Map<string, { base: Glossary; key: string; glossary: Glossary; problems: readonly GlossaryProblem[] }>();
  private readonly isKnownId = (id: string) => builtinGlossary().entries.has(id);

  /** Sets (or with `undefined`, removes) a glossary file's text; returns its problems. */
  setFile(uri: string, text: string | undefined): readonly GlossaryProblem[] {
    if (text === undefined) this.files.delete(uri);
    else this.files.set(uri, loadGlossaryFile(uri, text, { isKnownId: this.isKnownId }));
    const ordered = [...this.files].sort(([a], [b]) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    this.workspaceLayers = builtinGlossary().extend(ordered.map(([, loaded]) => loaded.layer));
    return this.files.get(uri)?.problems ?? [];
  }

  private get workspace(): Glossary {
    return (this.workspaceLayers ??= builtinGlossary());
  }

  /** The glossary of one transcript: the workspace's, with its front matter's entries on top. */
  forDocument(model: TranscriptModel): { glossary: Glossary; problems: readonly GlossaryProblem[] } {
    const seen = this.models.get(model);
    if (seen && seen.base === this.workspace) return seen;
    const result = this.compute(model);
    this.models.set(model, { ...result, base: this.workspace });
    return result;
  }

  private readonly models = new WeakMap<TranscriptModel, { base: Glossary; glossary: Glossary; problems: readonly GlossaryProblem[] }>();

  private compute(model: TranscriptModel): { glossary: Glossary; problems: readonly GlossaryProblem[] } {
    const own = readFrontMatterGlossary(model, { isKnownId: this.isKnownId });
    if (!own) {
      this.documents.delete(model.uri);
      return { glossary: this.workspace, problems: [] };
    }
    const known = this.documents.get(model.uri);
    if (known && known.base === this.workspace && known.key === own.key) return known;
    const entry = { base: this.workspace, key: own.key, glossary: this.workspace.extend([own.layer]), problems: own.problems };
    this.documents.set(model.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.documents.delete(uri);
  }
}

function depth(uri: string): number {
  return uri.split('/').length;
}
