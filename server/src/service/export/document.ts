import type { AnnotationKind, Paragraph, TranscriptModel, Turn, TurnRole } from '../model';
import { normaliseName } from '../parser/markers';
import { openingWords } from '../text/words';
import type { DerivedResults } from '../derivedResults';
import type { CancellationToken } from '../types';
import { ExportError, type ExportOptions } from './options';

/**
 * What every export format writes, read once from the model: the turns' words as pieces of text
 * and annotations, the headings between them, the questions. Formats know nothing of the parser.
 */
export interface ExportDocument {
  readonly title?: string;
  readonly language: string;
  /** The front matter's keys, as written. */
  readonly frontMatter?: Record<string, unknown>;
  readonly speakers: readonly ExportSpeaker[];
  readonly sections: readonly { readonly title: string; readonly level: number }[];
  /** Headings and turns in document order, the turns of speakers left out already dropped. */
  readonly blocks: readonly ExportBlock[];
  /** Every turn of the transcript, kept or not: times are read from all of them. */
  readonly turns: readonly ExportTurn[];
  readonly questions: readonly ExportQuestion[];
}

export interface ExportSpeaker {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly aliases: readonly string[];
  readonly declared: boolean;
}

export type ExportBlock =
  | { readonly kind: 'heading'; readonly section: number; readonly level: number; readonly title: string }
  | { readonly kind: 'turn'; readonly turn: ExportTurn };

export interface ExportTurn {
  readonly index: number;
  /** The speaker's id in `speakers`; undefined for a marker (`Question:`) or an unlabelled turn. */
  readonly speakerId?: string;
  /** Who speaks, as shown: the speaker's name, the marker as written, or undefined when no label says. */
  readonly speaker?: string;
  readonly role: TurnRole;
  readonly question?: number;
  readonly answers?: number;
  /** Index into `sections`. */
  readonly section?: number;
  /** 1-based line of the turn's start in the transcript. */
  readonly line: number;
  readonly paragraphs: readonly ExportParagraph[];
  /** The speakers asked for (all when none were): false for a turn left out of the output. */
  readonly kept: boolean;
}

export interface ExportParagraph {
  readonly pieces: readonly Piece[];
  /** A stage direction standing alone: `(Laughter.)`. */
  readonly stage: boolean;
}

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'timestamp'; readonly text: string; readonly seconds: number }
  | { readonly kind: 'annotation'; readonly annotation: Exclude<AnnotationKind, 'timestamp'>; readonly text: string };

export interface ExportQuestion {
  readonly number: number;
  /** Index into `turns`. */
  readonly turn: number;
  readonly answerTurns: readonly number[];
  readonly questioner?: string;
  /** The outline's name of the question: its opening words. */
  readonly openingWords: string;
}

/** An annotation as written in a transcript: notes and marks in brackets, stage directions in parentheses. */
export function annotationText(piece: Exclude<Piece, { kind: 'text' }>): string {
  if (piece.kind === 'timestamp') return `[${piece.text}]`;
  return piece.annotation === 'stage' ? `(${piece.text})` : `[${piece.text}]`;
}

/** The paragraph's pieces as one line of text, timestamps left out: what a subtitle or a table cell shows. */
export function piecesText(pieces: readonly Piece[]): string {
  let text = '';
  for (const piece of pieces) {
    if (piece.kind === 'timestamp') continue;
    text += piece.kind === 'text' ? piece.text : annotationText(piece);
  }
  return collapseSpaces(text);
}

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Reads the export document from the model; undefined when cancelled. `progress` hears the share of turns read. */
export function exportDocument(
  results: DerivedResults,
  model: TranscriptModel,
  options: ExportOptions,
  token: CancellationToken,
  progress?: (fraction: number) => void,
): ExportDocument | undefined {
  const keep = speakerFilter(model, options.speakers);
  const comments = commentsFinder(model);
  const turns: ExportTurn[] = [];
  for (const turn of model.turns) {
    if (turn.index % 256 === 0) {
      if (token.isCancellationRequested) return undefined;
      progress?.(turn.index / model.turns.length);
    }
    turns.push({
      index: turn.index,
      speakerId: turn.speakerId,
      speaker: displayName(model, turn),
      role: turn.role,
      question: turn.questionNumber,
      answers: turn.answers,
      section: turn.section,
      line: model.lines.lineAt(turn.start) + 1,
      paragraphs: turn.paragraphs.map((p) => exportParagraph(model, model.paragraphs[p], options, comments)),
      kept: keep(turn),
    });
  }
  const turnOfParagraph = new Map<number, number>();
  for (const turn of model.turns) turnOfParagraph.set(turn.paragraphs[0], turn.index);
  const headingOfParagraph = new Map(model.sections.map((s, i) => [s.headingParagraph, i]));
  const blocks: ExportBlock[] = [];
  model.paragraphs.forEach((_, index) => {
    const section = headingOfParagraph.get(index);
    if (section !== undefined) {
      const { level, title } = model.sections[section];
      blocks.push({ kind: 'heading', section, level, title: collapseSpaces(title) });
    }
    const turn = turnOfParagraph.get(index);
    if (turn !== undefined && turns[turn].kept) blocks.push({ kind: 'turn', turn: turns[turn] });
  });
  const title = model.frontMatter?.title ?? model.header?.lines.find((l) => l.kind === 'title')?.text;
  return {
    title: title && collapseSpaces(title),
    language: model.language,
    frontMatter: model.frontMatter?.data,
    speakers: [...model.speakers.values()].map((s) => ({ id: s.id, name: s.name, role: s.role, aliases: s.aliases, declared: s.declared })),
    sections: model.sections.map((s) => ({ title: collapseSpaces(s.title), level: s.level })),
    blocks,
    turns,
    questions: model.questions.map((q) => ({
      number: q.number,
      turn: q.turn,
      answerTurns: q.answerTurns,
      questioner: q.questioner,
      openingWords: openingWords(results, model, model.turns[q.turn]) || '(no words)',
    })),
  };
}

