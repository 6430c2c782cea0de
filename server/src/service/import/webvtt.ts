import { WebVTTParser, type WebVTTError } from 'webvtt-parser';
import { cueRuns } from './cueText';
import { readSpeakerPrefixes } from './speakerPrefixes';
import { ImportError, type Cue, type ImportedSource } from './source';

/**
 * The parser's complaints that mean words would be lost: no signature, a block that is no cue,
 * a cue whose timings cannot be read (the parser drops it). The others (cue settings, a tag not
 * closed, metadata headers after the signature) leave every word in place and are ignored.
 */
const SIGNATURE = 'No valid signature. (File needs to start with "WEBVTT".)';
const FATAL = new Set([
  SIGNATURE,
  'Cue identifier cannot be standalone.',
]);
const NO_TIMES = 'Cue identifier needs to be followed by timestamp.';
/** Timing errors, fatal on a cue's timing line (they carry a column there, and none in cue text). */
const TIMING = new RegExp(`^(?:${[
  'No timestamp found', 'Timestamp must start with', 'No time unit separator', 'Must be exactly two digits', 'No seconds found',
  'No decimal separator', 'Milliseconds must be given', 'You cannot have more than 59', 'No valid timestamp separator',
].join('|')})`);

/**
 * WebVTT, read with the W3C's conformant parser (`webvtt-parser`). `<v Name>` voice tags name the
 * speakers; without them, cues that start with a label (`[SPEAKER_00]: …`, as WhisperX writes
 * them) do. The metadata headers some writers put after the signature (`Language: en`) give the
 * language.
 */
export function readWebVtt(text: string): ImportedSource {
  const parsed = new WebVTTParser().parse(text, 'metadata');
  const fatal = parsed.errors.find(isFatal);
  if (fatal?.message === SIGNATURE) throw new ImportError('Not WebVTT: the file must start with `WEBVTT`.', 1);
  // Said on the line after the block's first line, which is what is wrong: neither times nor an identifier before them.
  if (fatal?.message === NO_TIMES) throw new ImportError(`Expected a cue's times (00:00:01.000 --> 00:00:04.500) on this line or the next.`, fatal.line - 1);
  if (fatal) throw new ImportError(fatal.message, fatal.line, fatal.col);
  const cues: Cue[] = [];
  let voiced = false;
  for (const cue of parsed.cues) {
    for (const run of cueRuns(cue.text, cue.startTime, cue.endTime)) {
      voiced ||= run.voice !== undefined;
      cues.push({ start: run.start, end: cue.endTime, speaker: run.voice, text: run.text });
    }
  }
  const language = headerValue(text, 'language');
  return { format: 'webvtt', cues: voiced ? cues : readSpeakerPrefixes(cues, language ?? 'en'), language };
}

function isFatal(error: WebVTTError): boolean {
  return FATAL.has(error.message) || error.message === NO_TIMES || (error.col !== undefined && TIMING.test(error.message));
}

/** A `Name: value` line of the header block that some writers (YouTube) put right after `WEBVTT`. */
function headerValue(text: string, name: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/, 20);
  for (let i = 1; i < lines.length && lines[i].trim() !== '' && !lines[i].includes('-->'); i++) {
    const colon = lines[i].indexOf(':');
    if (colon > 0 && lines[i].slice(0, colon).trim().toLowerCase() === name) return lines[i].slice(colon + 1).trim() || undefined;
  }
  return undefined;
}
