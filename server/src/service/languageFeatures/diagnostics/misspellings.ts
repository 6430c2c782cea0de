// The misspelt acronyms of a transcript (`OCSE` for OSCE), as the misspelt-organisation rule
// reports them and the hover explains them: the same words for both.
import type { Paragraph, TranscriptModel } from '../../model';
import { query, type DerivedResults } from '../../derivedResults';
import type { ParagraphAnalysis } from '../../parser/paragraphs';
import type { ParagraphReader } from '../../text/words';
import type { OrganisationSpelling } from '../../glossary/spelling';
import { characterTable } from '../../text/characterTable';
import { finish, STEP_ITEMS, type Steps } from '../../steps';

/** A misspelt acronym; offsets into the document. */
export interface Misspelling {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly acronym: string;
  readonly fullName: string;
}

export const ALL_CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}{3,12}(?![\p{L}\p{N}_])/gu;

/** An unknown all-caps word written this often in a document is an acronym in its own right, not a slip. */
const REAL_ACRONYM_REPEATS = 3;

/** Shared by the paragraphs without a misspelling (most of them): one empty list, not fifty thousand. */
const NONE: readonly Misspelling[] = Object.freeze([]);

/**
 * The misspelt acronyms of a paragraph, kept with its analysis: words of a text paragraph (not its
 * label, not in a URL) that `spelling` takes for slips, in a paragraph not written all in capitals
 * (`THE PRESIDENT: WE WILL…`). None in a CHAT file, whose tiers are not prose. Some may be
 * written too often in the document to be reported: see `reportedMisspellings`.
 */
export function paragraphMisspellings(
  results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, spelling: OrganisationSpelling,
): readonly Misspelling[] {
  if (paragraph.kind !== 'text' || model.chat) return NONE;
  return inDocument(results.get(MISSPELLINGS, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start, spelling), paragraph);
}

/** A paragraph's misspellings, offsets relative to its start: kept while its text, the start of its words and the glossary stand. */
const MISSPELLINGS = query(
  'paragraph misspellings',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, offset: number, spelling: OrganisationSpelling) => {
    const found: Misspelling[] = [];
    const text = model.source.slice(paragraph.start, paragraph.end);
    // Three capitals in a row (Latin or Cyrillic), in a paragraph that is not all capitals.
    if (/[A-Z\u0410-\u042f\u0401]{3}/.test(text) && /\p{Ll}/u.test(text)) {
      const urls = paragraph.analysis.inline.urls;
      // Words and URLs both come in order: walk the URLs along, not all of them per word.
      let url = 0;
      for (const m of allCapsWords(text)) {
        while (url < urls.length && urls[url].end <= m.index) url++;
        if (m.index < offset || (url < urls.length && m.index >= urls[url].start)) continue;
        const suggestion = spelling.suggest(m.word);
        if (suggestion) found.push({ start: m.index, end: m.index + m.word.length, word: m.word, ...suggestion });
      }
    }
    return found.length ? found : NONE;
  },
);

/** Kept offsets are relative to the paragraph's start, which moves when an edit before it does. */
function inDocument(relative: readonly Misspelling[], paragraph: Paragraph): readonly Misspelling[] {
  return relative.length ? relative.map((m) => ({ ...m, start: m.start + paragraph.start, end: m.end + paragraph.start })) : NONE;
}

/**
 * Whether each misspelling of the document is reported, by word: not when the document writes the
 * word three times or more, as it then names something the glossary does not know.
 */
export function* reportedMisspellings(results: DerivedResults, model: TranscriptModel, spelling: OrganisationSpelling): Steps<(m: Misspelling) => boolean> {
  const counts = new Map<string, number>();
  const { paragraphs } = model;
  for (let i = 0; i < paragraphs.length; i++) {
    for (const m of paragraphMisspellings(results, model, paragraphs[i], spelling)) counts.set(m.word, (counts.get(m.word) ?? 0) + 1);
    if (i % STEP_ITEMS === 0) yield;
  }
  return (m) => (counts.get(m.word) ?? 0) < REAL_ACRONYM_REPEATS;
}

/**
 * The reported misspelling at `offset` (its end included), for the hover: reads the whole
 * document's misspellings only when the word there is one.
 */
export function misspellingAt(results: DerivedResults, model: TranscriptModel, spelling: OrganisationSpelling, offset: number): Misspelling | undefined {
  const paragraph = model.paragraphAt(offset);
  const found = paragraph && paragraphMisspellings(results, model, paragraph, spelling).find((m) => offset >= m.start && offset <= m.end);
  return found && finish(reportedMisspellings(results, model, spelling))(found) ? found : undefined;
}

/**
 * The words ALL_CAPS_WORD matches: a whole word (letters, digits, `_`) of 3 to 12 capitals. Read
 * through a table of character classes, which covers almost every paragraph; the regular
 * expression reads the others.
 */
export function allCapsWords(text: string): { index: number; word: string }[] {
  const classes = capitalClasses();
  const found: { index: number; word: string }[] = [];
  let start = -1;
  let allCapitals = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= classes.length) return [...text.matchAll(ALL_CAPS_WORD)].map((m) => ({ index: m.index, word: m[0] }));
    const kind = classes[c];
    if (kind !== NOT_WORD) {
      if (start < 0) {
        start = i;
        allCapitals = true;
      }
      if (kind !== CAPITAL) allCapitals = false;
    } else if (start >= 0) {
      if (allCapitals && i - start >= 3 && i - start <= 12) found.push({ index: start, word: text.slice(start, i) });
      start = -1;
    }
  }
  return found;
}

const NOT_WORD = 0;
const CAPITAL = 1;
const OTHER_WORD_CHARACTER = 2;
const capitalClasses = characterTable((char) => (/\p{Lu}/u.test(char) ? CAPITAL : /[\p{L}\p{N}_]/u.test(char) ? OTHER_WORD_CHARACTER : NOT_WORD));
