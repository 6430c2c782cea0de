// webvtt-parser (the W3C's WebVTT parser and validator, CC0) ships no types: the parts the
// importers and the export tests use.
declare module 'webvtt-parser' {
  export interface WebVTTError { message: string; line: number; col?: number }
  /** A node of a cue's text: text, a timestamp, or an object (`<v Name>`, `<i>`) with children. */
  export interface WebVTTNode {
    readonly type: 'text' | 'object' | 'timestamp';
    readonly name?: string;
    readonly value?: string;
    readonly children?: readonly WebVTTNode[];
  }
  export interface WebVTTCue { id: string; startTime: number; endTime: number; text: string; tree: { readonly children: readonly WebVTTNode[] } }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVTTCue[]; errors: WebVTTError[] };
  }
  export class WebVTTCueTextParser {
    constructor(line: string, errorHandler: (message: string, column?: number) => void, mode: string, entities?: Record<string, string>);
    parse(cueStart: number, cueEnd: number): unknown;
  }
}

declare module 'webvtt-parser/html-entities.json' {
  const entities: Record<string, string>;
  export = entities;
}
