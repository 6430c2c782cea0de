import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, type TranscriptModel } from '../../server/src/service';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Joins lines into a fixture, the way the markdown language service's tests do. */
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Splits a fixture at its `|` cursor mark: the text without it and the cursor's offset. */
export function cursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0 || text.indexOf('|', offset + 1) >= 0) throw new Error('a fixture needs exactly one | cursor mark');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

export function corpusFile(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', name), 'utf8');
}

export function document(text: string, uri = 'file:///test.transcript') {
  return { uri, version: 1, getText: () => text };
}

export function parse(text: string): TranscriptModel {
  return createLanguageService().getModel(document(text));
}

/** `[speaker or marker, role]` for each turn: the shape most assertions compare. */
export function turnsOf(model: TranscriptModel): [string, string][] {
  return model.turns.map((turn) => [
    turn.speakerId ? model.speakers.get(turn.speakerId)!.name : turn.label?.name ?? '-',
    turn.role,
  ]);
}
