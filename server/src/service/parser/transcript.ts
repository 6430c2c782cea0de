import type { Comment, FrontMatter, DeclaredSpeaker, Label, Paragraph, Question, Section, Speaker, TranscriptModel, Turn, TurnPlace, TurnRole } from '../model';
import { spanAt } from '../text/spans';
import type { LabelStats } from './labelStats';
import { participantSpeakers } from './chat';
import { countExchanges, everyoneAsks, exchangeAskers, isExchange } from './exchanges';
import { affiliation, inCapitals, ocrLetters } from './labels';
import { isPresidingOffice, normaliseName } from './markers';
import { initialsFit, isBareSurname, isFullName, nameParts, surname, type NameParts } from './speakerNames';
import { ParagraphNode } from './paragraphNode';
import type { ParagraphAnalysis } from './paragraphs';
import type { ParagraphTable } from './paragraphTable';
import { finish, STEP_ITEMS, type Steps } from '../steps';

/** What needs every paragraph: put together when a feature first asks. */
type Structure = Pick<TranscriptModel, 'sections' | 'turns' | 'questions' | 'speakers' | 'comments'>;

/** What the parser found, before the document-wide reading of turns and speakers. */
export type TranscriptParts = Omit<TranscriptModel, keyof Structure | 'paragraphs' | 'paragraphAt' | 'paragraphCount' | 'paragraphByIndex' | 'structureSteps' | 'paragraphSteps'> & {
  readonly table: ParagraphTable;
  readonly labels: LabelStats;
  /** The label context the paragraphs were analysed in: analyses are reusable only within it. */
  readonly contextKey: string;
  /** How many lines, from the first, the court-layout decision read: an edit among them decides it again. */
  readonly layoutLinesRead: number;
};

// Merged with the class below: every part is a field of its own, set in the constructor.
export interface Transcript extends TranscriptParts {}

/**
 * The model of one version. Paragraphs are read when parsed; turns, questions, speakers and
 * sections, which need every paragraph, are put together when a feature first asks for them.
 * A keystroke followed by a hover in the paragraph being typed reads that paragraph alone.
 */
export class Transcript implements TranscriptModel {
  private assembled?: Structure;
  /** The assembly under way in steps (`structureSteps`), which a feature asking meanwhile finishes. */
  private assembling?: Steps<Structure>;
  /** Every paragraph as a node, made when first asked for: a keystroke's outline and hover do without. */
  private nodes?: readonly ParagraphNode[];
  /** The previous version's structure, when this version's can be had from it by moving positions. */
  private predecessor?: { readonly structure: Structure; readonly edit: ShapeKeepingEdit };

  /**
   * With `sameShape`: the edit (`parts.edit`) replaced the previous version's paragraphs by as many
   * of the same kinds, labels and headings (text typed inside a paragraph), adding `lineDelta`
   * lines, so this version's turns, speakers and questions are the previous ones with positions moved.
   * With `relabels`, the edited labels name other speakers in the same places (a name being typed):
   * the turns are the same, their speakers are resolved again.
   */
  constructor(parts: TranscriptParts, sameShape?: { readonly previous: Transcript; readonly lineDelta: number; readonly relabels: boolean }) {
    Object.assign(this, parts);
    const structure = sameShape?.previous.assembled;
    if (structure && parts.edit) {
      this.predecessor = { structure, edit: { from: parts.edit.from, to: parts.edit.to, lineDelta: sameShape.lineDelta, relabels: sameShape.relabels } };
    }
  }

  get paragraphs(): readonly Paragraph[] {
    return this.nodes ?? finish(this.nodeSteps());
  }

  *paragraphSteps(): Steps<readonly Paragraph[]> {
    return this.nodes ?? (yield* this.nodeSteps());
  }

  /** Every paragraph's node, made in steps; the first array made is kept, so that a node read twice is one object. */
  private *nodeSteps(): Steps<readonly ParagraphNode[]> {
    const nodes: ParagraphNode[] = [];
    for (let i = 0; i < this.table.length && !this.nodes; i++) {
      if (i % STEP_ITEMS === 0) yield;
      nodes.push(this.node(i));
    }
    return (this.nodes ??= nodes);
  }

  get sections(): readonly Section[] {
    return this.structure().sections;
  }

  get turns(): readonly Turn[] {
    return this.structure().turns;
  }

  get questions(): readonly Question[] {
    return this.structure().questions;
  }

  get speakers(): ReadonlyMap<string, Speaker> {
    return this.structure().speakers;
  }

  get comments(): readonly Comment[] {
    return this.structure().comments;
  }

  paragraphAt(offset: number): Paragraph | undefined {
    if (this.nodes) return spanAt(this.nodes, offset);
    const index = this.table.indexAt(offset);
    return index < 0 ? undefined : this.node(index);
  }

  get paragraphCount(): number {
    return this.table.length;
  }

  paragraphByIndex(index: number): Paragraph {
    return this.nodes ? this.nodes[index] : this.node(index);
  }

  private node(index: number): ParagraphNode {
    const { table } = this;
    const analysis = table.analyses[index];
    const { labels } = this;
    return new ParagraphNode(
      table.starts[index], table.ends[index], table.firstLines[index], table.lastLines[index], analysis, labels.accepts(analysis), labels.repeats(analysis),
    );
  }

  *structureSteps(): Steps<void> {
    while (!this.assembled) {
      this.assembling ??= this.assembly();
      const step = this.assembling.next();
      if (step.done) {
        this.assembled = step.value;
        this.assembling = undefined;
        this.predecessor = undefined;
      } else {
        yield;
      }
    }
  }

  private structure(): Structure {
    if (!this.assembled) finish(this.structureSteps());
    return this.assembled!;
  }

