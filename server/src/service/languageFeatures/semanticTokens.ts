import type { Range, SemanticTokens } from 'vscode-languageserver-types';
import type { DerivedResults } from '../derivedResults';
import type { TranscriptModel } from '../model';
import type { Glossary } from '../glossary/glossary';
import { organisationSpans } from '../glossary/mentions';
import { firstEndingAfter } from '../text/spans';
import type { Steps } from '../steps';
import type { CancellationToken } from '../types';
import { SEMANTIC_TOKEN_TYPES, type SemanticTokenType } from './semanticTokenLegend';
import { frontMatterSpeakerEntries } from './symbolAt';

interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: SemanticTokenType;
  readonly declaration?: boolean;
}

/**
 * The tokens of the document, or of the lines `range` touches; positions in UTF-16 code units.
 * A range reads only the turns and paragraphs on its lines: the screenful an editor asks for
 * first costs as much in a long transcript as in a short one. A step per turn, per paragraph and
 * per token encoded.
 */
export function* provideSemanticTokens(
  results: DerivedResults, model: TranscriptModel, glossary: Glossary, range: Range | undefined, token: CancellationToken,
): Steps<SemanticTokens> {
  const from = range ? model.lines.offsetAt({ line: range.start.line, character: 0 }) : 0;
  const to = range ? model.lines.lineEnd(Math.min(range.end.line, model.lines.lineCount - 1)) : model.text.length;
  const tokens: Token[] = [];
  for (const entry of frontMatterSpeakerEntries(results, model)) {
    if (!model.speakers.has(entry.id)) continue;
    for (const scalar of [entry.name, ...entry.aliases]) tokens.push({ start: scalar.valueStart, end: scalar.valueEnd, type: 'class', declaration: true });
  }
  // Whole turns and paragraphs that reach the lines: a token is never cut by where they start.
  const { turns, paragraphs } = model;
  for (let i = firstEndingAfter(turns, from); i < turns.length && turns[i].start < to; i++) {
    yield;
    const { label, speakerId } = turns[i];
    if (!label) continue;
    if (label.kind === 'speaker') {
      if (speakerId) tokens.push({ start: label.nameStart, end: label.nameEnd, type: 'class' });
    } else tokens.push({ start: label.nameStart, end: label.nameEnd, type: 'keyword' });
  }
  for (let i = firstEndingAfter(paragraphs, from); i < paragraphs.length && paragraphs[i].start < to; i++) {
    yield;
    if (token.isCancellationRequested) return { data: [] };
    const paragraph = paragraphs[i];
    for (const tag of paragraph.tags) tokens.push({ start: tag.start, end: tag.end, type: 'decorator' });
    for (const a of paragraph.annotations) tokens.push({ start: a.start, end: a.end, type: a.kind === 'timestamp' ? 'number' : 'comment' });
    for (const mention of organisationSpans(results, model, paragraph, glossary)) tokens.push({ start: mention.start, end: mention.end, type: 'enumMember' });
  }
  if (token.isCancellationRequested) return { data: [] };

  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  return { data: yield* encode(model, tokens, from, to) };
}

/**
 * Relative encoding; tokens that overlap an earlier one are left out, tokens over several lines
 * are split, and only the pieces on the lines from `from` to `to` are given.
 */
function* encode(model: TranscriptModel, tokens: readonly Token[], from: number, to: number): Steps<number[]> {
  const { lines } = model;
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  let covered = -1;
  for (const t of tokens) {
    yield;
    if (t.start < covered || t.end <= t.start) continue;
    covered = t.end;
    if (t.end <= from || t.start >= to) continue;
    const type = SEMANTIC_TOKEN_TYPES.indexOf(t.type);
    const modifiers = t.declaration ? 1 : 0;
    const lastLine = Math.min(lines.lineAt(t.end), lines.lineAt(to));
    for (let line = Math.max(lines.lineAt(t.start), lines.lineAt(from)); line <= lastLine; line++) {
      const start = Math.max(t.start, lines.lineStarts[line]);
      const end = Math.min(t.end, lines.lineEnd(line));
      if (end <= start) continue;
      const character = start - lines.lineStarts[line];
      data.push(line - previousLine, line === previousLine ? character - previousChar : character, end - start, type, modifiers);
      previousLine = line;
      previousChar = character;
    }
  }
  return data;
}
