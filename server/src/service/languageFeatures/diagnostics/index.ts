import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { query, type DerivedResults } from '../../derivedResults';
import type { ParagraphAnalysis } from '../../parser/paragraphs';
import type { ParagraphReader } from '../../text/words';
import type { Paragraph, TranscriptModel, Turn } from '../../model';
import { languageWords, type LanguageWords } from '../../text/languages';
import type { CancellationToken, SeverityLevel, ServiceSettings } from '../../types';
import { checkParagraph, paragraphInput, SALUTATION_WORDS, type ParagraphChecks } from './paragraphChecks';
import { allRules, rules, SOURCE, type Rule } from './rules';
import { closestName } from './similarity';
import { noSpeakersHint } from './noSpeakers';
import { probableSameSpeakers } from './speakerVariants';
import { detached } from '../../text/detached';
import type { OrganisationSpelling } from '../../glossary/spelling';
import type { UnknownName } from '../../glossary/unknownNames';
import { paragraphMisspellings, reportedMisspellings } from './misspellings';
import { MONTH_NAMES } from '../../parser/header';
import { WRAP_WIDTH } from '../../parser/parser';
import { formatClock, timestampsPastEnd } from '../media';
import { finish, STEP_ITEMS, type Steps } from '../../steps';
import { writtenWords } from './writtenWords';

export { rules, allRules, SOURCE };

export interface DiagnosticOptions {
  /** Where the user is typing: that paragraph's sentence is unfinished by nature, so not flagged. */
  readonly typingAt?: number;
  /** The length in seconds of the transcript's recording, once the editor's player knows it (issue 18). */
  readonly mediaDuration?: number;
}

/** What a quick fix needs to know, carried in `Diagnostic.data`. */
export interface DiagnosticData {
  readonly replacement?: string;
  /** Offsets of the text a fix removes (a repeated sentence with the space before it). */
  readonly remove?: { readonly start: number; readonly end: number };
  /** A name to declare in the front matter as an alias of one of `of` (the speakers it probably is). */
  readonly alias?: { readonly name: string; readonly of: readonly string[] };
}

const LEVELS: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const LEVEL_NAMES = new Set<string>(['off', 'hint', 'information', 'warning', 'error']);
/** Short paragraphs that recur this often are page furniture (running heads), not speech. */
const FURNITURE_REPEATS = 3;

export function provideDiagnostics(
  results: DerivedResults, model: TranscriptModel, settings: ServiceSettings, spelling: OrganisationSpelling | undefined,
  options: DiagnosticOptions, token: CancellationToken, unknownNames?: () => readonly UnknownName[],
): Diagnostic[] {
  return finish(diagnosticSteps(results, model, settings, spelling, options, token, unknownNames));
}

/**
 * The diagnostics, in steps: a server runs them in slices between requests (issue 14: deferred
 * work never holds up a keystroke by more than a slice). Every pass over the paragraphs or turns
 * yields every STEP_ITEMS of them.
 */