  private *assembly(): Steps<Structure> {
    const declared = this.frontMatter?.speakers ?? (this.chat ? participantSpeakers(this.chat) : []);
    if (this.predecessor?.edit.relabels) {
      return yield* relabelledSteps(this.predecessor.structure, this.table, (i) => this.node(i), this.predecessor.edit, declared, this.questioners(), this.courtLayout);
    }
    if (this.predecessor) {
      return yield* movedSteps(this.predecessor.structure, this.table, (i) => this.node(i), this.predecessor.edit, this.questioners(), this.courtLayout);
    }
    return yield* assembleSteps(yield* this.nodeSteps(), this.table.analyses, declared, this.questioners(), this.courtLayout);
  }

  /** CHAT marks a question by its terminator (`?`, `+..?`), whoever asks it. */
  private questioners(): Questioners {
    return declaredQuestioners(this.frontMatter) ?? (this.chat ? 'everyone' : 'inferred');
  }
}

/** An edit that replaced paragraphs [from, to) by as many of the same shape, adding `lineDelta` lines; `relabels`: with other speakers' labels. */
export interface ShapeKeepingEdit {
  readonly from: number;
  readonly to: number;
  readonly lineDelta: number;
  readonly relabels: boolean;
}

/**
 * The structure of a version made by a shape-keeping edit of `previous`'s (see the Transcript
 * constructor): speakers and questions hold no positions and are kept; turns that end before the
 * edit are kept as they are; the rest take their positions from the table. Turns after the edit,
 * when it added no line, are where they were.
 */
function* movedSteps(
  previous: Structure, table: ParagraphTable, node: (index: number) => ParagraphNode, edit: ShapeKeepingEdit, questioners: Questioners, courtLayout: boolean,
): Steps<Structure> {
  const { starts, ends, analyses } = table;
  // Who asks is inferred from the turns' lengths, which the edit changed: the roles are read again.
  const { roles, numbers } = yield* assignRoles(previous.turns as readonly MutableTurn[], analyses, questioners, courtLayout);
  let rolesKept = true;
  const turns: MutableTurn[] = [];
  for (const [i, turn] of (previous.turns as readonly MutableTurn[]).entries()) {
    if (i % STEP_ITEMS === 0) yield;
    turns.push(movedTurn(turn, i));
  }
  function movedTurn(turn: MutableTurn, i: number): MutableTurn {
    const first = turn.paragraphs[0];
    const last = turn.paragraphs[turn.paragraphs.length - 1];
    const same = turn.role === roles[i] && roleNumber(turn) === numbers[i];
    rolesKept &&= same;
    // A turn before the edit, in the same role, is the same turn: what features made of it holds.
    if (last < edit.from && same) return turn;
    // A label before the edit is where it was; one after it has moved with its paragraph, whose text is the same.
    const label = first < edit.from ? turn.label : first < edit.to ? node(first).label : movedLabel(turn.label, starts[first] - turn.start);
    const next = withRole(turnAt(turn, starts[first], ends[last], label, turn.speakerId), roles[i], numbers[i]);
    // A turn the edit moved to other lines, or left in another role, stands in a new place.
    if (first < edit.to || edit.lineDelta !== 0 || !same) next.place = {};
    return next;
  }
  const { sections, comments } = yield* movedSectionsAndComments(previous, table);
  return {
    sections,
    // The questions follow from the roles and the labels, which a shape-keeping edit keeps.
    turns, questions: rolesKept ? previous.questions : questionsOf(turns, roles, numbers), speakers: previous.speakers, comments,
  };
}

/**
 * The structure of a version whose edit kept every paragraph's kind, label kind and heading but
 * changed what labels say (a name typed in a label): the same turns, whose speakers are resolved
 * again and whose roles are read again. A turn keeps its place where its speaker, role and lines are as they were.
 */
function* relabelledSteps(
  previous: Structure, table: ParagraphTable, node: (index: number) => ParagraphNode, edit: ShapeKeepingEdit,
  declared: readonly DeclaredSpeaker[], questioners: Questioners, courtLayout: boolean,
): Steps<Structure> {
  const { starts, ends, analyses } = table;
  const turns: MutableTurn[] = [];
  // The turn before's own key, before speakers are resolved: an unlabelled turn with a speaker took it from there.
  let before: string | undefined;
  for (const [i, turn] of (previous.turns as readonly MutableTurn[]).entries()) {
    if (i % STEP_ITEMS === 0) yield;
    const first = turn.paragraphs[0];
    // The edit changed no other paragraph's label (see updateTranscript): one after it is the same label, moved.
    const label = first < edit.from ? turn.label : first < edit.to ? node(first).label : movedLabel(turn.label, starts[first] - turn.start);
    const speakerId = label ? (label.kind === 'speaker' ? label.key : undefined) : turn.speakerId !== undefined ? before : undefined;
    before = speakerId;
    turns.push(turnAt(turn, starts[first], ends[turn.paragraphs[turn.paragraphs.length - 1]], label, speakerId));
  }
  const speakers = resolveSpeakers(turns, declared);
  yield;
  const { roles, numbers } = yield* assignRoles(turns, analyses, questioners, courtLayout);
  for (const [i, turn] of turns.entries()) {
    const was = previous.turns[i];
    withRole(turn, roles[i], numbers[i]);
    const moved = turn.paragraphs[0] < edit.to && turn.paragraphs[turn.paragraphs.length - 1] >= edit.from;
    if (moved || edit.lineDelta !== 0 || was.speakerId !== turn.speakerId || was.role !== turn.role || roleNumber(was) !== roleNumber(turn)) turn.place = {};
  }
  const { sections, comments } = yield* movedSectionsAndComments(previous, table);
  return { sections, turns, questions: questionsOf(turns, roles, numbers), speakers, comments };
}

