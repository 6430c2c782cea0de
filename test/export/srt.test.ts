import * as assert from 'node:assert/strict';
import { lines } from '../util/fixtures';
import { characters, exported, exportedText, exportFixture, IMPORTED_CUES, IMPORTED_FROM_WEBVTT } from './exportFixtures';

interface SrtCue {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly lines: string[];
}

/** Reads SRT strictly: a number, `hh:mm:ss,ttt --> hh:mm:ss,ttt`, text lines, a blank line. */
function parseSrt(srt: string): SrtCue[] {
  assert.ok(srt.endsWith('\n\n') || srt === '', 'every cue ends with a blank line');
  const time = (t: string) => {
    const [h, m, s, ms] = t.split(/[:,]/).map(Number);
    return h * 3600 + m * 60 + s + ms / 1000;
  };
  return srt.slice(0, -2).split('\n\n').map((block) => {
    const [number, timing, ...text] = block.split('\n');
    const m = /^(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)$/.exec(timing);
    assert.ok(/^\d+$/.test(number) && m, `a cue: ${block}`);
    assert.ok(text.length > 0 && text.every((l) => l.trim()), `text lines: ${block}`);
    return { number: Number(number), start: time(m[1]), end: time(m[2]), lines: text };
  });
}

describe('export: SRT', () => {
  it('writes numbered cues, times with a comma, the speaker as a Name: prefix where the turn starts', async () => {
    const cues = parseSrt(await exportedText(IMPORTED_FROM_WEBVTT, 'srt'));
    assert.deepEqual(cues.map((c) => c.number), cues.map((_, i) => i + 1));
    assert.deepEqual(cues.map((c) => c.start), IMPORTED_CUES.map(([start]) => start));
    // A new paragraph of the same speaker ("It was a long road") gets no prefix.
    const prefixed = IMPORTED_CUES.map(([, speaker, text], i) => (i === 0 || IMPORTED_CUES[i - 1][1] !== speaker ? `${speaker}: ${text}` : text));
    assert.deepEqual(cues.map((c) => c.lines.join(' ')), prefixed);
    assert.ok(cues.every((c) => c.end > c.start));
  });

  it('keeps lines within 32 characters and cues within 2 lines by default, the prefix counted', async () => {
    const text = exportFixture('seunlocked_dabit.md');
    const cues = parseSrt(await exportedText(text, 'srt'));
    assert.ok(cues.length > 100);
    for (const cue of cues) {
      assert.ok(cue.lines.length <= 2, cue.lines.join('|'));
      // A word longer than a line (a URL) stands on a line of its own.
      for (const line of cue.lines) assert.ok(characters(line) <= 32 || !line.includes(' '), line);
    }
    assert.ok(cues.every((c, i) => i === 0 || c.start >= cues[i - 1].start));
  });

  it('follows the line-length and lines settings', async () => {
    const text = lines('[00:00:00] Ada King: ' + 'Words follow words in this sentence, which runs on and on for a while. '.repeat(4));
    const cues = parseSrt(await exportedText(text, 'srt', { srt: { lineLength: 42, lines: 3 } }));
    assert.ok(cues.some((c) => c.lines.length === 3));
    for (const cue of cues) assert.ok(cue.lines.length <= 3 && cue.lines.every((l) => characters(l) <= 42), cue.lines.join('|'));
  });

  it('refuses a transcript without timestamps unless estimating, and says so', async () => {
    const text = 'Question: Why?\n\nJane Roe: Because.\n';
    await assert.rejects(exported(text, 'srt'), /no timestamps/);
    const { content, notes } = await exported(text, 'srt', { estimate: true });
    assert.deepEqual(parseSrt(content as string).map((c) => c.lines.join(' ')), ['Question: Why?', 'Jane Roe: Because.']);
    assert.match(notes[0], /estimated at 160 words a minute/);
  });
});
