import type { Annotation, Label, Paragraph, ParagraphKind, TopicTag } from '../model';
import type { ParagraphAnalysis } from './paragraphs';

/**
 * A paragraph of one version of the document: where it is, and its analysis, which later versions
 * share while the paragraph's text stays the same. Absolute positions of its label, tags and
 * annotations are worked out when first asked for.
 */
export class ParagraphNode implements Paragraph {
  private absoluteLabel?: Label | null;
  private absoluteTags?: TopicTag[];
  private absoluteAnnotations?: Annotation[];

  constructor(
    readonly start: number,
    readonly end: number,
    readonly firstLine: number,
    readonly lastLine: number,
    readonly analysis: ParagraphAnalysis,
    /** False when the document does not bear out the label the text seems to have. */
    readonly labelAccepted: boolean,
    /** The line is repeated on its own elsewhere: a label or a running head, never a heading. */
    private readonly repeated = false,
  ) {}

  get kind(): ParagraphKind {
    // `Energy: Prices` is a heading where the document does not have `Energy` speak.
    return this.analysis.label?.headingLike && !this.labelAccepted && !this.repeated && this.analysis.heading ? 'heading' : this.analysis.kind;
  }

  get contentStart(): number {
    return this.start + (this.labelAccepted ? this.analysis.contentStart : 0);
  }

  get label(): Label | undefined {
    if (this.absoluteLabel === undefined) {
      const l = this.labelAccepted ? this.analysis.label : undefined;
      this.absoluteLabel = l ? {
        kind: l.kind, name: l.name, key: l.key, start: this.start + l.start, end: this.start + l.end,
        nameStart: this.start + l.nameStart, nameEnd: this.start + l.nameEnd, qualifiers: l.qualifiers, alone: l.alone, forced: l.forced,
      } : null;
    }
    return this.absoluteLabel ?? undefined;
  }

  get heading(): Paragraph['heading'] {
    const h = this.kind === 'heading' ? this.analysis.heading : undefined;
    return h && { level: h.level, text: h.text, textStart: this.start + h.textStart, ...(h.implicit ? { implicit: true } : {}) };
  }

  get tags(): readonly TopicTag[] {
    return (this.absoluteTags ??= this.analysis.inline.tags.map((t) => ({ name: t.name, start: this.start + t.start, end: this.start + t.end })));
  }

  get annotations(): readonly Annotation[] {
    return (this.absoluteAnnotations ??= this.analysis.inline.annotations.map((a) => ({ ...a, start: this.start + a.start, end: this.start + a.end })));
  }
}
