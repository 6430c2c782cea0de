import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusFile, document, lines, parse, turnsOf } from '../util/fixtures';
import { createLanguageService } from '../../server/src/service';

/** The lines (0-based) of the incomplete-sentence diagnostics of a parsed text. */
function incompleteLines(model: { text: string }): number[] {
  return createLanguageService().provideDiagnostics(document(model.text)).filter((d) => d.code === 'incomplete-sentence').map((d) => d.range.start.line);
}

/** The label shapes of the families of real transcripts (docs/FORMAT.md, Speaker labels): what must be read and what must not. */
describe('parser: label shapes of every family', () => {
  const names = (text: string) => turnsOf(parse(text)).map(([name]) => name);

  it('reads labels in Markdown emphasis, with the colon inside or outside, and with a time', () => {
    assert.deepEqual(names(lines(
      '**Sam Ortiz:** Welcome to the show.', '',
      '**Jane Roe**: Thanks for having me.', '',
      '__Ben Striegel__: Hello.', '',
      '**[00:03] SPEAKER_02:** Hello, hello.', '',
      '**Emma** [0:18] Welcome to the podcast.',
    )), ['Sam Ortiz', 'Jane Roe', 'Ben Striegel', 'SPEAKER_02', 'Emma']);
  });

  it('reads a label in emphasis whose no-break space a page converted from HTML kept as an entity', () => {
    assert.deepEqual(names(lines('**CHUCK:&nbsp;** Hey everybody.', '', '**JESSICA:&#160;** Good morning.', '', '**CHUCK:** Sam Livingston-Gray.')), ['CHUCK', 'JESSICA', 'CHUCK']);
    // A blog's notes keep the entity too, and stay notes.
    assert.deepEqual(names(lines('**Note:&nbsp;**I took an extra step here.', '', '**Update:&nbsp;**It works now.')), ['-']);
  });

  it('reads a name in emphasis with no colon after a time, as Orbit FM writes it, and no other bold words after a time', () => {
    assert.deepEqual(names(lines(
      '(Intro music: Electro swing)', '', '0:00:11.3 **Adam Garrett-Harris** Hello, and welcome to BookBytes.', '', '0:00:31.5 **Jen Luker** I’m Jen Luker.', '',
      '0:02:28.0 **Adam Garrett-Harris** (laughs)', '', 'Second paragraph of the same turn.',
    )), ['-', 'Adam Garrett-Harris', 'Jen Luker', 'Adam Garrett-Harris']);
    // Without the time a bold name is emphasis; after a time a bold sentence is no name.
    assert.deepEqual(names(lines('**Jen Luker** wrote the chapter we read.', '', '0:01:02 **This is the part that matters** said the host.')), ['-']);
  });

  it('reads an interview’s questions set in bold, marker and all, and the plain words after each as its answer', () => {
    const model = parse(lines('**Q: Why did you leave the band?**', '', 'I was tired, and the band was tired of me.', '', 'It took a year to say so.', '', '**Q. And then?**', '', 'Then I moved to Lisbon.'));
    assert.deepEqual(turnsOf(model), [['Q', 'question'], ['-', 'answer'], ['Q', 'question'], ['-', 'answer']]);
    assert.equal(model.turns[1].paragraphs.length, 2);
  });

  it('reads a name in emphasis alone on its line only where the document repeats it', () => {
    const alone = lines('**Sam Ortiz**', 'Welcome.', '', '**Jane Roe**', 'Thanks.', '', '**Sam Ortiz**', 'So.', '', '**Jane Roe**', 'Yes.');
    assert.deepEqual(names(alone), ['Sam Ortiz', 'Jane Roe', 'Sam Ortiz', 'Jane Roe']);
    assert.deepEqual(names(lines('**Key Takeaways**', 'Three things matter.')), ['-']);
  });

  it('reads Q. and A. of depositions, and the bare Q of the White House, but not one list item', () => {
    const model = parse(lines('Q. Did you see him that night?', 'A. Yes, I did.', 'Q. Where?', 'A. At the bar.'));
    assert.deepEqual(turnsOf(model), [['Q', 'question'], ['A', 'answer'], ['Q', 'question'], ['A', 'answer']]);
    assert.deepEqual(names('A. First, the budget must pass before the summer recess.'), ['-']);
    assert.deepEqual(turnsOf(parse(lines('Q    Thank you.  Two questions.', '', 'THE PRESIDENT:  Go ahead.'))), [['Q', 'question'], ['THE PRESIDENT', 'answer']]);
  });

  it('reads the court reporter\'s Q and A without a dot, and no article opening a sentence', () => {
    const trial = parse(lines(
      'Q And have you also acted in mainstream movies?', '', 'A Yes.', '', 'Q Inside the gift room?', '', 'A The gift room, yes.', '',
      'Q What are you wearing?', '', 'A Navy blue jacket, second at the table.', '', 'Q How old were you at the time?', '', 'A Twenty-seven.',
    ));
    assert.deepEqual(turnsOf(trial), [
      ['Q', 'question'], ['A', 'answer'], ['Q', 'question'], ['A', 'answer'], ['Q', 'question'], ['A', 'answer'], ['Q', 'question'], ['A', 'answer'],
    ]);
    // `A` before a capitalised word is an article where the document has no answers marked so.
    assert.deepEqual(names(lines('A New York judge ruled on Monday.', '', 'A Senate committee will meet.', '', 'A Navy ship docked.')), ['-']);
  });

  it('reads `Q I understand.` where the transcript marks its answers, and leaves it where named people answer bare Qs', () => {
    const deposition = parse(lines('Q Where were you?', '', 'A I was at home.', '', "Q I understand. And then?", '', 'A I went out.', '', "Q I'm sorry, where?", '', 'A Out.'));
    assert.deepEqual(turnsOf(deposition).map(([name, role]) => `${name} ${role}`), ['Q question', 'A answer', 'Q question', 'A answer', 'Q question', 'A answer']);
    const dotted = parse(lines('Q. Where were you?', 'A. At home.', 'Q I see. Then what?', 'A. Nothing.'));
    assert.deepEqual(turnsOf(dotted).map(([name]) => name), ['Q', 'A', 'Q', 'A']);
    // A briefing's bare `Q` answered by named officials: `Q I understand.` stays in the turn before, as the White House corpus reads it.
    const briefing = parse(lines('Q Would you act absent a request?', '', 'MR. SULLIVAN: I don\'t want you to take that as the implication.', '', 'Q I understand.', '', 'MR. SULLIVAN: They have not asked.'));
    assert.deepEqual(turnsOf(briefing).map(([name]) => name), ['Q', 'MR. SULLIVAN', 'MR. SULLIVAN']);
    // The pronoun after a `Q` that is no marker stays prose.
    assert.deepEqual(names(lines('Q I think is a fine letter.', '', 'A note on the letters follows.')), ['-']);
  });

  it('reads the labels of an OCR\'d deposition after the margin line numbers glued to them, and a label after speech broken off', () => {
    const ocr = parse(lines(
      '20 Q. Has your mom spoken to any', '21 reporters?', '1 0 A. No.', '1 1 Q. Has anyone else?', '12 A. No.', '2 3 MR. SCAROLA: Object to the form of the', '2 4 question, vague.',
      '25 THE WITNESS: Yes.', 'MR. GOLDBERGER: Also present is Darryn Indyke --', 'THE WITNESS: Good morning, Jack.',
    ));
    assert.deepEqual(turnsOf(ocr).map(([name]) => name), ['Q', 'A', 'Q', 'A', 'MR. SCAROLA', 'THE WITNESS', 'MR. GOLDBERGER', 'THE WITNESS']);
    // A number before anything else stays text: a list, a title, a sum.
    assert.deepEqual(names(lines('12 Angry Men: a film we watched.', '', '3 A. Smith and partners won.')), ['-']);
  });

  it('reads the labels of a scanned press-office transcript whose colon OCR misread or lost, where the name speaks with its colon too', () => {
    const talkback = parse(lines(
      'MAUMILL: Good morning, Prime Minister.', 'PM: Good morning, Bob.', 'MAUMILLt We\'ll get straight into this. Will I get a couple of',
      'the questions over that?', 'PMs Good.', 'CALLER: Hello, Bob.', 'MAUMILLs Where are you calling from?', 'CALLER-. Newcastle, and I have a question for',
      'you.', 'PM Too right.', 'CALLER ( cont); can recall six ships that come from Spain.', 'PM ( cont) s its investment decisions.',
    ));
    assert.deepEqual(turnsOf(talkback).map(([name]) => name), [
      'MAUMILL', 'PM', 'MAUMILL', 'PM', 'CALLER', 'MAUMILL', 'CALLER', 'PM', 'CALLER', 'PM',
    ]);
    // Capitals at a line's start that no label of the document bears out stay text: a headline, a senator's title, a page's stamp.
    const prose = lines(
      'MAUMILL: Good morning.', 'PM: Good morning.', 'US President Bush said so.', 'SEN. ORRIN G. HATCH, R-UTAH', 'ROUGH DRAFT ONLY', 'PMs have always said so.',
    );
    assert.deepEqual(turnsOf(parse(prose)).map(([name]) => name), ['MAUMILL', 'PM']);
    assert.deepEqual(names(lines('MAUMILL: Good morning.', 'PM: Good morning.', 'PMs have always said so.', 'US President Bush agreed.')), ['MAUMILL', 'PM']);
    // A name in capitals alone, and lines of names, are no misread label.
    assert.deepEqual(names(lines('PM: Yes.', '', 'PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR', 'Buenos días.')), ['PM']);
  });

  it('reads an OCR\'d label in capitals with a digit in it, or its title\'s space lost, as the speaker of the same letters', () => {
    const talkback = parse(lines(
      'MAUMILL: Good morning, Prime Minister.', 'MR. HAWKE: Good morning, Bob.', 'MAUMILL: Where are you calling from?', 'CALLER: Newcastle.',
      'M4AUMILL: Roley, I had a call yesterday.', 'MRHAWKE: Well, that is right.', 'MR HAWKE: And so it is.',
    ));
    assert.deepEqual(talkback.turns.map((turn) => turn.label?.name), ['MAUMILL', 'MR. HAWKE', 'MAUMILL', 'CALLER', 'M4AUMILL', 'MRHAWKE', 'MR HAWKE']);
    // Same letters, same speaker: the name most used (the first, where as many) speaks for all.
    assert.deepEqual(turnsOf(talkback).map(([name]) => name), ['MAUMILL', 'MR. HAWKE', 'MAUMILL', 'CALLER', 'MAUMILL', 'MR. HAWKE', 'MR. HAWKE']);
    assert.equal(talkback.speakers.size, 3);
    // The colon read as a letter: `JOURNALISTz`, `JOURNALISTa`.
    const press = parse(lines(
      'JOURNALIST: Did he express concern?', 'PM: Obviously the position of Britain was discussed.', 'JOURNALISTz Prime Minister, is this the main aim?',
      'PM: Well, let me say this.', 'JOURNALISTa Why did the Government not act?', 'PM: That is for later.',
    ));
    assert.deepEqual(turnsOf(press).map(([name]) => name), ['JOURNALIST', 'PM', 'JOURNALIST', 'PM', 'JOURNALIST', 'PM']);
    // A digit in capitals no label of the document bears out stays text: a code, a model's name.
    assert.deepEqual(names(lines('PM: Yes.', 'CALLER: Right.', 'B52S: the band played on.', 'F4PHANTOM: retired in 1996.')), ['PM', 'CALLER']);
    // Names in capitals and in mixed case keep apart: `Mr Hawke` is not `MRHAWKE`'s letters in capitals.
    const mixed = parse(lines('Mr Hawke: Yes.', 'MRHAWKE: No.', 'MRHAWKE: Maybe.'));
    assert.equal(mixed.speakers.size, 2);
  });

  it('reads a label in capitals after the last words of the turn before on its line, and gives those words to that turn', () => {
    const model = parse(lines(
      'JOURNALIST: Don\'t you think that that would have been a good', 'idea? PM: Not necessary.', 'JOURNALIST: Why not?',
      'PM: Because I believe what he said. It was effective for the', 'Government. JOURNALIST: Who do you think was the guilty party, the media',
      'or Mr Keating?', 'PM: Neither.',
    ));
    assert.deepEqual(turnsOf(model), [
      ['JOURNALIST', 'question'], ['PM', 'answer'], ['JOURNALIST', 'question'], ['PM', 'answer'], ['JOURNALIST', 'question'], ['PM', 'answer'],
    ]);
    // `idea?` closes the journalist's question, on the line where the Prime Minister's turn starts.
    assert.equal(model.text.slice(model.turns[0].start, model.turns[0].end).trimEnd().slice(-5), 'idea?');
    assert.equal(model.lines.lineAt(model.turns[1].label!.start), 1);
    // A title's dot ends no sentence, and a label at the line's start is read as one: `BY MS. HADDAD:`, `Mr. SMITH:`.
    assert.deepEqual(names(lines('Q. Did you?', 'A. Yes.', '10 BY MS. HADDAD:', 'Q. And then?', 'A. No.')), ['Q', 'A', 'Q', 'A']);
    const titled = parse(lines('MR. JONES: I will.', 'Mr. SMITH: So will I.', 'J. SMITH: And I.'));
    assert.deepEqual(titled.turns.map((turn) => turn.label?.name), ['MR. JONES', 'Mr. SMITH', 'J. SMITH']);
    // Words in capitals before a colon in the middle of a sentence are no label: it takes the sentence's end before them.
    assert.deepEqual(names(lines('PM: We signed it with the', 'US and the UK ARMY: the rest followed.')), ['PM']);
  });

  it('starts a turn at a label in capitals whatever the line above ended on, and after a page\'s furniture', () => {
    // OCR lost the question mark: the answer still starts its turn.
    const unpunctuated = lines('JOURNALIST: Do you think the Government is looking a bit', 'ragged after the election', 'PM: No, I don\'t.');
    assert.deepEqual(names(unpunctuated), ['JOURNALIST', 'PM']);
    // A page's number, a reporter's firm and phone, a document's id before the next label of a scanned deposition.
    const deposition = parse(lines(
      'Q. Were they partners?', 'A. No.', 'Q. So it was basically an ego thing, it had', 'nothing to do with the firm?',
      'A. They got paid more generally, but', 'with distributions.',
      'Page 9', 'FRIEDMAN, LOMBARDI & OLSON', '305-371-6677', '5ed93085-0554-447f-bcdd-ca2d8fe941df', 'Q. When you were hiring all',
      'those lawyers, did you pay them?', '23', '24', '25', 'MS. HADDAD: Fine, thank you.',
    ));
    assert.deepEqual(turnsOf(deposition).map(([name]) => name), ['Q', 'A', 'Q', 'A', 'Q', 'MS. HADDAD']);
    // The furniture closing a turn is no unfinished sentence.
    assert.deepEqual(incompleteLines(deposition), []);
    // After furniture, a long label in capitals (a cover page's firm) or a name in mixed case goes on as before.
    assert.deepEqual(names(lines('APPEARANCES:', '2', 'LAW OFFICES OF TONJA HADDAD: P A. by', 'Tonja Haddad, Esq.')), ['-']);
    const headline = lines('MODERATOR: Welcome.', '', 'NEWS ANALYSIS', 'Hillary Clinton Turns, Repeatedly, to a Democrat: Obama JAN. 18');
    assert.deepEqual(names(headline), ['MODERATOR']);
  });

  it('reads a court transcript\'s audio description as no speaker, and the counsel around it as speakers', () => {
    const text = lines('THE COURT: Let\'s get the jury.', '', 'AUDIO DESCRIPTION: Jury entering courtroom.', '', 'MR. STEINGLASS: Thank you.', '', 'Description: a photograph.');
    assert.deepEqual(names(text), ['THE COURT', 'MR. STEINGLASS']);
  });

  it('reads diarised and numbered speakers, bracketed or not, and a time in the qualifier', () => {
    assert.deepEqual(names(lines('SPEAKER_00: Hello there.', '', '[SPEAKER_01]: Hi.', '', 'Speaker 1 (00:01:02): Okay.', '', 'Speaker 2: Right.')),
      ['SPEAKER_00', 'SPEAKER_01', 'Speaker 1', 'Speaker 2']);
    const rev = parse('Omar Haddad (00:01:02): We begin now.');
    assert.deepEqual(rev.turns[0].label?.qualifiers, ['00:01:02']);
  });

  it('reads the news services’ unnamed speakers and the notes before a label, and a quote after a name in capitals only where it speaks', () => {
    const hearing = parse(lines(
      '[*] GRASSLEY: This morning we continue our hearing.', '', '(UNKNOWN): Take your time.', '', '(UNIDENTIFIED MALE): Senator?', '',
      '(LAUGHTER) SANDERS: As Secretary Clinton well knows.', '', '**Nader:**[00:02:30] Yeah, absolutely.', '', '**Nader:**[00:06:26] Even today.',
    ));
    assert.deepEqual(turnsOf(hearing).map(([name]) => name), ['GRASSLEY', 'UNKNOWN', 'UNIDENTIFIED MALE', 'SANDERS', 'Nader', 'Nader']);
    const quiz = parse(lines('SAGAL: Bill was quoting a book.', '', 'KANTER-GROSCAN: "50 Shades Of Grey."', '', 'SAGAL: "50 Shades Of Grey."', '', 'KANTER-GROSCAN: Yes.'));
    assert.deepEqual(turnsOf(quiz).map(([name]) => name), ['SAGAL', 'KANTER-GROSCAN', 'SAGAL', 'KANTER-GROSCAN']);
    const headline = parse(lines('MS. PSAKI: That was reported on.', '', 'CBS: “Republicans want to push the age to 70.” As I just mentioned.', '', 'Q: Thank you.'));
    assert.deepEqual(turnsOf(headline).map(([name]) => name), ['MS. PSAKI', 'Q']);
  });

  it('reads names in capitals ending in a full stop where they are the document’s style: the Federal Reserve’s press conferences', () => {
    // Cut from the Federal Reserve's transcript of 18 September 2024 (a US government work, public domain).
    const fomc = parse(lines(
      'CHAIR POWELL.  Good afternoon.  My colleagues and I remain squarely focused on our',
      'dual-mandate goals.  Thank you.  I look forward to your questions.',
      'MICHELLE SMITH.  Steve.',
      'STEVE LIESMAN.  Steve Liesman, CNBC.  In July, you said you weren’t thinking about a 50. Why now?',
      'CHAIR POWELL.  We made a good strong start, and that is what you see today.',
      'QUESTION.  Is that the new pace?',
      'CHAIR POWELL.  You should not look at this as the new pace.',
    ));
    assert.deepEqual(turnsOf(fomc), [
      ['CHAIR POWELL', 'statement'], ['MICHELLE SMITH', 'statement'], ['STEVE LIESMAN', 'question'], ['CHAIR POWELL', 'answer'],
      ['QUESTION', 'question'], ['CHAIR POWELL', 'answer'],
    ]);
    // One headline in capitals in a transcript of colon labels is no speaker.
    const headline = parse(lines('Jen Psaki: Good afternoon.', '', 'BREAKING NEWS. The president spoke at noon.', '', 'Jen Psaki: That is all.'));
    assert.deepEqual(turnsOf(headline).map(([name]) => name), ['Jen Psaki', 'Jen Psaki']);
  });

  it('reads a bracketed speaker and a time with no colon, one segment per line, and no bracketed note as one', () => {
    const app = parse(lines(
      '[Speaker 1] [00:00] Alright. We are here.',
      '[Speaker 1] [00:09] So, Adam, a baseline question for you.',
      '[Speaker 2] [00:28] Are',
      '[Speaker 1] [00:31] we the last to do it in person?',
      '[Omar Haddad] 01:07 That is right.',
    ));
    assert.deepEqual(turnsOf(app).map(([name]) => name), ['Speaker 1', 'Speaker 1', 'Speaker 2', 'Speaker 1', 'Omar Haddad']);
    assert.equal(app.text.slice(app.turns[2].label!.end).split('\n')[0], 'Are');
    assert.deepEqual(parse(lines('[inaudible] 00:12 then we left.', '', '[Laughter] and so on.')).turns.filter((t) => t.label), []);
  });

  it('reads timestamped exports: a time before the label, and a name with a time alone on its line', () => {
    assert.deepEqual(names(lines('[00:00:12] Omar Haddad: We begin now.', '', '(00:00:20) Lena Park: Good.', '', '00:00:31 Omar Haddad: Fine.')),
      ['Omar Haddad', 'Lena Park', 'Omar Haddad']);
    const otter = parse(lines('Omar Haddad  0:12', 'We begin now, as planned.', '', 'Lena Park  0:45  ', 'Good morning.'));
    assert.deepEqual(turnsOf(otter), [['Omar Haddad', 'statement'], ['Lena Park', 'statement']]);
    assert.equal(otter.turns[0].label?.alone, true);
    assert.deepEqual(names('10:30 The session opened.'), ['-']);
    assert.deepEqual(names('[00:12:34] '), ['-'], 'a time and nothing after it: no speaker, and no crash');
    const stamped = lines('[00:00:12] Omar Haddad', 'We begin now, as planned.', '', '[00:00:45] Lena Park', 'Good morning.', '', '[00:01:02] Omar Haddad', 'Right.', '',
      '[00:01:10] Lena Park', 'Yes.', '', '[00:01:15] Omar Haddad', 'Go on.', '', '[00:01:20] Lena Park', 'Done.');
    assert.deepEqual(names(stamped), ['Omar Haddad', 'Lena Park', 'Omar Haddad', 'Lena Park', 'Omar Haddad', 'Lena Park']);
  });

  it('reads caption and subtitle prefixes: >> NAME: and - Name:', () => {
    assert.deepEqual(names(lines('>> JOHN SMITH: Good evening.', '', '>> MARIA LOPEZ: Thank you, John.', '', '- Anna Berg: Hello.')), ['JOHN SMITH', 'MARIA LOPEZ', 'Anna Berg']);
  });

  it('reads an outlet as the interviewer’s label where the document repeats it', () => {
    assert.deepEqual(names(lines('npr.org: What comes next?', '', 'Ada Lee: More work.', '', 'npr.org: And then?', '', 'Ada Lee: Rest.')), ['npr.org', 'Ada Lee', 'npr.org', 'Ada Lee']);
  });

  it('reads labels followed by an opening quote, lower-case roles and short generic roles', () => {
    assert.deepEqual(names(lines('Irina Kovacs: “Why does it matter?” she asked.', '', 'Mr HALE: \'Never\' is a long time.', '', 'Studio operator: You are on air.', '', 'Listener: I have a question.')),
      ['Irina Kovacs', 'Mr HALE', 'Studio operator', 'Listener']);
    // One capitalised word before a quote still quotes a position.
    assert.deepEqual(names(lines('Vladimir Putin: Some say this.', '', 'Germany: “This is a matter of principle.”')), ['Vladimir Putin']);
    // A reporter's sentence opening is no role.
    assert.deepEqual(names(lines('Q    On Turkey.', '', 'So, two questions: first, the date.', '', 'The first: when?')), ['Q']);
  });

  it('reads journalists named with their outlet', () => {
    const model = parse(lines('A.Smirnova, «Rossiyskaya Gazeta»: My question is simple.', '', 'Tom Hughes (Evening Star): Prime Minister, when?'));
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['A.Smirnova', 'Tom Hughes']);
    assert.deepEqual(model.turns[0].label?.qualifiers, ['Rossiyskaya Gazeta']);
  });

  it('reads labels that end in a full stop: French parliaments and the US Congress', () => {
    assert.deepEqual(names(lines('M. le président. La séance est ouverte.', '', 'Mme Mathilde Panot. Monsieur le Premier ministre, vous le savez.', '', 'M. Gabriel Attal, Premier ministre. Madame la présidente.')),
      ['M. le président', 'Mme Mathilde Panot', 'M. Gabriel Attal']);
    assert.deepEqual(names(lines('Mr. NIELDS. Did you discuss it with him?', '', 'Mr. SECORD. No.', '', 'The CHAIRMAN. The committee will come to order.')), ['Mr. NIELDS', 'Mr. SECORD', 'The CHAIRMAN']);
    assert.deepEqual(names('Mr. Smith went to Washington. He stayed.'), ['-']);
  });

  it('reads a name alone on its line where names alone are the document’s style, and not a page’s running head', () => {
    const oyez = lines('John G. Roberts, Jr.', 'We will hear argument first.', '', 'Scott G. Stewart', 'Mr. Chief Justice, may it please the Court.', '',
      'John G. Roberts, Jr.', 'Thank you, counsel?', '', 'Scott G. Stewart', 'Yes.');
    assert.deepEqual(names(oyez), ['John G. Roberts, Jr.', 'Scott G. Stewart', 'John G. Roberts, Jr.', 'Scott G. Stewart']);
    const runningHead = lines('Angela Merkel:', '', 'Wir haben viel erreicht.', '', 'Angela Merkel', 'und wir werden mehr erreichen.', '', 'Dietmar Bartsch:', '', 'Das sehe ich anders.', '', 'Angela Merkel', 'Nein.');
    assert.deepEqual(names(runningHead), ['Angela Merkel', 'Dietmar Bartsch']);
  });

  it('reads names alone in capitals with titles or an office after a comma, roles and question markers alone, as the Mexican presidency writes them', () => {
    const mananera = lines(
      'Versión estenográfica de la conferencia de prensa matutina',
      '---',
      'PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR',
      'Buenos días. Vamos a informar sobre la campaña.',
      '---',
      'HUGO LÓPEZ-GATELL, SUBSECRETARIO DE PREVENCIÓN Y PROMOCIÓN DE LA SALUD',
      'Gracias, presidente.',
      '---',
      'PREGUNTA',
      'Federico Lamont. Señor presidente, ¿habrá una campaña en las escuelas?',
      '---',
      'PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR',
      'Sí, en todas las escuelas.',
      '---',
      'INTERLOCUTORA',
      'Gracias.',
      '---',
      'PREGUNTA',
      '¿Y en las universidades?',
      '---',
      'PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR',
      'También.',
      '---',
      'INTERLOCUTORA',
      'Gracias.',
    );
    const model = parse(mananera);
    assert.deepEqual(turnsOf(model), [
      ['PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR', 'statement'], ['HUGO LÓPEZ-GATELL', 'statement'], ['PREGUNTA', 'question'],
      ['PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR', 'answer'], ['INTERLOCUTORA', 'answer'], ['PREGUNTA', 'question'],
      ['PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR', 'answer'], ['INTERLOCUTORA', 'answer'],
    ]);
    assert.deepEqual(model.turns[1].label?.qualifiers, ['SUBSECRETARIO DE PREVENCIÓN Y PROMOCIÓN DE LA SALUD']);
    // An address after a comma is no office, and a place is no name.
    const cover = lines('Department of Justice, Washington, D.C.; on behalf of', 'Petitioners.', '', 'Woodstock, New Hampshire', 'The meeting opened.');
    assert.equal(parse(lines(cover, '', cover)).turns.filter((t) => t.label).length, 0);
  });

  it('reads the labels of other parliaments: lower-case honorifics, chairs ending in a full stop, the Diet’s circles', () => {
    assert.deepEqual(names(lines('El señor PRESIDENTE: Se abre la sesión.', '', 'De heer Rutte (VVD): Voorzitter, dank u wel.', '', 'Председательствующий. Слово предоставляется депутату.', '',
      '○議長（大島理森君）　これより会議を開きます。', '', '○安倍内閣総理大臣　お答えいたします。', '', 'Le Président. La séance est ouverte.')),
    ['El señor PRESIDENTE', 'De heer Rutte', 'Председательствующий', '大島理森君', '安倍内閣総理大臣', 'Le Président']);
    const timed = parse(lines('Mr LANGBROEK (10.30 am): My question is to the Premier?', '', 'Ms BLIGH: The answer is no, and the member knows why, as I told him yesterday.'));
    assert.equal(timed.questions.length, 1);
    assert.equal(timed.questions[0].questioner, undefined, 'a time is not who asked');
  });

  it('takes the person in brackets after an office of the Spanish record for the speaker: El señor PRESIDENTE DEL GOBIERNO (Rajoy Brey)', () => {
    const model = parse(lines(
      'El señor PRESIDENTE: Señor presidente del Gobierno.', '',
      'El señor PRESIDENTE DEL GOBIERNO (Rajoy Brey): Muchas gracias, señor presidente.', '',
      'El señor SÁNCHEZ PÉREZ-CASTEJÓN: Señor Rajoy, ¿va a dimitir?', '',
      'El señor RAJOY BREY: No.',
    ));
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['El señor PRESIDENTE', 'Rajoy Brey', 'El señor SÁNCHEZ PÉREZ-CASTEJÓN', 'Rajoy Brey']);
    // The order paper's item opens with an em dash and names who asks, up to the colon before the question: no turn.
    const item = parse(lines('— DEL DIPUTADO DON MARIANO RAJOY BREY, QUE FORMULA AL SEÑOR PRESIDENTE DEL GOBIERNO: ¿CÓMO VALORA EL ANUNCIO? (Número de expediente 180/000217.)', '', 'El señor PRESIDENTE: Señor Rajoy.'));
    assert.deepEqual(turnsOf(item).map(([name]) => name), ['-', 'El señor PRESIDENTE']);
  });

  it('takes the person in brackets after an office for the speaker: The Prime Minister (Gordon Brown)', () => {
    const model = parse(lines('The Prime Minister (Gordon Brown): This morning I had meetings.', '', 'David Cameron: Does he agree?', '', 'Gordon Brown: I do not.', '', 'The President (spoke in French): I thank the speaker.'));
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['Gordon Brown', 'David Cameron', 'Gordon Brown', 'The President']);
    assert.deepEqual(model.turns[0].label?.qualifiers, ['The Prime Minister']);
    assert.equal(model.text.slice(model.turns[0].label!.nameStart, model.turns[0].label!.nameEnd), 'Gordon Brown');
  });

  it('reads the lower-case nicknames of IRC minutes, one line each, where they are the document’s style', () => {
    const minutes = lines(
      '## Charter extension', '-> https://pad.w3.org/p/2026-03-11-wot minutes', 'sk: any news on that', 'dr: no need to have a resolution, I will chase it',
      '… we should work on the new charter though', 'mk: I am, first as an IE', 'sk: the dates are still open', '... please provide your comments',
      '<ege> +1 to that', 'dr: fine with me', 'sk: approved', 'RESOLUTION: publish the draft', 'action: sk to merge the PR',
    );
    // The scribe's link before the first speaker opens the minutes.
    assert.deepEqual(names(minutes), ['-', 'sk', 'dr', 'mk', 'sk', 'dr', 'sk']);
    const model = parse(minutes);
    // The continuation and the IRC line stay in the turn above; the resolution and the action are no speakers.
    assert.equal(model.turns[2].paragraphs.length, 1);
    assert.ok(![...model.speakers.values()].some((speaker) => /resolution|action/i.test(speaker.name)));
  });

  it('reads no nickname where lower-case words before a colon are a list, a page’s fields or hard-wrapped prose', () => {
    assert.deepEqual(names(lines('pros: it is cheap', 'cons: it is slow', 'pros: it is near', 'cons: it is loud', 'pros: it is new', 'cons: it is small')), ['-']);
    assert.deepEqual(names(lines('tags: press-briefings', 'source_url: https://example.org/a', 'modified_time: 2023-01-03', '', 'tags: press', 'source_url: https://example.org/b')), ['-']);
    const wrapped = lines('Sam Ortiz: We went through the list of', 'options: the cheap one and the fast one, and', 'sam: was the name of the', 'dog we had, and', 'options: remained.');
    assert.deepEqual(names(wrapped), ['Sam Ortiz']);
  });

  it('reads the order paper’s number before a member’s name', () => {
    assert.deepEqual(names(lines('1. Stephen Hepburn: If he will list his official engagements for Wednesday.', '', 'The Prime Minister (Gordon Brown): This morning I had meetings.')),
      ['Stephen Hepburn', 'Gordon Brown']);
  });
});

