import { detached } from '../../text/detached';
import { unitClassifier } from '../../text/characterTable';
import { isWhiteSpace, trimmedEnd as withoutTrailingWhiteSpace } from '../../text/whiteSpace';
import type { Annotation, Paragraph, TranscriptModel } from '../../model';
import type { LanguageWords } from '../../text/languages';
import { countWordsUpTo } from '../../text/words';
import { isPageFurniture } from '../../text/pageFurniture';

/**
 * What a paragraph's own text says about its sentences, with offsets relative to the paragraph's
 * content. It depends only on the text and the language, so it is cached by text and an
 * unchanged paragraph is never checked twice.
 */
export interface ParagraphChecks {
  readonly ending: Ending;
  readonly delimiters: readonly DelimiterProblem[];
  readonly repeats: readonly RepeatedSentence[];
  /**
   * Continues a sentence from the paragraph before: it starts in lower case, or it is a scrap of
   * a few words closing a sentence (`Oppermann.` split from `… der Kollege Thomas` by a page).
   */
  readonly continues: boolean;
  /** Starts in lower case: where another speaker's turn starts so, it goes on with the words before it (a cue cut mid-sentence). */
  readonly startsInLowerCase: boolean;
  /** Writes a dash (`—`, `--`, ` – `): a transcript that does marks speech broken off with it. */
  readonly writesDash: boolean;
  /** Opens with a quotation mark: a quotation that runs over several paragraphs goes on. */
  readonly opensWithQuote: boolean;
  /** The paragraph's words, counted only as far as the checks ask (whether there are none, three, or a salutation's): at most COUNTED_WORDS. */
  readonly wordCount: number;
  /** Opens with a list item or a code fence: what a paragraph before it that stops mid-sentence introduces (`would be equivalent to` / ```` ``` ````). */
  readonly opensListOrCode: boolean;
  /**
   * Ends no sentence in UNPUNCTUATED_WORDS words or more: text that does not punctuate (a machine's
   * words, a scribe's notes), where a missing full stop says nothing of missing words.
   */
  readonly unpunctuated: boolean;
}

/** Words without a sentence's end that show text not punctuated: more than a long sentence runs to. */
export const UNPUNCTUATED_WORDS = 40;

/** A salutation is short: `Ladies and gentlemen,`, `Mr President, Mr Karzai, colleagues,`. */
export const SALUTATION_WORDS = 25;
const COUNTED_WORDS = SALUTATION_WORDS + 1;

export type Ending =
  | { readonly kind: 'complete' }
  /** Speech broken off and marked so: a dash (`We were about to —`, `--`) or an ellipsis (`And so...`). */
  | { readonly kind: 'broken-off' }
  /** Not a sentence at all: a list item, a table-of-contents line, an all-caps title, a URL. */
  | { readonly kind: 'not-prose' }
  /** Ends with `,`; `address` if the last words greet or name someone (`Ladies and gentlemen,`, `Go ahead, Katie,`). */
  | { readonly kind: 'comma'; readonly start: number; readonly end: number; readonly address: boolean }
  | { readonly kind: 'cut'; readonly start: number; readonly end: number; readonly lastWord: string; readonly punctuated: boolean };

// What most paragraphs come to, shared: these are kept for every paragraph of a long document.
const COMPLETE: Ending = Object.freeze({ kind: 'complete' });
const NOT_PROSE: Ending = Object.freeze({ kind: 'not-prose' });
const BROKEN_OFF: Ending = Object.freeze({ kind: 'broken-off' });
const NONE: readonly never[] = Object.freeze([]);
const NO_ANNOTATIONS: readonly Annotation[] = Object.freeze([]);

export interface DelimiterProblem {
  /** The character; for a reversed pair, from its first character to after its second. */
  readonly start: number;
  readonly end: number;
  readonly char: string;
  readonly problem: 'unclosed' | 'unopened' | 'reversed';
}

