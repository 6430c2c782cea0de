import type { FrontMatter } from '../model';
import { normaliseName } from './markers';
import type { ParagraphAnalysis } from './paragraphs';
import { inCapitals, isNickname, ocrLetters } from './labels';

/** Names alone on their lines this often make a style of labels. */
const NAME_LINE_STYLE = 6;
/**
 * Nicknames in lower case (`mk:`) this often, two of them at least twice, make the style of IRC
 * minutes, where a nickname is read at its first use; fewer are a list's `pros:` and `cons:`.
 */
const NICKNAME_STYLE = 6;

/**
 * What the document as a whole says about its labels, kept as counts so that an edit updates it
 * by what it removed and added: which labels the document bears out is then known without
 * reading every paragraph again.
 *
 * A one-word label (`Lavrov:`) counts when the document uses it at least twice, declares it, or
 * it ends a longer speaker's name. A transcript keeps one label style: where names stand alone
 * on their lines (the Bundestag), `Apropos Griechenland: Die …` at the start of a paragraph is
 * prose, not a speaker.
 */
export class LabelStats {
  private constructor(
    private readonly weakCounts: Map<string, number>,
    /** Last words of the labels that are not weak, and of the declared names. */
    private readonly lastWords: Map<string, number>,
    private readonly aloneKeys: Map<string, number>,
    /** Labels that are not heading-like (`Energy: Prices` is): who the document has speak. */
    private readonly speaking: Map<string, number>,
    /** Names standing alone on their lines, with no colon. */
    private readonly nameLines: Map<string, number>,
    /** The letters alone (ocrLetters) of the speaking labels in capitals: what an OCR'd label in capitals is compared with. */
    private readonly capitalsLetters: Map<string, number>,
    private alone: number,
    private inline: number,
    private nameLineTotal: number,
    private speakingTotal: number,
    private nicknameTotal: number,
    private repeatedNicknames: number,
    /** Answers marked as such (`A.`, `A`, `Answer:`): a Q/A transcript, where `Q I understand.` is a question's label. */
    private answerMarkers: number,
    private readonly declared: ReadonlySet<string>,
  ) {}

  static of(analyses: Iterable<ParagraphAnalysis>, frontMatter: FrontMatter | undefined): LabelStats {
    const declared = new Set<string>();
    const stats = new LabelStats(new Map(), new Map(), new Map(), new Map(), new Map(), new Map(), 0, 0, 0, 0, 0, 0, 0, declared);
    for (const speaker of frontMatter?.speakers ?? []) {
      for (const name of [speaker.name, ...speaker.aliases]) {
        const key = normaliseName(name);
        declared.add(key);
        count(stats.lastWords, lastWord(key), 1);
      }
    }
    for (const analysis of analyses) stats.count(analysis, 1);
    return stats;
  }

  /** The counts of the next version, in which `removed` paragraphs gave way to `added` ones. */
  edited(removed: Iterable<ParagraphAnalysis>, added: Iterable<ParagraphAnalysis>): LabelStats {
    const next = new LabelStats(
      new Map(this.weakCounts), new Map(this.lastWords), new Map(this.aloneKeys), new Map(this.speaking), new Map(this.nameLines), new Map(this.capitalsLetters),
      this.alone, this.inline, this.nameLineTotal, this.speakingTotal, this.nicknameTotal, this.repeatedNicknames, this.answerMarkers, this.declared,
    );
    for (const analysis of removed) next.count(analysis, -1);
    for (const analysis of added) next.count(analysis, 1);
    return next;
  }

  /**
   * Whether every paragraph the edit from `previous` left (`removed` gave way to `added`) has its
   * label borne out as before: the document-wide styles are the same, and so is what the counts
   * say of each name the edit touched (no other name's counts moved).
   */
  decidesAsBefore(previous: LabelStats, removed: Iterable<ParagraphAnalysis>, added: Iterable<ParagraphAnalysis>): boolean {
    if (this.aloneStyle() !== previous.aloneStyle() || this.nameLineStyle() !== previous.nameLineStyle()) return false;
    if (this.nicknameStyle() !== previous.nicknameStyle() || (this.answerMarkers > 0) !== (previous.answerMarkers > 0)) return false;
    for (const analyses of [removed, added]) {
      for (const analysis of analyses) {
        const key = analysis.label?.key;
        if (key === undefined) continue;
        for (const name of [key, lastWord(key)]) if (this.decisionOn(name) !== previous.decisionOn(name)) return false;
      }
    }
    return true;
  }

