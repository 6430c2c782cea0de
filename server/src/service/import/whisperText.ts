import { readSpeakerPrefixes } from './speakerPrefixes';
import { oneLine, type ImportedSource } from './source';

/** The text Whisper and WhisperX write (`--output_format txt`): a segment a line, `[SPEAKER_00]: ` before it when diarised; no times. */
export function readWhisperText(text: string): ImportedSource {
  const cues = text.split(/\r\n|\r|\n/).map(oneLine).filter(Boolean).map((line) => ({ text: line }));
  return { format: 'whisper-text', cues: readSpeakerPrefixes(cues, 'en') };
}
