import * as assert from 'node:assert/strict';
import { importTranscript } from '../../server/src/service/import';
import { parse, turnsOf } from '../util/fixtures';
import { fixture } from './recover';

describe('import: Whisper text', () => {
  it('reads WhisperX’s `[SPEAKER_00]: ` lines: one turn per change of speaker, the same turns as the JSON of the same call', () => {
    const text = importTranscript(fixture('whisperx-french-call.txt'), { fileName: 'call.txt' })!.text;
    assert.match(text, /\nSPEAKER_02: Bonjour\.\n\nSPEAKER_00: Allô\? Bonjour, est-ce que je parle à Denise\?\n/);
    const fromJson = importTranscript(fixture('whisperx-french-call.json'), { fileName: 'call.json' })!.text;
    assert.deepEqual(turnsOf(parse(text)), turnsOf(parse(fromJson)));
  });
});
