import { stringify } from 'yaml';
import { detectLabel } from '../parser/labels';
import { normaliseName } from '../parser/markers';
import type { CancellationToken } from '../types';
import { labelContext } from './speakerPrefixes';
import type { Cue, ImportedSource } from './source';

export interface WriteOptions {
  /** A pause longer than this (seconds) between two cues of one speaker starts a new paragraph of the turn. */
  readonly pauseSeconds: number;
  /** The file imported, for `source:` in the front matter. */
  readonly sourceName?: string;
  readonly token: CancellationToken;
  /** Called now and then with the cues written so far. */
  readonly onProgress?: (written: number, total: number) => void;
}

/**
 * The transcript of an imported source: front matter (`language`, `media`, `source`, the
 * speakers declared), then one turn per change of speaker, with the time of its first cue before
 * its label (`[00:01:02] Name: …`) and every other cue's start inline where its words begin
 * (`[00:01:04.500]`), so that each cue's start, speaker and words can be read back. A pause
 * longer than `pauseSeconds` starts a paragraph of the same turn; a paragraph that would read as
 * a label is escaped with `\`; a turn without a speaker after a speaker's turn follows a `* * *`
 * separator, which ends the turn before it. Undefined when cancelled.
 */
export function writeTranscript(source: ImportedSource, options: WriteOptions): string | undefined {
  const cues = source.cues.filter((cue) => cue.text);
  const speakers = [...new Set(cues.flatMap((cue) => (cue.speaker === undefined ? [] : [speakerName(cue.speaker)])))];
  const context = labelContext(source.language ?? 'en', speakers);
  const labels = new Map(speakers.map((name) => [name, labelOf(name, context)]));

  const paragraphs: string[] = [];
  let line = '';
  let previous: Cue | undefined;
  let previousSpeaker: string | undefined;
  const endParagraph = () => {
    if (line) paragraphs.push(line);
    line = '';
  };
  for (let i = 0; i < cues.length; i++) {
    if (i % 1024 === 0) {
      if (options.token.isCancellationRequested) return undefined;
      options.onProgress?.(i, cues.length);
    }
    const cue = cues[i];
    const speaker = cue.speaker === undefined ? undefined : speakerName(cue.speaker);
    const newTurn = !previous || speaker !== previousSpeaker;
    const pause = previous?.end !== undefined && cue.start !== undefined && cue.start - previous.end > options.pauseSeconds;
    const stamp = cue.start === undefined ? '' : `${timestamp(cue.start)} `;
    if (newTurn || pause) {
      endParagraph();
      if (newTurn && speaker === undefined && previousSpeaker !== undefined) paragraphs.push('* * *');
      if (newTurn && speaker !== undefined) line = `${stamp}${labels.get(speaker)} ${cue.text}`;
      else {
        line = `${stamp}${cue.text}`;
        // Words that open with what reads as a label (`Note: …` is none, `Germany: …` may be) stay words.
        if (detectLabel(line, context)) line = `\\${line}`;
      }
    } else line += ` ${stamp}${cue.text}`;
    previous = cue;
    previousSpeaker = speaker;
  }
  endParagraph();
  options.onProgress?.(cues.length, cues.length);
  return `${frontMatter(source, speakers, options.sourceName)}\n${paragraphs.join('\n\n')}\n`;
}

/** `[00:01:02]`, or `[00:01:02.500]` where the time has milliseconds. */
export function timestamp(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hms = `${pad(Math.floor(milliseconds / 3_600_000))}:${pad(Math.floor(milliseconds / 60_000) % 60)}:${pad(Math.floor(milliseconds / 1000) % 60)}`;
  return milliseconds % 1000 ? `[${hms}.${pad(milliseconds % 1000, 3)}]` : `[${hms}]`;
}

/** A speaker's name as a label can hold it: on one line, no colon (it would end the label), no square brackets (`[SPEAKER_00]`). */
function speakerName(raw: string): string {
  return raw.replace(/[:：[\]]/g, ' ').replace(/\s+/g, ' ').trim() || raw;
}

/** `Name:`, or the forced `@Name:` where the parser would not read the name as a label even declared. */
function labelOf(name: string, context: ReturnType<typeof labelContext>): string {
  const label = detectLabel(`${name}: …`, context);
  return label?.kind === 'speaker' && label.key === normaliseName(name) ? `${name}:` : `@${name}:`;
}

function frontMatter(source: ImportedSource, speakers: readonly string[], sourceName: string | undefined): string {
  const data: Record<string, unknown> = {};
  if (source.language) data.language = source.language;
  if (source.media) data.media = source.media;
  if (sourceName) data.source = sourceName;
  if (speakers.length) data.speakers = speakers;
  if (Object.keys(data).length === 0) return '';
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}
