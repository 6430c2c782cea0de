import type { ExportDocument, ExportParagraph, Piece } from './document';
import { layout } from './layout';

/** Characters XML 1.0 does not allow, which Word would refuse to open. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * A Word document (the `docx` package): the title and sections as Word's headings, each
 * question under a heading of its number and opening words, each turn opening with the
 * speaker in bold; annotations in italics, timestamps in grey.
 */
export async function toDocx(document: ExportDocument): Promise<{ content: Uint8Array; notes: string[] }> {
  // Required when a DOCX is asked for, so that the server and the CLI start without it; not
  // import(): the server runs its bundle in a vm.Script (codeCache.ts), which has no module loader.
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = require('docx') as typeof import('docx');
  const headings = [
    HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6,
  ];
  const clean = (text: string) => text.replace(NOT_XML, '');
  const run = (piece: Piece) => {
    if (piece.kind === 'text') return new TextRun(clean(piece.text));
    if (piece.kind === 'timestamp') return new TextRun({ text: `[${clean(piece.text)}]`, color: '777777' });
    return new TextRun({ text: clean(piece.annotation === 'stage' ? `(${piece.text})` : `[${piece.text}]`), italics: true });
  };
  const paragraph = (p: ExportParagraph, label: string | undefined) => {
    const runs = label ? [new TextRun({ text: `${clean(label)}: `, bold: true })] : [];
    return new Paragraph({ children: runs.concat(p.pieces.map(run)) });
  };
  const children = [];
  for (const item of layout(document)) {
    if (item.kind === 'turn') {
      item.turn.paragraphs.forEach((p, i) => children.push(paragraph(p, i === 0 ? item.turn.speaker : undefined)));
    } else {
      const isTitle: boolean = item.kind === 'heading' && children.length === 0 && document.title !== undefined;
      children.push(new Paragraph({ heading: isTitle ? HeadingLevel.TITLE : headings[item.level - 1], children: [new TextRun(clean(item.text))] }));
    }
  }
  const file = new Document({
    title: clean(document.title ?? 'Transcript'),
    creator: 'Transcript Markup',
    sections: [{ children }],
  });
  return { content: new Uint8Array(await Packer.toBuffer(file)), notes: [] };
}
