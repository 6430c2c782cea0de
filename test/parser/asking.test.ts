import * as assert from 'node:assert/strict';
import { analyseParagraph, endsInQuestion } from '../../server/src/service/parser/paragraphs';
import { isPresidingOffice, normaliseName } from '../../server/src/service/parser/markers';
import { parse } from '../util/fixtures';

/** Whether a paragraph asks on its own: the evidence the roles of questionRoles.test.ts are inferred from. */
const NO_MARKERS = { questionMarkers: new Set<string>(), answerMarkers: new Set<string>(), remarkMarkers: new Set<string>(), declaredSpeakers: new Set<string>() };

describe('parser: a paragraph that asks', () => {
  const asks = (text: string) => endsInQuestion(text, 0);

  it('asks nothing where its one question calls a name last, and still asks where a title’s dot comes before the name', () => {
    assert.equal(asks('All right. Your first piece of good news comes from the automotive world. Bill?'), false);
    assert.equal(asks('That is where we start tonight. Senator Sanders?'), false);
    assert.equal(asks('Now, you have already testified that Casey had approved this, Mr. Casey?'), true);
    // A one-word question is no name.
    assert.equal(asks('You said the shop closed in May. Why?'), true);
    assert.equal(asks('And the budget. Really?'), true);
    // A one-word question alone asks where it asks why, or asks to confirm; `Yes?` answers the phone, `Really?` nods along.
    assert.equal(asks('Why?'), true);
    assert.equal(asks('Right?'), true);
    assert.equal(asks('Yes?'), false);
    assert.equal(asks('Really?'), false);
    assert.equal(asks('Bill?'), false);
  });

  it('asks nothing where it only greets or gives the floor, and asks where the same words open a question', () => {
    assert.equal(asks('Hey, Liz Kanter-Groscan. How are you?'), false);
    // A short name's dot ends the greeting's first sentence as any other does; a title's does not.
    assert.equal(asks('Hey, Liz. How are you?'), false);
    assert.equal(asks('Thanks, Sen. How are you going to vote?'), true);
    assert.equal(asks('I’m well, thanks. And you?'), false);
    assert.equal(asks('So what’s your question Jim?'), false);
    assert.equal(asks('Dallas, what would you like to ask the Prime Minister?'), false);
    // Questions invited from the floor are the floor given; a question about the others is none.
    assert.equal(asks('Thank you. Any other questions?'), false);
    assert.equal(asks('Anybody else want to jump in?'), false);
    assert.equal(asks('Is there anybody else on the stage who is not a capitalist?'), true);
    assert.equal(asks('How are you going to pay for it?'), true);
    assert.equal(asks('Thanks. How are you feeling about the vote tomorrow?'), true);
  });

  it('asks nothing where every question of its last sentences greets, checks the line, invites questions or is quoted, and asks where one more asks', () => {
    // As greeted in a deposition's opening and on a talkback line.
    assert.equal(asks('Hey, Brad, how are you? Jack, good to see you.'), false);
    assert.equal(asks('How are you today? And to my right is Darryn Indyke, who is his in-house counsel.'), false);
    assert.equal(asks('Good day, Roley. How are you this morning? How are you going, Roley?'), false);
    assert.equal(asks('Arthur is on line. Morning, Arthur. You there, Art?'), false);
    assert.equal(asks('Any other really important questions? These are the kinds of questions that I like.'), false);
    assert.equal(asks('We have done a lot of talking. Can we have some very benign questions that we can answer?'), false);
    assert.equal(asks("Everyone seems to ask that. The best was when he said, 'Are you taller than John Howard?'."), false);
    // A tag talked past, or a question quoted after the words that report it, asks nothing.
    assert.equal(asks("And I'm like, yeah, I've been practising for 26 years, you know? So that's my favourite question."), false);
    assert.equal(asks('You travel all the time, right? And then it is home alone. And so I appreciate your point of view on that.'), false);
    assert.equal(asks('So she said, “Can I complain about what it is like to work on an app with no tests?” So Jessica, go.'), false);
    // A greeting followed by a question, or words that only open like one, ask.
    assert.equal(asks('How are you today? And what will you do about the debt?'), true);
    assert.equal(asks('How are you going to pay for it?'), true);
    // A question mark that ends no sentence asks, as it always did.
    assert.equal(asks('https://example.org/a#b?Question:'), true);
    assert.equal(asks('Hi, Marc, how are your children getting on at the new school?'), true);
    assert.equal(asks("He said, 'Are you taller than John Howard?' Are you?"), true);
    // A tag that ends the words, or that the speaker is cut off after, asks.
    assert.equal(asks('They are a big cloud company, right?'), true);
    assert.equal(asks('A life change is the kind that does not involve surgery, right? That is the...'), true);
    // A quote no comma or colon opens is put, not reported (a justice's `It's a question which asks "why …?" And you think…`).
    assert.equal(asks('So it seems to me it is a question which asks "why should there be any jurisdictional rules?" And you think there should be.'), true);
  });

  it('asks nothing where a chair calls on the room for comments, objections or consensus, and asks where the words put a question', () => {
    assert.equal(asks('Does anyone have any comments/questions?'), false);
    assert.equal(asks('Thanks, Kevin. Any comment from the Apple team?'), false);
    assert.equal(asks('Do we have consensus on this?'), false);
    assert.equal(asks('So, any objections?'), false);
    assert.equal(asks('Peter of Cedarvale, yes Peter, what would the question be?'), false);
    assert.equal(asks('Morning, Roley. How are you this morning?'), false);
    // A scribe's note after the question leaves it as it was said.
    assert.equal(asks('Are we ready for stage 4? (no objection, round of applause)'), false);
    assert.equal(asks('How did Liz do? (APPLAUSE)'), true);
    assert.equal(asks('Do we have the numbers for the second quarter?'), true);
    assert.equal(asks('Does anyone know why the build broke?'), true);
    assert.equal(asks('What is the question the committee has to answer first?'), true);
  });

  it('asks nothing where a point of order asks the chair for a ruling, or the chair asks whether anything is to be added', () => {
    const analysis = (text: string) => analyseParagraph(text, NO_MARKERS);
    const order = analysis('Mr President, I rise on a point of order. The minister was asked why the program is closing. Can he not answer that?');
    assert.equal(order.asks || order.asksInWords || order.prompts, false);
    assert.equal(analysis('On a point of order, Mr Speaker: is it in order for the minister to mislead the House?').asks, false);
    assert.equal(asks('Senator Abetz, do you have anything to add to the previous answer?'), false);
    // Words about a point of order, or a question what to add, still ask.
    assert.equal(analysis('Minister, was the point of order raised yesterday ever answered by your department?').asks, true);
    assert.equal(asks('What would you add to the bill, if you could change one thing?'), true);
  });

  it('asks in words, without a question mark, where the speaker says they ask (every language of the table)', () => {
    const inWords = (text: string) => analyseParagraph(text, NO_MARKERS).asksInWords;
    assert.equal(inWords('I ask the Minister to outline the nature of side deals under the agreement.'), true);
    assert.equal(inWords('Sehr geehrter Herr Minister, ich frage Sie daher, ob Sie 10 Euro mehr als verhältnismäßig ansehen.'), true);
    assert.equal(inWords('Mich würde interessieren, was das im Gesamtkomplex für Familien bedeutet.'), true);
    assert.equal(inWords('Señor ministro, hoy deseamos preguntarle cuál es el análisis del Gobierno.'), true);
    assert.equal(inWords('Vielen Dank, Herr Präsident. – Mich interessiert, ob zu irgendeinem Zeitpunkt die Besatzung gewarnt wurde.'), true);
    assert.equal(inWords('Ja, ich habe noch eine Frage. – Sie haben gerade gesagt, Sie sehen die Lage anders.'), true);
    assert.equal(inWords('Gracias, señora presidenta. Señora ministra, queremos saber qué planes tiene el Gobierno para los puertos.'), true);
    assert.equal(inWords('It seems like we could do better. I wonder whether simulations would give us a better intuition.'), true);
    // Words that report a question, or name one, are no question put.
    assert.equal(inWords('Sie fragen, ob das Paket reicht. Es reicht.'), false);
    assert.equal(inWords('That was a question we asked ourselves for years.'), false);
  });

  it('asks in words where a moderator puts the `same question` to the next speaker', () => {
    const inWords = (text: string) => analyseParagraph(text, NO_MARKERS).asksInWords;
    assert.equal(inWords('President Trump, thank you. Same question to you, Vice President Biden. You have two minutes.'), true);
    assert.equal(inWords('Governor O’Malley, same question.'), true);
  });

  it('prompts where the last sentence hands a question over without a question mark, not where an answer says the words in passing', () => {
    const prompts = (text: string) => analyseParagraph(text, NO_MARKERS).prompts;
    assert.equal(prompts('That sounds great. Tell us about the first version of the tool.'), true);
    assert.equal(prompts('I feel like most teams do this naturally. Talk about what you find there and what your advice is.'), true);
    assert.equal(prompts('Huge fan. Kelly, how about you.'), true);
    assert.equal(prompts('So yeah. Can you walk us through the release?'), true);
    assert.equal(prompts('She is the main cat of our household now. I want to hear more about Blair though.'), true);
    // The words in an answer, or anywhere but the last sentence, hand nothing over.
    assert.equal(prompts('Let me tell you about the budget. It is balanced.'), false);
    assert.equal(prompts('Tell me about it. We had the same trouble for years, and then we fixed it.'), false);
    assert.equal(prompts('We talk about this every week on the show.'), false);
    assert.equal(prompts('I will explain that in a minute.'), false);
  });

  it('prompts where the last sentence is a question cut off, not where a statement is cut off or an interrogative opens one', () => {
    const prompts = (text: string) => analyseParagraph(text, NO_MARKERS).prompts;
    // As cut off in the NBC and CNBC debates and the Kavanaugh hearing.
    assert.equal(prompts('Senator, but you didn’t answer the question. So can you...'), true);
    assert.equal(prompts('Governor, do you also think that...'), true);
    assert.equal(prompts('Is that the reason for the second door — front door…'), true);
    assert.equal(prompts('Ms Clark, can you outline the discussions on the refugee situation…'), true);
    assert.equal(prompts('What is --'), true);
    // A statement cut off, or one an interrogative opens, hands nothing over.
    assert.equal(prompts('What I would say to the senator, who is actually listening to my answer, unlike you, Senator Evans—'), false);
    assert.equal(prompts('When we came to office the budget was in deficit and—'), false);
    assert.equal(prompts('Senator Sanders, your time is up. Senator—'), false);
    assert.equal(prompts('Now, you had-'), false);
    assert.equal(prompts('Can you hear me? Good. We are talking about the debt, and...'), false);
  });

  it('asks unmarked where the last sentence, or words with no stop at all, open as a question without a question mark', () => {
    const unmarked = (text: string) => analyseParagraph(text, NO_MARKERS).asksUnmarked;
    // As machine transcripts and minutes write them, with the question mark dropped.
    assert.equal(unmarked('bf: can the new charter start before the extended charter ends'), true);
    assert.equal(unmarked('That makes sense. So what do you think about the timeline.'), true);
    assert.equal(unmarked('Kelly, how does the scheduler pick the next job'), true);
    const merged = 'okay so we merged the first part last week and the tests are green now '.repeat(3);
    assert.equal(unmarked(`${merged}and do you want the rest in the same release`), false);
    assert.equal(unmarked('do you want the rest in the same release or should we wait for the tests on the other platforms '.repeat(3)), true);
    assert.equal(unmarked('Is that right? We can do it. What is the plan.'), true);
    // A statement an interrogative opens, a greeting, the floor given, questions invited, leave asked, or a question marked last.
    assert.equal(unmarked('What I would say is that it works.'), false);
    assert.equal(unmarked('When we came to office the budget was in deficit.'), false);
    assert.equal(unmarked('Hi, Marc, how are you doing'), false);
    assert.equal(unmarked('So what is your question, Jim'), false);
    assert.equal(unmarked('Are there any other questions'), false);
    assert.equal(unmarked('Secretary Clinton, would you like to respond to Senator Sanders.'), false);
    assert.equal(unmarked('Can I just say thank you to everyone.'), false);
    assert.equal(unmarked('Why don’t we take a break.'), false);
    assert.equal(unmarked('What is the plan? We can do it.'), false);
    assert.equal(unmarked('Can you believe it!'), false);
  });

  it('prompts where the question without its mark is put to the one spoken to, not where it asks about others', () => {
    const prompts = (text: string) => analyseParagraph(text, NO_MARKERS).prompts;
    assert.equal(prompts('That sounds interesting. But what are the things that you would do differently if you started again.'), true);
    assert.equal(prompts('I think you are right on that. But, yeah, what do you'), true);
    assert.equal(prompts('It works. So what is the plan for the proofs.'), false);
    assert.equal(prompts('Can I ask you one thing.'), false);
  });
});

