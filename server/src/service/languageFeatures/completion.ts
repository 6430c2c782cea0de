import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { Label, TranscriptModel, Turn } from '../model';
import { QUESTION_MARKERS } from '../parser/markers';
import type { CancellationToken } from '../types';
import { turnBefore } from './symbolAt';

/** How often a tag is used in the other transcripts of the workspace. */
export interface WorkspaceTagCount {
  /** Occurrences. */
  readonly count: number;
  /** Transcripts that use it. */
  readonly documents: number;
}

export interface CompletionOptions {
  /** Tags of the other transcripts (open or indexed), by name (lower case, without `#`); asked for only after `#`. */
  readonly workspaceTags?: () => ReadonlyMap<string, WorkspaceTagCount>;
}

/** The annotations every transcript may use, after `[`. */
const ANNOTATIONS: readonly { text: string; detail: string }[] = [
  { text: 'inaudible', detail: 'words that could not be heard' },
  { text: 'crosstalk', detail: 'several people speak at once' },
  { text: 'sic', detail: 'so said or written' },
  { text: '…', detail: 'truncation: words are missing here' },
];

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
/** The first word (or first capitalised words) of a line: `Serg`, `Sergey La`, `@Germ`. */
const LINE_START = /^([\s\u00a0]*)(@?)((?:\p{Lu}[\p{L}\p{M}.'’\-]*[ \u00a0])*[\p{L}\p{M}.'’\-]*)$/u;
const TAG_BEFORE = /(?<![\p{L}\p{N}_/&#])#([\p{L}\p{N}_-]*)$/u;
const BRACKET_BEFORE = /\[([^[\]\r\n]{0,40})$/;

/**
 * Completion at the start of a paragraph (speaker labels and the question marker, in the order an
 * interview runs), after `#` (topic tags of this transcript and of the workspace) and after `[`
 * (annotations and a timestamp). Every item replaces what was typed with an exact text edit.
 */
export function provideCompletion(model: TranscriptModel, position: Position, options: CompletionOptions, token: CancellationToken): CompletionList {
  const { lines, text } = model;
  const offset = lines.offsetAt(position);
  const frontMatter = model.frontMatter;
  if (token.isCancellationRequested || (frontMatter && offset >= frontMatter.start && offset <= frontMatter.end)) return EMPTY;
  if (model.comments.some((c) => offset > c.start && offset < c.end)) return EMPTY;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStarts[line];
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lines.lineEnd(line));

  const bracket = BRACKET_BEFORE.exec(before);
  if (bracket) {
    const closing = /^[^[\]\r\n]{0,40}\]/.exec(after);
    return annotationItems(model, offset, range(model, offset - bracket[0].length, offset + (closing ? closing[0].length : 0)));
  }
  const tag = TAG_BEFORE.exec(before);
  if (tag) {
    const rest = /^[\p{L}\p{N}_-]*/u.exec(after)![0];
    return tagItems(model, offset, options, range(model, offset - tag[0].length, offset + rest.length));
  }
  const start = LINE_START.exec(before);
  if (start && atParagraphStart(model, line, offset)) {
    const from = lineStart + start[1].length + start[2].length;
    const rest = start[3].includes(' ') || start[3].includes('\u00a0') ? '' : /^[\p{L}\p{M}.'’\-]*/u.exec(after)![0];
    if (/^[^\s\u00a0:]*:/.test(after)) return EMPTY;
    // Typing the first word of a paragraph that goes on after the cursor is writing text, not a label.
    if (start[3] && /\S/.test(after.slice(rest.length))) return EMPTY;
    return labelItems(model, lineStart, range(model, from, offset + rest.length));
  }
  return EMPTY;
}

function range(model: TranscriptModel, start: number, end: number): Range {
  return model.lines.range(start, end);
}

/** A new paragraph may start here: an empty line, or a line that is a paragraph of its own. */
function atParagraphStart(model: TranscriptModel, line: number, offset: number): boolean {
  if (/^[\s\u00a0]*$/.test(model.lines.lineText(line))) return true;
  const paragraph = model.paragraphs.find((p) => p.firstLine === line);
  // A line that only reads as a heading (`Serg`, a label being typed) may still become a label.
  if (!paragraph || (paragraph.kind === 'heading' && !paragraph.heading?.implicit) || paragraph.kind === 'comment' || paragraph.kind === 'separator') {
    return false;
  }
  // The cursor in a label already written: nothing to complete.
  return !paragraph.label || paragraph.label.end < offset;
}

// ——— Speakers and markers ———

interface Candidate {
  readonly key: string;
  readonly count: number;
  readonly first: number;
  readonly item: Omit<CompletionItem, 'sortText' | 'textEdit'> & { insert: string };
}

function labelItems(model: TranscriptModel, lineStart: number, replace: Range): CompletionList {
  const speakers: Candidate[] = [];
  for (const speaker of model.speakers.values()) {
    const turns = speaker.turns.length;
    const detail = [turns ? plural(turns, 'turn') : 'declared, no turns yet', speaker.role].filter(Boolean).join(' · ');
    speakers.push({
      key: `speaker:${speaker.id}`, count: turns, first: speaker.turns[0] ?? Infinity,
      item: { label: speaker.name, kind: CompletionItemKind.Class, detail, insert: `${speaker.name}: ` },
    });
  }
  const question = markerCandidate(model, 'question');
  const answer = model.turns.some((t) => t.label?.kind === 'answer') ? markerCandidate(model, 'answer') : undefined;
  const byFrequency = [...speakers, ...(answer ? [answer] : [])].sort((a, b) => b.count - a.count || a.first - b.first);

  const previous = lineStart > 0 ? turnBefore(model, lineStart - 1) : undefined;
  const previousKey = previous && keyOf(previous);
  // A speaker rarely follows themselves: the previous turn's speaker goes last.
  const others = byFrequency.filter((c) => c.key !== previousKey).concat(byFrequency.filter((c) => c.key === previousKey));
  let ordered: Candidate[];
  if (previous?.role === 'answer') {
    ordered = [question, ...others];
  } else if (previous?.role === 'question') {
    const lastAnswer = [...model.turns.slice(0, previous.index)].reverse().find((t) => t.role === 'answer' && keyOf(t));
    const answererKey = lastAnswer && keyOf(lastAnswer);
    const answerer = others.filter((c) => c.key === answererKey);
    ordered = [...answerer, ...others.filter((c) => c.key !== answererKey), question];
  } else {
    ordered = [...others, question];
  }
  const items = ordered.map(({ item: { insert, ...item } }, i): CompletionItem => ({
    ...item,
    sortText: String(i).padStart(4, '0'),
    filterText: item.label,
    textEdit: { range: replace, newText: insert },
    ...(i === 0 ? { preselect: true } : {}),
  }));
  return { isIncomplete: false, items };
}

function keyOf(turn: Turn): string | undefined {
  if (turn.speakerId) return `speaker:${turn.speakerId}`;
  if (turn.label?.kind === 'question' || turn.label?.kind === 'answer') return turn.label.kind;
  return undefined;
}

/** The document's own commonest way of writing its question (or answer) marker: `Question: `, `Q    `. */
function markerCandidate(model: TranscriptModel, kind: 'question' | 'answer'): Candidate {
  const forms = new Map<string, { label: string; count: number }>();
  for (const turn of model.turns) {
    if (turn.label?.kind !== kind) continue;
    const form = markerForm(model, turn.label);
    const known = forms.get(form);
    forms.set(form, { label: turn.label.name, count: (known?.count ?? 0) + 1 });
  }
  let best: [string, { label: string; count: number }] | undefined;
  for (const entry of forms) if (!best || entry[1].count > best[1].count) best = entry;
  const fallback = kind === 'question' ? capitalise((QUESTION_MARKERS[model.language] ?? QUESTION_MARKERS.en)[0]) : 'A';
  const [insert, { label, count }] = best ?? [`${fallback}: `, { label: fallback, count: 0 }];
  return {
    key: kind, count, first: Infinity,
    item: { label, kind: CompletionItemKind.Keyword, detail: kind === 'question' ? 'question marker' : 'answer marker', insert },
  };
}

function markerForm(model: TranscriptModel, label: Label): string {
  const space = /^[ \t\u00a0]*/.exec(model.text.slice(label.end, label.end + 12))![0];
  const written = label.qualifiers.length ? `${label.name}:` : model.text.slice(label.start, label.end);
  return `${written}${space || ' '}`;
}

// ——— Topic tags ———

function tagItems(model: TranscriptModel, offset: number, options: CompletionOptions, replace: Range): CompletionList {
  const here = new Map<string, { count: number; written: string }>();
  for (const paragraph of model.paragraphs) {
    for (const tag of paragraph.tags) {
      if (offset >= tag.start && offset <= tag.end) continue; // the tag being typed
      const known = here.get(tag.name);
      here.set(tag.name, { count: (known?.count ?? 0) + 1, written: known?.written ?? model.text.slice(tag.start + 1, tag.end) });
    }
  }
  const workspace = options.workspaceTags?.() ?? new Map<string, WorkspaceTagCount>();
  const names = new Set([...here.keys(), ...workspace.keys()]);
  const entries = [...names].map((name) => ({
    name, written: here.get(name)?.written ?? name, here: here.get(name)?.count ?? 0, elsewhere: workspace.get(name),
  }));
  entries.sort((a, b) => b.here - a.here || (b.elsewhere?.count ?? 0) - (a.elsewhere?.count ?? 0) || a.name.localeCompare(b.name));
  const items = entries.map((e, i): CompletionItem => {
    const detail = [
      e.here ? `${e.here} in this transcript` : 'not used in this transcript',
      e.elsewhere ? `${e.elsewhere.count} in ${plural(e.elsewhere.documents, 'other transcript')}` : '',
    ].filter(Boolean).join(' · ');
    return {
      label: `#${e.written}`, kind: CompletionItemKind.Reference, detail,
      sortText: String(i).padStart(4, '0'), textEdit: { range: replace, newText: `#${e.written}` },
    };
  });
  return { isIncomplete: false, items };
}

// ——— Annotations ———

function annotationItems(model: TranscriptModel, offset: number, replace: Range): CompletionList {
  const used = new Map<string, number>();
  const timestamps: { start: number; text: string }[] = [];
  for (const paragraph of model.paragraphs) {
    for (const a of paragraph.annotations) {
      if (offset > a.start && offset < a.end) continue; // the one being typed
      if (a.kind === 'timestamp') timestamps.push({ start: a.start, text: a.text });
      else if (model.text[a.start] === '[') used.set(a.text, (used.get(a.text) ?? 0) + 1);
    }
  }
  const items: CompletionItem[] = [];
  const add = (text: string, detail: string) => {
    const count = used.get(text) ?? (text === '…' ? used.get('...') : undefined);
    items.push({
      label: `[${text}]`, kind: CompletionItemKind.Constant,
      detail: count ? `${detail} · ${plural(count, 'use')} in this transcript` : detail,
      sortText: String(items.length).padStart(4, '0'), textEdit: { range: replace, newText: `[${text}]` },
    });
  };
  for (const a of ANNOTATIONS) add(a.text, a.detail);

  // The last timestamp before the cursor is where the recording was: the next one is near it.
  const last = timestamps.filter((t) => t.start < offset).pop();
  const shape = last?.text ?? timestamps[0]?.text.replace(/\d/g, '0') ?? '00:00:00';
  items.push({
    label: `[${shape}]`, kind: CompletionItemKind.Snippet,
    detail: last ? 'timestamp: the last one before the cursor, to edit' : 'timestamp: the offset into the recording',
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: String(items.length).padStart(4, '0'),
    textEdit: { range: replace, newText: `[\${1:${shape}}]` },
  });

  const builtins = new Set(ANNOTATIONS.map((a) => a.text).concat('...'));
  [...used].filter(([text]) => !builtins.has(text)).sort((a, b) => b[1] - a[1]).forEach(([text, count]) => {
    items.push({
      label: `[${text}]`, kind: CompletionItemKind.Constant, detail: `${plural(count, 'use')} in this transcript`,
      sortText: String(items.length).padStart(4, '0'), textEdit: { range: replace, newText: `[${text}]` },
    });
  });
  return { isIncomplete: false, items };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}
