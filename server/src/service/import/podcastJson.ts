import type { CancellationToken } from '../types';
import { isRecord, isTime, shapeError } from './jsonSource';
import { oneLine, type Cue, type ImportedSource } from './source';

/**
 * The podcast namespace's JSON transcript (`<podcast:transcript type="application/json">`):
 * `segments[]` with `speaker`, `startTime`, `endTime` (optional) and `body`.
 */
export function readPodcastJson(text: string, json: unknown, token: CancellationToken): ImportedSource | undefined {
  const segments = isRecord(json) ? json.segments : undefined;
  if (!Array.isArray(segments)) throw shapeError(text, ['segments'], 'Expected `segments`, a list of `{ speaker, startTime, body }` (podcast namespace JSON).');
  const cues: Cue[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (i % 4096 === 0 && token.isCancellationRequested) return undefined;
    const segment: unknown = segments[i];
    if (!isRecord(segment)) throw shapeError(text, ['segments', i], `Segment ${i + 1} is not an object.`);
    const { startTime, endTime, speaker, body } = segment;
    if (!isTime(startTime)) throw shapeError(text, ['segments', i, 'startTime'], `Segment ${i + 1} has no \`startTime\` in seconds.`);
    if (typeof body !== 'string') throw shapeError(text, ['segments', i, 'body'], `Segment ${i + 1} has no \`body\`.`);
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
      throw shapeError(text, ['segments', i, 'speaker'], `Segment ${i + 1}: \`speaker\` is not a string.`);
    }
    cues.push({ start: startTime, end: isTime(endTime) ? endTime : undefined, speaker: speaker || undefined, text: oneLine(body) });
  }
  return { format: 'podcast-json', cues };
}
