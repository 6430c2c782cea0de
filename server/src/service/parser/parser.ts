import type { FrontMatter, Header, HeaderLine, TranscriptModel } from '../model';
import { LineIndex } from '../text/lineIndex';
import { analyseTier, CHAT_SAMPLE_LINES, chatLanguage, chatParagraphs, chatView, isChat, readChatHeaders } from './chat';
import { courtParagraphs, courtView, decideCourtLayout } from './courtLayout';
import { parseFrontMatter } from './frontMatter';
import { detectLanguage, LANGUAGE_SAMPLE } from './language';
import { MAX_HEADER_LINES, headerLineKind } from './header';
import { detectLabel, isMinutesLine, labelAfterLastWords, type LabelContext, type LabelMatch } from './labels';
import { LabelStats } from './labelStats';
import { ANSWER_MARKERS, QUESTION_MARKERS, REMARK_MARKERS, markersFor, normaliseName } from './markers';
import { analyseParagraph, endsSentenceAt, isCueLine, isHeadingOrSeparator, paragraphAnalysis, type ParagraphAnalysis } from './paragraphs';
import { ParagraphTable, type ParagraphEntry } from './paragraphTable';
import { Transcript } from './transcript';
import { ParagraphNode } from './paragraphNode';
import { detached } from '../text/detached';
import { firstNonBlank, trimmedEnd } from '../text/whiteSpace';
import { isPageFurniture } from '../text/pageFurniture';

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

/**
 * Lines of a hard-wrapped block are at most this long; a longer line is a paragraph of its own.
 * Text taken from a PDF set in a proportional font runs to 105–117 characters a line (the Federal
 * Reserve's transcripts); a web page pasted one paragraph a line runs longer.
 */
export const WRAP_WIDTH = 120;

/**
 * Parses a transcript into its model. Pass the previous version's model: paragraphs whose text
 * did not change keep their analysis (and what features derived from it). With the one change
 * that made this version from it, only the blocks of lines the change touches are split and
 * read again.
 */
export function parseTranscript(
  input: ParseInput, options: ParseOptions = {},
  previous?: { readonly model: TranscriptModel; readonly change?: TextChange },
): TranscriptModel {
  const old = previous?.model instanceof Transcript ? previous.model : undefined;
  if (old && previous?.change) {
    const updated = updateTranscript(input, options, old, previous.change);
    if (updated) return updated;
  }
  const { text } = input;
  const lines = input.lines ?? new LineIndex(text);
  const frontMatter = parseFrontMatter(lines, 0);
  if (!frontMatter && isChat(lines)) return parseChat(input, lines, old);
  const language = frontMatter?.language ?? detectLanguage(text);
  const context = labelContext(language, frontMatter, options);
  const key = contextKey(language, context);
  const analyses = new Analyses((paragraph) => analyseParagraph(paragraph, context), old?.contextKey === key ? old : undefined);

  let line = frontMatter ? lines.lineAt(frontMatter.end) + 1 : 0;
  const nodes: ParagraphEntry[] = [];
  // Comments at the top (an `ignore-file` directive) come before the header, not instead of it.
  for (const [first, last] of leadingComments(lines, line)) {
    const start = lines.lineStarts[first];
    const end = lines.lineEnd(last);
    nodes.push({ start, end, firstLine: first, lastLine: last, analysis: analyses.get(text.slice(start, end)) });
    line = last + 1;
  }
  const layout = decideCourtLayout(lines);
  const court = layout.court;
  const header = court ? undefined : scanHeader(lines, line, context, !frontMatter?.title);
  if (header) line = lines.lineAt(header.end) + 1;

  // A court transcript is read through a view with its line numbers blanked; offsets are the same.
  const view = court ? courtView(lines) : text;
  if (header) nodes.push(...header.lines.map((h) => headerParagraph(lines, h)));
  const add: ParagraphSink = (first, last, start, end) => nodes.push(bodyParagraph(lines, view, first, last, analyses, start, end));
  if (court) for (const [first, last] of courtParagraphs(lines, line)) add(first, last);
  else splitParagraphs(lines, line, lines.lineCount - 1, context, add);

  if (court) markCoverPage(nodes);
  const table = ParagraphTable.of(nodes);
  return new Transcript({
    uri: input.uri, version: input.version, text, source: view, lines, language, frontMatter, header,
    table, labels: LabelStats.of(table.analyses, frontMatter), bodyStartLine: line, courtLayout: court, layoutLinesRead: layout.linesRead, contextKey: key,
  });
}

