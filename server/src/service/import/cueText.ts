import { WebVTTCueTextParser } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import { oneLine } from './source';

/** A run of a cue's text in one voice, from `start` seconds (a cue's own timestamp tags start new runs). */
export interface CueRun {
  readonly voice?: string;
  readonly start: number;
  readonly text: string;
}

type CueNode = { type: 'text'; value: string } | { type: 'timestamp'; value: number } | { type: 'object'; name: string; value?: string; children: CueNode[] };

/**
 * A cue's text read with the WebVTT cue text parser (of the W3C's validator): tags (`<i>`, `<c.loud>`,
 * SRT's `<font>`) dropped, character references decoded, split where a `<v Name>` voice or a
 * timestamp tag (`<00:00:05.000>`) begins. Runs without words are left out.
 */
export function cueRuns(text: string, start: number, end: number): CueRun[] {
  // The full table of references: the parser's own default decodes `&amp;` as `&;`.
  const tree = new WebVTTCueTextParser(text, () => undefined, 'metadata', entities).parse(start, end) as { children: CueNode[] };
  const runs: { voice?: string; start: number; text: string }[] = [];
  let current = { voice: undefined as string | undefined, start, text: '' };
  const begin = (voice: string | undefined, at: number) => {
    runs.push(current);
    current = { voice, start: at, text: '' };
  };
  const walk = (nodes: readonly CueNode[], voice: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') current.text += node.value;
      else if (node.type === 'timestamp') begin(voice, node.value);
      else if (node.name === 'v') {
        const name = oneLine(node.value ?? '') || undefined;
        if (name !== current.voice) begin(name, current.start);
        walk(node.children, name);
      } else walk(node.children, voice);
    }
  };
  walk(tree.children, undefined);
  runs.push(current);
  return runs.map((run) => ({ ...run, text: oneLine(run.text) })).filter((run) => run.text);
}
