import * as assert from 'node:assert/strict';
import { createLanguageService, mediaCandidates } from '../../server/src/service';
import { DerivedResults } from '../../server/src/service/derivedResults';
import { provideTimeAt } from '../../server/src/service/languageFeatures/media';
import { noCancellation } from '../../server/src/service/types';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { conversionAdvice, mediaExtension } from '../../server/src/service/languageFeatures/mediaSource';
import { cursor, document, lines } from '../util/fixtures';

/** The service's answers for a fixture whose `|` marks the position asked about. */
function at(fixture: string) {
  const { text, offset } = cursor(fixture);
  const service = createLanguageService();
  const doc = document(text);
  return { service, doc, text, position: new LineIndex(text).positionAt(offset) };
}

function timeAt(fixture: string) {
  const { service, doc, position } = at(fixture);
  return service.provideTimeAt(doc, position);
}

describe('media: timestamps as links', () => {
  it('links bracketed stamps and times in or before labels, each to the play command with its time', () => {
    const text = lines(
      '[00:00:04.500] Omar Haddad: Good morning.',
      '(00:00:09) Jane Roe: Hello.',
      '00:00:12 Omar Haddad: Next.',
      'Jane Roe (00:01:02): Fine [01:05] and more.',
      'Omar Haddad  1:10',
      'Words below the name.',
    );
    const service = createLanguageService();
    const links = service.provideMediaLinks(document(text));
    const index = new LineIndex(text);
    const written = links.map((l) => text.slice(index.offsetAt(l.range.start), index.offsetAt(l.range.end)));
    assert.deepEqual(written, ['[00:00:04.500]', '00:00:09', '00:00:12', '00:01:02', '[01:05]', '1:10']);
    const seconds = links.map((l) => JSON.parse(decodeURIComponent(l.target!.split('?')[1]))[0].seconds);
    assert.deepEqual(seconds, [4.5, 9, 12, 62, 65, 70]);
    assert.ok(links.every((l) => l.target!.startsWith('command:transcript.playFrom?')));
    assert.equal(JSON.parse(decodeURIComponent(links[0].target!.split('?')[1]))[0].uri, 'file:///test.transcript');
    assert.equal(links[3].tooltip, 'Play the recording from 00:01:02');
  });

  it('takes no clock time of day in a label for a stamp, and gives no links without times', () => {
    const service = createLanguageService();
    assert.deepEqual(service.provideMediaLinks(document(lines('Mr LANGBROEK (10:30 am): Thank you.', 'Jane Roe: Hello.'))), []);
  });

  it('places links in UTF-16 units after emoji and CRLF line ends', () => {
    const text = 'Omar 😀 Haddad: Hi.\r\nJane Roe: 😀 [00:00:03] again.';
    const service = createLanguageService();
    const [link] = service.provideMediaLinks(document(text));
    assert.deepEqual(link.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 23 } });
  });
});

describe('media: transcript/timeAt', () => {
  it('gives the stamp of the turn at the position, exactly', () => {
    assert.deepEqual(timeAt(lines('[00:00:01] Omar Haddad: Good morning.', '[00:00:05] Jane Roe: Hel|lo.')), { seconds: 5, exact: true });
  });

  it('gives an inline stamp in effect after it, and the turn’s time before it', () => {
    const turn = lines('[00:00:01] Omar Haddad: Good morning. [00:00:03] And wel|come.');
    assert.deepEqual(timeAt(turn), { seconds: 3, exact: true });
    assert.deepEqual(timeAt(lines('[00:00:01] Omar Haddad: Good mo|rning. [00:00:03] And welcome.')), { seconds: 1, exact: true });
  });

  it('interpolates an unstamped turn between its stamped neighbours by their words, and says so', () => {
    // 4 words, then 4 words: the middle turn starts half-way from 10 s to 20 s.
    const fixture = lines(
      '[00:00:10] Omar Haddad: one two three four.',
      'Jane Roe: five six se|ven eight.',
      '[00:00:20] Omar Haddad: nine.',
    );
    assert.deepEqual(timeAt(fixture), { seconds: 15, exact: false });
  });

  it('reads a time in the label, and a stamp on the line below a name', () => {
    assert.deepEqual(timeAt(lines('Jane Roe (00:01:02): Fine, th|anks.')), { seconds: 62, exact: true });
    assert.deepEqual(timeAt(lines('Jane Roe:', '[00:00:07] Fine, th|anks.')), { seconds: 7, exact: true });
  });

  it('continues after the last stamp at the speaking rate, and gives the first time in the header', () => {
    // 160 words a minute: 8 words after the stamp are 3 s.
    const after = timeAt(lines('[00:00:10] Omar Haddad: one two three four five six seven eight.', 'Jane Roe: A|nd?'));
    assert.deepEqual(after, { seconds: 13, exact: false });
    assert.deepEqual(timeAt(lines('Press conf|erence', '', '[00:00:10] Omar Haddad: Hello.')), { seconds: 10, exact: true });
  });

  it('answers null for a transcript without timestamps', () => {
    assert.equal(timeAt(lines('Omar Haddad: Good morning.', 'Jane Roe: Hel|lo.')), null);
  });
});