describe('parser: headings and stage lines are not speakers', () => {
  it('reads a parliament’s headings as sections, not turns of a speaker called Energy', () => {
    const model = parse(lines('Mr Speaker: Order, order.', '', 'Oral Answers to Questions', '', 'Energy: Prices', '', 'Mr Speaker: Order.', '', 'Jane Smith (Con): Will the Minister act?', '', 'Schools: Staffing', '', 'Ed Balls: We will.'));
    assert.deepEqual(model.sections.map((s) => s.title), ['Oral Answers to Questions', 'Energy: Prices', 'Schools: Staffing']);
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['Mr Speaker', 'Mr Speaker', 'Jane Smith', 'Ed Balls']);
  });

  it('reads a record’s headings in capitals with a colon as no speakers: FULL TRANSCRIPT:, PREGUNTAS:, ORDEN DEL DÍA:', () => {
    const names = (text: string) => turnsOf(parse(text)).map(([name]) => name);
    assert.deepEqual(names(lines('FULL TRANSCRIPT:', 'COOPER: Good evening.', '', 'SANDERS: Thank you.')), ['-', 'COOPER', 'SANDERS']);
    assert.deepEqual(names(lines('ORDEN DEL DÍA:', '', 'PREGUNTAS:', '', 'El señor PRESIDENTE: Se abre la sesión.')), ['-', 'El señor PRESIDENTE']);
  });

  it('keeps a label whose words look like a heading where the document has the name speak', () => {
    const model = parse(lines('Sam Ortiz: Welcome to the show.', '', 'Jane Roe: Thanks', '', 'Sam Ortiz: So, why bikes?', '', 'Jane Roe: Because they are fast.'));
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['Sam Ortiz', 'Jane Roe', 'Sam Ortiz', 'Jane Roe']);
    assert.equal(model.sections.length, 0);
  });

  it('reads collective interjections and examinations as stage lines, not turns', () => {
    const model = parse(lines('Ed Balls: We will act now.', '', 'Honourable members: Hear, hear!', '', 'Opposition members interjecting—', '', 'Several hon. Members rose—', '',
      'Chris Grayling indicated dissent.', '', 'BY MR. SMITH:', '', 'Q. Did you see it?', 'A. No.', 'Q. Never?', 'A. Never.'));
    assert.deepEqual(turnsOf(model).map(([name]) => name), ['Ed Balls', 'Q', 'A', 'Q', 'A']);
    assert.equal(model.paragraphs.filter((p) => p.kind === 'stage').length, 5);
  });

  it('does not take a sentence cut off, a list, a date or a place for a heading', () => {
    for (const line of ['Days of', 'Berlin, Dienstag, den 28. Juni 2016', 'Aken, Jan van DIE LINKE 28.06.2016', 'Thank you very much.', '(Time expired)']) {
      const model = parse(lines('Ed Balls: We will act now.', '', line, '', 'Jane Smith: Good.'));
      assert.equal(model.sections.length, 0, line);
    }
  });
});