export function* diagnosticSteps(
  results: DerivedResults, model: TranscriptModel, settings: ServiceSettings, spelling: OrganisationSpelling | undefined,
  options: DiagnosticOptions, token: CancellationToken, unknownNames?: () => readonly UnknownName[],
): Steps<Diagnostic[]> {
  yield* model.structureSteps();
  const paragraphs = yield* model.paragraphSteps();
  const diagnostics: Diagnostic[] = [];
  const levels = { ...settings.severity, ...frontMatterLevels(model, diagnostics) };
  const suppressed = suppressions(model);
  const report = (rule: Rule, start: number, end: number, message: string, paragraph?: number, data?: DiagnosticData) => {
    const level = levels[rule.code] ?? rule.defaultLevel;
    if (level === 'off' || suppressed.file(rule.code) || (paragraph !== undefined && suppressed.paragraph(paragraph, rule.code))) return;
    const diagnostic: Diagnostic = { range: model.lines.range(start, end), severity: LEVELS[level], code: rule.code, source: SOURCE, message };
    if (data) diagnostic.data = data;
    diagnostics.push(diagnostic);
  };

  for (const problem of model.frontMatter?.problems ?? []) report(rules.frontMatter, problem.start, problem.end, `Front matter: ${problem.message}`);

  const words = languageWords(model.language);
  const prose = readsAsProse(model);
  // A paragraph without checks is passed by below: in a CHAT file, every one.
  const checks: (ParagraphChecks | undefined)[] = [];
  for (let index = 0; prose && index < paragraphs.length; index++) {
    checks.push(sentenceChecks(results, model, paragraphs[index], words));
    if (index % STEP_ITEMS === 0) yield;
  }
  if (token.isCancellationRequested) return [];

  const reported = spelling && (yield* reportedMisspellings(results, model, spelling));
  const furniture = yield* repeatedShortParagraphs(results, model);
  for (const index of notTranscript(model)) furniture.add(index);
  yield;
  for (const index of yield* noSentences(results, model)) furniture.add(index);
  const turnOf = paragraphTurns(model);
  const following = yield* nextSpoken(model, turnOf, furniture);
  const { verbatim: unpunctuatedEnds, marksBrokenOffSpeech, leavesCutsUnmarked } = turnEnds(model, checks, following);
  const machine = diarisedByMachine(model);
  const verbatim = unpunctuatedEnds || machine;
  const unpunctuated = unpunctuatedTurns(model, checks, turnOf);
  const header = headerLength(model, checks);
  yield;
  for (let index = 0; index < paragraphs.length; index++) {
    if (index % STEP_ITEMS === 0) yield;
    const check = checks[index];
    if (!check || token.isCancellationRequested) continue;
    const paragraph = paragraphs[index];
    const at = (offset: number) => paragraph.contentStart + offset;
    const { next, acrossFurniture } = following[index];
    const nextCheck = next === undefined ? undefined : checks[next];
    const typing = options.typingAt !== undefined && options.typingAt >= paragraph.start && options.typingAt <= paragraph.end + 1;

    const ending = check.ending;
    if ((ending.kind === 'cut' || ending.kind === 'comma') && paragraph.kind === 'text' && !typing && !furniture.has(index) && check.wordCount > 0) {
      // A sentence goes on in the next paragraph, or over a page break (a running head between),
      // or into a quotation set apart (`In June, he claimed that Britain was` / `"leading the…"`).
      // At a turn's end, the next speaker's words may go on with the sentence: a cue of machine
      // speech-to-text cut mid-sentence (`[Speaker 2] Are` / `[Speaker 1] we of the last breed…`).
      const continued = nextCheck?.continues === true || nextCheck?.opensWithQuote === true || (acrossFurniture && next !== undefined)
        || (next === undefined && nextTurnStartsInLowerCase(model, index, checks));
      // In speech written down as spoken, a turn ends where the next speaker cuts in, and a line
      // where the speaker paused: only a word no sentence ends on (`the`, `of`) still says that
      // words are missing there.
      const cannotEnd = ending.kind === 'cut' && words.cannotEnd.has(ending.lastWord.toLowerCase());
      // A turn that ends in a closing remark (`Thank you`, `Exactly`, `But yeah,`) has said what it meant to.
      const closing = next === undefined && check.wordCount <= CLOSING_WORDS
        && isClosingRemark(model.source.slice(paragraph.contentStart, paragraph.end), words);
      // A speaker trails off on `so`, `and` where the next one takes over: in speech written as spoken,
      // or alone after a finished sentence (`What are your favourite shows? So`) where the transcript
      // marks no broken-off speech. A transcript that does (`So —`, `And...`) would have marked this one too.
      const trailsOff = next === undefined && ending.kind === 'cut' && !ending.punctuated && words.trailOffWords.has(ending.lastWord.toLowerCase())
        && (verbatim || (!marksBrokenOffSpeech && aloneAfterSentence(model.source, paragraph.contentStart, at(ending.start), at(ending.end))));
      const headerLine = index < header && !cannotEnd && isHeaderLine(model, paragraph, check);
      // Where another speaker's labelled turn follows, in a transcript that leaves such cuts
      // unmarked, a sentence that stops on a word a sentence may end on was cut off by them, or
      // lost only its full stop: the words said are all there. A scrap of one word (`ends`, `6,`,
      // `Signed,`, a title's folded last word) is no sentence to finish; two may be (`It’s also`). A word itself broken off
      // (`…the conflict in Ukrain` where the text has `Ukraine`) still says words are lost.
      const cutIn = next === undefined && (leavesCutsUnmarked || machine) && cutInByNextSpeaker(model, index, turnOf);
      // In the wrapped lines of a scanned transcript, a name in capitals starting the next line cut in even after `to` or
      // `the` (`AITON: Prime minister, welcome to` / `PM: Thank you.`): the words said are all there.
      // A speech-to-text engine's turn ends where it heard the next voice: a cut there (`where you can`) is the speaker's,
      // not the text's; only an article or a possessive (`We met the`), which nothing said ends on, still says words are lost.
      const machineCutIn = cutIn && machine && ending.kind === 'cut' && !words.neverBeforePeriod.has(ending.lastWord.toLowerCase());
      const cutOrScrap = (!cannotEnd || machineCutIn || (cutIn && capitalsLabelBelow(model, index))) && (cutIn || check.wordCount <= SCRAP_WORDS);
      // Notes stop mid-sentence before what they introduce: `would be equivalent to` over a code block, `no right answer but` over a list.
      const introducesNext = checks[index + 1]?.opensListOrCode === true && model.paragraphs[index + 1].kind === 'text' && !model.paragraphs[index + 1].label;
      // Where the text does not punctuate, a sentence without its full stop is no sign of lost words.
      const unpunctuatedHere = unpunctuated.document || unpunctuated.turns.has(turnOf[index] ?? -1);
      const written = cutOrScrap && ending.kind === 'cut' ? yield* writtenWords(results, model) : undefined;
      const cutOffOrScrap = cutOrScrap && !(ending.kind === 'cut' && written !== undefined && brokenWord(written, ending.lastWord));
      if (ending.kind === 'cut' && !continued && !trailsOff && !headerLine && !cutOffOrScrap && !introduced(model, index, checks)
        && !introducesNext && !unpunctuatedHere && (!(verbatim || closing) || cannotEnd)) {
        report(rules.incompleteSentence, at(ending.start), at(ending.end), cutMessage(ending.lastWord, ending.punctuated, cannotEnd), index);
      } else if (ending.kind === 'comma' && !continued && !headerLine && !cutOffOrScrap && !isSalutation(check) && !verbatim && !closing
        && !introducesNext && !unpunctuatedHere) {
        report(rules.incompleteSentence, at(ending.start), at(ending.end), 'Incomplete sentence: the paragraph ends with a comma.', index);
      }
    }

    for (const problem of check.delimiters) {
      // A quotation over several paragraphs leaves each one open and opens the next with a quote.
      if (problem.problem === 'unclosed' && /["“„«]/.test(problem.char) && nextCheck?.opensWithQuote) continue;
      if (problem.problem === 'reversed') {
        report(rules.reversedQuotes, at(problem.start), at(problem.end), 'Reversed quotation marks: `”…“` for `“…”`.', index);
        continue;
      }
      const message = problem.problem === 'unclosed'
        ? `Unbalanced ${delimiterName(problem.char)}: \`${problem.char}\` is opened here and not closed in this paragraph.`
        : `Unbalanced ${delimiterName(problem.char)}: \`${problem.char}\` closes something that was not opened in this paragraph.`;
      report(rules.unbalancedDelimiter, at(problem.start), at(problem.end), message, index);
    }

    if (spelling && reported) {
      for (const m of paragraphMisspellings(results, model, paragraph, spelling)) {
        if (!reported(m)) continue;
        const message = `\`${m.word}\` is not a known organisation: did you mean \`${m.acronym}\` (${m.fullName})?`;
        report(rules.misspeltOrganisation, m.start, m.end, message, index, { replacement: m.acronym });
      }
    }

    for (const repeat of check.repeats) {
      report(rules.repeatedSentence, at(repeat.start), at(repeat.end), `Repeated sentence: “${ellipsize(repeat.text)}” was just said.`, index, {
        remove: { start: at(repeat.removeFrom), end: at(repeat.end) },
      });
    }
  }

  // Asked for only where a setting turns the rule on: it reads every paragraph's organisations.
  if (unknownNames && (levels[rules.unknownOrganisation.code] ?? rules.unknownOrganisation.defaultLevel) !== 'off') {
    for (const name of unknownNames()) {
      const message = `\`${name.text}\` has no card: neither the glossary nor this transcript defines it.`;
      report(rules.unknownOrganisation, name.start, name.end, message, model.paragraphs.indexOf(model.paragraphAt(name.start)!));
    }
  }

  for (const turn of model.turns) {
    checkTurn(model, turn, checks, report);
    if (turn.index % STEP_ITEMS === 0) yield;
  }
  yield;
  for (const probable of probableSameSpeakers(model)) {
    const earlier = probable.candidates.map((c) => `${c.speaker.name} (line ${c.line + 1})`);
    const names = earlier.length > 1 ? `${earlier.slice(0, -1).join(', ')} or ${earlier[earlier.length - 1]}` : earlier[0];
    const message = `\`${probable.speaker.name}\` is probably the same speaker as ${names}.`;
    report(rules.probableSameSpeaker, probable.label.nameStart, probable.label.nameEnd, message, probable.paragraph, {
      alias: { name: probable.speaker.name, of: probable.candidates.map((c) => c.speaker.name) },
    });
  }
  if (options.mediaDuration !== undefined) {
    for (const mark of timestampsPastEnd(results, model, options.mediaDuration)) {
      const recordingEnd = formatClock(Math.round(options.mediaDuration * 1000) / 1000);
      const message = `Timestamp ${formatClock(mark.seconds)} is past the end of the recording (${recordingEnd}).`;
      report(rules.timestampPastMediaEnd, mark.start, mark.end, message, mark.paragraph);
    }
  }
  yield;
  const noSpeakers = noSpeakersHint(model);
  if (noSpeakers) report(rules.noSpeakers, noSpeakers.start, noSpeakers.end, noSpeakers.message, noSpeakers.paragraph);
  // In a CHAT conversation a question met with another question is talk, not a gap in the record.
  for (const question of model.chat ? [] : model.questions) {
    if (question.number % STEP_ITEMS === 0) yield;
    if (question.answerTurns.length > 0) continue;
    const turn = model.turns[question.turn];
    // A named asker's next turn asking again goes on with the same question (a follow-up, an interruption).
    const next = model.turns[question.turn + 1];
    if (turn.speakerId !== undefined && next?.role === 'question' && next.speakerId === turn.speakerId) continue;
    // A question of nobody's in particular (words that ask, after a heading) is reported on its first line.
    const label = turn.label;
    const start = label ? label.nameStart : turn.start;
    const end = label ? label.nameEnd : Math.min(turn.end, model.lines.lineEnd(model.lines.lineAt(turn.start)));
    const message = `Question ${question.number} has no answer: the next turn is another question, or the transcript ends.`;
    report(rules.unansweredQuestion, start, end, message, turn.paragraphs[0]);
  }
  yield;
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Turn ends unpunctuated this often, and at least this many: speech transcribed as spoken (speech-to-text, a verbatim record). */
/** The longest closing remark: `thank you very much`. */
const CLOSING_WORDS = 4;
const VERBATIM_SHARE = 0.1;
const VERBATIM_LEAST = 3;
/**
 * Turn ends left open at least this often, and as often as turn ends marked as broken off: the
 * transcript leaves the next speaker's cutting in unmarked (Oyez, talkback, podcasts). One that
 * marks it (`MR. KIRBY: — wants to…` after `Q But as of now —`) has lost words where a turn stops.
 */
const UNMARKED_CUTS_LEAST = 2;

/**
 * How the transcript ends its turns. `verbatim`: it writes speech as it was spoken, so that turns
 * end where the next speaker cuts in: many of its turns end without a full stop. An edited
 * transcript (a briefing, a record) ends nearly all its turns with one, and a turn cut off there
 * is a fault of the text. `marksBrokenOffSpeech`: some turn ends in a dash or an ellipsis, or
 * the transcript writes dashes at all, and so would mark a speaker who breaks off.
 * `leavesCutsUnmarked`: turns end open as often as they end broken off (UNMARKED_CUTS_LEAST).
 */
function turnEnds(
  model: TranscriptModel, checks: readonly (ParagraphChecks | undefined)[], following: readonly { next?: number }[],
): { verbatim: boolean; marksBrokenOffSpeech: boolean; leavesCutsUnmarked: boolean } {
  let ends = 0;
  let open = 0;
  let brokenOff = 0;
  let dashes = false;
  model.paragraphs.forEach((paragraph, index) => {
    const check = checks[index];
    if (check?.writesDash) dashes = true;
    if (!check || paragraph.kind !== 'text' || check.wordCount === 0 || following[index].next !== undefined) return;
    ends++;
    if (check.ending.kind === 'cut' || check.ending.kind === 'comma') open++;
    else if (check.ending.kind === 'broken-off') brokenOff++;
  });
  return {
    verbatim: open >= VERBATIM_LEAST && open >= VERBATIM_SHARE * ends,
    marksBrokenOffSpeech: brokenOff > 0 || dashes,
    leavesCutsUnmarked: open >= UNMARKED_CUTS_LEAST && open >= brokenOff,
  };
}

/** Long paragraphs without a sentence's end this often, and at least this many: a text that does not punctuate. */
const UNPUNCTUATED_SHARE = 0.5;
const UNPUNCTUATED_LEAST = 3;
const UNPUNCTUATED_LEAST_IN_TURN = 2;

/**
 * Where the text shows it does not punctuate: the whole document, where half its long paragraphs
 * or more end no sentence in UNPUNCTUATED_WORDS words (a machine's words, a scribe's fragments),
 * and the turns that hold two such paragraphs. A cut sentence in a punctuated transcript is still found.
 */
function unpunctuatedTurns(
  model: TranscriptModel, checks: readonly (ParagraphChecks | undefined)[], turnOf: readonly (number | undefined)[],
): { document: boolean; turns: ReadonlySet<number> } {
  let long = 0;
  let unpunctuated = 0;
  const byTurn = new Map<number, number>();
  model.paragraphs.forEach((paragraph, index) => {
    const check = checks[index];
    if (!check || paragraph.kind !== 'text' || check.wordCount < SALUTATION_WORDS) return;
    long++;
    if (!check.unpunctuated) return;
    unpunctuated++;
    const turn = turnOf[index];
    if (turn !== undefined) byTurn.set(turn, (byTurn.get(turn) ?? 0) + 1);
  });
  // One such paragraph may be a long sentence that lost its full stop: the finding itself.
  const turns = new Set([...byTurn].filter(([, count]) => count >= UNPUNCTUATED_LEAST_IN_TURN).map(([turn]) => turn));
  return { document: unpunctuated >= UNPUNCTUATED_LEAST && unpunctuated >= UNPUNCTUATED_SHARE * long, turns };
}

/** `SPEAKER_00`, `Speaker 1`, `spk_2`: the names a speech-to-text engine gives the voices it tells apart. */
const MACHINE_SPEAKER = /^(?:speaker|spk)[\s_-]?\d{1,2}$/i;

/**
 * Whether the transcript is a speech-to-text engine's, most of its speakers voices named by number:
 * its words are written as they were spoken, its punctuation is the engine's guess.
 */
function diarisedByMachine(model: TranscriptModel): boolean {
  let numbered = 0;
  for (const speaker of model.speakers.values()) if (MACHINE_SPEAKER.test(speaker.name)) numbered++;
  return numbered > 0 && 2 * numbered >= model.speakers.size;
}

/** How many paragraphs past a turn's end its next turn's words are looked for: a label alone on its line, a time, a stage direction. */
const NEXT_TURN_LOOKAHEAD = 4;

/** The next turn's first words start in lower case. */
function nextTurnStartsInLowerCase(model: TranscriptModel, index: number, checks: readonly (ParagraphChecks | undefined)[]): boolean {
  const last = Math.min(model.paragraphs.length - 1, index + NEXT_TURN_LOOKAHEAD);
  for (let i = index + 1; i <= last; i++) {
    const check = checks[i];
    if (model.paragraphs[i].kind !== 'text' || !check || check.wordCount === 0) continue;
    return check.startsInLowerCase;
  }
  return false;
}

/** The cut sentence is one word that opens it (`So`, not the `or` of `U.S. or`), after a finished sentence of the same paragraph. */
function aloneAfterSentence(source: string, contentStart: number, start: number, end: number): boolean {
  return CAPITALISED_WORD.test(source.slice(start, end)) && /\S/.test(source.slice(contentStart, start));
}
const CAPITALISED_WORD = /^\p{Lu}\S*$/u;

/** The most words of a header line: `Get breaking news alerts from The Washington Post`. */
const HEADER_WORDS = 12;
const SENTENCE_END_INSIDE = /[.!?…]["”’)]*\s/u;

/**
 * Where the transcript's header ends: at its first labelled turn or its first finished sentence,
 * whichever comes first. What stands before both is a title, a subject, a place, a page's leftovers.
 */
function headerLength(model: TranscriptModel, checks: readonly (ParagraphChecks | undefined)[]): number {
  const { paragraphs } = model;
  let index = 0;
  for (; index < paragraphs.length && !paragraphs[index].label; index++) {
    const check = checks[index];
    if (paragraphs[index].kind === 'text' && check && check.wordCount > 0 && (check.ending.kind === 'complete' || check.ending.kind === 'broken-off')) break;
  }
  return index;
}

/**
 * A line of the transcript's header (`Subject(s): State election; Carbon price`): one line, a few
 * words, no sentence ended in it.
 */
function isHeaderLine(model: TranscriptModel, paragraph: Paragraph, check: ParagraphChecks): boolean {
  return !paragraph.label && paragraph.firstLine === paragraph.lastLine && check.wordCount <= HEADER_WORDS
    && !SENTENCE_END_INSIDE.test(model.source.slice(paragraph.contentStart, paragraph.end));
}

function checkTurn(
  model: TranscriptModel, turn: Turn, checks: readonly (ParagraphChecks | undefined)[],
  report: (rule: Rule, start: number, end: number, message: string, paragraph?: number, data?: DiagnosticData) => void,
): void {
  const label = turn.label;
  if (!label) return;
  const first = turn.paragraphs[0];
  const hasWords = turn.paragraphs.some((i) => {
    const p = model.paragraphs[i];
    return (checks[i]?.wordCount ?? 0) > 0 || p.annotations.some((a) => a.start >= p.contentStart);
  });
  if (!hasWords && readsAsProse(model)) {
    report(rules.emptyTurn, label.start, label.end, `Empty turn: \`${label.name}\` says nothing before the next label.`, first);
  }
  const declared = model.frontMatter?.speakers ?? [];
  if (label.kind === 'speaker' && declared.length > 0 && !model.speakers.get(turn.speakerId ?? '')?.declared) {
    const names = declared.flatMap((s) => [s.name, ...s.aliases]);
    const suggestion = closestName(label.name, names);
    const message = suggestion
      ? `Unknown speaker \`${label.name}\`: the front matter does not declare it. Did you mean \`${suggestion}\`?`
      : `Unknown speaker \`${label.name}\`: the front matter declares ${declared.map((s) => s.name).join(', ')}.`;
    report(rules.unknownSpeaker, label.nameStart, label.nameEnd, message, first, suggestion ? { replacement: suggestion } : undefined);
  }
}

/**
 * Whether the paragraphs are prose that the sentence checks read. A CHAT file's tiers are not:
 * `(.)` is a pause, `<I want> [/]` a retracing, ` ?` a terminator, `xxx` an unintelligible word.
 */
function readsAsProse(model: TranscriptModel): boolean {
  return !model.chat;
}

/** The paragraph's sentence checks: an unchanged paragraph is checked once per language and start of its words. */
function sentenceChecks(results: DerivedResults, model: TranscriptModel, p: Paragraph, words: LanguageWords): ParagraphChecks | undefined {
  if (p.kind !== 'text' && p.kind !== 'stage') return undefined;
  return results.get(SENTENCE_CHECKS, p.analysis, { model, paragraph: p }, p.contentStart - p.start, words);
}

const SENTENCE_CHECKS = query(
  'sentence checks',
  [],
  (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader, _offset: number, words: LanguageWords) => {
    const input = paragraphInput(model, paragraph);
    return checkParagraph(input.content, input.annotations, words);
  },
);

/** The text as compared for running heads: digits as `#`, spaces folded. */
const FURNITURE_KEY = query('furniture key', [], (_results, _analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader) =>
  detached(model.source.slice(paragraph.start, paragraph.end).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()));

function cutMessage(lastWord: string, punctuated: boolean, danglingWord: boolean): string {
  if (punctuated) return `Incomplete sentence: it stops at “${lastWord}.”, a word no sentence ends on. Words are probably missing.`;
  if (danglingWord) return `Incomplete sentence: it stops at “${lastWord}”, a word no sentence ends on. Words are probably missing.`;
  return `Incomplete sentence: no final punctuation after “${lastWord}”.`;
}

function delimiterName(char: string): string {
  return '([{'.includes(char) || ')]}'.includes(char) ? (char === '(' || char === ')' ? 'parenthesis' : 'bracket') : 'quotation mark';
}

/** A sentence quoted in a message: on one line (a hard-wrapped one has line breaks), cut at 60 characters. */
function ellipsize(text: string): string {
  const folded = text.replace(/\s+/g, ' ');
  return folded.length > 60 ? `${folded.slice(0, 57)}…` : folded;
}

/** The turn index of each paragraph. */
function paragraphTurns(model: TranscriptModel): (number | undefined)[] {
  const turnOf: (number | undefined)[] = new Array(model.paragraphs.length);
  for (const turn of model.turns) for (const p of turn.paragraphs) turnOf[p] = turn.index;
  return turnOf;
}

/**
 * For each paragraph, the next one of the same turn that holds words, past stage directions and
 * furniture, and whether furniture lies between. One pass from the end: looking ahead from every
 * paragraph was quadratic where most paragraphs are furniture (20,000 alike took 3 s).
 */
function* nextSpoken(
  model: TranscriptModel, turnOf: readonly (number | undefined)[], furniture: ReadonlySet<number>,
): Steps<{ next?: number; acrossFurniture: boolean }[]> {
  const { paragraphs } = model;
  const result: { next?: number; acrossFurniture: boolean }[] = new Array(paragraphs.length);
  // The first paragraph after the current one that is not skipped, and whether furniture comes before it.
  let candidate: number | undefined;
  let furnitureBefore = false;
  for (let index = paragraphs.length - 1; index >= 0; index--) {
    if (index % STEP_ITEMS === 0) yield;
    const next = candidate !== undefined && paragraphs[candidate].kind === 'text' && turnOf[candidate] === turnOf[index] ? candidate : undefined;
    result[index] = { next, acrossFurniture: furnitureBefore };
    const p = paragraphs[index];
    if (furniture.has(index)) furnitureBefore = true;
    else if (p.kind !== 'stage' && p.kind !== 'comment' && p.kind !== 'time') {
      candidate = index;
      furnitureBefore = false;
    }
  }
  return result;
}

/**
 * A word broken off: written only here, and the start of a longer word the text writes elsewhere
 * (`Ukrain`, `Ukraine`). A word that ends a sentence is a word of the text: `State`, `interests`.
 */
function brokenWord(counts: ReadonlyMap<string, number>, word: string): boolean {
  const key = word.toLowerCase();
  if (key.length < 3 || (counts.get(key) ?? 0) > 1) return false;
  for (const other of counts.keys()) if (other.length > key.length && other.startsWith(key)) return true;
  return false;
}

/** The most words of a paragraph that is a scrap, not a sentence: an OCR leftover, an end mark (`ends`), `Signed,`. */
const SCRAP_WORDS = 1;

/**
 * The paragraph ends a labelled turn and the next turn is another speaker's, labelled too: `MR.
 * LEOPOLD: Objection.` after `Q. Are you sure you don't know`, a justice cutting in on counsel.
 */
function cutInByNextSpeaker(model: TranscriptModel, index: number, turnOf: readonly (number | undefined)[]): boolean {
  const turnIndex = turnOf[index];
  if (turnIndex === undefined) return false;
  const turn = model.turns[turnIndex];
  const nextTurn = model.turns[turnIndex + 1];
  if (!turn.label || !nextTurn?.label) return false;
  return nextTurn.speakerId !== turn.speakerId || nextTurn.label.kind !== turn.label.kind;
}

/**
 * The next paragraph starts on this one's last line or the line below it, in hard-wrapped lines,
 * with a label of a name in capitals (`PM:`, `CALLER:`): the layout of a scanned press office's
 * or reporter's transcript, where the next speaker's label is all that marks cutting in.
 */
function capitalsLabelBelow(model: TranscriptModel, index: number): boolean {
  const paragraph = model.paragraphs[index];
  const next = model.paragraphs[index + 1];
  const label = next?.label;
  if (!label || next.firstLine > paragraph.lastLine + 1 || label.kind !== 'speaker') return false;
  if (LOWER_CASE.test(label.name) || !TWO_CAPITALS.test(label.name)) return false;
  const { lines } = model;
  return lines.lineEnd(paragraph.lastLine) - lines.lineStarts[paragraph.lastLine] <= WRAP_WIDTH
    && lines.lineEnd(next.firstLine) - lines.lineStarts[next.firstLine] <= WRAP_WIDTH;
}
const LOWER_CASE = /\p{Ll}/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

/** What follows a paragraph ending in a colon is introduced by it: an agenda item, a list, a title. */
function introduced(model: TranscriptModel, index: number, checks: readonly (ParagraphChecks | undefined)[]): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const p = model.paragraphs[i];
    if (p.kind === 'stage' || p.kind === 'comment') continue;
    return p.kind === 'text' && checks[i] !== undefined && /:[\s\u00a0]*$/.test(model.source.slice(p.contentStart, p.end));
  }
  return false;
}

/** `Thank you`, `Exactly.`, `But yeah,`: the words of the language's closing remarks, a conjunction allowed before them. */
function isClosingRemark(words: string, language: LanguageWords): boolean {
  const spoken = words.toLowerCase().replace(/[.,!…;:—–-]+/g, ' ').trim().split(/\s+/);
  if (spoken.length > 1 && language.closingConjunctions.has(spoken[0])) spoken.shift();
  return language.closingWords.has(spoken.join(' '));
}

/** `Ladies and gentlemen,`, `Go ahead, Katie,`: a short address that ends in a comma. */
function isSalutation(check: ParagraphChecks): boolean {
  return check.ending.kind === 'comma' && check.ending.address && check.wordCount <= SALUTATION_WORDS;
}

// Tried only where a run of dot leaders starts (the lookbehind): from every dot of a long run, it
// was quadratic in the run (a paragraph of 80,000 dots took 10 s); it matches the same lines.
const TABLE_OF_CONTENTS_LINE = /(?<!\.\s?)(?:\.\s?){4,}\s*\d+(?:\s?[A-D])?\s*$/;
const END_OF_PROCEEDINGS = /^\((?:Schluss|Whereupon|Ende der Sitzung|The meeting rose|The meeting was adjourned|Заседание закрыто)\b/i;

/**
 * Paragraphs that are part of the record but not of the transcript: a table of contents before
 * the first speaker (three lines with dot leaders or more), and an appendix after the line that
 * closes the proceedings (`(Schluss: 12.21 Uhr)`, `(Whereupon, … the case … was submitted.)`).
 */
function notTranscript(model: TranscriptModel): number[] {
  const skipped: number[] = [];
  const firstLabel = model.paragraphs.findIndex((p) => p.label);
  const before = firstLabel < 0 ? [] : model.paragraphs.slice(0, firstLabel);
  if (before.filter((p) => TABLE_OF_CONTENTS_LINE.test(model.source.slice(p.start, p.end))).length >= 3) {
    before.forEach((_, i) => skipped.push(i));
  }
  let closing = -1;
  model.paragraphs.forEach((p, i) => {
    if (p.kind === 'stage' && END_OF_PROCEEDINGS.test(model.source.slice(p.start, p.end).trim())) closing = i;
  });
  if (closing >= 0) for (let i = closing + 1; i < model.paragraphs.length; i++) skipped.push(i);
  return skipped;
}

/** `Page 3 of 3`, `- 12 -`, `Seite 4`: a page's number, left by the conversion of a document. */
const PAGE_NUMBER_LINE = /^(?:(?:page|p\.|seite|página|стр\.?|страница)\s*\d{1,4}(?:\s*(?:of|\/|von|de|из)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])$/i;
/** `JAN. 17, 2016`. */
const MONTH_DAY_YEAR = `(?<![\\p{L}\\p{N}])(?:${MONTH_NAMES})\\.?\\s\\d{1,2},?\\s\\d{4}`;
/** `11 April 2023`, `15 de abril de 2004`. */
const DAY_MONTH_YEAR = `\\b\\d{1,2}\\.?\\s(?:de\\s)?(?:${MONTH_NAMES})\\.?\\s(?:de\\s)?\\d{4}`;
/**
 * `… Policy Shifts JAN. 17, 2016`, `… 11 April 2023`, `celebrada el jueves, 15 de abril de 2004`:
 * a headline or dateline ends in its date, a sentence in a full stop.
 */
const TRAILING_DATE = new RegExp(`(?:${MONTH_DAY_YEAR}|${DAY_MONTH_YEAR}|\\b\\d{4}-\\d{2}-\\d{2})$`, 'iu');
/** `Debate sobre la investidura … (Página 16)`, `Statement by the Minister (page 4)`: a line of contents. */
const TRAILING_PAGE_REFERENCE = /\((?:page|p\.|página|pág\.|seite|s\.|стр\.)\s?\d{1,4}\)$/i;
/** A court reporter's page header and column of line numbers, left on lines of their own by the conversion: `Page`, `1`, `2` … `25`. */
const LINE_NUMBERS = /^(?:page[ \t]*\d{0,4}|\d{1,4})(?:[ \t]*\r?\n[ \t]*(?:page[ \t]*\d{0,4}|\d{1,4}))+$/i;
/** `Drucksache 19/2923`, `Sesión plenaria núm. 2`: a line of a few words that names a document or a sitting by its number. */
const NUMBERED_REFERENCE = /^\p{Lu}[\p{L}.]*(?:[ \t]+[\p{L}.]+){0,2}[ \t]+\d[\d/.-]*$/u;
/** A row of a table pasted as text: cells between tabs (two gaps or more), or between pipes. */
const TABLE_ROW = /^[^\t\r\n]*\S\t+\S[^\t\r\n]*\t+\S|^\|.*\|$/;

/**
 * Unlabelled lines that are no sentence, whatever they end on: a page's number or a column of
 * line numbers, a headline or dateline that ends in its date, a reference by number, a line of
 * contents, a table's row, and a line the parser read
 * as a heading but kept as text because it recurs (`Queensland Rail` over a question and again
 * over its supplementary).
 */
function* noSentences(results: DerivedResults, model: TranscriptModel): Steps<number[]> {
  const found: number[] = [];
  const { paragraphs } = model;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'text' && !p.label && p.end - p.start <= NO_SENTENCE_LENGTH && results.get(NO_SENTENCE, p.analysis, { model, paragraph: p })) found.push(i);
    if (i % STEP_ITEMS === 0) yield;
  }
  return found;
}

/** The longest line read as no sentence, and how much of its end a date or a page reference takes. */
const NO_SENTENCE_LENGTH = 300;
const TAIL_LENGTH = 48;
const CLOSE_PARENTHESIS = 0x29;

const NO_SENTENCE = query('no sentence', [], (_results, analysis: ParagraphAnalysis, { model, paragraph }: ParagraphReader): boolean => {
  const text = model.source.slice(paragraph.start, paragraph.end).trim();
  // The patterns anchored at the end are tried on the end: tried from every character, they took a tenth of a keystroke's check.
  const tail = text.slice(-TAIL_LENGTH);
  const last = text.charCodeAt(text.length - 1);
  const endsInDigit = last >= 0x30 && last <= 0x39;
  return !!analysis.heading || PAGE_NUMBER_LINE.test(text)
    || (endsInDigit && (TRAILING_DATE.test(tail) || NUMBERED_REFERENCE.test(text) || LINE_NUMBERS.test(text)))
    || (last === CLOSE_PARENTHESIS && TRAILING_PAGE_REFERENCE.test(tail)) || ((text.includes('\t') || text.startsWith('|')) && TABLE_ROW.test(text));
});

/** Short paragraphs that recur (digits aside) three times or more: running heads, page furniture. */
function* repeatedShortParagraphs(results: DerivedResults, model: TranscriptModel): Steps<Set<number>> {
  const byKey = new Map<string, number[]>();
  const { paragraphs } = model;
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % STEP_ITEMS === 0) yield;
    const p = paragraphs[i];
    if (p.kind !== 'text' || p.label || p.end - p.start > 160) continue;
    const key = results.get(FURNITURE_KEY, p.analysis, { model, paragraph: p });
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const furniture = new Set<number>();
  for (const list of byKey.values()) if (list.length >= FURNITURE_REPEATS) for (const i of list) furniture.add(i);
  // A running head may carry the speaker's name on a line of its own: `Volker Kauder`.
  for (const i of [...furniture]) {
    for (const j of [i - 1, i + 1]) {
      const p = model.paragraphs[j];
      const text = p?.kind === 'text' && !p.label ? model.source.slice(p.start, p.end).trim() : '';
      if (/^\p{Lu}[^!?,;:]{0,40}[^.!?,;:]$/u.test(text) && text.split(/\s+/).length <= 4) furniture.add(j);
    }
  }
  return furniture;
}