describe('media: the timeline after an edit', () => {
  it('reads again the timestamps of the edited paragraph only, and times the turns anew', () => {
    const service = createLanguageService();
    const results = new DerivedResults();
    const paragraphs = Array.from({ length: 20 }, (_, i) => `[00:00:${String(i * 2).padStart(2, '0')}] Omar Haddad: Paragraph ${i} [00:00:${String(i * 2 + 1).padStart(2, '0')}] goes on.`);
    const at = (model: ReturnType<typeof service.getModel>) => provideTimeAt(results, model, { line: 7, character: 40 }, noCancellation);
    const first = service.getModel({ ...document(lines(...paragraphs), 'file:///timeline.transcript'), version: 1 });
    assert.deepEqual(at(first), { seconds: 15, exact: true });
    assert.equal(results.computations('paragraph timestamps'), 20);
    paragraphs[7] = 'Omar Haddad: Paragraph 7 has lost its stamps, and goes on.';
    const second = service.getModel({ ...document(lines(...paragraphs), 'file:///timeline.transcript'), version: 2 });
    const interpolated = at(second)!;
    assert.equal(results.computations('paragraph timestamps'), 21);
    assert.equal(interpolated.exact, false);
    assert.ok(interpolated.seconds > 13 && interpolated.seconds < 16, `${interpolated.seconds}`);
  });
});

describe('media: transcript/positionAt', () => {
  const text = lines(
    '[00:00:01] Omar Haddad: Good morning.',
    'Jane Roe: Hello there, how are you?',
    '[00:00:10] Omar Haddad: Fine. [00:00:12] Thanks.',
  );
  const positionAt = (seconds: number) => createLanguageService().providePositionAt(document(text), seconds);

  it('gives the start of the turn or stamp in effect at a time, with the turn’s range', () => {
    assert.deepEqual(positionAt(1.5)?.position, { line: 0, character: 0 });
    assert.deepEqual(positionAt(11)?.position, { line: 2, character: 0 });
    assert.deepEqual(positionAt(12.5)?.position, { line: 2, character: 30 });
    assert.deepEqual(positionAt(11)?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 48 } });
  });

  it('finds an interpolated turn, and the first turn before every time', () => {
    // Jane Roe's turn starts at 1 + 9 × 3/10 s (3 words of 10 before the next stamp).
    assert.deepEqual(positionAt(5)?.position, { line: 1, character: 0 });
    assert.deepEqual(positionAt(0)?.position, { line: 0, character: 0 });
    assert.equal(createLanguageService().providePositionAt(document('Omar Haddad: Hello.'), 3), null);
  });

  it('is the inverse of timeAt at each turn’s start', () => {
    const service = createLanguageService();
    const doc = document(text);
    for (const line of [0, 1, 2]) {
      const time = service.provideTimeAt(doc, { line, character: 0 })!;
      assert.equal(service.providePositionAt(doc, time.seconds)!.position.line, line);
    }
  });
});

describe('media: timestamp-past-media-end', () => {
  const text = lines('[00:00:01] Omar Haddad: Good morning.', '[00:00:05] Jane Roe: Hello.', '[00:01:00] Omar Haddad: Bye.');

  it('reports the stamps past the recording’s end once its duration is known', () => {
    const service = createLanguageService();
    const found = service.provideDiagnostics(document(text), undefined, { mediaDuration: 6 }).filter((d) => d.code === 'timestamp-past-media-end');
    assert.deepEqual(found.map((d) => [d.range.start.line, d.message]), [[2, 'Timestamp 00:01:00 is past the end of the recording (00:00:06).']]);
    assert.equal(found[0].severity, 2);
    assert.equal(service.provideDiagnostics(document(text)).filter((d) => d.code === 'timestamp-past-media-end').length, 0);
  });

  it('follows the severity setting and the ignore comments', () => {
    const off = createLanguageService({ severity: { 'timestamp-past-media-end': 'off' } });
    assert.equal(off.provideDiagnostics(document(text), undefined, { mediaDuration: 6 }).length, 0);
    const ignored = lines('<!-- transcript-ignore-file timestamp-past-media-end -->', text);
    assert.equal(createLanguageService().provideDiagnostics(document(ignored), undefined, { mediaDuration: 6 }).length, 0);
  });
});

describe('media: where the recording is', () => {
  it('looks beside the transcript for a file of the same name', () => {
    const found = mediaCandidates('file:///home/me/hearing%20one.transcript');
    assert.deepEqual(found.slice(0, 3), ['file:///home/me/hearing%20one.mp3', 'file:///home/me/hearing%20one.m4a', 'file:///home/me/hearing%20one.wav']);
    assert.equal(found.length, 7);
  });

  it('resolves the front matter’s media: relative, absolute, or a URL', () => {
    assert.deepEqual(mediaCandidates('file:///home/me/t/a.transcript', '../audio/my file #1.opus'), ['file:///home/me/audio/my%20file%20%231.opus']);
    assert.deepEqual(mediaCandidates('file:///home/me/a.transcript', '/srv/a.mp3'), ['file:///srv/a.mp3']);
    assert.deepEqual(mediaCandidates('file:///c%3A/t/a.transcript', 'C:\\media\\a.mp3'), ['file:///C:/media/a.mp3']);
    assert.deepEqual(mediaCandidates('untitled:Untitled-1', 'https://example.org/a.mp3'), ['https://example.org/a.mp3']);
    assert.deepEqual(mediaCandidates('untitled:Untitled-1'), []);
  });

  it('gives the front matter’s media through the service', () => {
    const service = createLanguageService();
    const doc = document(lines('---', 'media: rec.ogg', '---', 'Omar Haddad: Hello.'), 'file:///x/t.transcript');
    assert.deepEqual(service.provideMediaCandidates(doc), { declared: 'rec.ogg', candidates: ['file:///x/rec.ogg'] });
  });

  it('advises an ffmpeg conversion the player can play', () => {
    assert.equal(mediaExtension('file:///a/B.M4A'), '.m4a');
    assert.match(conversionAdvice('talk.m4a'), /ffmpeg -i "talk\.m4a" -c:a libopus "talk\.opus"/);
    assert.match(conversionAdvice('talk.mp4'), /libvpx-vp9.*"talk\.webm"/);
  });
});