export interface RepeatedSentence {
  /** The repeat itself. */
  readonly start: number;
  readonly end: number;
  /** From the end of the sentence before it: what removing the repeat deletes. */
  readonly removeFrom: number;
  readonly text: string;
}

const TERMINAL = /[.!?…。！？‼⁇⁈⁉:;]/u;
/** How much of a paragraph's end the end-anchored patterns read. */
const TAIL = 300;
/** Closing quotes and brackets after the full stop, and the reversed or stray ones sloppy text has. */
const CLOSERS = /["”’'»)\]」』›“„‘‚*_]/u;
/** Closing quotes (not brackets, which end annotations themselves). */
const QUOTE_CLOSERS = /["”’'»」』›“„‘‚*_]/u;
/** Speech broken off (`—`, `--`, `-­` with a soft hyphen) or a word hyphen-broken over a page. */
const INTERRUPTED = /(?:—|–|-|\u00ad)$/u;
/** A table row or list of the absent ends in a date: `Arnold, Rainer SPD 28.06.2016`. */
const ENDS_WITH_DATE = /(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})$/;
/** `(Beifall des Abg. … [DIE LINKE]` with its parenthesis never closed is still a stage direction. */
const STAGE_START = /^[\s\u00a0]*\((?:beifall|heiterkeit|zuruf|lachen|unruhe|laughter|applause|inaudible|crosstalk)/iu;
/** A podcast's chapter marks in its show notes: `05:33 - Options (Cont’d)06:44 - Getting to the “Why”`. */
const CHAPTER_MARK = /^[\s\u00a0]*\d{1,2}(?::\d{2}){1,2}[ \t]+[-–][ \t]+\S/u;
/** A list's item as notes open one: a bullet or a number (not a dash, which in speech goes on with words broken off: `— to the people`). */
const LIST_OPENING = /^[\s\u00a0]*(?:[-*•]\s|\d{1,3}[.)]\s)/u;
const LIST_ITEM = /^[\s\u00a0]*(?:[-*•–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)\s|[ivxIVX]{1,4}[.)]\s)/u;
// Tried only where a run of dot leaders or of white space starts (the lookbehinds), and `\s{3,}\s*`
// written as one run: the old pattern was cubic in a run of spaces, 4 ms per paragraph with 300
// spaces in its tail (a 1.6 MB text of such paragraphs took 20 s). It matches the same text.
const TABLE_OF_CONTENTS = /(?:(?<!\.\s?)(?:\.\s?){4,}\s*|(?<!\s)(?=\s*\t|\s{3})\s+)\d+(?:\s?[A-D])?\s*$/u;
/** What a transcript writes where words are lost: `inaudible`, `crosstalk`, `…`. */
const GAP_NOTES = [
  'inaudible', 'crosstalk', 'cross-talk', 'unintelligible', 'indiscernible', 'not clear', 'unclear', 'audio (?:cuts|drops) out',
  'technical difficulties', 'off[- ]mic', 'cut off', 'interrupted', '…', '\\.\\.\\.',
];
const GAP_NOTE = new RegExp(`^(?:${GAP_NOTES.join('|')})`, 'iu');
/** Markdown code, which is no prose: a fence (```, ~~~) or a span of backticks opening the paragraph. */
const CODE = /^[\s\u00a0]*(?:```|~~~)/u;
/** A footnote under a table: `*Please note other expenses include: …`, `† Provisional figures` (not `* item` nor `**bold**`). */
const FOOTNOTE = /^[\s\u00a0]*(?:\*(?![*\s])|[†‡]\s?)/u;
/** How far back from a closing parenthesis at the end its opening one is looked for: a note is short. */
const NOTE_LENGTH = 80;
/** Emphasis around a note's words: `(_unintelligible — 3:56_)`. */
const EMPHASIS_MARKS = /^[_*\s]+/u;

// Patterns are constants: a literal in a function body makes a new RegExp object each time it is reached.
const STARTS_IN_LOWER_CASE = /^[\s\u00a0]*[\p{Ll}]/u;
const PAGE_NUMBER_LINES = /^(?:[ \t\u00a0]*[-–]?\d{1,4}[-–.]*[ \t\u00a0]*\r?\n)+/u;
/** A paragraph that is one HTML tag and nothing else: `<div class="transcript">`, `</div>`, left from a web page. */
const MARKUP_ONLY = /^[\s\u00a0]*<\/?[A-Za-z][^<>]*>[\s\u00a0]*$/u;
const ENDS_A_SENTENCE = /[.!?]["”’]?[\s\u00a0]*$/u;
const DASH = /—|--|\s–\s/u;
const OPENS_WITH_QUOTE = /^[\s\u00a0]*["“„«‘]/u;
const HAS_LOWER_CASE = /\p{Ll}/u;
const ENDS_IN_URL = /\bhttps?:\/\/\S+$|\bwww\.\S+$/u;
const BEFORE_A_WORD = /[\s\u00a0(“"‘«„—–-]/;
const ONE_CAPITAL = /^\p{Lu}$/u;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
const NOT_WHITE_SPACE = /\S/;
/** A sentence's end anywhere: a full stop, a question or exclamation mark, an ellipsis, before white space or the end. */
const ANY_SENTENCE_END = /[.!?…。！？](?:["”’)\]]*(?:\s|$))/u;
/** What isSentenceEnd is, for the native search; global, for its `lastIndex`. */
const SENTENCE_END = /[.!?…。！？]/g;

export function checkParagraph(content: string, annotations: readonly Annotation[], words: LanguageWords): ParagraphChecks {
  const blanked = blank(content, annotations);
  const wordCount = countWordsUpTo(blanked, COUNTED_WORDS);
  // A page's number left on its own line (`23`, `-24`, `2..`) before words that go on from the last page.
  const pageNumber = PAGE_NUMBER_LINES.exec(blanked);
  const startsInLowerCase = STARTS_IN_LOWER_CASE.test(pageNumber ? blanked.slice(pageNumber[0].length) : blanked);
  return {
    ending: checkEnding(content, blanked, annotations, words),
    delimiters: checkDelimiters(blanked),
    repeats: findRepeats(blanked, words),
    continues: startsInLowerCase || (wordCount <= 3 && ENDS_A_SENTENCE.test(blanked)),
    startsInLowerCase,
    writesDash: DASH.test(blanked),
    opensWithQuote: OPENS_WITH_QUOTE.test(blanked),
    wordCount,
    opensListOrCode: LIST_OPENING.test(blanked) || CODE.test(blanked),
    unpunctuated: wordCount >= COUNTED_WORDS && !ANY_SENTENCE_END.test(blanked) && countWordsUpTo(blanked, UNPUNCTUATED_WORDS) >= UNPUNCTUATED_WORDS,
  };
}

/** Annotations (relative to the content) replaced by spaces, so offsets still match. */
function blank(content: string, annotations: readonly Annotation[]): string {
  if (annotations.length === 0) return content;
  let out = '';
  let at = 0;
  for (const a of annotations) {
    if (a.start < at) continue;
    out += content.slice(at, a.start) + ' '.repeat(a.end - a.start);
    at = a.end;
  }
  return out + content.slice(at);
}

function checkEnding(content: string, blanked: string, annotations: readonly Annotation[], words: LanguageWords): Ending {
  let end = withoutMarginNumbers(content, trimmedEnd(content, content.length));
  if (end === 0) return COMPLETE;
  // A paragraph that ends in a truncation mark or a gap note (`[inaudible]`) is already marked;
  // one that ends in a stage direction or timestamp is judged by the words before it.
  // Comments and topic tags at the very end say nothing about the sentence either.
  // The first annotation ending at each offset: a paragraph of a thousand `(Laughter.)` is not searched a thousand times.
  let endingAt: Map<number, Annotation> | undefined;
  if (annotations.length > 0) {
    endingAt = new Map();
    for (const a of annotations) if (!endingAt.has(a.end)) endingAt.set(a.end, a);
  }
  for (let stripped = true; stripped && end > 0;) {
    stripped = false;
    const annotation = endingAt?.get(end);
    if (annotation) {
      if (annotation.kind === 'truncation' || (annotation.kind === 'note' && GAP_NOTE.test(annotation.text))) return COMPLETE;
      end = trimmedEnd(content, annotation.start);
      stripped = true;
      continue;
    }
    const tail = mayEndInCommentOrTag(content, end) ? COMMENT_OR_TAG_AT_END.exec(content.slice(Math.max(0, end - 200), end)) : null;
    if (tail) {
      end = trimmedEnd(content, end - tail[0].length);
      stripped = true;
    } else if (QUOTE_CLOSERS.test(content[end - 1])) {
      // `… Lavrov […]”`: a closing quote after the mark still leaves the sentence marked.
      end = trimmedEnd(content, end - 1);
      stripped = true;
    }
  }
  const text = blanked.slice(0, end);
  if (!LETTER_OR_DIGIT.test(text)) return COMPLETE;
  // Patterns anchored at the end read only the tail: a long paragraph costs no more.
  const tailStart = Math.max(0, end - TAIL);
  const tail = text.slice(tailStart);
  if (LIST_ITEM.test(text) || CHAPTER_MARK.test(text) || (endsInPageNumber(tail) && TABLE_OF_CONTENTS.test(tail)) || ENDS_WITH_DATE.test(tail) || STAGE_START.test(text)
    || !HAS_LOWER_CASE.test(text) || ENDS_IN_URL.test(tail) || CODE.test(text) || MARKUP_ONLY.test(text) || (FOOTNOTE.test(text) && text.indexOf('*', text.indexOf('*') + 1) < 0)) {
    return NOT_PROSE;
  }
  if (endsInNote(text)) return COMPLETE;

  let last = end;
  while (last > 0 && CLOSERS.test(text[last - 1])) last--;
  while (last > 0 && isWhiteSpace(text.charCodeAt(last - 1))) last--;
  const final = text[last - 1];
  if (INTERRUPTED.test(text.slice(0, last)) || final === '…' || text.endsWith('...', last)) return BROKEN_OFF;
  // Kept across versions with the paragraph: a copy, not a slice of the whole text (see detached).
  const lastWord = detached(lastWholeWord(text, last));
  const range = lastWords(text, last);
  if (final === ',') return { kind: 'comma', ...range, address: isAddress(text.slice(0, last - 1), words) };
  if (TERMINAL.test(final)) {
    // `We met the.` stops on a word no sentence ends on, full stop or not.
    if (final === '.' && lastWord && words.neverBeforePeriod.has(lastWord.toLowerCase()) && text.slice(0, last - 1).endsWith(lastWord)) {
      return { kind: 'cut', ...range, lastWord, punctuated: true };
    }
    return COMPLETE;
  }
  return { kind: 'cut', ...range, lastWord, punctuated: false };
}

/**
 * A transcriber's note in parentheses that ends the paragraph and was not read as an annotation:
 * a gap (`(_unintelligible — 3:56_)`), or any note after a finished or broken-off sentence
 * (`… get awk?(not clear)`, `… in the Senate—(Time expired)`). The words before it are marked, or finished.
 */
function endsInNote(text: string): boolean {
  const end = text.length;
  if (text.charCodeAt(end - 1) !== 0x29 /* ) */) return false;
  const open = text.lastIndexOf('(', end - 2);
  if (open < 0 || end - open > NOTE_LENGTH || text.lastIndexOf(')', end - 2) > open) return false;
  const before = trimmedEnd(text, open);
  return GAP_NOTE.test(text.slice(open + 1, end - 1).replace(EMPHASIS_MARKS, '')) || (before > 0 && TERMINAL.test(text[before - 1]))
    || INTERRUPTED.test(text.slice(0, before));
}

/** A line that holds a number alone: a reporter's margin line number or a page number that OCR left in its own line. */
const NUMBER_LINE = /^[ \t\u00a0]*\d{1,4}[ \t\u00a0]*$/;

/**
 * Where the words end before the numbers of the margin that close a paragraph of an OCR'd record
 * (`… How are you?` / `10` / `11` … `25`), or before the scraps OCR left after its last sentence:
 * the sentence is judged by the words, not the numbers.
 */
function withoutMarginNumbers(content: string, end: number): number {
  // Scraps stripped so far: they go only where a finished sentence stands before them all.
  let scrapsFrom: number | undefined;
  for (;;) {
    const lineStart = content.lastIndexOf('\n', end - 1) + 1;
    const line = content.slice(lineStart, end);
    if (lineStart > 0 && NUMBER_LINE.test(line)) {
      end = trimmedEnd(content, lineStart);
      continue;
    }
    // An OCR scrap or an end mark on its own line after a finished sentence: `… quiet.` / `6,` / `* 1`, `… soon.` / `ends`;
    // a page's furniture after it (`Page 9`, `FRIEDMAN, LOMBARDI & OLSON`, `305-371-6677`).
    if (lineStart > 0 && (SCRAP_LINE.test(line) || isPageFurniture(line))) {
      scrapsFrom ??= end;
      end = trimmedEnd(content, lineStart);
      continue;
    }
    if (scrapsFrom === undefined || ENDS_A_SENTENCE.test(content.slice(Math.max(0, end - 3), end))) return end;
    return scrapsFrom;
  }
}

/** A line of one or two short tokens: `6,`, `* 1`, `ends`, `iI,`. */
const SCRAP_LINE = /^[ \t\u00a0]*\S{1,6}(?:[ \t\u00a0]+\S{1,6})?[ \t\u00a0]*$/;

const COMMENT_OR_TAG_AT_END = /(?:<!--[\s\S]*?-->|(?<![\p{L}\p{N}_/&#])#\p{L}[\p{L}\p{N}_-]*)$/u;

/** What COMMENT_OR_TAG_AT_END needs: a comment's `>` at the end, or a `#` in the 200 characters it reads. */
function mayEndInCommentOrTag(content: string, end: number): boolean {
  return content.charCodeAt(end - 1) === 0x3e /* > */ || content.lastIndexOf('#', end - 1) >= Math.max(0, end - 200);
}

/** What TABLE_OF_CONTENTS needs at the very end: a page number (`12`, `12 A`), then white space at most. */
function endsInPageNumber(text: string): boolean {
  const c = text.charCodeAt(withoutTrailingWhiteSpace(text, 0, text.length) - 1);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x44);
}

