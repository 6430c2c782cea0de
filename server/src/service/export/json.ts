import { piecesText, type ExportDocument } from './document';
import type { ExportOptions } from './options';
import { timingNotes } from './subtitles';
import { timeSegments, type TimedSegment } from './timing';

/** The version of the shape docs/export.schema.json describes. */
export const JSON_EXPORT_VERSION = 1;

/**
 * The transcript's model as data (docs/export.schema.json): speakers, sections, turns with their
 * paragraphs and timed segments, questions, timestamps and annotations. Times are in seconds.
 */
export function toJson(document: ExportDocument, options: ExportOptions): { text: string; notes: string[] } {
  const timing = timeSegments(document, options, false);
  const timed = !timing.untimed;
  const seconds = (ms: number) => ms / 1000;
  const segmentsOf = new Map<number, TimedSegment[]>();
  for (const segment of timing.segments) {
    const list = segmentsOf.get(segment.turn.index);
    if (list) list.push(segment);
    else segmentsOf.set(segment.turn.index, [segment]);
  }
  const kept = document.turns.filter((t) => t.kept);
  const keptIndex = new Set(kept.map((t) => t.index));
  const turns = kept.map((turn) => {
    const segments = segmentsOf.get(turn.index) ?? [];
    const timedSegments = segments.filter((s) => s.text);
    return {
      index: turn.index,
      speaker: turn.speakerId ?? null,
      name: turn.speaker ?? null,
      role: turn.role,
      ...(turn.question === undefined ? {} : { question: turn.question }),
      ...(turn.answers === undefined ? {} : { answers: turn.answers }),
      ...(turn.section === undefined ? {} : { section: turn.section }),
      line: turn.line,
      ...(timed && timedSegments.length ? { start: seconds(timedSegments[0].start), end: seconds(timedSegments[timedSegments.length - 1].end) } : {}),
      paragraphs: turn.paragraphs.map((paragraph, p) => ({
        text: piecesText(paragraph.pieces),
        ...(paragraph.stage ? { stage: true } : {}),
        ...(timed
          ? {
            segments: segments.filter((s) => s.paragraph === p && s.text)
              .map((s) => ({ start: seconds(s.start), end: seconds(s.end), text: s.text, stamped: s.stamped })),
          }
          : {}),
      })),
    };
  });
  const pieces = kept.flatMap((turn) => turn.paragraphs.flatMap((p) => p.pieces.map((piece) => ({ turn: turn.index, piece }))));
  const json = {
    version: JSON_EXPORT_VERSION,
    title: document.title ?? null,
    language: document.language,
    frontMatter: document.frontMatter ?? null,
    timesEstimated: timing.estimated,
    speakers: document.speakers.map((s) => ({ id: s.id, name: s.name, ...(s.role ? { role: s.role } : {}), aliases: s.aliases, declared: s.declared })),
    sections: document.sections,
    turns,
    questions: document.questions
      .filter((q) => keptIndex.has(q.turn))
      .map((q) => ({
        number: q.number,
        turn: q.turn,
        answerTurns: q.answerTurns.filter((t) => keptIndex.has(t)),
        ...(q.questioner ? { questioner: q.questioner } : {}),
        text: q.openingWords,
      })),
    timestamps: pieces.flatMap(({ turn, piece }) => (piece.kind === 'timestamp' ? [{ turn, text: piece.text, seconds: piece.seconds }] : [])),
    annotations: pieces.flatMap(({ turn, piece }) => (piece.kind === 'annotation' ? [{ turn, kind: piece.annotation, text: piece.text }] : [])),
  };
  return { text: `${JSON.stringify(json, null, 2)}\n`, notes: timingNotes(timing) };
}
