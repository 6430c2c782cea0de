import type { Range } from 'vscode-languageserver-types';
import type { TranscriptModel, TurnRole } from '../model';
import type { Steps } from '../steps';
import type { CancellationToken } from '../types';
import { speakerName } from './documentSymbols';

/** One turn, for Next/Previous Turn and Next Turn of This Speaker (`transcript/turns`). */
export interface TurnInfo {
  readonly index: number;
  readonly range: Range;
  /** Where the cursor goes: the label's name, or the turn's start. */
  readonly selectionRange: Range;
  readonly role: TurnRole;
  /** The speaker's key (`sergey lavrov`), the same for every alias; null for a marker or no label. */
  readonly speakerId: string | null;
  /** As the outline names it: `Sergey Lavrov`, `Question`, `Opening remarks`. */
  readonly speaker: string;
  readonly questionNumber: number | null;
}

/** A step per turn. */
export function* provideTurns(model: TranscriptModel, token: CancellationToken): Steps<TurnInfo[]> {
  const firstQuestion = model.questions[0]?.turn ?? Infinity;
  const turns: TurnInfo[] = [];
  for (const turn of model.turns) {
    yield;
    if (token.isCancellationRequested) return [];
    const label = turn.label;
    turns.push({
      index: turn.index,
      range: model.lines.range(turn.start, turn.end),
      selectionRange: label ? model.lines.range(label.nameStart, label.nameEnd) : model.lines.range(turn.start, turn.start),
      role: turn.role,
      speakerId: turn.speakerId ?? null,
      speaker: speakerName(model, turn, turn.index < firstQuestion),
      questionNumber: turn.questionNumber ?? turn.answers ?? null,
    });
  }
  return turns;
}
