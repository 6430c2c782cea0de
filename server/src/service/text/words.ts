import type { Paragraph, TranscriptModel, Turn } from '../model';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/gu;

/** The words a paragraph says, after its label, without annotations and topic tags (blanked, so offsets hold). */
export function paragraphContent(model: TranscriptModel, paragraph: Paragraph): string {
  let text = model.source.slice(paragraph.contentStart, paragraph.end);
  const masked = [...paragraph.annotations, ...paragraph.tags].filter((a) => a.start >= paragraph.contentStart).sort((a, b) => b.start - a.start);
  for (const annotation of masked) {
    const from = annotation.start - paragraph.contentStart;
    text = text.slice(0, from) + ' '.repeat(annotation.end - annotation.start) + text.slice(annotation.end - paragraph.contentStart);
  }
  return text;
}

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

export function turnWordCount(model: TranscriptModel, turn: Turn): number {
  let count = 0;
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphs[index];
    if (paragraph.kind === 'text') count += countWords(paragraphContent(model, paragraph));
  }
  return count;
}

/** The first words of a turn, for the outline: `How are the countries developing their transit…`. */
export function openingWords(model: TranscriptModel, turn: Turn, maxLength = 60): string {
  for (const index of turn.paragraphs) {
    const paragraph = model.paragraphs[index];
    if (paragraph.kind !== 'text') continue;
    const text = paragraphContent(model, paragraph).replace(/[\s\u00a0]+/g, ' ').trim();
    if (text) return ellipsis(text, maxLength);
  }
  return '';
}

export function ellipsis(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}
