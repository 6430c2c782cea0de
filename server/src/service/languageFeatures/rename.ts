import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { Speaker, TranscriptModel } from '../model';
import { detectLabel } from '../parser/labels';
import { ANSWER_MARKERS, QUESTION_MARKERS, REMARK_MARKERS, isGenericName, markersFor, normaliseName } from '../parser/markers';
import type { CancellationToken } from '../types';
import {
  frontMatterSpeakerEntries, nameInLabel, nameSuffix, speakerLabels, symbolAt, tagOccurrences, type TranscriptSymbol, type YamlScalar,
} from './symbolAt';

/** A rename that cannot be done; the message says why, for the editor to show. */
export class RenameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenameError';
  }
}

const TAG_NAME = /^\p{L}[\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*$/u;
const NOT_RENAMEABLE = 'Only a speaker (a label, or a name in the front matter) or a topic tag can be renamed.';

/**
 * What would be renamed at `position`: the range the editor selects and the current name. Throws
 * a RenameError on anything else.
 */
export function prepareRename(
  results: DerivedResults, model: TranscriptModel, position: Position, token: CancellationToken,
): { range: Range; placeholder: string } | null {
  const symbol = renameable(results, model, position);
  if (token.isCancellationRequested) return null;
  if (symbol.kind === 'tag') {
    return { range: model.lines.range(symbol.tag.start + 1, symbol.tag.end), placeholder: model.text.slice(symbol.tag.start + 1, symbol.tag.end) };
  }
  const { start, end } = symbol.label ? nameInLabel(model, symbol.label, symbol.speaker.name) : symbol;
  return { range: model.lines.range(start, end), placeholder: symbol.speaker.name };
}

/**
 * Renames a speaker or a topic tag in the document. A speaker: the name part of each of their
 * labels (a long label's role and every qualifier stay; a label in capitals stays in capitals),
 * and in the front matter the declared name and an alias equal to the old name. A tag: every
 * occurrence. Throws a RenameError when the new name would not work.
 */
export function provideRename(
  results: DerivedResults, model: TranscriptModel, position: Position, newName: string, token: CancellationToken,
): WorkspaceEdit | null {
  const symbol = renameable(results, model, position);
  if (token.isCancellationRequested) return null;
  const edits = symbol.kind === 'tag' ? renameTag(model, symbol.tag.name, newName) : renameSpeaker(results, model, symbol.speaker, newName);
  return { changes: { [model.uri]: edits } };
}

function renameable(results: DerivedResults, model: TranscriptModel, position: Position): Exclude<TranscriptSymbol, { kind: 'marker' }> {
  const symbol = symbolAt(results, model, model.lines.offsetAt(position));
  if (symbol?.kind === 'marker') throw new RenameError(`\`${symbol.label.name}\` is a question or answer marker, not a speaker: it cannot be renamed.`);
  if (!symbol) throw new RenameError(NOT_RENAMEABLE);
  return symbol;
}

function renameTag(model: TranscriptModel, name: string, newName: string): TextEdit[] {
  const tag = newName.trim().replace(/^#/, '');
  if (!TAG_NAME.test(tag)) {
    throw new RenameError(`‘${newName}’ is not a valid tag name: `
      + 'a tag starts with a letter, followed by letters, digits, `_` and inner hyphens (`#north-south-corridor`).');
  }
  return tagOccurrences(model, name).map((t) => ({ range: model.lines.range(t.start + 1, t.end), newText: tag }));
}

/** The edits that rename `speaker` (see provideRename); throws a RenameError when `newName` would not work. */
export function renameSpeaker(results: DerivedResults, model: TranscriptModel, speaker: Speaker, newName: string): TextEdit[] {
  const name = newName.trim().replace(/[\s\u00a0]+/g, ' ');
  validateSpeakerName(model, speaker, newName, name);
  const edits: TextEdit[] = [];
  const edit = (start: number, end: number, text: string) => edits.push({ range: model.lines.range(start, end), newText: text });

  const entry = frontMatterSpeakerEntries(results, model).find((e) => e.id === speaker.id);
  if (entry) {
    edit(entry.name.start, entry.name.end, yamlScalar(entry.name, name));
    // An alias that is the old name, or ends with it as a label does (`Foreign Minister Sergey Lavrov`).
    for (const alias of entry.aliases) {
      const at = nameSuffix(alias.value, entry.name.value);
      if (at >= 0) edit(alias.start, alias.end, yamlScalar(alias, alias.value.slice(0, at) + name));
    }
  }
  for (const label of speakerLabels(model, speaker)) {
    const { start, end } = nameInLabel(model, label, speaker.name);
    const written = model.text.slice(start, end);
    // `MS. PSAKI` stays in capitals: the transcript's labels keep their style (`SPEAKER_00` is no style).
    const capitals = /\p{Lu}/u.test(written) && !/\p{Ll}/u.test(written) && !isGenericName(written);
    edit(start, end, capitals ? name.toLocaleUpperCase(model.language) : name);
  }
  return edits;
}

function validateSpeakerName(model: TranscriptModel, speaker: Speaker, newName: string, name: string): void {
  if (!name) throw new RenameError('A speaker’s name cannot be empty.');
  if (/[\r\n]/.test(newName)) throw new RenameError('A speaker’s name must be on one line.');
  if (/[:：]/.test(name)) throw new RenameError(`‘${name}’ contains a colon: the label would end there.`);
  if (/[()[\]]/.test(name)) throw new RenameError(`‘${name}’ contains brackets: they would be read as qualifiers of the label, not as the name.`);
  const key = normaliseName(name);
  for (const other of model.speakers.values()) {
    if (other.id === speaker.id) continue;
    if ([other.id, other.name, ...other.aliases].some((n) => normaliseName(n) === key)) {
      throw new RenameError(`‘${name}’ is already the name of another speaker: renaming would merge two speakers.`);
    }
  }
  const context = {
    questionMarkers: markersFor(QUESTION_MARKERS, model.language, model.frontMatter?.questionMarkers ?? []),
    answerMarkers: markersFor(ANSWER_MARKERS, model.language),
    remarkMarkers: markersFor(REMARK_MARKERS, model.language),
    declaredSpeakers: new Set(speaker.declared ? [key] : []),
  };
  const label = detectLabel(`${name}: Words.`, context);
  if (label && label.kind !== 'speaker') throw new RenameError(`‘${name}’ is a question or answer marker, not a speaker’s name.`);
  if (!label || normaliseName(label.name) !== key) {
    throw new RenameError(`‘${name}’ would not be read as a speaker label: a name starts and ends with a capitalised word. `
      + 'Declare it in the front matter under `speakers:` to use it anyway.');
  }
  if (label.weak && speakerLabels(model, speaker).length < 2) {
    throw new RenameError(`‘${name}’ is a single word, which is a label only where the transcript uses it twice or declares it: `
      + 'declare it in the front matter under `speakers:`.');
  }
}

/** The new name written as the old scalar was (plain, quoted), quoted if plain YAML cannot hold it. */
function yamlScalar(old: YamlScalar, value: string): string {
  if (old.style === 'single') return `'${value.replace(/'/g, "''")}'`;
  // Plain only where YAML reads it back as this string, in a block or in a flow list (`[a, b]`).
  const plainSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/[,[\]{}]|: |\s#|\s$/.test(value)
    && !/^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d.eE+-]*)$/i.test(value);
  if (old.style === 'plain' && plainSafe) return value;
  return JSON.stringify(value);
}
