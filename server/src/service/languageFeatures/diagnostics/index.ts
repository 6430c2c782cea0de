import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Paragraph, TranscriptModel, Turn } from '../../model';
import { languageWords } from '../../text/languages';
import type { CancellationToken, SeverityLevel, ServiceSettings } from '../../types';
import { checkParagraph, paragraphInput, SALUTATION_WORDS, type ParagraphChecks } from './paragraphChecks';
import { allRules, rules, SOURCE, type Rule } from './rules';
import { closestName } from './similarity';
import { noSpeakersHint } from './noSpeakers';
import { probableSameSpeakers } from './speakerVariants';
import { detached } from '../../text/detached';
import { characterTable } from '../../text/characterTable';

export { rules, allRules, SOURCE };

export interface DiagnosticOptions {
  /** Where the user is typing: that paragraph's sentence is unfinished by nature, so not flagged. */
  readonly typingAt?: number;
}

/** What the misspelt-organisation rule asks of the glossary. */
export interface OrganisationSpelling {
  /** Changes whenever the glossary does. */
  readonly version: number;
  /** The known acronym an unknown all-caps word is one slip away from, with its full name. */
  suggest(word: string): { readonly acronym: string; readonly fullName: string } | undefined;
}

interface Misspelling {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly acronym: string;
  readonly fullName: string;
}

export const ALL_CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}{3,12}(?![\p{L}\p{N}_])/gu;

/** Shared by the paragraphs without a misspelling (most of them): one empty list, not fifty thousand. */
const NO_MISSPELLINGS: readonly Misspelling[] = Object.freeze([]);

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
/** An unknown all-caps word used this often is an acronym in its own right. */
const REAL_ACRONYM_REPEATS = 3;
/** Short paragraphs that recur this often are page furniture (running heads), not speech. */
const FURNITURE_REPEATS = 3;

