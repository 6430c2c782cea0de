import * as assert from 'node:assert/strict';
import { importTranscript } from '../../server/src/service/import';
import { lines, turnsOf } from '../util/fixtures';
import { importError } from './errors';
import { fixture, importAndCheck } from './recover';

describe('import: SRT', () => {
  it('reads `Name:` cue prefixes as speakers; a cue without one is the last speaker’s (podcast namespace example)', () => {
    const { model, cues, text } = importAndCheck(fixture('podcast-namespace-example.srt'), { fileName: 'example.srt' });
    assert.equal(cues.length, 222);
    assert.deepEqual([...new Set(turnsOf(model).map(([speaker]) => speaker))], ['Travis', 'Sarah', 'Gilon']);
    assert.deepEqual(cues[0], { start: 0.179, speaker: 'Travis', text: 'When you first get started in podcasting, it\'s' });
    assert.deepEqual(cues[1], { start: 2.4, speaker: 'Travis', text: 'almost guaranteed that you\'re going to make a handful of rookie' });
    assert.match(text, /^\[00:00:00\.179\] Travis: When you first get started in podcasting, it's \[00:00:02\.400\] almost/m);
  });

  it('reads WhisperX’s `[SPEAKER_00]: ` prefixes', () => {
    const { model } = importAndCheck(fixture('whisperx-french-call.srt'), { fileName: 'call.srt' });
    assert.deepEqual([...model.speakers.keys()], ['speaker_02', 'speaker_00', 'speaker_01']);
  });

  it('reads `- Name:` and `>> NAME:` prefixes, drops <i>/<font> tags, and takes a single word as a name only where the file uses it twice', () => {
    const srt = lines(
      '1', '00:00:01,000 --> 00:00:02,000', '- Anna Berg: <i>Hello</i> there.', '',
      '2', '00:00:02,500 --> 00:00:03,000', '>> BEN OKAFOR: <font color="#ffff00">Hi!</font>', '',
      '3', '00:00:03,500 --> 00:00:04,000', 'Germany: a single word, once.', '',
      '4', '00:00:04,500 --> 00:00:05,000', 'Chair: Order.', '',
      '5', '00:00:05,500 --> 00:00:06,000', 'Chair: Order, order.', '',
    );
    const { cues } = importAndCheck(srt, { fileName: 'a.srt' });
    assert.deepEqual(cues.map((c) => [c.speaker, c.text]), [
      ['Anna Berg', 'Hello there.'],
      ['BEN OKAFOR', 'Hi!'],
      ['BEN OKAFOR', 'Germany: a single word, once.'],
      ['Chair', 'Order.'],
      ['Chair', 'Order, order.'],
    ]);
  });

  it('reads a file with a byte order mark and CRLF line ends, multi-line cues joined on one line', () => {
    const srt = '\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nJane Roe: First line\r\nsecond line\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nNext.\r\n';
    const { cues } = importAndCheck(srt, { fileName: 'a.srt' });
    assert.deepEqual(cues, [{ start: 1, speaker: 'Jane Roe', text: 'First line second line' }, { start: 2, speaker: 'Jane Roe', text: 'Next.' }]);
  });

  it('refuses a cue without times at its line, and a file with no cue', () => {
    const broken = lines('', '1', '00:00:01,000 --> 00:00:02,000', 'Fine.', '', '2', 'not a time', '');
    const error = importError(broken, { fileName: 'broken.srt' });
    assert.equal(error.line, 7);
    assert.equal(importError(lines('1', 'no times', 'Lost.'), { fileName: 'b.srt' }).line, 2);
    assert.match(error.message, /Expected a cue's times/);
    const garbage = importError('{"segments": []}\n', { fileName: 'x.srt' });
    assert.deepEqual([garbage.line, garbage.column], [1, 1]);
    assert.equal(importTranscript('', { fileName: 'empty.srt' })!.cues, 0);
  });
});
