import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findOrganisationMentions } from '../../server/src/service';
import { BuiltinEntries, builtinDataDirectory } from '../../server/src/service/glossary/builtinData';
import { Glossary, LayerRank, type GlossaryEntry } from '../../server/src/service/glossary/glossary';
import { DerivedResults } from '../../server/src/service/derivedResults';
import { ROOT, parse } from '../util/fixtures';

const DATA_FILES = ['organisations.json', 'organisations-parties.json', 'organisations-ror.json', 'organisations-courts.json',
  'organisations-classes.json', 'organisations-ror-universities.json', 'organisations-ror-companies.json', 'organisations-ror-nonprofits.json',
  'organisations-sp500.json', 'terms.json',
  'organisations-national.json', 'organisations-us-congress.json', 'organisations-govuk.json', 'organisations-federal-register.json'];
const read = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'server', 'data', name), 'utf8')) as { organisations: GlossaryEntry[] };
const shipped = DATA_FILES.flatMap((name) => read(name).organisations);

function fresh(): { entries: BuiltinEntries; glossary: Glossary } {
  const entries = new BuiltinEntries(builtinDataDirectory(), LayerRank.Builtin);
  return { entries, glossary: new Glossary([], entries) };
}

describe('glossary: the built-in data, read a letter at a time', () => {
  it('reads no entry to build the glossary, and only the letter of the organisation a transcript names', () => {
    const { entries, glossary } = fresh();
    assert.deepEqual(entries.loadedShards, []);
    const mentions = findOrganisationMentions(new DerivedResults(), parse('Maria Zakharova: The CSTO met on Monday.\n'), glossary);
    assert.deepEqual(mentions.map((m) => [m.text, m.ids[0]]), [['CSTO', 'csto']]);
    // The entry's fields are read from the file of its full name's letter: Collective Security Treaty Organization.
    assert.equal(glossary.get('csto')?.fullName, 'Collective Security Treaty Organization');
    assert.deepEqual(entries.loadedShards, ['c']);
  });

  it('gives every shipped entry with all its fields, in the order of the files', () => {
    const { glossary } = fresh();
    assert.equal(glossary.size, shipped.length);
    shipped.forEach((entry, order) => {
      const { origin, rank, order: got, ...fields } = glossary.get(entry.id)!;
      assert.deepEqual({ origin, rank, order: got }, { origin: { kind: 'builtin' }, rank: LayerRank.Builtin, order }, entry.id);
      assert.deepEqual(fields, { ...entry, names: entry.names.length || entry.acronyms.length ? entry.names : [entry.fullName] }, entry.id);
    });
  });

  it('matches the same names as a glossary built from the data files at once', () => {
    const layer = { rank: LayerRank.Builtin, entries: shipped.map((e) => ({ ...e, origin: { kind: 'builtin' as const } })) };
    const whole = new Glossary([layer]);
    const { entries, glossary } = fresh();
    // Generic names (`High Court`) are the built-in index's besides: they name their table's bodies too.
    const entryForms = (forms: Map<string, string[]>) => [...forms].filter(([form]) => !entries.genericNames.has(form));
    assert.deepEqual(entryForms(glossary.matcher.forms), entryForms(whole.matcher.forms));
    for (const [name, byCountry] of entries.genericNames) {
      assert.deepEqual(glossary.matcher.forms.get(name), [...new Set([...(whole.matcher.forms.get(name) ?? []), ...byCountry.values()])], name);
    }
    const text = 'The Australian Labor Party, the CSTO, NATO’s allies, Sinn Féin and the Bundesverfassungsgericht, and the ICC.';
    assert.deepEqual(glossary.matcher.match(text), whole.matcher.match(text));
  });
});