describe('parser: no heading or stage line becomes a speaker (property, seeded)', () => {
  const word = fc.constantFrom('Energy', 'Prices', 'Schools', 'Staffing', 'Health', 'Questions', 'Oral', 'Answers', 'Business', 'Defence', 'Transport', 'Housing', 'Affordability', 'Engagements');
  const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
  const heading = fc.oneof(title, fc.tuple(word, title).map(([topic, sub]) => `${topic}: ${sub}`), title.map((t) => t.toUpperCase()));
  const stage = fc.oneof(
    fc.constantFrom('Honourable members: Hear, hear!', 'Hon. Members: Order!', 'Opposition members interjecting—', 'Government members interjecting—', 'Several hon. Members rose—', '(Time expired)', '(Laughter.)', 'BY MR. SMITH:', 'CROSS-EXAMINATION BY MS. JONES:'),
    fc.constantFrom('Chris Grayling', 'Mr Crean', 'Ed Balls').map((name) => `${name} interjecting`),
  );

  it('keeps every heading and stage line out of the speakers, wherever it stands', () => {
    const turns = ['Mr Speaker: Order.', 'Jane Smith (Con): Will the Minister act on prices?', 'Ed Balls: We will, and soon, as I told the House last week.', 'Mr Speaker: Order. Questions to the Minister.'];
    fc.assert(fc.property(fc.array(fc.oneof(heading, stage), { minLength: 1, maxLength: 6 }), fc.nat(), (inserted, seed) => {
      const paragraphs = [...turns];
      inserted.forEach((line, i) => paragraphs.splice((seed + i * 7) % (paragraphs.length + 1), 0, line));
      const model = parse(paragraphs.join('\n\n'));
      const speakers = [...model.speakers.values()].map((s) => s.name).sort();
      assert.deepEqual(speakers, ['Ed Balls', 'Jane Smith', 'Mr Speaker']);
      for (const line of inserted) {
        const paragraph = model.paragraphs.find((p) => model.text.slice(p.start, p.end).trim() === line);
        assert.ok(paragraph && !paragraph.label, `${JSON.stringify(line)} was read as a label`);
      }
    }), { seed: 20261207, numRuns: 300 });
  });

  it('leaves the seed’s outline as it was: opening remarks, then Q1–Q4 answered by Sergey Lavrov', () => {
    const model = parse(corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.deepEqual(model.sections, []);
    assert.deepEqual(turnsOf(model), [['-', 'statement'], ...Array.from({ length: 4 }, () => [['Question', 'question'], ['Sergey Lavrov', 'answer']]).flat()]);
  });
});
