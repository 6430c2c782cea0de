import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../util/fixtures';

/**
 * Pieces real transcripts are made of, and the ones that break them: labels of every shape,
 * question markers, paragraph and turn boundaries in every line-break style, headings,
 * separators, front matter fences, comments opened and never closed, annotations, tags, URLs,
 * emoji, non-breaking and zero-width spaces, right-to-left and CJK text, CHAT headers and tiers.
 */
export const PIECES: readonly string[] = [
  // labels and markers
  'Question: ', 'Q: ', 'Q\u00a0 ', 'Q   ', 'Answer: ', 'A: ', 'Sergey Lavrov: ', 'Lavrov: ', 'MS. PSAKI:  ', 'THE PRESIDENT:  ',
  'Mr. Churkin (Russian Federation) (spoke in Russian): ', 'Question (Reuters): ', 'Präsident Dr. Norbert Lammert:\n',
  'Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-\nNEN):\n', '@Germany: ', '\\Sergey Lavrov: ', 'Вопрос: ', 'Реплика: ', '発言者：', 'Note: ',
  'President of the Republic of Turkey Recep Tayyip Erdogan (retranslated): ', 'Dr. Angela Merkel, Bundeskanzlerin: ',
  // OCR'd press-office and deposition transcripts: a label after the last words of the turn before, a page's furniture
  'idea? PM: ', 'that. JOURNALIST: ', 'BY MS. HADDAD: ', '25\n', 'ROUGH DRAFT ONLY\n', 'A. ', 'Q. ',
  // boundaries
  '\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n\r', ' \n \n', '\u2028',
  // structure
  '# ', '# Energy\n', '## Q&A ##\n', '####### seven\n', '---', '---\n', '...\n', '* * *\n', '***', '___\n', '===\n', '----- BEGIN file.md -----\n',
  '<!--', '-->', '<!-- a comment -->', '<!-- transcript-ignore -->\n', '<!-- transcript-ignore-file incomplete-sentence -->\n',
  '---\ntitle: T\nspeakers: [Sergey Lavrov]\n---\n', 'language: ru\n', 'questionMarkers: [Frage]\n', 'speakers:\n  - name: Lavrov\n',
  // inline
  '#energy ', '#ОДКБ ', '#1 ', 'page#section ', '[inaudible] ', '[00:12:34] ', '[…] ', '[...] ', '(Laughter.) ', '(Applause.)\n',
  '(spoke in English) ', '(in 2022) ', 'https://example.org/a#b?c=(d) ', 'www.kremlin.ru. ', '12:42 P.M. EDT\n', 'April 11, 2023\n',
  '10:30 ', 'OCSE ', 'NATO ', 'UNWRA ',
  // generic names, which the transcript's country (the paragraphs that name one) or a country word before them resolve
  'Australia ', 'Australian ', 'México ', 'the High Court ', 'the Federal Government ', 'US Air Force ', 'ABC ', 'Cruz Roja ',
  // words and punctuation
  'word ', 'the ', 'and ', 'We have just signed a schedule. ', 'Ladies and gentlemen,', '. ', ', ', '? ', '!', ':', ';', '…', '—',
  '"', '“', '”', '„', '«', '»', '(', ')', '[', ']', '{', '}', ' ', '  ', '\t',
  // scripts and special characters
  '😀', '👍🏽', '👨‍👩‍👧', '\u00a0', '\u00a0\u00a0', '\ufeff', '\u200b', '\u00ad', 'مرحبا بالعالم ', 'שלום עולם ', '中文記者：', 'é', 'e\u0301',
  '\u0000', '\u001b', '\ud83d', '\ude00',
  // a line longer than the wrap width: the block is then one paragraph per line
  `${'word '.repeat(22)}end. `,
  // court layout
  ' 1   MR. LONG:  Well, ', '25   of the Court. ',
  // CHAT
  '@UTF8\n', '@Begin\n', '@Participants:\tCHI Ross Target_Child, INV Investigator\n', '@Languages:\tfra\n', '@End\n',
  '*CHI:\t', '*MOT:\tmore cookie ?\n', '%mor:\t', '\u001512_34\u0015', ' (.) ', '<I want> [/] ', ' +... ',
];

