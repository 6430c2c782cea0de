import { buildCues, type Cue } from './cues';
import type { ExportDocument } from './document';
import { DEFAULT_CUE_LIMITS, type ExportOptions } from './options';
import { timeSegments, type Timing } from './timing';

/** `hh:mm:ss.ttt` (WebVTT) or `hh:mm:ss,ttt` (SRT). */
export function clockTime(ms: number, separator: '.' | ',' = '.'): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  return `${pad(hours)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** A cue shows for at least a millisecond: WebVTT wants its end after its start. */
function cueTimes(cue: Cue, separator: '.' | ','): string {
  return `${clockTime(cue.start, separator)} --> ${clockTime(Math.max(cue.end, cue.start + 1), separator)}`;
}

function estimateNote(timing: Timing): string | undefined {
  return timing.estimated
    ? `The transcript has no timestamps: these times are estimated at ${timing.wordsPerMinute} words a minute.`
    : undefined;
}

/** What a subtitle export says about itself, besides the file: estimated times, timestamps left out. */
export function timingNotes(timing: Timing): string[] {
  const notes = [estimateNote(timing)];
  if (timing.backwards) {
    const timestamps = `${timing.backwards} timestamp${timing.backwards === 1 ? '' : 's'}`;
    notes.push(`${timestamps} earlier than the one before ignored, to keep the times in order.`);
  }
  return notes.filter((n): n is string => !!n);
}

/** Text of a cue, escaped: `&`, `<` and `>` would start markup. */
function escapeCueText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * WebVTT: each cue's lines after a `<v Name>` voice tag (none for an unattributed turn), a NOTE
 * when the times are estimated.
 */
export function toWebVtt(document: ExportDocument, options: ExportOptions): { text: string; notes: string[] } {
  const timing = timeSegments(document, options);
  const cues = buildCues(timing.segments, document.language, { ...DEFAULT_CUE_LIMITS.vtt, ...options.vtt });
  const out: string[] = ['WEBVTT', ''];
  const note = estimateNote(timing);
  // A NOTE may not hold `-->`, and ends at a blank line.
  if (note) out.push(`NOTE ${note}`, '');
  for (const cue of cues) {
    const voice = cue.speaker ? `<v ${escapeCueText(cue.speaker)}>` : '';
    out.push(cueTimes(cue, '.'), voice + cue.lines.map(escapeCueText).join('\n'), '');
  }
  return { text: out.join('\n'), notes: timingNotes(timing) };
}

/** SRT: numbered cues, the speaker as a `Name: ` prefix where a turn starts. */
export function toSrt(document: ExportDocument, options: ExportOptions): { text: string; notes: string[] } {
  const timing = timeSegments(document, options);
  const cues = buildCues(timing.segments, document.language, { ...DEFAULT_CUE_LIMITS.srt, ...options.srt }, (speaker) => `${speaker}: `);
  // Each cue ends with a blank line, the last one too.
  const text = cues.map((cue, i) => `${i + 1}\n${cueTimes(cue, ',')}\n${cue.lines.join('\n')}\n\n`).join('');
  return { text, notes: timingNotes(timing) };
}
