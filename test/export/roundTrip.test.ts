import * as assert from 'node:assert/strict';
import { WebVTTParser, type WebVTTCue, type WebVTTNode } from 'webvtt-parser';
import * as entities from 'webvtt-parser/html-entities.json';
import { parseSync } from 'subtitle';
import { importTranscript } from '../../server/src/service/import';
import { fixture } from '../import/recover';
import { exportedText } from './exportFixtures';

/** Each cue's start (ms), voice and words, as the W3C's parser reads them; no error allowed. */
function cuesOf(vtt: string): { start: number; voice?: string; text: string }[] {
  const { cues, errors } = new WebVTTParser(entities).parse(vtt, 'metadata');
  assert.deepEqual(errors, [], 'the WebVTT validator reports no error');
  const textOf = (nodes: readonly WebVTTNode[]): string => nodes.map((n) => (n.type === 'text' ? n.value : textOf(n.children ?? []))).join('');
  const voiceOf = (cue: WebVTTCue) => cue.tree.children.find((n) => n.type === 'object' && n.name === 'v')?.value;
  return cues.map((cue) => ({ start: Math.round(cue.startTime * 1000), voice: voiceOf(cue), text: textOf(cue.tree.children) }));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');
/** WhisperX writes the speaker into the cue text (`[SPEAKER_00]: Allô?`), the import and export as a voice. */
const PREFIX = /^\[(SPEAKER_\d+)\]:\s*/;

interface Cue { start: number; speaker?: string; text: string }

/**
 * Every source cue comes back: a cue starts at its start, and the run of cues from there to the
 * next source cue's start (a long cue may come back cut at a sentence end into several) has its
 * speaker and its words.
 */
function assertCuesKept(source: readonly Cue[], back: readonly Cue[]): void {
  const starts = back.map((cue) => cue.start);
  source.forEach((cue, i) => {
    const from = starts.indexOf(cue.start);
    assert.ok(from >= 0, `a cue starts at ${cue.start} ms`);
    const to = i + 1 < source.length ? starts.indexOf(source[i + 1].start) : back.length;
    const run = back.slice(from, to);
    assert.deepEqual([...new Set(run.map((c) => c.speaker))], [cue.speaker], `the speaker of the cue at ${cue.start} ms`);
    assert.equal(words(run.map((c) => c.text).join(' ')), words(cue.text), `the words of the cue at ${cue.start} ms`);
  });
}

describe('export: WebVTT → transcript → WebVTT', () => {
  for (const name of ['podcast-namespace-example.vtt', 'whisperx-french-call.vtt', 'whisperx-english-call.vtt']) {
    it(`keeps every cue's start to the millisecond, its speaker and its words (${name}, real)`, async () => {
      const source = cuesOf(fixture(name).replace(/\r\n/g, '\n'));
      const transcript = importTranscript(fixture(name), { fileName: name })!.text;
      const back = cuesOf(await exportedText(transcript, 'vtt'));
      const speakerOf = (cue: { voice?: string; text: string }) => cue.voice ?? PREFIX.exec(cue.text)?.[1];
      assertCuesKept(source.map((cue) => ({ start: cue.start, speaker: speakerOf(cue), text: cue.text.replace(PREFIX, '') })),
        back.map((cue) => ({ start: cue.start, speaker: cue.voice, text: cue.text })));
    });
  }
});

/** Each cue's start (ms), speaker and words, as `subtitle` reads them; a cue without a `Name:` prefix keeps the speaker before it. */
function srtCuesOf(srt: string): Cue[] {
  let speaker: string | undefined;
  return parseSync(srt).filter((node) => node.type === 'cue').map((node) => {
    const { start, text } = node.data as { start: number; text: string };
    const prefix = /^\[?([^\]:\n]{1,40})\]?:\s+/.exec(text);
    if (prefix) speaker = prefix[1];
    return { start, speaker, text: prefix ? text.slice(prefix[0].length) : text };
  });
}

describe('export: SRT → transcript → SRT', () => {
  for (const name of ['podcast-namespace-example.srt', 'whisperx-french-call.srt']) {
    it(`keeps every cue's start to the millisecond, its speaker and its words (${name}, real)`, async () => {
      const source = srtCuesOf(fixture(name));
      const back = srtCuesOf(await exportedText(importTranscript(fixture(name), { fileName: name })!.text, 'srt'));
      assertCuesKept(source, back);
    });
  }
});
