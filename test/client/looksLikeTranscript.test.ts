import * as assert from 'node:assert/strict';
import { looksLikeTranscript } from '../../client/src/looksLikeTranscript';
import { corpusFile, lines } from '../util/fixtures';

describe('client: a .txt file that looks like a transcript', () => {
  it('is one where three of the first lines open with a label, in any of the common shapes', () => {
    const shapes = [
      ['Sergey Lavrov: Hello.', 'Question: Why?', 'Sergey Lavrov: Because.'],
      ['**Anna Smith:** Hello.', '**Host:** Welcome.', '**Anna Smith:** Thanks.'],
      ['Q. Where were you?', 'A. At home.', 'Q. Alone?', 'A. Yes.'],
      ['SPEAKER_00: Hello.', 'SPEAKER_01: Hi.', 'SPEAKER_00: Bye.'],
      ['[00:00:12] Anna: Hello.', '[00:00:15] Ben: Hi.', '[00:00:19] Anna: Bye.'],
      ['>> NARRATOR: It began.', '>> JOHN SMITH: I was there.', '>> NARRATOR: And then.'],
      ['MS. PSAKI:  Hi, everyone.', 'Q    Thanks, Jen.', 'MS. PSAKI:  Sure.', 'Mr. Churkin (Russian Federation): Yes.'],
    ];
    for (const shape of shapes) assert.ok(looksLikeTranscript(lines('Title of the talk', '', ...shape)), shape[0]);
    assert.ok(looksLikeTranscript(corpusFile('seed_lavrov_2023-04-11.txt')));
  });

  it('is not prose, notes with a colon now and then, a log or code', () => {
    const texts = [
      lines('It was a cold day.', 'We went out: it snowed.', 'Nothing else happened.', 'The end.'),
      lines('Note: one.', 'Some text here.', 'TODO: more.'),
      lines('2024-01-01 12:00:01 ERROR: disk full', '2024-01-01 12:00:02 ERROR: disk full', '2024-01-01 12:00:03 ERROR: disk full'),
      lines('function f() {', '  return a ? b : c;', '}', 'const x = { a: 1 };', 'key: value'),
    ];
    for (const text of texts) assert.ok(!looksLikeTranscript(text), text);
  });

  it('reads only the first 40 non-blank lines', () => {
    const prose = Array.from({ length: 40 }, (_, i) => `Sentence number ${i}.`);
    assert.ok(!looksLikeTranscript(lines(...prose, 'Anna: a.', 'Ben: b.', 'Anna: c.')));
    assert.ok(looksLikeTranscript(lines(...prose.slice(3), 'Anna: a.', '', '', 'Ben: b.', 'Anna: c.')));
  });
});
