import type { CancellationToken } from '../types';
import { readSegments } from './jsonSource';
import type { ImportedSource } from './source';

const FIELDS = { start: 'startTime', end: 'endTime', text: 'body', expected: 'a list of `{ speaker, startTime, body }` (podcast namespace JSON)' };

/**
 * The podcast namespace's JSON transcript (`<podcast:transcript type="application/json">`):
 * `segments[]` with `speaker`, `startTime`, `endTime` (optional) and `body`.
 */
export function readPodcastJson(text: string, json: unknown, token: CancellationToken): ImportedSource | undefined {
  const cues = readSegments(text, json, FIELDS, token);
  return cues && { format: 'podcast-json', cues };
}
