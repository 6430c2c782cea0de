import type { Location, Position } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import type { Glossary } from '../glossary/glossary';
import { findOrganisationMentionAt } from '../glossary/mentions';
import type { CancellationToken } from '../types';

/**
 * Go to definition on an organisation defined or overridden by the user: where the transcript
 * defines it (`the Lake Ferry Authority (LFA)`), its entry in the workspace glossary file, or in
 * the transcript's front matter; the likeliest sense first. Null
 * for a built-in organisation or anything else.
 */
export function provideDefinition(
  results: DerivedResults, model: TranscriptModel, position: Position, glossary: Glossary, token: CancellationToken,
): Location[] | null {
  const mention = findOrganisationMentionAt(results, model, glossary, model.lines.offsetAt(position), token);
  if (!mention || token.isCancellationRequested) return null;
  const locations: Location[] = [];
  if (mention.definition) locations.push({ uri: model.uri, range: model.lines.range(mention.definition.start, mention.definition.end) });
  for (const id of mention.ids) {
    const origin = glossary.get(id)?.origin;
    if (origin?.kind === 'file') locations.push({ uri: origin.uri, range: origin.range });
    else if (origin?.kind === 'frontMatter') locations.push({ uri: model.uri, range: model.lines.range(origin.start, origin.end) });
  }
  return locations.length ? locations : null;
}
