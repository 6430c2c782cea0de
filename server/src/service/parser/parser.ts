import type {
  Comment, FrontMatter, Header, HeaderLine, Label, Question, Section, Speaker, TranscriptModel, TurnRole,
} from '../model';
import { LineIndex } from '../text/lineIndex';
import { courtParagraphs, courtView, isCourtLayout } from './courtLayout';
import { parseFrontMatter } from './frontMatter';
import { detectLanguage, LANGUAGE_SAMPLE } from './language';
import { MAX_HEADER_LINES, headerLineKind } from './header';
import { affiliation, detectLabel, type LabelContext } from './labels';
import { ANSWER_MARKERS, QUESTION_MARKERS, REMARK_MARKERS, markersFor, normaliseName } from './markers';
import { ParagraphNode } from './paragraphNode';
import { ParagraphCache, ParagraphMemo, endsSentence, isHeadingOrSeparator, type ParagraphAnalysis } from './paragraphs';

export interface ParseOptions {
  /** Extra question markers from the user's settings. */
  readonly questionMarkers?: readonly string[];
}

export interface ParseInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** The text's line index, if the caller keeps one up to date. */
  readonly lines?: LineIndex;
}

/** One replacement in the previous version's text: [start, end) became `length` characters. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/** Lines of a hard-wrapped block are at most this long; a longer line is a paragraph of its own. */
export const WRAP_WIDTH = 100;
const BLANK = /^[\s\u200b]*$/;
/** Court layout is decided on the first 600 non-blank lines; an edit beyond these cannot change it. */
const LAYOUT_SAMPLE_LINES = 1500;

/**
 * Parses a transcript into its model. Pass the same cache for successive versions of one
 * document: paragraphs whose text did not change are not analysed again. Pass the previous
 * model and the one change that made this version from it, and only the blocks of lines the
 * change touches are split and read again.
 */
export function parseTranscript(
  input: ParseInput, options: ParseOptions = {}, cache = new ParagraphCache(),
  previous?: { readonly model: TranscriptModel; readonly change: TextChange },
): TranscriptModel {
  if (previous) {
    const updated = updateTranscript(input, options, cache, previous.model, previous.change);
    if (updated) return updated;
  }
  const { text } = input;
  const lines = input.lines ?? new LineIndex(text);
  const frontMatter = parseFrontMatter(lines, 0);
  const language = frontMatter?.language ?? detectLanguage(text);
  const context = labelContext(language, frontMatter, options);
  cache.begin(contextKey(language, context));

  let line = frontMatter ? lines.lineAt(frontMatter.end) + 1 : 0;
  const nodes: ParagraphNode[] = [];
  // Comments at the top (an `ignore-file` directive) come before the header, not instead of it.
  for (const [first, last] of leadingComments(lines, line)) {
    const start = lines.lineStarts[first];
    const end = lines.lineEnd(last);
    nodes.push(new ParagraphNode(start, end, first, last, cache.get(text.slice(start, end), context)));
    line = last + 1;
  }
  const court = isCourtLayout(lines);
  const header = court ? undefined : scanHeader(lines, line, context, !frontMatter?.title);
  if (header) line = lines.lineAt(header.end) + 1;

  // A court transcript is read through a view with its line numbers blanked; offsets are the same.
  const view = court ? courtView(lines) : text;
  if (header) nodes.push(...header.lines.map((h) => headerParagraph(lines, h)));
  const paragraphs = court ? courtParagraphs(lines, line) : splitParagraphs(lines, line, lines.lineCount - 1, context);
  for (const [first, last] of paragraphs) nodes.push(bodyParagraph(lines, view, first, last, cache, context));
  cache.end();

  if (court) markCoverPage(nodes);
  return assemble(input, view, lines, language, frontMatter, header, nodes, line, court);
}

/**
 * The new version from the previous one and the change between them, reading again only the
 * blocks of lines the change touches; undefined where the change reaches what the whole
 * document depends on (front matter, header, layout, language, comments), so a full parse is due.
 */
