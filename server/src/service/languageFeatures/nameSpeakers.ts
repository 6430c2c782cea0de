import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { Speaker, TranscriptModel } from '../model';
import { isGenericName, normaliseName } from '../parser/markers';

export { isGenericName };
import type { CancellationToken } from '../types';
import { RenameError, renameSpeaker } from './rename';
import { nameInLabel, speakerLabels } from './symbolAt';

/** The command a client runs to ask for the names: `transcript.nameSpeakers` with the document's URI and a speaker's id. */
export const NAME_SPEAKERS_COMMAND = 'transcript.nameSpeakers';

export interface GenericSpeaker {
  readonly id: string;
  readonly name: string;
  readonly turns: number;
  /** The opening words of their first turns (at most three), timestamps left out. */
  readonly firstLines: readonly string[];
  /** The name in their first label. */
  readonly range: Range;
}

/** The speakers with a generic name, in the order they first speak. */
export function provideGenericSpeakers(model: TranscriptModel, token: CancellationToken): GenericSpeaker[] {
  const speakers: GenericSpeaker[] = [];
  for (const speaker of model.speakers.values()) {
    if (token.isCancellationRequested) return [];
    const labels = speakerLabels(model, speaker);
    if (!isGenericName(speaker.name) || labels.length === 0) continue;
    const { start, end } = nameInLabel(model, labels[0], speaker.name);
    const firstLines = speaker.turns.slice(0, 3).map((index) => openingWords(model, model.turns[index].paragraphs[0]));
    speakers.push({ id: speaker.id, name: speaker.name, turns: speaker.turns.length, firstLines, range: model.lines.range(start, end) });
  }
  return speakers.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * One edit that gives each speaker of `names` (by id) its new name, with exactly the edits a
 * rename makes (every label, the front matter entry); an empty name keeps the speaker's.
 * Throws a RenameError when a name would not work, or when two speakers would get one name.
 */
export function provideNameSpeakers(
  results: DerivedResults, model: TranscriptModel, names: Readonly<Record<string, string>>, token: CancellationToken,
): WorkspaceEdit | null {
  const edits: TextEdit[] = [];
  const given = new Map<string, string>();
  for (const [id, raw] of Object.entries(names)) {
    if (token.isCancellationRequested) return null;
    const name = raw.trim();
    const speaker: Speaker | undefined = model.speakers.get(id);
    if (!name || !speaker || name === speaker.name) continue;
    const other = given.get(normaliseName(name));
    if (other) throw new RenameError(`‘${name}’ is given to both ${other} and ${speaker.name}: one name, one speaker.`);
    given.set(normaliseName(name), speaker.name);
    edits.push(...renameSpeaker(results, model, speaker, name));
  }
  return { changes: { [model.uri]: edits } };
}

/** On a generic label (or the time before it): a refactoring that asks for the names (the client's Name Speakers, for that speaker first). */
export function provideNameSpeakerActions(model: TranscriptModel, range: Range, token: CancellationToken): CodeAction[] {
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  for (const speaker of model.speakers.values()) {
    if (token.isCancellationRequested) return [];
    if (!isGenericName(speaker.name)) continue;
    // From the line's start: the time before a label (`[00:00:01] SPEAKER_00:`) is part of it for the cursor.
    const label = speakerLabels(model, speaker).find((l) => model.lines.lineStarts[model.lines.lineAt(l.start)] <= end && start <= l.end);
    if (!label) continue;
    const title = `Name ${speaker.name} and the other generic speakers…`;
    return [{ title, kind: CodeActionKind.RefactorRewrite, command: { title, command: NAME_SPEAKERS_COMMAND, arguments: [model.uri, speaker.id] } }];
  }
  return [];
}

/** A paragraph's first words, at most 80 characters, without its label and timestamps. */
function openingWords(model: TranscriptModel, paragraphIndex: number | undefined): string {
  if (paragraphIndex === undefined) return '';
  const paragraph = model.paragraphs[paragraphIndex];
  let text = '';
  let at = paragraph.contentStart;
  for (const annotation of paragraph.annotations) {
    if (annotation.kind !== 'timestamp' || annotation.end <= at) continue;
    text += model.text.slice(at, annotation.start);
    at = annotation.end;
  }
  text = (text + model.text.slice(at, paragraph.end)).replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79).replace(/\s\S*$/, '')}…` : text;
}