/**
 * A CHAT file: `@` headers are header paragraphs, each main tier with its dependent tiers a
 * labelled paragraph, read through a view without the dependent tiers. The language is
 * `@Languages:`'s when the project knows it.
 */
function parseChat(input: ParseInput, lines: LineIndex, old: Transcript | undefined): TranscriptModel {
  const { text } = input;
  const blocks = [...chatParagraphs(lines)];
  const headers = blocks.filter(([, , kind]) => kind === 'header');
  const chat = readChatHeaders(headers.map(([first, last]) => text.slice(lines.lineStarts[first], lines.lineEnd(last))));
  const language = chatLanguage(chat) ?? detectLanguage(text);
  const analyses = new Analyses(analyseTier, old?.contextKey === CHAT_CONTEXT_KEY ? old : undefined);
  const view = chatView(lines);
  const nodes = blocks.map(([first, last, kind]) => (kind === 'tier'
    ? bodyParagraph(lines, view, first, last, analyses)
    : headerEntry(firstNonBlank(text, lines.lineStarts[first], lines.lineEnd(first)), lines.lineEnd(last), first, last)));
  const table = ParagraphTable.of(nodes);
  return new Transcript({
    uri: input.uri, version: input.version, text, source: view, lines, language, chat,
    table, labels: LabelStats.of(table.analyses, undefined), bodyStartLine: 0, courtLayout: false, layoutLinesRead: lines.lineCount,
    contextKey: CHAT_CONTEXT_KEY,
  });
}

/**
 * The new version from the previous one and the change between them, reading again only the
 * blocks of lines the change touches; undefined where the change reaches what the whole
 * document depends on (front matter, header, layout, language, comments), or the document is or
 * becomes CHAT (its header says who speaks), so a full parse is due.
 */