function displayName(model: TranscriptModel, turn: Turn): string | undefined {
  if (turn.speakerId) return model.speakers.get(turn.speakerId)?.name ?? turn.speakerId;
  return turn.label?.name;
}

/** Which turns to write: those of the speakers named (by name or alias, compared as labels are), or all. */
function speakerFilter(model: TranscriptModel, names: readonly string[] | undefined): (turn: Turn) => boolean {
  if (!names?.length) return () => true;
  const wanted = new Set<string>();
  const labels = new Set(model.turns.flatMap((t) => (t.label && !t.speakerId ? [normaliseName(t.label.name)] : [])));
  for (const name of names) {
    const key = normaliseName(name);
    const speaker = [...model.speakers.values()].find((s) => s.id === key || normaliseName(s.name) === key || s.aliases.some((a) => normaliseName(a) === key));
    if (speaker) wanted.add(speaker.id);
    else if (labels.has(key)) wanted.add(key);
    else {
      const known = [...model.speakers.values()].map((s) => s.name);
      throw new ExportError(`no speaker called “${name}” in this transcript${known.length ? ` (its speakers: ${known.join(', ')})` : ''}`);
    }
  }
  return (turn) => wanted.has(turn.speakerId ?? (turn.label ? normaliseName(turn.label.name) : ''));
}

/** Finds the inline comments in a paragraph; paragraphs are asked for in document order. */
function commentsFinder(model: TranscriptModel) {
  let next = 0;
  return (paragraph: Paragraph) => {
    while (next < model.comments.length && model.comments[next].end <= paragraph.start) next++;
    const found = [];
    for (let i = next; i < model.comments.length && model.comments[i].start < paragraph.end; i++) found.push(model.comments[i]);
    return found;
  };
}

/**
 * A paragraph's words after its label as pieces: text runs and annotations in order, comments
 * and line breaks gone. A timestamp before the words (`[00:01:02] Name:`, `**[00:03] SPEAKER_02:**`,
 * `**Emma** [0:18]`) opens the pieces: it is when the paragraph starts.
 */
function exportParagraph(
  model: TranscriptModel, paragraph: Paragraph, options: ExportOptions, comments: (p: Paragraph) => { start: number; end: number }[],
): ExportParagraph {
  const pieces: Piece[] = [];
  // Court layout and CHAT blank their line numbers and dependent tiers in `source`: read words there.
  const source = model.source;
  const skipped = comments(paragraph);
  let at = paragraph.contentStart;
  const pushText = (from: number, to: number) => {
    for (const comment of skipped) {
      if (comment.end <= from || comment.start >= to) continue;
      if (comment.start > from) pushText(from, comment.start);
      from = Math.max(from, comment.end);
    }
    if (from >= to) return;
    const text = source.slice(from, to).replace(/[\s\u00a0]+/g, ' ');
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', text: last.text + text };
    else if (text.trim() || pieces.length) pieces.push({ kind: 'text', text: pieces.length ? text : text.trimStart() });
  };
  for (const annotation of paragraph.annotations) {
    if (annotation.kind === 'timestamp') {
      if (options.timestamps === false) {
        if (annotation.start >= at) pushText(at, annotation.start);
        at = Math.max(at, annotation.end);
        continue;
      }
      // Before the words, in or before the label: the paragraph's start, whatever words came before it.
      if (annotation.start < paragraph.contentStart || !source.slice(at, annotation.start).trim()) {
        if (!pieces.some((p) => p.kind !== 'timestamp')) {
          pieces.push({ kind: 'timestamp', text: annotation.text, seconds: annotation.seconds! });
          at = Math.max(at, annotation.end);
          continue;
        }
      }
      if (annotation.start < at) continue;
      pushText(at, annotation.start);
      pieces.push({ kind: 'timestamp', text: annotation.text, seconds: annotation.seconds! });
    } else {
      if (annotation.start < at) continue;
      pushText(at, annotation.start);
      if (options.annotations !== false) pieces.push({ kind: 'annotation', annotation: annotation.kind, text: collapseSpaces(annotation.text) });
    }
    at = annotation.end;
  }
  pushText(at, paragraph.end);
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'text') {
    const trimmed = last.text.trimEnd();
    if (trimmed) pieces[pieces.length - 1] = { kind: 'text', text: trimmed };
    else pieces.pop();
  }
  return { pieces, stage: paragraph.kind === 'stage' };
}
