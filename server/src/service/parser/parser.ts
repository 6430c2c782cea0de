import type {
  Comment, FrontMatter, Header, HeaderLine, Label, Paragraph, Question, Section, Speaker,
  TopicTag, Annotation, TranscriptModel, TurnRole,
} from '../model';
import { LineIndex } from '../text/lineIndex';
import { courtParagraphs, courtView, isCourtLayout } from './courtLayout';
import { parseFrontMatter } from './frontMatter';
import { MAX_HEADER_LINES, headerLineKind } from './header';
import { affiliation, detectLabel, type LabelContext } from './labels';
import { ANSWER_MARKERS, QUESTION_MARKERS, REMARK_MARKERS, markersFor, normaliseName } from './markers';
import { ParagraphCache, endsSentence, isHeadingOrSeparator, type ParagraphAnalysis } from './paragraphs';

export interface ParseOptions {
  /** Extra question markers from the user's settings. */
  readonly questionMarkers?: readonly string[];
}

export interface ParseInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** Lines of a hard-wrapped block are at most this long; a longer line is a paragraph of its own. */
export const WRAP_WIDTH = 100;
const BLANK = /^[\s\u200b]*$/;

/**
 * Parses a transcript into its model. Pass the same cache for successive versions of one
 * document: paragraphs whose text did not change are not analysed again.
 */
