import type { ExportDocument } from './document';
import type { ExportOptions } from './options';
import { timingNotes } from './subtitles';
import { timeSegments } from './timing';

/** A field as RFC 4180 has it: quoted when it holds a comma, a quote or a line break, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `start,end,speaker,text`: a row for every stretch between two points in time (a paragraph, an
 * inline timestamp), times in seconds with milliseconds, empty where the transcript has no
 * timestamps and none are estimated. CRLF line ends, as RFC 4180 has them.
 */
export function toCsv(document: ExportDocument, options: ExportOptions): { text: string; notes: string[] } {
  const timing = timeSegments(document, options, false);
  const seconds = (ms: number) => (timing.untimed ? '' : (ms / 1000).toFixed(3));
  const rows = ['start,end,speaker,text'];
  for (const segment of timing.segments) {
    if (!segment.turn.kept || !segment.text) continue;
    rows.push([seconds(segment.start), seconds(segment.end), csvField(segment.turn.speaker ?? ''), csvField(segment.text)].join(','));
  }
  return { text: `${rows.join('\r\n')}\r\n`, notes: timingNotes(timing) };
}
