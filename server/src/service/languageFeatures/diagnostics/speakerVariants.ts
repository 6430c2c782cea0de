import type { Label, Speaker, TranscriptModel } from '../../model';
import { areSpellingVariants, initialsFit, isBareSurname, isFullName, nameParts, surname, variantKey, type NameParts } from '../../parser/speakerNames';

/** A speaker the parser kept apart that is probably one of `candidates`. */
export interface ProbableSameSpeaker {
  readonly speaker: Speaker;
  /** The label of the speaker's first turn: where the hint is shown. */
  readonly label: Label;
  readonly paragraph: number;
  /** Earlier speakers it may be, with the line (0-based) of their first label. */
  readonly candidates: readonly { readonly speaker: Speaker; readonly line: number }[];
}

interface Seen {
  readonly speaker: Speaker;
  readonly parts: NameParts;
  readonly label: Label;
  readonly paragraph: number;
}

/**
 * Speakers that are probably another one, where the parser was not sure enough to merge them: a
 * given name spelt otherwise with the same surname (`Sergei Lavrov` after `Sergey Lavrov`), or a
 * bare surname (`Mr. Smith`) two full names share. A declared speaker was told apart on purpose.
 * Compared by surname and spelling only, so a transcript with thousands of speakers stays linear.
 */
export function probableSameSpeakers(model: TranscriptModel): ProbableSameSpeaker[] {
  const inOrder: Seen[] = [];
  for (const speaker of model.speakers.values()) {
    const turn = model.turns[speaker.turns[0]];
    if (turn?.label) inOrder.push({ speaker, parts: nameParts(speaker.id), label: turn.label, paragraph: turn.paragraphs[0] });
  }
  inOrder.sort((a, b) => a.label.start - b.label.start);
  // Full names by surname, for bare surnames to look up, and by what spelling variants share.
  const fullBySurname = new Map<string, Seen[]>();
  const byVariantKey = new Map<string, Seen[]>();
  const line = (seen: Seen) => ({ speaker: seen.speaker, line: model.lines.lineAt(seen.label.nameStart) });

  const found: ProbableSameSpeaker[] = [];
  const hint = (seen: Seen, candidates: readonly Seen[]) => {
    if (candidates.length && !seen.speaker.declared) {
      found.push({ speaker: seen.speaker, label: seen.label, paragraph: seen.paragraph, candidates: candidates.map(line) });
    }
  };
  for (const seen of inOrder) {
    if (!isFullName(seen.parts)) continue;
    const key = variantKey(seen.parts);
    const alike = byVariantKey.get(key);
    // The first earlier spelling it is a variant of; a few tries, so a crowd of one key stays cheap.
    hint(seen, (alike ?? []).slice(0, MAX_COMPARED).filter((other) => areSpellingVariants(other.parts, seen.parts)).slice(0, 1));
    if (alike) alike.push(seen);
    else byVariantKey.set(key, [seen]);
    const family = surname(seen.parts);
    const list = fullBySurname.get(family);
    if (list) list.push(seen);
    else fullBySurname.set(family, [seen]);
  }
  for (const seen of inOrder) {
    if (!isBareSurname(seen.parts)) continue;
    const candidates = (fullBySurname.get(surname(seen.parts)) ?? []).filter((other) => initialsFit(seen.parts.initials, other.parts));
    if (candidates.length >= 2) hint(seen, candidates.slice(0, MAX_NAMED));
  }
  return found.sort((a, b) => a.label.start - b.label.start);
}

const MAX_COMPARED = 8;
/** A bare surname that dozens of speakers share is told the first few. */
const MAX_NAMED = 3;
