import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, lines } from '../util/fixtures';

const service = () => createLanguageService();
const incomplete = (text: string, options = {}) =>
  service().provideDiagnostics(document(text), undefined, options).filter((d) => d.code === 'incomplete-sentence');

describe('diagnostics: incomplete-sentence', () => {
  it('flags exactly the ten truncated lines of the seed, and covers only their last words', () => {
    const found = incomplete(corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.deepEqual(found.map((d) => d.range.start.line + 1), [3, 4, 9, 10, 11, 12, 14, 15, 16, 17]);
    const first = found[0];
    assert.deepEqual(first.range, { start: { line: 2, character: 39 }, end: { line: 2, character: 72 } });
    assert.equal(first.severity, 2);
    assert.match(String(first.message), /stops at “from”/);
    const days = found.find((d) => d.range.start.line === 10)!;
    assert.deepEqual(days.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 7 } });
  });

  it('fires on a paragraph with no final punctuation, or one that stops on an article before its full stop', () => {
    assert.equal(incomplete('Sergey Lavrov: We discussed the developments in').length, 1);
    assert.equal(incomplete(lines('Question: Where?', '', 'Sergey Lavrov: We met with the.')).length, 1);
    assert.equal(incomplete('Sergey Lavrov: It was a long day, and').length, 1);
    assert.equal(incomplete('Sergey Lavrov: We agreed on three points, then').length, 1);
  });

  it('does not fire on finished sentences, questions, quotes, stage directions, or marked gaps', () => {
    const fine = [
      'Sergey Lavrov: We have just signed a schedule.',
      'Question: What are you looking for?',
      'Sergey Lavrov: He said, “This is final.”',
      'MS. PSAKI: It may be. (Laughter.)',
      'Sergey Lavrov: The talks continue [inaudible]',
      'Sergey Lavrov: The situation in and around […]',
      'Sergey Lavrov: The situation in and around [...]',
      'Sergey Lavrov: We spoke at [00:12:34] and agreed. [00:13:00]',
      'Sergey Lavrov: Our cultural ties are expanding:',
      'Sergey Lavrov: And open it up for Q&A.',
      'Q    Two questions each.',
      'Sergey Lavrov: 私たちは合意しました。',
    ];
    for (const text of fine) assert.deepEqual(incomplete(text), [], text);
  });

  it('does not fire on header lines, headings, labels alone, salutations, interrupted speech and list items', () => {
    const text = lines(
      'Foreign Minister Sergey Lavrov’s remarks, Moscow, April 11, 2023',
      '2023-04-11',
      '',
      '# Opening remarks',
      '',
      'Sergey Lavrov:',
      'Ladies and gentlemen,',
      '',
      'Mr President, Mr Karzai, colleagues,',
      '',
      'We were about to —',
      '',
      'Well, it seems --',
      '',
      '- first, the transit corridor',
      '1. second, the energy roadmap',
      '',
      'Thank you.',
    );
    assert.deepEqual(incomplete(text), []);
  });

  it('does not fire on a closing remark that ends a turn, and still fires on a cut of as few words', () => {
    const closings = lines(
      'Bernie Sanders: I want to end these wars. I look forward to the discussion ahead.', '', 'Thank you', '', '(APPLAUSE)', '',
      'Peter Sagal: And it was the book.', '', 'Bill Kurtis: Exactly', '',
      'Speaker 2: We stream the whole blockchain in a month.', '', 'But yeah,', '',
      'Jake Tapper: Gracias, senator.',
    );
    assert.deepEqual(incomplete(closings), []);
    assert.equal(incomplete(lines('Bernie Sanders: I want to end these wars.', '', 'We have', '', 'Jake Tapper: Thank you.')).length, 1);
    assert.equal(incomplete(lines('Bernie Sanders: I want to end these wars.', '', 'Thank you', '', 'and', '', 'Jake Tapper: Thank you.')).length, 1);
  });

  it('does not fire on page numbers, datelines, or a heading that recurs over a question and its supplementary', () => {
    // One line of each kind at a time: three unfinished lines would make the transcript read as verbatim.
    const around = (line: string) => lines(
      'Mr SPEAKER: Order.', '', line, '',
      'Mr LANGBROEK: My question is to the Minister for Transport. Will she sell it?', '', 'Ms NOLAN: No.', '',
      'Mr SPEAKER: Order.', '', line, '',
      'Mr LANGBROEK: Will she sell any of it?', '', 'Ms NOLAN: No, and I said so.',
    );
    for (const line of [
      'Queensland Rail', 'Page 3 of 3', 'Hillary Clinton Challenges Bernie Sanders on Policy Shifts JAN. 17, 2016', 'celebrada el jueves, 15 de abril de 2004',
      'Debate sobre la investidura del candidato ... (Página 16)', '9 Feb - 10 Feb\tBelgium: Brussels\tMeeting with the Director\t€246.98', '| Date | Place | Cost |',
    ]) {
      assert.deepEqual(incomplete(around(line)), [], line);
    }
    assert.equal(incomplete(around('We will sell the railway')).length, 2);
  });

  it('does not fire on a sentence that goes on in the next paragraph, or after a colon', () => {
    assert.deepEqual(incomplete(lines('Sergey Lavrov: We discussed the situation in', '', '(Applause.)', '', 'and around the region.')), []);
    assert.deepEqual(incomplete(lines('Sergey Lavrov: I call item one:', '', 'Report of the Secretary-General on the situation', '', 'We begin.')), []);
  });

  it('waits while the user types in a paragraph, and checks the others', () => {
    const text = lines('Sergey Lavrov: We discussed the developments in', '', 'And we met the');
    const typingAt = text.length;
    const found = incomplete(text, { typingAt });
    assert.deepEqual(found.map((d) => d.range.start.line), [0]);
  });

  it('is silenced by a truncation mark, an ignore comment for the next paragraph, or one for the file', () => {
    assert.deepEqual(incomplete(lines('<!-- transcript-ignore incomplete-sentence -->', 'We discussed the developments in', 'We discussed the situation in')).map((d) => d.range.start.line), [2]);
    assert.deepEqual(incomplete(lines('We discussed the developments in <!-- transcript-ignore -->', 'We discussed the situation in')).map((d) => d.range.start.line), [1]);
    assert.deepEqual(incomplete(lines('Title line', '<!-- transcript-ignore-file incomplete-sentence -->', 'We discussed the developments in', '', 'Days of')), []);
  });

  it('reads German word lists for a German transcript', () => {
    const german = lines('---', 'language: de', '---', 'Volker Kauder (CDU/CSU):', 'Wir rufen die Sitzung für Mittwoch ein.', '', 'Das Wort hat der Kollege von der');
    assert.deepEqual(incomplete(german).map((d) => d.range.start.line), [6]);
  });
});
