import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { query, type DerivedResults } from '../derivedResults';
import { spanAt } from '../text/spans';
import type { FrontMatter, Label, Paragraph, Speaker, TopicTag, TranscriptModel, Turn } from '../model';
import { normaliseName } from '../parser/markers';

/**
 * What references, rename and semantic tokens work on: a speaker (named by a label or by the
 * front matter) or a topic tag, and where each is written.
 */
export type TranscriptSymbol =
  | { readonly kind: 'speaker'; readonly speaker: Speaker; readonly start: number; readonly end: number; readonly label?: Label; readonly entry?: YamlScalar }
  | { readonly kind: 'tag'; readonly tag: TopicTag }
  | { readonly kind: 'marker'; readonly label: Label };

/** A scalar of the front matter: offsets into `model.text`; `valueStart`/`valueEnd` leave out quotes. */
export interface YamlScalar {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly style: 'plain' | 'single' | 'double' | 'block';
}

/** A speaker entry of the front matter, as written. */
export interface FrontMatterSpeakerEntry {
  /** `normaliseName` of the declared name: the key into `model.speakers`. */
  readonly id: string;
  readonly name: YamlScalar;
  readonly aliases: readonly YamlScalar[];
}

/** Where the front matter declares each speaker: name and aliases, with their positions. */
export function frontMatterSpeakerEntries(results: DerivedResults, model: TranscriptModel): readonly FrontMatterSpeakerEntry[] {
  return model.frontMatter?.speakers.length ? results.get(SPEAKER_ENTRIES, model.frontMatter, model) : [];
}

/** Kept with the front matter, which every version after an edit below it shares (its positions hold). */
const SPEAKER_ENTRIES = query('front matter speaker entries', [], (_results, _frontMatter: FrontMatter, model: TranscriptModel) => readEntries(model));

function readEntries(model: TranscriptModel): FrontMatterSpeakerEntry[] {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.speakers.length) return [];
  const base = frontMatter.contentStart;
  const source = model.text.slice(base, frontMatter.contentEnd);
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  if (document.errors.length || !isMap(document.contents)) return [];
  const speakers = document.contents.get('speakers', true) as YamlNode | undefined;
  const entries: FrontMatterSpeakerEntry[] = [];
  const scalar = (node: unknown): YamlScalar | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const [start, valueEnd] = node.range;
    const raw = source.slice(start, valueEnd);
    const style = node.type === 'QUOTE_SINGLE' ? 'single' : node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'PLAIN' ? 'plain' : 'block';
    const quoted = style === 'single' || style === 'double';
    // Leading and trailing white space of a plain scalar is not part of its value.
    const inner = quoted ? [start + 1, valueEnd - 1] : [start + (raw.length - raw.trimStart().length), valueEnd - (raw.length - raw.trimEnd().length)];
    return { value: node.value.trim(), start: base + start, end: base + valueEnd, valueStart: base + inner[0], valueEnd: base + inner[1], style };
  };
  const aliasesOf = (node: unknown): YamlScalar[] => {
    if (isSeq(node)) return node.items.map(scalar).filter((s): s is YamlScalar => !!s);
    const single = scalar(node);
    return single ? [single] : [];
  };
  const add = (name: YamlScalar | undefined, aliases: YamlScalar[]) => {
    if (name && name.value) entries.push({ id: normaliseName(name.value), name, aliases });
  };
  if (isSeq(speakers)) {
    for (const item of speakers.items) {
      if (isMap(item)) add(scalar(item.get('name', true)), aliasesOf(item.get('aliases', true)));
      else add(scalar(item), []);
    }
  } else if (isMap(speakers)) {
    for (const pair of speakers.items) {
      add(scalar(pair.key), isMap(pair.value) ? aliasesOf(pair.value.get('aliases', true)) : []);
    }
  }
  return entries;
}

/** The speaker, topic tag or question marker at `offset`, if any. */
export function symbolAt(results: DerivedResults, model: TranscriptModel, offset: number): TranscriptSymbol | undefined {
  const frontMatter = model.frontMatter;
  if (frontMatter && offset >= frontMatter.contentStart && offset <= frontMatter.contentEnd) {
    for (const entry of frontMatterSpeakerEntries(results, model)) {
      const speaker = model.speakers.get(entry.id);
      if (!speaker) continue;
      for (const scalar of [entry.name, ...entry.aliases]) {
        if (offset >= scalar.valueStart && offset <= scalar.valueEnd) {
          return { kind: 'speaker', speaker, start: scalar.valueStart, end: scalar.valueEnd, entry: scalar };
        }
      }
    }
    return undefined;
  }
  const paragraph = paragraphAt(model, offset);
  if (!paragraph) return undefined;
  const tag = paragraph.tags.find((t) => offset >= t.start && offset <= t.end);
  if (tag) return { kind: 'tag', tag };
  const label = paragraph.label;
  if (!label || offset < label.start || offset > label.end) return undefined;
  if (label.kind !== 'speaker') return { kind: 'marker', label };
  // The turn this label opens, told by where its label is, not by identity: a paragraph read alone
  // (before the turns are put together) and a turn kept from before an edit further on hold other
  // objects for the same label.
  const turn = turnAt(model, offset);
  const speaker = turn?.label?.start === label.start && turn.speakerId ? model.speakers.get(turn.speakerId) : undefined;
  return speaker ? { kind: 'speaker', speaker, start: label.nameStart, end: label.nameEnd, label } : undefined;
}

/** Every label of a speaker, in document order. */
export function speakerLabels(model: TranscriptModel, speaker: Speaker): Label[] {
  return speaker.turns.map((index) => model.turns[index].label).filter((label): label is Label => !!label && label.kind === 'speaker');
}

/** Every occurrence of a topic tag (compared without case), in document order. */
export function tagOccurrences(model: TranscriptModel, name: string): TopicTag[] {
  return model.paragraphs.flatMap((p) => p.tags.filter((t) => t.name === name));
}

/**
 * The part of a label that is the speaker's name: for a long first-mention label
 * (`President of the Republic of Turkey Recep Tayyip Erdogan`) the words at its end that are the
 * name, else the whole name of the label (`Lavrov`, `MS. PSAKI`). Offsets into `model.text`.
 */
export function nameInLabel(model: TranscriptModel, label: Label, name: string): { start: number; end: number } {
  const at = nameSuffix(model.text.slice(label.nameStart, label.nameEnd), name);
  return { start: label.nameStart + Math.max(at, 0), end: label.nameEnd };
}

/** Where the words at the end of `written` that are `name` (compared as labels are) start; -1 if none. */
export function nameSuffix(written: string, name: string): number {
  const key = normaliseName(name);
  for (const word of written.matchAll(/(?:^|[\s\u00a0]+)(?=\S)/g)) {
    const at = word.index + word[0].length;
    if (normaliseName(written.slice(at)) === key) return at;
  }
  return -1;
}

export function paragraphAt(model: TranscriptModel, offset: number): Paragraph | undefined {
  return model.paragraphAt(offset);
}

/** The turn that contains `offset` (its first paragraph to its last). */
export function turnAt(model: TranscriptModel, offset: number): Turn | undefined {
  return spanAt(model.turns, offset);
}

/** The last turn that starts at or before `offset`. */
export function turnBefore(model: TranscriptModel, offset: number): Turn | undefined {
  const list = model.turns;
  let low = 0;
  let high = list.length - 1;
  let found: Turn | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].start <= offset) {
      found = list[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