/**
 * The last whole word before `end`: `Q&A.` ends on `Q&A`, not on the article `A`; a word glued to
 * what comes before it (`page#A`) is no word of the sentence. Scans back from the end.
 */
function lastWholeWord(text: string, end: number): string {
  let wordEnd = end;
  while (wordEnd > 0 && wordClass(text, wordEnd - 1) !== LETTER_OR_DIGIT_CLASS) wordEnd--;
  let start = wordEnd;
  while (start > 0 && wordClass(text, start - 1) !== NOT_A_WORD_CLASS) start--;
  // The word starts at a letter or digit; trailing apostrophes and hyphens belong to the word.
  while (start < wordEnd && wordClass(text, start) !== LETTER_OR_DIGIT_CLASS) start++;
  if (start > 0 && !BEFORE_A_WORD.test(text[start - 1])) return '';
  return text.slice(start, wordEnd);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}'’\-&]/u;
const NOT_A_WORD_CLASS = 0;
const WORD_CHAR_CLASS = 1;
const LETTER_OR_DIGIT_CLASS = 2;
/** What the character at `i` is to a word. */
const wordClass = unitClassifier((char) => (LETTER_OR_DIGIT.test(char) ? LETTER_OR_DIGIT_CLASS : WORD_CHAR.test(char) ? WORD_CHAR_CLASS : NOT_A_WORD_CLASS));

