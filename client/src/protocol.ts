/**
 * The shapes of the server's custom requests, taken from the service itself (type-only imports:
 * nothing of the server is bundled into the client).
 */
export type { QuestionInfo, TurnAtInfo } from '../../server/src/service/languageFeatures/questions';
export type { TurnInfo } from '../../server/src/service/languageFeatures/turns';
export type { SpeakerStatistics, TranscriptStatistics } from '../../server/src/service/languageFeatures/statistics';
export type { ExportAnswer, ExportFormat, ExportOptions } from '../../server/src/service/export/options';
export type { ImportResult } from '../../server/src/service/import';
export type { GenericSpeaker } from '../../server/src/service/languageFeatures/nameSpeakers';
export type { PositionAtResult, TimeAtResult } from '../../server/src/service/languageFeatures/media';
