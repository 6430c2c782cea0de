import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { firstJsonSyntaxError } from '../text/jsonSyntax';
import type { CancellationToken } from '../types';
import { ImportError, lineAndColumn, oneLine, type Cue } from './source';

/** The file's JSON value; a syntax error as an ImportError at its place. */
export function parseJsonSource(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    // Only a broken file is read twice: jsonc-parser says where, JSON.parse is the fast path.
    const syntax = firstJsonSyntaxError(source);
    const { line, column } = lineAndColumn(source, syntax?.start ?? 0);
    throw new ImportError(syntax?.message ?? `Not valid JSON: ${(error as Error).message}`, line, column);
  }
}

/** A value of the wrong shape, reported at the place of `path` in the file (or of its nearest parent there). */
export function shapeError(text: string, path: readonly (string | number)[], message: string): ImportError {
  const source = text.replace(/^\uFEFF/, '');
  const root = parseTree(source);
  let offset = 0;
  for (let depth = path.length; root && depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
    if (node) {
      offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      break;
    }
  }
  const { line, column } = lineAndColumn(source, offset);
  return new ImportError(message, line, column);
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The names a JSON format gives a segment's fields, and what its segments are, for messages. */
export interface SegmentFields {
  readonly start: string;
  readonly end: string;
  readonly text: string;
  /** `a list of { start, end, text } (Whisper or WhisperX JSON)`. */
  readonly expected: string;
}

/**
 * The cues of `json.segments`, each checked: an object with a time in seconds at `fields.start`,
 * words at `fields.text`, and where present a time at `fields.end` and a `speaker` string (else
 * `speakerOf` the segment). A segment of the wrong shape is an ImportError at its place.
 * Undefined when cancelled.
 */
export function readSegments(
  text: string, json: unknown, fields: SegmentFields, token: CancellationToken, speakerOf?: (segment: Record<string, unknown>) => string | undefined,
): Cue[] | undefined {
  const segments = isRecord(json) ? json.segments : undefined;
  if (!Array.isArray(segments)) throw shapeError(text, ['segments'], `Expected \`segments\`, ${fields.expected}.`);
  const cues: Cue[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (i % 4096 === 0 && token.isCancellationRequested) return undefined;
    const segment: unknown = segments[i];
    const wrong = (field: string | undefined, message: string) =>
      shapeError(text, field ? ['segments', i, field] : ['segments', i], `Segment ${i + 1}${message.startsWith(':') ? '' : ' '}${message}.`);
    if (!isRecord(segment)) throw wrong(undefined, 'is not an object');
    const start = segment[fields.start];
    const end = segment[fields.end];
    const words = segment[fields.text];
    const speaker = segment.speaker;
    if (!isTime(start)) throw wrong(fields.start, `has no \`${fields.start}\` time in seconds`);
    if (end !== undefined && end !== null && !isTime(end)) throw wrong(fields.end, `: \`${fields.end}\` is not a time in seconds`);
    if (typeof words !== 'string') throw wrong(fields.text, `has no \`${fields.text}\``);
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') throw wrong('speaker', ': `speaker` is not a string');
    cues.push({ start, end: isTime(end) ? end : undefined, speaker: speaker || speakerOf?.(segment), text: oneLine(words) });
  }
  return cues;
}