/** A piece, or a short random string of any Unicode. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Text made of pieces. */
export function pieces(maxLength = 40): fc.Arbitrary<string> {
  // `size: 'max'`: lengths up to maxLength, not the few elements fast-check's default size gives.
  return fc.array(piece, { maxLength, size: 'max' }).map((parts) => parts.join(''));
}

/** Any UTF-16 code unit: lone surrogates, NUL and control characters included. */
export const codeUnit: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any string at all: code units, code points, graphemes, or transcript pieces, mixed. */
export function anyString(maxLength = 200): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: codeUnit, maxLength, size: 'max' }),
    fc.string({ unit: 'binary', maxLength, size: 'max' }),
    fc.string({ unit: 'grapheme', maxLength, size: 'max' }),
    fc.array(fc.oneof(piece, codeUnit), { maxLength: maxLength / 4, size: 'max' }).map((parts) => parts.join('')),
  );
}

const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');
/** The real transcripts of the corpus (not its README). */
export const CORPUS: readonly { name: string; text: string }[] = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));

/** A slice of a corpus transcript, cut anywhere (mid-line, mid-CRLF, mid-surrogate pair). */
export function corpusSlice(maxLength = 4000): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(CORPUS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: maxLength }))
    .map(([which, where, length]) => {
      const { text } = CORPUS[which];
      const start = Math.floor(where * Math.max(0, text.length - length));
      return text.slice(start, start + length);
    });
}

/** Converts every line break to CRLF, CR or LF, each line at random (a mixed file). */
export function mixLineBreaks(text: string, choices: readonly number[]): string {
  let i = 0;
  return text.replace(/\r\n|\r|\n/g, () => ['\n', '\r\n', '\r'][choices[i++ % choices.length] ?? 0]);
}

/** A start text for the edit properties: generated, or a corpus slice, with line breaks mixed. */
export const startText: fc.Arbitrary<string> = fc.tuple(
  fc.oneof({ weight: 2, arbitrary: pieces(60) }, { weight: 2, arbitrary: corpusSlice(5000) }, { weight: 1, arbitrary: fc.constant('') }),
  fc.option(fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }), { nil: undefined }),
).map(([text, breaks]) => (breaks ? mixLineBreaks(text, breaks) : text));

/** One edit, as fractions of the text it applies to: where, how much to delete, what to insert. */
export interface Edit {
  readonly at: number;
  readonly deleteLength: number;
  readonly insert: string;
  /** Sent with its range's start and end swapped, as a careless client might. */
  readonly reversed?: boolean;
  /** Replaces as many characters as it inserts (`Question` → `Mr Smith`): the text keeps its length. */
  readonly sameLength?: boolean;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  // Mostly small deletions; sometimes a large one, across paragraphs and turns.
  deleteLength: fc.oneof({ weight: 4, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(400) }, { weight: 1, arbitrary: fc.constant(0) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pieces(20) }),
  reversed: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** Where an edit lands in a text of `length` characters. */
export function editRange(e: Edit, length: number): { start: number; end: number } {
  const start = Math.min(length, Math.floor(e.at * (length + 1)));
  return { start, end: Math.min(length, start + (e.sameLength ? e.insert.length : e.deleteLength)) };
}

/** Pieces that stay inside one line and open no comment: what most of a transcript is made of. */
const LINE_PIECES = PIECES.filter((p) => !/[\r\n\u2028]|<!--|-->/.test(p));
const linePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...LINE_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)) },
);

/**
 * A transcript in paragraphs: a title, then blocks of one to four lines separated by blank lines,
 * line breaks of one style. The service reparses such a text incrementally (only the blocks an
 * edit touches), where a text with comments or without blank lines is parsed again in full.
 */
export const paragraphedText: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.array(fc.array(linePiece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 14 }),
  fc.constantFrom('\n', '\r\n', '\r'),
).map(([blocks, eol]) => `Title of the talk${eol}${eol}${blocks.map((block) => block.join(eol)).join(eol + eol)}`);

/**
 * A transcript pasted from a web page: a title, then blocks of many lines with no blank line
 * between them, some lines longer than a hard-wrapped one (one paragraph per line) and some
 * blocks all short (hard-wrapped): an edit there splits again only the lines around it.
 */