function updateTranscript(input: ParseInput, options: ParseOptions, cache: ParagraphCache, old: TranscriptModel, change: TextChange): TranscriptModel | undefined {
  const { text } = input;
  if (old.courtLayout || text.length !== old.text.length + change.length - (change.end - change.start)) return undefined;
  if (change.start < old.lines.lineStarts[Math.min(old.bodyStartLine, old.lines.lineCount - 1)] || old.bodyStartLine >= old.lines.lineCount) return undefined;
  const lines = input.lines ?? old.lines.withEdit(text, change.start, change.end, change.length);
  // A text that opens with `---` (a separator) becomes front matter once an edit writes a closing fence below it.
  if (!old.frontMatter && parseFrontMatter(lines, 0)) return undefined;
  const firstLine = old.lines.lineAt(change.start);
  const lastLine = old.lines.lineAt(change.end);
  const lineDelta = lines.lineCount - old.lines.lineCount;
  const offsetDelta = text.length - old.text.length;
  if (firstLine < LAYOUT_SAMPLE_LINES && isCourtLayout(lines)) return undefined;
  if (change.start < LANGUAGE_SAMPLE && !old.frontMatter?.language && detectLanguage(text) !== old.language) return undefined;

  // The old paragraphs the change touches, widened to whole blocks of the new text.
  const nodes = old.paragraphs as readonly ParagraphNode[];
  let from = firstParagraphEndingAtOrAfter(nodes, firstLine);
  let to = lastParagraphStartingAtOrBefore(nodes, lastLine);
  // The first body paragraph decides where the header ends: an edit there may move it.
  if (from <= firstParagraphEndingAtOrAfter(nodes, old.bodyStartLine)) return undefined;
  let startLine = Math.min(firstLine, from <= to ? nodes[from].firstLine : firstLine);
  let endLine = Math.max(lastLine, from <= to ? nodes[to].lastLine : lastLine) + lineDelta;
  const blank = (line: number) => BLANK.test(lines.lineText(line));
  while (from > 0 && startLine > old.bodyStartLine && !blank(startLine - 1)) {
    from--;
    if (nodes[from].kind === 'header') return undefined;
    startLine = Math.min(startLine, nodes[from].firstLine);
  }
  while (endLine + 1 < lines.lineCount && !blank(endLine + 1) && to + 1 < nodes.length) {
    to++;
    endLine = Math.max(endLine, nodes[to].lastLine + lineDelta);
  }
  endLine = Math.min(endLine, lines.lineCount - 1);
  // A comment may open or close anywhere after it: leave that to a full parse.
  for (let line = startLine; line <= endLine; line++) if (/<!--|-->/.test(lines.lineText(line))) return undefined;

  const language = old.language;
  const context = labelContext(language, old.frontMatter, options);
  cache.begin(contextKey(language, context), false);
  const updated: ParagraphNode[] = nodes.slice(0, from).map((n) => (n.labelAccepted ? n : new ParagraphNode(n.start, n.end, n.firstLine, n.lastLine, n.analysis)));
  const replaced = new Set<string>();
  for (let i = from; i <= to && i < nodes.length; i++) replaced.add(old.source.slice(nodes[i].start, nodes[i].end));
  for (const [first, last] of splitParagraphs(lines, startLine, endLine, context)) {
    const node = bodyParagraph(lines, text, first, last, cache, context);
    replaced.delete(text.slice(node.start, node.end));
    updated.push(node);
  }
  for (let i = to + 1; i < nodes.length; i++) {
    const n = nodes[i].shifted(offsetDelta, lineDelta);
    updated.push(n.labelAccepted ? n : new ParagraphNode(n.start, n.end, n.firstLine, n.lastLine, n.analysis));
  }
  for (const gone of replaced) cache.forget(gone);
  cache.end();
  return assemble(input, text, lines, language, old.frontMatter, old.header, updated, old.bodyStartLine, false);
}

function firstParagraphEndingAtOrAfter(nodes: readonly ParagraphNode[], line: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].lastLine < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

function lastParagraphStartingAtOrBefore(nodes: readonly ParagraphNode[], line: number): number {
  let low = -1;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (nodes[mid].firstLine <= line) low = mid;
    else high = mid - 1;
  }
  return low;
}