export function provideDiagnostics(
  model: TranscriptModel, settings: ServiceSettings, spelling: OrganisationSpelling | undefined, options: DiagnosticOptions, token: CancellationToken,
): Diagnostic[] {
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
  const checks = prose ? model.paragraphs.map((p) => sentenceChecks(model, p, words)) : [];
  if (token.isCancellationRequested) return [];

  // A word written the same way three times is an acronym the glossary lacks, not a slip.
  const misspeltCounts = new Map<string, number>();
  if (spelling && prose) {
    for (const p of model.paragraphs) if (p.kind === 'text') for (const m of misspellings(model, p, spelling)) misspeltCounts.set(m.word, (misspeltCounts.get(m.word) ?? 0) + 1);
  }
  const furniture = repeatedShortParagraphs(model);
  for (const index of notTranscript(model)) furniture.add(index);
  const following = nextSpoken(model, paragraphTurns(model), furniture);
  const verbatim = readsAsVerbatim(model, checks, following);
  model.paragraphs.forEach((paragraph, index) => {
    const check = checks[index];
    if (!check || token.isCancellationRequested) return;
    const at = (offset: number) => paragraph.contentStart + offset;
    const { next, acrossFurniture } = following[index];
    const nextCheck = next === undefined ? undefined : checks[next];
    const typing = options.typingAt !== undefined && options.typingAt >= paragraph.start && options.typingAt <= paragraph.end + 1;

    if (paragraph.kind === 'text' && !typing && !furniture.has(index) && check.wordCount > 0) {
      const ending = check.ending;
      // A sentence goes on in the next paragraph, or over a page break (a running head between),
      // or into a quotation set apart (`In June, he claimed that Britain was` / `"leading the…"`).
      const continued = nextCheck?.continues === true || nextCheck?.opensWithQuote === true || (acrossFurniture && next !== undefined);
      // In speech written down as spoken, a turn ends where the next speaker cuts in, and a line
      // where the speaker paused: only a word no sentence ends on (`the`, `of`) still says that
      // words are missing there.
      const cannotEnd = ending.kind === 'cut' && words.cannotEnd.has(ending.lastWord.toLowerCase());
      if (ending.kind === 'cut' && !continued && !introduced(model, index, checks) && (!verbatim || cannotEnd)) {
        report(rules.incompleteSentence, at(ending.start), at(ending.end), cutMessage(ending.lastWord, ending.punctuated, cannotEnd), index);
      } else if (ending.kind === 'comma' && !continued && !isSalutation(check) && !verbatim) {
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

    if (spelling && paragraph.kind === 'text') {
      for (const m of misspellings(model, paragraph, spelling)) {
        if ((misspeltCounts.get(m.word) ?? 0) >= REAL_ACRONYM_REPEATS) continue;
        report(rules.misspeltOrganisation, paragraph.start + m.start, paragraph.start + m.end,
          `\`${m.word}\` is not a known organisation: did you mean \`${m.acronym}\` (${m.fullName})?`, index, { replacement: m.acronym });
      }
    }

    for (const repeat of check.repeats) {
      report(rules.repeatedSentence, at(repeat.start), at(repeat.end), `Repeated sentence: “${ellipsize(repeat.text)}” was just said.`, index, {
        remove: { start: at(repeat.removeFrom), end: at(repeat.end) },
      });
    }
  });

  for (const turn of model.turns) checkTurn(model, turn, checks, report);
  for (const probable of probableSameSpeakers(model)) {
    const earlier = probable.candidates.map((c) => `${c.speaker.name} (line ${c.line + 1})`);
    const names = earlier.length > 1 ? `${earlier.slice(0, -1).join(', ')} or ${earlier[earlier.length - 1]}` : earlier[0];
    report(rules.probableSameSpeaker, probable.label.nameStart, probable.label.nameEnd, `\`${probable.speaker.name}\` is probably the same speaker as ${names}.`, probable.paragraph, {
      alias: { name: probable.speaker.name, of: probable.candidates.map((c) => c.speaker.name) },
    });
  }
  const noSpeakers = noSpeakersHint(model);
  if (noSpeakers) report(rules.noSpeakers, noSpeakers.start, noSpeakers.end, noSpeakers.message, noSpeakers.paragraph);
  for (const question of model.questions) {
    if (question.answerTurns.length > 0) continue;
    const turn = model.turns[question.turn];
    // A named asker's next turn asking again goes on with the same question (a follow-up, an interruption).
    const next = model.turns[question.turn + 1];
    if (turn.speakerId !== undefined && next?.role === 'question' && next.speakerId === turn.speakerId) continue;
    const label = turn.label!;
    report(rules.unansweredQuestion, label.nameStart, label.nameEnd, `Question ${question.number} has no answer: the next turn is another question, or the transcript ends.`, turn.paragraphs[0]);
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Turn ends unpunctuated this often, and at least this many: speech transcribed as spoken (speech-to-text, a verbatim record). */
const VERBATIM_SHARE = 0.1;
const VERBATIM_LEAST = 3;

/**
 * Whether the transcript writes speech as it was spoken, so that turns end where the next speaker
 * cuts in: many of its turns end without a full stop. An edited transcript (a briefing, a
 * record) ends nearly all its turns with one, and a turn cut off there is a fault of the text.
 */
function readsAsVerbatim(model: TranscriptModel, checks: readonly (ParagraphChecks | undefined)[], following: readonly { next?: number }[]): boolean {
  let ends = 0;
  let open = 0;
  model.paragraphs.forEach((paragraph, index) => {
    const check = checks[index];
    if (!check || paragraph.kind !== 'text' || check.wordCount === 0 || following[index].next !== undefined) return;
    ends++;
    if (check.ending.kind === 'cut' || check.ending.kind === 'comma') open++;
  });
  return open >= VERBATIM_LEAST && open >= VERBATIM_SHARE * ends;
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

/** All-caps words one slip from a known acronym (`OCSE`), in a paragraph that is not all capitals. */
/**
 * Checks paragraphs from `from` on, as `provideDiagnostics` would, until `deadline` (a
 * `performance.now()` time) has passed, and keeps the results with each paragraph. Returns where
 * it stopped: the paragraph count once every paragraph is checked. Lets a caller check a long
 * document in slices, answering requests in between.
 */
export function prepareParagraphChecks(model: TranscriptModel, spelling: OrganisationSpelling | undefined, from: number, deadline: number): number {
  const { paragraphs } = model;
  if (!readsAsProse(model)) return paragraphs.length;
  const words = languageWords(model.language);
  let index = from;
  for (; index < paragraphs.length && (index % 64 !== 0 || performance.now() < deadline); index++) {
    const paragraph = paragraphs[index];
    sentenceChecks(model, paragraph, words);
    if (spelling && paragraph.kind === 'text') misspellings(model, paragraph, spelling);
  }
  return index;
}

/**
 * Whether the paragraphs are prose that the sentence checks read. A CHAT file's tiers are not:
 * `(.)` is a pause, `<I want> [/]` a retracing, ` ?` a terminator, `xxx` an unintelligible word.
 */
function readsAsProse(model: TranscriptModel): boolean {
  return !model.chat;
}

/** The paragraph's sentence checks, kept with its analysis: an unchanged paragraph is checked once. */
function sentenceChecks(model: TranscriptModel, p: Paragraph, words: ReturnType<typeof languageWords>): ParagraphChecks | undefined {
  if (p.kind !== 'text' && p.kind !== 'stage') return undefined;
  const memo = p.analysis.memo;
  const offset = p.contentStart - p.start;
  const kept = memo.sentenceChecks;
  if (kept && kept.language === model.language && kept.offset === offset) return kept.value as ParagraphChecks;
  const input = paragraphInput(model, p);
  const value = checkParagraph(input.content, input.annotations, words);
  memo.sentenceChecks = { language: model.language, offset, value };
  return value;
}

function misspellings(model: TranscriptModel, paragraph: Paragraph, spelling: OrganisationSpelling): readonly Misspelling[] {
  const memo = paragraph.analysis.memo;
  const offset = paragraph.contentStart - paragraph.start;
  if (memo.misspellings?.version === spelling.version && memo.misspellings.offset === offset) return memo.misspellings.value as Misspelling[];
  const value: Misspelling[] = [];
  const text = model.source.slice(paragraph.start, paragraph.end);
  // Three capitals in a row (Latin or Cyrillic), in a paragraph that is not all capitals.
  if (/[A-Z\u0410-\u042f\u0401]{3}/.test(text) && /\p{Ll}/u.test(text)) {
    const urls = paragraph.analysis.inline.urls;
    // Words and URLs both come in order: walk the URLs along, not all of them per word.
    let url = 0;
    for (const m of allCapsWords(text)) {
      while (url < urls.length && urls[url].end <= m.index) url++;
      if (m.index < offset || (url < urls.length && m.index >= urls[url].start)) continue;
      const suggestion = spelling.suggest(m.word);
      if (suggestion) value.push({ start: m.index, end: m.index + m.word.length, word: m.word, ...suggestion });
    }
  }
  memo.misspellings = { version: spelling.version, offset, value: value.length ? value : NO_MISSPELLINGS };
  return value;
}

/**
 * The words ALL_CAPS_WORD matches: a whole word (letters, digits, `_`) of 3 to 12 capitals. Read
 * through a table of character classes, which covers almost every paragraph; the regular
 * expression reads the others.
 */
export function allCapsWords(text: string): { index: number; word: string }[] {
  const classes = capitalClasses();
  const found: { index: number; word: string }[] = [];
  let start = -1;
  let allCapitals = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= classes.length) return [...text.matchAll(ALL_CAPS_WORD)].map((m) => ({ index: m.index, word: m[0] }));
    const kind = classes[c];
    if (kind !== NOT_WORD) {
      if (start < 0) {
        start = i;
        allCapitals = true;
      }
      if (kind !== CAPITAL) allCapitals = false;
    } else if (start >= 0) {
      if (allCapitals && i - start >= 3 && i - start <= 12) found.push({ index: start, word: text.slice(start, i) });
      start = -1;
    }
  }
  return found;
}

const NOT_WORD = 0;
const CAPITAL = 1;
const OTHER_WORD_CHARACTER = 2;
const capitalClasses = characterTable((char) => (/\p{Lu}/u.test(char) ? CAPITAL : /[\p{L}\p{N}_]/u.test(char) ? OTHER_WORD_CHARACTER : NOT_WORD));

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
function nextSpoken(model: TranscriptModel, turnOf: readonly (number | undefined)[], furniture: ReadonlySet<number>): { next?: number; acrossFurniture: boolean }[] {
  const { paragraphs } = model;
  const result: { next?: number; acrossFurniture: boolean }[] = new Array(paragraphs.length);
  // The first paragraph after the current one that is not skipped, and whether furniture comes before it.
  let candidate: number | undefined;
  let furnitureBefore = false;
  for (let index = paragraphs.length - 1; index >= 0; index--) {
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

/** What follows a paragraph ending in a colon is introduced by it: an agenda item, a list, a title. */
function introduced(model: TranscriptModel, index: number, checks: readonly (ParagraphChecks | undefined)[]): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const p = model.paragraphs[i];
    if (p.kind === 'stage' || p.kind === 'comment') continue;
    return p.kind === 'text' && checks[i] !== undefined && /:[\s\u00a0]*$/.test(model.source.slice(p.contentStart, p.end));
  }
  return false;
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

/** Short paragraphs that recur (digits aside) three times or more: running heads, page furniture. */
function repeatedShortParagraphs(model: TranscriptModel): Set<number> {
  const byKey = new Map<string, number[]>();
  model.paragraphs.forEach((p, i) => {
    if (p.kind !== 'text' || p.label || p.end - p.start > 160) return;
    const key = (p.analysis.memo.furnitureKey ??= detached(model.source.slice(p.start, p.end).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()));
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
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
    if (!codes.has(code)) problem(`Front matter: \`diagnostics.${code}\` is not a diagnostic code; the codes are ${[...codes].join(', ')}.`);
    else if (typeof level !== 'string' || !LEVEL_NAMES.has(level)) problem(`Front matter: \`diagnostics.${code}\` must be off, hint, information, warning or error.`);
    else levels[code] = level as SeverityLevel;
  }
  return levels;
}