function updateTranscript(input: ParseInput, options: ParseOptions, old: Transcript, change: TextChange): TranscriptModel | undefined {
  const { text } = input;
  if (old.courtLayout || old.chat || text.length !== old.text.length + change.length - (change.end - change.start)) return undefined;
  if (change.start < old.lines.lineStarts[Math.min(old.bodyStartLine, old.lines.lineCount - 1)] || old.bodyStartLine >= old.lines.lineCount) return undefined;
  const lines = input.lines ?? old.lines.withEdit(text, change.start, change.end, change.length);
  // A text that opens with `---` (a separator) becomes front matter once an edit writes a closing fence below it.
  if (!old.frontMatter && parseFrontMatter(lines, 0)) return undefined;
  const firstLine = old.lines.lineAt(change.start);
  const lastLine = old.lines.lineAt(change.end);
  const lineDelta = lines.lineCount - old.lines.lineCount;
  const offsetDelta = text.length - old.text.length;
  // An edit among the lines the layout was decided on decides it again, and may move where that sample ends.
  const layout = firstLine < old.layoutLinesRead ? decideCourtLayout(lines) : undefined;
  if (layout?.court) return undefined;
  if (firstLine < CHAT_SAMPLE_LINES && !old.frontMatter && isChat(lines)) return undefined;
  if (change.start < LANGUAGE_SAMPLE && !old.frontMatter?.language && detectLanguage(text) !== old.language) return undefined;

  // The old paragraphs the change touches, widened to whole blocks of the new text.
  const table = old.table;
  let from = table.firstEndingAtOrAfter(firstLine);
  let to = table.lastStartingAtOrBefore(lastLine);
  // The first body paragraph decides where the header ends: an edit there may move it.
  if (from <= table.firstEndingAtOrAfter(old.bodyStartLine)) return undefined;
  let startLine = Math.min(firstLine, from <= to ? table.firstLines[from] : firstLine);
  let endLine = Math.max(lastLine, from <= to ? table.lastLines[to] : lastLine) + lineDelta;
  const blank = (line: number) => isBlankLine(lines, line);
  const local = withinBlock(old, lines, { firstLine, lastLine, lineDelta, from, to });
  // Past the first body paragraph (checked above), the edited lines and their neighbours are body lines.
  if (local) ({ from, to, startLine, endLine } = local);
  else {
    while (from > 0 && startLine > old.bodyStartLine && !blank(startLine - 1)) {
      from--;
      if (table.analyses[from].kind === 'header') return undefined;
      startLine = Math.min(startLine, table.firstLines[from]);
    }
    while (endLine + 1 < lines.lineCount && !blank(endLine + 1) && to + 1 < table.length) {
      to++;
      endLine = Math.max(endLine, table.lastLines[to] + lineDelta);
    }
  }
  // A line that holds the end of one paragraph and the start of the next (`idea? PM: Not necessary.`) is split again whole.
  const { firstLines, lastLines } = table;
  while (from > 0 && from <= to && firstLines[from] === lastLines[from - 1]) startLine = Math.min(startLine, firstLines[--from]);
  while (to + 1 < table.length && to >= from && firstLines[to + 1] === lastLines[to]) endLine = Math.max(endLine, lastLines[++to] + lineDelta);
  endLine = Math.min(endLine, lines.lineCount - 1);
  // A comment may open or close anywhere after it: leave that to a full parse.
  for (let line = startLine; line <= endLine; line++) if (/<!--|-->/.test(lines.lineText(line))) return undefined;

  const language = old.language;
  const context = labelContext(language, old.frontMatter, options);
  const key = contextKey(language, context);
  if (key !== old.contextKey) return undefined;
  const until = Math.min(to + 1, table.length);
  const analyses = new Analyses((paragraph) => analyseParagraph(paragraph, context), old, from, until);
  const inserted: ParagraphEntry[] = [];
  const add: ParagraphSink = (first, last, start, end) => inserted.push(bodyParagraph(lines, text, first, last, analyses, start, end));
  if (local) splitBlock(lines, startLine, endLine, local.wrapped, context, add);
  else splitParagraphs(lines, startLine, endLine, context, add);
  const removed = table.analyses.slice(from, until);
  const added = inserted.map((e) => e.analysis);
  const sameShape = removed.length === added.length && removed.every((analysis, i) => sameStructure(analysis, added[i]));
  const labels = old.labels.edited(removed, added);
  const newTable = table.replace(from, until, inserted, offsetDelta, lineDelta);
  const relabelled = labels.decidesAsBefore(old.labels, removed, added) ? [] : relabelledParagraphs(old.labels, labels, newTable, from, from + inserted.length);
  const sameTurns = !sameShape && removed.length === added.length && relabelled.length === 0
    && removed.every((analysis, i) => sameTurnStart(asNode(analysis, old.labels), asNode(added[i], labels)));
  const edit = { previous: new WeakRef<TranscriptModel>(old), from, to: until, inserted: inserted.length, relabelled };
  return new Transcript({
    uri: input.uri, version: input.version, text, source: text, lines, language, frontMatter: old.frontMatter, header: old.header,
    table: newTable, labels, edit,
    bodyStartLine: old.bodyStartLine, courtLayout: false, layoutLinesRead: layout?.linesRead ?? old.layoutLinesRead, contextKey: key,
  }, (sameShape && relabelled.length === 0) || sameTurns ? { previous: old, lineDelta, relabels: sameTurns } : undefined);
}

/** The paragraphs outside [from, to) of `table` whose label `after` bears out otherwise than `before` did. */
function relabelledParagraphs(before: LabelStats, after: LabelStats, table: ParagraphTable, from: number, to: number): number[] {
  const found: number[] = [];
  const { analyses } = table;
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    if (!analysis.label || (i >= from && i < to)) continue;
    if (before.accepts(analysis) !== after.accepts(analysis) || before.repeats(analysis) !== after.repeats(analysis)) found.push(i);
  }
  return found;
}

/** The old lines an edit replaced, how many lines it added, and the old paragraphs on those lines. */
interface EditedLines {
  readonly firstLine: number;
  readonly lastLine: number;
  readonly lineDelta: number;
  readonly from: number;
  readonly to: number;
}

/** Which lines to split again (replacing the old paragraphs [from, to]), and whether as a hard-wrapped block or one paragraph per line. */
interface SplitLines {
  readonly from: number;
  readonly to: number;
  readonly startLine: number;
  readonly endLine: number;
  readonly wrapped: boolean;
}

/**
 * The lines to split again after an edit inside a block of lines (no blank line among the edited
 * lines before or after it), with the old paragraphs they replace, when that is less than the
 * whole block: a block is split by its lines' lengths and by each pair of neighbouring lines (see
 * splitParagraphs), so when the edit leaves it hard-wrapped, or one paragraph per line, only the
 * paragraphs that hold the edited lines and their neighbours are split again. Undefined where
 * the whole block is due.
 */
