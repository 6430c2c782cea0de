import type { ParagraphAnalysis } from './parser/paragraphs';
import type { LineIndex } from './text/lineIndex';
import type { Steps } from './steps';

/**
 * The document model: what the parser makes of a transcript. Every language feature reads this
 * one model; none of them parses the text again. Offsets are UTF-16 code units into `text`.
 */
export interface TranscriptModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /**
   * The text as the parser reads it, of the same length: identical to `text`, except that in a
   * court transcript line numbers and page furniture are blanked with spaces, and in a CHAT file
   * dependent tiers and media bullets. Read words from it.
   */
  readonly source: string;
  readonly lines: LineIndex;
  /** ISO 639-1 code from the front matter, `en` when none is given. */
  readonly language: string;
  readonly frontMatter?: FrontMatter;
  readonly header?: Header;
  readonly paragraphs: readonly Paragraph[];
  readonly sections: readonly Section[];
  readonly turns: readonly Turn[];
  readonly questions: readonly Question[];
  readonly speakers: ReadonlyMap<string, Speaker>;
  readonly comments: readonly Comment[];
  /** The first line after the front matter, leading comments and header: where turns may start. */
  readonly bodyStartLine: number;
  /** Read in court layout (numbered lines); see docs/FORMAT.md. */
  readonly courtLayout: boolean;
  /** A CHAT (TalkBank) file: what its headers say; see docs/FORMAT.md. */
  readonly chat?: ChatHeaders;
  /** The paragraph that holds `offset`, its end included; reads that paragraph alone. */
  paragraphAt(offset: number): Paragraph | undefined;
  readonly paragraphCount: number;
  /** `paragraphs[index]`, read alone: what a pass over some paragraphs uses without assembling the document. */
  paragraphByIndex(index: number): Paragraph;
  /**
   * How this version was made from the one before, when an edit replaced that version's
   * paragraphs [from, to) by `inserted` paragraphs: what a document-wide value can be updated
   * from, instead of read again from every paragraph.
   */
  readonly edit?: ParagraphEdit;
  /**
   * Puts together the turns, questions, speakers, sections and comments in steps, for work run in
   * slices; reading any of them meanwhile finishes the assembly at once.
   */
  structureSteps(): Steps<void>;
  /** `paragraphs`, made in steps for work run in slices: a node per paragraph of a long transcript takes longer than a slice. */
  paragraphSteps(): Steps<readonly Paragraph[]>;
}