interface Suppressions {
  file(code: string): boolean;
  paragraph(index: number, code: string): boolean;
}

/**
 * `<!-- transcript-ignore-file [codes] -->` anywhere silences codes in the file;
 * `<!-- transcript-ignore [codes] -->` the next paragraph, or the paragraph it stands in.
 * No code means every code.
 */
function suppressions(model: TranscriptModel): Suppressions {
  const fileCodes: string[][] = [];
  const byParagraph = new Map<number, string[][]>();
  const directives = model.comments.filter((c) => c.directive);
  if (directives.length) {
    let p = 0;
    for (const comment of directives) {
      const { scope, codes } = comment.directive!;
      if (scope === 'file') {
        fileCodes.push([...codes]);
        continue;
      }
      while (p < model.paragraphs.length && model.paragraphs[p].end < comment.start) p++;
      let target = p;
      const inParagraph = target < model.paragraphs.length && model.paragraphs[target].start <= comment.start && model.paragraphs[target].kind !== 'comment';
      if (!inParagraph) {
        while (target < model.paragraphs.length && (model.paragraphs[target].kind === 'comment' || model.paragraphs[target].end <= comment.end)) target++;
      }
      const list = byParagraph.get(target) ?? [];
      list.push([...codes]);
      byParagraph.set(target, list);
    }
  }
  const covers = (lists: string[][] | undefined, code: string) => lists?.some((codes) => codes.length === 0 || codes.includes(code)) ?? false;
  return {
    file: (code) => covers(fileCodes, code),
    paragraph: (index, code) => covers(byParagraph.get(index), code),
  };
}

/** `diagnostics:` in the front matter: severity per code for this file. */
function frontMatterLevels(model: TranscriptModel, diagnostics: Diagnostic[]): Record<string, SeverityLevel> {
  const value = model.frontMatter?.data.diagnostics;
  if (value === undefined || value === null) return {};
  const fm = model.frontMatter!;
  const levels: Record<string, SeverityLevel> = {};
  const codes = new Set(allRules.map((r) => r.code));
  const problem = (message: string) => diagnostics.push({
    range: model.lines.range(fm.contentStart, fm.contentEnd), severity: DiagnosticSeverity.Error, code: rules.frontMatter.code, source: SOURCE, message,
  });
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('Front matter: `diagnostics` must map diagnostic codes to off, hint, information, warning or error.');
    return {};
  }
  for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
    if (!codes.has(code)) {
      problem(`Front matter: \`diagnostics.${code}\` is not a diagnostic code; the codes are ${[...codes].join(', ')}.`);
    } else if (typeof level !== 'string' || !LEVEL_NAMES.has(level)) {
      problem(`Front matter: \`diagnostics.${code}\` must be off, hint, information, warning or error.`);
    } else {
      levels[code] = level as SeverityLevel;
    }
  }
  return levels;
}
