import { countWordsUpTo } from '../text/words';
import { piecesText, type ExportDocument, type ExportTurn, type Piece } from './document';
import { DEFAULT_WORDS_PER_MINUTE, ExportError, type ExportOptions } from './options';

/**
 * A stretch of one turn between two points in time: a paragraph's start or an inline timestamp.
 * Subtitles and tables are cut at these, so that every timestamp of the transcript starts a cue.
 */
export interface TimedSegment {
  readonly turn: ExportTurn;
  /** Index into the turn's paragraphs. */
  readonly paragraph: number;
  /** Its words, annotations included as written, timestamps left out. */
  readonly text: string;
  /** Milliseconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  /** Read from a timestamp, not interpolated or estimated. */
  readonly stamped: boolean;
}

export interface Timing {
  readonly segments: readonly TimedSegment[];
  /** No timestamp was used: every time is estimated from the words. */
  readonly estimated: boolean;
  /** No times at all (none asked for where the transcript has none): every start and end is 0. */
  readonly untimed: boolean;
  readonly wordsPerMinute: number;
  /** Timestamps earlier than one before them, left out to keep the times in order. */
  readonly backwards: number;
}

interface RawSegment {
  turn: ExportTurn;
  paragraph: number;
  pieces: Piece[];
  stamp?: number;
}

/**
 * Times every segment: a timestamp gives its segment's start; the segments between two
 * timestamps share the time between them by their words; before the first and after the last,
 * and everywhere when `estimate` is asked for a transcript without timestamps, times follow from
 * the words at `wordsPerMinute`. Without any timestamp and without `estimate`, an ExportError.
 */
export function timeSegments(document: ExportDocument, options: ExportOptions, timesRequired = true): Timing {
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  const raw = rawSegments(document.turns);
  const texts = raw.map((s) => piecesText(s.pieces));
  const durations = texts.map((text) => (text ? (Math.max(1, countWordsUpTo(text, Infinity)) * 60_000) / wordsPerMinute : 0));
  // Known starts, in order: a stamp earlier than the last one kept is a typo or a restart, not a time.
  const known: (number | undefined)[] = [];
  let last = -Infinity;
  let backwards = 0;
  for (const segment of raw) {
    const ms = segment.stamp === undefined ? undefined : Math.round(segment.stamp * 1000);
    if (ms !== undefined && ms < last) backwards++;
    const usable = ms !== undefined && ms >= last ? ms : undefined;
    if (usable !== undefined) last = usable;
    known.push(usable);
  }
  const anyKnown = known.some((t) => t !== undefined);
  const untimed = !anyKnown && !options.estimate;
  if (untimed && !timesRequired) {
    const segments = raw.map((segment, i) => ({ turn: segment.turn, paragraph: segment.paragraph, text: texts[i], start: 0, end: 0, stamped: false }));
    return { segments, estimated: false, untimed, wordsPerMinute, backwards };
  }
  if (untimed && raw.length) {
    throw new ExportError(
      options.timestamps === false
        ? `subtitles need times: without the transcript's timestamps, estimate them at ${wordsPerMinute} words a minute (--estimate)`
        : 'this transcript has no timestamps ([00:01:02]) to time the cues by; '
          + `add them, or estimate the times at ${wordsPerMinute} words a minute (--estimate)`,
    );
  }
  const starts = fillStarts(known, durations);
  const segments: TimedSegment[] = raw.map((segment, i) => {
    const start = Math.round(starts[i]);
    const end = i + 1 < raw.length ? Math.round(starts[i + 1]) : Math.round(starts[i] + durations[i]);
    return { turn: segment.turn, paragraph: segment.paragraph, text: texts[i], start, end: Math.max(start, end), stamped: known[i] !== undefined };
  });
  return { segments, estimated: !anyKnown, untimed: false, wordsPerMinute, backwards };
}

/** A new segment at every paragraph and at every timestamp; a timestamp before any words times its segment. */
function rawSegments(turns: readonly ExportTurn[]): RawSegment[] {
  const segments: RawSegment[] = [];
  for (const turn of turns) {
    turn.paragraphs.forEach((paragraph, index) => {
      let current: RawSegment = { turn, paragraph: index, pieces: [] };
      segments.push(current);
      for (const piece of paragraph.pieces) {
        if (piece.kind !== 'timestamp') {
          current.pieces.push(piece);
          continue;
        }
        if (current.stamp === undefined && !current.pieces.some((p) => p.kind === 'text' && p.text.trim())) {
          current.stamp = piece.seconds;
        } else {
          current = { turn, paragraph: index, pieces: [], stamp: piece.seconds };
          segments.push(current);
        }
      }
    });
  }
  return segments;
}

/**
 * Starts for every segment from the known ones: between two known starts in proportion to the
 * segments' durations; before the first, back from it at the speaking rate (squeezed to start at
 * 0 if need be); after the last, on at the speaking rate.
 */
function fillStarts(known: readonly (number | undefined)[], durations: readonly number[]): number[] {
  const starts = new Array<number>(known.length);
  const knownAt: number[] = [];
  known.forEach((t, i) => {
    if (t !== undefined) knownAt.push(i);
  });
  if (knownAt.length === 0) {
    let t = 0;
    for (let i = 0; i < known.length; i++) {
      starts[i] = t;
      t += durations[i];
    }
    return starts;
  }
  const first = knownAt[0];
  let before = 0;
  for (let i = 0; i < first; i++) before += durations[i];
  const scale = before > known[first]! ? known[first]! / before : 1;
  let t = known[first]! - before * scale;
  for (let i = 0; i < first; i++) {
    starts[i] = t;
    t += durations[i] * scale;
  }
  for (let k = 0; k < knownAt.length; k++) {
    const from = knownAt[k];
    const to = k + 1 < knownAt.length ? knownAt[k + 1] : known.length;
    starts[from] = known[from]!;
    if (to === known.length) {
      for (let i = from + 1; i < to; i++) starts[i] = starts[i - 1] + durations[i - 1];
      continue;
    }
    let total = 0;
    for (let i = from; i < to; i++) total += durations[i];
    const span = known[to]! - known[from]!;
    for (let i = from + 1; i < to; i++) starts[i] = starts[i - 1] + (total ? (durations[i - 1] / total) * span : 0);
  }
  return starts;
}