function bodyParagraph(lines: LineIndex, view: string, first: number, last: number, cache: ParagraphCache, context: LabelContext): ParagraphNode {
  let start = lines.lineStarts[first];
  const end = lines.lineEnd(last);
  while (start < end && isSpace(view.charCodeAt(start))) start++;
  return new ParagraphNode(start, end, first, last, cache.get(view.slice(start, end), context));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function contextKey(language: string, context: LabelContext): string {
  return JSON.stringify([language, [...context.questionMarkers], [...context.declaredSpeakers]]);
}

function labelContext(language: string, frontMatter: FrontMatter | undefined, options: ParseOptions): LabelContext {
  const declared = new Set<string>();
  for (const speaker of frontMatter?.speakers ?? []) {
    declared.add(normaliseName(speaker.name));
    for (const alias of speaker.aliases) declared.add(normaliseName(alias));
  }
  return {
    questionMarkers: markersFor(QUESTION_MARKERS, language, [...(options.questionMarkers ?? []), ...(frontMatter?.questionMarkers ?? [])]),
    answerMarkers: markersFor(ANSWER_MARKERS, language),
    remarkMarkers: markersFor(REMARK_MARKERS, language),
    declaredSpeakers: declared,
  };
}

function scanHeader(lines: LineIndex, from: number, context: LabelContext, needsTitle: boolean): Header | undefined {
  const found: HeaderLine[] = [];
  let line = from;
  for (; line < lines.lineCount && found.length < MAX_HEADER_LINES; line++) {
    const lineText = lines.lineText(line).replace(/^\uFEFF/, '');
    if (BLANK.test(lineText)) continue;
    const kind = headerLineKind(lineText, needsTitle && found.length === 0);
    if (!kind || (kind !== 'time' && detectLabel(lineText, context))) break;
    const offset = lines.lineStarts[line] + lineText.search(/\S/) + (lines.lineText(line).length - lineText.length);
    found.push({ kind, text: lineText.trim(), start: offset, end: offset + lineText.trim().length });
  }
  if (found.length === 0) return undefined;
  return { start: found[0].start, end: found[found.length - 1].end, lines: found };
}

/** A court transcript's cover page, appearances and contents come before the first speaker. */
function markCoverPage(nodes: ParagraphNode[]): void {
  for (let i = 0; i < nodes.length && !(nodes[i].analysis.label && !nodes[i].analysis.label!.weak); i++) {
    nodes[i] = nodes[i].withAnalysis({ ...nodes[i].analysis, kind: 'header', memo: new ParagraphMemo() });
  }
}

function* leadingComments(lines: LineIndex, from: number): Generator<[number, number]> {
  let line = from;
  while (line < lines.lineCount) {
    const text = lines.lineText(line).replace(/^\uFEFF/, '');
    if (BLANK.test(text)) {
      line++;
      continue;
    }
    if (!text.trimStart().startsWith('<!--')) return;
    const first = line;
    while (line < lines.lineCount - 1 && !lines.lineText(line).includes('-->')) line++;
    yield [first, line];
    line++;
  }
}

const NO_INLINE = { tags: [], annotations: [], comments: [], urls: [] };

function headerParagraph(lines: LineIndex, line: HeaderLine): ParagraphNode {
  const lineNumber = lines.lineAt(line.start);
  const analysis: ParagraphAnalysis = { kind: 'header', contentStart: 0, inline: NO_INLINE, memo: new ParagraphMemo() };
  return new ParagraphNode(line.start, line.end, lineNumber, lineNumber, analysis);
}

/**
 * Yields each paragraph between two lines as its first and last line. Blank lines separate
 * blocks. A block whose lines all fit in WRAP_WIDTH is hard-wrapped text, one paragraph; a block
 * with a longer line was pasted from a web page, one paragraph per line. In both, a heading, a
 * separator, a comment, or a label after a finished sentence starts a new paragraph (a weak one
 * too: if the document does not bear it out, the paragraph still continues the turn).
 */
function* splitParagraphs(lines: LineIndex, from: number, to: number, context: LabelContext): Generator<[number, number]> {
  let line = from;
  while (line <= to) {
    const text = lines.lineText(line);
    if (BLANK.test(text)) {
      line++;
      continue;
    }
    if (text.trimStart().startsWith('<!--')) {
      const first = line;
      while (line < lines.lineCount - 1 && !lines.lineText(line).includes('-->')) line++;
      yield [first, line];
      line++;
      continue;
    }
    const first = line;
    let wrapped = true;
    while (line <= to) {
      const current = lines.lineText(line);
      if (BLANK.test(current) || (line > first && current.trimStart().startsWith('<!--'))) break;
      if (current.trimEnd().length > WRAP_WIDTH) wrapped = false;
      line++;
    }
    yield* splitBlock(lines, first, line - 1, wrapped, context);
  }
}

function* splitBlock(lines: LineIndex, first: number, last: number, wrapped: boolean, context: LabelContext): Generator<[number, number]> {
  if (!wrapped) {
    for (let line = first; line <= last; line++) yield [line, line];
    return;
  }
  let start = first;
  for (let line = first + 1; line <= last; line++) {
    const text = lines.lineText(line);
    const previous = lines.lineText(line - 1);
    const breaksBefore = isHeadingOrSeparator(text) || isHeadingOrSeparator(previous)
      || (endsSentence(previous) && detectLabel(text, context) !== undefined);
    if (breaksBefore) {
      yield [start, line - 1];
      start = line;
    }
  }
  yield [start, last];
}

function assemble(
  input: ParseInput, source: string, lines: LineIndex, language: string, frontMatter: FrontMatter | undefined,
  header: Header | undefined, paragraphs: ParagraphNode[], bodyStartLine: number, courtLayout: boolean,
): TranscriptModel {
  const isAccepted = acceptedLabels(paragraphs, frontMatter);

  const sections: Section[] = [];
  const turns: MutableTurn[] = [];
  const comments: Comment[] = [];
  let current: MutableTurn | undefined;
  let section: number | undefined;
  let lastSpeakerId: string | undefined;
  // Text after a heading goes on in the voice of the turn the heading split; after a separator
  // or at the start, unlabelled text is nobody's in particular (an opening, a narration).
  let inheritSpeaker = false;
  // Headings and separators divide the text into segments; a question's answers stay in its own.
  let segment = 0;

  for (let index = 0; index < paragraphs.length; index++) {
    let paragraph = paragraphs[index];
    const analysis = paragraph.analysis;
    for (const c of analysis.inline.comments) comments.push(comment(paragraph.start + c.start, paragraph.start + c.end, c.text));
    const kind = paragraph.kind;
    if (kind === 'header' || kind === 'comment') continue;
    if (kind === 'heading') {
      current = undefined;
      section = sections.length;
      segment++;
      sections.push({ start: paragraph.start, end: paragraph.end, level: analysis.heading!.level, title: analysis.heading!.text, headingParagraph: index });
      inheritSpeaker = true;
      continue;
    }
    if (kind === 'separator') {
      current = undefined;
      inheritSpeaker = false;
      segment++;
      continue;
    }
    if (analysis.label && !isAccepted(paragraph)) {
      // A label the document does not bear out is ordinary text.
      paragraph = paragraphs[index] = paragraph.withoutLabel();
    }
    const label = paragraph.label;
    if (label || !current) {
      const speakerId = label ? (label.kind === 'speaker' ? label.key : undefined) : inheritSpeaker ? lastSpeakerId : undefined;
      current = { index: turns.length, role: 'statement', speakerId, label, paragraphs: [], start: paragraph.start, end: paragraph.end, section, segment };
      turns.push(current);
      lastSpeakerId = speakerId;
    }
    current.paragraphs.push(index);
    current.end = paragraph.end;
  }

  const speakers = resolveSpeakers(turns, frontMatter);
  const questions = assignRoles(turns);
  return {
    uri: input.uri, version: input.version, text: input.text, source, lines, language, frontMatter, header,
    paragraphs, sections: closeSections(sections, paragraphs), turns, questions, speakers, comments, bodyStartLine, courtLayout,
  };
}

interface MutableTurn {
  index: number;
  role: TurnRole;
  speakerId?: string;
  label?: Label;
  paragraphs: number[];
  start: number;
  end: number;
  section?: number;
  segment: number;
  questionNumber?: number;
  answers?: number;
}

/**
 * Which labels the document as a whole bears out. A one-word label (`Lavrov:`) counts when the
 * document uses it at least twice, declares it, or it ends a longer speaker's name.
 */
function acceptedLabels(paragraphs: readonly ParagraphNode[], frontMatter: FrontMatter | undefined): (paragraph: ParagraphNode) => boolean {
  const weakCounts = new Map<string, number>();
  const lastWords = new Set<string>();
  const declared = new Set<string>();
  const aloneKeys = new Set<string>();
  let alone = 0;
  let inline = 0;
  for (const p of paragraphs) {
    const label = p.analysis.label;
    if (!label || p.kind === 'header') continue;
    if (label.weak) {
      weakCounts.set(label.key, (weakCounts.get(label.key) ?? 0) + 1);
      continue;
    }
    lastWords.add(label.key.slice(label.key.lastIndexOf(' ') + 1));
    if (label.kind !== 'speaker') continue;
    if (label.alone) {
      alone++;
      aloneKeys.add(label.key);
    } else inline++;
  }
  for (const speaker of frontMatter?.speakers ?? []) {
    for (const name of [speaker.name, ...speaker.aliases]) {
      const key = normaliseName(name);
      declared.add(key);
      lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
    }
  }
  // A transcript keeps one label style. Where names stand alone on their lines (the Bundestag),
  // `Apropos Griechenland: Die …` at the start of a paragraph is prose, not a speaker.
  const aloneStyle = alone >= 3 && alone >= 4 * inline;
  return (paragraph) => {
    const label = paragraph.analysis.label;
    if (!label) return false;
    if (label.forced || declared.has(label.key) || label.kind !== 'speaker') return true;
    if (label.weak) return (weakCounts.get(label.key) ?? 0) >= 2 || lastWords.has(label.key);
    return !aloneStyle || label.alone || aloneKeys.has(label.key);
  };
}

/**
 * Groups labels that name the same person. A long first-mention label resolves to the shorter
 * one that ends it (`President of the Republic of Turkey Recep Tayyip Erdogan` → `Recep Tayyip
 * Erdogan`), a one-word label to the one speaker whose name it ends, and declared aliases to the
 * declared name. Rewrites each turn's speakerId to the group's key.
 */
function resolveSpeakers(turns: MutableTurn[], frontMatter: FrontMatter | undefined): Map<string, Speaker> {
  const names = new Map<string, string>(); // key → first spelling
  for (const turn of turns) if (turn.speakerId && turn.label && !names.has(turn.speakerId)) names.set(turn.speakerId, turn.label.name);

  const canonical = new Map<string, string>();
  const declared = new Map<string, { name: string; role?: string; aliases: string[] }>();
  for (const speaker of frontMatter?.speakers ?? []) {
    const key = normaliseName(speaker.name);
    declared.set(key, { name: speaker.name, role: speaker.role, aliases: [...speaker.aliases] });
    canonical.set(key, key);
    for (const alias of speaker.aliases) canonical.set(normaliseName(alias), key);
  }
  const keys = [...names.keys()].filter((key) => !canonical.has(key)).sort((a, b) => a.length - b.length);
  const roles = new Map<string, string>();
  // A name resolves to the first of the canonical names, then of the labels, that is a run of its
  // last words. Looking its last words up (at most 23 runs) keeps this linear in the speakers; trying
  // every other speaker for every speaker was quadratic (a transcript of 20,000 names took minutes).
  const rank = new Map<string, number>();
  for (const value of canonical.values()) if (!rank.has(value)) rank.set(value, rank.size);
  const keyRank = new Map<string, number>();
  keys.forEach((key, i) => keyRank.set(key, i));
  const byLastWord = new Map<string, string[]>();
  for (const other of [...keys, ...declared.keys()]) {
    const last = other.split(' ').pop()!;
    const list = byLastWord.get(last);
    if (list) list.push(other);
    else byLastWord.set(last, [other]);
  }
  for (const key of keys) {
    const words = key.split(' ');
    let target: string | undefined;
    let best: { candidate: string; words: number; rank: number } | undefined;
    for (let count = 1; count < words.length; count++) {
      const candidate = words.slice(-count).join(' ');
      if (count < 2 && !declared.has(candidate)) continue;
      const at = rank.get(candidate) ?? (keyRank.has(candidate) ? rank.size + keys.length + keyRank.get(candidate)! : undefined);
      if (at !== undefined && (!best || at < best.rank)) best = { candidate, words: count, rank: at };
    }
    if (best) {
      target = canonical.get(best.candidate) ?? best.candidate;
      const spelled = names.get(key)!;
      const role = spelled.split(/[\s\u00a0]+/).slice(0, words.length - best.words).join(' ').replace(/[,\s]+$/, '');
      if (role && !roles.has(target)) roles.set(target, role);
    }
    if (!target && words.length === 1) {
      const owners = new Set((byLastWord.get(key) ?? []).filter((other) => other !== key).map((o) => canonical.get(o) ?? o));
      if (owners.size === 1) target = [...owners][0];
    }
    canonical.set(key, target ?? key);
    if (!rank.has(target ?? key)) rank.set(target ?? key, rank.size);
  }

  const speakers = new Map<string, { id: string; name: string; role?: string; aliases: Set<string>; declared: boolean; turns: number[] }>();
  const speakerFor = (id: string) => {
    let speaker = speakers.get(id);
    if (!speaker) {
      const d = declared.get(id);
      speaker = { id, name: d?.name ?? names.get(id) ?? id, role: d?.role ?? roles.get(id), aliases: new Set(d?.aliases ?? []), declared: !!d, turns: [] };
      speakers.set(id, speaker);
    }
    return speaker;
  };
  for (const id of declared.keys()) speakerFor(id);
  for (const turn of turns) {
    if (!turn.speakerId) continue;
    const id = canonical.get(turn.speakerId) ?? turn.speakerId;
    const speaker = speakerFor(id);
    if (turn.label) speaker.aliases.add(turn.label.name);
    turn.speakerId = id;
    speaker.turns.push(turn.index);
  }
  const result = new Map<string, Speaker>();
  for (const [id, s] of speakers) {
    const aliases = [...s.aliases].filter((alias) => alias !== s.name);
    result.set(id, s.role === undefined ? { id, name: s.name, aliases, declared: s.declared, turns: s.turns } : { id, name: s.name, role: s.role, aliases, declared: s.declared, turns: s.turns });
  }
  return result;
}

/** A question is answered by the turns after it until the next question, heading or separator. */
function assignRoles(turns: MutableTurn[]): Question[] {
  const questions: Question[] = [];
  let open: { question: Question; answers: number[]; segment: number } | undefined;
  for (const turn of turns) {
    if (open && turn.segment !== open.segment) open = undefined;
    if (turn.label?.kind === 'question') {
      const number = questions.length + 1;
      const answers: number[] = [];
      const questioner = affiliation(turn.label.qualifiers);
      const question: Question = questioner ? { number, turn: turn.index, answerTurns: answers, questioner } : { number, turn: turn.index, answerTurns: answers };
      questions.push(question);
      open = { question, answers, segment: turn.segment };
      turn.role = 'question';
      turn.questionNumber = number;
    } else if (open) {
      turn.role = 'answer';
      turn.answers = open.question.number;
      open.answers.push(turn.index);
    }
  }
  return questions;
}

/** A section runs from its heading to the next heading of the same or a higher level. */
function closeSections(sections: Section[], paragraphs: readonly ParagraphNode[]): Section[] {
  const documentEnd = paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0;
  return sections.map((s, i) => {
    let end = documentEnd;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level) {
        end = paragraphs[sections[j].headingParagraph - 1]?.end ?? s.end;
        break;
      }
    }
    return { ...s, end: Math.max(end, s.end) };
  });
}

const DIRECTIVE = /^transcript-ignore(-file)?(?:\s+(.*))?$/s;

function comment(start: number, end: number, text: string): Comment {
  const directive = DIRECTIVE.exec(text);
  if (!directive) return { start, end, text };
  const codes = (directive[2] ?? '').split(/[\s,]+/).filter(Boolean);
  return { start, end, text, directive: { scope: directive[1] ? 'file' : 'next', codes } };
}