  /** What the counts say of one name, as a string: equal for two versions that decide its labels alike. */
  private decisionOn(key: string): string {
    const has = (map: Map<string, number>) => (map.has(key) ? '1' : '0');
    const weakBorneOut = (this.weakCounts.get(key) ?? 0) >= 2 ? '1' : '0';
    const capitals = this.capitalsLetters.has(ocrLetters(key)) ? 1 : 0;
    return `${weakBorneOut}${has(this.lastWords)}${has(this.aloneKeys)}${has(this.speaking)}${this.repeatedNameLine(key) ? 1 : 0}${capitals}`;
  }

  private aloneStyle(): boolean {
    return this.alone >= 3 && this.alone >= 4 * this.inline;
  }

  private nicknameStyle(): boolean {
    return this.nicknameTotal >= NICKNAME_STYLE && this.repeatedNicknames >= 2;
  }

  private nameLineStyle(): string {
    return `${this.nameLineTotal >= NAME_LINE_STYLE}${this.nameLineTotal > 2 * this.speakingTotal}`;
  }

  /** Whether the document bears out this paragraph's label; true for a paragraph without one. */
  accepts(analysis: ParagraphAnalysis): boolean {
    const label = analysis.label;
    if (!label || !counted(analysis)) return true;
    if (label.forced || this.declared.has(label.key)) return true;
    if (label.answersMarked) return this.answerMarkers > 0;
    // A name alone on its line is a label where names alone are the document's style (more of them
    // than labels with colons: a page's running head repeats too), and it repeats or there are enough.
    if (label.nameLine) return (this.repeatedNameLine(label.key) || this.nameLineTotal >= NAME_LINE_STYLE) && this.nameLineTotal > 2 * this.speakingTotal;
    // An OCR'd label in capitals (`M4AUMILL:`, `MAUMILLs`) counts where a label of the same letters speaks.
    if (label.headingLike) return this.speaking.has(label.key) || (inCapitals(label.name) && this.capitalsLetters.has(ocrLetters(label.key)));
    if (label.weak && isNickname(label.name)) return this.nicknameStyle();
    if (label.weak) return (this.weakCounts.get(label.key) ?? 0) >= 2 || this.lastWords.has(label.key);
    if (label.kind !== 'speaker') return true;
    return !this.aloneStyle() || label.alone || this.aloneKeys.has(label.key);
  }

  /**
   * Whether a line that could be a heading is a name the document repeats on its own line or has
   * speak: a label or a page's running head (`Bundeskanzlerin Dr. Angela Merkel` atop a column), not a section.
   */
  repeats(analysis: ParagraphAnalysis): boolean {
    const label = analysis.label;
    return !!label?.nameLine && (this.repeatedNameLine(label.key) || this.speaking.has(label.key));
  }

  private repeatedNameLine(key: string): boolean {
    return (this.nameLines.get(key) ?? 0) >= 2;
  }

  private count(analysis: ParagraphAnalysis, sign: 1 | -1): void {
    const label = analysis.label;
    if (!label || !counted(analysis)) return;
    if (label.headingLike) {
      if (label.nameLine) {
        count(this.nameLines, label.key, sign);
        this.nameLineTotal += sign;
      }
      return;
    }
    count(this.speaking, label.key, sign);
    this.speakingTotal += sign;
    if (label.kind === 'answer') this.answerMarkers += sign;
    if (label.kind === 'speaker' && inCapitals(label.name)) count(this.capitalsLetters, ocrLetters(label.key), sign);
    if (label.weak) {
      count(this.weakCounts, label.key, sign);
      if (isNickname(label.name)) {
        this.nicknameTotal += sign;
        const uses = this.weakCounts.get(label.key) ?? 0;
        // The count crossed 2, up or down.
        if ((sign === 1 && uses === 2) || (sign === -1 && uses === 1)) this.repeatedNicknames += sign;
      }
      return;
    }
    count(this.lastWords, lastWord(label.key), sign);
    if (label.kind !== 'speaker') return;
    if (label.alone) {
      this.alone += sign;
      count(this.aloneKeys, label.key, sign);
    } else this.inline += sign;
  }
}

/** A court transcript's cover page is header: the names on it are not speakers' labels. */
function counted(analysis: ParagraphAnalysis): boolean {
  return analysis.kind !== 'header';
}


function lastWord(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

function count(map: Map<string, number>, key: string, sign: 1 | -1): void {
  const n = (map.get(key) ?? 0) + sign;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
