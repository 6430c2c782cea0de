/** The part of webvtt-parser (W3C's WebVTT parser and validator, CC0) the export tests use. */
declare module 'webvtt-parser' {
  export interface WebVttNode {
    readonly type: 'text' | 'object' | 'timestamp';
    readonly name?: string;
    readonly value?: string;
    readonly children?: readonly WebVttNode[];
  }
  export interface WebVttCue {
    readonly id: string;
    readonly startTime: number;
    readonly endTime: number;
    readonly text: string;
    readonly tree: { readonly children: readonly WebVttNode[] };
  }
  export interface WebVttError {
    readonly message: string;
    readonly line: number;
    readonly col: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVttCue[]; errors: WebVttError[] };
  }
}

declare module 'webvtt-parser/html-entities.json' {
  const entities: Record<string, string>;
  export = entities;
}
