import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import { builtinGlossary, type Glossary } from './glossary';
import { documentGlossary } from './frontMatterGlossary';
import { loadGlossaryFile, type GlossaryProblem, type LoadedGlossary } from './loadGlossaryFile';

/**
 * The glossary inputs a language service knows: the built-in glossary and the workspace glossary
 * files it was given. Files apply to every transcript, in order of their path's depth (a file in
 * a subfolder overrides one at the root), then of URI. What is derived per document (its front
 * matter's entries on top) is a query of the layer: see `documentGlossary`.
 */
export class GlossaryStore {
  private readonly files = new Map<string, LoadedGlossary & { readonly text: string }>();
  /** Built when first asked for: the outline of a document just opened needs no glossary. */
  private workspaceLayers?: Glossary;
  private readonly isKnownId = (id: string) => builtinGlossary().has(id);

  /** Sets (or with `undefined`, removes) a glossary file's text; returns its problems. */
  setFile(uri: string, text: string | undefined): readonly GlossaryProblem[] {
    if (text === undefined) this.files.delete(uri);
    else this.files.set(uri, { ...loadGlossaryFile(uri, text, { isKnownId: this.isKnownId }), text });
    const ordered = [...this.files].sort(([a], [b]) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
    this.workspaceLayers = builtinGlossary().extend(ordered.map(([, loaded]) => loaded.layer));
    return this.files.get(uri)?.problems ?? [];
  }

  /** A glossary file's text, if the store has it. */
  fileText(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }

  /** The glossary of the workspace: built-in, then the files. */
  get workspace(): Glossary {
    return (this.workspaceLayers ??= builtinGlossary());
  }

  /** The glossary of one transcript: the workspace's, with its front matter's entries on top. */
  forDocument(results: DerivedResults, model: TranscriptModel): { glossary: Glossary; problems: readonly GlossaryProblem[] } {
    return documentGlossary(results, model, this.workspace, this.isKnownId);
  }
}

function depth(uri: string): number {
  return uri.split('/').length;
}
