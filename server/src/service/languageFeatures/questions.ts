import type { Position, Range } from 'vscode-languageserver-types';
import type { Question, TranscriptModel, Turn } from '../model';
import { openingWords, turnWordCount } from '../text/words';
import type { Steps } from '../steps';
import type { DerivedResults } from '../derivedResults';
import type { CancellationToken } from '../types';
import { speakerName, turnSelectionRange } from './documentSymbols';
import { turnAt, turnBefore } from './symbolAt';

/** One question, for Go to Question…, Next/Previous Question and the code lens (`transcript/questions`). */
export interface QuestionInfo {
  /** 1-based, in document order. */
  readonly number: number;
  /** The question with its answers. */
  readonly range: Range;
  /** The question's marker (`Question`, `Q`), or its first line. */
  readonly selectionRange: Range;
  /** The question's first words: `How are the countries developing their transit and…`. */
  readonly opening: string;
  /** Who asked, when the label says so (`Question (Reuters):` → `Reuters`); else null. */
  readonly questioner: string | null;
  /** The speakers who answered, in order, each once. */
  readonly answeredBy: string[];
  /** Words in the answers. */
  readonly words: number;
  /** Words in the question itself. */
  readonly questionWords: number;
}

/** Where the cursor is, for the status bar (`Q3/4 · Sergey Lavrov`) (`transcript/turnAt`). */
export interface TurnAtInfo {
  /** The question the position is in (the question or one of its answers). */
  readonly questionNumber?: number;
  readonly questionCount: number;
  /** Who speaks in the turn: a speaker's name, the marker (`Question`), or `Opening remarks`. */
  readonly speaker?: string;
  /** Index of the turn the position is in (or the last one before it); -1 before the first turn. */
  readonly turnIndex: number;
}

/** A step per question. */
export function* provideQuestions(results: DerivedResults, model: TranscriptModel, token: CancellationToken): Steps<QuestionInfo[]> {
  const result: QuestionInfo[] = [];
  for (const question of model.questions) {
    yield;
    if (token.isCancellationRequested) return [];
    const turn = model.turns[question.turn];
    const answers = answerSummary(results, model, question);
    const end = Math.max(turn.end, ...question.answerTurns.map((i) => model.turns[i].end));
    result.push({
      number: question.number,
      range: model.lines.range(turn.start, end),
      selectionRange: turnSelectionRange(model, turn),
      opening: openingWords(results, model, turn),
      questioner: question.questioner ?? null,
      answeredBy: answers.answeredBy,
      words: answers.words,
      questionWords: turnWordCount(results, model, turn),
    });
  }
  return result;
}

/**
 * Who answered a question and in how many words. Remarks from the floor (`Remark:`) are neither;
 * an answer marker (`A:`) answers in its own name.
 */
export function answerSummary(results: DerivedResults, model: TranscriptModel, question: Question): { answeredBy: string[]; words: number } {
  const answeredBy: string[] = [];
  let words = 0;
  for (const index of question.answerTurns) {
    const turn = model.turns[index];
    if (turn.label?.kind === 'remark') continue;
    words += turnWordCount(results, model, turn);
    const name = turn.speakerId ? model.speakers.get(turn.speakerId)?.name : turn.label?.kind === 'answer' ? turn.label.name : undefined;
    if (name && !answeredBy.includes(name)) answeredBy.push(name);
  }
  return { answeredBy, words };
}

export function provideTurnAt(model: TranscriptModel, position: Position, token: CancellationToken): TurnAtInfo | null {
  if (token.isCancellationRequested) return null;
  const offset = model.lines.offsetAt(position);
  const turn: Turn | undefined = turnAt(model, offset) ?? turnBefore(model, offset);
  const questionCount = model.questions.length;
  if (!turn) return { questionCount, turnIndex: -1 };
  const questionNumber = turn.questionNumber ?? turn.answers;
  const firstQuestion = model.questions[0]?.turn ?? Infinity;
  const speaker = turn.speakerId || turn.label || turn.index === 0 ? speakerName(model, turn, turn.index < firstQuestion) : undefined;
  return {
    ...(questionNumber !== undefined ? { questionNumber } : {}),
    questionCount,
    ...(speaker !== undefined ? { speaker } : {}),
    turnIndex: turn.index,
  };
}
