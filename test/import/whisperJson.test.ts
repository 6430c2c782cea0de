import * as assert from 'node:assert/strict';
import { importTranscript } from '../../server/src/service/import';
import { turnsOf } from '../util/fixtures';
import { importError } from './errors';
import { fixture, importAndCheck } from './recover';

describe('import: Whisper and WhisperX JSON', () => {
  it('reads a diarised WhisperX file: speakers, segment starts to the millisecond, language', () => {
    const { text, model, cues } = importAndCheck(fixture('whisperx-french-call.json'), { fileName: 'call.json' });
    assert.equal(cues.length, 54);
    assert.deepEqual(cues[0], { start: 6.578, speaker: 'SPEAKER_02', text: 'Bonjour.' });
    assert.equal(model.turns.length, 20);
    assert.deepEqual(turnsOf(model).slice(0, 3).map(([speaker]) => speaker), ['SPEAKER_02', 'SPEAKER_00', 'SPEAKER_01']);
    assert.match(text, /^---\nlanguage: en\nsource: call\.json\nspeakers:\n/);
  });

  it('reads plain Whisper output (no speakers), and takes a segment’s speaker from its words where it has none', () => {
    const whisper = JSON.stringify({
      text: ' Hello there. Bye.', language: 'en',
      segments: [
        { id: 0, seek: 0, start: 0.0, end: 1.5, text: ' Hello there.', tokens: [1, 2] },
        { id: 1, seek: 0, start: 1.52, end: 2.0, text: ' Bye.', tokens: [3] },
      ],
    });
    assert.deepEqual(importAndCheck(whisper, { fileName: 'w.json' }).cues, [
      { start: 0, speaker: undefined, text: 'Hello there.' }, { start: 1.52, speaker: undefined, text: 'Bye.' },
    ]);
    const whisperx = JSON.stringify({ segments: [
      { start: 1, end: 2, text: 'Hi.', speaker: 'SPEAKER_01', words: [{ word: 'Hi.', start: 1, end: 2, score: 0.9, speaker: 'SPEAKER_01' }] },
      { start: 2.5, end: 3, text: 'Who?', words: [{ word: 'Who?', start: 2.5, end: 3, score: 0.9, speaker: 'SPEAKER_00' }] },
    ] });
    assert.deepEqual(importAndCheck(whisperx, { fileName: 'x.json' }).cues.map((c) => c.speaker), ['SPEAKER_01', 'SPEAKER_00']);
  });

  it('refuses broken JSON at the line and column of the first error, and a wrong shape at the segment', () => {
    assert.deepEqual(importError('{"segments": [\n  {"start": 1, "end": 2, "text": "a"},\n  {"start": 2 "end": 3}\n]}', { fileName: 'a.json' }),
      { line: 3, column: 15, message: 'Not valid JSON: expected `,` between two values.' });
    assert.deepEqual(importError('{"segments": [\n  {"start": 1, "end": 2, "text": "a"},\n  {"start": "2", "text": "b"}\n]}', { fileName: 'a.json' }),
      { line: 3, column: 4, message: 'Segment 2 has no `start` time in seconds.' });
    assert.deepEqual(importError('{"text": "no segments"}', { fileName: 'a.json' }).line, 1);
    assert.match(importError('[1, 2]', { fileName: 'a.json' }).message, /^Expected `segments`/);
  });

  it('reads a byte order mark and tells JSON by its first character without an extension', () => {
    const json = '\uFEFF{"segments": [{"start": 0.5, "end": 1, "text": " Hi."}]}';
    assert.equal(importTranscript(json, { fileName: 'stdin' })!.format, 'whisper-json');
  });
});
