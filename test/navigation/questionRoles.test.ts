import * as assert from 'node:assert/strict';
import { corpusFile, lines, parse, turnsOf } from '../util/fixtures';

/** Who asks, where no marker says so: the roles of docs/FORMAT.md, Questions without markers. */
describe('questions: askers inferred from the whole transcript', () => {
  const rolesOf = (model: ReturnType<typeof parse>) => turnsOf(model).map(([, role]) => role);
  it('numbers an interviewer’s questions and leaves the guest’s rhetorical question alone', () => {
    const model = parse(lines(
      'Sam Ortiz: Welcome. Why did you start building bikes?', '',
      'Jane Roe: Because nobody else would. Who else was going to do it? Nobody, and so I started in a garage with two friends and a loan.', '',
      'Sam Ortiz: And what came next?', '',
      'Jane Roe: A shop, then a second one, and a lot of debt that we paid back over ten years of very hard work.', '',
      'Sam Ortiz: Where do you go from here?', '',
      'Jane Roe: Abroad, I hope, starting with two cities next spring and more after that.',
    ));
    assert.deepEqual(turnsOf(model), [
      ['Sam Ortiz', 'question'], ['Jane Roe', 'answer'], ['Sam Ortiz', 'question'], ['Jane Roe', 'answer'], ['Sam Ortiz', 'question'], ['Jane Roe', 'answer'],
    ]);
  });

  it('numbers the questions of named journalists at a news conference', () => {
    const model = parse(lines(
      'Vladimir Putin: Good afternoon. Let us begin with your questions, as we agreed at the start of the year.', '',
      'Tom Hughes (Evening Star): Mr President, when will the talks resume?', '',
      'Vladimir Putin: When both sides are ready, and not before; we have said so many times, and we say so again today.', '',
      'Anna Berg (Le Monde): And the sanctions, will they stay?', '',
      'Vladimir Putin: That is for those who imposed them to decide, not for us, and they know it very well.',
    ));
    assert.deepEqual(model.questions.map((q) => [q.number, q.questioner]), [[1, 'Evening Star'], [2, 'Le Monde']]);
    assert.equal(model.turns[0].role, 'statement');
  });

  it('ends a question’s answers when the asker speaks without asking: one giving the floor is no asker', () => {
    const model = parse(lines(
      'MODERATOR: Senator, what would you do first?', '',
      'SMITH: Cut taxes for working families, and balance the budget within four years of taking office.', '',
      'MODERATOR: Thank you. Time is up.', '',
      'JONES: May I respond to that, because it is simply not true and everybody here knows it is not.', '',
      'MODERATOR: Governor, how would you pay for it?', '',
      'JONES: By closing loopholes that cost us billions every single year, starting with the largest.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'statement', 'statement', 'question', 'answer']);
  });

  it('numbers a moderator’s question handed over with a name and `same question`, not the floor given alone', () => {
    const model = parse(lines(
      'HOLT: Senator Sanders, what are the three things you would do in your first hundred days?', '',
      'SANDERS: Health care for everybody, a higher minimum wage, and a tax on speculation on Wall Street to pay for college.', '',
      'HOLT: Secretary Clinton, same question.', '',
      'CLINTON: Jobs first, then families, then the rules that keep the banks from doing it all over again.', '',
      'HOLT: Governor O’Malley?', '',
      'O’MALLEY: I would add the climate, because nothing on that list matters if we do not act on it now.', '',
      'HOLT: Senator, is a tax on speculation enough to pay for it?', '',
      'SANDERS: It is, and we have the numbers to show it, which is more than anyone else on this stage can say.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'statement', 'statement', 'question', 'answer']);
  });

  it('numbers an interviewer’s prompt without a question mark, and not a guest who says `tell me` in passing', () => {
    const model = parse(lines(
      'Lenny: Welcome to the show. What got you into engineering management?', '',
      'Will: Mostly an accident. Let me tell you about my first job, which was at a startup where everyone left in a single month.', '',
      'Lenny: That sounds rough. Talk about what you learned from it.', '',
      'Will: That people leave managers, not companies, and that you only learn that once it has happened to you.', '',
      'Lenny: What would you do differently now?', '',
      'Will: Ask more questions in the first week, and listen to the answers instead of planning the next reorganisation.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('numbers the one question of a justice who puts it to counsel the bench questions, and not counsel’s own question back', () => {
    const model = parse(lines(
      'John G. Roberts, Jr.: We will hear argument this morning in the case of Dobbs. Mr. Stewart.', '',
      'Scott G. Stewart: Mr. Chief Justice, and may it please the Court: Roe and Casey haunt our country, and they should be overruled today.', '',
      'John G. Roberts, Jr.: Counsel, what is the standard you would have us apply?', '',
      'Scott G. Stewart: Rational basis, Your Honor, as for any other law that a state legislature passes in the ordinary course.', '',
      'Clarence Thomas: I have heard that argument many times now, in this case and in others, and I am still not sure what it adds.', '',
      'Scott G. Stewart: Then let me put it plainly, Justice Thomas: the text and the history point the same way here.', '',
      'Clarence Thomas: If we were to look at the specific right the respondents claim, rather than the general one of privacy, '
        + 'would the history be any different?', '',
      'Scott G. Stewart: No. Why should it be?', '',
      'Clarence Thomas: The history of the general right is thin enough, and the specific one has even less to stand on, as far as I can see.', '',
      'John G. Roberts, Jr.: And if the Court declines to overrule, what then?', '',
      'Scott G. Stewart: Then the viability line should go, which is the narrower ruling that the state asked for below.', '',
      'Sonia Sotomayor: Counsel, how is the interest of the state any different today than it was in 1992?', '',
      'Scott G. Stewart: Because the science has moved on, Justice Sotomayor, and the line drawn then cannot be defended now.', '',
      'John G. Roberts, Jr.: Is there any line you would accept?', '',
      'Scott G. Stewart: None that the Constitution itself draws, which is our whole point in this case.',
    ));
    assert.deepEqual(turnsOf(model).filter(([, role]) => role === 'question').map(([name]) => name), [
      'John G. Roberts, Jr.', 'Clarence Thomas', 'John G. Roberts, Jr.', 'Sonia Sotomayor', 'John G. Roberts, Jr.',
    ]);
  });

  it('numbers a caller’s question to the guest the host interviews, and not the caller’s greeting', () => {
    const model = parse(lines(
      'HOST: Prime Minister, welcome. Why should anyone trust the government on prices?', '',
      'PRIME MINISTER: Because we have kept our word on every measure we announced, and the figures show it month after month.', '',
      'HOST: And the rail line, when will it open?', '',
      'PRIME MINISTER: In two years, on time and on budget, and the first trains are already being built in Newcastle.', '',
      'HOST: Is that a promise?', '',
      'PRIME MINISTER: It is a commitment we have funded, which is better than a promise, and people can hold us to it.', '',
      'HOST: Let us go to the phones. Dale, go ahead.', '',
      'CALLER: Good morning. Will the fares go up when the line opens?', '',
      'PRIME MINISTER: No, the fares are set by the state, and the state has told us they will stay where they are.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer', 'statement', 'question', 'answer']);
  });

  it('takes a talkback for a conversation only among equals: the Prime Minister the host and callers question puts no question back', () => {
    const model = parse(lines(
      'HOST: Prime Minister, welcome back. Will there be an early election?', '',
      'PM: No, there will not. The parliament will run its full term, and we will go to the people when the election is due next year.', '',
      'HOST: Are you taller than John Howard?', '',
      'PM: By a good inch, and I have the photographs to prove it, taken at the last dinner of the press gallery. Penetrating stuff, wasn’t it?', '',
      'HOST: It was, and the listeners will judge for themselves. Now we go to the lines, where a caller from Newcastle has been waiting to talk to you.', '',
      'CALLER: Prime Minister, why are ships bringing steel from Spain when our own mills are closing down?', '',
      'PM: Because the contracts were let on price, and our mills could not match it at the time, though that has changed since the reforms.', '',
      'CALLER: And will the government buy Australian steel from now on?', '',
      'PM: Where it is competitive, yes.', '',
      'PM: Thanks, Arthur.', '',
      'HOST: Was that the right call on the contracts, do you think?', '',
      'PM: It was, and I would make it again, because the alternative was to pay more for every tonne of steel. Would you have paid more, Bob?', '',
      'HOST: I would not, and neither would most of the people listening this morning, who have to pay their own bills every week of the year.', '',
      'CALLER: Good morning, Prime Minister. What will you do about interest rates for people with mortgages?', '',
      'PM: The Reserve Bank sets the rates, but we set the budget, and a tight budget gives the bank room to bring rates down over time.', '',
      'PM: Thanks, Zara.', '',
      'HOST: How do you answer the critics who say the reforms went too far and too fast?', '',
      'PM: That they said the same about the float of the dollar, and the economy is stronger for it, as anyone can see from the figures.', '',
      'PM: Good.', '',
      'PM: Thanks, Bob.', '',
      'PM: Thank you.',
    ));
    assert.deepEqual(turnsOf(model).filter(([, role]) => role === 'question').map(([name]) => name), ['HOST', 'HOST', 'CALLER', 'CALLER', 'HOST', 'CALLER', 'HOST']);
  });

  it('makes no asker of a chamber’s chair, whose questions keep order, and still of a Speaker 1 or an unknown speaker', () => {
    const leaders = parse(lines(
      'An Ceann Comhairle: Deputy McDonald.', '',
      'Deputy Mary Lou McDonald: Will the Tánaiste reverse the cut to the one-parent family payment?', '',
      'Deputy Emmet Stagg: Tell us about the North.', '',
      'An Ceann Comhairle: Will you stay quiet? This is Leaders’ Questions.', '',
      'The Tánaiste: The payment is being reformed, and the changes were announced two years ago in the budget.', '',
      'An Ceann Comhairle: Would you please stay quiet?', '',
      'Deputy Mary Lou McDonald: Do parents deserve to suffer this cut?', '',
      'The Tánaiste: Parents are better off in work, and the reform helps them back into it over the coming years.',
    ));
    assert.deepEqual(turnsOf(leaders).filter(([, role]) => role === 'question').map(([name]) => name), ['Deputy Mary Lou McDonald', 'Deputy Mary Lou McDonald']);
    const diarised = parse(lines(
      'Speaker 1: Why did you start?', '', 'Speaker 2: Because nobody else would, and we had the tools and the time to do it.', '',
      'Speaker 1: And then?', '', 'Speaker 2: Then a shop, and a second one, over ten years of very hard work.',
    ));
    assert.deepEqual(rolesOf(diarised), ['question', 'answer', 'question', 'answer']);
  });

  it('weighs a member’s question by the answer after the chair’s procedure, not by the chair’s `Bitte schauen Sie auf die Uhr.`', () => {
    const model = parse(lines(
      'Präsident Dr. Wolfgang Schäuble: Die nächste Frage stellt der Kollege Martin Renner, AfD.', '',
      'Martin Renner (AfD): Am liebsten würde ich natürlich die Frau Bundeskanzlerin fragen. Aber ich behelfe mich mit Ihnen. Danke schön.', '',
      'Olaf Scholz, Bundesminister der Finanzen: Das ist okay.', '',
      'Martin Renner (AfD): Es gibt ein Kommuniqué von Meseberg. Jetzt frage ich Sie: Beschreibt dieser Satz Ihre Erfahrung mit rein nationalen '
        + 'Maßnahmen? Ich beziehe mich auf den zitierten Satz aus dem Kommuniqué.', '',
      'Präsident Dr. Wolfgang Schäuble: Bitte schauen Sie auf die Uhr.', '',
      'Martin Renner (AfD): Ich bin fertig.', '',
      'Präsident Dr. Wolfgang Schäuble: Der Bundesminister hat das Wort.', '',
      'Olaf Scholz, Bundesminister der Finanzen: Schönen Dank. – Wir haben in Europa immer gesagt, dass wir gemeinsam handeln wollen, und das tun wir, '
        + 'auch in der Frage der Migration, über die hier gesprochen wird. Es ist richtig, dass nationale Alleingänge nicht helfen. Deshalb arbeiten wir '
        + 'mit unseren Partnern an einer europäischen Lösung, die allen gerecht wird.',
    ));
    assert.deepEqual(turnsOf(model).filter(([, role]) => role === 'question').map(([name]) => name), ['Martin Renner']);
  });

  it('takes a question the benches answer aloud for one put to the chamber, not for a minister’s question to answer', () => {
    const model = parse(lines(
      'Gary Hardgrave: My question is addressed to the Treasurer. Is the Treasurer aware of any alternative approaches to tax?', '',
      'Peter Costello: I thank the honourable member for his question. Yesterday, the Leader of the Opposition was asked to name the tax rates. '
        + 'He was unable to name a single one.', '',
      'Anthony Albanese: Mr Speaker, I rise on a point of order. The minister is misleading the House.', '',
      'Peter Costello: Was he able to name the 40 per cent rate?', '',
      'Government members: No!', '',
      'Peter Costello: Was he able to name the 45 per cent rate?', '',
      'Government members: No!', '',
      'Peter Costello: Was he able to name any rate?', '',
      'Government members: No!', '',
      'Jenny Macklin: My question is to the Prime Minister. Will the Prime Minister rule out the use of public money for party research?', '',
      'John Howard: I am very happy to answer the question, and the answer is that the rules are the same as they were under the last government.',
    ));
    assert.deepEqual(turnsOf(model).filter(([, role]) => role === 'question').map(([name]) => name), ['Gary Hardgrave', 'Jenny Macklin']);
  });

  it('reads a parliament’s order-paper questions, which have no question mark', () => {
    const model = parse(lines(
      '1. Stephen Hepburn: If he will list his official engagements for Wednesday 28 October.', '',
      'The Prime Minister (Gordon Brown): This morning I had meetings with ministerial colleagues and others, and I shall have further such meetings later today.', '',
      'Lord Vinson: To ask Her Majesty’s Government what impact the net expenditure has had.', '',
      'Lord Myners: My Lords, the impact has been considerable, and the Government will publish a full account later this year.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer']);
    // After a label, a non-breaking space and spaces, as the record's HTML leaves them.
    const spaced = parse(lines('Lord Vinson:\u00a0  To ask Her Majesty’s Government what impact the expenditure has had.', '', 'Lord Myners: My Lords, a considerable one, as the Government will show later this year.'));
    assert.deepEqual(rolesOf(spaced), ['question', 'answer']);
  });

  it('takes the askers from `questioners:` in the front matter over the inference', () => {
    const text = lines('---', 'questioners: [Jane Roe]', '---', 'Sam Ortiz: Why bikes?', '', 'Jane Roe: Why not? Tell me first why you ask.', '', 'Sam Ortiz: Because they are everywhere now, and our listeners ride them.');
    assert.deepEqual(rolesOf(parse(text)), ['statement', 'question', 'answer']);
  });

  it('numbers the questions of the host, who asks far more often than anyone, though the panel answers briefly', () => {
    // The host asks in four of ten turns, the panel now and then too, and she is answered in fewer words than she asks:
    // only her lead makes her the asker.
    const host = 'Emma: So the thing I keep coming back to, after all these weeks of reading about it, is simple enough.';
    const panel = parse(lines(
      'Emma: We have read a great deal about caching this month, and all of us have opinions on it. What do you cache first, Kelly?', '',
      'Kelly: The fonts. Then the images.', '',
      host, '', 'Ali: Same here, mostly.', '',
      'Emma: And when the whole page changes every hour, because the prices change, what do you cache then, Ali?', '',
      'Ali: Nothing at all, honestly.', '',
      host, '', 'Kelly: Do you really?', '', 'Ali: Every day.', '',
      'Emma: Then tell me this, because the listeners asked it in many emails this week: how long should a cache live?', '',
      'Kelly: A day. Maybe two.', '',
      host, '', 'Ali: Fair enough.', '',
      'Emma: And the last question of the episode, which we ask every guest and every one of us in turn: what will you try next?', '',
      'Ali: Service workers.', '',
      host, '', 'Kelly: And do you think that the listeners will ever forgive the four of us for talking about nothing but caches for a whole hour?', '',
      host, '', 'Ali: Will anyone at all still be listening by now, after an hour of headers and lifetimes and invalidation, or have we lost them?', '',
      host, '', 'Kelly: Yes.',
    ));
    assert.deepEqual(turnsOf(panel).filter(([, role]) => role === 'question').map(([name]) => name), ['Emma', 'Emma', 'Emma', 'Emma']);
    // Two questions lead nobody: the host asks at least three times.
    const fewer = parse(panel.source.replace('Then tell me this, because the listeners asked it in many emails this week: how long should a cache live?', 'Then the listeners wrote in about it.')
      .replace('what will you try next?', 'the thing to try next.'));
    assert.equal(fewer.questions.length, 0);
    // Questions that run on into more of the same speaker's words are read out, not put: no host.
    const reading = parse(lines(
      ...['Why now?', 'Who pays?', 'What next?', 'When?'].flatMap((question) => [
        `Karine: The next question, from the back of the room, was this one. ${question}`, '',
        'Karine: And the answer is the one I gave this morning, and the one I will give again tomorrow if I am asked.', '',
      ]),
      'Mark: Thank you, all of you, for having me here today; it has been a pleasure and a privilege.',
    ));
    assert.equal(reading.questions.length, 0);
  });

  it('sets a member’s interjections aside when weighing how often they ask, but not where markers put the questions', () => {
    const interjections = ['Deputy McDonald: Rubbish.', '', 'The Tánaiste: The Deputy will have her turn.', ''];
    const chamber = parse(lines(
      'Deputy McDonald: This week, the Tánaiste will take money from a great many families who can least afford it. Will she reverse the cut?', '',
      'The Tánaiste: No, because the reform helps parents back into work, and that is the best protection against poverty.', '',
      ...interjections, ...interjections, ...interjections, ...interjections, ...interjections, ...interjections, ...interjections,
      'Deputy McDonald: The reform does nothing of the kind for parents who cannot find work in their own towns. Do we have a Scandinavian model?', '',
      'The Tánaiste: We are building one, with childcare and training, and the Deputy knows it takes time to build.', '',
      ...interjections, ...interjections, ...interjections, ...interjections, ...interjections, ...interjections, ...interjections,
      'Deputy McDonald: Then the cut should wait until it is built, and every parent in the country can see it. Do parents deserve to suffer this cut?', '',
      'The Tánaiste: Parents are better off in work, and the reform helps them back into it over the coming years.',
    ));
    assert.deepEqual(chamber.questions.map((q) => chamber.lines.lineAt(chamber.turns[q.turn].start) + 1), [1, 33, 65]);
    // At a briefing with marked questions, the press secretary's `Go ahead.` counts: her one question asks nothing.
    const briefing = parse(lines(
      'Q    When will the bill pass?', '', 'MS. JEAN-PIERRE: Soon, we hope, and we are working with Congress every day on it.', '',
      'MS. JEAN-PIERRE: Go ahead.', '', 'Q    And the budget?', '', 'MS. JEAN-PIERRE: Next week. Go ahead.', '',
      'Q    Thank you. One more?', '', 'MS. JEAN-PIERRE: Sure. Does that answer it? I think it does, and we will say more tomorrow.', '',
      'MS. JEAN-PIERRE: Go ahead.', '', 'MS. JEAN-PIERRE: Go ahead, in the back.', '', 'MS. JEAN-PIERRE: Go ahead.',
    ));
    assert.equal(rolesOf(briefing).filter((role) => role === 'question').length, 3);
  });

  it('reads a question put in words, not the opening’s `I would like to ask … to begin`', () => {
    const model = parse(lines(
      'Moderator Fyodor Lukyanov: Friends, guests, welcome. First, I would like to ask Mr Bystritsky to bring you up to speed.', '',
      'Andrei Bystritsky: Thank you. It was a good conference, and almost everyone I talked to said so.', '',
      'Lothar Binding: Ich habe ein Interesse daran. Mich würde interessieren, was das für Familien bedeutet.', '',
      'Olaf Scholz: Sehr viel, denn die Entlastung kommt allen Familien zugute, den großen wie den kleinen.',
    ));
    assert.deepEqual(rolesOf(model), ['statement', 'statement', 'question', 'answer']);
  });

  it('numbers a co-host whom the guest answers at length, though another co-host asks more, not a guest’s question answered `Sure.`', () => {
    const answer = 'and that is how it went for the three of us, year after year, until the day we finally sold the shop and moved on.';
    const model = parse(lines(
      'Kelly: Welcome back. Ali, what is your favourite food?', '', `Ali: Pasta, always pasta, ${answer}`, '',
      'Kelly: And the first job you had?', '', `Ali: A bakery, early mornings, ${answer}`, '',
      'Kelly: What do you read?', '', `Ali: Novels mostly, ${answer}`, '',
      'Kelly: Any pets at home these days?', '', `Ali: Two cats, ${answer}`, '',
      'Kelly: What did you watch last?', '', `Ali: A documentary about bridges, ${answer}`, '',
      'Emma: That was fun. Ali, where did you grow up?', '', `Ali: By the sea, ${answer} Who does not love the sea?`, '',
      'Emma: Sure.', '',
      'Emma: And who taught you to cook?', '', `Ali: My grandmother did, ${answer}`,
    ));
    const askers = model.questions.map((q) => model.turns[q.turn].speakerId);
    assert.deepEqual(askers, ['kelly', 'kelly', 'kelly', 'kelly', 'kelly', 'emma', 'emma']);
  });

  it('numbers, where two or more ask and answer alike, anyone’s question answered at length next, not one answered `Probably.`', () => {
    const long = 'which we measured twice last week on the test network, and the numbers held up under every load we tried.';
    const report = 'The editors met twice this month and the draft is in good shape, with two small changes still to be merged.';
    const model = parse(lines(
      'MM: Does the cache survive a restart?', '', `KG: It does, ${long}`, '',
      'KG: And how large does the index grow?', '', `MM: About a gigabyte, ${long}`, '',
      'MM: Can the client batch its requests?', '', `KG: Yes, a thousand at a time, ${long}`, '',
      'KG: Do the proofs get any smaller?', '', `MM: They shrink by half, ${long}`, '',
      ...Array.from({ length: 9 }, () => [`IS: ${report}`, '']).flat(),
      'IS: Is that the final design?', '', 'KG: Probably.', '',
      'IS: Who reviews it next?', '', `MM: The editors, ${long}`,
    ));
    const asked = model.questions.map((q) => model.turns[q.turn].label?.name);
    assert.deepEqual(asked, ['MM', 'KG', 'MM', 'KG', 'IS']);
    assert.deepEqual(rolesOf(model).slice(-2), ['question', 'answer']);
  });

  it('numbers a moderator’s question cut off by the candidate, and not the candidate’s cut-off question back', () => {
    const model = parse(lines(
      'HOLT: Senator, what would you do about guns in your first year?', '',
      'SANDERS: I would close the gun show loophole and expand background checks, which most gun owners support as well.', '',
      'HOLT: Senator, but you didn’t answer the question about immunity for gun manufacturers. So can you...', '',
      'SANDERS: Well, I — look. I voted to let them be sued where they sell to people who should not have guns, and I stand by it. '
        + 'Can you really say that...', '',
      'HOLT: Secretary Clinton, your response?', '',
      'CLINTON: He voted for the immunity, and that is the record, however he describes it now on this stage tonight.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('keeps marked questions as they were: the seed and the White House', () => {
    const seed = parse(corpusFile('seed_lavrov_2023-04-11.txt'));
    assert.deepEqual(seed.questions.map((q) => seed.lines.lineAt(seed.turns[q.turn].start) + 1), [18, 21, 27, 34]);
    const gaggle = parse(corpusFile('wh_biden_press_gaggle_2021-11-16.txt'));
    assert.deepEqual(rolesOf(gaggle), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('does not make an asker of the one who answers the marked questions and puts questions back', () => {
    // As in the Prime Minister's press conferences of the Australian archive: `JOURNALIST:` asks, the Prime Minister answers.
    const model = parse(lines(
      'JOURNALIST: Mr Howard, did you at any time discourage public servants from advising you on the facts?', '',
      'PRIME MINISTER: Discourage officers?', '',
      'JOURNALIST: Did you not want to know.', '',
      'PRIME MINISTER: No. Why would I do that?', '',
      'JOURNALIST: Mr Howard, what was your reaction on seeing the reported conversation?', '',
      'PRIME MINISTER: My reaction? I was amazed.', '',
      'JOURNALIST: And the Navy?', '',
      'PRIME MINISTER: I have nothing to add to what the Minister said this morning.',
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('numbers questions without question marks where the transcript drops them, answered by the next speaker', () => {
    const long = 'we measured it twice last week on the test network and the numbers held up under every load we tried';
    const model = parse(lines(
      'Speaker 1: so how does the cache behave after a restart', '', `Speaker 2: it survives the restart ${long}`, '',
      'Speaker 1: and what is the size of the index now', '', `Speaker 2: about a gigabyte ${long}`, '',
      'Speaker 1: okay can the client batch its requests', '', `Speaker 2: yes a thousand at a time ${long}`, '',
      'Speaker 1: what I want to know next is the plan for the proofs', '', `Speaker 2: they shrink by half ${long}`,
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer', 'statement', 'statement']);
  });

  it('numbers an asker’s question to the guest whose question mark was dropped, not the guest’s own', () => {
    const long = 'which we measured twice last week on the test network, and the numbers held up under every load we tried.';
    const model = parse(lines(
      'Sam Ortiz: Does the cache survive a restart?', '', `Jane Roe: It does, ${long}`, '',
      'Sam Ortiz: How large does the index grow?', '', `Jane Roe: About a gigabyte, ${long} So what do you make of that.`, '',
      'Sam Ortiz: Impressive. And what would you do differently next time.', '', `Jane Roe: Test earlier, ${long}`,
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('reads no question into an opening without a question mark where the transcript marks its questions', () => {
    const long = 'which we measured twice last week on the test network, and the numbers held up under every load we tried.';
    const model = parse(lines(
      'Sam Ortiz: Does the cache survive a restart?', '', `Jane Roe: It does, ${long}`, '',
      'Sam Ortiz: How large does the index grow?', '', `Jane Roe: About a gigabyte, ${long}`, '',
      'Sam Ortiz: Good. And how does the index get tested.', '', `Jane Roe: On the test network, ${long}`, '',
      'Sam Ortiz: I see. What is more, it is fast.', '', `Jane Roe: It is, ${long}`,
    ));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'statement', 'statement', 'statement', 'statement']);
  });

  it('does not make an answerer an asker for one question ending a turn where markers put the questions', () => {
    const model = parse(lines('Q    When?', '', 'MS. DALOTON: Soon. Does that answer it?', '', 'Q    Thank you.', '', 'MS. PSAKI: Sure.', '', 'Q    And the budget?', '', 'MS. PSAKI: Next week.'));
    assert.deepEqual(rolesOf(model), ['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });
});
