import type { ExportDocument, ExportParagraph, Piece } from './document';
import { layout, speakerIndex } from './layout';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Colours for the speakers, in the order they first speak, readable on white and in print. */
const SPEAKER_COLOURS = ['#1f5fa8', '#a8421f', '#2e7d32', '#7b3fa0', '#9a6b00', '#00796b', '#b0306a', '#455a64'];

const STYLE = `body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1b1b1b; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
nav table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
nav th, nav td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; }
.turn { margin: 0 0 1em; }
.turn p { margin: 0 0 0.5em; }
.speaker { font-weight: 600; }
.question { border-left: 3px solid #bbb; padding-left: 0.8em; }
.note, .stage { color: #666; font-style: italic; }
.time { color: #777; font-variant-numeric: tabular-nums; font-size: 0.9em; }
${SPEAKER_COLOURS.map((colour, i) => `.s${i} .speaker { color: ${colour}; }`).join('\n')}`;

function pieceHtml(piece: Piece): string {
  if (piece.kind === 'text') return escapeHtml(piece.text);
  if (piece.kind === 'timestamp') return `<span class="time">[${escapeHtml(piece.text)}]</span>`;
  const text = piece.annotation === 'stage' ? `(${piece.text})` : `[${piece.text}]`;
  return `<span class="${piece.annotation === 'stage' ? 'stage' : 'note'}">${escapeHtml(text)}</span>`;
}

function paragraphHtml(paragraph: ExportParagraph, label: string): string {
  const body = paragraph.pieces.map(pieceHtml).join('').replace(/\s+/g, ' ').trim();
  return `<p${paragraph.stage ? ' class="stage"' : ''}>${label}${body}</p>`;
}

/**
 * One self-contained HTML page: the title, a table of the questions linking to each, the
 * sections as headings, the turns with their speakers in colours of their own; every text escaped.
 */
export function toHtml(document: ExportDocument): { text: string; notes: string[] } {
  const items = layout(document);
  const colour = speakerIndex(document);
  const body: string[] = [];
  const questions = items.filter((i) => i.kind === 'question');
  for (const item of items) {
    if (item.kind === 'heading') {
      body.push(`<h${item.level}>${escapeHtml(item.text)}</h${item.level}>`);
      if (item.level === 1 && questions.length && body.length === 1) body.push(questionTable(document));
    } else if (item.kind === 'question') {
      body.push(`<h${item.level} id="q${item.number}">${escapeHtml(item.text)}</h${item.level}>`);
    } else {
      const { turn } = item;
      const index = colour(turn);
      const classes = ['turn', turn.role === 'question' ? 'question' : '', index === undefined ? '' : `s${index % SPEAKER_COLOURS.length}`].filter(Boolean);
      const label = turn.speaker ? `<span class="speaker">${escapeHtml(turn.speaker)}:</span> ` : '';
      const paragraphs = turn.paragraphs.map((p, i) => paragraphHtml(p, i === 0 ? label : ''));
      body.push(`<div class="${classes.join(' ')}" id="t${turn.index}">\n${paragraphs.join('\n')}\n</div>`);
    }
  }
  if (questions.length && !document.title) body.unshift(questionTable(document));
  const title = document.title ?? 'Transcript';
  const text = `<!DOCTYPE html>
<html lang="${escapeHtml(document.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
  return { text, notes: [] };
}

/** The questions, each linking to its heading, with who asked and who answered. */
function questionTable(document: ExportDocument): string {
  const kept = new Set(document.blocks.flatMap((b) => (b.kind === 'turn' ? [b.turn.index] : [])));
  const rows = document.questions.filter((q) => kept.has(q.turn)).map((q) => {
    const asker = q.questioner ?? document.turns[q.turn].speaker ?? '';
    const answerers = [...new Set(q.answerTurns.filter((t) => kept.has(t)).map((t) => document.turns[t].speaker).filter((s): s is string => !!s))];
    return `<tr><td><a href="#q${q.number}">Q${q.number}</a></td><td><a href="#q${q.number}">${escapeHtml(q.openingWords)}</a></td>`
      + `<td>${escapeHtml(asker)}</td><td>${escapeHtml(answerers.join(', '))}</td></tr>`;
  });
  return `<nav>
<table>
<thead><tr><th>#</th><th>Question</th><th>Asked by</th><th>Answered by</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</nav>`;
}