export function parseTranscript(input: ParseInput, options: ParseOptions = {}, cache = new ParagraphCache()): TranscriptModel {
  const { text } = input;
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(lines, 0);
  const language = frontMatter?.language ?? 'en';
  const context = labelContext(language, frontMatter, options);
  cache.begin(JSON.stringify([language, [...context.questionMarkers], [...context.declaredSpeakers]]));

  let line = frontMatter ? lines.lineAt(frontMatter.end) + 1 : 0;
  const court = isCourtLayout(lines);
  const header = court ? undefined : scanHeader(lines, line, context, !frontMatter?.title);
  if (header) line = lines.lineAt(header.end) + 1;

  // A court transcript is read through a view with its line numbers blanked; offsets are the same.
  const view = court ? courtView(lines) : text;
  const raw: RawParagraph[] = header ? header.lines.map((h) => headerParagraph(lines, h)) : [];
  for (const [first, last] of court ? courtParagraphs(lines, line) : splitParagraphs(lines, line, context)) {
    let start = lines.lineStarts[first];
    const end = lines.lineEnd(last);
    while (start < end && /\s/.test(view[start])) start++;
    raw.push({ start, end, firstLine: first, lastLine: last, analysis: cache.get(view.slice(start, end), context) });
  }
  cache.end();

  return assemble(input, view, lines, language, frontMatter, header, raw);
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

interface RawParagraph {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly analysis: ParagraphAnalysis;
}

const NO_INLINE = { tags: [], annotations: [], comments: [], urls: [] };

function headerParagraph(lines: LineIndex, line: HeaderLine): RawParagraph {
  const lineNumber = lines.lineAt(line.start);
  return { start: line.start, end: line.end, firstLine: lineNumber, lastLine: lineNumber, analysis: { kind: 'header', contentStart: 0, inline: NO_INLINE } };
}

/**
 * Yields each paragraph as its first and last line. Blank lines separate blocks. A block whose
 * lines all fit in WRAP_WIDTH is hard-wrapped text, one paragraph; a block with a longer line
 * was pasted from a web page, one paragraph per line. In both, a heading, a separator, a
 * comment, or a label after a finished sentence starts a new paragraph (a weak one too: if the
 * document does not bear it out, the paragraph still continues the turn).
 */
function* splitParagraphs(lines: LineIndex, from: number, context: LabelContext): Generator<[number, number]> {
  const count = lines.lineCount;
  let line = from;
  while (line < count) {
    const text = lines.lineText(line);
    if (BLANK.test(text)) {
      line++;
      continue;
    }
    if (text.trimStart().startsWith('<!--')) {
      const first = line;
      while (line < count - 1 && !lines.lineText(line).includes('-->')) line++;
      yield [first, line];
      line++;
      continue;
    }
    const first = line;
    let wrapped = true;
    while (line < count) {
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

function assemble(input: ParseInput, source: string, lines: LineIndex, language: string, frontMatter: FrontMatter | undefined, header: Header | undefined, raw: readonly RawParagraph[]): TranscriptModel {
  const paragraphs = raw.map(toParagraph);
  const isAccepted = acceptedLabels(paragraphs, raw, frontMatter);

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

  const close = () => {
    current = undefined;
  };
  paragraphs.forEach((paragraph, index) => {
    const analysis = raw[index].analysis;
    for (const c of analysis.inline.comments) comments.push(comment(paragraph.start + c.start, paragraph.start + c.end, c.text));
    switch (paragraph.kind) {
      case 'header':
      case 'comment':
        return;
      case 'heading':
        close();
        section = sections.length;
        segment++;
        sections.push({ start: paragraph.start, end: paragraph.end, level: paragraph.heading!.level, title: paragraph.heading!.text, headingParagraph: index });
        inheritSpeaker = true;
        return;
      case 'separator':
        close();
        inheritSpeaker = false;
        segment++;
        return;
    }
    const label = isAccepted(index) ? paragraph.label : undefined;
    if (paragraph.label && !label) {
      // A label the document does not bear out is ordinary text.
      paragraphs[index] = { ...paragraph, label: undefined, contentStart: paragraph.start };
    }
    if (label || !current) {
      const speakerId = label ? (label.kind === 'speaker' ? normaliseName(label.name) : undefined) : inheritSpeaker ? lastSpeakerId : undefined;
      current = { index: turns.length, role: 'statement', speakerId, label, paragraphs: [], start: paragraph.start, end: paragraph.end, section, segment };
      turns.push(current);
      lastSpeakerId = speakerId;
    }
    current.paragraphs.push(index);
    current.end = paragraph.end;
  });

  const speakers = resolveSpeakers(turns, frontMatter);
  const questions = assignRoles(turns);
  return {
    uri: input.uri, version: input.version, text: input.text, source, lines, language, frontMatter, header,
    paragraphs, sections: closeSections(sections, paragraphs), turns, questions, speakers, comments,
  };

  function toParagraph(p: RawParagraph): Paragraph {
    const a = p.analysis;
    const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + p.start, end: x.end + p.start });
    const label: Label | undefined = a.label && {
      kind: a.label.kind, name: a.label.name, start: p.start + a.label.start, end: p.start + a.label.end,
      nameStart: p.start + a.label.nameStart, nameEnd: p.start + a.label.nameEnd, qualifiers: a.label.qualifiers,
      alone: a.label.alone, forced: a.label.forced,
    };
    return {
      kind: a.kind, start: p.start, end: p.end, firstLine: p.firstLine, lastLine: p.lastLine,
      contentStart: p.start + a.contentStart, label,
      heading: a.heading && { ...a.heading, textStart: p.start + a.heading.textStart },
      tags: a.inline.tags.map((t): TopicTag => shift(t)),
      annotations: a.inline.annotations.map((x): Annotation => shift(x)),
    };
  }
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
function acceptedLabels(paragraphs: readonly Paragraph[], raw: readonly RawParagraph[], frontMatter: FrontMatter | undefined): (index: number) => boolean {
  const weakCounts = new Map<string, number>();
  const lastWords = new Set<string>();
  const declared = new Set<string>();
  const aloneKeys = new Set<string>();
  let alone = 0;
  let inline = 0;
  paragraphs.forEach((p, i) => {
    if (!p.label) return;
    const key = normaliseName(p.label.name);
    if (raw[i].analysis.label!.weak) {
      weakCounts.set(key, (weakCounts.get(key) ?? 0) + 1);
      return;
    }
    lastWords.add(key.split(' ').pop()!);
    if (p.label.kind !== 'speaker') return;
    if (p.label.alone) {
      alone++;
      aloneKeys.add(key);
    } else inline++;
  });
  for (const speaker of frontMatter?.speakers ?? []) {
    for (const name of [speaker.name, ...speaker.aliases]) declared.add(normaliseName(name));
  }
  // A transcript keeps one label style. Where names stand alone on their lines (the Bundestag),
  // `Apropos Griechenland: Die …` at the start of a paragraph is prose, not a speaker.
  const aloneStyle = alone >= 3 && alone >= 4 * inline;
  return (index) => {
    const label = paragraphs[index].label;
    if (!label) return false;
    const key = normaliseName(label.name);
    if (label.forced || declared.has(key) || label.kind !== 'speaker') return true;
    if (raw[index].analysis.label!.weak) return (weakCounts.get(key) ?? 0) >= 2 || lastWords.has(key);
    return !aloneStyle || label.alone || aloneKeys.has(key);
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
  for (const key of keys) {
    const words = key.split(' ');
    let target: string | undefined;
    for (const candidate of [...new Set(canonical.values()), ...keys]) {
      if (candidate === key || candidate.length >= key.length) continue;
      const candidateWords = candidate.split(' ');
      const isSuffix = candidateWords.length < words.length && words.slice(-candidateWords.length).join(' ') === candidate;
      if (isSuffix && (candidateWords.length >= 2 || declared.has(candidate))) {
        target = canonical.get(candidate) ?? candidate;
        const spelled = names.get(key)!;
        const role = spelled.split(/[\s\u00a0]+/).slice(0, words.length - candidateWords.length).join(' ').replace(/[,\s]+$/, '');
        if (role && !roles.has(target)) roles.set(target, role);
        break;
      }
    }
    if (!target && words.length === 1) {
      const owners = keys.filter((other) => other !== key && other.split(' ').pop() === key);
      if (owners.length === 1) target = canonical.get(owners[0]) ?? owners[0];
    }
    canonical.set(key, target ?? key);
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
function closeSections(sections: Section[], paragraphs: readonly Paragraph[]): Section[] {
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