export const pastedText: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.array(fc.array(linePiece, { minLength: 1, maxLength: 24 }).map((p) => p.join('')), { minLength: 2, maxLength: 16 }), { minLength: 1, maxLength: 2 }),
  fc.constantFrom('\n', '\r\n'),
).map(([blocks, eol]) => `Title of the talk${eol}${eol}${blocks.map((block) => block.join(eol)).join(eol + eol)}`);

/** An edit of a pasted text: within a line mostly, a line break or a long run of words sometimes (which may make a block's lines long or short). */
export const pastedEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0.05, max: 1, noNaN: true }),
  deleteLength: fc.oneof({ weight: 4, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(300) }),
  insert: fc.oneof(
    { weight: 6, arbitrary: fc.array(linePiece, { maxLength: 4 }).map((p) => p.join('')) },
    { weight: 2, arbitrary: fc.array(linePiece, { minLength: 10, maxLength: 24 }).map((p) => p.join('')) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\nQuestion: Why?\n', '\nSergey Lavrov: Yes.', 'Sergey Lavrov: ', '\n\n', '\n# Energy\n') },
  ),
  sameLength: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** An edit that mostly stays within what the incremental reparse handles, and sometimes does not. */
export const paragraphEdit: fc.Arbitrary<Edit> = fc.record({
  // Past the title: an edit at the very top reparses in full anyway.
  at: fc.double({ min: 0.05, max: 1, noNaN: true }),
  deleteLength: fc.oneof({ weight: 4, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(200) }),
  insert: fc.oneof(
    { weight: 6, arbitrary: fc.array(linePiece, { maxLength: 4 }).map((p) => p.join('')) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\nQuestion: Why?\n', '\n\nSergey Lavrov: Yes.\n\n', '\n# Energy\n', '\n---\n', '\n* * *\n') },
    { weight: 1, arbitrary: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) },
  ),
  sameLength: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** A line of words: what most lines of a transcript are. */
const wordLine: fc.Arbitrary<string> = fc.array(linePiece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));

/** A court reporter's page: its lines numbered 1 to at most 25 in the margin, some indented deeper. */
function courtPage(minLines: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(wordLine, fc.boolean()), { minLength: minLines, maxLength: 25 })
    .map((rows) => rows.map(([words, deeper], i) => `${String(i + 1).padStart(2)}${deeper ? '        ' : '   '}${words}`).join('\n'));
}

/** A run of blank lines, up to a few thousand: what decides the layout may lie far below the top. */
const blankRun: fc.Arbitrary<string> = fc.integer({ min: 1, max: 2500 }).map((n) => '\n'.repeat(n));

/**
 * A long document: thousands of lines, in runs of blank lines, blocks of words, court pages and
 * indented lines, so that the samples the parser decides on (court layout: the first 600
 * non-blank lines; CHAT: the first 200 lines; the language: the first 20,000 characters) end
 * far down, or take in the whole text.
 */
export const longText: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.oneof(
    { weight: 4, arbitrary: blankRun },
    { weight: 3, arbitrary: fc.array(wordLine, { minLength: 1, maxLength: 4 }).map((block) => block.join('\n')) },
    { weight: 1, arbitrary: courtPage(1) },
    { weight: 1, arbitrary: fc.array(wordLine, { minLength: 1, maxLength: 30 }).map((rows) => rows.map((words) => `        ${words}`).join('\n')) },
  ), { minLength: 2, maxLength: 12 }),
  fc.constantFrom('\n', '\r\n'),
).map(([chunks, eol]) => `Title of the talk\n\n${chunks.join('\n\n')}`.replace(/\n/g, eol));

/** An edit of a long document: small ones, and ones that add a court page (enough lines to tip the layout), add or remove a run of blank lines. */
export const longEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0.05, max: 1, noNaN: true }),
  deleteLength: fc.oneof({ weight: 4, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(3000) }),
  insert: fc.oneof(
    { weight: 4, arbitrary: fc.array(linePiece, { maxLength: 4 }).map((p) => p.join('')) },
    { weight: 3, arbitrary: courtPage(20).map((page) => `\n${page}\n`) },
    { weight: 1, arbitrary: blankRun },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', ' 1   ', '\n 7   MR. LONG:  Well, ') },
  ),
});
