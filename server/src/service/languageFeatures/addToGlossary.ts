import { CodeActionKind, type CodeAction, type Position, type TextDocumentEdit, type CreateFile } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { LineIndex } from '../text/lineIndex';

import { SHOW_GLOSSARY_ENTRY } from '../glossary/fileNames';

/** What the transcript tells about a name that has no card. */
export interface NameToAdd {
  readonly acronym?: string;
  /** The full name, where the transcript gives it (a definition, or the name itself). */
  readonly fullName?: string;
}

/** The workspace glossary file a quick fix writes to: its URI, and its text if it exists. */
export interface GlossaryTarget {
  readonly uri: string;
  readonly text?: string;
}

/**
 * "Add to the workspace glossary": a stub entry at the end of the file's organisations, with what
 * the transcript tells, the file created if missing; then the command that puts the cursor on
 * the first field left to fill. Disabled, with the reason, where the file could not take it as it is.
 */
export function addToGlossaryAction(name: NameToAdd, target: GlossaryTarget): CodeAction {
  const shown = name.acronym ?? name.fullName ?? '';
  const title = `Add ${shown} to the workspace glossary`;
  const base: CodeAction = { title, kind: CodeActionKind.QuickFix };
  const eol = target.text?.includes('\r\n') ? '\r\n' : '\n';
  const place = target.text === undefined ? { offset: 0, indent: '  ', header: `organisations:${eol}`, lead: '' } : insertionPoint(target.text, eol);
  if ('reason' in place) return { ...base, disabled: { reason: place.reason } };
  const lines = stubLines(name);
  const text = `${place.lead}${place.header}${lines.map((line, i) => `${place.indent}${i ? '  ' : '- '}${line}`).join(eol)}${eol}`;
  // The cursor goes after the first field with no value.
  const before = target.text ?? '';
  const index = new LineIndex(before.slice(0, place.offset) + text + before.slice(place.offset));
  const gap = text.indexOf(`: ${eol}`);
  const cursor: Position = index.positionAt(place.offset + gap + 2);
  const insertAt = new LineIndex(before).positionAt(place.offset);
  const edit: TextDocumentEdit = { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: insertAt, end: insertAt }, newText: text }] };
  const create: CreateFile[] = target.text === undefined ? [{ kind: 'create', uri: target.uri, options: { ignoreIfExists: true } }] : [];
  return {
    ...base,
    edit: { documentChanges: [...create, edit] },
    command: { title: 'Complete the glossary entry', command: SHOW_GLOSSARY_ENTRY, arguments: [target.uri, cursor] },
  };
}

/** The entry's lines: what the transcript tells, then the first field to complete, left empty. */
function stubLines(name: NameToAdd): string[] {
  const lines: string[] = [];
  if (name.acronym) lines.push(`acronyms: [${scalar(name.acronym)}]`);
  if (name.fullName) {
    if (!name.acronym) lines.push(`names: [${scalar(name.fullName)}]`);
    lines.push(`fullName: ${scalar(name.fullName)}`, 'description: ');
  } else lines.push('fullName: ');
  return lines;
}

/** A plain YAML scalar where it may be one, else a quoted one. */
function scalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .'’&()-]*$/u.test(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}

/**
 * Where a new entry goes in an existing file: after the last entry of `organisations:` (or of the
 * top-level list), indented as its entries are.
 */
function insertionPoint(text: string, eol: string): { offset: number; indent: string; header: string; lead: string } | { reason: string } {
  if (!text.trim()) return { offset: text.length, indent: '  ', header: `organisations:${eol}`, lead: '' };
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length) return { reason: 'The workspace glossary file has errors: fix them first.' };
  const contents = document.contents as YamlNode | null;
  let list: YamlNode | null | undefined;
  let key: YamlNode | undefined;
  if (isSeq(contents)) list = contents;
  else if (isMap(contents)) {
    const pair = (contents.items as Pair<YamlNode, YamlNode | null>[]).find((p) => isScalar(p.key) && p.key.value === 'organisations');
    if (!pair) return { reason: 'The workspace glossary file has no `organisations:` list.' };
    list = pair.value;
    key = pair.key;
  } else return { reason: 'The workspace glossary file is not a glossary: a mapping with `organisations:`, or a list.' };
  // `organisations:` with nothing after it yet.
  if ((!list || (isScalar(list) && list.value === null)) && key?.range) {
    const lineEnd = endOfLine(text, key.range[1]);
    return { offset: lineEnd, indent: ' '.repeat(column(text, key.range[0]) + 2), header: '', lead: lead(text, lineEnd, eol) };
  }
  if (!isSeq(list) || list.flow) {
    return { reason: 'The workspace glossary’s organisations are not a block list (`- fullName: …` entries): add the entry by hand.' };
  }
  const items = list.items as YamlNode[];
  const first = items[0]?.range;
  const indent = first ? ' '.repeat(Math.max(0, column(text, first[0]) - 2)) : '  ';
  let end = list.range![1];
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const lineEnd = endOfLine(text, end);
  return { offset: lineEnd, indent, header: '', lead: lead(text, lineEnd, eol) };
}

/** A line break before the entry where the file's last line has none. */
function lead(text: string, offset: number, eol: string): string {
  return offset === text.length && !text.endsWith('\n') ? eol : '';
}

/** The offset of the end of the line that holds `offset`, past its line break. */
function endOfLine(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next < 0 ? text.length : next + 1;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