function withinBlock(old: Transcript, lines: LineIndex, edit: EditedLines): SplitLines | undefined {
  const { firstLine, lastLine, lineDelta, from, to } = edit;
  const { table } = old;
  const newLast = lastLine + lineDelta;
  if (from > to || newLast < firstLine) return undefined;
  for (let line = firstLine; line <= newLast; line++) if (isBlankLine(lines, line)) return undefined;
  for (let line = firstLine; line <= lastLine; line++) if (isBlankLine(old.lines, line)) return undefined;
  const wrapped = blockStaysWrapped(old, lines, firstLine, lastLine, newLast);
  if (wrapped === undefined) return undefined;
  // One paragraph per line: the edited lines alone.
  if (!wrapped) return { from, to, startLine: firstLine, endLine: newLast, wrapped };
  // Hard-wrapped: from the paragraph of the line above to that of the line below, each broken
  // where it was, since whether a line starts a paragraph depends on it and the line above only.
  let first = from;
  let last = to;
  if (firstLine > old.bodyStartLine && !isBlankLine(old.lines, firstLine - 1)) first = Math.min(first, table.lastStartingAtOrBefore(firstLine - 1));
  if (lastLine + 1 < old.lines.lineCount && !isBlankLine(old.lines, lastLine + 1)) last = Math.max(last, table.firstEndingAtOrAfter(lastLine + 1));
  if (first < 0 || last >= table.length) return undefined;
  const startLine = Math.min(firstLine, table.firstLines[first]);
  return { from: first, to: last, startLine, endLine: Math.max(newLast, table.lastLines[last] + lineDelta), wrapped };
}

/**
 * Whether the block around an edit is hard-wrapped (every line within WRAP_WIDTH) after the edit,
 * if it was so before; undefined where the edit changed that, or a comment stands in the block.
 */
function blockStaysWrapped(old: Transcript, lines: LineIndex, firstLine: number, lastLine: number, newLast: number): boolean | undefined {
  const long = (index: LineIndex, line: number) => trimmedEnd(index.text, index.lineStarts[line], index.lineEnd(line)) - index.lineStarts[line] > WRAP_WIDTH;
  // A long line the edit left (most often the one right above) keeps the block one paragraph per line.
  for (const [start, step] of [[firstLine - 1, -1], [newLast + 1, 1]]) {
    for (let line = start; line >= old.bodyStartLine && line < lines.lineCount && !isBlankLine(lines, line); line += step) {
      if (/<!--|-->/.test(lines.lineText(line))) return undefined;
      if (long(lines, line)) return false;
    }
  }
  let longBefore = false;
  for (let line = firstLine; line <= lastLine; line++) longBefore ||= long(old.lines, line);
  let longAfter = false;
  for (let line = firstLine; line <= newLast; line++) longAfter ||= long(lines, line);
  return longBefore === longAfter ? !longAfter : undefined;
}

/**
 * Two analyses that play the same part in the document's structure: the same kind, label and
 * heading, and no comments. Typing inside a paragraph keeps them so, and so does a `?` typed or
 * deleted: whether a paragraph asks changes only the roles, which are read again after every edit.
 */
function sameStructure(a: ParagraphAnalysis, b: ParagraphAnalysis): boolean {
  if (a.kind !== b.kind) return false;
  if (a.inline.comments.length > 0 || b.inline.comments.length > 0) return false;
  if (a.heading?.level !== b.heading?.level || a.heading?.text !== b.heading?.text) return false;
  const x = a.label;
  const y = b.label;
  if (!x || !y) return x === y;
  return x.kind === y.kind && x.key === y.key && x.name === y.name && x.alone === y.alone && x.forced === y.forced && x.weak === y.weak
    && x.headingLike === y.headingLike && x.whole === y.whole
    && x.qualifiers.length === y.qualifiers.length && x.qualifiers.every((q, i) => q === y.qualifiers[i]);
}

/** An analysis as the document reads it with these label counts: what kind of paragraph, with what label. */
function asNode(analysis: ParagraphAnalysis, labels: LabelStats): ParagraphNode {
  return new ParagraphNode(0, 0, 0, 0, analysis, labels.accepts(analysis), labels.repeats(analysis));
}

/**
 * Two paragraphs that start, continue or divide turns alike, whatever their labels say: the
 * same kind and heading, a label of the same kind or none, no comments. A name typed in a label keeps them so.
 */
