import { listsOf, wordsOfAllLanguages } from '../text/languages';
/**
 * Words that mark a turn's role instead of naming its speaker, by language, from the language
 * table (server/data/languages.json). Matched case-insensitively, without dots: `Q`, `Q.`,
 * `Question`, `QUESTION`.
 */
export const QUESTION_MARKERS = listsOf('questionMarkers');
export const ANSWER_MARKERS = listsOf('answerMarkers');
/** A remark from the floor: a turn by someone unnamed that is not a question. */
export const REMARK_MARKERS = listsOf('remarkMarkers');

/**
 * Single words that end in a colon at the start of a paragraph but never name a speaker. A
 * one-word label is weak evidence, so the table only needs the common ones.
 */
export const NOT_SPEAKERS: ReadonlySet<string> = new Set(wordsOfAllLanguages('notSpeakers'));

/**
 * Lower-case words that may stand inside a name or a role (`Minister of Foreign Affairs`), and
 * honorifics written in lower case inside a label (`El señor PRESIDENTE`, `De heer Rutte`).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([...wordsOfAllLanguages('nameParticles'), ...wordsOfAllLanguages('labelHonorifics')]);

/**
 * The offices of a chamber's chair, in a label's lower-case words (`mr speaker`, `an ceann
 * comhairle`, `vizepräsident thomas oppermann`, `el señor presidente`): the chair gives the floor
 * and keeps order, and asks no question of the debate. A committee's chairman, who does, is not one.
 */
const PRESIDING_OFFICES = wordsOfAllLanguages('presidingOffices');
const PRESIDING_WORDS = new Set(PRESIDING_OFFICES.filter((office) => !office.includes(' ')));
const PRESIDING_PHRASES = PRESIDING_OFFICES.filter((office) => office.includes(' '));
/** `Mr SPEAKER`, `Madam DEPUTY SPEAKER`: the Speaker of a house, not `Unknown Speaker` or `Speaker 1`. */
const HOUSE_SPEAKER = /^(?:(?:mr|mister|madam|madame|the) )?(?:(?:deputy|acting) )?speaker$/;

/** `of`, `de`, `der`: what an office is of follows. */
const OFFICE_OF = new Set(['of', 'de', 'del', 'des', 'der', 'du', 'di', 'della']);
/** What a chair presides over, in a label's lower-case words: `President of the Senate`, `Präsident des Bundestages`. */
const CHAMBER_WORDS = [
  'senate', 'assembly', 'house', 'chamber', 'council', 'parliament', 'congress', 'conference',
  'committee', 'session', 'court', 'sénat', 'assemblée', 'chambre', 'conseil', 'senado',
  'congreso', 'cámara', 'asamblea', 'consejo', 'bundestag\\p{L}*', 'bundesrat\\p{L}*', 'landtag\\p{L}*', 'versammlung',
  'sitzung',
];
const CHAMBERS = new RegExp(`^(?:${CHAMBER_WORDS.join('|')})$`, 'u');
/** How many words after `of` may name the body: `of the General Assembly`. */
const BODY_WORDS = 3;

/**
 * The office at `words[i]` is of something other than a chamber: `President of Russia Vladimir
 * Putin`, `Président de la République` head a state, where `President of the Senate` presides.
 */
function headsAnotherBody(words: readonly string[], i: number): boolean {
  if (!OFFICE_OF.has(words[i + 1])) return false;
  return !words.slice(i + 2, i + 2 + BODY_WORDS).some((word) => CHAMBERS.test(word));
}

/**
 * Whether a label names a chamber's chair: by its key, or by a qualifier that is the office alone
 * (`La señora VICEPRESIDENTA (Chacón Piqueras)`, where the name in brackets is the key). A
 * qualifier that says more is another office: `El señor PRESIDENTE DEL GOBIERNO` heads the government.
 */
export function isPresidingOffice(key: string, qualifiers: readonly string[] = []): boolean {
  if (HOUSE_SPEAKER.test(key)) return true;
  const presides = key.split(' ').some((word, i, words) => PRESIDING_WORDS.has(word) && !headsAnotherBody(words, i));
  if (presides || PRESIDING_PHRASES.some((phrase) => key.includes(phrase))) return true;
  return qualifiers.some((qualifier) => {
    const words = normaliseName(qualifier).split(' ');
    return words.some((word) => PRESIDING_WORDS.has(word)) && words.every((word) => PRESIDING_WORDS.has(word) || NAME_PARTICLES.has(word));
  });
}

/** Qualifiers that say how the words were delivered, not who asked. */
const DELIVERY_NOTE_FORMS = [
  're-?translated', 'as interpreted', 'interpreted', 'via interpreter', 'through an interpreter', 'spoke in .*', 'speaks in .*', 'in [\\p{L}]+',
  'translated', 'off[- ]mic(rophone)?', 'inaudible',
];
const DELIVERY_NOTES = new RegExp(`^(${DELIVERY_NOTE_FORMS.join('|')})\\.?$`, 'iu');
export { DELIVERY_NOTES };

/**
 * The markers in force for a document: every language's whole words (a Russian transcript with
 * no front matter still has its `Вопрос:`), but one-letter markers (`В`, `P`, `F`) only for
 * English and the document's own language, where they cannot be someone's initial.
 */
export function markersFor(table: Record<string, readonly string[]>, language: string, extra: readonly string[] = []): Set<string> {
  const words = Object.values(table).flat().filter((marker) => marker.length > 1);
  return new Set([...words, ...(table.en ?? []), ...(table[language] ?? []), ...extra.map(normaliseName)]);
}

/** Words parted by single spaces, with no dots or typographic apostrophes: lower case is all such a name needs. */
const PLAIN_NAME = /^[^\s.\u2019]+(?: [^\s.\u2019]+)*$/;

/** The key a name is matched by: lower case, no dots, single spaces. */
export function normaliseName(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/[.\u2019']/g, (c) => (c === '.' ? '' : "'"))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** What diarisation calls people: `SPEAKER_00`, `Speaker 1`, `Speaker A`, `spk_0`, `Unknown Speaker 2`. */
const GENERIC_NAME = /^(?:speaker|spk|spkr|unknown speaker|unknown)(?:[\s_-]*(?:\d{1,3}|[a-z]))?$/i;

export function isGenericName(name: string): boolean {
  return GENERIC_NAME.test(name.trim());
}
