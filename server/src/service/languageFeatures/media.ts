import type { DocumentLink, Position, Range } from 'vscode-languageserver-types';
import { query, type DerivedResults } from '../derivedResults';
import type { Paragraph, TranscriptModel, Turn } from '../model';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import { countWordsUpTo, paragraphWordCount, type ParagraphReader } from '../text/words';
import { DEFAULT_WORDS_PER_MINUTE } from '../export/options';
import type { CancellationToken } from '../types';
import { formatClock } from './mediaSource';

export { formatClock };

/**
 * A transcript with its recording (issue 18): where its timestamps are, which time is in effect
 * at a position and which position at a time, and the timestamps past the media's end.
 */

/** A time written in the text: a bracketed timestamp, or a time in or before a label. */
export interface TimestampMark {
  readonly start: number;
  readonly end: number;
  readonly seconds: number;
  /** Index into `TranscriptModel.paragraphs`. */
  readonly paragraph: number;
}

/** The command a timestamp's link runs in VS Code: `command:transcript.playFrom?[{"uri":…,"seconds":…}]`. */
export const PLAY_FROM_COMMAND = 'transcript.playFrom';

export interface TimeAtResult {
  readonly seconds: number;
  /** False when interpolated between the nearest stamped turns by their words. */
  readonly exact: boolean;
}

export interface PositionAtResult {
  /** The start of the turn or stamp in effect at the time. */
  readonly position: Position;
  /** The turn that holds it (for a player to highlight), or the stamp's paragraph outside turns. */
  readonly range: Range;
}

/** A point of the timeline: a turn's start or a timestamp, with its time and the words before it. */
interface TimePoint {
  readonly offset: number;
  readonly seconds: number;
  readonly exact: boolean;
  readonly turn?: number;
  readonly paragraph: number;
}

interface Timeline {
  readonly marks: readonly TimestampMark[];
  /** In document order; empty when the document has no timestamps. */
  readonly points: readonly TimePoint[];
}

/**
 * A time in a label's text, or before the label: `(00:12) Name:`, `00:00:12 Name:`,
 * `Name (00:01:02):`, `Name  0:12`. A clock time of day (`10:30 am`) is no offset.
 */
const LABEL_TIME = /(?<![\d:.,])\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?(?![\d:]|[ \u00a0]?[ap]\.?m\b)/gi;

const TIMELINE = query('media timeline', [], (results: DerivedResults, model: TranscriptModel, _reader: undefined): Timeline => buildTimeline(results, model));

function timeline(results: DerivedResults, model: TranscriptModel): Timeline {
  return results.get(TIMELINE, model, undefined);
}

