import { DELIVERY_NOTES, NAME_PARTICLES, NOT_SPEAKERS, normaliseName } from './markers';
import type { LabelKind } from '../model';
import { detached } from '../text/detached';
import { trimmedEnd } from '../text/whiteSpace';
import { isTitle } from './speakerNames';
import { alternation, wordsOfAllLanguages } from '../text/languages';

/** What the label detector needs to know about the document. */
export interface LabelContext {
  readonly questionMarkers: ReadonlySet<string>;
  readonly answerMarkers: ReadonlySet<string>;
  readonly remarkMarkers: ReadonlySet<string>;
  /** Normalised names and aliases declared in the front matter. */
  readonly declaredSpeakers: ReadonlySet<string>;
}

/** A label found at the start of a paragraph; offsets are relative to the paragraph. */
export interface LabelMatch {
  readonly kind: LabelKind;
  readonly name: string;
  /** The name as compared: lower case, no dots. */
  readonly key: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Just past the colon (or the marker, for a bare `Q`). */
  readonly end: number;
  readonly start: number;
  readonly qualifiers: readonly string[];
  readonly alone: boolean;
  readonly forced: boolean;
  /**
   * A single capitalised word that nobody declared (`Lavrov:`, but also `Germany:`). The parser
   * keeps it only if the document uses it as a label more than once or it names a known speaker.
   */
  readonly weak: boolean;
  /** `Energy: Prices` alone on its line: a heading unless the document has the same name speak elsewhere. */
  readonly headingLike: boolean;
  /** A name alone on its line with no colon (`John G. Roberts, Jr.`): a label where the document repeats it. */
  readonly nameLine: boolean;
  /** The question is set in emphasis to its end (`**Q: Why?**`): the words after it are the answer's. */
  readonly whole: boolean;
  /**
   * `Q I understand.`: a label only where the document marks its answers too (`A.`, `A`), as a court
   * reporter's Q/A does; where named officials answer bare `Q`s, a briefing's `Q I …` line stays as it was read.
   */
  readonly answersMarked?: boolean;
}

/**
 * A line that is nothing but a name, the words below it (`John G. Roberts, Jr.`, `SANDRA DAY
 * O'CONNOR`): a label only where the document has the same name so more than once (labelStats).
 * The name may carry titles (`PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR`) and an office after a comma
 * (`HUGO LÓPEZ-GATELL, SUBSECRETARIO DE SALUD`), or be a role (`INTERLOCUTORA`) or a question
 * marker (`PREGUNTA`) alone.
 */
