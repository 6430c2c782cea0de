import type { ChatHeaders, ChatParticipant, DeclaredSpeaker } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { detached } from '../text/detached';
import { firstNonBlank, trimmedEnd } from '../text/whiteSpace';
import { findInlineElements } from './inline';
import { normaliseName } from './markers';
import { paragraphAnalysis, spokenLength, type ParagraphAnalysis } from './paragraphs';

/**
 * CHAT, TalkBank's transcript format (CHILDES and its kin): `@` header lines, one main tier per
 * utterance (`*CHI:⇥more cookie .`), continued on lines that start with a tab, and dependent tiers
 * below it (`%mor:⇥…`) that describe it. See docs/FORMAT.md, "CHAT files".
 */

/** Only the first lines are read to tell a CHAT file: an edit beyond them cannot change it. */
export const CHAT_SAMPLE_LINES = 200;
const SAMPLE_NON_BLANK_LINES = 20;
/** Lines CHAT opens with; a file may open with either. */
const OPENING = /^\uFEFF?(?:@UTF8|@Begin)[ \t]*$/;
/** The lines a CHAT file is made of, as told from a sample: with the tab CHAT puts after the colon. */
const CHAT_LINE = /^(?:@[A-Za-z][^:\t\r\n]{0,40}:\t|@(?:UTF8|Begin|End|Blank|New Episode|Bg|Eg)[ \t]*$|[*%][^\s:]{1,20}:\t)/;
const CONTINUATION = /^[ \t]/;
const HEADER = /^@/;
/** A main tier: its speaker code, then a colon. */
const MAIN_TIER = /^\*([^\s:]{1,20}):/;
const DEPENDENT_TIER = /^%[^\s:]{1,20}:/;
/** A media bullet, `␕15123_16010␕`: where the utterance is in the recording. */
const BULLET = /\u0015[^\u0015\r\n]*\u0015/g;

/**
 * Whether the document is CHAT: it opens with `@UTF8` or `@Begin`, or most of its first lines
 * (continuation lines aside) are headers and tiers, a tab after their colon.
 */
export function isChat(lines: LineIndex): boolean {
  let chatLines = 0;
  let otherLines = 0;
  const sampleEnd = Math.min(lines.lineCount, CHAT_SAMPLE_LINES);
  for (let line = 0; line < sampleEnd && chatLines + otherLines < SAMPLE_NON_BLANK_LINES; line++) {
    const text = lines.lineText(line);
    if (firstNonBlank(text, 0, text.length) < 0 || (chatLines + otherLines > 0 && CONTINUATION.test(text))) continue;
    if (chatLines + otherLines === 0 && OPENING.test(text)) return true;
    if (CHAT_LINE.test(text.replace(/^\uFEFF/, ''))) chatLines++;
    else otherLines++;
  }
  return chatLines >= 2 && chatLines >= 4 * otherLines;
}

export type ChatBlockKind = 'header' | 'tier';

/**
 * The paragraphs of a CHAT document, as first and last line: each main tier with its
 * continuation lines and the dependent tiers below it, and each `@` header with its continuation
 * lines. Whatever precedes the first header or tier is header too. Blank lines end nothing; a
 * paragraph ends before the next header or main tier, without the blank lines before it.
 */
export function* chatParagraphs(lines: LineIndex): Generator<[number, number, ChatBlockKind]> {
  let first = -1;
  let last = -1;
  let kind: ChatBlockKind = 'header';
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (firstNonBlank(text, 0, text.length) < 0) continue;
    const starts = HEADER.test(text) ? 'header' : MAIN_TIER.test(text) ? 'tier' : undefined;
    if (starts && first >= 0) {
      yield [first, last, kind];
      first = -1;
    }
    if (first < 0) {
      first = line;
      kind = starts ?? 'header';
    }
    last = line;
  }
  if (first >= 0) yield [first, last, kind];
}

/**
 * The text as the parser reads it: dependent tiers and media bullets blanked with spaces, so that
 * a tier's words, and its terminator last, are the main tier's alone, and every offset still
 * points at the same character of the real text.
 */
export function chatView(lines: LineIndex): string {
  const parts: string[] = [];
  let dependent = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const text = lines.text.slice(start, end);
    if (HEADER.test(text) || MAIN_TIER.test(text)) dependent = false;
    else if (DEPENDENT_TIER.test(text)) dependent = true;
    parts.push(dependent ? ' '.repeat(text.length) : text.replace(BULLET, (bullet) => ' '.repeat(bullet.length)));
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : lines.text.length;
    parts.push(lines.text.slice(end, next));
  }
  return parts.join('');
}