/** `00:01:02` → 62; `1:02.5` → 62.5. */
function clockSeconds(text: string): number {
  const parts = text.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** A time of a paragraph, its offsets from the paragraph's start, with the paragraph's words before it. */
interface ParagraphTime {
  readonly start: number;
  readonly end: number;
  readonly seconds: number;
  readonly wordsBefore: number;
}

const NO_TIMES: readonly ParagraphTime[] = Object.freeze([]);

/**
 * The times of a paragraph, in order: its bracketed timestamps, and those in or before its label.
 * Kept while its text is the same, for where its words start and its label ends.
 */
const PARAGRAPH_TIMES = query('paragraph timestamps', [], (
  _results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _contentOffset: number, labelEnd: number,
) => {
  const spans: { start: number; end: number; seconds: number }[] = [];
  for (const annotation of paragraph.annotations) {
    if (annotation.kind === 'timestamp' && annotation.seconds !== undefined) {
      spans.push({ start: annotation.start, end: annotation.end, seconds: annotation.seconds });
    }
  }
  if (labelEnd >= 0) {
    const head = model.source.slice(paragraph.start, paragraph.start + labelEnd);
    for (const m of head.matchAll(LABEL_TIME)) {
      const start = paragraph.start + m.index;
      if (spans.some((span) => span.start <= start && start < span.end)) continue;
      spans.push({ start, end: start + m[0].length, seconds: clockSeconds(m[0]) });
    }
    spans.sort((a, b) => a.start - b.start);
  }
  if (spans.length === 0) return NO_TIMES;
  return spans.map((span): ParagraphTime => ({
    start: span.start - paragraph.start,
    end: span.end - paragraph.start,
    seconds: span.seconds,
    wordsBefore: span.start <= paragraph.contentStart ? 0 : countWordsUpTo(model.source.slice(paragraph.contentStart, span.start), Infinity),
  }));
});

function paragraphTimes(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph): readonly ParagraphTime[] {
  const labelEnd = paragraph.label ? paragraph.label.end - paragraph.start : -1;
  return results.get(PARAGRAPH_TIMES, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start, labelEnd);
}

function buildTimeline(results: DerivedResults, model: TranscriptModel): Timeline {
  const marks: TimestampMark[] = [];
  const turnOf = new Int32Array(model.paragraphs.length).fill(-1);
  for (const turn of model.turns) for (const index of turn.paragraphs) turnOf[index] = turn.index;

  // Every turn start and every timestamp, with the words before it; a stamp at a turn's start times the turn.
  interface Draft { offset: number; words: number; stamp?: number; turn?: number; paragraph: number }
  const drafts: Draft[] = [];
  let words = 0;
  model.paragraphs.forEach((paragraph, index) => {
    const turnIndex = turnOf[index] >= 0 ? turnOf[index] : undefined;
    const turn: Turn | undefined = turnIndex === undefined ? undefined : model.turns[turnIndex];
    const opensTurn = turn !== undefined && turn.paragraphs[0] === index;
    let opening: Draft | undefined;
    if (opensTurn) drafts.push((opening = { offset: turn.start, words, turn: turnIndex, paragraph: index }));
    for (const time of paragraphTimes(results, model, paragraph)) {
      const start = paragraph.start + time.start;
      marks.push({ start, end: paragraph.start + time.end, seconds: time.seconds, paragraph: index });
      if (opening && opening.stamp === undefined && time.wordsBefore === 0) {
        opening.stamp = time.seconds;
        continue;
      }
      drafts.push({ offset: start, words: words + time.wordsBefore, stamp: time.seconds, turn: turnIndex, paragraph: index });
    }
    if (paragraph.kind === 'text') words += paragraphWordCount(results, model, paragraph);
  });
  if (marks.length === 0) return { marks, points: [] };

  // Anchors: the stamps in order; one earlier than the last kept is a typo or a restart, no anchor.
  const anchors: Draft[] = [];
  for (const draft of drafts) {
    if (draft.stamp !== undefined && (anchors.length === 0 || draft.stamp >= anchors[anchors.length - 1].stamp!)) anchors.push(draft);
  }
  const secondsPerWord = 60 / DEFAULT_WORDS_PER_MINUTE;
  const points: TimePoint[] = [];
  let next = 0;
  for (const draft of drafts) {
    while (next < anchors.length && anchors[next].offset <= draft.offset) next++;
    const base = { offset: draft.offset, turn: draft.turn, paragraph: draft.paragraph };
    if (draft.stamp !== undefined) {
      points.push({ ...base, seconds: draft.stamp, exact: true });
      continue;
    }
    const previous = anchors[next - 1];
    const following = anchors[next];
    let seconds: number;
    if (previous && following) {
      const span = following.words - previous.words;
      seconds = previous.stamp! + (span > 0 ? ((following.stamp! - previous.stamp!) * (draft.words - previous.words)) / span : 0);
    } else if (previous) {
      seconds = previous.stamp! + (draft.words - previous.words) * secondsPerWord;
    } else {
      seconds = Math.max(0, following.stamp! - (following.words - draft.words) * secondsPerWord);
    }
    points.push({ ...base, seconds: Math.round(seconds * 1000) / 1000, exact: false });
  }
  return { marks, points };
}

/** Each turn's time, in order: its stamp, or interpolated between the nearest (`exact` false). Empty without timestamps. */
export function turnTimes(results: DerivedResults, model: TranscriptModel): { readonly turn: number; readonly seconds: number; readonly exact: boolean }[] {
  return timeline(results, model).points
    .filter((point) => point.turn !== undefined && point.offset === model.turns[point.turn].start)
    .map((point) => ({ turn: point.turn!, seconds: point.seconds, exact: point.exact }));
}

/** Every time written in the transcript, in order. */
export function findTimestamps(results: DerivedResults, model: TranscriptModel): readonly TimestampMark[] {
  return timeline(results, model).marks;
}

/** Every timestamp as a link that plays the media from its time (the client handles the command URI). */
export function provideMediaLinks(results: DerivedResults, model: TranscriptModel, token: CancellationToken): DocumentLink[] {
  if (token.isCancellationRequested) return [];
  return findTimestamps(results, model).map((mark) => {
    const args = encodeURIComponent(JSON.stringify([{ uri: model.uri, seconds: mark.seconds }]));
    return {
      range: model.lines.range(mark.start, mark.end),
      target: `command:${PLAY_FROM_COMMAND}?${args}`,
      tooltip: `Play the recording from ${formatClock(mark.seconds)}`,
    };
  });
}

/** The time in effect at `position`: its stamp, or its turn's time (interpolated when the turn has none); null without timestamps. */
export function provideTimeAt(results: DerivedResults, model: TranscriptModel, position: Position, token: CancellationToken): TimeAtResult | null {
  const { points } = timeline(results, model);
  if (token.isCancellationRequested || points.length === 0) return null;
  const offset = model.lines.offsetAt(position);
  let low = 0;
  let high = points.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (points[mid].offset <= offset) low = mid + 1;
    else high = mid - 1;
  }
  const point = points[Math.max(0, high)];
  return { seconds: point.seconds, exact: point.exact };
}

/** The start of the turn or stamp in effect at `seconds`: the latest time not after it (the first such in the text). */
export function providePositionAt(results: DerivedResults, model: TranscriptModel, seconds: number, token: CancellationToken): PositionAtResult | null {
  const { points } = timeline(results, model);
  if (token.isCancellationRequested || points.length === 0) return null;
  let best: TimePoint | undefined;
  for (const point of points) {
    if (point.seconds <= seconds && (!best || point.seconds > best.seconds)) best = point;
  }
  // Before every time: the earliest one.
  best ??= points.reduce((earliest, point) => (point.seconds < earliest.seconds ? point : earliest));
  const span = best.turn !== undefined ? model.turns[best.turn] : model.paragraphs[best.paragraph];
  return { position: model.lines.positionAt(best.offset), range: model.lines.range(span.start, span.end) };
}

/** The timestamps after the media's end (a recording `duration` seconds long). */
export function timestampsPastEnd(results: DerivedResults, model: TranscriptModel, duration: number): TimestampMark[] {
  // Half a second of slack: a stamp rounded up from the last words is no error.
  return findTimestamps(results, model).filter((mark) => mark.seconds > duration + 0.5);
}
