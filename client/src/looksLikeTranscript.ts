/**
 * Whether a plain text reads as a transcript, from its first lines: a cheap check for offering
 * the Transcript language on a `.txt` file. Editor-free, so it is tested on its own.
 */

/** How many of the first non-blank lines are read, and how many must open with a label. */
const LINES_READ = 40;
const LABELS_NEEDED = 3;
/** The lines are looked for in this much text at most: a huge file costs no more than a small one. */
const CHARACTERS_READ = 20_000;

const TIME = String.raw`\[\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\][ \t]*`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const PARTICLE = String.raw`(?:of|the|for|and|de|del|der|di|da|du|la|le|van|von|al|el|bin|ibn)`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)*${NAME_WORD}){0,5}`;

/** `Name:`, `[00:00:12] Name:`, `>> NAME:`, `**Name:**`, `Q.` and `A.`, `SPEAKER_00:`, `Speaker 1:`. */
const LABEL_SHAPES: readonly RegExp[] = [
  new RegExp(String.raw`^(?:${TIME})?(?:>>[ \t]*)?${NAME}(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*:(?:\s|$)`, 'u'),
  /^\*\*[^*\n]{1,60}(?::\*\*|\*\*:)/,
  /^[QA]\.(?:\s|$)/,
  /^(?:[A-Z]+_\d+|\p{Lu}\p{Ll}+ \d+)[ \t]*:(?:\s|$)/u,
];

export function looksLikeTranscript(text: string): boolean {
  let labels = 0;
  let read = 0;
  for (const line of text.slice(0, CHARACTERS_READ).split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (LABEL_SHAPES.some((shape) => shape.test(trimmed)) && ++labels >= LABELS_NEEDED) return true;
    if (++read >= LINES_READ) break;
  }
  return false;
}
