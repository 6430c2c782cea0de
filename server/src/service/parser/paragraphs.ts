import { detectLabel, detectNameLine, QUESTION_NUMBER, type LabelContext, type LabelMatch } from './labels';
import { NAME_PARTICLES } from './markers';
import { findInlineElements, type InlineElements } from './inline';
import { NAME_AND_TIME, TIME_LINE } from './header';
import type { ParagraphKind } from '../model';
import { detached } from '../text/detached';
import { trimmedEnd } from '../text/whiteSpace';
import { alternation, listsOf, wordsOfAllLanguages } from '../text/languages';

/**
 * What one paragraph says on its own, with offsets relative to the paragraph. It depends only on
 * the paragraph's text and the label context, so it is cached by text: an edit re-reads only
 * the paragraphs whose text changed.
 */
export interface ParagraphAnalysis {
  readonly kind: ParagraphKind;
  readonly label?: LabelMatch;
  readonly contentStart: number;
  /** `implicit`: a line that reads as a heading (`Energy Prices`), not one marked with `#`. */
  readonly heading?: { readonly level: number; readonly text: string; readonly textStart: number; readonly implicit?: boolean };
  readonly inline: InlineElements;
  /** The words end in a question: a question mark among their last characters (see endsInQuestion). */
  readonly asks: boolean;
  /** First-person words put a question without a question mark: `I ask the Minister to…`, `Ich frage Sie, ob…`. */
  readonly asksInWords: boolean;
  /**
   * The last sentence hands a question over without a question mark (`Tell us about…`, `Kelly,
   * what about you.`): a question where its speaker is an asker, no evidence that they are one.
   */
  readonly prompts: boolean;
  /**
   * The last sentence opens as a question without a question mark (`can the new charter start before it ends`): a
   * question where its speaker is an asker, or where the transcript drops its question marks (see assignRoles).
   */
  readonly asksUnmarked: boolean;
  /** How long the words are, in characters from contentStart to the last that is not white space: who asks is weighed by it. */
  readonly spoken: number;
  /** The benches answer aloud (`Government members: No!`): the question just before was put to the chamber, rhetorically. */
  readonly chorus: boolean;
}

