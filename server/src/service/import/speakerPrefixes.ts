import { detectLabel, type LabelContext } from '../parser/labels';
import { ANSWER_MARKERS, QUESTION_MARKERS, REMARK_MARKERS, markersFor, normaliseName } from '../parser/markers';
import type { Cue } from './source';

/** The label context of the transcript parser, for a document of `language` that declares `speakers`. */
export function labelContext(language: string, speakers: readonly string[] = []): LabelContext {
  return {
    questionMarkers: markersFor(QUESTION_MARKERS, language),
    answerMarkers: markersFor(ANSWER_MARKERS, language),
    remarkMarkers: markersFor(REMARK_MARKERS, language),
    declaredSpeakers: new Set(speakers.map(normaliseName)),
  };
}

/**
 * Subtitles and speech-to-text text name the speaker at the start of a cue: `Travis: When…`,
 * `- Anna: Hello.`, `>> JOHN SMITH:`, `[SPEAKER_03]: You on?`. Each cue whose text starts with
 * such a label (as the transcript parser reads labels) gets that speaker and loses the label; a
 * single word (`Germany:`) counts where the file uses it twice, as the parser would have it.
 * A cue without a label is said by whoever spoke last, where the file names speakers at all.
 */
export function readSpeakerPrefixes(cues: readonly Cue[], language: string): Cue[] {
  const context = labelContext(language);
  const labels = cues.map((cue) => {
    const label = detectLabel(cue.text, context);
    return label?.kind === 'speaker' && !label.nameLine && !label.headingLike ? label : undefined;
  });
  const uses = new Map<string, number>();
  for (const label of labels) if (label) uses.set(label.key, (uses.get(label.key) ?? 0) + 1);
  let speaker: string | undefined;
  return cues.map((cue, i) => {
    const label = labels[i];
    if (!label || (label.weak && uses.get(label.key)! < 2)) return speaker === undefined ? cue : { ...cue, speaker };
    speaker = label.name;
    return { ...cue, speaker, text: cue.text.slice(label.end).trim() };
  });
}
