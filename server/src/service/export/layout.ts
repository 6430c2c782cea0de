import type { ExportDocument, ExportTurn } from './document';

/** What a document format writes, in order: headings (the title, sections, questions) and turns. */
export type LayoutItem =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'question'; readonly level: number; readonly number: number; readonly text: string }
  | { readonly kind: 'turn'; readonly turn: ExportTurn };

/**
 * The title as the first heading, the sections' headings below it, and before each question a
 * heading one level below its section's, named as the outline names it (`Q3 · How are…`).
 */
export function layout(document: ExportDocument): LayoutItem[] {
  const items: LayoutItem[] = [];
  const offset = document.title ? 1 : 0;
  const level = (n: number) => Math.min(6, n + offset);
  if (document.title) items.push({ kind: 'heading', level: 1, text: document.title });
  let sectionLevel = 0;
  for (const block of document.blocks) {
    if (block.kind === 'heading') {
      sectionLevel = block.level;
      items.push({ kind: 'heading', level: level(block.level), text: block.title });
      continue;
    }
    const { turn } = block;
    if (turn.question !== undefined) {
      const text = document.questions[turn.question - 1]?.openingWords ?? '';
      items.push({ kind: 'question', level: level(sectionLevel + 1), number: turn.question, text: `Q${turn.question} · ${text}` });
    }
    items.push({ kind: 'turn', turn });
  }
  return items;
}

/** Each speaker's place in the order they first speak: a colour for styled formats. */
export function speakerIndex(document: ExportDocument): (turn: ExportTurn) => number | undefined {
  const order = new Map<string, number>();
  for (const block of document.blocks) {
    if (block.kind === 'turn' && block.turn.speaker !== undefined && !order.has(block.turn.speaker)) order.set(block.turn.speaker, order.size);
  }
  return (turn) => (turn.speaker === undefined ? undefined : order.get(turn.speaker));
}