// `(\S.*?)[ \t#]*$` took time quadratic in a run of spaces (a lazy group tried before a greedy
// tail at every character); the title's closing `#`s and spaces are trimmed by headingTitle.
const HEADING = /^([ \t]*)(#{1,6})[ \t]+(\S.*)$/;
// The trailing spaces belong to the repeated group, not to a second `[ \t]*` after it: the two
// could share a run of spaces in quadratically many ways.
export const SEPARATOR = /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,}|-{3,}[ \t].*[ \t]-{3,}[ \t]*)$/;
const LEADING_SPACE_ENTITIES = /^(?:&nbsp;|&#160;|\s)+/;
const NO_INLINE: InlineElements = { tags: [], annotations: [], comments: [], urls: [] };

export function analyseParagraph(text: string, context: LabelContext): ParagraphAnalysis {
  const trimmed = text.trim();
  const marked = mayBeHeadingOrSeparator(text, 0, text.length);
  const heading = marked ? HEADING.exec(text) : null;
  if (heading && !/[\r\n]/.test(text)) {
    const textStart = heading[1].length + heading[2].length + text.slice(heading[1].length + heading[2].length).search(/\S/);
    const title = { level: heading[2].length, text: detached(headingTitle(heading[3])), textStart };
    return paragraphAnalysis('heading', textStart, findInlineElements(text), undefined, title);
  }
  if (marked && SEPARATOR.test(text)) return paragraphAnalysis('separator', 0, NO_INLINE);
  if (trimmed.replace(/^\uFEFF/, '').startsWith('<!--') && /-->$/.test(trimmed) && trimmed.indexOf('-->') === trimmed.length - 3) {
    return paragraphAnalysis('comment', 0, findInlineElements(text));
  }
  if ((TIME_LINE.test(trimmed) && !NAME_AND_TIME.test(trimmed)) || (isDigit(trimmed.charCodeAt(0)) && CUE_LINES.test(trimmed))) {
    return paragraphAnalysis('time', 0, NO_INLINE);
  }

  const singleLine = trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0;
  // Most lines name no members, interjection, dissent or examiner: the patterns are tried on those that do.
  if (singleLine && STAGE_LINE_WORD.test(trimmed) && (COLLECTIVE_INTERJECTION.test(trimmed) || EXAMINATION_LINE.test(trimmed))) {
    return paragraphAnalysis('stage', 0, findInlineElements(text), undefined, undefined, false, 0, false, false, CHORUS.test(trimmed));
  }
  const label = detectLabel(text, context);
  const inline = findInlineElements(text);
  if (!label) {
    const nameLine = detectNameLine(text, context);
    const textStart = text.search(/\S/);
    // `&nbsp;Picks`: a page converted from HTML keeps its no-break spaces as entities.
    const heading = singleLine && isHeadingLine(trimmed.replace(LEADING_SPACE_ENTITIES, '')) ? { level: IMPLICIT_HEADING_LEVEL, text: detached(trimmed), textStart, implicit: true } : undefined;
    // A name alone is a label or a heading as the document bears it out; a heading is only a heading.
    if (nameLine) {
      const asks = endsInQuestion(text, nameLine.end);
      const spoken = spokenLength(text, nameLine.end);
      const inWords = putsQuestionInWords(text.slice(nameLine.end));
      const { prompting, unmarked } = handsOver(text, nameLine.end);
      return paragraphAnalysis('text', nameLine.end, inline, nameLine, heading, asks, spoken, inWords, prompting, false, unmarked);
    }
    if (heading) return paragraphAnalysis('heading', textStart, inline, undefined, heading);
  }
  const contentStart = label ? label.end : 0;
  const rest = text.slice(contentStart).trim();
  const kind: ParagraphKind = !label && isStageDirection(rest) ? 'stage' : 'text';
  // A point of order asks the chair for a ruling, not the one being questioned for an answer.
  const putsQuestion = kind === 'text' && !isPointOfOrder(text.slice(contentStart, contentStart + POINT_OF_ORDER_REACH));
  const asks = putsQuestion && (endsInQuestion(text, contentStart) || (!!label && isOrderPaperQuestion(text, contentStart)));
  const asksInWords = putsQuestion && putsQuestionInWords(text.slice(contentStart));
  const { prompting, unmarked } = putsQuestion ? handsOver(text, contentStart) : NOTHING_HANDED_OVER;
  const spoken = spokenLength(text, contentStart);
  // `Energy: Prices` is a heading unless the document has `Energy` speak elsewhere (labelStats).
  if (label && singleLine && !label.alone && label.kind === 'speaker' && !label.forced && label.qualifiers.length === 0 && isHeadingLine(rest)) {
    const textStart = label.start;
    const implicitHeading = { level: IMPLICIT_HEADING_LEVEL, text: detached(text.slice(textStart).trim()), textStart, implicit: true };
    const headingLike = { ...label, headingLike: true };
    return paragraphAnalysis(kind, contentStart, inline, headingLike, implicitHeading, asks, spoken, asksInWords, prompting, false, unmarked);
  }
  return paragraphAnalysis(kind, contentStart, inline, label, undefined, asks, spoken, asksInWords, prompting, false, unmarked);
}

/** `Mr President, I rise on a point of order.`, `On a point of order, Mr Speaker…`: the chair is addressed first, within the reach. */
const POINT_OF_ORDER = /^[\s\u00a0]*(?:[\p{L}.'’ ]{1,40},[\s\u00a0]*)?(?:I rise on a |on a )?point of order\b/iu;
const POINT_OF_ORDER_REACH = 80;
/** The pattern's words alone, looked for first: tried on every paragraph's opening, the pattern cost a twentieth of the parse. */
const ORDER_WORD = /order/i;

function isPointOfOrder(opening: string): boolean {
  return ORDER_WORD.test(opening) && POINT_OF_ORDER.test(opening);
}

/** Every analysis has the same fields in the same order: the features that read them stay on one fast path. */
export function paragraphAnalysis(
  kind: ParagraphKind, contentStart: number, inline: InlineElements, label?: LabelMatch, heading?: ParagraphAnalysis['heading'], asks = false, spoken = 0,
  asksInWords = false, prompts = false, chorus = false, asksUnmarked = false,
): ParagraphAnalysis {
  return { kind, label, contentStart, heading, inline, asks, asksInWords, prompts, asksUnmarked, spoken, chorus };
}

/** A numbered question of the order paper (the number the label detection skipped), or one put in its words. */
function isOrderPaperQuestion(text: string, contentStart: number): boolean {
  return QUESTION_NUMBER.test(text) || ORDER_PAPER_QUESTION.test(text.slice(contentStart, contentStart + 40));
}

export function spokenLength(text: string, contentStart: number): number {
  return Math.max(0, trimmedEnd(text, contentStart, text.length) - contentStart);
}

/**
 * How near its end a paragraph's question mark must be for the paragraph to ask: a question is
 * put last (`…, Prime Minister?`, at most followed by `Thank you.`), where a rhetorical question
 * in an answer is usually followed by the answer's own reply to it.
 */
const QUESTION_REACH = 120;
const FLOOR_LENGTH = 60;
/** The words before the name a turn gives the floor to: `Thanks Jim, Senator Sanders?` */
const FLOOR_OPENERS = ['[Tt]hanks', '[Tt]hank you', '[Oo]kay', 'OK', '[Aa]ll right', '[Rr]ight', '[Yy]es', '[Aa]nd', '[Nn]ow', '[Ss]o', '[Ww]ell'];
const FLOOR_NAME_WORD = "\\p{Lu}[\\p{L}.'’-]*";
const GIVES_THE_FLOOR = new RegExp(
  `^[\\s\\u00a0]*(?:(?:${FLOOR_OPENERS.join('|')})\\b[\\s,.!]*)*${FLOOR_NAME_WORD}(?:[,\\s\\u00a0]+${FLOOR_NAME_WORD}){0,4}[,\\s\\u00a0]*\\?$`,
  'u',
);
/** A name called, alone: `Bill?`, `Senator Sanders?`, `Governor O'Malley?`. */
const NAME_CALLED = /^[\s\u00a0]*\p{Lu}[\p{L}.'’-]*(?:[\s\u00a0]+\p{Lu}[\p{L}.'’-]*){0,3}[\s\u00a0]*\?$/u;
/** `Mr.`, `Sen.`, `Dr.` end no sentence; `Hey, Liz.` does. */
const TITLE_BEFORE = new RegExp(`(?:^|[\\s\\u00a0])(?:${alternation(wordsOfAllLanguages('abbreviations'))})\\.$`, 'iu');
/** A one-word question is no name: `Why?`, `Really?`. */
const INTERROGATIVE_WORDS = 'what|why|how|who|whom|whose|where|when|which|really|right|yes|no|okay|ok|sorry|pardon|anyone|anybody|everyone|questions|comments';
const INTERROGATIVE = new RegExp(`^[\\s\\u00a0]*(?:${INTERROGATIVE_WORDS})\\b`, 'i');
/** A one-word question that asks alone (`Why?`, `Right?`, a tag to confirm); `Yes?`, `Really?`, `Pardon?` answer the phone, nod or ask to repeat. */
const INTERROGATIVE_ALONE = /^[\s\u00a0]*(?:what|why|how|who|whom|whose|where|when|which|right)[\s\u00a0]*\?$/i;
/** How a parliament's written questions are put, with no question mark: `To ask Her Majesty's Government…`. */
const ORDER_PAPER_OPENINGS = ['to ask (?:the|her|his|whether|what|if)\\b', 'asked (?:the|her|his)\\b', 'if (?:he|she|they|the [\\p{L}-]+) will\\b'];
const ORDER_PAPER_QUESTION = new RegExp(`^[\\s\\u00a0]*(?:\\d{1,3}\\.[ \t\u00a0]+)?(?:${ORDER_PAPER_OPENINGS.join('|')})`, 'iu');

export function endsInQuestion(text: string, contentStart: number): boolean {
  const end = trimmedEnd(text, contentStart, text.length);
  // `Prime Minister?`, `Thanks Jim, Senator Sanders?`: a name called gives the floor, it asks nothing.
  // `Right?`, `Why?` alone ask: a one-word question is no name.
  const whole = end - contentStart <= FLOOR_LENGTH ? text.slice(contentStart, end) : undefined;
  if (whole !== undefined && GIVES_THE_FLOOR.test(whole) && !INTERROGATIVE_ALONE.test(whole)) return false;
  const from = Math.max(contentStart, end - QUESTION_REACH);
  // The native search of the tail alone: a loop over its characters cost more than the rest of the paragraph's reading.
  const tail = text.slice(from, end);
  if (!tail.includes('?') && !tail.includes('？')) return false;
  // A note after the question (`(no objection)`, `(LAUGHTER)`) leaves its last sentence as it was said.
  const note = TRAILING_NOTE.exec(tail);
  const said = note && tail.charCodeAt(note.index - 1) === 0x3f ? tail.slice(0, note.index) : tail;
  return !asksNothing(said, from === contentStart);
}

/** A bracketed note that ends a paragraph: `(no objection, round of applause)`, `[laughter]`. */
const TRAILING_NOTE = /[ \t\u00a0]*(?:\([^()]{1,60}\)|\[[^[\]]{1,60}\])$/;

/** Where a sentence ends: its stops, with the quotes or brackets that close on them (`?'.`, `?”`), before a space or the end. */
const SENTENCE_STOP = /[.!?？…]+(?:["'”’»)\]]+[.!?…]*)?(?=[\s\u00a0]|$)/gu;
/**
 * A question quoted in a statement: its question mark closes a quote that a full stop ends (`… he
 * said, 'Are you taller?'.`), or a quote that a comma or colon opens (`So she said, “Can I complain…?”`).
 */
const QUOTED_QUESTION = /[?？]["'”’»]+[.!]$|[,:][\s\u00a0]*["“«][^"“”«»]*[?？]["”»]+$/u;
/** A tag the speaker talks on past (`…, you know? So that's my favourite question.`): no question, unless it ends the words. */
const FILLER_TAG = /[,\s](?:you know|right|you see|yeah|huh)[\s\u00a0]*\?$/i;
/** Words after the tag that end a sentence, not cut off (`… surgery, right? That's the...` leaves the tag last). */
const TALKS_ON = /\p{L}[^.!?…]*(?<![.-])[.!?]["'”’)\]]*[\s\u00a0]*$/u;

/**
 * Every question of the tail asks nothing: a name called (`… comes from the automotive world.
 * Bill?`), a greeting or a check of the line (`How are you today? And to my right is…`), the
 * floor given or questions invited (`So what's your question, Jim?`, `Any other questions?`), or a
 * question quoted in a statement. `whole`: the tail is all the words, so its first sentence is whole.
 */
function asksNothing(tail: string, whole: boolean): boolean {
  let start = 0;
  // A question mark that ends no sentence (`https://example.org/a?b`, `a#b?Question:`) asks, as it always did.
  let judged = 0;
  for (const stop of tail.matchAll(SENTENCE_STOP)) {
    const end = stop.index + stop[0].length;
    // `…, Mr. Casey?` is one sentence: the dot after a title ends none.
    if (!stop[0].includes('?') && !stop[0].includes('？')) {
      if (!TITLE_BEFORE.test(tail.slice(0, end))) start = end;
      continue;
    }
    const sentence = tail.slice(start, end).trim();
    if (!(FILLER_TAG.test(sentence) && TALKS_ON.test(tail.slice(end))) && !asksNothingIn(sentence, start > 0 || whole)) return false;
    judged += stop[0].replace(/[^?？]/g, '').length;
    start = end;
  }
  return judged === tail.replace(/[^?？]/g, '').length;
}

/** One question sentence asks nothing; `whole`: it is all there, not the end of a sentence cut by the tail. */
function asksNothingIn(sentence: string, whole: boolean): boolean {
  if (QUOTED_QUESTION.test(sentence)) return true;
  const question = sentence.replace(/["'”’»)\]]+$/u, '');
  if (FLOOR_QUESTION.test(question) || QUESTIONS_INVITED.test(question)) return true;
  if (!whole || question.length > FLOOR_LENGTH || !question.endsWith('?')) return false;
  return (NAME_CALLED.test(question) && !INTERROGATIVE.test(question)) || isGreeting(question);
}

/** A list of the language table's phrases, of every language, as alternatives of a pattern: lower case, either apostrophe. */
function phrases(list: 'askingPhrases' | 'greetingQuestions' | 'floorQuestions' | 'promptPhrases', longestFirst = false): string {
  const all = Object.values(listsOf(list)).flat();
  if (longestFirst) all.sort((a, b) => b.length - a.length);
  return all.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('|');
}

/**
 * `How are you?`, `Hey, Liz. And you?`, `How are you doing, Senator?`, `Hi, Marc, how are you?`: an
 * opening word, with the one greeted after a greeting word (`Mr President, how are you?` alone
 * asks, as before), a greeting (the longest that fits), and the one greeted. Read case-blind, so
 * the names are captured (1, 2) and their capitals checked apart.
 */
const GREETING_QUESTION = new RegExp(
  "^[\\s\\u00a0]*(?:(?:and|so|well)[,\\s]+|(?:hi|hello|hey|morning|good (?:morning|afternoon|evening|day))[,\\s]+([^,.!?]{1,40},[\\s\\u00a0]*)?)?"
    + `(?:${phrases('greetingQuestions', true)})([^?]{0,40})\\?$`,
  'iu',
);
/** The one greeted before the greeting: `Marc, `. */
const GREETED_BEFORE = /^\p{Lu}[\p{L}.'’-]*(?:[\s\u00a0]+\p{Lu}[\p{L}.'’-]*){0,3},[\s\u00a0]*$/u;
/** `, Senator`, `, Mr. Prime Minister`: up to four capitalised words, or none. */
const GREETED_AFTER = /^(?:[,\s]+\p{Lu}[\p{L}.'’-]*(?:[\s\u00a0]+\p{Lu}[\p{L}.'’-]*){0,3})?[,\s\u00a0]*$/u;

function isGreeting(question: string): boolean {
  const greeting = GREETING_QUESTION.exec(question);
  return !!greeting && (greeting[1] === undefined || GREETED_BEFORE.test(greeting[1])) && GREETED_AFTER.test(greeting[2]);
}

/** `So what's your question, Jim?`, `Dallas, what would you like to ask the Prime Minister?` */
const FLOOR_QUESTION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases('floorQuestions')})(?![\\p{L}\\p{N}])[^.!?]{0,40}\\?$`, 'iu');

/** Questions or comments invited from the room: `Any other really important questions?`, `Can we have some questions?`. */
const QUESTIONS_INVITED = /(?<![\p{L}\p{N}])(?:any|some)(?:[\s\u00a0]+[\p{L}'’-]+){0,3}[\s\u00a0]+(?:questions|comments)(?![\p{L}\p{N}])[^.!?]{0,60}\?$/iu;

/**
 * First-person words that put a question without a question mark (`I ask the Minister to outline…`,
 * `Ich frage Sie daher, ob…`, `quisiera saber…`): every language's, from the language table, read
 * in the lower-cased words. The phrases alone are looked for first: tried at every character of
 * every paragraph, the lookarounds cost five times the search.
 */
const ASKING_PHRASES = phrases('askingPhrases');
const ASKING_PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ASKING_PHRASES})(?![\\p{L}\\p{N}])`, 'u');
const ASKING_WORDS = new RegExp(ASKING_PHRASES, 'u');

function putsQuestionInWords(words: string): boolean {
  const lowered = words.toLowerCase();
  return ASKING_WORDS.test(lowered) && ASKING_PHRASE.test(lowered);
}

const OPENING_WORDS = '(?:so|and|but|well|okay|ok|now|yeah|first|then)\\b';
/**
 * Words that open the last sentence before the prompt itself: `So, Kelly, …`, `But first …`, `Ms Clark, …`.
 * A name does not start with an opening word, so that `So, so, …` is read one way only (not in
 * exponentially many, as when `So,` could be either).
 */
const PROMPT_OPENING = `(?:${OPENING_WORDS}[,\\s]*|(?!${OPENING_WORDS})\\p{Lu}[\\p{L}.'’-]*(?:[ \\u00a0]\\p{Lu}[\\p{L}.'’-]*){0,3},[\\s]*)*`;
/** A last sentence that hands a question over without a question mark: `Tell us about your book.`, `Kelly, what about you.` */
const PROMPT = new RegExp(
  `^${PROMPT_OPENING}(?:(?:can|could|would) you[\\s]+|please[\\s]+|maybe[\\s]+)?(?:${phrases('promptPhrases')})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** A prompt is put in a short last sentence; a long one is a speech. */
const PROMPT_REACH = 200;
const AUXILIARIES = "is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|isn['’]t|aren['’]t|wasn['’]t|don['’]t|doesn['’]t"
  + "|didn['’]t|can['’]t|couldn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|haven['’]t|hasn['’]t";
/** Who or what a question asks about, after its verb: `can you`, `is that`, `did the Minister`. */
const SUBJECTS = 'you|we|i|he|she|they|it|that|this|there|these|those|the|a|an|your|our|his|her|their|any|anyone|anybody|everyone|mr|ms|mrs|dr'
  + '|senator|minister|prime|president|governor|secretary';
/**
 * How a question opens: a verb before its subject (`Can you`, `Did the Minister`), or an
 * interrogative with its verb (`What is`, `Why would`, `How many`, `What about`, `What's`). An
 * interrogative alone opens statements too (`What I would say…`, `When we came to office…`).
 */
const QUESTION_OPENING = `(?:(?:${AUXILIARIES})[\\s\\u00a0]+(?:${SUBJECTS})|(?:what|why|how|who|where|when|which)(?:['’]s|[\\s\\u00a0]+(?:${AUXILIARIES}|about|many|much|long|often|far)))`;
/**
 * A question cut off by an interruption or lost to the recording: `So can you...`, `Is that the
 * reason for the second door — front door…`, `And did you talk to him about the doubts —`.
 */
const CUT_OFF_QUESTION = new RegExp(`^${PROMPT_OPENING}${QUESTION_OPENING}(?![\\p{L}\\p{N}])[^.!?]*?(?:\\.{2,}|…|-{1,2}|—|–)$`, 'iu');

const NOTHING_HANDED_OVER = { prompting: false, unmarked: false };

/**
 * How the last sentence hands a question over without a question mark: as a prompt (only the
 * last, since an answer says `tell me` in passing), or as a question whose mark was dropped
 * (`unmarked`), which prompts too where it is put to the one spoken to. The last sentence is read once for both.
 */
function handsOver(text: string, contentStart: number): { prompting: boolean; unmarked: boolean } {
  const end = trimmedEnd(text, contentStart, text.length);
  const tail = text.slice(Math.max(contentStart, end - PROMPT_REACH), end);
  const boundary = lastSentenceEnd(tail);
  const last = boundary < 0 && end - contentStart > PROMPT_REACH ? undefined : tail.slice(boundary + 1).trimStart();
  if (last !== undefined && (PROMPT.test(last) || (endsCutOff(last) && CUT_OFF_QUESTION.test(last)))) {
    return { prompting: true, unmarked: unmarkedQuestion(last) !== undefined };
  }
  // Words with no sentence stop at all are one sentence, read from the turn's start: `how do you see it going forward i mean`.
  const whole = last === undefined && end - contentStart <= UNPUNCTUATED_REACH ? text.slice(contentStart, end) : undefined;
  const question = unmarkedQuestion(whole !== undefined && lastSentenceEnd(whole) < 0 ? whole.trimStart() : last);
  // A question without its mark, put to the one spoken to, hands it over as a prompt does.
  return { prompting: question !== undefined && ADDRESSED.test(question), unmarked: question !== undefined };
}

/** Words without a sentence stop, which a machine transcript may give a whole turn, are read as one sentence up to this length. */
const UNPUNCTUATED_REACH = 400;
/** A sentence that opens as a question does: `So can we…`, `what do you think…`, `Kelly, how does it work…`. */
const QUESTION_SENTENCE = new RegExp(`^${PROMPT_OPENING}${QUESTION_OPENING}(?![\\p{L}\\p{N}])`, 'iu');

/**
 * Openings that ask leave, or suggest, more than they ask, where no question mark says otherwise:
 * `Can I just say thank you to everyone.`, `Could I add one thing.`, `Why don't we take a break.`
 */
const LEAVE_OR_SUGGESTION = new RegExp(
  `^${PROMPT_OPENING}(?:(?:${AUXILIARIES})[\\s\\u00a0]+i|why[\\s\\u00a0]+don['’]t[\\s\\u00a0]+we)(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * The last sentence opens as a question but is not marked as one (no question mark, no
 * exclamation): `What is feeling about the timeline.`, `can the new charter start before the
 * extended one ends`. A greeting, the floor given or questions invited ask nothing, marked or not.
 */
function unmarkedQuestion(last: string | undefined): string | undefined {
  if (last === undefined || last.includes('?') || last.includes('？') || last.endsWith('!')) return undefined;
  if (!QUESTION_SENTENCE.test(last) || LEAVE_OR_SUGGESTION.test(last)) return undefined;
  return asksNothingIn(`${last.slice(0, PROMPT_REACH).replace(/[\s.,;:…-]+$/u, '')}?`, true) ? undefined : last;
}

/** The words of a question put to the one spoken to: `What do you think…`, `Can you tell us…`, `what are the things you would change`. */
const ADDRESSED = /(?<![\p{L}\p{N}])(?:you|your|yours|yourself|yourselves)(?![\p{L}\p{N}])/iu;

/**
 * Where the sentence before the last ends: the last `.`, `?` or `!` that a space or line break
 * follows, but for the text's own last one; -1 where there is none. One pass back from the end:
 * six searches of the tail cost more than the rest of the paragraph's question reading.
 */
function lastSentenceEnd(tail: string): number {
  for (let i = tail.length - 2; i >= 0; i--) {
    const c = tail.charCodeAt(i);
    if (c !== 0x2e && c !== 0x3f && c !== 0x21) continue;
    const next = tail.charCodeAt(i + 1);
    if (next === 0x20 || next === 0x0a) return i;
  }
  return -1;
}

/** The words stop as a question cut off does (see CUT_OFF_QUESTION): on two dots or more, an ellipsis or a dash. */
function endsCutOff(words: string): boolean {
  const c = words.charCodeAt(words.length - 1);
  return (c === 0x2e && words.charCodeAt(words.length - 2) === 0x2e) || c === 0x2026 || c === 0x2d || c === 0x2014 || c === 0x2013;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A subtitle cue's number and timing, pasted from an SRT or WebVTT file: `12` and `00:00:01,701 --> 00:00:02,001`. */
// Literals, not built from a shared piece: the regex audit (test/fuzz/regex.test.ts) reads only literals.
const CUE_TIMING = /^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}(?:[ \t].*)?$/;
/** A paragraph of a cue's number and timing alone. */
const CUE_LINES = /^(?:\d{1,6}[ \t]*\r?\n[ \t]*)?(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}[^\r\n]*$/;

/** The line is a cue's timing, or the number before one: the words of the cue start a paragraph of their own. */
export function isCueLine(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  // A search for `-->` would read on past the line's end: most lines have none.
  if (c >= 0x30 && c <= 0x39 && end - start >= 23 && end - start <= 80) {
    const line = text.slice(start, end);
    if (line.includes('-->')) return CUE_TIMING.test(line);
  }
  if (c < 0x30 || c > 0x39 || end - start > 8 || !/^\d+[ \t]*$/.test(text.slice(start, end))) return false;
  const next = text.indexOf('\n', end);
  const after = next < 0 ? -1 : text.indexOf('\n', next + 1);
  return next >= 0 && CUE_TIMING.test(text.slice(next + 1, after < 0 ? text.length : after).replace(/\r$/, ''));
}

const STAGE_LINE_WORD = /ember|nterject|ndicated|enator|B[Yy] /;

/** Headings a transcript shows without `#` (`Energy Prices`, `ORAL ANSWERS TO QUESTIONS`) sit below the `#` levels. */
export const IMPLICIT_HEADING_LEVEL = 2;
const MAX_HEADING_WORDS = 12;
const MEMBER_GROUPS = [
  'an?', 'some', 'several', 'other', 'many', 'all', 'the', 'opposition', 'government', 'coalition', 'labor', 'labour', 'liberal', 'conservative', 'crossbench',
];
const TRAILING_DASHES = '[\\s\\u2014\\u2013.—-]*';
/** `Honourable members: Hear, hear!`, `Opposition members interjecting—`, `Hon. Members: Order!` */
const MEMBERS_INTERJECTING = `(?:(?:${MEMBER_GROUPS.join('|')})\\s+)?(?:hon\\.?\\s+|honou?rable\\s+|right\\s+hon\\.?\\s+)?(?:members?|senators?)`
  + `(?:\\s+(?:interjecting|interjected|rose)${TRAILING_DASHES}|:\\s*[^.?]{1,60}[.!]?)`;
/** `Mr Smith interjecting—`: one member, by name. */
const MEMBER_INTERJECTING = `(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}(?:interjecting|interjected|indicated (?:dissent|assent))${TRAILING_DASHES}`;
const COLLECTIVE_INTERJECTION = new RegExp(`^(?:${MEMBERS_INTERJECTING}|${MEMBER_INTERJECTING})$`, 'iu');
/** The benches' answer in one voice: `Government members: No!`, `Honourable members: Yes!` (not `Hear, hear!`, which answers nothing). */
const CHORUS = /^(?:[\p{L}-]+\s+){0,2}members?:\s*(?:no|yes|none|never|nothing|nobody|no one)\b[\s,.!—–-]*$/iu;
const EXAMINATION = '(?:(?:direct|cross|re-?direct|re-?cross|further)[\\s-]*)?(?:examination|interrogation)';
/** `BY MR. SMITH:`, `CROSS-EXAMINATION BY MS. JONES:`, `EXAMINATION`: who examines next, not a turn. */
const EXAMINATION_LINE = new RegExp(`^(?:${EXAMINATION}\\s*)?BY\\s+(?:MR|MRS|MS|DR|MISS)\\.?\\s+[^:]{1,60}:?$`, 'iu');
const SENTENCE_PUNCTUATION_END = /[.,;!?…。！？，、'"“”‘’»«\-–—]$/u;

/**
 * A line that names a part of the proceedings rather than saying something: a few words, each
 * capitalised or a particle (or all in capitals), with no sentence punctuation at its end.
 */
function isHeadingLine(line: string): boolean {
  if (line.length < 3 || line.length > 100 || SENTENCE_PUNCTUATION_END.test(line) || !/\p{L}/u.test(line)) return false;
  // A label of what follows, a date (`Berlin, Dienstag, den 28. Juni 2016`), a list with numbers
  // (`Aken, Jan van DIE LINKE 28.06.2016`); a number may only lead (`181. Sitzung`).
  if (/^[([]/.test(line) || line.endsWith(':') || /\d/.test(line.replace(/^\d{1,3}\.? /, ''))) return false;
  const words = line.split(/[\s\u00a0]+/).map((word) => word.replace(/^[([]|[)\],]$/g, ''));
  if (words.length > MAX_HEADING_WORDS) return false;
  // `Days of`: a sentence cut off, not a heading.
  if (!/^[\p{Lu}\d]/u.test(words[0]) || !/^[\p{Lu}\d]/u.test(words[words.length - 1])) return false;
  let capitalised = 0;
  for (const word of words) {
    if (/^[\p{Lu}\d]/u.test(word)) capitalised++;
    else if (!NAME_PARTICLES.has(word) && !/^[–—&:/-]$/.test(word)) return false;
  }
  return capitalised > 0;
}

/** `(Laughter.)`, `(Beifall bei der SPD – Zuruf: Oh!)`, `[crosstalk]`: a paragraph that is all stage. */
function isStageDirection(text: string): boolean {
  const open = text[0];
  const close = open === '(' ? ')' : open === '[' ? ']' : '';
  if (!close || text[text.length - 1] !== close) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0 && i < text.length - 1) {
      // `(A) (C)` and `[inaudible] [crosstalk]` are still all stage; `(a) first point` is not.
      if (!/^[\s\u00a0]*[([]/.test(text.slice(i + 1))) return false;
    }
  }
  return depth === 0;
}

const SENTENCE_END = new Set('.!?…:"”’»)]。！？：」』'.split('').map((c) => c.charCodeAt(0)));

/** The text between `start` and `end` ends a sentence, so that a label on the next line of a wrapped block is credible. */
export function endsSentenceAt(text: string, start: number, end: number): boolean {
  const last = trimmedEnd(text, start, end) - 1;
  return last >= start && SENTENCE_END.has(text.charCodeAt(last));
}

/** A heading's title without its closing `#`s and spaces (`## Q&A ##` → `Q&A`); its first character stays. */
function headingTitle(text: string): string {
  let end = text.length;
  while (end > 1 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '#')) end--;
  return text.slice(0, end);
}

/** Only a line that starts (after spaces) with one of these can be a heading or a separator. */
function mayBeHeadingOrSeparator(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return i < end && (c === 0x23 /* # */ || c === 0x2a /* * */ || c === 0x2d /* - */ || c === 0x5f /* _ */ || c === 0x3d /* = */);
}

/** The line between `start` and `end` is a heading or a separator; only a likely one is cut out and matched. */
export function isHeadingOrSeparator(text: string, start: number, end: number): boolean {
  if (!mayBeHeadingOrSeparator(text, start, end)) return false;
  const line = text.slice(start, end);
  return SEPARATOR.test(line) || (HEADING.test(line) && /^[ \t]*#{1,6}[ \t]/.test(line));
}
