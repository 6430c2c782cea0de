import type { CancellationToken } from '../types';
import { isRecord, readSegments } from './jsonSource';
import type { ImportedSource } from './source';

const FIELDS = { start: 'start', end: 'end', text: 'text', expected: 'a list of `{ start, end, text }` (Whisper or WhisperX JSON)' };

/**
 * Whisper's and WhisperX's JSON: `segments[]` with `start`, `end` (seconds), `text` and, after
 * diarisation, `speaker` (`SPEAKER_00`); `language` at the top. A segment with no speaker of its
 * own takes the one most of its `words[]` have. Other fields (tokens, scores) are not read.
 */
export function readWhisperJson(text: string, json: unknown, token: CancellationToken): ImportedSource | undefined {
  const cues = readSegments(text, json, FIELDS, token, (segment) => wordsSpeaker(segment.words));
  const language = isRecord(json) && typeof json.language === 'string' ? json.language : undefined;
  return cues && { format: 'whisper-json', cues, language };
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