function sameTurnStart(a: ParagraphNode, b: ParagraphNode): boolean {
  if (a.kind !== b.kind || a.analysis.inline.comments.length > 0 || b.analysis.inline.comments.length > 0) return false;
  if (a.heading?.level !== b.heading?.level || a.heading?.text !== b.heading?.text) return false;
  const x = a.label;
  const y = b.label;
  if (!x || !y) return x === y;
  return x.kind === y.kind && a.analysis.label?.whole === b.analysis.label?.whole;
}

/**
 * A paragraph from its first to its last line; `from` and `to`, where given, are offsets where it
 * starts or ends inside its first or last line (a label after the last words of the turn before).
 */
function bodyParagraph(lines: LineIndex, view: string, first: number, last: number, analyses: Analyses, from?: number, to?: number): ParagraphEntry {
  let start = from ?? lines.lineStarts[first];
  const end = to === undefined ? lines.lineEnd(last) : trimmedEnd(view, start, to);
  while (start < end && isSpace(view.charCodeAt(start))) start++;
  return { start, end, firstLine: first, lastLine: last, analysis: analyses.get(view.slice(start, end)) };
}

/**
 * Analyses paragraphs, reusing those of paragraphs [from, to) of an earlier version (all of
 * them by default) whose text is the same, so that what features derived from them is kept.
 */
class Analyses {
  private byText?: Map<string, ParagraphAnalysis>;

  constructor(
    private readonly analyse: (text: string) => ParagraphAnalysis,
    private readonly earlier?: Transcript, private readonly from = 0, private readonly to = earlier?.table.length ?? 0,
  ) {}

  get(text: string): ParagraphAnalysis {
    // With nothing to reuse (a document just opened), do not hash every paragraph's text.
    return (this.earlier && this.reusable().get(text)) || this.analyse(text);
  }

  private reusable(): Map<string, ParagraphAnalysis> {
    if (!this.byText) {
      this.byText = new Map();
      const earlier = this.earlier;
      if (earlier) {
        const { starts, ends, analyses } = earlier.table;
        // A cover page's paragraphs are header for their place, not for their text.
        for (let i = this.from; i < this.to; i++) if (analyses[i].kind !== 'header') this.byText.set(earlier.source.slice(starts[i], ends[i]), analyses[i]);
      }
    }
    return this.byText;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function contextKey(language: string, context: LabelContext): string {
  return JSON.stringify([language, [...context.questionMarkers], [...context.declaredSpeakers]]);
}

/** A CHAT file's tiers are read by their markup alone, whatever the language or the settings. */
const CHAT_CONTEXT_KEY = 'chat';

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
    if (isBlankLine(lines, line)) continue;
    const lineText = lines.lineText(line).replace(/^\uFEFF/, '');
    const kind = headerLineKind(lineText, needsTitle && found.length === 0);
    const label = kind && kind !== 'time' ? detectLabel(lineText, context) : undefined;
    // A name alone with the words right below it (`William H. Rehnquist`) opens the body; set
    // apart by a blank line (`*Via Teleconference*`), it is a line of the header.
    if (!kind || (label && (!label.nameLine || (line + 1 < lines.lineCount && !isBlankLine(lines, line + 1))))) break;
    const offset = lines.lineStarts[line] + lineText.search(/\S/) + (lines.lineText(line).length - lineText.length);
    found.push({ kind, text: detached(lineText.trim()), start: offset, end: offset + lineText.trim().length });
  }
  if (found.length === 0) return undefined;
  return { start: found[0].start, end: found[found.length - 1].end, lines: found };
}

/** A court transcript's cover page, appearances and contents come before the first speaker. */
function markCoverPage(nodes: ParagraphEntry[]): void {
  for (let i = 0; i < nodes.length && !(nodes[i].analysis.label && !nodes[i].analysis.label!.weak); i++) {
    nodes[i] = { ...nodes[i], analysis: { ...nodes[i].analysis, kind: 'header' } };
  }
}

function* leadingComments(lines: LineIndex, from: number): Generator<[number, number]> {
  let line = from;
  while (line < lines.lineCount) {
    if (isBlankLine(lines, line)) {
      line++;
      continue;
    }
    const text = lines.lineText(line).replace(/^\uFEFF/, '');
    if (!text.trimStart().startsWith('<!--')) return;
    const first = line;
    while (line < lines.lineCount - 1 && !lines.lineText(line).includes('-->')) line++;
    yield [first, line];
    line++;
  }
}