/** The sections and comments of a version whose edit kept the headings: the previous sections where the table puts them, the comments read again. */
function* movedSectionsAndComments(previous: Structure, table: ParagraphTable): Steps<Pick<Structure, 'sections' | 'comments'>> {
  const { starts, ends, analyses } = table;
  const headings = previous.sections.map((s) => ({ ...s, start: starts[s.headingParagraph], end: ends[s.headingParagraph] }));
  const comments: Comment[] = [];
  for (let i = 0; i < analyses.length; i++) {
    for (const c of analyses[i].inline.comments) comments.push(comment(starts[i] + c.start, starts[i] + c.end, c.text));
    if (i % STEP_ITEMS === 0) yield;
  }
  return { sections: closeSections(headings, (i) => ends[i], analyses.length), comments };
}

/**
 * A turn of the previous version at other positions, or with another label. Written out field by
 * field, in the order assembly writes them: a spread made each turn an object of another shape,
 * and the moved structure of a long transcript cost most of a keystroke's outline.
 */
function turnAt(turn: MutableTurn, start: number, end: number, label: Label | undefined, speakerId: string | undefined): MutableTurn {
  return {
    index: turn.index, role: turn.role, speakerId, label, paragraphs: turn.paragraphs, start, end,
    section: turn.section, place: turn.place, segment: turn.segment, questionNumber: turn.questionNumber, answers: turn.answers,
  };
}

/** The label of a paragraph whose text is the same, `delta` characters further on. */
function movedLabel(label: Label | undefined, delta: number): Label | undefined {
  if (!label || delta === 0) return label;
  return {
    kind: label.kind, name: label.name, key: label.key, start: label.start + delta, end: label.end + delta,
    nameStart: label.nameStart + delta, nameEnd: label.nameEnd + delta, qualifiers: label.qualifiers, alone: label.alone, forced: label.forced,
  };
}

/** The number that goes with a turn's role: its question's for a question or an answer. */
function roleNumber(turn: Turn): number | undefined {
  return turn.role === 'question' ? turn.questionNumber : turn.role === 'answer' ? turn.answers : undefined;
}

function withRole(turn: MutableTurn, role: TurnRole, number: number | undefined): MutableTurn {
  turn.role = role;
  turn.questionNumber = role === 'question' ? number : undefined;
  turn.answers = role === 'answer' ? number : undefined;
  return turn;
}

function* assembleSteps(
  paragraphs: readonly ParagraphNode[], analyses: readonly ParagraphAnalysis[], declaredSpeakers: readonly DeclaredSpeaker[],
  questioners: Questioners, courtLayout: boolean,
): Steps<Structure> {
  const sections: Section[] = [];
  const turns: MutableTurn[] = [];
  const comments: Comment[] = [];
  let current: MutableTurn | undefined;
  let section: number | undefined;
  let lastSpeakerId: string | undefined;
  // Text after a heading goes on in the voice of the turn the heading split; after a separator
  // or at the start, unlabelled text is nobody's in particular (an opening, a narration).
  let inheritSpeaker = false;
  // Headings and separators divide the text into segments; a question's answers stay in its own.
  let segment = 0;
  // Where a separator stands between most turns (`---` before every speaker), it only ends a turn.
  const separatorsDivide = !separatesTurns(paragraphs);
  // The last paragraph was a question in emphasis to its end: the next unlabelled one is its answer.
  let afterWholeQuestion = false;

  for (let index = 0; index < paragraphs.length; index++) {
    if (index % STEP_ITEMS === 0) yield;
    const paragraph = paragraphs[index];
    const analysis = paragraph.analysis;
    for (const c of analysis.inline.comments) comments.push(comment(paragraph.start + c.start, paragraph.start + c.end, c.text));
    const kind = paragraph.kind;
    if (kind === 'header' || kind === 'comment') continue;
    if (kind === 'heading') {
      current = undefined;
      section = sections.length;
      segment++;
      sections.push({ start: paragraph.start, end: paragraph.end, level: analysis.heading!.level, title: analysis.heading!.text, headingParagraph: index });
      inheritSpeaker = true;
      afterWholeQuestion = false;
      continue;
    }
    if (kind === 'separator') {
      current = undefined;
      inheritSpeaker = false;
      afterWholeQuestion = false;
      if (separatorsDivide) segment++;
      continue;
    }
    const label = paragraph.label;
    // After a question set in emphasis to its end (`**Q: Why?**`), unlabelled words are its answer.
    const answersWhole = !label && afterWholeQuestion;
    afterWholeQuestion = label !== undefined && analysis.label?.whole === true;
    if (label || !current || answersWhole) {
      const speakerId = label ? (label.kind === 'speaker' ? label.key : undefined) : inheritSpeaker && !answersWhole ? lastSpeakerId : undefined;
      current = {
        index: turns.length, role: 'statement', speakerId, label, paragraphs: [], start: paragraph.start, end: paragraph.end,
        section, place: {}, segment, questionNumber: undefined, answers: undefined,
      };
      turns.push(current);
      lastSpeakerId = speakerId;
    }
    current.paragraphs.push(index);
    current.end = paragraph.end;
  }

  const speakers = resolveSpeakers(turns, declaredSpeakers);
  yield;
  const { roles, numbers } = yield* assignRoles(turns, analyses, questioners, courtLayout);
  yield;
  turns.forEach((turn, i) => withRole(turn, roles[i], numbers[i]));
  const questions = questionsOf(turns, roles, numbers);
  return { sections: closeSections(sections, (i) => paragraphs[i].end, paragraphs.length), turns, questions, speakers, comments };
}

