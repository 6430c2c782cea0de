import type { Location, Position } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import type { CancellationToken } from '../types';
import { frontMatterSpeakerEntries, speakerLabels, symbolAt, tagOccurrences } from './symbolAt';

/**
 * Find all references. On a speaker (any of their labels, or their name or an alias in the front
 * matter): the name of every label of that speaker, whatever alias it uses, and, with
 * `includeDeclaration`, the front matter entry (name and aliases), which is the declaration. On
 * a topic tag: every occurrence of the tag. Null elsewhere.
 */
export function provideReferences(
  results: DerivedResults, model: TranscriptModel, position: Position, includeDeclaration: boolean, token: CancellationToken,
): Location[] | null {
  const symbol = symbolAt(results, model, model.lines.offsetAt(position));
  if (!symbol || symbol.kind === 'marker' || token.isCancellationRequested) return null;
  const location = (start: number, end: number): Location => ({ uri: model.uri, range: model.lines.range(start, end) });
  if (symbol.kind === 'tag') return tagOccurrences(model, symbol.tag.name).map((t) => location(t.start, t.end));

  const locations: Location[] = [];
  if (includeDeclaration) {
    const entry = frontMatterSpeakerEntries(results, model).find((e) => e.id === symbol.speaker.id);
    for (const scalar of entry ? [entry.name, ...entry.aliases] : []) locations.push(location(scalar.valueStart, scalar.valueEnd));
  }
  for (const label of speakerLabels(model, symbol.speaker)) locations.push(location(label.nameStart, label.nameEnd));
  return locations;
}