const NO_INLINE = { tags: [], annotations: [], comments: [], urls: [] };

function headerParagraph(lines: LineIndex, line: HeaderLine): ParagraphEntry {
  const lineNumber = lines.lineAt(line.start);
  return headerEntry(line.start, line.end, lineNumber, lineNumber);
}

function headerEntry(start: number, end: number, firstLine: number, lastLine: number): ParagraphEntry {
  const analysis: ParagraphAnalysis = paragraphAnalysis('header', 0, NO_INLINE);
  return { start, end, firstLine, lastLine, analysis };
}

/**
 * Hands each paragraph between two lines to `paragraph`, as its first and last line (a callback,
 * not a generator: 40,000 paragraphs made 18 MB of iterator results). Blank lines separate
 * blocks. A block whose lines all fit in WRAP_WIDTH is hard-wrapped text, one paragraph; a block
 * with a longer line was pasted from a web page, one paragraph per line. In both, a heading, a
 * separator, a comment, or a label after a finished sentence starts a new paragraph (a weak one
 * too: if the document does not bear it out, the paragraph still continues the turn).
 */
/** Receives a paragraph as its first and last line, and where given the offsets it starts or ends at inside them. */
type ParagraphSink = (first: number, last: number, start?: number, end?: number) => void;

function splitParagraphs(lines: LineIndex, from: number, to: number, context: LabelContext, paragraph: ParagraphSink): void {
  const { text } = lines;
  let line = from;
  while (line <= to) {
    const start = firstNonBlank(text, lines.lineStarts[line], lines.lineEnd(line));
    if (start < 0) {
      line++;
      continue;
    }
    if (text.startsWith('<!--', start)) {
      const first = line;
      while (line < lines.lineCount - 1 && !lines.lineText(line).includes('-->')) line++;
      paragraph(first, line);
      line++;
      continue;
    }
    const first = line;
    let wrapped = true;
    while (line <= to) {
      const lineStart = lines.lineStarts[line];
      const lineEnd = lines.lineEnd(line);
      const at = firstNonBlank(text, lineStart, lineEnd);
      if (at < 0 || (line > first && text.startsWith('<!--', at))) break;
      if (trimmedEnd(text, lineStart, lineEnd) - lineStart > WRAP_WIDTH) wrapped = false;
      line++;
    }
    splitBlock(lines, first, line - 1, wrapped, context, paragraph);
  }
}

function splitBlock(lines: LineIndex, first: number, last: number, wrapped: boolean, context: LabelContext, paragraph: ParagraphSink): void {
  if (!wrapped) {
    for (let line = first; line <= last; line++) {
      const at = labelInLine(lines, line, context);
      if (at < 0) paragraph(line, line);
      else {
        paragraph(line, line, undefined, at);
        paragraph(line, line, at);
      }
    }
    return;
  }
  const { text } = lines;
  const headingOrSeparator = (line: number) => isHeadingOrSeparator(text, lines.lineStarts[line], lines.lineEnd(line));
  const cue = (line: number) => isCueLine(text, lines.lineStarts[line], lines.lineEnd(line));
  // A label after a finished sentence starts a paragraph; `[Speaker 1] [00:31] we the last…`, a
  // segment stamped with its time, starts one whatever the last line ended on. In IRC minutes
  // (`mk: text`, `… more`) each speaker's line starts one: the scribe ends no sentences. After a
  // page's furniture (`25`, `ROUGH DRAFT ONLY`, a reporter's phone number) the next line starts
  // afresh. A name in capitals with its colon starts one whatever the line above: OCR of a scanned
  // transcript loses question marks (`…after you won the election` / `PM: No I don't`), and runs a
  // label after the last words of the speaker before (`idea? PM: Not necessary.`).
  const labelBreaks = (line: number) => {
    const before = lines.lineText(line - 1);
    const afterSentence = endsSentenceAt(text, lines.lineStarts[line - 1], lines.lineEnd(line - 1))
      || breaksOff(text, lines.lineStarts[line - 1], lines.lineEnd(line - 1)) || PAGE_LINE.test(before)
      || isMinutesLine(before);
    const lineText = lines.lineText(line);
    // The other breaks are kept to the labels of reporters' and press offices' transcripts: markers and names in capitals.
    const furniture = !afterSentence && isPageFurniture(before);
    const capitals = !afterSentence && mayHoldCapitalsLabel(lineText);
    if (!afterSentence && !capitals && !furniture && text.charCodeAt(lines.lineStarts[line]) !== OPEN_BRACKET) return false;
    const label = detectLabel(lineText, context);
    if (!label) return false;
    return afterSentence || isTimedLabel(label) || ((capitals || furniture) && isCapitalsLabel(label, lineText)) || (furniture && label.kind !== 'speaker');
  };
  let start = first;
  // Where the paragraph being read starts inside its first line, if not at the line's start.
  let startsAt: number | undefined;
  for (let line = first; line <= last; line++) {
    if (line > first && (headingOrSeparator(line) || headingOrSeparator(line - 1) || cue(line) || cue(line - 1) || labelBreaks(line))) {
      paragraph(start, line - 1, startsAt);
      start = line;
      startsAt = undefined;
    }
    const at = labelInLine(lines, line, context);
    if (at >= 0) {
      paragraph(start, line, startsAt, at);
      start = line;
      startsAt = at;
    }
  }
  paragraph(start, last, startsAt);
}