interface MutableTurn {
  index: number;
  role: TurnRole;
  speakerId?: string;
  label?: Label;
  paragraphs: number[];
  start: number;
  end: number;
  section?: number;
  place: TurnPlace;
  segment: number;
  questionNumber?: number;
  answers?: number;
}

/**
 * Names in capitals that OCR wrote otherwise (`MRHAWKE` for `MR HAWKE`, `M4AUMILL`): labels of the
 * same letters (ocrLetters) are one speaker, named by the one with the most turns. Each other key → that key.
 */
function ocrMisreadings(turns: readonly MutableTurn[], names: ReadonlyMap<string, string>): Map<string, string> {
  const uses = new Map<string, number>();
  for (const turn of turns) if (turn.speakerId && turn.label) uses.set(turn.speakerId, (uses.get(turn.speakerId) ?? 0) + 1);
  const byLetters = new Map<string, string[]>();
  for (const [key, name] of names) {
    if (!inCapitals(name)) continue;
    const letters = ocrLetters(key);
    const list = byLetters.get(letters);
    if (list) list.push(key);
    else byLetters.set(letters, [key]);
  }
  const misread = new Map<string, string>();
  for (const keys of byLetters.values()) {
    if (keys.length < 2) continue;
    // The most used first, a tie to the first seen (`sort` is stable).
    const [target, ...others] = [...keys].sort((a, b) => uses.get(b)! - uses.get(a)!);
    for (const key of others) misread.set(key, target);
  }
  return misread;
}

/**
 * Groups labels that name the same person. A long first-mention label resolves to the shorter
 * one that ends it (`President of the Republic of Turkey Recep Tayyip Erdogan` → `Recep Tayyip
 * Erdogan`), a bare surname, with titles or initials or none (`Lavrov`, `Mr. Lavrov`, `S. Lavrov`),
 * to the one full name it fits, and declared aliases to the declared name (declared in the front
 * matter, or a CHAT file's participants). Spelling variants (`Sergei Lavrov`) stay apart: only a
 * hint says they are probably one. Rewrites each turn's speakerId to the group's key.
 */
function resolveSpeakers(turns: MutableTurn[], declaredSpeakers: readonly DeclaredSpeaker[]): Map<string, Speaker> {
  const names = new Map<string, string>(); // key → first spelling
  for (const turn of turns) if (turn.speakerId && turn.label && !names.has(turn.speakerId)) names.set(turn.speakerId, turn.label.name);

  const canonical = new Map<string, string>();
  const declared = new Map<string, { name: string; role?: string; aliases: string[] }>();
  for (const speaker of declaredSpeakers) {
    const key = normaliseName(speaker.name);
    declared.set(key, { name: speaker.name, role: speaker.role, aliases: [...speaker.aliases] });
    canonical.set(key, key);
    for (const alias of speaker.aliases) canonical.set(normaliseName(alias), key);
  }
  // Bare surnames (`Lavrov`, `Mr. Lavrov`, `S. Lavrov`) last: by then each full name has its group.
  const parts = new Map<string, NameParts>();
  for (const key of [...names.keys(), ...declared.keys()]) parts.set(key, nameParts(key));
  const bare = (key: string) => isBareSurname(parts.get(key)!);
  const misread = ocrMisreadings(turns, names);
  const keys = [...names.keys()].filter((key) => !canonical.has(key) && !misread.has(key)).sort((a, b) => Number(bare(a)) - Number(bare(b)) || a.length - b.length);
  const roles = new Map<string, string>();
  // A name resolves to the first of the canonical names, then of the labels, that is a run of its
  // last words. Looking its last words up (at most 23 runs) keeps this linear in the speakers; trying
  // every other speaker for every speaker was quadratic (a transcript of 20,000 names took minutes).
  const rank = new Map<string, number>();
  for (const value of canonical.values()) if (!rank.has(value)) rank.set(value, rank.size);
  const keyRank = new Map<string, number>();
  keys.forEach((key, i) => keyRank.set(key, i));
  const bySurname = new Map<string, string[]>();
  for (const other of [...keys, ...declared.keys()]) {
    const last = surname(parts.get(other)!);
    const list = bySurname.get(last);
    if (list) list.push(other);
    else bySurname.set(last, [other]);
  }
  const firstSeen = new Map<string, number>();
  for (const key of names.keys()) firstSeen.set(key, firstSeen.size);
  const unclaimed = new Map<string, string>(); // surname → the group of its bare forms that no full name claims
  for (const key of keys) {
    const words = key.split(' ');
    let target: string | undefined;
    let best: { candidate: string; words: number; rank: number } | undefined;
    for (let count = 1; count < words.length; count++) {
      const candidate = words.slice(-count).join(' ');
      if (count < 2 && !declared.has(candidate)) continue;
      const at = rank.get(candidate) ?? (keyRank.has(candidate) ? rank.size + keys.length + keyRank.get(candidate)! : undefined);
      if (at !== undefined && (!best || at < best.rank)) best = { candidate, words: count, rank: at };
    }
    if (best) {
      target = canonical.get(best.candidate) ?? best.candidate;
      const spelled = names.get(key)!;
      const role = spelled.split(/[\s\u00a0]+/).slice(0, words.length - best.words).join(' ').replace(/[,\s]+$/, '');
      if (role && !roles.has(target)) roles.set(target, role);
    }
    const own = parts.get(key)!;
    if (!target && isBareSurname(own)) {
      // The one full name it can stand for (`Mr. Lavrov`, `S. Lavrov` → `Sergey Lavrov`); with
      // two or more it stays apart (the probable-same-speaker hint names them).
      const family = surname(own);
      const sameSurname = bySurname.get(family) ?? [];
      const fits = (other: string) => isFullName(parts.get(other)!) && initialsFit(own.initials, parts.get(other)!);
      const owners = new Set(sameSurname.filter(fits).map((o) => canonical.get(o) ?? o));
      if (owners.size === 1) target = [...owners][0];
      else if (owners.size === 0) target = unclaimedGroup(family, key, own, sameSurname);
    }
    canonical.set(key, target ?? key);
    if (!rank.has(target ?? key)) rank.set(target ?? key, rank.size);
  }

  /**
   * Bare forms of a surname no full name has are one speaker (`Lavrov`, `Minister Lavrov`), named
   * by a declared form, else the first with a title or initials; initials that disagree (`S.
   * Lavrov`, `V. Lavrov`) keep those apart.
   */
  function unclaimedGroup(family: string, key: string, own: NameParts, sameSurname: readonly string[]): string | undefined {
    if (sameSurname.some((other) => isFullName(parts.get(other)!))) return undefined;
    const initials = new Set(sameSurname.map((other) => parts.get(other)!.initials.join(' ')).filter(Boolean));
    if (own.initials.length && initials.size > 1) return undefined;
    const fits = sameSurname.filter((other) => initials.size <= 1 || parts.get(other)!.initials.length === 0)
      .sort((a, b) => (firstSeen.get(a) ?? -1) - (firstSeen.get(b) ?? -1));
    const group = unclaimed.get(family) ?? fits.find((other) => declared.has(other))
      ?? fits.find((other) => parts.get(other)!.initials.length || parts.get(other)!.titled) ?? key;
    unclaimed.set(family, group);
    return group === key ? undefined : group;
  }

  for (const [key, target] of misread) canonical.set(key, canonical.get(target) ?? target);

  const speakers = new Map<string, { id: string; name: string; role?: string; aliases: Set<string>; declared: boolean; turns: number[] }>();
  const speakerFor = (id: string) => {
    let speaker = speakers.get(id);
    if (!speaker) {
      const d = declared.get(id);
      speaker = { id, name: d?.name ?? names.get(id) ?? id, role: d?.role ?? roles.get(id), aliases: new Set(d?.aliases ?? []), declared: !!d, turns: [] };
      speakers.set(id, speaker);
    }
    return speaker;
  };
  for (const id of declared.keys()) speakerFor(id);
  for (const turn of turns) {
    if (!turn.speakerId) continue;
    const id = canonical.get(turn.speakerId) ?? turn.speakerId;
    const speaker = speakerFor(id);
    if (turn.label) speaker.aliases.add(turn.label.name);
    turn.speakerId = id;
    speaker.turns.push(turn.index);
  }
  const result = new Map<string, Speaker>();
  for (const [id, s] of speakers) {
    const aliases = [...s.aliases].filter((alias) => alias !== s.name);
    const speaker = { id, name: s.name, aliases, declared: s.declared, turns: s.turns };
    result.set(id, s.role === undefined ? speaker : { id, name: s.name, role: s.role, aliases, declared: s.declared, turns: s.turns });
  }
  return result;
}

