import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { cursor, document, lines } from '../util/fixtures';

/** The hover at the cursor (`|`), in Markdown, or undefined. */
function hoverAt(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  const hover = createLanguageService().provideHover(document(text), new LineIndex(text).positionAt(offset));
  return (hover?.contents as MarkupContent | undefined)?.value;
}

/** The title of the card at the cursor, or undefined where none is shown (nothing, or a name with no card). */
function cardAt(marked: string): string | undefined {
  const value = hoverAt(marked) ?? '';
  return / has no card/.test(value) ? undefined : /^(?:\*[^*\n]+\*\n\n)?\*\*([^*]+)\*\*/.exec(value)?.[1];
}

/** The card's line that says what the body is. */
const kindAt = (marked: string) => hoverAt(marked)?.split('\n\n')[1];

describe('glossary: organisations known by the form of their name', () => {
  it('gives a class word with the words that make it one body a card that says what kind of body it is, and whose where its name says', () => {
    assert.equal(cardAt('Senator: I sat on the Aged Care Com|mittee for years.'), 'Aged Care Committee');
    assert.equal(kindAt('Senator: I sat on the Aged Care Com|mittee for years.'), 'Committee: known here by the form of its name; the glossary has no entry for it.');
    assert.equal(cardAt('Q: What did the Ministry of Fisheries and Oce|ans decide?'), 'Ministry of Fisheries and Oceans');
    assert.equal(cardAt('A: She studied at Berea Col|lege in Kentucky.'), 'Berea College');
    assert.match(kindAt('A: She studied at Berea Col|lege in Kentucky.')!, /^University or college:/);
    assert.equal(cardAt('A: The Pandemic Flu Readiness Bo|ard did not meet.'), 'Pandemic Flu Readiness Board');
    assert.equal(cardAt('A: We spoke to the Maricopa County Attorney’s Off|ice today.'), 'Maricopa County Attorney’s Office');
    assert.equal(cardAt('A: He was taken to Glenside Psychiatric Hosp|ital.'), 'Glenside Psychiatric Hospital');
    assert.equal(cardAt('A: As I read in the Concord Mon|itor this morning.'), 'Concord Monitor');
    assert.equal(cardAt('A: The Sunshine Coast Ratepayers Par|ty met on Monday.'), 'Sunshine Coast Ratepayers Party');
  });

  it('reads the owner of a committee from its name, and leaves out titles and the words that open a sentence', () => {
    assert.match(kindAt('A: The Commons Public Accounts Commi|ttee met.')!, /^Committee of the Commons:/);
    assert.equal(cardAt('A: The President of the Lake Ferry Bo|ard answered.'), 'Lake Ferry Board');
    // A body of an organisation the glossary knows: named for it, not taken for it.
    assert.equal(cardAt('A: The Intel Corporation Investment Policy Comm|ittee decided.'), 'Intel Corporation Investment Policy Committee');
    assert.match(kindAt('A: The Intel Corporation Investment Policy Comm|ittee decided.')!, /^Committee of the Intel Corporation:/);
    assert.equal(cardAt('A: I asked the Board of the Institute for Lake Stud|ies.'), 'Institute for Lake Studies');
    assert.equal(cardAt('A: She is at the University of Kentucky and Director of the Lake Cen|tre.'), undefined);
    assert.equal(cardAt('A: Because the Lake Ferry Authori|ty said so.'), 'Lake Ferry Authority');
    assert.equal(cardAt('A: Could Lake Ferry Authori|ty run it?'), 'Lake Ferry Authority');
  });

  it('gives no card to names of that form that name no body: a place, a room, a right, a law, a generic body', () => {
    for (const marked of [
      'A: We met in the Oval Off|ice.', 'A: Settlements in the West Ba|nk.', 'A: The Tea Par|ty rallied.', 'A: Freedom of Associat|ion matters.',
      'A: Paid from the Judgment Fu|nd.', 'A: The Select Committ|ee met.', 'A: The City Coun|cil met.', 'A: The Transport Safety Board A|ct passed.',
      'A: Across Austral|ia today.', 'A: In New South Wal|es today.', 'A: Team Cana|da won.', 'A: Ask the Merchant Ba|nk.',
    ]) assert.equal(cardAt(marked), undefined, marked);
  });

  it('forms no name cut at a comma of its own words: a list with `and` before its last goes on', () => {
    assert.equal(cardAt('Lord Willis: The National Centre for the Repla|cement, Refinement and Reduction of Animals in Research funds it.'), undefined);
    assert.equal(cardAt('Mr Cable: The Department for Busi|ness, Innovation and Skills answered.'), undefined);
    // A comma before anything else ends the name where it is.
    assert.equal(cardAt('Lord Faulkner: In 2007 the Committee on Tox|icity, which advises ministers, said so.'), 'Committee on Toxicity');
    assert.equal(cardAt('Lord Faulkner: In 2007 the Committee on Tox|icity, the Met Office and others said so.'), 'Committee on Toxicity');
  });

  it('knows a body named for its nation, and gives it that country', () => {
    assert.equal(cardAt('A: Public Health Scotl|and publishes the figures.'), 'Public Health Scotland');
    assert.match(kindAt('A: Public Health Scotl|and publishes the figures.')!, /^Organisation of Scotland:/);
    assert.equal(cardAt('A: Statistics Cana|da says so.'), 'Statistics Canada');
    assert.equal(cardAt('A: Officials from Public Health Wales| said so.'), 'Public Health Wales');
  });

  it('takes a variant of a glossary name for that entry: a university’s two orders, accents left out, of for for', () => {
    assert.equal(cardAt(lines('A: In England, Southampton Univer|sity.', '', 'A: England again.')), 'University of Southampton');
    assert.equal(cardAt(lines('A: In Canada, the Bloc Quebec|ois voted.', '', 'A: Canada again.')), 'Bloc Québécois');
  });

  it('needs no country named for a US court of appeals by its short name, and reads the transcript’s country from such bodies', () => {
    assert.equal(cardAt('JUSTICE: Why did the Ninth Circ|uit remand it?'), 'United States Court of Appeals for the Ninth Circuit');
    const text = lines('JUSTICE: The Fifth Circuit held so.', '', 'COUNSEL: And the Fifth Circuit was right.', '', 'JUSTICE: The Tax Co|urt did not.');
    assert.equal(cardAt(text), 'United States Tax Court');
  });

  it('gives an acronym the card of the one name in the transcript whose initials it is', () => {
    const text = lines('Host: Welcome to the Green Software Foundation podcast.', '', 'Guest: The G|SF publishes patterns.');
    assert.equal(cardAt(text), 'Green Software Foundation');
    assert.match(hoverAt(text)!, /^\*\*Green Software Foundation\*\* \(GSF\)/);
    // Two names with the same initials: the acronym could be either.
    assert.equal(cardAt(lines('A: The Green Software Foundation and the Global Safety Foundation.', '', 'A: The G|SF met.')), undefined);
  });

  it('ranks the House’s and the Senate’s committees of the same short name by the words around them', () => {
    const senate = lines('SENATOR: America needs this.', '', 'SENATOR: As a senator I sat on the Budget Commi|ttee of the Senate.');
    assert.equal(cardAt(senate), 'United States Senate Committee on the Budget');
    const house = lines('CONGRESSMAN: America needs this.', '', 'CONGRESSMAN: In the House, as a representative, I sat on the Budget Commi|ttee.');
    assert.equal(cardAt(house), 'United States House Committee on the Budget');
    assert.equal(cardAt(lines('SENATOR: America needs this.', '', 'SENATOR: The Senate Judiciary Committ|ee met.')), 'United States Senate Committee on the Judiciary');
  });

  it('knows alliances, fronts, chambers, organisations, forces, unions, labs, centres, offices, German and Spanish bodies and groups by form', () => {
    const cards: readonly (readonly [string, string, RegExp])[] = [
      ['A: The Global Ocean Allia|nce said.', 'Global Ocean Alliance', /^Alliance:/],
      ['A: The Al-Nusra Fr|ont attacked.', 'Al-Nusra Front', /^Front:/],
      ['A: The Lake Street Chamb|ers said.', 'Lake Street Chambers', /^Chambers:/],
      ['A: The Dispute Prevention and Resolution Organisa|tion met.', 'Dispute Prevention and Resolution Organisation', /^Organisation:/],
      ['A: The Lake Ferry Police Fo|rce said.', 'Lake Ferry Police Force', /^Force:/],
      ['A: The Commander of the Lake Ferry Task Fo|rce said.', 'Lake Ferry Task Force', /^Force:/],
      ['A: The Centre for Lake Res|earch said.', 'Centre for Lake Research', /^Centre:/],
      ['A: The Office of the Lake Ferry Guard|ian said.', 'Office of the Lake Ferry Guardian', /^Office:/],
      ['A: Das Bundesamt für Seenforsch|ung sagt.', 'Bundesamt für Seenforschung', /^Federal office:/],
      ['A: El Consejo de Lagos y Rí|os dijo.', 'Consejo de Lagos y Ríos', /^Council:/],
      ['A: Grupo Lagu|na anunció.', 'Grupo Laguna', /^Group:/],
      ['A: The Lake Ferry Workers Un|ion said.', 'Lake Ferry Workers Union', /^Union:/],
      ['A: At Lake Ferry La|bs we built it.', 'Lake Ferry Labs', /^Laboratory:/],
    ];
    for (const [marked, title, kind] of cards) {
      assert.equal(cardAt(marked), title, marked);
      assert.match(kindAt(marked)!, kind, marked);
    }
  });

  it('joins a name’s words with and, but not two bodies, and cuts a person’s name before of', () => {
    assert.equal(cardAt('A: The Conciliation and Arbitration Comm|ission ruled.'), 'Conciliation and Arbitration Commission');
    assert.equal(cardAt('A: The Lake Health Service Executive and Lake Poverty Age|ncy met.'), 'Lake Poverty Agency');
    assert.equal(cardAt('A: The ISIL and the Lake Nusra Fr|ont attacked.'), 'Lake Nusra Front');
    assert.equal(cardAt('A: Alex Gladstein of the Lake Ferry Found|ation spoke.'), 'Lake Ferry Foundation');
    // A glossary name before `and` is a body of its own, and owns nothing after it.
    assert.equal(cardAt('A: Green|peace and Deus Labs built it.'), 'Greenpeace International');
    assert.equal(cardAt('A: Greenpeace and Deus La|bs built it.'), undefined);
    // After an acronym, `and` starts another name.
    assert.equal(cardAt('A: NATO and Deus La|bs built it.'), 'Deus Labs');
  });

  it('gives no card to those class words where the words before them make no one body, nor to a forum (most often an event)', () => {
    for (const marked of [
      'A: The Police Fo|rce said.', 'A: The Task Fo|rce met.', 'A: On the Western Fr|ont.', 'A: On the Home Fr|ont.',
      'A: The Second Caspian Economic For|um met.',
      'A: A Terrorist Organisa|tion.', 'A: The Judges’ Chamb|ers.', 'A: The Western Alli|ance.', 'A: The Office of the Pres|ident said.',
      'A: The Office of the Prime| Minister said.', 'A: El Grupo Parlamen|tario del PAN.', 'A: The Soviet Un|ion fell.', 'A: The Trade Un|ion met.',
      'A: He plays Rugby Un|ion.', 'A: The Crime La|bs said.', 'A: Die Ziele der Europäischen Un|ion sind klar.', 'A: El Grupo Popu|lar votó.',
      'A: Liz Cameron of the Scottish Chamb|ers of Commerce.', 'A: The Vice-Chief of the Defence Fo|rce said.',
    ]) assert.equal(cardAt(marked), undefined, marked);
  });

  it('knows a nation’s government and parliament by its name or its adjective, one card for each however written, with that country', () => {
    assert.equal(cardAt('A: We thank the Government of the Arab Republic of Eg|ypt for its help.'), 'Government of Egypt');
    assert.match(kindAt('A: We thank the Government of the Arab Republic of Eg|ypt for its help.')!, /^National government of Egypt:/);
    assert.equal(cardAt('A: The Government of Ye|men asked for it.'), 'Government of Yemen');
    assert.equal(cardAt('A: The Libyan Govern|ment and the Libyan Parliament disagree.'), 'Government of Libya');
    assert.equal(cardAt('A: The Libyan Government and the Libyan Parli|ament disagree.'), 'Parliament of Libya');
    assert.match(kindAt('A: The Libyan Government and the Libyan Parli|ament disagree.')!, /^National parliament of Libya:/);
    assert.equal(cardAt('A: The Sierra Leonean Gover|nment said so.'), 'Government of Sierra Leone');
    assert.equal(cardAt('A: The Dutch Gover|nment said so.'), 'Government of the Netherlands');
    // Both spellings are one organisation of the transcript.
    const text = lines('A: The Government of the Republic of Benin thanks you.', '', 'A: The Beninese Government agrees.');
    const counts = createLanguageService().provideOrganisations(document(text));
    assert.deepEqual(counts.map((c) => [c.entry.fullName, c.count]), [['Government of Benin', 2]]);
    // Where an entry bears a name of that form, it is that entry, and the form tells its country: none need be named.
    assert.equal(cardAt('A: The Canadian Govern|ment agreed.'), 'Government of Canada');
    assert.equal(cardAt('A: The Government of Mala|ysia agreed.'), 'Government of Malaysia');
  });

  it('gives no card to a government or parliament that its words do not tie to a nation', () => {
    for (const marked of [
      'A: The Government of the D|ay decides.', 'A: A Government of National Un|ity was formed.', 'A: The Queensland Gov|ernment agreed.',
      'A: The Korean Govern|ment agreed.', 'A: The European Parl|iament voted.', 'A: The Parliament of the World’s Reli|gions met.',
      'A: The Government of Egypt Min|ister spoke.', 'A: The Labor Gover|nment did it.',
    ]) assert.doesNotMatch(hoverAt(marked) ?? '', /National (?:government|parliament)/, marked);
  });

  it('offers to add a name known by its form to the workspace glossary', () => {
    const text = 'A: The Pandemic Flu Readiness Board did not meet.\n';
    const service = createLanguageService();
    const at = text.indexOf('Readiness');
    const range = { start: new LineIndex(text).positionAt(at), end: new LineIndex(text).positionAt(at) };
    const actions = service.provideCodeActions(document(text), [], undefined, { range, glossaryUri: 'file:///.transcript-glossary.yaml' });
    assert.deepEqual(actions.map((a) => a.title), ['Add Pandemic Flu Readiness Board to the workspace glossary']);
  });
});
