/**
 * The candidates of the organisation eval (issue 19) and the card each one's hover shows, shared by
 * the eval (test/eval/organisations.ts) and the precision audit (scripts/organisations/audit-cards.mjs):
 * an all-caps word, or a capitalised name of two words or more, outside labels and paragraphs
 * written in capitals, hovered as a user would.
 */
import type { MarkupContent } from 'vscode-languageserver-types';
import type { createLanguageService } from '../../server/src/service';

const ACRONYM = /(?<![\p{L}\p{N}_@/#.])\p{Lu}[\p{Lu}\p{N}&]{1,9}(?![\p{L}\p{N}_])/gu;
const NAME = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ ](?:(?:of|for|and|the|on|de)[ ])*\p{Lu}\p{Ll}[\p{L}'’-]*){1,6}/gu;
const LEADING = /^(?:(?:And|But|So|Or|Then|If|When|Yes|No|The|A|An|In|On|At|Of|For|To|From|With|By|As|Well|Now)[ ]+(?:(?:the|of|for|and)[ ]+)*)+/u;

export interface HoveredCandidate {
  /** The candidate's words, without a leading function word. */
  name: string;
  /** Its offset in the text. */
  at: number;
  /** The card's title; undefined where the hover shows none, or says the words are a law or a treaty. */
  card?: string;
  /** The words the card covers (the candidate, or a longer name around it). */
  hovered: string;
  /** Where the card's words start, if a card is shown. */
  cardStart?: number;
  /** The hover's whole text. */
  hover: string;
}

/** Every candidate of `text`, in paragraph order, acronyms first in each paragraph, with its hover. */
export function* hoveredCandidates(service: ReturnType<typeof createLanguageService>, uri: string, text: string): Generator<HoveredCandidate> {
  const document = { uri, version: 1, getText: () => text };
  const model = service.getModel(document);
  for (const paragraph of model.paragraphs) {
    const body = text.slice(paragraph.contentStart, paragraph.end);
    const letters = body.match(/\p{L}/gu)?.length ?? 0;
    const capitals = body.match(/\p{Lu}/gu)?.length ?? 0;
    if (!letters || capitals / letters > 0.5) continue;
    for (const pattern of [ACRONYM, NAME]) {
      for (const m of body.matchAll(pattern)) {
        const name = m[0].replace(LEADING, '');
        if (pattern === NAME && !name.includes(' ')) continue;
        const at = paragraph.contentStart + m.index + (m[0].length - name.length);
        const hover = service.provideHover(document, model.lines.positionAt(at + 1));
        const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        // The card's title, after the line an ambiguous acronym's card starts with (`*EC has 2 meanings…*`).
        const card = / has no card|Law or treaty, not an organisation/.test(value) ? undefined : /^(?:\*[^*\n]+\*\n\n)?\*\*([^*]+)\*\*/.exec(value)?.[1];
        const cardStart = card && hover?.range ? model.lines.offsetAt(hover.range.start) : undefined;
        const hovered = cardStart !== undefined && hover?.range ? text.slice(cardStart, model.lines.offsetAt(hover.range.end)) : name;
        yield { name, at, card, hovered, cardStart, hover: value };
      }
    }
  }
}
