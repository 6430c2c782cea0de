import * as assert from 'node:assert/strict';
import { builtinGlossary, findOrganisationMentions, isKnownTerm } from '../../server/src/service';
import { Glossary, LayerRank } from '../../server/src/service/glossary/glossary';
import { DerivedResults } from '../../server/src/service/derivedResults';
import { createLanguageService } from '../../server/src/service';
import { corpusFile, document, lines, parse } from '../util/fixtures';

/** `[text as written, likeliest id]` for every organisation the transcript names. */
function orgs(text: string, glossary: Glossary = builtinGlossary()): [string, string][] {
  return findOrganisationMentions(new DerivedResults(), parse(text), glossary).map((m) => [m.text, m.ids[0]]);
}

describe('glossary: recognising organisations', () => {
  it('finds every organisation the seed names, and not the US', () => {
    const found = orgs(corpusFile('seed_lavrov_2023-04-11.txt'));
    const ids = new Set(found.map(([, id]) => id));
    for (const id of ['csto', 'eaeu', 'cis', 'sco', 'seec', 'open-society-foundations', 'ngo', 'asean', 'eu', 'un', 'eec-eurasian']) assert.ok(ids.has(id), id);
    assert.ok(!found.some(([text]) => /^U\.?S\.?$/.test(text)), 'the US is a country, not an organisation');
    assert.deepEqual(found.filter(([text]) => text.startsWith('NGO')).map(([text]) => text), ['NGOs', 'NGOs', 'NGOs', 'NGOs', 'NGOs', 'NGO']);
    assert.deepEqual(found.filter(([, id]) => id === 'seec'), [['Supreme Eurasian Economic Council', 'seec']]);
  });

  it('takes the seed’s sentences one by one', () => {
    assert.deepEqual(orgs('We agree that the Russian-Kazakhstani alliance, including within the CSTO, is a significant factor.'), [['CSTO', 'csto']]);
    assert.deepEqual(orgs('We focused on common multilateral associations such as the EAEU, the CIS and the SCO.'), [['EAEU', 'eaeu'], ['CIS', 'cis'], ['SCO', 'sco']]);
    assert.deepEqual(orgs('At the 2016 Russia-ASEAN summit, President Vladimir Putin suggested a partnership.'), [['ASEAN', 'asean']]);
    assert.deepEqual(orgs('Question: Does Moscow believe that Kazakhstan and the US and the EU threaten its interests?'), [['EU', 'eu']]);
    assert.deepEqual(orgs('Question: The Soros Foundations in Central Asia decided to change their name.'), [['Soros Foundations', 'open-society-foundations']]);
  });

  it('matches acronyms as whole words only, never inside other words', () => {
    assert.deepEqual(orgs('DISCO, MASCOT, SCOPE, EUROPE, NATOist, UNESCO, CSTO2 and EAEUx are no mentions here.'), [['UNESCO', 'unesco']]);
    assert.deepEqual(orgs('Not nato, not Nato, not eu: acronyms keep their case.'), []);
    assert.deepEqual(orgs('The US, the U.S. and the USA are countries.'), []);
  });

  it('takes plurals and possessives as part of the mention', () => {
    assert.deepEqual(orgs('NGOs, NATO’s allies, NATO\'s members, the NGOs\' plans and the European Union\'s rules.'), [
      ['NGOs', 'ngo'], ['NATO’s', 'nato'], ["NATO's", 'nato'], ["NGOs'", 'ngo'], ["European Union's", 'eu'],
    ]);
  });

  it('does not look inside URLs, e-mail addresses, comments, topic tags, labels or the front matter', () => {
    const text = lines(
      '---',
      'title: The CSTO summit',
      '---',
      'NATO: We speak for ourselves, NATO: twice.',
      'See https://www.osce.org/CSTO and www.NATO.int, OSCE.org, press@CSTO.int, CSTO_2024 <!-- EAEU --> #nato.',
      '',
      'NATO: Indeed.',
    );
    assert.deepEqual(orgs(text), [['NATO', 'nato']]);
  });

  it('matches multi-word names across line wraps, with British and American spellings', () => {
    const text = lines(
      'Sergey Lavrov: We discussed the meeting of the Supreme Eurasian',
      'Economic Council and the Collective Security Treaty',
      'Organisation, the Organization for Security and Co-',
      'operation in Europe and the Shanghai Cooperation Organization.',
    );
    assert.deepEqual(orgs(text), [
      ['Supreme Eurasian\nEconomic Council', 'seec'],
      ['Collective Security Treaty\nOrganisation', 'csto'],
      ['Organization for Security and Co-\noperation in Europe', 'osce'],
      ['Shanghai Cooperation Organization', 'sco'],
    ]);
  });

  it('prefers the longest name, and knows dotted acronyms and forms in other languages', () => {
    assert.deepEqual(orgs('The U.N. Security Council, the U.N. and the UN met; OPEC+ is not OPEC.'), [
      ['U.N. Security Council', 'unsc'], ['U.N.', 'un'], ['UN', 'un'], ['OPEC+', 'opec-plus'], ['OPEC', 'opec'],
    ]);
    assert.deepEqual(orgs('Вопрос: Как развивается сотрудничество в ОДКБ и ЕАЭС?'), [['ОДКБ', 'csto'], ['ЕАЭС', 'eaeu']]);
  });

  it('does not take common words for acronyms in text written in capitals', () => {
    assert.deepEqual(orgs('THE WHO CAN HELP US. The WHO said so.'), [['WHO', 'who']]);
  });

  it('ranks the senses of an ambiguous acronym by the document: its language and the organisations it names', () => {
    const eurasian = findOrganisationMentions(new DerivedResults(), parse('The EEC is the regulator of the EAEU and reports to the Supreme Eurasian Economic Council.'), builtinGlossary());
    assert.deepEqual(eurasian[0].ids, ['eec-eurasian', 'eec-european']);
    const european = findOrganisationMentions(new DerivedResults(), parse('Britain joined the EEC in 1973; the EU and Euratom grew out of it.'), builtinGlossary());
    assert.deepEqual(european[0].ids, ['eec-european', 'eec-eurasian']);
    const russian = findOrganisationMentions(new DerivedResults(), parse(lines('---', 'language: ru', '---', 'Sergey Lavrov: The EEC met today.')), builtinGlossary());
    assert.equal(russian[0].ids[0], 'eec-eurasian');
    const icc = findOrganisationMentions(new DerivedResults(), parse('The ICC issued a warrant; the International Criminal Court sits in The Hague.'), builtinGlossary());
    assert.equal(icc[0].ids[0], 'icc-court');
    assert.equal(icc[0].ids.length, 3);
  });

  it('puts a user’s sense of a known acronym first, and an override by id replaces the built-in fields', () => {
    const origin = { kind: 'builtin' } as const;
    const glossary = builtinGlossary().extend([{
      rank: LayerRank.File,
      entries: [
        { acronyms: ['EEC'], fullName: 'Estonian Esports Club', description: 'A club.', origin },
        { id: 'csto', description: 'Overridden.', origin },
      ],
    }]);
    const [eec, csto] = findOrganisationMentions(new DerivedResults(), parse('The EEC and the CSTO.'), glossary);
    assert.equal(glossary.get(eec.ids[0])!.fullName, 'Estonian Esports Club');
    assert.equal(eec.ids.length, 3);
    assert.equal(glossary.get(csto.ids[0])!.description, 'Overridden.');
    assert.equal(glossary.get(csto.ids[0])!.fullName, 'Collective Security Treaty Organization');
  });

  it('rescans only the paragraphs whose text changed', () => {
    const service = createLanguageService();
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Sergey Lavrov: Paragraph ${i} is about the CSTO and the EAEU.`);
    const glossary = builtinGlossary();
    const results = new DerivedResults();
    const first = service.getModel({ ...document(lines(...paragraphs), 'file:///incremental.transcript'), version: 1 });
    assert.equal(findOrganisationMentions(results, first, glossary).length, 80);
    assert.equal(results.computations('paragraph organisations'), 40);
    paragraphs[7] = 'Sergey Lavrov: Now it is about NATO.';
    const second = service.getModel({ ...document(lines(...paragraphs), 'file:///incremental.transcript'), version: 2 });
    const mentions = findOrganisationMentions(results, second, glossary);
    assert.equal(results.computations('paragraph organisations'), 41);
    assert.equal(mentions.length, 79);
    assert.equal(mentions[14].text, 'NATO');
    assert.deepEqual(mentions[14].range.start, { line: 7, character: 31 });
  });
});

describe('glossary: a dictionary', () => {
  it('knows acronyms, names and their words, with plurals and possessives', () => {
    for (const word of ['NATO', 'NATO’s', "NATO's", 'NGOs', 'Soros', 'Rossotrudnichestvo', 'ОДКБ', 'OSCE', 'Eurasian']) assert.ok(isKnownTerm(word), word);
    for (const word of ['US', 'OCSE', 'Blorf', 'CAPS']) assert.ok(!isKnownTerm(word), word);
  });
});