/** Who asks: the speaker keys of `questioners:` in the front matter, everyone, or whom the turns show. */
type Questioners = ReadonlySet<string> | 'everyone' | 'inferred';

/** `questioners:` of the front matter, as speaker keys. */
function declaredQuestioners(frontMatter: FrontMatter | undefined): ReadonlySet<string> | undefined {
  return frontMatter?.questioners && new Set(frontMatter.questioners.map(normaliseName));
}

/** A speaker asks in at least this share of their turns, or not at all. */
const QUESTIONING_SHARE = 0.2;
/** A speaker most of whose turns end in a question asks, however long the answers. */
const ASKING_SHARE = 0.5;
/** Questions marked this often (`Q`) are the document's way of marking them. */
const MARKED = 3;
/** An asker ends turns in a question this many times as often as those who answer them. */
const ASKER_OVER_ANSWERER = 3;
/** A turn that neither asks nor says more than this (`Yeah.`, `Order!`, `Thank you.`) tells nothing about whether its speaker asks. */
const BACKCHANNEL_LENGTH = 100;
/** The host asks at least this often, and twice as often as anyone else. */
const HOST_LEAST_ASKING = 3;
/** Turns whose last sentence opens as a question without a question mark: at least this many, and this many times as many as end in one. */
const LEAST_UNMARKED = 3;
const UNMARKED_OVER_MARKED = 2;
/** A turn longer than this is a speech, whatever it ends on: a question is put in fewer words. */
const MAX_QUESTION_LENGTH = 2500;

/** The chair's `Would you stay quiet?` keeps order; it does not ask. Each label key is read once. */
function presidingSpeakers(turns: readonly MutableTurn[]): Set<string> {
  const chairs = new Set<string>();
  const officeOf = new Map<string, boolean>();
  for (const turn of turns) {
    if (!turn.speakerId || turn.label?.kind !== 'speaker') continue;
    const key = turn.label.key;
    let office = officeOf.get(key);
    if (office === undefined) officeOf.set(key, (office = isPresidingOffice(key, turn.label.qualifiers)));
    if (office) chairs.add(turn.speakerId);
  }
  return chairs;
}

/**
 * Who asks, where no marker says so (a moderator, an interviewer, a justice, a journalist, a member
 * at question time): a speaker at least QUESTIONING_SHARE of whose turns end in a question, and
 * who asks in most turns, or three times as often as those who answer, or is answered at greater
 * length than they ask. An answerer's rhetorical question does not make an asker: few of an
 * answerer's turns end in one, and the turns after them are shorter. The share leaves out short
 * turns that do not ask (`Yeah.`, `Order!`: a host's backchannel, a member's interjection), unless
 * markers put the questions or `shortTurnsAside` is false. The host, who asks at least
 * HOST_LEAST_ASKING times and twice as often as anyone else (marked questions included), asks.
 * Where markers put the questions, the one who answers them (the Prime Minister after `JOURNALIST:`)
 * is questioned: their questions back (`Discourage officers?`) make no asker.
 */
