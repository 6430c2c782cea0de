// webvtt-parser (the W3C's WebVTT validator) ships no types: the parts the importers use.
declare module 'webvtt-parser' {
  export interface WebVTTError { message: string; line: number; col?: number }
  export interface WebVTTCue { id: string; startTime: number; endTime: number; text: string; tree: unknown }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVTTCue[]; errors: WebVTTError[] };
  }
  export class WebVTTCueTextParser {
    constructor(line: string, errorHandler: (message: string, column?: number) => void, mode: string, entities?: Record<string, string>);
    parse(cueStart: number, cueEnd: number): unknown;
  }
}
