import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { TranscriptModel } from '../model';
import { normaliseName } from '../parser/markers';
import { probableSameSpeakers } from './diagnostics/speakerVariants';

/** An insertion or replacement at offsets of the front matter's YAML. */
interface YamlEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The one edit that makes `alias` a declared alias of `speaker` (see *Front matter* in
 * docs/FORMAT.md): added to the speaker's entry, or a new entry, or, where the front matter
 * declares no speakers, a `speakers:` list of this document's speakers. Those the parser is
 * unsure of are left out of that list, for their hints to stay. Undefined where the YAML is not
 * one this can edit safely (errors, a `speakers:` of another shape).
 */
export function declareAliasEdit(model: TranscriptModel, alias: string, speaker: string): TextEdit | undefined {
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  const frontMatter = model.frontMatter;
  if (!frontMatter) {
    const at = model.lines.positionAt(model.text.charCodeAt(0) === 0xfeff ? 1 : 0);
    return { range: { start: at, end: at }, newText: ['---', ...speakersBlock(model, alias, speaker, eol), '---', ''].join(eol) };
  }
  if (frontMatter.problems.length) return undefined;
  const source = model.text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  const document = parseDocument(source);
  const root = document.contents;
  if (root !== null && !isMap(root)) return undefined;
  const declared = root?.get('speakers', true);
  let edit: YamlEdit | undefined;
  if (declared === undefined && !root?.has('speakers')) {
    // A key of its own, at the end of the YAML.
    edit = { start: source.length, end: source.length, text: speakersBlock(model, alias, speaker, eol).join(eol) + eol };
  } else if (isSeq(declared)) {
    edit = inList(source, declared, alias, speaker, eol);
  } else if (isMap(declared)) {
    edit = inMap(source, declared, alias, speaker, eol);
  }
  if (!edit) return undefined;
  const range = model.lines.range(frontMatter.contentStart + edit.start, frontMatter.contentStart + edit.end);
  return { range, newText: edit.text };
}

/** `speakers:` and an entry for each speaker of the document, in the order they first speak. */
function speakersBlock(model: TranscriptModel, alias: string, speaker: string, eol: string): string[] {
  const unsure = new Set(probableSameSpeakers(model).map((p) => p.speaker.id));
  const target = normaliseName(speaker);
  const block = ['speakers:'];
  const inOrder = [...model.speakers.values()].filter((s) => s.turns.length && !unsure.has(s.id)).sort((a, b) => a.turns[0] - b.turns[0]);
  for (const s of inOrder) {
    block.push(s.id === target ? `  - name: ${yamlString(s.name)}${eol}    aliases: [${yamlString(alias)}]` : `  - ${yamlString(s.name)}`);
  }
  return block;
}

/** `speakers:` as a list of names or of `{ name, role, aliases }`. */
function inList(source: string, list: YAMLSeq, alias: string, speaker: string, eol: string): YamlEdit | undefined {
  const key = normaliseName(speaker);
  for (const item of list.items) {
    if (isScalar(item) && typeof item.value === 'string' && normaliseName(item.value) === key && item.range) {
      const [start, end] = item.range;
      return { start, end, text: `{ name: ${source.slice(start, end)}, aliases: [${yamlString(alias)}] }` };
    }
    if (isMap(item) && typeof item.get('name') === 'string' && normaliseName(item.get('name') as string) === key) return addAlias(source, item, alias, eol);
  }
  if (!list.range) return undefined;
  const entry = list.flow
    ? `{ name: ${yamlString(speaker)}, aliases: [${yamlString(alias)}] }`
    : `name: ${yamlString(speaker)}${eol}${' '.repeat(column(source, list.range[0]) + 2)}aliases: [${yamlString(alias)}]`;
  return appendItem(source, list, entry, eol);
}

/** `speakers:` as a map from name to `{ role, aliases }`. */
function inMap(source: string, map: YAMLMap, alias: string, speaker: string, eol: string): YamlEdit | undefined {
  const key = normaliseName(speaker);
  const pair = map.items.find((p) => isScalar(p.key) && typeof p.key.value === 'string' && normaliseName(p.key.value) === key);
  if (!pair) return appendPair(source, map, `${yamlString(speaker)}: { aliases: [${yamlString(alias)}] }`, eol);
  if (isMap(pair.value)) return addAlias(source, pair.value, alias, eol);
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    // `Sergey Lavrov:` with nothing after it: the details go after the colon.
    const colon = source.indexOf(':', (pair.key as Node).range![1]);
    return { start: colon + 1, end: colon + 1, text: ` { aliases: [${yamlString(alias)}] }` };
  }
  return undefined;
}

/** Adds to an entry's `aliases`, or gives it one. */
function addAlias(source: string, entry: YAMLMap, alias: string, eol: string): YamlEdit | undefined {
  const aliases = entry.get('aliases', true);
  if (aliases === undefined) return appendPair(source, entry, `aliases: [${yamlString(alias)}]`, eol);
  if (isSeq(aliases)) return appendItem(source, aliases, yamlString(alias), eol);
  if (isScalar(aliases) && typeof aliases.value === 'string' && aliases.range) {
    const [start, end] = aliases.range;
    return { start, end, text: `[${source.slice(start, end)}, ${yamlString(alias)}]` };
  }
  return undefined;
}

function appendItem(source: string, list: YAMLSeq, item: string, eol: string): YamlEdit | undefined {
  if (!list.range) return undefined;
  if (list.flow) return afterLast(list.items as Node[], list.range, item);
  const at = lineEnd(source, last(list.items as Node[])!.range![1]);
  return { start: at, end: at, text: `${eol}${' '.repeat(column(source, list.range[0]))}- ${item}` };
}

function appendPair(source: string, map: YAMLMap, pair: string, eol: string): YamlEdit | undefined {
  if (!map.range) return undefined;
  const ends = map.items.map((p: Pair) => ((p.value as Node | null)?.range ?? (p.key as Node).range)!);
  if (map.flow) return afterLast(ends.map((range) => ({ range })), map.range, pair);
  const at = lineEnd(source, last(ends)![1]);
  return { start: at, end: at, text: `${eol}${' '.repeat(column(source, map.range[0]))}${pair}` };
}

/** In a flow collection, `, text` after its last element, or `text` inside the empty brackets. */
function afterLast(items: readonly { range?: [number, number, number] | null }[], range: [number, number, number], text: string): YamlEdit {
  const lastItem = last(items);
  if (!lastItem?.range) return { start: range[0] + 1, end: range[0] + 1, text };
  return { start: lastItem.range[1], end: lastItem.range[1], text: `, ${text}` };
}

/** The end of the line that holds the character before `offset` (a block node's end may be past its newline). */
function lineEnd(source: string, offset: number): number {
  let at = Math.max(0, offset - 1);
  while (at < source.length && source[at] !== '\n' && source[at] !== '\r') at++;
  return at;
}

function column(source: string, offset: number): number {
  return offset - (Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1);
}

function last<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

/** A name as YAML reads it back: plain where it can be, else double-quoted (JSON's quoting is YAML's). */
function yamlString(name: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’-]*$/u.test(name) && !/\s$/.test(name) ? name : JSON.stringify(name);
}