function inferQuestioners(
  turns: readonly MutableTurn[], asking: readonly boolean[], lengths: readonly number[], shortTurnsAside: boolean, chairs: ReadonlySet<string>,
): Set<string> {
  const bySpeaker = new Map<string, {
    turns: number; substantial: number; asking: number; own: number; answered: number; answers: number; answerers: string[]; answersMarked: number;
  }>();
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i];
    if (!turn.speakerId || turn.label?.kind !== 'speaker') continue;
    let s = bySpeaker.get(turn.speakerId);
    if (!s) bySpeaker.set(turn.speakerId, (s = { turns: 0, substantial: 0, asking: 0, own: 0, answered: 0, answers: 0, answerers: [], answersMarked: 0 }));
    s.turns++;
    const before = turns[i - 1];
    if (before?.label?.kind === 'question' && before.segment === turn.segment) s.answersMarked++;
    if (asking[i] || lengths[i] >= BACKCHANNEL_LENGTH) s.substantial++;
    if (!asking[i]) continue;
    s.asking++;
    s.own += lengths[i];
    const answer = answeringTurn(turns, i, lengths, asking, chairs);
    if (answer >= 0) {
      s.answered += lengths[answer];
      s.answers++;
      if (turns[answer].speakerId) s.answerers.push(turns[answer].speakerId!);
    }
  }
  const share = (id: string) => {
    const s = bySpeaker.get(id);
    return s ? s.asking / s.turns : 0;
  };
  // Where markers put the questions (`Q`), a name asks only where it does so more than once: one
  // turn of a misspelt `MS. DALOTON:` or of the moderator ending in a question is no new asker.
  let marked = 0;
  for (const turn of turns) if (turn.label?.kind === 'question') marked++;
  const leastAsking = marked >= MARKED ? 2 : 1;
  // Where markers put the questions, the named speakers' short turns are the floor given (`Go ahead.`): they count.
  const setAside = shortTurnsAside && marked < MARKED;
  const askers = new Set<string>();
  // The host: who asks far more often than anyone else, marked questions included.
  let top: string | undefined;
  let topAsking = 0;
  let secondAsking = marked;
  for (const [id, s] of bySpeaker) {
    if (chairs.has(id)) continue;
    if (s.asking > topAsking) {
      secondAsking = Math.max(secondAsking, topAsking);
      top = id;
      topAsking = s.asking;
    } else secondAsking = Math.max(secondAsking, s.asking);
  }
  // Someone else speaks after most of the host's questions: a speaker whose questions run on into more of their own words is reading them out.
  const host = top === undefined ? undefined : bySpeaker.get(top)!;
  const asksMost = topAsking >= HOST_LEAST_ASKING && topAsking >= 2 * secondAsking;
  if (host && asksMost && topAsking >= QUESTIONING_SHARE * host.turns && 2 * host.answers >= topAsking) askers.add(top!);
  for (const [id, s] of bySpeaker) {
    // Short turns that do not ask (`Yes.`, `Order!`) do not lower the share; a speaker who asks often enough only
    // without them asks at least as often as a host (diarised fragments, `what I mean?`, are short turns too).
    const counted = setAside ? s.substantial : s.turns;
    const least = s.asking < QUESTIONING_SHARE * s.turns ? Math.max(HOST_LEAST_ASKING, leastAsking) : leastAsking;
    if (chairs.has(id) || s.asking < least || s.asking < QUESTIONING_SHARE * counted || s.answers === 0) continue;
    // The one who answers the marked questions (`JOURNALIST:` … `PRIME MINISTER:`) is questioned: a question back is no question.
    if (marked >= MARKED && s.answersMarked >= HOST_LEAST_ASKING && s.answersMarked >= s.asking) continue;
    const mostlyAsks = s.asking >= ASKING_SHARE * s.turns;
    // A justice asks in a fifth of her turns, counsel who answers her in hardly any.
    const answerersShare = s.answerers.reduce((sum, answerer) => sum + share(answerer), 0) / Math.max(1, s.answerers.length);
    const asksMoreThanAnswerers = s.asking >= 2 && share(id) >= ASKER_OVER_ANSWERER * answerersShare;
    if (mostlyAsks || asksMoreThanAnswerers || s.answered / s.answers > s.own / s.asking) askers.add(id);
  }
  // Where markers put the questions, they say who asks: a named speaker's question to the one questioned is no sign.
  if (marked < MARKED) addAnswerersQuestioners(turns, asking, lengths, bySpeaker, askers, chairs, share, setAside);
  return askers;
}

/** At most this many turns of the chair, or short ones of the asker, stand between a question and its answer. */
const MOST_TURNS_BETWEEN = 4;

/**
 * The turn that answers turn `i`: the next one, someone else's in the same segment, past the chair's
 * short turns that ask nothing (`Der Bundesminister hat das Wort.`, `Order!`) and, after one of those,
 * the asker's own (`Ich bin fertig.`); -1 where there is none. A chair's question back, or longer
 * words, answer: a chair who speaks to the matter (a committee's, a forum's) answers.
 */
function answeringTurn(
  turns: readonly MutableTurn[], i: number, lengths: readonly number[], asking: readonly boolean[], chairs: ReadonlySet<string>,
): number {
  const turn = turns[i];
  let passed = false;
  for (let j = i + 1; j < turns.length && j <= i + MOST_TURNS_BETWEEN && turns[j].segment === turn.segment; j++) {
    const id = turns[j].speakerId;
    const procedure = id !== undefined && chairs.has(id) && id !== turn.speakerId && lengths[j] < BACKCHANNEL_LENGTH && !asking[j];
    if (procedure) passed = true;
    else if (id === turn.speakerId && passed && lengths[j] < BACKCHANNEL_LENGTH) continue;
    else return id === turn.speakerId ? -1 : j;
  }
  return -1;
}

