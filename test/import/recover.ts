// What an imported transcript says each cue was, read back through the transcript parser's model:
// the import keeps every cue's start, speaker and words recoverable (issue 17's round trip).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import type { TranscriptModel } from '../../server/src/service';
import { importTranscript, readImportSource, type ImportOptions } from '../../server/src/service/import';
import { parse, ROOT } from '../util/fixtures';

export interface RecoveredCue {
  readonly start?: number;
  readonly speaker?: string;
  readonly text: string;
}

/** Each timestamp of each turn's paragraphs opens a cue: its words run to the next timestamp or the paragraph's end. */
export function cuesOf(model: TranscriptModel): RecoveredCue[] {
  const cues: RecoveredCue[] = [];
  for (const turn of model.turns) {
    const speaker = turn.speakerId ? model.speakers.get(turn.speakerId)!.name : undefined;
    for (const index of turn.paragraphs) {
      const paragraph = model.paragraphs[index];
      const stamps = paragraph.annotations.filter((a) => a.kind === 'timestamp');
      stamps.forEach((stamp, i) => {
        const start = Math.max(stamp.end, paragraph.contentStart);
        const end = stamps[i + 1]?.start ?? paragraph.end;
        cues.push({ start: stamp.seconds, speaker, text: model.text.slice(start, end).trim() });
      });
    }
  }
  return cues;
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', name), 'utf8');
}

/**
 * Imports `text` and checks that the transcript parser reads back every cue the importer read:
 * its start to the millisecond, its speaker and its words. Returns the transcript's model.
 */
export function importAndCheck(text: string, options: ImportOptions): { text: string; model: TranscriptModel; cues: RecoveredCue[] } {
  const source = readImportSource(text, options)!;
  const written = importTranscript(text, options)!.text;
  const model = parse(written);
  const expected = source.cues.filter((cue) => cue.text).map((cue) => ({
    start: cue.start === undefined ? undefined : Math.round(cue.start * 1000) / 1000,
    speaker: cue.speaker,
    text: cue.text,
  }));
  const recovered = cuesOf(model).map((cue) => ({ ...cue, start: cue.start === undefined ? undefined : Math.round(cue.start * 1000) / 1000 }));
  assert.deepEqual(recovered, expected);
  return { text: written, model, cues: recovered };
}
