import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { document, lines } from '../util/fixtures';

/**
 * The likeliest sense of each mention of `form`, in document order, as `orgs` counts them and as
 * the hover puts them first: the two must agree.
 */
function likeliestSenses(text: string, form: string): string[] {
  const service = createLanguageService();
  const doc = document(text);
  const counted = new Map<number, string>();
  for (const organisation of service.provideOrganisations(doc)) {
    for (const mention of organisation.mentions) if (mention.form === form) counted.set(mention.start, organisation.entry.fullName);
  }
  const lineIndex = new LineIndex(text);
  return [...counted.keys()].sort((a, b) => a - b).map((start) => {
    const hover = service.provideHover(doc, lineIndex.positionAt(start + 1));
    const first = /\*\*([^*]+)\*\* \(/.exec((hover?.contents as MarkupContent).value)?.[1];
    assert.equal(first, counted.get(start), `the hover at ${start} puts first what orgs counts`);
    return counted.get(start)!;
  });
}

describe('glossary: the senses of an ambiguous acronym, ranked by the words around each mention', () => {
  it('reads FSB in a Russian security context as the Federal Security Service, next to the G20 and Basel as the Financial Stability Board', () => {
    const text = lines(
      'Vladimir Putin: As a former FSB director, I know for sure that there was massive support for separatism in our North Caucasus.',
      '',
      'Vladimir Putin: At the G20 we spoke about the world economy, and the FSB, the body in Basel that watches over financial stability, reported to the leaders.',
    );
    assert.deepEqual(likeliestSenses(text, 'FSB'), ['Federal Security Service of the Russian Federation', 'Financial Stability Board']);
    // Either alone: the words around it decide, not what else the document names.
    assert.deepEqual(likeliestSenses(lines(text.split('\n\n')[0], '', 'Vladimir Putin: The G20 met in Osaka.'), 'FSB'), ['Federal Security Service of the Russian Federation']);
  });

  it('reads EEC beside the Treaty of Rome as the European Economic Community, beside the customs union of Eurasia as the Eurasian Economic Commission', () => {
    const text = lines(
      'Sergey Lavrov: Britain joined the EEC in 1973, long after the Treaty of Rome.',
      '',
      'Sergey Lavrov: Today the EEC sets the customs rules of Russia, Belarus and Kazakhstan in the Eurasian Economic Union.',
    );
    assert.deepEqual(likeliestSenses(text, 'EEC'), ['European Economic Community', 'Eurasian Economic Commission']);
  });

  it('reads ICC beside war crimes as the court, beside a tournament as the cricket council', () => {
    const text = lines(
      'Speaker: The ICC prosecutor asked for a warrant over war crimes.',
      '',
      'Speaker: The ICC moved the tournament, and the players flew to Dubai.',
    );
    assert.deepEqual(likeliestSenses(text, 'ICC'), ['International Criminal Court', 'International Cricket Council']);
  });

  it('takes a dataset party only where the transcript names its country, and ranks a shared name by the country named', () => {
    const senses = (text: string, form: string) => createLanguageService().provideOrganisations(document(text))
      .filter((c) => c.entry.kind === 'party' && c.mentions.some((m) => m.form === form)).map((c) => c.entry.id);
    // CPI: India's communists in an Indian debate, nothing beside an inflation figure in an Australian one.
    assert.deepEqual(senses('Speaker: The CPI won two seats in Kerala, India.', 'CPI'), ['party-in-communist-party-of-india']);
    assert.deepEqual(senses('Speaker: The CPI rose by 3 per cent in Australia.', 'CPI'), []);
    // `Labour Party`: the British one where the United Kingdom is named, no other country's.
    assert.deepEqual(senses('Speaker: The Labour Party won the election in the United Kingdom.', 'Labour Party'), ['party-gb-labour-party']);
    assert.deepEqual(senses('Speaker: The Labour Party won the election.', 'Labour Party'), []);
  });

  it('reads FAA in an argument about arbitration as the Federal Arbitration Act, a law and no organisation, and beside aircraft as the aviation agency', () => {
    const text = lines(
      'Andrew Pincus: The agreement says nothing about class arbitration, and the FAA does not let a court compel it.',
      '',
      'Reporter: The FAA grounded the aircraft after two flights lost a door.',
    );
    assert.deepEqual(likeliestSenses(text, 'FAA'), ['Federal Arbitration Act', 'Federal Aviation Administration']);
    const service = createLanguageService();
    const hover = service.provideHover(document(text), { line: 0, character: text.indexOf('FAA') + 1 });
    assert.match((hover?.contents as MarkupContent).value, /Law or treaty, not an organisation/);
  });

  it('reads EC in 1993 trade talks as the European Community, beside Brussels officials proposing a law as the Commission', () => {
    const text = lines(
      'Paul Keating: The US and EC subsidised exports of wheat fall under the GATT agreement on tariffs.',
      '',
      'Reporter: The EC proposes a directive, and the commissioners will present the legislation to Parliament.',
    );
    assert.deepEqual(likeliestSenses(text, 'EC'), ['European Economic Community', 'European Commission']);
  });

  it('takes a court (courts-db) or a government body (ROR) only where the transcript names its country, or the name says it', () => {
    const named = (text: string) => createLanguageService().provideOrganisations(document(text)).map((c) => c.entry.fullName);
    assert.deepEqual(named('Neal Katyal: The Ninth Circuit and the Supreme Court of the United States disagree.'), [
      'Supreme Court of the United States', 'United States Court of Appeals for the Ninth Circuit',
    ].sort());
    // A court of appeals by its short name says its country: no other country's courts bear it.
    assert.deepEqual(named('Justice Breyer: The Ninth Circuit disagrees.'), ['United States Court of Appeals for the Ninth Circuit']);
    assert.deepEqual(named('Justice Breyer: The Tax Court disagrees.'), []);
    assert.deepEqual(named('Zoé Robledo: El IMSS atiende a millones de derechohabientes en México.'), ['Mexican Social Security Institute']);
    assert.deepEqual(named('Speaker: The IMSS figures are due.'), []);
  });

  it('takes a dataset party named as its country’s language names it in a transcript in that language, its country unnamed', () => {
    const senses = (text: string) => createLanguageService().provideOrganisations(document(text)).map((c) => c.entry.id);
    const german = lines('---', 'language: de', '---', 'Jan Korte: Die SPD und Die Linke haben im Bundestag dagegen gestimmt.');
    assert.ok(senses(german).includes('party-de-social-democratic-party-of-germany'));
    assert.ok(senses(german).includes('party-de-the-left'));
    // In English, the same letters stand only where Germany is named.
    assert.ok(!senses('Speaker: The SPD voted against it.').includes('party-de-social-democratic-party-of-germany'));
  });

  it('takes a foreign dataset body in a transcript of another country only where its country is named around it', () => {
    const senses = (text: string) => createLanguageService().provideOrganisations(document(text)).map((c) => c.entry.id);
    // A Spanish debate (Spain named in many paragraphs) that names Argentina once: its `Partido Socialista` is no Argentine party.
    const spanish = lines('---', 'language: es', '---',
      'Mariano Rajoy: España necesita un Gobierno estable. En España los ciudadanos votaron.', '',
      'José Luis Rodríguez Zapatero: España y los españoles merecen respeto; Argentina también.', '',
      'Mariano Rajoy: El acuerdo entre el Partido Popular y el Partido Socialista es bueno para España.');
    assert.ok(!senses(spanish).includes('party-ar-socialist-party'));
    // The paragraph that names Argentina around it makes it Argentina's.
    const argentine = spanish.replace('el Partido Socialista es bueno para España', 'el Partido Socialista de Argentina es bueno');
    assert.ok(senses(argentine).includes('party-ar-socialist-party'));
    // An Australian Senate (Australia in many paragraphs) that names Russia elsewhere: `CRC`, a research centre, is no Russian party.
    const australian = lines(
      'Senator Carr: Australia deserves better. The people of Australia know it.', '',
      'Senator Minchin: Australia has sold uranium to Russia under safeguards, and Australia will go on doing so.', '',
      'Senator Carr: The government closed the CRC for Renewable Energy.');
    assert.ok(!senses(australian).includes('party-ru-congress-of-russian-communities'));
  });

  it('reads an acronym as the one name the transcript spells out for it, before the glossary’s senses of the same letters', () => {
    const named = (text: string, form: string) => createLanguageService().provideOrganisations(document(text))
      .filter((c) => c.mentions.some((m) => m.form === form)).map((c) => c.entry.fullName);
    const commons = lines(
      'John Whittingdale: Is the Minister aware of the Federation of Small Businesses survey on crime against shops?', '',
      'Alan Campbell: The criteria were agreed by the retail crime steering group, and the FSB is an active member of it.');
    assert.deepEqual(named(commons, 'FSB'), ['Federation of Small Businesses']);
    const briefing = lines(
      'Matthew Miller: The declaration outlined the contours of a broad Transitional Presidential Council.', '',
      'Matthew Miller: The TPC will name an independent electoral council.');
    assert.deepEqual(named(briefing, 'TPC'), ['Transitional Presidential Council']);
    // Without the name spelt out, the glossary's senses stand.
    assert.deepEqual(named('Vladimir Putin: As a former FSB director, I know it.', 'FSB'), ['Federal Security Service of the Russian Federation']);
  });
});
