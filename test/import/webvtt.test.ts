import * as assert from 'node:assert/strict';
import { importTranscript } from '../../server/src/service/import';
import { lines, turnsOf } from '../util/fixtures';
import { importError as errorOf } from './errors';
import { fixture, importAndCheck } from './recover';

const importError = (text: string) => errorOf(text, { fileName: 'broken.vtt' });

describe('import: WebVTT', () => {
  it('reads <v> voice tags as speakers, one turn per change of speaker, every cue start kept (podcast namespace example, CRLF)', () => {
    const text = fixture('podcast-namespace-example.vtt');
    assert.ok(text.includes('\r\n'));
    const { text: transcript, model, cues } = importAndCheck(text, { fileName: 'example.vtt' });
    assert.deepEqual(turnsOf(model).map(([speaker]) => speaker), ['Sarah', 'Gillian']);
    assert.equal(cues.length, 7);
    assert.match(transcript, /^---\nsource: example\.vtt\nspeakers:\n {2}- Sarah\n {2}- Gillian\n---\n/);
    assert.match(transcript, /\n\[00:00:00\] Sarah: In today's episode, you'll learn whether or not you \[00:00:02\.760\] should have/);
    // `&amp;` decoded: the parser's own short table of references would give `&;`.
    assert.ok(transcript.includes('Welcome to Podcasting Q&A, where'));
    assert.match(transcript, /\n\n\[00:00:19\.080\] Gillian: Hi Buzzsprout/);
  });

  it('reads WhisperX’s `[SPEAKER_00]: ` cue prefixes as speakers, and a file without any as unattributed', () => {
    const diarised = importAndCheck(fixture('whisperx-french-call.vtt'), { fileName: 'call.vtt' });
    assert.deepEqual([...diarised.model.speakers.values()].map((s) => s.name), ['SPEAKER_02', 'SPEAKER_00', 'SPEAKER_01']);
    assert.equal(diarised.model.turns.length, 20);
    assert.equal(diarised.cues[1].text, 'Allô?');
    const plain = importAndCheck(fixture('whisperx-english-call.vtt'), { fileName: 'call.vtt' });
    assert.equal(plain.model.speakers.size, 0);
    assert.equal(plain.cues.length, 53);
    assert.deepEqual(plain.cues[0], { start: 12.721, speaker: undefined, text: 'Hello.' });
  });

  it('joins one speaker’s cues into a paragraph, and starts a paragraph of the same turn after a pause of more than 2 s', () => {
    const vtt = lines(
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:02.000', '<v Ann Lee>One.', '',
      '00:00:02.500 --> 00:00:04.000', '<v Ann Lee>Two.', '',
      '00:00:06.001 --> 00:00:07.000', '<v Ann Lee>After a pause.', '',
      '00:00:07.000 --> 00:00:08.000', '<v Bo Kim>Me now.', '',
    );
    const { text, model } = importAndCheck(vtt, { fileName: 'a.vtt' });
    assert.ok(text.endsWith('[00:00:01] Ann Lee: One. [00:00:02.500] Two.\n\n[00:00:06.001] After a pause.\n\n[00:00:07] Bo Kim: Me now.\n'), text);
    assert.deepEqual(model.turns.map((t) => t.paragraphs.length), [2, 1]);
    assert.equal(importTranscript(vtt, { fileName: 'a.vtt', pauseSeconds: 3 })!.text.includes('Two. [00:00:06.001] After'), true);
  });

  it('splits a cue at a change of voice and at its timestamp tags; ignores settings, styles, notes, tags; reads `Language:`', () => {
    const vtt = lines(
      '\uFEFFWEBVTT', 'Kind: captions', 'Language: de', '',
      'STYLE', '::cue { color: lime }', '',
      'NOTE written by hand', '',
      'intro',
      '00:00:01.000 --> 00:00:05.000 align:start line:0',
      '<v.loud Ann Lee><i>Guten</i> Tag <00:00:02.250>allerseits.</v><v Bo Kim>Hallo!</v>', '',
    );
    const { text, cues } = importAndCheck(vtt, { fileName: 'a.vtt' });
    assert.deepEqual(cues, [
      { start: 1, speaker: 'Ann Lee', text: 'Guten Tag' },
      { start: 2.25, speaker: 'Ann Lee', text: 'allerseits.' },
      { start: 2.25, speaker: 'Bo Kim', text: 'Hallo!' },
    ]);
    assert.match(text, /^---\nlanguage: de\n/);
  });

  it('keeps words that read as a label in their paragraph, escaped, and puts a separator before unattributed cues after a speaker', () => {
    const vtt = lines(
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:02.000', '<v Ann Lee>One.', '',
      '00:00:05.000 --> 00:00:06.000', '<v Ann Lee>Bo Kim: that is what he said.', '',
      '00:00:07.000 --> 00:00:08.000', 'Nobody speaks here.', '',
    );
    const { text, model } = importAndCheck(vtt, { fileName: 'a.vtt' });
    assert.ok(text.includes('\n\n\\[00:00:05] Bo Kim: that is what he said.\n\n* * *\n\n[00:00:07] Nobody speaks here.\n'), text);
    assert.deepEqual(model.turns.map((t) => (t.speakerId ? model.speakers.get(t.speakerId)!.name : null)), ['Ann Lee', null]);
  });

  it('writes a voice the parser would read as a marker or not at all as a forced `@Name:` label', () => {
    const vtt = lines(
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:02.000', '<v Q>Why?', '',
      '00:00:02.000 --> 00:00:03.000', '<v "Quoted" Name>Because.', '',
      '00:00:03.000 --> 00:00:04.000', '<v the host>Thanks.', '',
    );
    const { text, model } = importAndCheck(vtt, { fileName: 'a.vtt' });
    assert.ok(text.includes('[00:00:01] @Q: Why?\n\n[00:00:02] @"Quoted" Name: Because.\n\n[00:00:03] the host: Thanks.'), text);
    assert.deepEqual(turnsOf(model).map(([speaker]) => speaker), ['Q', '"Quoted" Name', 'the host']);
  });

  it('refuses a file without the signature, and a cue whose timings cannot be read, at the line (and column) of the error', () => {
    const unsigned = importError('1\n00:00:01.000 --> 00:00:02.000\nHi\n');
    assert.deepEqual(unsigned, { line: 1, column: undefined, message: 'Not WebVTT: the file must start with `WEBVTT`.' });
    const badTiming = importError(lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Fine.', '', '00:00:03,000 --> 00:00:04.000', 'Lost.'));
    assert.equal(badTiming.line, 6);
    assert.equal(badTiming.column, 9);
    assert.match(badTiming.message, /decimal separator/);
    const standalone = importError(lines('WEBVTT', '', 'a lonely line', ''));
    assert.equal(standalone.line, 4);
    // An unclosed tag or a bad setting loses no words: not an error.
    assert.ok(importTranscript(lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000 align:nowhere', '<b>Bold'), { fileName: 'a.vtt' }));
  });
});