/** A main tier: its speaker code is its label, forced as `@Name:` is, since the markup says so. */
export function analyseTier(text: string): ParagraphAnalysis {
  // A tier paragraph starts with its main tier's line (see chatParagraphs).
  const [tier, written] = MAIN_TIER.exec(text)!;
  const code = detached(written);
  const end = tier.length;
  const label = {
    kind: 'speaker' as const, name: code, key: detached(normaliseName(code)), start: 0, nameStart: 1, nameEnd: 1 + code.length, end,
    qualifiers: [], alone: /^[ \t]*(?:[\r\n]|$)/.test(text.slice(end)), forced: true, weak: false, headingLike: false, nameLine: false, whole: false,
  };
  return paragraphAnalysis('text', end, findInlineElements(text), label, undefined, endsInQuestionTerminator(text), spokenLength(text, end));
}

/**
 * A tier asks when its terminator does: `?`, or one of the `+`-terminators ending in one (`+..?`
 * trailing off, `+/?` interrupted, `+!?`), before any postcodes (`[+ gram]`). The `[?]` of a best
 * guess is no question.
 */
function endsInQuestionTerminator(text: string): boolean {
  let end = trimmedEnd(text, 0, text.length);
  while (text.charCodeAt(end - 1) === CLOSE_BRACKET) {
    const open = text.lastIndexOf('[', end - 1);
    if (open < 0 || text[open + 1] !== '+') break;
    end = trimmedEnd(text, 0, open);
  }
  const terminator = text.slice(Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1)) + 1, end);
  return terminator === '?' || (terminator.startsWith('+') && terminator.endsWith('?'));
}

const CLOSE_BRACKET = 0x5d;

/** What the `@Participants:` and `@Languages:` headers say; `headers` are the header paragraphs' texts. */
export function readChatHeaders(headers: Iterable<string>): ChatHeaders {
  let participants: ChatParticipant[] = [];
  let languages: string[] = [];
  for (const header of headers) {
    const match = /^@([^:\t\r\n]+):[ \t]*([\s\S]*)$/.exec(header);
    if (!match) continue;
    const value = match[2].trim();
    if (match[1] === 'Participants' && participants.length === 0) participants = value.split(',').map(participant).filter((p): p is ChatParticipant => !!p);
    else if (match[1] === 'Languages' && languages.length === 0) languages = value.split(/[\s,]+/).filter(Boolean);
  }
  return { participants, languages };
}

/** `CHI Ross Target_Child` → code CHI, name Ross, role Target_Child; `INV Investigator` has a role and no name. */
function participant(entry: string): ChatParticipant | undefined {
  const [code, ...rest] = entry.trim().split(/\s+/).filter(Boolean);
  if (!code) return undefined;
  const role = rest.pop();
  const name = rest.join(' ');
  return { code, ...(name ? { name } : {}), ...(role ? { role } : {}) };
}

/** The participants as declared speakers: named by name, or by role where the header gives none; the code is an alias. */
export function participantSpeakers(chat: ChatHeaders): DeclaredSpeaker[] {
  return chat.participants.map((p) => ({ name: p.name ?? p.role ?? p.code, ...(p.role ? { role: p.role } : {}), aliases: [p.code] }));
}

/** ISO 639-3 codes, as `@Languages:` gives them, of the languages with an ISO 639-1 code the project reads. */
const ISO_639_1: Readonly<Record<string, string>> = {
  eng: 'en', deu: 'de', ger: 'de', fra: 'fr', fre: 'fr', spa: 'es', rus: 'ru', zho: 'zh', chi: 'zh', jpn: 'ja', ita: 'it', por: 'pt',
  nld: 'nl', dut: 'nl', pol: 'pl', tur: 'tr', heb: 'he', ara: 'ar', kor: 'ko', swe: 'sv', dan: 'da', fin: 'fi', hun: 'hu', ell: 'el',
  ces: 'cs', cat: 'ca', eus: 'eu', cym: 'cy', gle: 'ga', ind: 'id', tha: 'th', ukr: 'uk', hrv: 'hr', slv: 'sl', ron: 'ro', nor: 'no',
};

/** The document's language from the first of `@Languages:`, if it is one with an ISO 639-1 code. */
export function chatLanguage(chat: ChatHeaders): string | undefined {
  const first = chat.languages[0]?.toLowerCase();
  return first === undefined ? undefined : ISO_639_1[first];
}
