import type { CancellationToken } from '../types';
import { isRecord, isTime, shapeError } from './jsonSource';
import { oneLine, type Cue, type ImportedSource } from './source';

/**
 * Whisper's and WhisperX's JSON: `segments[]` with `start`, `end` (seconds), `text` and, after
 * diarisation, `speaker` (`SPEAKER_00`); `language` at the top. A segment with no speaker of its
 * own takes the one most of its `words[]` have. Other fields (tokens, scores) are not read.
 */
export function readWhisperJson(text: string, json: unknown, token: CancellationToken): ImportedSource | undefined {
  const segments = isRecord(json) ? json.segments : undefined;
  if (!Array.isArray(segments)) throw shapeError(text, ['segments'], 'Expected `segments`, a list of `{ start, end, text }` (Whisper or WhisperX JSON).');
  const cues: Cue[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (i % 4096 === 0 && token.isCancellationRequested) return undefined;
    const segment: unknown = segments[i];
    if (!isRecord(segment)) throw shapeError(text, ['segments', i], `Segment ${i + 1} is not an object.`);
    const { start, end, speaker } = segment;
    if (!isTime(start)) throw shapeError(text, ['segments', i, 'start'], `Segment ${i + 1} has no \`start\` time in seconds.`);
    if (end !== undefined && end !== null && !isTime(end)) {
      throw shapeError(text, ['segments', i, 'end'], `Segment ${i + 1}: \`end\` is not a time in seconds.`);
    }
    if (typeof segment.text !== 'string') throw shapeError(text, ['segments', i, 'text'], `Segment ${i + 1} has no \`text\`.`);
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
      throw shapeError(text, ['segments', i, 'speaker'], `Segment ${i + 1}: \`speaker\` is not a string.`);
    }
    cues.push({ start, end: isTime(end) ? end : undefined, speaker: speaker || wordsSpeaker(segment.words), text: oneLine(segment.text) });
  }
  const language = isRecord(json) && typeof json.language === 'string' ? json.language : undefined;
  return { format: 'whisper-json', cues, language };
}

/** The speaker most of the words are given, if any. */
function wordsSpeaker(words: unknown): string | undefined {
  if (!Array.isArray(words)) return undefined;
  const counts = new Map<string, number>();
  for (const word of words) if (isRecord(word) && typeof word.speaker === 'string') counts.set(word.speaker, (counts.get(word.speaker) ?? 0) + 1);
  let best: string | undefined;
  for (const [speaker, count] of counts) if (best === undefined || count > counts.get(best)!) best = speaker;
  return best;
}
