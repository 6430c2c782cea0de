/** The shapes of the server's custom requests (see server/src/service/languageFeatures). */
import type { Range } from 'vscode-languageclient/node';

export interface QuestionInfo {
  readonly number: number;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly opening: string;
  readonly questioner: string | null;
  readonly answeredBy: string[];
  readonly words: number;
}

export interface TurnInfo {
  readonly index: number;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly role: 'question' | 'answer' | 'statement';
  readonly speakerId: string | null;
  readonly speaker: string;
  readonly questionNumber: number | null;
}

export interface TurnAtInfo {
  readonly questionNumber?: number;
  readonly questionCount: number;
  readonly speaker?: string;
  readonly turnIndex: number;
}

export interface SpeakerStatistics {
  readonly name: string;
  readonly kind: string;
  readonly role?: string;
  readonly turns: number;
  readonly words: number;
  readonly share: number;
  readonly questions: number;
  readonly answers: number;
  readonly averageAnswerWords: number | null;
}

export interface TranscriptStatistics {
  readonly speakers: readonly SpeakerStatistics[];
  readonly totals: {
    readonly turns: number;
    readonly words: number;
    readonly speakers: number;
    readonly questions: number;
    readonly answeredQuestions: number;
    readonly unansweredQuestions: number;
    readonly averageAnswerWords: number | null;
  };
}