/** The last words of the last sentence: from where it starts, but no more than five words. */
function lastWords(text: string, end: number): { start: number; end: number } {
  let start = end;
  let count = 0;
  let i = end;
  while (i > 0 && count < 5) {
    let wordEnd = i;
    while (wordEnd > 0 && isWhiteSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === 0) break;
    // The word before ends a sentence: the cut sentence starts after it.
    if (count > 0 && isSentenceEnd(text.charCodeAt(wordEnd - 1))) break;
    let wordStart = wordEnd;
    while (wordStart > 0 && !isWhiteSpace(text.charCodeAt(wordStart - 1))) wordStart--;
    start = wordStart;
    count++;
    i = wordStart;
  }
  return { start, end };
}

/**
 * The words after the last comma greet or name someone: an address word (`gentlemen`,
 * `colleagues`), or one or two capitalised words after an earlier comma (`Go ahead, Katie`).
 */
function isAddress(text: string, words: LanguageWords): boolean {
  const segments = text.split(',');
  const last = segments[segments.length - 1].trim().split(/[\s\u00a0]+/).filter(Boolean);
  if (last.length === 0 || last.length > 6) return false;
  if (last.some((w) => words.addressWords.has(w.toLowerCase().replace(/[.’']/g, '')))) return true;
  return segments.length > 1 && last.length <= 2 && last.every((w) => /^\p{Lu}/u.test(w));
}

function trimmedEnd(text: string, from: number): number {
  let end = from;
  while (end > 0 && (isWhiteSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x200b)) end--;
  return end;
}

/** What each closing character closes: `“` closes a German `„`, `»` and `«` close each other. */
const CLOSES: Record<string, readonly string[]> = { ')': ['('], ']': ['['], '}': ['{'], '”': ['“', '„'], '“': ['„'], '»': ['«'], '«': ['»'] };
const OPENERS = new Set(['(', '[', '{', '“', '„', '«', '»']);
const DELIMITER = /[()[\]{}"“”„«»]/;
/**
 * A closing quote written where its quotation opens, and the opening one where it closes: `”no“`.
 * (`»…«` is German and Danish, and single quotes are not checked: `’` is also the apostrophe.)
 */
const REVERSED_CLOSER = '”';
const REVERSED_OPENER = '“';

/**
 * Quotes, brackets and parentheses that do not pair up within the paragraph. Straight double
 * quotes pair by count; single quotes are left alone, since `’` is also the apostrophe. A `”`
 * that closes nothing and stands before a word may open a reversed pair, which a `“` after a
 * word closes: one problem, not two.
 */
function checkDelimiters(text: string): readonly DelimiterProblem[] {
  if (!DELIMITER.test(text)) return NONE;
  const problems: DelimiterProblem[] = [];
  const stack: { char: string; at: number }[] = [];
  // On the stack, a `”` is a reversed pair's first half; left there, it closed nothing.
  const leftOpen = (entry: { char: string; at: number }): DelimiterProblem => ({
    start: entry.at, end: entry.at + 1, char: entry.char, problem: entry.char === REVERSED_CLOSER ? 'unopened' : 'unclosed',
  });
  let straight: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Only these characters matter; skip the rest without building a string.
    if (!(code === 0x22 || code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d
      || code === 0xab || code === 0xbb || code === 0x201c || code === 0x201d || code === 0x201e)) continue;
    const c = text[i];
    if (c === '"') {
      straight = straight === undefined ? i : undefined;
      continue;
    }
    const closes = CLOSES[c];
    const top = stack[stack.length - 1];
    if (closes && top && closes.includes(top.char)) {
      stack.pop();
    } else if (c === REVERSED_OPENER && top?.char === REVERSED_CLOSER && closesQuotation(text, i)) {
      stack.pop();
      problems.push({ start: top.at, end: i + 1, char: REVERSED_CLOSER, problem: 'reversed' });
    } else if (OPENERS.has(c)) {
      stack.push({ char: c, at: i });
    } else if (closes) {
      // `a)` and `1)` number list items; `:)` is a smiley.
      if (c === ')' && /(?:^|[\s(])(?:[a-zA-Z]|\d{1,3}|[ivxIVX]{1,4})$|[:;]-?$/.test(text.slice(Math.max(0, i - 5), i))) continue;
      let deeper = -1;
      for (let j = stack.length - 1; j >= 0 && deeper < 0; j--) if (closes.includes(stack[j].char)) deeper = j;
      if (deeper >= 0) {
        for (const unclosed of stack.splice(deeper).slice(1)) problems.push(leftOpen(unclosed));
      } else if (c === REVERSED_CLOSER && opensQuotation(text, i)) stack.push({ char: c, at: i });
      else problems.push({ start: i, end: i + 1, char: c, problem: 'unopened' });
    }
  }
  for (const unclosed of stack) problems.push(leftOpen(unclosed));
  if (straight !== undefined) problems.push({ start: straight, end: straight + 1, char: '"', problem: 'unclosed' });
  return problems.length ? problems.sort((a, b) => a.start - b.start) : NONE;
}

/** A quote at the start or after white space or an opening bracket or dash, before a word: where a quotation opens. */
function opensQuotation(text: string, at: number): boolean {
  return (at === 0 || /[\s(\[{—–-]/.test(text[at - 1])) && at + 1 < text.length && !/\s/.test(text[at + 1]);
}

/** A quote after a word, at the end or before white space or punctuation: where a quotation closes. */
function closesQuotation(text: string, at: number): boolean {
  return at > 0 && !/\s/.test(text[at - 1]) && (at + 1 === text.length || /[\s.,;:!?…)\]}—–-]/.test(text[at + 1]));
}

/** A sentence of four words or more that repeats one of the two sentences before it. */
function findRepeats(text: string, words: LanguageWords): readonly RepeatedSentence[] {
  const sentences = splitSentences(text, words);
  const repeats: RepeatedSentence[] = [];
  // Each sentence's key is made once, when it is first compared.
  const keys: string[] = [];
  const keyOf = (i: number) => (keys[i] ??= sentenceKey(text.slice(sentences[i].start, sentences[i].end)));
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    for (let back = 1; back <= 2 && i - back >= 0; back++) {
      const earlier = sentences[i - back];
      // Only sentences of about the same length, and the same first letters, can be the same: compare those alone.
      if (Math.abs(earlier.end - earlier.start - (s.end - s.start)) > 4 || !mayHaveSameKey(text, earlier, s)) continue;
      const key = keyOf(i);
      if (keyOf(i - back) === key && key.split(' ').length >= 4) {
        repeats.push({ start: s.start, end: s.end, removeFrom: sentences[i - 1].end, text: detached(text.slice(s.start, s.end)) });
        break;
      }
    }
  }
  return repeats.length ? repeats : NONE;
}

/**
 * False if two sentences cannot have the same sentenceKey: their letters and digits differ,
 * read as far as both are ASCII (beyond it lower case is not one character for one: the Kelvin
 * sign lowers to `k`). True where that does not tell; the keys decide then.
 */
function mayHaveSameKey(text: string, a: Sentence, b: Sentence): boolean {
  let i = a.start;
  let j = b.start;
  for (;;) {
    while (i < a.end && isAsciiNonAlphanumeric(text.charCodeAt(i))) i++;
    while (j < b.end && isAsciiNonAlphanumeric(text.charCodeAt(j))) j++;
    if (i >= a.end || j >= b.end) return true;
    const x = text.charCodeAt(i++);
    const y = text.charCodeAt(j++);
    if (x >= 0x80 || y >= 0x80) return true;
    // Letters fold to lower case; digits are unchanged by the bit.
    if ((x | 0x20) !== (y | 0x20)) return false;
  }
}

function isAsciiNonAlphanumeric(c: number): boolean {
  return c < 0x80 && !((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a));
}

interface Sentence {
  readonly start: number;
  readonly end: number;
}

/**
 * The text's sentences: each ends at a run of sentence ends (`.`, `?!`, `…`, `。`), with the
 * closing quotes and brackets after it, followed by white space or the end of the text; a single
 * dot after an abbreviation or an initial ends none. The ends are found by a native search and
 * the characters around them read by code, as the pattern
 * `(?<![.!?…。！？])[.!?…。！？]+["”’»)\]]*(?=\s+|$)` would match them (its iterator and match
 * objects cost more than the reading).
 */
export function splitSentences(text: string, words: LanguageWords): Sentence[] {
  const sentences: Sentence[] = [];
  let start = text.search(NOT_WHITE_SPACE);
  if (start < 0) return sentences;
  const length = text.length;
  // The native search finds the next end twice as fast as reading each character here.
  SENTENCE_END.lastIndex = start;
  for (let found = SENTENCE_END.exec(text); found; found = SENTENCE_END.exec(text)) {
    const i = found.index;
    let runEnd = i + 1;
    while (runEnd < length && isSentenceEnd(text.charCodeAt(runEnd))) runEnd++;
    let end = runEnd;
    while (end < length && isCloser(text.charCodeAt(end))) end++;
    const boundary = end === length || isWhiteSpace(text.charCodeAt(end));
    if (boundary && !(end === i + 1 && text.charCodeAt(i) === 0x2e && isAbbreviation(text, start, i, words))) {
      sentences.push({ start, end });
      start = end;
      while (start < length && isWhiteSpace(text.charCodeAt(start))) start++;
    }
    SENTENCE_END.lastIndex = runEnd;
  }
  // After the last end, white space was skipped: anything left is a last sentence without its end.
  if (start < length) sentences.push({ start, end: trimmedEnd(text, length) });
  return sentences;
}

/** `.!?…。！？` */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** `"”’»)]`, closing a sentence after its end. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}

/** The word before a dot at `dot` is an abbreviation (`Mr`, `e.g`) or an initial (`J`). */
function isAbbreviation(text: string, from: number, dot: number, words: LanguageWords): boolean {
  let start = dot;
  while (start > from && dot - start < 20 && letterOrDotAt(text, start - 1) === 1) start--;
  // Most words before a full stop are longer than any abbreviation, and more than one capital.
  if (dot - start > Math.max(words.longestAbbreviation, 2)) return false;
  const word = text.slice(start, dot);
  return words.abbreviations.has(word.toLowerCase()) || ONE_CAPITAL.test(word);
}

const LETTER_OR_DOT = /[\p{L}.]/u;
/** 1 for `[\p{L}.]` at `i`. */
const letterOrDotAt = unitClassifier((char) => (LETTER_OR_DOT.test(char) ? 1 : 0));

function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, ' ').trim();
}

/** The paragraph's words and annotations, relative to its content start. */
export function paragraphInput(model: TranscriptModel, paragraph: Paragraph): { content: string; annotations: readonly Annotation[] } {
  const base = paragraph.contentStart;
  const content = model.source.slice(base, paragraph.end);
  const all = paragraph.annotations;
  const annotations = all.length === 0 ? NO_ANNOTATIONS : all.filter((a) => a.start >= base).map((a) => ({ ...a, start: a.start - base, end: a.end - base }));
  return { content, annotations };
}
