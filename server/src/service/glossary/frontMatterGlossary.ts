import { isMap, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { query, type DerivedResults } from '../derivedResults';
import type { FrontMatter, TranscriptModel } from '../model';
import { LayerRank, type Glossary, type GlossaryLayer } from './glossary';
import { readGlossaryEntries, type GlossaryProblem, type LoadOptions } from './loadGlossaryFile';

/** The front matter key that holds a transcript's own glossary entries. */
export const FRONT_MATTER_KEY = 'glossary';

export interface FrontMatterGlossary {
  readonly layer: GlossaryLayer;
  /** Offsets into the document. */
  readonly problems: readonly GlossaryProblem[];
}

/**
 * The `glossary:` list of a transcript's front matter, entries in the shape of a glossary file's:
 *
 * ```yaml
 * glossary:
 *   - acronyms: [CAPS]
 *     fullName: Central Asian Policy Studies
 *     description: The new name of the Soros Foundations in Central Asia.
 * ```
 */
export function readFrontMatterGlossary(model: TranscriptModel, options: LoadOptions = {}): FrontMatterGlossary | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter || frontMatter.data[FRONT_MATTER_KEY] === undefined) return undefined;
  const source = model.text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  const problems: GlossaryProblem[] = [];
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  let node: YamlNode | null | undefined;
  if (isMap(document.contents)) {
    for (const pair of document.contents.items as Pair<YamlNode, YamlNode | null>[]) {
      if ((pair.key as { value?: unknown } | null)?.value === FRONT_MATTER_KEY) node = pair.value;
    }
  }
  const entries = readGlossaryEntries(node, {
    source,
    base: frontMatter.contentStart,
    origin: (start, end) => ({ kind: 'frontMatter', uri: model.uri, start, end }),
    problems,
    isKnownId: options.isKnownId,
  });
  return { layer: { rank: LayerRank.FrontMatter, entries }, problems };
}

/**
 * A transcript's glossary: the workspace's, with its front matter's entries on top. Kept with the
 * front matter, which versions edited below it share, for the workspace glossary it extends.
 */
const FRONT_MATTER_GLOSSARY = query(
  'front matter glossary',
  [],
  (_results, _frontMatter: FrontMatter, { model, isKnownId }: { model: TranscriptModel; isKnownId: (id: string) => boolean }, workspace: Glossary) => {
    const own = readFrontMatterGlossary(model, { isKnownId });
    return own ? { glossary: workspace.extend([own.layer]), problems: own.problems } : { glossary: workspace, problems: [] };
  },
);

export function documentGlossary(
  results: DerivedResults, model: TranscriptModel, workspace: Glossary, isKnownId: (id: string) => boolean,
): { glossary: Glossary; problems: readonly GlossaryProblem[] } {
  const frontMatter = model.frontMatter;
  if (!frontMatter || frontMatter.data[FRONT_MATTER_KEY] === undefined) return { glossary: workspace, problems: [] };
  return results.get(FRONT_MATTER_GLOSSARY, frontMatter, { model, isKnownId }, workspace);
}
