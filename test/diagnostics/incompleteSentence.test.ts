import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, lines } from '../util/fixtures';
import { EditableDocument } from '../util/editableDocument';

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
    // Prose is not taken for a heading: its words are missing where it stops on `the`.
    assert.equal(incomplete(around('We will sell the railway to the')).length, 2);
  });

  it('does not fire where the next speaker cuts in on a sentence in a transcript that leaves such cuts unmarked, and still fires where words are lost', () => {
    // A justice cuts in on counsel, twice, and no turn of the transcript ends in a dash: the words said are all there.
    const argument = (last: string, marked = '') => lines(
      'Sarah R. Weddington:', last, '', 'Byron R. White:', 'Do you or do you not say that the constitutional', '',
      'Sarah R. Weddington:', `We do.${marked}`, '', 'Potter Stewart:', `What of the statute?${marked}`, '', 'Sarah R. Weddington:', `It is void.${marked}`,
    );
    assert.deepEqual(incomplete(argument('He did not ask any relief of the court relating to his pending State')), []);
    // A transcript that marks the next speaker cutting in (`We do —`) has lost words where a turn stops unmarked.
    assert.equal(incomplete(argument('He did not ask any relief of the court relating to his pending State', ' And —')).length, 2);
    const objections = lines(
      'Q. Are you sure you don\'t know', '', 'MR. LEOPOLD: Objection.', '', 'THE WITNESS: I am positive.', '', 'Q. Did you ever speak to', '',
      'MR. LEOPOLD: Objection, form.', '', 'THE WITNESS: No.', '', 'Q. And the reporters', '', 'MR. LEOPOLD: Objection.',
    );
    // `speak to` stops on a word no sentence ends on: words are lost there all the same.
    assert.deepEqual(incomplete(objections).map((d) => d.range.start.line + 1), [7]);
    assert.deepEqual(incomplete(lines('HOST: The good old days as we call them,', '', 'GUEST: Or the bad old days', '', 'HOST: Right.')), []);
    // Where it stops on a word no sentence ends on, or on a word itself broken off, words are lost.
    assert.equal(incomplete(argument('He did not ask any relief of the court relating to the')).length, 1);
    const broken = lines(
      'Fyodor Lukyanov: Tell us what should be done in resolving the conflict in Ukrain', '', 'Hamid Karzai: Ukraine is far from Kabul', '',
      'Fyodor Lukyanov: Thank you.',
    );
    assert.equal(incomplete(broken).length, 1);
    // Within a turn, the next paragraph the same speaker's, a sentence without its end is still one.
    const within = lines('Sergey Lavrov: We discussed the situation in the region', '', 'We agreed on it', '', 'Question: Thank you', '', 'Sergey Lavrov: Yes.');
    assert.equal(incomplete(within).length, 1);
    // The same speaker labelled again is no one cutting in.
    assert.equal(incomplete(lines('GRASSLEY: We will hear the witness now', '', 'GRASSLEY: Dr. Ford, welcome', '', 'FORD: Thank you.')).length, 1);
  });

  it('reads a broken-off word against the words the text writes after each edit, as a fresh check does', () => {
    const service = createLanguageService();
    const doc = new EditableDocument(lines(
      'Fyodor Lukyanov: Tell us what should be done in resolving the conflict in Ukrain', '', 'Hamid Karzai: Ukraine is far from Kabul', '',
      'Fyodor Lukyanov: Thank you.',
    ));
    const flagged = () => service.provideDiagnostics(doc).filter((d) => d.code === 'incomplete-sentence').length;
    assert.equal(flagged(), 1);
    // Once the text no longer writes `Ukraine`, `Ukrain` is a word of its own, cut in on by the next speaker.
    const at = doc.getText().indexOf('Ukraine is');
    doc.edit(at, at + 'Ukraine'.length, 'Russia');
    assert.equal(flagged(), 0);
    doc.edit(at, at + 'Russia'.length, 'Ukraine');
    assert.equal(flagged(), 1);
  });

  it('does not fire on a scrap of one word or on a web page\'s markup, and still fires on a longer cut', () => {
    const between = (line: string) => lines('HOST: Good morning.', '', 'PM: Good morning.', '', line, '', 'PM: Thanks for having me.');
    for (const scrap of ['ends', 'Signed,', '6,', '<div class="transcript">', '</div>']) assert.deepEqual(incomplete(between(scrap)), [], scrap);
    // Two words may be a cut sentence: `It’s also`.
    assert.equal(incomplete(between('It’s also')).length, 1);
    assert.equal(incomplete(between('We delivered on the major bank levy and it went through the')).length, 1);
    // OCR's scraps and a release's end mark on lines of their own, after a finished sentence.
    assert.deepEqual(incomplete(lines('LAWS: Keep your voice up a bit, you\'re a bit quiet.', '6,', '* 1', '', 'CALLER: Yes.')), []);
    assert.deepEqual(incomplete(lines('CALLER: Thank you.', 'LAWS: I\'ll look forward to seeing you very soon.', 'ends')), []);
    assert.equal(incomplete(lines('LAWS: We will look forward to seeing', 'you in')).length, 1);
  });

  it('does not fire on a sentence that goes on in the next paragraph, or after a colon', () => {
    assert.deepEqual(incomplete(lines('Sergey Lavrov: We discussed the situation in', '', '(Applause.)', '', 'and around the region.')), []);
    assert.deepEqual(incomplete(lines('Sergey Lavrov: I call item one:', '', 'Report of the Secretary-General on the situation', '', 'We begin.')), []);
    // Over a page break of an OCR'd transcript, the page's number on its own line before the words that go on.
    const overPage = (number: string) => lines('PM: And, in fact, what the pilots said, look, we think we are', '', number, 'in a pretty strong position.', 'LAWS: Yes.');
    for (const number of ['-24', '23', '2..']) assert.deepEqual(incomplete(overPage(number)), [], number);
    assert.equal(incomplete(overPage('24 Pilots')).length, 1);
  });

  it('does not fire on Markdown code or a footnote under a table, and still fires on the prose around them', () => {
    const text = lines(
      'BILL KURTIS: I am the carnivorous anchorman Bill Kurtis.', '', '```', 'carnivorous - eat meat', 'anchorman - host', '```', '',
      'SAGAL: Thank you, Bill.', '', '```A mellow sound is pleasant, smooth, and rich```', '',
      'Ms HUMPHREYS: The costs are in the table.', '', '*Please note other expenses include: Briefings/Interpreters/Meetings', '',
      'Deputy Mary Lou McDonald: I thank the Minister.',
    );
    assert.deepEqual(incomplete(text), []);
    assert.equal(incomplete(lines('SAGAL: Thank you, Bill.', '', '*Please note* that other expenses include the', '', 'KURTIS: Thanks.')).length, 1, 'emphasis, no footnote');
    assert.equal(incomplete(lines('SAGAL: Thank you, Bill.', '', '* the costs of the', '', 'KURTIS: Thanks.')).length, 0, 'a list item');
    assert.equal(incomplete(lines('SAGAL: The show was bought by', '', 'KURTIS: Google, he says.')).length, 1, 'prose between two turns');
  });

  it('does not fire on a podcast’s chapter marks in its show notes, nor on a heading after a no-break space kept as an entity', () => {
    const notes = lines(
      '- [TDD](https://en.wikipedia.org/wiki/Test-driven_development)', '  14:35 - Testing the Happy Path16:48 - Writing Tests First', '',
      '05:33 - Options (Cont’d)06:44 - Getting to the Why', '', '&nbsp;Picks', '', '**CHUCK:&nbsp;** Hey everybody, welcome.',
    );
    assert.deepEqual(incomplete(notes), []);
    // A time before words that do not name a chapter, and a label's words cut, are still flagged.
    assert.equal(incomplete(lines('**CHUCK:&nbsp;** Hey everybody, welcome.', '', '**AJ:&nbsp;** We were talking about the')).length, 1);
    assert.equal(incomplete(lines('Sam: Hello.', '', '14:35 and then we went to the')).length, 1);
  });

  it('does not fire on a transcriber’s note in parentheses after a finished or broken-off sentence, or on a gap note', () => {
    const fine = [
      'MSM: One that this brings to mind is, do we take grep and yacc and get awk?(not clear)',
      'Eric Abetz: If she can still hear my answer above the arrogance of the Leader of the Opposition in the Senate—(Time expired)',
      '__Ben__: Around 2012, 2013— or, sorry, 2016, 2017 (_unintelligible— 3:56_)',
    ];
    for (const text of fine) assert.deepEqual(incomplete(lines(text, '', 'Kernighan: Yes.')), [], text);
    // A note after words that do not finish a sentence leaves them unfinished.
    assert.equal(incomplete(lines('MSM: We take grep and yacc (the parser generator)', '', 'Kernighan: Yes, that is the idea.')).length, 1);
  });

  it('does not fire on notes that stop mid-sentence before the list or the code they introduce, and still fires before prose', () => {
    const notes = lines(
      'nikomatsakis: definitely no 100% right answer but', '', '* if people do want a ref, they get a borrow check error', '',
      'tmandry: we will expand this to', '', '```rust', 'let t = (&foo(), &bar());', '```', '',
      'pnkfelix: the next steps are', '', '1. write the RFC', '', 'eholk: Agreed.',
    );
    assert.deepEqual(incomplete(notes), []);
    // A dash opening the next words goes on with speech broken off; and a list under a labelled turn is that turn's words.
    assert.equal(incomplete(lines('MS. JEAN-PIERRE: No, we haven’t', '', 'Q — on whether he could do it.', '', 'MS. JEAN-PIERRE: Yes.')).length, 1);
    assert.equal(incomplete(lines('Ms HALE: We were about to go to the', '', 'Mr ROSS: Then go.', '', 'Ms HALE: I will.')).length, 1);
  });

  it('does not fire where the transcript does not punctuate, and still fires on a cut in one that does', () => {
    const words = 'we looked at the numbers again and the team thinks the release can go out next week if the tests pass and nobody objects '
      + 'to the change in the fee policy that was discussed at the last meeting with the other implementers of the spec';
    const machine = lines(...['Alice', 'Bob', 'Carol', 'Alice'].flatMap((name) => [`${name}: ${words} and then the`, '']));
    assert.deepEqual(incomplete(machine), []);
    // One turn of two long paragraphs without a sentence's end among punctuated turns.
    const turn = lines('Alice: We met today.', '', `Bob: ${words}`, '', `${words} and the`, '', 'Alice: Thank you. We will see.', '', 'Bob: Good.');
    assert.deepEqual(incomplete(turn), []);
    // One long sentence that lost its full stop in a punctuated transcript is the finding itself.
    const punctuated = lines('Alice: We met today.', '', `Bob: ${words}`, '', 'Alice: Thank you. We will see.', '', 'Bob: Good.');
    assert.equal(incomplete(punctuated).length, 1);
  });

  it('does not fire where a speech-to-text engine\'s voice is cut in on by the next, even on a word no sentence ends on', () => {
    const diarised = lines(
      'Speaker 4: Yeah, for inputs, that\'s right. But you\'re talking about a subset where you can', '',
      'Speaker 3: You might be able to employ some tricks.', '', 'Speaker 4: Right.', '', 'Speaker 3: Yes.',
    );
    assert.deepEqual(incomplete(diarised), []);
    // Named speakers in an edited transcript: the cut on `can` still says words are lost.
    const named = lines('Ann Lee: You are talking about a subset where you can', '', 'Bo Ray: You might be able to employ some tricks.', '', 'Ann Lee: Right.');
    assert.equal(incomplete(named).length, 1);
  });

  it('does not fire where the next turn goes on in lower case: a speech-to-text cue cut mid-sentence', () => {
    const cues = lines(
      '[Speaker 1] [00:09] Just before we get started, I have a baseline question for you.',
      '[Speaker 2] [00:28] Are',
      '[Speaker 1] [00:31] we of the last breed to have done an in person code review?',
    );
    assert.deepEqual(incomplete(cues), []);
    const labelAlone = lines('Emma  6:20  ', 'find your beauty products are', '', 'Unknown Speaker  6:22  ', 'they linked on your website.');
    assert.deepEqual(incomplete(labelAlone), []);
    // The next turn opens in capitals: the cut is a cut.
    assert.equal(incomplete(lines('Sergey Lavrov: We discussed the developments in', '', 'Question: Thank you.')).length, 1);
  });

  it('does not fire on a turn that trails off on a conjunction in speech written as spoken, or on one alone where no dash is written', () => {
    // A speech-to-text engine's voices, named by number: the words are as spoken.
    const machine = lines(
      'SPEAKER_01: It was supposed to be a fly on the wall, but then I asked a lot of questions and so', '',
      'SPEAKER_02: That sounds very exciting.', '', 'SPEAKER_01: The vast majority have been implemented and one was done very quick', '',
      'SPEAKER_02: It was done very quickly too.', '', 'Speaker 2: So the denominators change yeah,', '', 'SPEAKER_01: Yes.',
    );
    assert.deepEqual(incomplete(machine), []);
    // Still, a word no sentence ends on says that words are missing.
    assert.equal(incomplete(lines('SPEAKER_01: We met the', '', 'SPEAKER_02: Who?')).length, 1);
    const alone = lines('**Kelly** [16:35] Emma, what are your favorite shows? So', '', '**Emma** [16:38] In all honesty, I don’t watch much TV.');
    assert.deepEqual(incomplete(alone), []);
    // A transcript that writes dashes would have marked the speaker breaking off: `So —`.
    const reply = 'Emma: In all honesty, I don’t watch much TV.';
    assert.equal(incomplete(lines('Kelly: I was — I was there. What are your favorite shows? So', '', reply)).length, 1);
    // Not alone after a sentence, nor at a turn's end: a cut.
    assert.equal(incomplete(lines('Kelly: What are your favorite shows and', '', reply)).length, 1);
    assert.equal(incomplete(lines('Kelly: What are your favorite shows? So', '', 'We watch a lot of TV at home.', '', reply)).length, 1);
  });

  it('does not fire on a transcript’s header lines before its first turn and first sentence, nor on references by number', () => {
    const header = lines(
      'Transcript of doorstop interview, Perth', '', 'Prime Minister', '',
      'Subject(s): State election; Carbon price; Asylum seekers; Roy Hill project', '',
      'HOST: Prime Minister, good morning.', '', 'PM: Good morning.',
    );
    assert.deepEqual(incomplete(header), []);
    // After the first finished sentence, a line of speech is no header; nor is one that stops on a word no sentence ends on.
    const host = 'HOST: Thank you, Prime Minister, for coming in.';
    assert.equal(incomplete(lines('Good morning, everyone.', '', 'I would like to congratulate my colleague', '', host)).length, 1);
    assert.equal(incomplete(lines('Transcript of doorstop interview, Perth', '', 'I would like to congratulate my colleague on', '', host)).length, 1);
    const references = lines(
      'Präsident Dr. Wolfgang Schäuble: Wir setzen die Sitzung mit dem Tagesordnungspunkt 2 fort:', 'Fragestunde', 'Drucksache 19/2923',
      'Die mündlichen Fragen werden in der üblichen Reihenfolge aufgerufen.',
    );
    assert.deepEqual(incomplete(lines('---', 'language: de', '---', references)), []);
  });

  it('does not fire across a court reporter’s page header and column of line numbers', () => {
    const page = lines(
      'Q. And when you say, "that\'s when the real', 'Page', '1', '2', '3', '4', '5', '', 'growth started," do you mean both?', '', 'A. Both.',
    );
    assert.deepEqual(incomplete(page), []);
  });

  it('judges an OCR\'d record by its words, not by the margin numbers left on lines of their own after them', () => {
    // As in a scanned deposition: the words end, then the margin's numbers 10 to 13 on lines of their own.
    const answered = lines('8 THE WITNESS: Good morning, Tonja. How are', '9 you?', '10', '11', '12', '13');
    assert.deepEqual(incomplete(answered), []);
    const cut = lines('8 THE WITNESS: Good morning, Tonja. How are', '9 you and the', '10', '11');
    assert.deepEqual(incomplete(cut).map((d) => d.range.end.line), [1]);
    assert.equal(incomplete(lines('MR. SMITH: How many are there?', 'THE WITNESS: There are', '25')).length, 1);
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
