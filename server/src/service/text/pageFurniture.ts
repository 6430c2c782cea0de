/**
 * A line of a page's furniture, not of the words, as PDF text and OCR of a reporter's transcript
 * leave it between pages: a number or a code with no space in it (`25`, `305-371-6677`, a
 * document's id), `Page 9`, `3 (Pages 6 to 9)`, or a short line without a lower-case letter
 * (`ROUGH DRAFT ONLY`, a reporter's firm) of capitals only, ending no sentence.
 */
export function isPageFurniture(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FURNITURE_LINE || SENTENCE_END.test(trimmed)) return false;
  if (PAGE_MARK.test(trimmed)) return true;
  if (!/\s/.test(trimmed) && /\d/.test(trimmed)) return true;
  // Every letter a capital: a line of a script without capitals (`שלום עולם`) is words.
  return !LETTER_NOT_CAPITAL.test(trimmed) && /\p{Lu}{2}/u.test(trimmed);
}

const LETTER_NOT_CAPITAL = /(?!\p{Lu})\p{L}/u;

/** The longest line read as a page's furniture: a wrapped line of words in capitals is longer. */
const MAX_FURNITURE_LINE = 40;
const SENTENCE_END = /[.!?…]["”’)]*$/u;
/** `Page`, `Page 9`, `PAGE 12`, `3 (Pages 6 to 9)`: a page's number as the reporter prints it. */
const PAGE_MARK = /^(?:(?:Page|PAGE)(?:[ \t]+\d{1,4})?|\d{1,4}[ \t]+\((?:Pages|PAGES)[ \t]+\d{1,4}[ \t]+(?:to|TO|-)[ \t]+\d{1,4}\))$/;
