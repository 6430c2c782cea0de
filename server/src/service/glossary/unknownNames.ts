import { countsAlongEdits } from '../editChain';
import { query, type DerivedResults } from '../derivedResults';
import type { ParagraphAnalysis } from '../parser/paragraphs';
import type { ParagraphReader } from '../text/words';
import type { Paragraph, TranscriptModel } from '../model';
import type { Glossary } from './glossary';
import { organisationSpans, scannableText } from './mentions';
import { documentDefinitions, type DefinedName } from './definitions';
import { LEADING_WORDS } from './formedNames';

/**
 * Names that look like an organisation's and have no card: an all-caps name (`LFA`), or a
 * capitalised name with an organisation's word in it (`Lake Ferry Authority`) that the transcript
 * uses twice at least. Neither in the glossary nor defined by the transcript: one quick fix away
 * from a card.
 */
export interface UnknownName {
  /** Offsets into the document. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly acronym: boolean;
}

/** All-caps words that name no organisation: countries, titles, units, common abbreviations, Roman numerals. */
const NOT_ORGANISATIONS = new Set([
  'US', 'USA', 'UK', 'UAE', 'USSR', 'DPRK', 'PRC', 'ROK', 'RF', 'DC', 'OK', 'TV', 'AM', 'PM', 'CEO', 'CFO', 'GDP', 'COVID', 'ID', 'PR', 'IT', 'AI',
  'DNA', 'HIV', 'VIP', 'MP', 'MPS', 'QC', 'KC', 'PHD', 'MR', 'MRS', 'MS', 'DR', 'ST', 'JR', 'SR', 'UTC', 'GMT', 'EST', 'PST', 'BC', 'AD', 'CV', 'PS', 'FAQ',
  'PDF', 'URL', 'SMS', 'GPS', 'LNG', 'CO2', 'VAT', 'IPO', 'QA', 'Q', 'A', 'I', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'XX', 'XXI',
  'LGBT', 'LGBTQ', 'ICBM', 'WMD', 'OMG', 'LOL', 'ASAP', 'FYI', 'CCTV', 'MRI', 'ICU', 'ER', 'PC', 'UFO', 'USB', 'HTML', 'API', 'SUV', 'ATM', 'NFT', 'ESG',
  'EV', 'RT', 'ET', 'PT', 'CT', 'MT', 'NY', 'LA', 'SF', 'THE', 'AND', 'OF',
]);

/** Words that make a capitalised name an organisation's, in the supported languages. */
const ORGANISATION_WORD_LIST = [
  // English
  'Authority', 'Agency', 'Ministry', 'Department', 'Council', 'Committee', 'Commission', 'Party', 'Bank', 'Service', 'Court',
  'Union', 'Association', 'Organi[sz]ation', 'Corporation', 'Company', 'Institute', 'Foundation', 'Federation', 'League',
  'Front', 'Movement', 'Office', 'Bureau', 'Board', 'Fund', 'Group', 'Army', 'Forces', 'Police', 'Guard', 'Brigades?',
  'Assembly', 'Parliament', 'Senate', 'Congress', 'Society', 'Trust', 'Alliance', 'Coalition', 'Network', 'Directorate',
  'Inspectorate', 'Tribunal',
  // German
  'Ministerium', 'Amt', 'Behörde', 'Partei', 'Bund', 'Verband',
  // French
  'Ministère', 'Agence', 'Comité', 'Conseil', 'Parti', 'Banque',
  // Spanish
  'Ministerio', 'Agencia', 'Comité', 'Consejo', 'Partido', 'Banco',
  // Russian
  'Министерство', 'Агентство', 'Служба', 'Комитет', 'Совет', 'Партия', 'Банк', 'Союз', 'Фонд',
];
const ORGANISATION_WORDS = new RegExp(`\\b(?:${ORGANISATION_WORD_LIST.join('|')})\\b`, 'u');

const ACRONYM = /(?<![\p{L}\p{N}_@/#.])\p{Lu}[\p{Lu}\p{N}&]{1,9}(?![\p{L}\p{N}_]|\.\p{L})/gu;
/** Capitalised words (not all-caps ones), joined by spaces and the small words of names. */
const NAME_SMALL_WORDS = ['of', 'for', 'and', 'the', 'on', 'de', 'du', 'des', 'la', 'del', 'für', 'und', 'der', 'die'];
const CAPITALISED_WORD = "\\p{Lu}\\p{Ll}[\\p{L}'’-]*";
const CAPITALISED_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])${CAPITALISED_WORD}(?:[ \\t]+(?:(?:${NAME_SMALL_WORDS.join('|')})[ \\t]+)*${CAPITALISED_WORD}){1,6}`,
  'gu',
);

/** Paragraphs that hold no words to look at. */
const SKIPPED_KINDS = new Set<Paragraph['kind']>(['comment', 'separator', 'time']);

/** What most paragraphs hold, kept for each of them: one array for all. */
const NO_CANDIDATES: readonly UnknownName[] = Object.freeze([]);

/** The paragraph's candidates, offsets relative to its content: read again only when its text changes. */
const PARAGRAPH_CANDIDATES = query(
  'paragraph unknown-name candidates',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number): readonly UnknownName[] => {
    const text = scannableText(model, paragraph);
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
    // A paragraph written in capitals (a heading, a shout) says nothing by its capitals.
    if (letters === 0 || capitals / letters > 0.5) return NO_CANDIDATES;
    const found: UnknownName[] = [];
    for (const m of text.matchAll(ACRONYM)) {
      if (!/\p{Lu}.*\p{Lu}/u.test(m[0]) || NOT_ORGANISATIONS.has(m[0])) continue;
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], acronym: true });
    }
    for (const m of text.matchAll(CAPITALISED_NAME)) {
      const name = m[0].replace(LEADING_WORDS, '');
      if (!ORGANISATION_WORDS.test(name) || /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(name)) continue;
      const start = m.index + m[0].length - name.length;
      found.push({ start, end: start + name.length, text: name, acronym: false });
    }
    return found.length ? found : NO_CANDIDATES;
  },
);

function paragraphCandidates(results: DerivedResults, model: TranscriptModel, paragraph: Paragraph): readonly UnknownName[] {
  if (SKIPPED_KINDS.has(paragraph.kind) || paragraph.contentStart >= paragraph.end) return [];
  return results.get(PARAGRAPH_CANDIDATES, paragraph.analysis, { model, paragraph }, paragraph.contentStart - paragraph.start);
}

/**
 * How often the document uses each capitalised candidate name. After an edit, the earlier
 * version's counts less the edited paragraphs' names and plus those of what replaced them.
 */
const NAME_USES = countsAlongEdits('unknown-name uses', (results, version, paragraph) =>
  paragraphCandidates(results, version, paragraph).filter((c) => !c.acronym).map((c) => c.text));

/** Of a paragraph's candidates, those that no organisation's name covers, in document offsets. */
function unknownAmong(
  results: DerivedResults, model: TranscriptModel, paragraph: Paragraph, glossary: Glossary, candidates: readonly UnknownName[],
): UnknownName[] {
  if (!candidates.length) return [];
  // A name known by its form only is still one to add to the glossary.
  const covered = organisationSpans(results, model, paragraph, glossary).filter((m) => !m.formed);
  // Acronyms count once; a capitalised name, from its second use in the document.
  const uses = candidates.some((c) => !c.acronym) ? results.get(NAME_USES, model, undefined) : undefined;
  const base = paragraph.contentStart;
  return candidates
    .map((c) => ({ ...c, start: c.start + base, end: c.end + base }))
    .filter((c) => !covered.some((m) => m.start < c.end && c.start < m.end) && (c.acronym || ((uses!.get(c.text) ?? 0) >= 2 && !glossary.isKnownTerm(c.text))))
    .sort((a, b) => a.start - b.start);
}

/** The names of `model` that look like an organisation's and have no card, in document order. */
export function findUnknownNames(results: DerivedResults, model: TranscriptModel, glossary: Glossary): UnknownName[] {
  return model.paragraphs.flatMap((paragraph) => unknownAmong(results, model, paragraph, glossary, paragraphCandidates(results, model, paragraph)));
}

/** The unknown name at `offset` (its end included), if any. Reads one paragraph, and the others' names from the layer. */
export function unknownNameAt(results: DerivedResults, model: TranscriptModel, glossary: Glossary, offset: number): UnknownName | undefined {
  const paragraph = model.paragraphAt(offset);
  if (!paragraph) return undefined;
  const at = offset - paragraph.contentStart;
  const candidates = paragraphCandidates(results, model, paragraph).filter((c) => at >= c.start && at <= c.end);
  return unknownAmong(results, model, paragraph, glossary, candidates)[0];
}

/** What the transcript tells about a name: its definition, if the transcript defines it. */
export function definitionOf(results: DerivedResults, model: TranscriptModel, name: string): DefinedName | undefined {
  return documentDefinitions(results, model).names.find((d) => d.acronym === name || d.fullName === name);
}
