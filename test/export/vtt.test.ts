import * as assert from 'node:assert/strict';
import { WebVTTParser, type WebVTTCue, type WebVTTNode } from 'webvtt-parser';
// The parser's own short list of entities lacks `&lt;` with its semicolon: give it the full one, as its README says.
import * as entities from 'webvtt-parser/html-entities.json';
import { ExportError } from '../../server/src/service';
import { lines } from '../util/fixtures';
import { characters, exported, exportedText, exportFixture, IMPORTED_CUES, IMPORTED_FROM_WEBVTT } from './exportFixtures';

/** Parses with the W3C-conformant parser and fails on any error it reports. */
function parseValid(vtt: string): WebVTTCue[] {
  const { cues, errors } = new WebVTTParser(entities).parse(vtt, 'metadata');
  assert.deepEqual(errors, [], 'the WebVTT validator reports no error');
  return cues;
}

/** The voice (`<v Name>`) of a cue, if any, and its text with the markup's entities decoded. */
function voiceAndText(cue: WebVTTCue): [string | undefined, string] {
  const textOf = (nodes: readonly WebVTTNode[]): string => nodes.map((n) => (n.type === 'text' ? n.value : textOf(n.children ?? []))).join('');
  const voice = cue.tree.children.find((n) => n.type === 'object' && n.name === 'v');
  return [voice?.value, textOf(cue.tree.children).replace(/\n/g, ' ')];
}