/**
 * Those who answer the askers' questions and hardly ask themselves (counsel before the bench, the
 * guest, the minister at a news conference) are put questions by others too: whoever puts most of
 * their questions to them, and answers the askers less often than that, asks, however seldom they
 * speak (a justice with one question, a caller, a journalist heard once).
 */
function addAnswerersQuestioners(
  turns: readonly MutableTurn[], asking: readonly boolean[], lengths: readonly number[],
  bySpeaker: ReadonlyMap<string, { turns: number; substantial: number; asking: number; answerers: string[] }>,
  askers: Set<string>, chairs: ReadonlySet<string>, share: (id: string) => number, setAside: boolean,
): void {
  // How often each speaker takes the turn after a question, marked or an asker's.
  const answered = new Map<string, number>();
  for (let i = 0; i + 1 < turns.length; i++) {
    const turn = turns[i];
    const asks = turn.label?.kind === 'question' || (turn.speakerId !== undefined && askers.has(turn.speakerId) && asking[i]);
    const answer = asks ? answeringTurn(turns, i, lengths, asking, chairs) : -1;
    const answerer = answer >= 0 ? turns[answer].speakerId : undefined;
    if (answerer !== undefined) answered.set(answerer, (answered.get(answerer) ?? 0) + 1);
  }
  const answerers = new Set<string>();
  for (const [id, count] of answered) if (count >= HOST_LEAST_ASKING && !askers.has(id) && !chairs.has(id) && share(id) < QUESTIONING_SHARE) answerers.add(id);
  if (answerers.size === 0) return;
  for (const [id, s] of bySpeaker) {
    if (askers.has(id) || chairs.has(id) || answerers.has(id)) continue;
    let put = 0;
    for (const answerer of s.answerers) if (answerers.has(answerer)) put++;
    const counted = setAside ? s.substantial : s.turns;
    if (put > 0 && 2 * put >= s.asking && (answered.get(id) ?? 0) < put && s.asking >= QUESTIONING_SHARE * counted) askers.add(id);
  }
}

/**
 * A turn asks when its label is a question marker, or when an asker's turn ends in a question
 * (`questioners:` names the askers, or they are inferred). A question is answered by the turns
 * after it until the next question, a heading or separator, or a turn in which an asker speaks
 * without asking.
 */
function* assignRoles(
  turns: readonly MutableTurn[], analyses: readonly ParagraphAnalysis[], questioners: Questioners, courtLayout: boolean,
): Steps<{ roles: TurnRole[]; numbers: (number | undefined)[] }> {
  // Read again at every keystroke: plain loops over the paragraphs, no closure per turn.
  const lengths = new Array<number>(turns.length);
  const asking = new Array<boolean>(turns.length);
  const prompting = new Array<boolean>(turns.length);
  const unmarked = new Array<boolean>(turns.length);
  let unmarkedCount = 0;
  let markedCount = 0;
  // The opening welcomes and introduces (`Friends, guests, … I would like to ask…`): only a question at its end asks.
  let opening = true;
  for (let i = 0; i < turns.length; i++) {
    if (i % STEP_ITEMS === 0) yield;
    let length = 0;
    let asks = false;
    let asksInWords = false;
    let prompts = false;
    let asksUnmarked = false;
    // A question the benches answer aloud (`Was he able to name any rate?` `Government members: No!`) is put to the chamber, rhetorically.
    let question = false;
    for (const p of turns[i].paragraphs) {
      const analysis = analyses[p];
      length += analysis.spoken;
      asks ||= question && !analysis.chorus;
      question = analysis.asks;
      asksInWords ||= analysis.asksInWords;
      prompts = analysis.prompts;
      asksUnmarked = analysis.asksUnmarked;
    }
    asks ||= question;
    lengths[i] = length;
    asking[i] = (asks || (asksInWords && !opening)) && length <= MAX_QUESTION_LENGTH;
    prompting[i] = prompts && length <= MAX_QUESTION_LENGTH;
    unmarked[i] = asksUnmarked && length <= MAX_QUESTION_LENGTH;
    if (unmarked[i]) unmarkedCount++;
    if (question) markedCount++;
    if (turns[i].speakerId !== undefined) opening = false;
  }
  // A transcript that drops its question marks (a machine's, minutes) puts more questions without one than with one:
  // there a turn whose last sentence opens as a question asks, where another speaker takes the next turn.
  if (unmarkedCount >= LEAST_UNMARKED && unmarkedCount >= UNMARKED_OVER_MARKED * markedCount) {
    for (let i = 0; i + 1 < turns.length; i++) {
      const next = turns[i + 1];
      if (unmarked[i] && next.segment === turns[i].segment && next.speakerId !== undefined && next.speakerId !== turns[i].speakerId) asking[i] = true;
    }
  }
  // A court reporter's transcript is read as before: the bench's brief turns (`Mr. Long.`, `Thank you, counsel.`) count there.
  const chairs = questioners === 'inferred' ? presidingSpeakers(turns) : new Set<string>();
  const inferred = questioners === 'inferred' ? inferQuestioners(turns, asking, lengths, !courtLayout, chairs) : questioners;
  const putting = asking.map((asks, i) => asks || prompting[i]);
  // Where markers or a court reporter's layout put the questions, they say who asks; elsewhere the exchanges tell too.
  const exchanges = questioners === 'inferred' && !courtLayout && !markedQuestions(turns) ? countExchanges(turns, putting, lengths) : undefined;
  const askers = exchanges && inferred !== 'everyone' ? new Set([...inferred, ...exchangeAskers(exchanges).filter((id) => !chairs.has(id))]) : inferred;
  // Where nobody holds the asking part (a meeting, a panel, co-hosts), each exchange says who asks.
  const conversation = exchanges !== undefined && everyoneAsks(exchanges, inferred === 'everyone' ? undefined : questioned(turns, putting, inferred));
  const roles: TurnRole[] = new Array(turns.length);
  const numbers: (number | undefined)[] = new Array(turns.length);
  let questions = 0;
  // The number of the question being answered, its segment and who asked it.
  let open: { number: number; segment: number; asker: string | undefined } | undefined;
  yield;
  for (const [i, turn] of turns.entries()) {
    if (i % STEP_ITEMS === 0) yield;
    roles[i] = 'statement';
    numbers[i] = undefined;
    if (open && turn.segment !== open.segment) open = undefined;
    const asker = turn.speakerId !== undefined && (askers === 'everyone' || askers.has(turn.speakerId));
    // An asker's prompt (`Tell us about…`) asks; whoever else says it does not become an asker by it.
    const asks = (asker && putting[i]) || (conversation && isExchange(turns, putting, lengths, i));
    if (turn.label?.kind === 'question' || asks) {
      open = { number: ++questions, segment: turn.segment, asker: turn.speakerId };
      roles[i] = 'question';
      numbers[i] = questions;
    } else if (askers === 'everyone' || conversation ? open && turn.speakerId === open.asker : asker) {
      // Where everyone may ask, only the asker's own words close their question.
      open = undefined;
    } else if (open) {
      roles[i] = 'answer';
      numbers[i] = open.number;
    }
  }
  return { roles, numbers };
}