export interface ParagraphEdit {
  /** Held weakly: an edit must not keep the versions before it alive. */
  readonly previous: WeakRef<TranscriptModel>;
  readonly from: number;
  readonly to: number;
  readonly inserted: number;
  /**
   * The other paragraphs that read otherwise than before, by their index in this version: the
   * same text, whose label the document now bears out, or no longer (the edit added or removed
   * a use of that name). Every other paragraph reads as it did, moved by the edit.
   */
  readonly relabelled: readonly number[];
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface FrontMatter extends Span {
  /** The YAML between the fences. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Every key as written, known or not. */
  readonly data: Record<string, unknown>;
  readonly title?: string;
  readonly date?: string;
  readonly place?: string;
  readonly language?: string;
  readonly speakers: readonly DeclaredSpeaker[];
  readonly questionMarkers: readonly string[];
  /** Who asks the questions (`questioners:`), in place of the parser's inference. */
  readonly questioners?: readonly string[];
  readonly problems: readonly FrontMatterProblem[];
}

export interface DeclaredSpeaker {
  readonly name: string;
  readonly role?: string;
  readonly aliases: readonly string[];
}

/** The `@` headers of a CHAT file that the model uses. */
export interface ChatHeaders {
  /** `@Participants:`, in order. */
  readonly participants: readonly ChatParticipant[];
  /** `@Languages:`, as written: ISO 639-3 codes (`eng`, `fra`). */
  readonly languages: readonly string[];
}

/** `CHI Ross Target_Child`: a speaker code, then an optional name, then a role. */
export interface ChatParticipant {
  readonly code: string;
  readonly name?: string;
  readonly role?: string;
}

export interface FrontMatterProblem extends Span {
  readonly message: string;
}

export type HeaderLineKind = 'title' | 'date' | 'time' | 'place' | 'url';

export interface HeaderLine extends Span {
  readonly kind: HeaderLineKind;
  readonly text: string;
}

export interface Header extends Span {
  readonly lines: readonly HeaderLine[];
}

export type ParagraphKind =
  /** A line of the header at the top of a plain transcript, a court transcript's cover page, a CHAT `@` header. */
  | 'header'
  /** `# Heading`. */
  | 'heading'
  /** `* * *`, `***`, `---`. */
  | 'separator'
  /** `<!-- … -->` standing alone. */
  | 'comment'
  /** A stage direction standing alone: `(Laughter.)`, `(Applause.)`. */
  | 'stage'
  /** A clock time standing alone: `3:24 P.M. EST`. */
  | 'time'
  | 'text';

export interface Paragraph extends Span {
  readonly kind: ParagraphKind;
  /**
   * What the paragraph's text says on its own, shared by every paragraph with the same text in
   * this and later versions: the key of what features derive from it (see derivedResults.ts).
   */
  readonly analysis: ParagraphAnalysis;
  readonly firstLine: number;
  readonly lastLine: number;
  /** Where the words start: after the label, if any. */
  readonly contentStart: number;
  readonly label?: Label;
  /** `implicit`: a line that reads as a heading (`Energy Prices`), not one marked with `#`. */
  readonly heading?: { readonly level: number; readonly text: string; readonly textStart: number; readonly implicit?: boolean };
  readonly tags: readonly TopicTag[];
  readonly annotations: readonly Annotation[];
}

export type LabelKind = 'speaker' | 'question' | 'answer' | 'remark';

export interface Label extends Span {
  readonly kind: LabelKind;
  /** The name as written, without qualifiers: `Mr. Churkin`, `Question`, `MS. PSAKI`. */
  readonly name: string;
  /** The name as compared: lower case, no dots (`ms psaki`). */
  readonly key: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Parenthesised or bracketed parts after the name: `Russian Federation`, `retranslated`. */
  readonly qualifiers: readonly string[];
  /** The label stands alone on its line; the words follow below it. */
  readonly alone: boolean;
  /** Written as `@Name:` to force a label the heuristic would not see, or a CHAT main tier's `*CHI:`. */
  readonly forced: boolean;
}

export type TurnRole = 'question' | 'answer' | 'statement';

export interface Turn extends Span {
  readonly index: number;
  readonly role: TurnRole;
  /** Key into `TranscriptModel.speakers`; undefined for an unlabelled opening or a bare marker. */
  readonly speakerId?: string;
  readonly label?: Label;
  /** Indices into `TranscriptModel.paragraphs`. */
  readonly paragraphs: readonly number[];
  /** The question's number (1-based) for a question turn. */
  readonly questionNumber?: number;
  /** For an answer, the number of the question it answers. */
  readonly answers?: number;
  /** Index into `TranscriptModel.sections`, if the turn is inside one. */
  readonly section?: number;
  /**
   * Shared by the turns of successive versions that repeat one another in the same place: the
   * same paragraphs, unedited, on the same lines at the same characters. What a feature made of
   * one of them (its outline symbol) holds for the others; a key for the derived-results layer.
   */
  readonly place: TurnPlace;
}

/** A turn's place, as a key: it holds nothing, so keeping it keeps no earlier version alive. */
export type TurnPlace = Readonly<Record<string, never>>;

export interface Question {
  readonly number: number;
  readonly turn: number;
  /** Indices of the turns that answer it. */
  readonly answerTurns: readonly number[];
  /** Who asked, when the label says so (`Question (Reuters):`). */
  readonly questioner?: string;
}

export interface Speaker {
  /** Normalised key: lower case, no dots. */
  readonly id: string;
  /** The shortest label used for this speaker, or the declared name. */
  readonly name: string;
  readonly role?: string;
  /** Every distinct way the transcript or front matter names this speaker. */
  readonly aliases: readonly string[];
  readonly declared: boolean;
  readonly turns: readonly number[];
}

export interface Section extends Span {
  readonly level: number;
  readonly title: string;
  readonly headingParagraph: number;
}

export interface TopicTag extends Span {
  /** Without the `#`, lower case. */
  readonly name: string;
}

export type AnnotationKind = 'timestamp' | 'truncation' | 'note' | 'stage';

export interface Annotation extends Span {
  readonly kind: AnnotationKind;
  /** The text inside the brackets. */
  readonly text: string;
  /** For a timestamp, the offset it names in seconds. */
  readonly seconds?: number;
}

export interface Comment extends Span {
  readonly text: string;
  /** `transcript-ignore …` and `transcript-ignore-file …` comments. */
  readonly directive?: { readonly scope: 'next' | 'file'; readonly codes: readonly string[] };
}