describe('export: WebVTT', () => {
  it('exports a transcript imported from WebVTT back to the same cue starts, voices and texts', async () => {
    const vtt = await exportedText(IMPORTED_FROM_WEBVTT, 'vtt');
    const cues = parseValid(vtt);
    assert.deepEqual(cues.map((c) => [c.startTime, ...voiceAndText(c)]), IMPORTED_CUES);
    // Each cue ends where the next starts; the last runs for its words at the speaking rate.
    assert.deepEqual(cues.slice(0, -1).map((c) => c.endTime), cues.slice(1).map((c) => c.startTime));
    assert.match(vtt, /^WEBVTT\n\n00:00:01\.250 --> 00:00:04\.500\n<v Sam Ortiz>Welcome to the show\.\n\n/);
  });

  it('cuts a long turn at sentence ends into cues of lines within 65 characters, a new cue at each change of speaker', async () => {
    const sentences = ['This is the first sentence of a long answer.', 'Here comes a second one, a little longer than the first.', 'A third.',
      'And a fourth sentence that goes on for a while before it stops.', 'Done.'];
    const text = lines('[00:00:00] Ada King: ' + sentences.join(' '), '', '[00:01:00] Bob Lee: Short.', '', '[00:01:05] Ada King: Shorter still.');
    const cues = parseValid(await exportedText(text, 'vtt'));
    for (const cue of cues) for (const line of cue.text.replace(/^<v [^>]*>/, '').split('\n')) assert.ok(characters(line) <= 65, line);
    assert.ok(cues.every((c) => c.text.split('\n').length <= 2));
    const texts = cues.map(voiceAndText);
    // Every cue ends a sentence, and the cues hold every sentence in order.
    assert.ok(texts.every(([, t]) => /[.!?]$/.test(t)), JSON.stringify(texts));
    assert.equal(texts.filter(([v]) => v === 'Ada King').slice(0, -1).map(([, t]) => t).join(' '), sentences.join(' '));
    assert.deepEqual(texts.slice(-2), [['Bob Lee', 'Short.'], ['Ada King', 'Shorter still.']]);
    assert.deepEqual(cues.slice(-2).map((c) => c.startTime), [60, 65]);
    // The first turn's minute is shared by its cues in order, by their characters.
    const first = cues.filter((c) => c.startTime < 60);
    assert.ok(first.length >= 2 && first.every((c, i) => i === 0 || c.startTime > first[i - 1].startTime));
  });

  it('cuts a sentence longer than a cue after a comma or between words', async () => {
    const long = 'When we started, we had no money, no shop, no tools and no customers, and we built the first frames in a garage that belonged to a friend of ours who lent it for a summer.';
    const cues = parseValid(await exportedText(`[00:00:10] Ada King: ${long}`, 'vtt'));
    assert.ok(cues.length >= 2);
    assert.equal(cues.map((c) => voiceAndText(c)[1]).join(' '), long);
    for (const cue of cues) assert.ok(cue.text.replace(/^<v [^>]*>/, '').split('\n').every((l) => characters(l) <= 65));
  });

  it('escapes what WebVTT would read as markup, and keeps emoji and non-Latin text whole', async () => {
    const text = lines(
      '---',
      'speakers: [Ada King, Сергей Лавров, 田中]',
      '---',
      '[00:00:01] Ada King: Is 3 < 4 && 5 > 2? Yes 🙂, and <b>not</b> bold --> nor an arrow.',
      '',
      '[00:00:05] Сергей Лавров: Мы только что подписали график консультаций. Спасибо.',
      '',
      '[00:00:09] 田中: 今日はありがとうございます。' + 'とても長い日本語の文章が続きますが、スペースがないので文字の間で行を分けなければなりません。'.repeat(3),
    );
    const cues = parseValid(await exportedText(text, 'vtt'));
    const texts = cues.map(voiceAndText);
    assert.deepEqual(texts[0], ['Ada King', 'Is 3 < 4 && 5 > 2? Yes 🙂, and <b>not</b> bold --> nor an arrow.']);
    assert.deepEqual(texts[1], ['Сергей Лавров', 'Мы только что подписали график консультаций. Спасибо.']);
    const japanese = cues.filter((c) => voiceAndText(c)[0] === '田中');
    assert.ok(japanese.length >= 2);
    assert.equal(japanese.map((c) => c.text.replace(/^<v [^>]*>/, '').replace(/\n/g, '')).join(''), text.split('田中: ')[1]);
    for (const cue of japanese) assert.ok(cue.text.replace(/^<v [^>]*>/, '').split('\n').every((l) => characters(l) <= 65));
  });

  it('gives the same cues for CRLF line ends as for LF', async () => {
    const lf = await exportedText(IMPORTED_FROM_WEBVTT, 'vtt');
    assert.equal(await exportedText(IMPORTED_FROM_WEBVTT.replace(/\n/g, '\r\n'), 'vtt'), lf);
  });

  it('refuses a transcript without timestamps, and with estimate spreads times by words per minute and says so in a NOTE', async () => {
    const text = lines('Question: Why did you start?', '', 'Jane Roe: Because nobody else would. It was that simple, really.');
    await assert.rejects(exported(text, 'vtt'), (error: Error) => error instanceof ExportError && /no timestamps.*--estimate/.test(error.message));
    const { content, notes } = await exported(text, 'vtt', { estimate: true, wordsPerMinute: 120 });
    const vtt = content as string;
    assert.match(vtt, /^WEBVTT\n\nNOTE The transcript has no timestamps: these times are estimated at 120 words a minute\.\n\n/);
    assert.equal(notes.length, 1);
    const cues = parseValid(vtt);
    // Four words at 120 a minute: 2 s; then nine words, two whole sentences within one cue's lines.
    assert.deepEqual(cues.map((c) => [c.startTime, c.endTime, ...voiceAndText(c)]), [
      [0, 2, 'Question', 'Why did you start?'],
      [2, 6.5, 'Jane Roe', 'Because nobody else would. It was that simple, really.'],
    ]);
  });

  it('shares the time between two timestamps among the unstamped turns by their words', async () => {
    const text = lines('[00:00:10] Ada King: One two three four.', '', 'Bob Lee: Five six seven eight.', '', '[00:00:30] Ada King: Nine.');
    const cues = parseValid(await exportedText(text, 'vtt'));
    assert.deepEqual(cues.map((c) => c.startTime), [10, 20, 30]);
  });

  it('writes no voice for an unlabelled turn, and keeps annotations in the cue unless asked not to', async () => {
    const text = lines('[00:00:00] Good evening, and welcome. (Applause.)', '', '[00:00:04] Ada King: Thank you. [inaudible] Thank you all.');
    const cues = parseValid(await exportedText(text, 'vtt'));
    assert.deepEqual(cues.map(voiceAndText), [[undefined, 'Good evening, and welcome. (Applause.)'], ['Ada King', 'Thank you. [inaudible] Thank you all.']]);
    const plain = parseValid(await exportedText(text, 'vtt', { annotations: false }));
    assert.deepEqual(plain.map(voiceAndText), [[undefined, 'Good evening, and welcome.'], ['Ada King', 'Thank you. Thank you all.']]);
  });

  it('exports only the speakers asked for, at their own times, and refuses a speaker the transcript lacks', async () => {
    const cues = parseValid(await exportedText(IMPORTED_FROM_WEBVTT, 'vtt', { speakers: ['jane roe'] }));
    assert.deepEqual(cues.map((c) => [c.startTime, ...voiceAndText(c)]), IMPORTED_CUES.filter(([, voice]) => voice === 'Jane Roe'));
    await assert.rejects(exported(IMPORTED_FROM_WEBVTT, 'vtt', { speakers: ['Nobody'] }), /no speaker called “Nobody” in this transcript \(its speakers: Sam Ortiz, Jane Roe\)/);
  });

  it('without timestamps needs estimate, and then ignores the transcript’s', async () => {
    await assert.rejects(exported(IMPORTED_FROM_WEBVTT, 'vtt', { timestamps: false }), /without the transcript's timestamps/);
    const cues = parseValid(await exportedText(IMPORTED_FROM_WEBVTT, 'vtt', { timestamps: false, estimate: true }));
    assert.equal(cues[0].startTime, 0);
    assert.ok(cues.every((c) => !/\d\d:\d\d/.test(c.text)));
  });

  it('leaves out a timestamp that goes back in time, and says so', async () => {
    const text = lines('[00:01:00] Ada King: First.', '', '[00:00:30] Bob Lee: Second.', '', '[00:01:10] Ada King: Third.');
    const { content, notes } = await exported(text, 'vtt');
    assert.deepEqual(parseValid(content as string).map((c) => c.startTime), [60, 65, 70]);
    assert.deepEqual(notes, ['1 timestamp earlier than the one before ignored, to keep the times in order.']);
  });

  it('follows the line-length and lines settings', async () => {
    const text = '[00:00:00] Ada King: A sentence of some length that needs wrapping. And another one here.';
    const cues = parseValid(await exportedText(text, 'vtt', { vtt: { lineLength: 20, lines: 1 } }));
    for (const cue of cues) {
      const cueLines = cue.text.replace(/^<v [^>]*>/, '').split('\n');
      assert.equal(cueLines.length, 1);
      assert.ok(characters(cueLines[0]) <= 20, cueLines[0]);
    }
  });

  it('exports real transcripts: every timestamp starts a cue, and the validator accepts them', async () => {
    for (const [name, stamps] of [['strato_whisperx_taaki.md', 73], ['seunlocked_dabit.md', 16]] as const) {
      const text = exportFixture(name);
      const cues = parseValid(await exportedText(text, 'vtt'));
      const starts = new Set(cues.map((c) => c.startTime));
      const written = [...text.matchAll(/\[(\d\d):(\d\d)(?::(\d\d))?\]/g)].map((m) => (m[3] ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : Number(m[1]) * 60 + Number(m[2])));
      assert.equal(written.length, stamps, name);
      for (const seconds of written) assert.ok(starts.has(seconds), `${name}: a cue starts at ${seconds} s`);
      assert.ok(cues.every((c) => voiceAndText(c)[0]), `${name}: every cue has its speaker`);
    }
  });
});