describe('parser: a chamber’s chair', () => {
  it('is named by the label’s key or by a qualifier that is the office alone, not by an office that says more', () => {
    assert.equal(isPresidingOffice(normaliseName('Chacón Piqueras'), ['La señora VICEPRESIDENTA']), true);
    assert.equal(isPresidingOffice(normaliseName('Rodríguez Zapatero'), ['El señor PRESIDENTE DEL GOBIERNO']), false);
    assert.equal(isPresidingOffice(normaliseName('Mr SPEAKER')), true);
    assert.equal(isPresidingOffice(normaliseName('Speaker 1')), false);
  });

  it('is not the head of a state or a government, whose office is of something other than a chamber', () => {
    assert.equal(isPresidingOffice(normaliseName('President of Russia Vladimir Putin')), false);
    assert.equal(isPresidingOffice(normaliseName('Président de la République')), false);
    assert.equal(isPresidingOffice(normaliseName('President of the Senate')), true);
    assert.equal(isPresidingOffice(normaliseName('President of the General Assembly')), true);
    assert.equal(isPresidingOffice(normaliseName('Präsident des Bundestages')), true);
    assert.equal(isPresidingOffice(normaliseName('The PRESIDENT')), true);
  });

  it('is not a head of state who hosts a meeting: his questions to those reporting are numbered', () => {
    const model = parse([
      'President of Russia Vladimir Putin: Good afternoon, colleagues. Mr Volkov, how is the harvest going in your region?', '',
      'Governor Ivan Volkov: It is going well, Mr President: we have brought in most of the grain, and the rest will be in by the end of the month.', '',
      'Vladimir Putin: And the roads, when will they be finished?', '',
      'Governor Ivan Volkov: By the autumn, as planned; two of the three sections are open already and the third is being surfaced now.', '',
      'Vladimir Putin: What do the farmers say about the prices?', '',
      'Governor Ivan Volkov: They say the prices are fair this year, though the cost of fuel still worries them a great deal.',
    ].join('\n'));
    assert.deepEqual(model.turns.map((turn) => turn.role), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('whose office stands before the name in brackets asks no question of the session', () => {
    const model = parse([
      'La señora VICEPRESIDENTA (Chacón Piqueras): ¿Señorías, pueden guardar silencio?', '',
      'El señor RAJOY BREY: Señor presidente, ¿cuándo piensa usted presentar los presupuestos a esta Cámara?', '',
      'El señor PRESIDENTE DEL GOBIERNO (Rodríguez Zapatero): En su momento, señoría, como dice la ley, y con el acuerdo de los grupos.', '',
      'La señora VICEPRESIDENTA (Chacón Piqueras): ¿Me permiten continuar?', '',
      'El señor RAJOY BREY: ¿Y por qué no lo dice hoy aquí, ante todos?', '',
      'El señor PRESIDENTE DEL GOBIERNO (Rodríguez Zapatero): Porque hoy no toca, y usted lo sabe perfectamente, señoría.', '',
      'La señora VICEPRESIDENTA (Chacón Piqueras): ¿Algo más? Muchas gracias.',
    ].join('\n'));
    // The chair's words stand among the answers, as an interjection does; they open no question.
    assert.deepEqual(model.turns.map((t) => t.role), ['statement', 'question', 'answer', 'answer', 'question', 'answer', 'answer']);
  });
});
