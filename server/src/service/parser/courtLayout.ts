import type { LineIndex } from '../text/lineIndex';

/**
 * Court reporters' transcripts (the US Supreme Court's, via pdftotext) number every line 1–25 in
 * the left margin, double-space the lines, and put page furniture between pages (a page number,
 * "Alderson Reporting Company"). A paragraph starts at a deeply indented line.
 */
const NUMBERED_LINE = /^[ \t]{0,4}\d{1,2}(?=[ \t]|$)/;
const SAMPLE_LINES = 600;
/** The share of lines with words that a court transcript numbers. */
const NUMBERED_SHARE = 0.8;
/** Continuation lines sit 3 spaces after the number; a new paragraph is indented far deeper. */
const PARAGRAPH_INDENT = 6;

export interface LayoutDecision {
  readonly court: boolean;
  /**
   * The lines the decision read, from the first: up to the 600th non-blank line, or all of them.
   * An edit below these cannot change the decision; one among them can.
   */
  readonly linesRead: number;
}

/** Whether the text is a court transcript, from its first 600 non-blank lines. */
export function decideCourtLayout(lines: LineIndex): LayoutDecision {
  let numbered = 0;
  let nonBlank = 0;
  let line = 0;
  for (; line < lines.lineCount && nonBlank < SAMPLE_LINES; line++) {
    const text = lines.lineText(line);
    // A bare number is no line of words: OCR of a deposition can leave the margin's numbers in a
    // column of their own, the words unnumbered, and those are read as plain text.
    if (!text.trim() || BARE_NUMBER.test(text)) continue;
    nonBlank++;
    if (NUMBERED_LINE.test(text)) numbered++;
  }
  // Every line of a reporter's page is numbered, furniture aside (9 in 10 of the Supreme Court's).
  // Where OCR lost the numbers of many lines (half of them in a scanned deposition), the lines
  // without one are words, not furniture: the text is read as it stands, the margin numbers before
  // its labels skipped (see MARGIN_LINE_NUMBER in labels.ts).
  return { court: numbered >= 20 && numbered >= NUMBERED_SHARE * nonBlank, linesRead: line };
}

const BARE_NUMBER = /^[ \t]*\d{1,3}[ \t]*$/;

/**
 * The text as the parser should read it: line numbers and page furniture blanked with spaces, so
 * that every offset still points at the same character of the real text.
 */
export function courtView(lines: LineIndex): string {
  const parts: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const text = lines.text.slice(start, end);
    const margin = NUMBERED_LINE.exec(text);
    parts.push(margin ? ' '.repeat(margin[0].length) + text.slice(margin[0].length) : ' '.repeat(text.length));
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : lines.text.length;
    parts.push(lines.text.slice(end, next));
  }
  return parts.join('');
}

/** `Q. Did you…`, `A. Yes.`, `MR. SMITH: Objection.`, `THE WITNESS: I do.`: a new paragraph however indented. */
const COURT_LABEL = /^(?:[QA]\.?(?:[ \t]|$)|(?:THE|MR\.|MS\.|MRS\.|DR\.|JUSTICE|CHIEF)[ \t][A-Z][A-Z.'’ -]{0,40}:)/;

/** Paragraphs of a court transcript as first and last line; page furniture is skipped. */
export function* courtParagraphs(lines: LineIndex, from: number): Generator<[number, number]> {
  let first = -1;
  let last = -1;
  for (let line = from; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const margin = NUMBERED_LINE.exec(text);
    if (!margin) continue;
    const contentIndent = text.slice(margin[0].length).search(/\S/);
    if (contentIndent < 0) continue;
    if (first >= 0 && (contentIndent >= PARAGRAPH_INDENT || COURT_LABEL.test(text.slice(margin[0].length + contentIndent)))) {
      yield [first, last];
      first = -1;
    }
    if (first < 0) first = line;
    last = line;
  }
  if (first >= 0) yield [first, last];
}