export function detectNameLine(text: string, context: LabelContext): LabelMatch | undefined {
  const first = text.search(/\S/);
  if (first < 0) return undefined;
  // `[00:00:12] Omar Haddad` with the words below, as some editors export.
  const start = afterDecoration(text, first);
  const end = trimmedEnd(text, start, firstLineEnd(text, start, start + MAX_OFFICE_LINE + 4));
  if (end - start > MAX_OFFICE_LINE || !isUpperCaseLetter(text, start)) return undefined;
  const line = text.slice(start, end);
  // Most lines end a sentence: a name ends in a letter, or in `Jr.` and the like.
  if (/[,;!?…:"“”«»]$/.test(line)) return undefined;
  if (line.length <= MAX_MARKER_LINE) {
    const key = normaliseName(line);
    const marker = questionOrAnswer(key, context);
    if (marker) return { ...label(marker, line, key, start, start, end, end, [], true, false), headingLike: true, nameLine: true };
  }
  const unsuffixed = line.replace(NAME_SUFFIX, '');
  const comma = unsuffixed.indexOf(', ');
  const name = comma > 0 ? unsuffixed.slice(0, comma) : unsuffixed;
  const office = comma > 0 ? unsuffixed.slice(comma + 2).trim() : '';
  if (name.length > MAX_NAME_LINE || spacesBetween(name, 0, name.length) > 6 || name.endsWith('.')) return undefined;
  // An office is a title: capitalised at both ends, one clause (`Department of Justice, Washington, D.C.; on behalf of` is an address).
  if (office && (!isUpperCaseLetter(office, 0) || !/(?:^|\s)\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(office) || office.includes(';'))) return undefined;
  const shape = nameShape(name);
  if (shape !== 'name' && !(shape === 'single' && ROLE_WORDS.has(normaliseName(name)))) return undefined;
  const words = name.split(/\s+/);
  if (NOT_SPEAKERS.has(words[0].toLowerCase())) return undefined;
  // A person's name has a few words besides titles and initials: `James S. Brady Press Briefing Room` is a place.
  if (words.filter((word) => !/^\p{Lu}\.$/u.test(word) && !isTitle(normaliseName(word))).length > 4) return undefined;
  // `John G. Roberts, Jr.` keeps its suffix; an office is a qualifier.
  const written = office ? name : line;
  return {
    ...label('speaker', written, normaliseName(written), start, start, start + written.length, end, office ? [office] : [], true, false),
    headingLike: true,
    nameLine: true,
  };
}

/** The longest name alone on its line, and the longest such line with the office after the name. */
const MAX_NAME_LINE = 60;
/** The longest question or answer marker alone on its line (`Журналист`, `PREGUNTA`). */
const MAX_MARKER_LINE = 16;
const MAX_OFFICE_LINE = 120;
const NAME_SUFFIX = /,? (?:Jr|Sr|II|III|IV|Esq|QC|KC|MP)\.?$/;

function isUpperCaseLetter(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && c !== c.toLowerCase();
}

function spacesBetween(text: string, start: number, end: number): number {
  let spaces = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces;
}

const MAX_LABEL_LENGTH = 160;
const MAX_NAME_WORDS = 24;
const SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u3000\ufeff]/;
const OPENING_QUOTE = /^[\s\u00a0]*["“„«‘'‹「『]/;
const QUOTE = /[“”"«»„]/;
/** A marker followed by a non-breaking space, two spaces, a tab or nothing: `Q    Thank you`. */
const BARE_MARKER = /^[QA]\.?(?=[\u00a0\t]|[ ]{2,}|[ \t\u00a0]*$)/;
/**
 * The deposition's `Q. Did you…`, `A. Yes.`: a dot and one space; and the court reporters' markers
 * without a dot, `Q And have you…`, `Q I understand.`, `A Yes.`, `A Navy blue jacket.`.
 */
const DOTTED_MARKER = /^(?:[QA]\.[ ](?=\S)|Q[ ](?=\p{Lu}\p{Ll}|I[ ’'])|A[ ](?=\p{Lu}))/u;
/** `Q I understand.`, `Q I'm sorry`: the marker before the pronoun, read in a transcript whose answers are marked (LabelMatch.answersMarked). */
const QUESTION_BEFORE_I = /^Q[ ]I[ ’']/;
/**
 * What an answer opens with that no article stands before (`A Yes.`, `A I don't recall.`, `A The
 * gift room.`): after `A` without a dot, such a word shows a marker, where `A New York judge…` is prose.
 */
const ANSWER_OPENING_REACH = 16;
const ANSWER_OPENING = /^A[ ](?:I|Yes|No|Yeah|Yep|Nope|Correct|Right|Sure|Okay|OK|Well|Not|Th(?:at|is|e|ey|ere)|It|He|She|We|You|My|Our|And|But|So|Because)\b/;
/** `1. Stephen Hepburn: If he will…`: the order paper's number before a member's name. */
export const QUESTION_NUMBER = /^\d{1,3}\.[ \t\u00a0]+(?=\p{Lu})/u;
/** `1:02`, `01:02:03.5`: the time a timestamp names. */
const CLOCK_TIME = '\\d{1,2}(?::\\d{2}){1,2}(?:[.,]\\d{1,3})?';
/** `[00:01:02] `, `(1:02) `, `00:01:02 - `: a time before the label, in brackets, in parentheses or bare. */
const LEADING_TIMESTAMP = new RegExp(`^(?:\\[${CLOCK_TIME}\\]|\\(${CLOCK_TIME}\\)|${CLOCK_TIME}(?=[ \\t]))[ \\t]*(?:-[ \\t]+)?`);
/**
 * What news transcripts put before a label: the chair's `[*] GRASSLEY:`, a note of the room
 * before the next speaker, `(LAUGHTER) SANDERS:`. Only skipped where a label follows.
 */
const LEADING_NOTE = /^(?:\[\*\]|\(\p{Lu}[\p{Lu} '’-]{2,24}\))[ \t]+(?=\S)/u;
/**
 * A deposition's margin line number left before the words by OCR or a copy from a PDF: `12 Q. Did
 * you…`, `1 0 Q. …` (the `10` split), `23 MR. SCAROLA: Object…`, `25 THE WITNESS: Yes.`. Only
 * skipped before the marker or counsel's label it numbers, so `12 Angry Men:` stays what it was.
 */
const MARGIN_LINE_NUMBER = /^\d(?:\d| \d(?= ))?[ \t]+(?=[QA]\.[ \t]|(?:MR|MS|MRS|DR)\.[ \t]\p{Lu}[\p{Lu}'’-]+:|THE[ \t](?:WITNESS|COURT|REPORTER|VIDEOGRAPHER):)/u;
/** `(UNKNOWN):`, `(UNIDENTIFIED MALE):`: a speaker the transcriber could not name, in brackets. */
const UNNAMED_LABEL = /^\((\p{Lu}[\p{Lu} '’-]{2,30})\):(?=[ \t\u00a0]|$)/u;
/** A name, spaces, a time, nothing else: `Omar Haddad  0:12`. */
const TIMED_NAME = /^([^\s:()[\]][^:()[\]]{0,80}?)[ \t\u00a0]+\(?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?\)?[ \t]*$/;
/** The titles a French label opens with: `M.`, `Mme`, `MM.`, `Mlle`, `Mgr`. */
const FRENCH_CIVILITY = '(?:M\\.|Mme|MM\\.|Mlle|Mgr)';
/** The words of a French label in lower case: articles (`le`, `l’`) and offices (`M. le président`, `Mme la garde des sceaux`). */
const FRENCH_LOWER_CASE_WORDS = [
  'le', 'la', 'les', 'de', 'du', 'des', "[dl]['’][\\p{L}\\p{M}\\-]+",
  'président', 'présidente', 'ministre', 'rapporteur', 'rapporteure', 'secrétaire', 'garde', 'sceaux', 'délégué', 'déléguée',
  'premier', 'première', 'chargé', 'chargée', 'vice-président', 'vice-présidente', 'doyen', 'doyenne',
].join('|');
const FRENCH_NAME_WORD = `(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*|${FRENCH_LOWER_CASE_WORDS})`;
const FRENCH_LABEL = new RegExp(
  `^(${FRENCH_CIVILITY}(?:[ \\u00a0]+${FRENCH_NAME_WORD}){1,8}(?:,[ \\u00a0][^.:!?]{1,80})?)\\.(?=[ \\u00a0]+\\p{Lu}|[ \\u00a0]*$)`,
  'u',
);
/** Who chairs, in the records that end a label with a full stop: `Председательствующий.`, `Le Président.`, `El Presidente.` */
const CHAIR_TITLES = wordsOfAllLanguages('chairTitles').flatMap((title) => [title, title.toUpperCase()]);
const CHAIR_WITH_PERIOD = new RegExp(`^(${alternation(CHAIR_TITLES)})\\.(?=[ \\u00a0]+\\p{Lu}|[ \\u00a0]*(?:\\r?\\n|$))`, 'u');
const DIET_LABEL = /^[○◯◎]([^（(\s　]{1,20})(?:[（(]([^）)]{1,20})[）)])?(?:[\u3000 ]+|$)/;
/** The titles before a name in capitals in a congressional record: `Mr. SMITH.`, `The CHAIRMAN.`, `Senator INOUYE.` */
const RECORD_TITLES = [
  '(?:Mr|Mrs|Ms|Dr|Miss)\\.?', 'The', 'Senator', 'Chairman', 'Chairwoman', 'Representative', 'Judge', 'General', 'Admiral', 'Secretary', 'Ambassador',
];
const RECORD_NAME_WORD = "\\p{Lu}[\\p{Lu}'’\\-]+";
const RECORD_LABEL = new RegExp(
  `^((?:${RECORD_TITLES.join('|')})(?:[ \\u00a0]+\\p{Lu}\\.)?[ \\u00a0]+${RECORD_NAME_WORD}(?:[ \\u00a0]+(?:of|de|${RECORD_NAME_WORD}))*)`
    + '\\.(?=[ \\u00a0]+[\\p{Lu}"“‘(\\[]|[ \\u00a0]*$)',
  'u',
);
const CAPITALS_WITH_PERIOD = /^(\p{Lu}[\p{Lu}'’-]{1,20}(?:[ \u00a0]\p{Lu}(?:\.|[\p{Lu}'’-]{1,20})){0,4})\.(?=[ \u00a0]{1,3}[\p{Lu}"“‘(\[])/u;
/** Diarised and anonymised speakers: `SPEAKER_00`, `Speaker 1`, `Interviewer 2`, `Spk A`. */
const GENERIC_SPEAKER_WORDS = [
  'speaker', 'spk', 'participant', 'person', 'interviewer', 'interviewee', 'respondent', 'caller', 'guest', 'voice', 'unknown speaker', 'unidentified speaker',
  'male', 'female', 'man', 'woman', 'student', 'child', 'moderator', 'host', 'panelist', 'panellist', 'audience', 'audience member', 'questioner', 'q',
];
const GENERIC_SPEAKER = new RegExp(`^(?:SPEAKER_\\d{1,3}|(?:${GENERIC_SPEAKER_WORDS.join('|')})[ _-]?(?:\\d{1,3}|[A-Z]))$`, 'i');
/** A website in place of a name, as interview conversions label the outlet: `npr.org:`. */
const SITE_NAME = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$/;
/**
 * Words that name a role rather than a person: a label of them alone is read at its first use
 * (`Listener:`, `Studio operator:`, `Host:`), not only once the document repeats it.
 */
export const ROLE_WORDS = new Set([
  'host', 'cohost', 'co-host', 'moderator', 'interviewer', 'interviewee', 'caller', 'listener', 'guest', 'reporter',
  'journalist', 'presenter', 'anchor', 'narrator', 'announcer', 'operator', 'producer', 'correspondent', 'commentator',
  'chair', 'chairman', 'chairwoman', 'chairperson', 'speaker', 'president', 'interpreter', 'audience', 'panelist',
  'panellist', 'clerk', 'judge', 'court', 'juror', 'defendant', 'plaintiff', 'prosecutor', 'voice', 'student', 'teacher',
  'child', 'mother', 'father', 'doctor', 'patient', 'nurse', 'officer', 'respondent', 'man', 'woman', 'crowd', 'member',
  'senator', 'representative', 'minister', 'secretary', 'deputy', 'official', 'spokesperson', 'spokesman', 'spokeswoman',
  'interlocutor', 'interlocutora', 'moderador', 'moderadora', 'entrevistador', 'entrevistadora', 'presentador', 'presentadora',
  'locutor', 'locutora', 'moderatorin', 'sprecher', 'sprecherin', 'animateur', 'animatrice', 'ведущий', 'ведущая', 'модератор',
]);
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’\-.]*|\p{Lu}\.|[IVX]+|\p{Lo}[\p{Lo}\p{M}'’\-.・·]{0,11})$/u;
/** Scripts without capitals (CJK, Arabic, Hebrew) cannot show a name by its case: keep such labels short. */
const CASELESS = /^[\p{Lo}\p{M}\s'’\-.・·]+$/u;
const UPPER_WORD = /^[\p{Lu}\p{M}'’\-.&/]+$/u;

export function detectLabel(text: string, context: LabelContext): LabelMatch | undefined {
  let start = 0;
  while (start < text.length && SPACE.test(text[start])) start++;
  if (text.charCodeAt(start) === 0x5c /* \ */) return undefined; // escaped: never a label
  // What exports put before a label: `>> `, `- `, `[00:00:12] `.
  const decorated = start;
  start = afterDecoration(text, start);
  const first = text.charCodeAt(start);

  // A label is within MAX_LABEL_LENGTH of its start: the line's end need not be looked for further.
  if (first === 0x40 /* @ */) return forcedLabel(text, start, firstLineEnd(text, start, start + MAX_LABEL_LENGTH + 2));

  if (first === 0x51 /* Q */ || first === 0x41 /* A */) {
    const marker = bareMarker(text, start, context);
    if (marker) return marker;
  }
  if (first === 0x2a /* * */ || first === 0x5f /* _ */) {
    return emphasisedLabel(text, start, context, start > decorated && LEADING_TIMESTAMP.test(text.slice(decorated, start)));
  }
  if (first === 0x5b /* [ */) return bracketedLabel(text, start, context);
  if (first === 0x28 /* ( */) {
    const unnamed = UNNAMED_LABEL.exec(text.slice(start, start + 36));
    if (unnamed) {
      const end = start + unnamed[0].length;
      return label('speaker', unnamed[1], normaliseName(unnamed[1]), start, start + 1, start + 1 + unnamed[1].length, end, [], isBlank(text, end), false);
    }
  }
  // The labels that end in a full stop open with a title; their anchored patterns fail on the
  // first characters of any other paragraph.
  const french = first === 0x4d /* M */ ? frenchLabel(text, start) : undefined;
  if (french) return french;
  const chair = CHAIR_WITH_PERIOD.exec(text.slice(start, start + 40));
  if (chair) {
    const end = start + chair[0].length;
    return label('speaker', chair[1], normaliseName(chair[1]), start, start, start + chair[1].length, end, [], isBlank(text, end), false);
  }
  const recorded = recordLabel(text, start) ?? capitalsWithPeriod(text, start, context);
  if (recorded) return recorded;
  if (first === 0x25cb || first === 0x25ef || first === 0x25ce) return dietLabel(text, start);

  // Every other label ends in a colon within MAX_LABEL_LENGTH of its start. Most paragraphs have
  // none there, and the native search rules them out before anything else is read.
  if (!hasColonBefore(text, start, start + MAX_LABEL_LENGTH)) return misreadColonLabel(text, start);
  const lineEnd = firstLineEnd(text, start, start + MAX_LABEL_LENGTH + 2);
  const colon = findLabelColon(text, start, lineEnd);
  if (colon >= 0) return labelBefore(text, start, colon, colon + 1, context);
  const timed = timedNameLine(text, start, lineEnd, context);
  if (timed) return timed;
  const misread = misreadColonLabel(text, start);
  if (misread) return misread;

  // A label standing alone may be hyphen-broken over two lines: `Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-\nNEN):`.
  const trimmedEnd = trimEnd(text);
  if (lineEnd < trimmedEnd && trimmedEnd - start <= MAX_LABEL_LENGTH && isColon(text.charCodeAt(trimmedEnd - 1))) {
    const lines = text.slice(start, trimmedEnd - 1).split(/\r\n|\r|\n/);
    if (lines.length <= 3) return labelBefore(text, start, trimmedEnd - 1, trimmedEnd, context, joinWrapped(lines));
  }
  return undefined;
}

function forcedLabel(text: string, at: number, lineEnd: number): LabelMatch | undefined {
  for (let i = at + 1; i < lineEnd && i - at <= MAX_LABEL_LENGTH; i++) {
    if (isColon(text.charCodeAt(i))) {
      const raw = text.slice(at + 1, i);
      const { name, qualifiers } = splitQualifiers(raw);
      if (!name) return undefined;
      const nameStart = at + 1 + raw.indexOf(name);
      return {
        kind: 'speaker', name: detached(name), key: detached(normaliseName(name)), start: at, nameStart, nameEnd: nameStart + name.length, end: i + 1,
        qualifiers: qualifiers.map(detached), alone: isBlank(text, i + 1), forced: true, weak: false, headingLike: false, nameLine: false, whole: false,
      };
    }
  }
  return undefined;
}

/** The colon that ends a label: followed by white space or the end of the line. */
function findLabelColon(text: string, start: number, lineEnd: number): number {
  const limit = Math.min(lineEnd, start + MAX_LABEL_LENGTH);
  // Most paragraphs have no colon near their start: the native search rules them out fastest.
  if (!hasColonBefore(text, start, limit)) return -1;
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if (c === 0x29 || c === 0x5d) depth--;
    else if (depth === 0 && isColon(c)) {
      const next = i + 1 < lineEnd ? text[i + 1] : '';
      // A full-width colon needs no space after it: CJK text has none.
      return next === '' || SPACE.test(next) || c === 0xff1a ? i : -1;
    } else if (depth === 0 && (c === 0x2e || c === 0x3f || c === 0x21) && i + 1 < lineEnd && SPACE.test(text[i + 1])) {
      // A sentence ended before any colon. `Mr. Long` and `Mrs. Smith` have dots too, so only
      // stop at `?`, `!`, or a dot after a word that starts in lower case, as no name does.
      if (c !== 0x2e || /(?:^|[\s\u00a0])\p{Ll}\p{L}*$/u.test(text.slice(Math.max(start, i - 40), i))) return -1;
    }
  }
  return -1;
}

/**
 * The label whose words run from `start` to `rawEnd` and whose mark (a colon, a closing `**`)
 * ends at `end`; `joined` is the words of a label hyphen-broken over lines.
 */
function labelBefore(text: string, start: number, rawEnd: number, end: number, context: LabelContext, joined?: string): LabelMatch | undefined {
  const raw = joined ?? text.slice(start, rawEnd);
  if (raw.length === 0 || /:\/\/|\bhttps?\b/.test(raw)) return undefined;
  const split = QUOTE.test(raw) ? splitQuotedAffiliation(raw) : splitQualifiers(raw);
  const { name, qualifiers } = officeHolder(split) ?? split;
  if (!name) return undefined;
  const key = normaliseName(name);
  const nameStart = joined === undefined ? start + raw.indexOf(name) : start;
  const nameEnd = joined === undefined ? nameStart + name.length : rawEnd;
  const alone = isBlank(text, end);
  let kind: LabelKind | undefined = questionOrAnswer(key, context)
    ?? (context.remarkMarkers.has(key) ? 'remark' : context.declaredSpeakers.has(key) ? 'speaker' : undefined);
  let weak = false;
  if (!kind) {
    const shape = nameShape(name);
    // `mk: any objections?`: the scribe's nickname of a speaker in meeting minutes, read where the document bears the style out.
    if (shape === 'none' && isNickname(name)) return label('speaker', name, key, start, nameStart, nameEnd, end, qualifiers, alone, true);
    // `M4AUMILL:`: OCR made a digit of a stroke in a name in capitals; a label where the document has the letters speak (labelStats).
    if (shape === 'none' && OCR_CAPITALS.test(name)) {
      return { ...label('speaker', name, ocrLetters(key), start, nameStart, nameEnd, end, qualifiers, alone, false), headingLike: true };
    }
    if (shape === 'none' || (shape === 'single' && NOT_SPEAKERS.has(key))) return undefined;
    // `Germany: “This is a matter of…”` quotes a position; `Irina Kovacs: “Why does…` is a turn that opens with a quote.
    const quoting = shape === 'single' && OPENING_QUOTE.test(text.slice(end, end + 4));
    if (quoting && !UPPER_WORD.test(name)) return undefined;
    kind = 'speaker';
    // `SAGAL: "50 Shades Of Grey."` is a turn where SAGAL speaks elsewhere; `CBS: “Republicans want…”` quotes a headline.
    weak = shape === 'weak' || quoting || (shape === 'single' && !UPPER_WORD.test(name) && !ROLE_WORDS.has(key));
  }
  return label(kind, name, key, start, nameStart, nameEnd, end, qualifiers, alone, weak);
}

/** A word in capitals with a digit OCR read inside it (`M4AUMILL`, `CALL3R`): letters around the digit, three of them at least. */
const OCR_CAPITALS = /^\p{Lu}{1,12}\d\p{Lu}{1,12}$/u;

/**
 * A capitals name as compared across OCR's misreadings: without a digit read into a word (`M4AUMILL`)
 * and without the spaces and dots a title may lose (`MRHAWKE` for `MR. HAWKE`). A speaker's number stays: `SPEAKER_01`.
 */
export function ocrLetters(key: string): string {
  return key.replace(DIGIT_IN_WORD, '').replace(NOT_LETTER_OR_DIGIT, '');
}
const DIGIT_IN_WORD = /(?<=\p{L})\d(?=\p{L})/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** A name in capitals, two letters at least and none in lower case: `MAUMILL`, `MR. HAWKE`. */
export function inCapitals(name: string): boolean {
  return CAPITALS_NAME.test(name) && !LOWER_CASE.test(name);
}
const CAPITALS_NAME = /\p{Lu}.*\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;

/**
 * A nickname in lower case, as IRC scribes of W3C, TC39 or IETF minutes write a speaker: `mk`,
 * `dape`, `benfrancis`, `jyasskin`. One word of letters and digits (a `modified_time:` is a field) that is no word a document
 * opens a line with before a colon (`note:`, `action:`, `resolution:`).
 */
export function isNickname(name: string): boolean {
  return NICKNAME.test(name) && !NOT_SPEAKERS.has(name) && !MINUTES_KEYWORDS.has(name);
}

const NICKNAME = /^[a-z][a-z0-9]{1,11}$/;
/**
 * What minutes write before a colon that no one says: the record's own fields, the IRC bots'
 * commands, and the keys of the metadata that pages concatenated with their front matter carry.
 */
const MINUTES_KEYWORDS = new Set([
  'scribe', 'scribenick', 'chair', 'chairs', 'regrets', 'meeting', 'subtopic', 'issue', 'issues', 'todo', 'fyi', 'question', 'answer',
  'zakim', 'rrsagent', 'trackbot', 'agendabot', 'github', 'http', 'https', 'mailto', 'minutes', 'status', 'outcome', 'next', 'pros', 'cons',
  'tags', 'tag', 'url', 'slug', 'layout', 'author', 'authors', 'name', 'type', 'id', 'lang', 'category', 'categories', 'draft', 'permalink', 'image',
]);

/**
 * A line of IRC minutes: a nickname's words, a continuation (`… more`, `... more`), a line as IRC
 * logged it (`<draggett> text`), or the scribe's link (`-> https://… title`).
 */
export function isMinutesLine(line: string): boolean {
  const found = MINUTES_LINE.exec(line);
  return !!found && (found[1] === undefined || isNickname(found[1]));
}

const MINUTES_LINE = /^[ \t]*(?:([a-z][a-z0-9]{1,11}):[ \t]+\S|(?:\.\.\.|…)[ \t]*\S|<[A-Za-z][\w-]{0,20}>[ \t]+\S|->[ \t]+\S)/;

/** A label's strings are copies, not slices of the text: it is kept across versions with its paragraph's analysis (see detached). */
/** The kind of a question or answer marker (`Q`, `Question`, `PREGUNTA`), if the key is one. */
function questionOrAnswer(key: string, context: LabelContext): 'question' | 'answer' | undefined {
  return context.questionMarkers.has(key) ? 'question' : context.answerMarkers.has(key) ? 'answer' : undefined;
}

function label(
  kind: LabelKind, name: string, key: string, start: number, nameStart: number, nameEnd: number, end: number,
  qualifiers: readonly string[], alone: boolean, weak: boolean,
): LabelMatch {
  return {
    kind, name: detached(name), key: detached(key), start, nameStart, nameEnd, end, qualifiers: qualifiers.map(detached),
    alone, forced: false, weak, headingLike: false, nameLine: false, whole: false,
  };
}

/**
 * Where the label proper starts after what caption files and exports put before it: `>> NAME:`,
 * `- Name:` (subtitles), `[00:00:12] Name:`, `(00:12) Name:`, `00:00:12 Name:`. Only what a
 * label follows is skipped: `10:30 The session opened.` stays prose, as no colon ends a label there.
 */
function afterDecoration(text: string, start: number): number {
  const c = text.charCodeAt(start);
  let at = start;
  if (c === 0x3e /* > */ && text.charCodeAt(start + 1) === 0x3e) at = start + 2;
  else if ((c === 0x2d || c === 0x2013) && (text[start + 1] === ' ' || text[start + 1] === '\t')) at = start + 2;
  else if (c === 0x5b || c === 0x28 || (c >= 0x30 && c <= 0x39)) {
    const head = text.slice(start, start + 32);
    const stamp = LEADING_TIMESTAMP.exec(head) ?? QUESTION_NUMBER.exec(head) ?? LEADING_NOTE.exec(head) ?? MARGIN_LINE_NUMBER.exec(head);
    if (!stamp) return start;
    at = start + stamp[0].length;
  } else return start;
  while (at < text.length && SPACE.test(text[at])) at++;
  return at;
}

/**
 * `Q`, `Q.`, `A`, `A.` with no colon: the White House's bare `Q` followed by two spaces or a
 * non-breaking space, and the deposition's `Q. Did you…` / `A. Yes.` (and `Q Hi, this is…`). A
 * marker followed by a single space could open a list item (`A. First,`): it counts when the
 * document has two (weak).
 */
function bareMarker(text: string, start: number, context: LabelContext): LabelMatch | undefined {
  const letter = text[start];
  const key = letter.toLowerCase();
  const kind: LabelKind | undefined =
    context.questionMarkers.has(key) && letter === 'Q' ? 'question' : context.answerMarkers.has(key) && letter === 'A' ? 'answer' : undefined;
  if (!kind) return undefined;
  const line = text.slice(start, firstLineEnd(text, start, start + 8));
  const spaced = BARE_MARKER.exec(line);
  const dotted = spaced ? null : DOTTED_MARKER.exec(line);
  const found = spaced ?? dotted;
  if (!found) return undefined;
  // `A. Lavrov: …` is an initial and a name before a colon, not a marker.
  if (dotted && findLabelColon(text, start, firstLineEnd(text, start, start + MAX_LABEL_LENGTH)) >= 0) return undefined;
  const end = start + found[0].length;
  // `A Navy blue jacket.`: an answer where the document has other answers so marked (`A Yes.`), as a heading-like label is read.
  const headingLike = letter === 'A' && found[0] === 'A ' && !ANSWER_OPENING.test(text.slice(start, start + ANSWER_OPENING_REACH));
  return {
    kind, name: letter, key, start, nameStart: start, nameEnd: start + 1, end, qualifiers: [], alone: isBlank(text, end), forced: false,
    weak: !!dotted, headingLike, nameLine: false, whole: false, answersMarked: QUESTION_BEFORE_I.test(line) || undefined,
  };
}

/**
 * `**Sam Ortiz:** Welcome…`, `**Sam Ortiz**: Welcome…`, `__Sam:__`, `*Sam:*`: a label in Markdown
 * emphasis; after a time (`timed`), a name in emphasis with no colon: `0:00:11.3 **Jen Luker** I’m Jen.`
 */
function emphasisedLabel(text: string, start: number, context: LabelContext, timed = false): LabelMatch | undefined {
  const mark = text[start];
  let width = 1;
  while (width < 3 && text[start + width] === mark) width++;
  const closer = mark.repeat(width);
  const open = start + width;
  const lineEnd = firstLineEnd(text, open, open + MAX_LABEL_LENGTH + 4);
  const close = text.indexOf(closer, open);
  if (close < 0 || close >= lineEnd || close === open) return undefined;
  const after = close + width;
  // `**[00:03] SPEAKER_02:**`: a time inside the emphasis, before the name.
  const name = afterDecoration(text, open);
  // The colon inside the emphasis or right after it.
  const inner = beforeSpaceEntities(text, name, close);
  if (isColon(text.charCodeAt(inner - 1))) {
    // `**Nader:**[00:02:30] Yeah`: a time may follow the emphasis with no space.
    const gluedToEmphasis = after < lineEnd && !SPACE.test(text[after]) && !isColon(text.charCodeAt(after));
    if (gluedToEmphasis && !LEADING_TIMESTAMP.test(text.slice(after, after + 16))) return undefined;
    return labelBefore(text, name, trimmedEnd(text, name, inner - 1), isColon(text.charCodeAt(after)) ? after + 1 : after, context);
  }
  if (isColon(text.charCodeAt(after))) return labelBefore(text, name, inner, after + 1, context);
  // `**Emma** [0:18] Welcome…` and `**Cory Fields** 00:37:24` with the words below: a name and a time.
  const time = EMPHASIS_TIME.exec(text.slice(after, lineEnd));
  if (time) {
    const end = after + time[0].length;
    const found = labelBefore(text, name, inner, end, context);
    return found && { ...found, alone: isBlank(text, end), weak: false };
  }
  // `0:00:11.3 **Jen Luker** I’m Jen Luker.`: Orbit FM's transcripts, a time, the name in emphasis, the words.
  if (timed && SPACE.test(text[after] ?? '') && !isBlank(text, after)) {
    const found = labelBefore(text, name, inner, after, context);
    if (found) return found;
  }
  // `**Sam Ortiz**` alone on its line: a label where the document has the name so more than once.
  if (isBlank(text, after)) {
    const found = labelBefore(text, name, inner, lineEnd, context);
    if (found) return { ...found, alone: true, headingLike: true, nameLine: true };
  }
  // `**Q: Why did you leave?**`, `**Q. Why?**`: an interview's question set in bold, marker and all.
  const marked = close - name <= MAX_LABEL_LENGTH ? detectLabel(text.slice(name, close), context) : undefined;
  if (marked && marked.kind === 'question' && !marked.headingLike) {
    return {
      ...marked, start, nameStart: name + marked.nameStart, nameEnd: name + marked.nameEnd, end: name + marked.end,
      alone: false, whole: isBlank(text, after),
    };
  }
  return undefined;
}

/**
 * A label in capitals whose colon OCR misread or lost, as in scanned press-office transcripts:
 * `MAUMILLt We'll…`, `MAUMILLs Yes.`, `CALLERs Well…`, `PMt Good day…`, `CALLER-. Mr Hawke…`,
 * `PM Too right.`, `CALLER ( cont); can recall…` (a turn going on over a page). A label only where
 * the document has the same name speak with its colon (`MAUMILL:`), as a heading-like one is: `US
 * President Biden said…`, `SEN. ORRIN G. HATCH, R-UTAH` or `ROUGH DRAFT ONLY` stay what they were.
 */
function misreadColonLabel(text: string, start: number): LabelMatch | undefined {
  if (!isUpperCaseLetter(text, start) || !isUpperCaseLetter(text, start + 1)) return undefined;
  const found = MISREAD_COLON_LABEL.exec(text.slice(start, firstLineEnd(text, start, start + 48)));
  if (!found) return undefined;
  const name = found[1];
  const end = start + found[0].length;
  return { ...label('speaker', name, normaliseName(name), start, start, start + name.length, end, found[2] ? ['cont'] : [], false, false), headingLike: true };
}

/**
 * Where a label in capitals starts after the last words of the speaker before it, on one line, as
 * OCR of scanned press-office transcripts runs them: `idea? PM: Not necessary.`, `effective.
 * JOURNALIST: Who do you…`, `mate? CALLER: I'd like…`, `we?'. PM: Yes.`. The words before it are
 * few (the line's wrap carried them over) and end a sentence: they close the turn before, and the
 * label opens a paragraph in the middle of the line. The offset in the line, or -1.
 */
export function labelAfterLastWords(line: string): number {
  const colon = line.indexOf(':');
  if (colon < 0 || colon > MAX_LAST_WORDS_AND_LABEL || !SPACE.test(line[colon + 1] ?? '')) return -1;
  const start = line.search(/\S/);
  const found = LAST_WORDS_BEFORE_LABEL.exec(line.slice(start, colon));
  if (!found || NOT_SPEAKERS.has(found[2].toLowerCase()) || MINUTES_KEYWORDS.has(found[2].toLowerCase())) return -1;
  // `BY MS. HADDAD:`, `Sen. SMITH:`, `J. SMITH:`: a title's or an initial's dot ends no sentence.
  const lastWord = /(?:^|[ \t])(\S+?)\.?[ \t]+$/.exec(found[1]);
  if (lastWord && (ABBREVIATIONS.has(lastWord[1].toLowerCase()) || /^\p{Lu}$/u.test(lastWord[1]))) return -1;
  return start + found[1].length;
}

/** The abbreviations of every language (`Mr`, `Ms`, `Sen`, `Dr`): a dot after them ends no sentence. */
const ABBREVIATIONS = new Set(wordsOfAllLanguages('abbreviations'));

/** How far from the line's start the colon of a label after the last words may be. */
const MAX_LAST_WORDS_AND_LABEL = 64;
/**
 * One to three words ending a sentence (`idea?`, `effective.`, `we?'.`), white space, then a
 * name in capitals of one to three words: what a line holds before such a label's colon.
 */
const LAST_WORDS_BEFORE_LABEL = /^([^\s:]{1,30}(?:[ \t][^\s:]{1,30}){0,2}[.?!]['’"”)]{0,2}\.?[ \t]+)(\p{Lu}[\p{Lu}'’-]+(?:[ \t]\p{Lu}[\p{Lu}'’-]+){0,2})$/u;

/**
 * A name in capitals (one or two words), a turn's `( cont)` mark maybe, then in place of the
 * colon one character OCR made of it (`t`, `s`, `i`, `z`, `a`, `;`, `.`, `-.`) or none, a space, and the
 * words: opening in capitals after a bare name, in either case after the mark of a turn going on,
 * and in lower case somewhere (a line of names in capitals is no turn).
 */
const MISREAD_COLON_LABEL = /^(\p{Lu}{2,12}(?: \p{Lu}{2,12})?)(?:( ?\( ?cont(?:'?d)?\))[ ]?[;,.ts]?[ \t]+(?=[\p{L}'‘"“])|(?:[tsiza;.]|-\.)?[ \t]+(?=[\p{Lu}'‘"“][^\n]*\p{Ll}))/u;

/**
 * The end of the words before `end` without the white space and the non-breaking spaces that a
 * page converted from HTML keeps as entities: `**CHUCK:&nbsp;**` is `**CHUCK:**`.
 */
function beforeSpaceEntities(text: string, start: number, end: number): number {
  let at = trimmedEnd(text, start, end);
  for (;;) {
    const entity = SPACE_ENTITIES.find((e) => at - e.length >= start && text.startsWith(e, at - e.length));
    if (!entity) return at;
    at = trimmedEnd(text, start, at - entity.length);
  }
}

const SPACE_ENTITIES = ['&nbsp;', '&#160;', '&#xa0;', '&#xA0;'];

/** A time after an emphasised or bracketed name: `[0:18]`, `(00:01:02)`, `00:37:24`, then the words or the line's end. */
/** The longest time with the white space around it that EMPHASIS_TIME reads. */
const MAX_TIME_LENGTH = 24;
const EMPHASIS_TIME = /^[ \t\u00a0]+[[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?(?:[ \t\u00a0]+|(?=[\r\n]|$))/;

/**
 * `[SPEAKER_01]: Hello` and `[Sam Ortiz]: Hello`, as diarisation tools write them; `[Speaker 1]
 * [00:09] Hello`, a name and a time with no colon, as some transcription apps export.
 */
function bracketedLabel(text: string, start: number, context: LabelContext): LabelMatch | undefined {
  const close = text.indexOf(']', start);
  if (close < 0 || close - start > MAX_LABEL_LENGTH) return undefined;
  const colon = isColon(text.charCodeAt(close + 1));
  if (colon && close + 2 < text.length && !SPACE.test(text[close + 2]) && text[close + 2] !== '\n' && text[close + 2] !== '\r') return undefined;
  const time = colon ? null : EMPHASIS_TIME.exec(text.slice(close + 1, close + 1 + MAX_TIME_LENGTH));
  if (!colon && !time) return undefined;
  const found = labelBefore(text, start + 1, close, time ? close + 1 + time[0].length : close + 2, context);
  if (!found) return undefined;
  // The time is the label's qualifier, as in `Omar Haddad (00:01:02):`.
  if (time) return { ...found, start, qualifiers: [...found.qualifiers, detached(time[0].trim().replace(/^[[(]|[\])]$/g, ''))] };
  // `[SPD]: Sehr wahr!` is a heckle's party, not a speaker: a bracketed label is a name of words or a diarised speaker.
  if (!GENERIC_SPEAKER.test(found.name) && !/\s/.test(found.name)) return undefined;
  return { ...found, start };
}

/**
 * `Omar Haddad  0:12` alone on its line with the words below it, as Otter and similar tools
 * export; `Speaker 1  00:03:15` too.
 */
function timedNameLine(text: string, start: number, lineEnd: number, context: LabelContext): LabelMatch | undefined {
  // The line ends in its time: most lines with a colon in them do not.
  const last = text.charCodeAt(trimmedEnd(text, start, lineEnd) - 1);
  if (!((last >= 0x30 && last <= 0x39) || last === 0x29)) return undefined;
  const line = text.slice(start, lineEnd);
  const timed = TIMED_NAME.exec(line);
  if (!timed) return undefined;
  const found = labelBefore(text, start, start + timed[1].length, start + line.length, context);
  return found && { ...found, alone: true };
}

/**
 * The US Congress's records end a label with a full stop, its surname in capitals: `Mr. NIELDS.
 * Did you…`, `The CHAIRMAN. The committee will come to order.`, `Senator INOUYE. Thank you.`
 */
function recordLabel(text: string, start: number): LabelMatch | undefined {
  const found = RECORD_LABEL.exec(text.slice(start, firstLineEnd(text, start, start + 80)));
  if (!found) return undefined;
  const name = found[1];
  const end = start + found[0].length;
  return label('speaker', name, normaliseName(name), start, start, start + name.length, end, [], isBlank(text, end), false);
}

/**
 * The Federal Reserve's press conferences end a label in capitals with a full stop: `CHAIR POWELL.
 * Good afternoon.`, `STEVE LIESMAN.  Steve Liesman, CNBC.`, `QUESTION.  Mr. Chairman…`. Capitals
 * and a full stop open a headline as well (`BREAKING NEWS. The…`): such a label counts where it is
 * the document's style, as a name alone on its line does (labelStats).
 */
function capitalsWithPeriod(text: string, start: number, context: LabelContext): LabelMatch | undefined {
  // Most paragraphs open with one capital or none: no slice of their line is made to read them.
  if (!isUpperCaseLetter(text, start) || !(isUpperCaseLetter(text, start + 1) || "'’-".includes(text[start + 1] ?? 'a'))) return undefined;
  const found = CAPITALS_WITH_PERIOD.exec(text.slice(start, firstLineEnd(text, start, start + 80)));
  if (!found) return undefined;
  const name = found[1];
  const key = normaliseName(name);
  const end = start + found[0].length;
  const kind: LabelKind | undefined = questionOrAnswer(key, context) ?? (name.includes(' ') ? 'speaker' : undefined);
  if (!kind) return undefined;
  return { ...label(kind, name, key, start, start, start + name.length, end, [], isBlank(text, end), false), headingLike: true, nameLine: true };
}

/**
 * The Japanese Diet's minutes: a circle, the office or name, the speaker in brackets, an
 * ideographic space: `○議長（大島理森君）　これより会議を開きます。`
 */
function dietLabel(text: string, start: number): LabelMatch | undefined {
  const found = DIET_LABEL.exec(text.slice(start, firstLineEnd(text, start, start + 60)));
  if (!found) return undefined;
  const office = found[1];
  const person = found[2];
  const name = person || office;
  const nameStart = start + 1 + (person ? office.length + 1 : 0);
  const end = start + found[0].length;
  return label('speaker', name, normaliseName(name), start, nameStart, nameStart + name.length, end, person ? [office] : [], isBlank(text, end), false);
}

/**
 * French parliamentary records end a label with a full stop: `M. le président. La séance est
 * ouverte.`, `Mme Mathilde Panot. Monsieur le Premier ministre…`, `M. Gabriel Attal, Premier ministre. Madame…`.
 */
function frenchLabel(text: string, start: number): LabelMatch | undefined {
  const found = FRENCH_LABEL.exec(text.slice(start, firstLineEnd(text, start, start + MAX_LABEL_LENGTH)));
  if (!found) return undefined;
  const raw = found[1];
  const comma = raw.indexOf(',');
  const name = comma < 0 ? raw : raw.slice(0, comma);
  const qualifiers = comma < 0 ? [] : [raw.slice(comma + 1).trim()];
  const end = start + found[0].length;
  return label('speaker', name, normaliseName(name), start, start, start + name.length, end, qualifiers, isBlank(text, end), false);
}

/**
 * Whether the words before a colon can be a speaker's name, with or without a role:
 * `Sergey Lavrov`, `MS. PSAKI`, `President of the Republic of Turkey Recep Tayyip Erdogan`,
 * `Research Director of the Foundation …, moderator Fyodor Lukyanov`. A sentence that ends in a
 * colon (`Our cultural ties are expanding`) has lower-case words a name does not.
 */
function nameShape(name: string): 'none' | 'single' | 'name' | 'weak' {
  // Diarised speakers end in a number or a capital (`SPEAKER_00`, `Speaker A`); a site has a dot and no capitals.
  const digits = /\d/.test(name);
  if ((digits || /[ _-][A-Z]$/.test(name)) && GENERIC_SPEAKER.test(name)) return 'name';
  if (digits) return 'none';
  if (name.includes('.') && SITE_NAME.test(name)) return 'weak';
  const words = name.replace(/,/g, ' ').split(/[\s\u00a0]+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return 'none';
  // `A.Smirnova`: an initial and a surname.
  if (words.length === 1 && /^\p{Lu}\.\p{Lu}\p{Ll}/u.test(name)) return 'name';
  const role = roleShape(words);
  if (role) return role;
  if (CASELESS.test(name) && words.length > 3) return 'none';
  if (!NAME_WORD.test(words[0]) || !NAME_WORD.test(words[words.length - 1])) return 'none';
  // `First, to Prime Minister:` opens a sentence, it does not name anyone.
  if (words.length > 1 && NOT_SPEAKERS.has(normaliseName(words[0]))) return 'none';
  let lowerWords = 0;
  for (const word of words) {
    if (NAME_WORD.test(word)) continue;
    if (NAME_PARTICLES.has(word)) continue;
    if (/^\p{Ll}/u.test(word)) lowerWords++;
    else return 'none';
  }
  // One lower-case role word is allowed in a long label: `…, moderator Fyodor Lukyanov`.
  if (lowerWords > 1 || (lowerWords === 1 && (words.length < 4 || !name.includes(',')))) return 'none';
  return words.length === 1 ? 'single' : 'name';
}

/** A role in lower case after a capital: `Studio operator`, `Audience member`, `Second caller`. */
function roleShape(words: readonly string[]): 'name' | undefined {
  if (words.length < 2 || words.length > 3 || !/^\p{Lu}\p{Ll}+$/u.test(words[0]) || NOT_SPEAKERS.has(words[0].toLowerCase())) return undefined;
  for (let i = 1; i < words.length; i++) if (!/^\p{Ll}+$/u.test(words[i]) || NAME_PARTICLES.has(words[i])) return undefined;
  // `So, two questions:` and `The first:` open a reporter's sentence.
  return ROLE_WORDS.has(words[words.length - 1]) ? 'name' : undefined;
}

/**
 * `The Prime Minister (Gordon Brown)`, `The First Minister (Alex Salmond)`: in a parliament's
 * record the office speaks and the brackets name who holds it. The person is the speaker, the
 * office a qualifier: `Gordon Brown:` later is the same speaker.
 */
function officeHolder(split: { name: string; qualifiers: string[] }): { name: string; qualifiers: string[] } | undefined {
  const [holder, ...rest] = split.qualifiers;
  if (!holder || !OFFICE.test(split.name) || nameShape(holder) !== 'name') return undefined;
  return { name: holder, qualifiers: [split.name, ...rest] };
}

/** `The Prime Minister`, `Der Bundeskanzler`; the Spanish record's `El señor PRESIDENTE DEL GOBIERNO`. */
const OFFICE = /^(?:The|Die|Der|Le|La|El|Il)[ \u00a0](?:se\u00f1ora?[ \u00a0])?\p{Lu}/u;

/** `A.Smirnova, «Rossiyskaya Gazeta»` → `A.Smirnova` and the outlet; a quote anywhere else is no label. */
function splitQuotedAffiliation(raw: string): { name: string; qualifiers: string[] } {
  const comma = raw.indexOf(',');
  if (comma < 0 || QUOTE.test(raw.slice(0, comma))) return { name: '', qualifiers: [] };
  const outlet = raw.slice(comma + 1).replace(/[“”"«»„]/g, '').trim();
  return { name: raw.slice(0, comma).trim(), qualifiers: outlet ? [outlet] : [] };
}

/** `Mr. Churkin (Russian Federation) (spoke in Russian)` → `Mr. Churkin` and its qualifiers. */
export function splitQualifiers(raw: string): { name: string; qualifiers: string[] } {
  const qualifiers: string[] = [];
  let name = raw.replace(/[\s\u00a0]+$/, '');
  for (;;) {
    const match = /[\s\u00a0]*[([]([^()[\]]*)[)\]]$/.exec(name);
    if (!match) break;
    qualifiers.unshift(match[1].trim());
    name = name.slice(0, match.index);
  }
  // `Gunther Krichbaum [CDU/CSU]` and `Dr. Dietmar Bartsch (DIE LINKE)` are covered above;
  // a qualifier may also stand inside: `Question (Reuters) to Mr Putin` is not supported.
  name = name.replace(/^[\s\u00a0]+/, '');
  if (/[()[\]]/.test(name)) return { name: '', qualifiers };
  return { name, qualifiers };
}

/** Qualifiers that name who asked, as opposed to how they spoke. */
export function affiliation(qualifiers: readonly string[]): string | undefined {
  return qualifiers.find((q) => q.length > 0 && !DELIVERY_NOTES.test(q) && !TIME_QUALIFIER.test(q));
}

/** `Name (00:01:02):`, `Mr LANGBROEK (10.30 am):`: when, not who. */
const TIME_QUALIFIER = /^\d{1,2}(?:[:.]\d{2}){1,2}(?:[.,]\d{1,3})?(?:[ \u00a0]?[ap]\.?m\.?)?$/i;

function joinWrapped(lines: string[]): string {
  let joined = lines[0].trimEnd();
  for (const line of lines.slice(1)) {
    joined = /\p{L}-$/u.test(joined) ? joined.slice(0, -1) + line.trim() : `${joined} ${line.trim()}`;
  }
  return joined;
}

/** The first line break at or after `from`, looked for until `limit`; the text's length if none is found. */
function firstLineEnd(text: string, from: number, limit: number): number {
  const end = Math.min(limit, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function trimEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /[\s\u00a0]/.test(text[end - 1])) end--;
  return end;
}

/** Nothing but white space between `from` and the end of its line. */
function isBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (!/[\s\u00a0]/.test(c)) return false;
  }
  return true;
}

function hasColonBefore(text: string, start: number, limit: number): boolean {
  const colon = text.indexOf(':', start);
  if (colon >= 0 && colon < limit) return true;
  const wide = text.indexOf('\uff1a', start);
  return wide >= 0 && wide < limit;
}

function isColon(code: number): boolean {
  return code === 0x3a || code === 0xff1a;
}