/**
 * Those the inferred askers question, as addAnswerersQuestioners reads them: who takes the turn
 * after an asker's question HOST_LEAST_ASKING times or more, is no asker, and asks in less than
 * QUESTIONING_SHARE of their own turns (the Prime Minister on a talkback line, the guest of a host).
 */
function questioned(turns: readonly MutableTurn[], putting: readonly boolean[], askers: ReadonlySet<string>): Set<string> {
  const answered = new Map<string, number>();
  const spoken = new Map<string, { turns: number; asking: number }>();
  for (let i = 0; i < turns.length; i++) {
    const id = turns[i].speakerId;
    if (id === undefined) continue;
    const own = spoken.get(id) ?? { turns: 0, asking: 0 };
    own.turns++;
    if (putting[i]) own.asking++;
    spoken.set(id, own);
    const answerer = turns[i + 1]?.speakerId;
    if (!askers.has(id) || !putting[i] || answerer === undefined || answerer === id || askers.has(answerer)) continue;
    if (turns[i + 1].segment === turns[i].segment) answered.set(answerer, (answered.get(answerer) ?? 0) + 1);
  }
  const ids = new Set<string>();
  for (const [id, count] of answered) {
    const own = spoken.get(id)!;
    if (count >= HOST_LEAST_ASKING && own.asking < QUESTIONING_SHARE * own.turns) ids.add(id);
  }
  return ids;
}

/** Questions marked this often (`Q`) are the document's way of marking them: its askers are not read from exchanges. */
function markedQuestions(turns: readonly MutableTurn[]): boolean {
  let marked = 0;
  for (const turn of turns) if (turn.label?.kind === 'question' && ++marked >= MARKED) return true;
  return false;
}

/** Separators in at least this share of the places between labelled turns delimit turns, not parts. */
const TURN_SEPARATOR_SHARE = 0.5;

function separatesTurns(paragraphs: readonly ParagraphNode[]): boolean {
  let separators = 0;
  let labels = 0;
  for (const p of paragraphs) {
    const kind = p.kind;
    if (kind === 'separator') separators++;
    else if (kind === 'text' && p.label) labels++;
  }
  return separators >= 3 && separators >= TURN_SEPARATOR_SHARE * labels;
}

/** The questions the roles make, each with the turns that answer it and who asked, where the label says so. */
function questionsOf(turns: readonly MutableTurn[], roles: readonly TurnRole[], numbers: readonly (number | undefined)[]): Question[] {
  const questions: Question[] = [];
  turns.forEach((turn, i) => {
    if (roles[i] === 'question') {
      const questioner = turn.label && affiliation(turn.label.qualifiers);
      const question: Question = { number: numbers[i]!, turn: turn.index, answerTurns: [] };
      questions.push(questioner ? { ...question, questioner } : question);
    } else if (roles[i] === 'answer') {
      (questions[numbers[i]! - 1].answerTurns as number[]).push(turn.index);
    }
  });
  return questions;
}

/** A section runs from its heading to the next heading of the same or a higher level. */
function closeSections(sections: Section[], paragraphEnd: (index: number) => number, paragraphCount: number): Section[] {
  const documentEnd = paragraphCount ? paragraphEnd(paragraphCount - 1) : 0;
  return sections.map((s, i) => {
    let end = documentEnd;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level) {
        const before = sections[j].headingParagraph - 1;
        end = before >= 0 ? paragraphEnd(before) : s.end;
        break;
      }
    }
    return { ...s, end: Math.max(end, s.end) };
  });
}

const DIRECTIVE = /^transcript-ignore(-file)?(?:\s+(.*))?$/s;

function comment(start: number, end: number, text: string): Comment {
  const directive = DIRECTIVE.exec(text);
  if (!directive) return { start, end, text };
  const codes = (directive[2] ?? '').split(/[\s,]+/).filter(Boolean);
  return { start, end, text, directive: { scope: directive[1] ? 'file' : 'next', codes } };
}