describe('glossary: cards of the built-in classes', () => {
  const cards = (text: string) => findOrganisationMentions(new DerivedResults(), parse(text), fresh().glossary).map((m) => [m.text, m.ids[0]]);

  it('gives universities and companies where the transcript names their country, or where their names tell them', () => {
    // The University of the Western Cape's card waits for South Africa to be named; Harvard's name tells it (a word no dictionary has).
    assert.deepEqual(cards('Anna Lee: I went to the University of the Western Cape, then to Harvard University, before Australia called me home.\n'), [
      ['Harvard University', 'ror-uni-us-harvard-university'],
    ]);
    // A one-word name is a surname too (`Abbott`): Pfizer's waits for its country, as Red Hat's (dictionary words), not the Microsoft Corporation's.
    assert.deepEqual(cards('Anna Lee: Pfizer, Red Hat and the Microsoft Corporation.\n'), [['Microsoft Corporation', 'ror-co-us-microsoft']]);
    // A company of the S&P 500 needs no country named.
    assert.deepEqual(cards('Anna Lee: The University of the Western Cape in South Africa, and Goldman Sachs, and Pfizer in the United States.\n'), [
      ['University of the Western Cape', 'ror-uni-za-university-of-the-western-cape'], ['Goldman Sachs', 'sp500-goldman-sachs'],
      ['Pfizer', 'ror-co-us-pfizer'],
    ]);
  });

  it('gives nonprofits by the names that tell them, wherever they stand, and the acronym the transcript spells out', () => {
    assert.deepEqual(cards('Anna Lee: The Linux Foundation, the Mozilla Foundation and the Wellcome Trust.\n'), [
      ['Linux Foundation', 'ror-ngo-us-linux-foundation'], ['Mozilla Foundation', 'ror-ngo-us-mozilla-foundation'],
      ['Wellcome Trust', 'ror-ngo-gb-wellcome-trust'],
    ]);
    assert.deepEqual(cards('Anna Lee: The James Hutton Institute studies soils.\n\nBen Ray: And the JHI said so.\n'), [
      ['James Hutton Institute', 'ror-ngo-gb-james-hutton-institute'], ['JHI', 'ror-ngo-gb-james-hutton-institute'],
    ]);
    // A phrase of dictionary words, a person's name or a prize is no nonprofit's name here: the Ocean Alliance's card is by its form.
    assert.deepEqual(cards('Anna Lee: The Ocean Alliance, Hugo Grotius and the Nobel Prize.\n'), [['Ocean Alliance', 'formed:Ocean Alliance']]);
  });

  it('gives legislatures and their chambers, in German inflections and in Spanish', () => {
    assert.deepEqual(cards('Anna Lee: The Queensland Parliament voted.\n'), [['Queensland Parliament', 'parliament-of-queensland']]);
    // `House of Commons` is a generic name (Britain's, Canada's): its card is the transcript's country's.
    assert.deepEqual(cards('Anna Lee: Britain voted.\n\nAnna Lee: In Britain, the House of Commons voted.\n'), [['House of Commons', 'house-of-commons']]);
    assert.deepEqual(cards('Anna Lee: Wir im Deutschen Bundestag und die Mitglieder des Bundestages.\n'), [
      ['Deutschen Bundestag', 'bundestag'], ['Bundestages', 'bundestag'],
    ]);
    assert.deepEqual(cards('Anna Lee: México votó.\n\nAnna Lee: En México, la Cámara de Diputados aprobó la reforma.\n'), [
      ['Cámara de Diputados', 'camara-de-diputados-mexico'],
    ]);
  });

  it('gives party committees, international bodies, armed groups, media and sports bodies', () => {
    assert.deepEqual(cards('Anna Lee: The DNC, the GATT and the CSCE; Al Qaida and al-Qaeda; Channel Nine, MSNBC and the NFL.\n'), [
      ['DNC', 'dnc'], ['GATT', 'gatt'], ['CSCE', 'csce'], ['Al Qaida', 'al-qaeda'], ['al-Qaeda', 'al-qaeda'],
      ['Channel Nine', 'nine-network'], ['MSNBC', 'msnbc'], ['NFL', 'nfl'],
    ]);
  });

  it('gives the bodies the sixth counted set named without a card: police, unions, courts, funds and Singapore’s legal bodies', () => {
    assert.deepEqual(cards('Anna Lee: The RCMP and the BMA; the PNGDF; the GCF and COVAX; the Supreme People\'s Court.\n'), [
      ['RCMP', 'rcmp'], ['BMA', 'british-medical-association'], ['PNGDF', 'pngdf'], ['GCF', 'green-climate-fund'], ['COVAX', 'covax'],
      ["Supreme People's Court", 'supreme-peoples-court'],
    ]);
    assert.deepEqual(cards('Anna Lee: The AGC, the Singapore Land Authority, the Family Justice Courts and Pro Bono SG.\n'), [
      ['AGC', 'agc-singapore'], ['Singapore Land Authority', 'singapore-land-authority'], ['Family Justice Courts', 'family-justice-courts'],
      ['Pro Bono SG', 'pro-bono-sg'],
    ]);
  });

  it('takes no ordinary word for a newspaper or a company', () => {
    assert.deepEqual(cards('Anna Lee: The Australian people read the Age of Reason; die Zeit vergeht; we like Apple pie and Intel.\n'), []);
  });
});
