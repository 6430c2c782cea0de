import type { TranscriptModel } from '../../model';

/** Fewer paragraphs than this may well be one person's text: no hint. */
const MIN_PARAGRAPHS = 8;
/** How far into a paragraph its opening is looked for. */
const OPENING_LENGTH = 100;

/** Openings that name a speaker in other conventions than this format's, commonest in exports first. */
const OPENINGS: readonly { readonly shape: RegExp; readonly description: string }[] = [
  { shape: /^\*\*[^*\r\n]{1,80}\*\*/, description: 'bold text' },
  { shape: /^\\?\[\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\\?\]/, description: 'a timestamp' },
  { shape: /^\(?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\)?(?![\p{L}\p{N}])/u, description: 'a time' },
  { shape: /^>>/, description: '`>>`' },
  { shape: /^[\p{L}_]+[ _]?\d+[ \t]*:/u, description: 'a name with a number' },
  { shape: /^\p{Lu}[\p{L}'’.]*(?: \p{Lu}[\p{L}'’.]*){0,3} [-–—] /u, description: 'a name and a dash' },
  { shape: /^[^\s:][^:\r\n]{0,40}:(?=[ \t\u00a0]|$)/u, description: 'a few words and a colon' },
];

const FIRST_WORD = /\S+/y;

export interface NoSpeakersHint {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * Where a document of many paragraphs has no speaker label at all, something was probably not
 * recognised: says how most paragraphs start instead, at the first one. Information only: an
 * essay has no speakers either.
 */
export function noSpeakersHint(model: TranscriptModel): NoSpeakersHint | undefined {
  if (model.paragraphs.some((p) => p.label)) return undefined;
  const texts = model.paragraphs.filter((p) => p.kind === 'text');
  if (texts.length < MIN_PARAGRAPHS) return undefined;
  const counts = OPENINGS.map(() => ({ count: 0, example: '' }));
  for (const p of texts) {
    const opening = model.source.slice(p.contentStart, Math.min(p.end, p.contentStart + OPENING_LENGTH));
    const at = OPENINGS.findIndex((o) => o.shape.test(opening));
    if (at < 0) continue;
    counts[at].count++;
    counts[at].example ||= OPENINGS[at].shape.exec(opening)![0];
  }
  let commonest = -1;
  counts.forEach((c, i) => {
    if (c.count > (commonest < 0 ? 0 : counts[commonest].count)) commonest = i;
  });
  const paragraph = model.paragraphs.indexOf(texts[0]);
  const first = texts[0];
  FIRST_WORD.lastIndex = first.contentStart;
  const firstWordEnd = Math.min(first.end, first.contentStart + (FIRST_WORD.exec(model.source)?.[0].length ?? 0));
  const where = 'The label shapes it reads are in docs/FORMAT.md#speaker-turns.';
  // A shape that a quarter of the paragraphs share, and at least three, is what the labels look like.
  if (commonest >= 0 && counts[commonest].count >= 3 && counts[commonest].count * 4 >= texts.length) {
    const { count, example } = counts[commonest];
    const opening = OPENINGS[commonest];
    const match = opening.shape.exec(model.source.slice(first.contentStart, first.contentStart + OPENING_LENGTH));
    return {
      paragraph,
      start: first.contentStart,
      end: match ? first.contentStart + match[0].length : firstWordEnd,
      message: `No speaker label found: ${count} of ${texts.length} paragraphs start with ${opening.description} (\`${example}\`), `
        + `which is not read as one. ${where}`,
    };
  }
  return {
    paragraph,
    start: first.contentStart,
    end: firstWordEnd,
    message: `No speaker label found: none of the ${texts.length} paragraphs starts with a name and a colon (\`Name:\`). ${where}`,
  };
}
