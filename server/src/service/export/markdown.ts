import { annotationText, collapseSpaces, type ExportDocument, type ExportParagraph } from './document';
import { layout } from './layout';

/**
 * Escapes what Markdown would read as markup: emphasis, code, links, HTML and entities anywhere;
 * a heading, a quote or a list at the start of a paragraph. Brackets escaped so read back as the
 * transcript's annotations (`\[laughs\]`), as FORMAT.md says.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<>]/g, '\\$&')
    // `_` inside a word emphasises nothing (`SPEAKER_02`).
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^(#{1,6}(?=\s|$)|[-+](?=\s)|=+$|\d+(?=[.)]\s))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

function paragraphMarkdown(paragraph: ExportParagraph): string {
  let text = '';
  for (const piece of paragraph.pieces) text += piece.kind === 'text' ? piece.text : annotationText(piece);
  const escaped = escapeMarkdown(collapseSpaces(text));
  return paragraph.stage ? `*${escaped}*` : escaped;
}

/**
 * Markdown: the title and sections as headings, each question under a heading of its number and
 * opening words, turns as paragraphs opening with the speaker in bold (`**Name:**`), the way
 * podcasts publish them and the parser reads them back.
 */
export function toMarkdown(document: ExportDocument): { text: string; notes: string[] } {
  const out: string[] = [];
  for (const item of layout(document)) {
    if (item.kind !== 'turn') {
      out.push(`${'#'.repeat(item.level)} ${escapeMarkdown(item.text)}`);
      continue;
    }
    const { turn } = item;
    turn.paragraphs.forEach((paragraph, i) => {
      const text = paragraphMarkdown(paragraph);
      const label = i === 0 && turn.speaker ? `**${escapeMarkdown(turn.speaker)}:**` : '';
      if (text || label) out.push([label, text].filter(Boolean).join(' '));
    });
  }
  return { text: `${out.join('\n\n')}\n`, notes: [] };
}