/**
 * The offset of a label in capitals after the last words of the turn before on the line (`idea?
 * PM: Not necessary.`), or -1. A label at the line's start in capitals or a marker stays one; a
 * name read there with the last words in it (`Government. JOURNALIST:`) does not.
 */
function labelInLine(lines: LineIndex, line: number, context: LabelContext): number {
  const lineText = lines.lineText(line);
  if (!mayHoldCapitalsLabel(lineText)) return -1;
  const at = labelAfterLastWords(lineText);
  if (at < 0) return -1;
  const label = detectLabel(lineText, context);
  return label && (label.kind !== 'speaker' || !/\p{Ll}/u.test(label.name)) ? -1 : lines.lineStarts[line] + at;
}

const OPEN_BRACKET = 0x5b;
/** The longest stretch from a line's start to the colon of a label in capitals it may hold (see labelAfterLastWords). */
const CAPITALS_LABEL_REACH = 64;

/** The line has a colon near its start right after a capital: the cheap test before a label in capitals is looked for. */
function mayHoldCapitalsLabel(line: string): boolean {
  const colon = line.indexOf(':');
  if (colon < 2 || colon > CAPITALS_LABEL_REACH) return false;
  const before = line.charCodeAt(colon - 1);
  return before >= 0x41 && before <= 0x5a;
}

/**
 * A speaker's name in capitals with its colon, of a few words (`PM:`, `MR. SCAROLA:`, `idea?
 * JOURNALIST:`, `THE WITNESS:`), not a marker nor a weak label: `LAW OFFICES OF TONJA HADDAD:` on
 * a deposition's cover page is longer.
 */
function isCapitalsLabel(label: LabelMatch, line: string): boolean {
  return label.kind === 'speaker' && !label.weak && !label.nameLine && line.charCodeAt(label.end - 1) === 0x3a
    && /\p{Lu}.*\p{Lu}/u.test(label.name) && !/\p{Ll}/u.test(label.name) && label.name.split(' ').length <= MAX_CAPITALS_LABEL_WORDS;
}

const MAX_CAPITALS_LABEL_WORDS = 3;
/** A page's running foot or head of a PDF's text, `Page 7 of 28March 19, 2025 Chair Powell’s…`: the next line starts afresh. */
const PAGE_LINE = /^[ \t]*(?:Page|PAGE|Seite|Página)[ \t]\d{1,4}[ \t]+(?:of|OF|von|de)[ \t]+\d{1,4}/;
/** A line that ends in a dash breaking speech off: `… To my right is Danyn lndyke --`. */
const BROKEN_OFF = /(?:--|—)[ \t]*$/;

/** After speech broken off a label starts a paragraph as after a finished sentence: the next speaker cut in. */
function breaksOff(text: string, start: number, end: number): boolean {
  return BROKEN_OFF.test(text.slice(start, end));
}

function isTimedLabel(label: LabelMatch): boolean {
  return label.qualifiers.some((q) => CLOCK_TIME.test(q));
}

const CLOCK_TIME = /^\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?$/;

function isBlankLine(lines: LineIndex, line: number): boolean {
  return firstNonBlank(lines.text, lines.lineStarts[line], lines.lineEnd(line)) < 0;
}
