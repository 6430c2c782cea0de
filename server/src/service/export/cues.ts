import { languageWords, type LanguageWords } from '../text/languages';
import type { CueLimits } from './options';
import type { TimedSegment } from './timing';

/** One subtitle: its time, who speaks, and its lines, each within the line length where words allow. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly speaker?: string;
  readonly lines: readonly string[];
  /** The first cue of its turn: where the speaker changes. */
  readonly turnStart: boolean;
}

interface Token {
  readonly text: string;
  /** In characters (code points), as a reader counts them on screen. */
  readonly length: number;
  /** Written straight after the token before it, without a space: a character of a script without spaces. */
  readonly joined: boolean;
  readonly endsSentence: boolean;
  readonly endsClause: boolean;
}

/** Scripts written without spaces: a line may break between any two of their characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SENTENCE_END = /[.!?…。！？‼⁇⁈⁉][”’"')\]»」』）]*$/u;
const CLAUSE_END = /[,;:，、；：—–][”’"')\]»」』）]*$/u;

/**
 * Cuts the segments of the kept turns into cues: a new cue at every segment (a turn, a paragraph,
 * a timestamp), and inside a segment at sentence ends, as many whole sentences to a cue as its
 * lines hold; a sentence too long for one cue is cut after a comma or between words. A cue's time
 * is its share of the segment's, by characters. `prefix` is written before the first line of a
 * turn's first cue (SRT's `Name: `) and counts in that line.
 */
export function buildCues(segments: readonly TimedSegment[], language: string, limits: CueLimits, prefix?: (speaker: string) => string): Cue[] {
  const words = languageWords(language);
  const cues: Cue[] = [];
  let lastTurn: number | undefined;
  for (const segment of segments) {
    if (!segment.turn.kept || !segment.text) continue;
    const tokens = tokenize(segment.text, words);
    const total = tokens.reduce((n, t) => n + t.length, 0);
    const span = segment.end - segment.start;
    let before = 0;
    let from = 0;
    while (from < tokens.length) {
      const turnStart = lastTurn !== segment.turn.index;
      lastTurn = segment.turn.index;
      const lead = turnStart && prefix && segment.turn.speaker ? prefix(segment.turn.speaker) : '';
      const to = cueEnd(tokens, from, limits, codePoints(lead));
      const lines = wrap(tokens, from, to, limits.lineLength, codePoints(lead));
      if (lead) lines[0] = lead + lines[0];
      let length = 0;
      for (let i = from; i < to; i++) length += tokens[i].length;
      const start = segment.start + Math.round((span * before) / total);
      before += length;
      const end = segment.start + Math.round((span * before) / total);
      cues.push({ start, end, speaker: segment.turn.speaker, lines, turnStart });
      from = to;
    }
  }
  return cues;
}

function tokenize(text: string, words: LanguageWords): Token[] {
  const tokens: Token[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (!UNSPACED.test(word)) {
      tokens.push(token(word, false, words));
      continue;
    }
    // Each character its own token, punctuation kept with the character before it.
    let first = true;
    for (const piece of word.match(/\P{P}\p{P}*|\p{P}+/gu) ?? []) {
      tokens.push(token(piece, !first, words));
      first = false;
    }
  }
  return tokens;
}

function token(text: string, joined: boolean, words: LanguageWords): Token {
  const endsSentence = SENTENCE_END.test(text) && !isAbbreviation(text, words);
  return { text, length: codePoints(text), joined, endsSentence, endsClause: CLAUSE_END.test(text) };
}

/** `Dr.`, `e.g.`, an initial `J.`: a dot that ends no sentence (the language's list of the sentence checks). */
function isAbbreviation(text: string, words: LanguageWords): boolean {
  const word = /([\p{L}.]*\p{L})\.$/u.exec(text)?.[1];
  return !!word && (words.abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word));
}

/** A sentence ends before `at`: the token before it ends one, and the next does not go on in lower case. */
function sentenceEndsBefore(tokens: readonly Token[], at: number): boolean {
  return tokens[at - 1].endsSentence && !(at < tokens.length && /^\p{Ll}/u.test(tokens[at].text));
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * Where the cue that starts at `from` ends: after the last sentence end among the tokens its lines
 * hold; without one, after the last comma in the second half of them; else after as many words
 * as fit. At least one token, even a word longer than a line.
 */
function cueEnd(tokens: readonly Token[], from: number, limits: CueLimits, reserved: number): number {
  let fit = from;
  let line = 1;
  let used = reserved;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    const add = i === from ? t.length : t.length + (t.joined ? 0 : 1);
    if (i === from || used + add <= limits.lineLength) used += add;
    else if (line < limits.lines && t.length <= limits.lineLength) {
      line++;
      used = t.length;
    } else break;
    fit = i + 1;
  }
  if (fit === tokens.length) return fit;
  for (let i = fit; i > from; i--) if (sentenceEndsBefore(tokens, i)) return i;
  const half = from + Math.ceil((fit - from) / 2);
  for (let i = fit; i > half; i--) if (tokens[i - 1].endsClause) return i;
  return Math.max(fit, from + 1);
}

/**
 * The tokens from `from` to `to` in lines of at most `lineLength` characters, the first `reserved`
 * shorter. Two lines break where a sentence or a clause ends if one can, else where they are most even.
 */
function wrap(tokens: readonly Token[], from: number, to: number, lineLength: number, reserved: number): string[] {
  const greedy = wrapGreedily(tokens, from, to, lineLength, reserved);
  if (greedy.length !== 2) return greedy;
  let total = 0;
  for (let i = from; i < to; i++) total += tokens[i].length + (i > from && !tokens[i].joined ? 1 : 0);
  let best: { at: number; score: number } | undefined;
  let first = reserved;
  for (let at = from + 1; at < to; at++) {
    first += tokens[at - 1].length + (at - 1 > from && !tokens[at - 1].joined ? 1 : 0);
    const second = total + reserved - first - (tokens[at].joined ? 0 : 1);
    if (first > lineLength) break;
    if (second > lineLength) continue;
    const kind = sentenceEndsBefore(tokens, at) ? 0 : tokens[at - 1].endsClause ? 1 : 2;
    const score = kind * 1000 + Math.abs(first - second);
    if (!best || score < best.score) best = { at, score };
  }
  if (!best) return greedy;
  return [wrapGreedily(tokens, from, best.at, Infinity, 0)[0], wrapGreedily(tokens, best.at, to, Infinity, 0)[0]];
}

function wrapGreedily(tokens: readonly Token[], from: number, to: number, lineLength: number, reserved: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = reserved;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!line) {
      line = t.text;
      used += t.length;
      continue;
    }
    const add = t.length + (t.joined ? 0 : 1);
    if (used + add <= lineLength) {
      line += t.joined ? t.text : ` ${t.text}`;
      used += add;
    } else {
      lines.push(line);
      line = t.text;
      used = t.length;
    }
  }
  lines.push(line);
  return lines;
}
