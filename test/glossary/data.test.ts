import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { builtinGlossary } from '../../server/src/service';
import { ROOT } from '../util/fixtures';

interface Entry {
  id: string;
  acronyms: string[];
  names: string[];
  forms?: Record<string, string[]>;
  related?: string[];
}

const DATA = path.join(ROOT, 'server', 'data');
const read = (name: string) => JSON.parse(readFileSync(path.join(DATA, name), 'utf8')) as { version: number; organisations: Entry[] };
const schema = JSON.parse(readFileSync(path.join(DATA, 'organisations.schema.json'), 'utf8')) as object;
const organisations = read('organisations.json');
const parties = read('organisations-parties.json');
const ror = read('organisations-ror.json');
const courts = read('organisations-courts.json');
const classes = read('organisations-classes.json');
const universities = read('organisations-ror-universities.json');
const companies = read('organisations-ror-companies.json');
const nonprofits = read('organisations-ror-nonprofits.json');
const sp500 = read('organisations-sp500.json');
const congress = read('organisations-us-congress.json');
const govuk = read('organisations-govuk.json') as ReturnType<typeof read> & { genericNames: Record<string, Record<string, string>> };
const federalRegister = read('organisations-federal-register.json') as typeof govuk;
const terms = read('terms.json');
const national = read('organisations-national.json') as ReturnType<typeof read> & { genericNames: Record<string, Record<string, string>> };
const all = [...organisations.organisations, ...parties.organisations, ...ror.organisations, ...courts.organisations, ...classes.organisations,
  ...universities.organisations, ...companies.organisations, ...nonprofits.organisations, ...sp500.organisations, ...terms.organisations,
  ...national.organisations, ...congress.organisations, ...govuk.organisations, ...federalRegister.organisations];

describe('glossary: the shipped data', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

  const files = [['organisations.json', organisations], ['organisations-parties.json', parties], ['organisations-ror.json', ror],
    ['organisations-courts.json', courts], ['organisations-classes.json', classes], ['organisations-ror-universities.json', universities],
    ['organisations-ror-companies.json', companies], ['organisations-ror-nonprofits.json', nonprofits], ['organisations-sp500.json', sp500],
    ['terms.json', terms],
    ['organisations-national.json', national], ['organisations-us-congress.json', congress], ['organisations-govuk.json', govuk],
    ['organisations-federal-register.json', federalRegister]] as const;
  for (const [name, data] of files) {
    it(`${name}: every entry conforms to organisations.schema.json`, () => {
      const valid = validate(data);
      const errors = (validate.errors ?? []).map((e) => {
        const index = /^\/organisations\/(\d+)/.exec(e.instancePath);
        return `${e.instancePath}${index ? ` [${data.organisations[Number(index[1])]?.id}]` : ''} ${e.message}`;
      });
      assert.deepEqual(errors, []);
      assert.ok(valid);
    });
  }

  // The importers of GOV.UK and the Federal Register take no abbreviation that an international body bears (GCF is the Green
  // Climate Fund's, not the Government Commercial Function's): an entry added to another file after an import is a stale file,
  // which the importer, run again, rebuilds (README, "Organisations: coverage, and how to add one").
  it('government datasets bear no acronym of an international body: their files agree with their importers', () => {
    for (const [name, file] of [['organisations-govuk.json', govuk], ['organisations-federal-register.json', federalRegister]] as const) {
      const others = all.filter((e) => !file.organisations.includes(e)) as (Entry & { country?: string })[];
      const international = new Set(others.filter((e) => !e.country).flatMap((e) => e.acronyms));
      const clashing = file.organisations.filter((e) => e.acronyms.some((a) => international.has(a))).map((e) => e.id);
      assert.deepEqual(clashing, [], `${name}: run its importer again`);
    }
  });

  it('names a national dataset\'s entry without its country only by its own names, never by an acronym; a nonprofit by those alone', () => {
    for (const e of all as (Entry & { namesWithoutCountry?: string[] })[]) {
      for (const name of e.namesWithoutCountry ?? []) assert.ok(e.names.includes(name) && !e.acronyms.includes(name), `${e.id}: ${name}`);
    }
    for (const e of nonprofits.organisations as (Entry & { namesWithoutCountry?: string[] })[]) {
      assert.deepEqual(e.acronyms, [], e.id);
      assert.deepEqual(e.namesWithoutCountry, e.names, e.id);
    }
    assert.ok(nonprofits.organisations.length >= 500);
  });

  it('has unique ids, sorted, across the files', () => {
    const ids = all.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const file of [organisations, parties, ror, courts, classes, universities, companies, nonprofits, sp500, national, congress, govuk,
      federalRegister]) {
      const sorted = file.organisations.map((e) => e.id);
      assert.deepEqual(sorted, [...sorted].sort((a, b) => (a < b ? -1 : 1)));
    }
    assert.ok(organisations.organisations.length >= 390);
    assert.ok(parties.organisations.length >= 3000);
    assert.ok(ror.organisations.length >= 2000);
    assert.ok(classes.organisations.length >= 100);
    assert.ok(universities.organisations.length >= 3000);
    assert.ok(companies.organisations.length >= 1000);
    assert.ok(sp500.organisations.length >= 300);
    assert.ok(congress.organisations.length >= 45);
    assert.ok(govuk.organisations.length >= 900);
    assert.ok(federalRegister.organisations.length >= 300);
  });

  it('says where every entry comes from: a dataset with its identifiers, or a page', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const withoutSource = { ...parties, organisations: [{ ...parties.organisations[0], source: undefined }] };
    assert.equal(validate(JSON.parse(JSON.stringify(withoutSource))), false);
    assert.match(JSON.stringify(validate.errors), /must have required property 'source'/);
    // A page read is an address, and an entry is never marked as checked without saying where.
    const withSource = (source: object) => ({ ...classes, organisations: [{ ...classes.organisations[0], source }] });
    assert.equal(validate(withSource({ url: 'https://en.wikipedia.org/wiki/X', readAt: ['a copy somewhere'] })), false);
    assert.equal(validate(withSource({ url: 'https://en.wikipedia.org/wiki/X', readAt: [] })), false);
    assert.equal(validate(withSource({ url: 'https://en.wikipedia.org/wiki/X', checked: true })), false);
    assert.equal(validate(withSource({ url: 'https://en.wikipedia.org/wiki/X', readAt: ['http://piglix.com/piglix/X'] })), true);
    for (const e of parties.organisations as (Entry & { source: { dataset: string; id: string; wikidata: string } })[]) {
      assert.equal(e.source.dataset, 'partyfacts', e.id);
      assert.match(e.source.id, /^\d+$/, e.id);
      assert.match(e.source.wikidata, /^Q\d+$/, e.id);
    }
    for (const e of ror.organisations as (Entry & { source: { dataset: string; id: string; wikidata: string } })[]) {
      assert.equal(e.source.dataset, 'ror', e.id);
      assert.match(e.source.id, /^0[a-z0-9]{6}\d{2}$/, e.id);
      assert.match(e.source.wikidata, /^Q\d+$/, e.id);
    }
    for (const e of courts.organisations as (Entry & { source: { dataset: string; id: string } })[]) {
      assert.equal(e.source.dataset, 'courts-db', e.id);
      assert.match(e.source.id, /^[a-z0-9]+$/, e.id);
    }
    const rorClasses = [...universities.organisations, ...companies.organisations, ...nonprofits.organisations];
    for (const e of rorClasses as (Entry & { source: { dataset: string; id: string; wikidata: string } })[]) {
      assert.equal(e.source.dataset, 'ror', e.id);
      assert.match(e.source.id, /^0[a-z0-9]{6}\d{2}$/, e.id);
      assert.match(e.source.wikidata, /^Q\d+$/, e.id);
    }
    for (const e of sp500.organisations as (Entry & { source: { dataset: string; id: string } })[]) {
      assert.equal(e.source.dataset, 'sp500', e.id);
      assert.match(e.source.id, /^\d+$/, e.id);
    }
    // congress-legislators' thomas_id: the chamber's letter and two more (SSJU, HSBU, JSEC).
    for (const e of congress.organisations as (Entry & { country: string; source: { dataset: string; id: string } })[]) {
      assert.equal(e.source.dataset, 'congress-legislators', e.id);
      assert.match(e.source.id, /^[HSJ][A-Z]{3}$/, e.id);
      assert.equal(e.country, 'US', e.id);
    }
    // GOV.UK's slug, which the entry's id keeps; every body is British.
    for (const e of govuk.organisations as (Entry & { country: string; source: { dataset: string; id: string } })[]) {
      assert.equal(e.source.dataset, 'govuk', e.id);
      assert.match(e.source.id, /^[a-z0-9_]+(-[a-z0-9_]+)*$/, e.id);
      assert.equal(e.id, `govuk-${e.source.id.replace(/[-_]+/g, '-')}`);
      assert.equal(e.country, 'GB', e.id);
    }
    // The Federal Register's agency id, a number; every agency is American.
    for (const e of federalRegister.organisations as (Entry & { country: string; source: { dataset: string; id: string } })[]) {
      assert.equal(e.source.dataset, 'federal-register', e.id);
      assert.match(e.source.id, /^\d+$/, e.id);
      assert.equal(e.country, 'US', e.id);
    }
    // Written by hand: each names its Wikipedia article and the pages its facts were checked against, or says none could be read.
    type HandWritten = Entry & { country?: string; source: { url: string; readAt?: string[]; checked?: false } };
    for (const e of [...classes.organisations, ...national.organisations] as HandWritten[]) {
      assert.match(e.source.url, /^https:\/\/en\.wikipedia\.org\/wiki\/\S+$/, e.id);
      assert.ok(['url,readAt', 'url,checked'].includes(Object.keys(e.source).join()), e.id);
      if (e.source.checked === false) assert.equal(e.forms, undefined, `${e.id}: an unchecked entry has no names in other languages`);
      else for (const page of e.source.readAt!) assert.match(page, /^https?:\/\/\S+$/, e.id);
    }
    for (const e of national.organisations as HandWritten[]) assert.match(e.country!, /^[A-Z]{2}$/, e.id);
    // The first entries, written before sources were kept: each checked against the page it names (`url`, the address
    // read, a copy of an article included) and the further pages in `readAt`; an entry no page could be found for would keep
    // `hand-written` and only its names, kind and country (`checked: false` with the page that would check it).
    for (const e of organisations.organisations as HandWritten[]) {
      assert.match(e.source.url, /^https?:\/\/\S+$/, e.id);
      assert.ok(['url', 'url,readAt', 'url,checked'].includes(Object.keys(e.source).join()), e.id);
      if (e.source.checked === false) {
        const facts = ['description', 'founded', 'dissolved', 'headquarters', 'members', 'url', 'forms'].filter((key) => key in e);
        assert.deepEqual(facts, [], e.id);
      }
    }
  });

  it('gives each generic name, per country, a body of that country that exists', () => {
    const byId = new Map(all.map((e) => [e.id, e as Entry & { country?: string }]));
    const tabled = Object.entries(national.genericNames)
      .flatMap(([name, byCountry]) => Object.entries(byCountry).map(([country, id]) => ({ name, country, id })));
    assert.ok(tabled.length >= 150, String(tabled.length));
    // A body of another country stands under a transcript's country only where its own country's row names it too (the RAF).
    const ownCountry = (name: string, id: string) => {
      const country = byId.get(id)!.country;
      return country === undefined || national.genericNames[name][country] === id;
    };
    const broken = tabled.filter(({ name, id }) => !byId.has(id) || !ownCountry(name, id));
    assert.deepEqual(broken, []);
    // The twelve countries transcripts come from each have their bodies for the main classes.
    for (const country of ['US', 'GB', 'AU', 'CA', 'NZ', 'IE', 'IN', 'DE', 'FR', 'ES', 'MX', 'RU']) {
      const classes = tabled.filter((t) => t.country === country).length;
      assert.ok(classes >= 5, `${country}: ${classes}`);
    }
    // A national entry's own names are never a generic one: the table names it there, by country.
    const generic = new Set(Object.keys(national.genericNames));
    assert.deepEqual(national.organisations.flatMap((e) => e.names.filter((n) => generic.has(n)).map((n) => `${e.id}: ${n}`)), []);
  });

  for (const [file, data, country] of [['GOV.UK', govuk, 'GB'], ['the Federal Register', federalRegister, 'US']] as const) {
    it(`gives ${file}’s generic names (\`Department for Education\`) only to a body of its country in that file, and no name of any file`, () => {
      const byId = new Map(data.organisations.map((e) => [e.id, e as Entry & { country: string; fullName: string }]));
      const tabled = Object.entries(data.genericNames);
      assert.ok(tabled.length >= 3, String(tabled.length));
      for (const [name, byCountry] of tabled) {
        assert.deepEqual(Object.keys(byCountry), [country], name);
        assert.equal(byId.get(byCountry[country as keyof typeof byCountry]!)?.country, country, name);
        assert.ok(!(name in national.genericNames), name);
      }
      const generic = new Set(tabled.map(([name]) => name));
      assert.deepEqual(all.flatMap((e) => e.names.filter((n) => generic.has(n)).map((n) => `${e.id}: ${n}`)), []);
    });
  }

  it('has related ids that exist, and no entry related to itself', () => {
    const ids = new Set(all.map((e) => e.id));
    const broken = all.flatMap((e) => (e.related ?? []).filter((r) => !ids.has(r) || r === e.id).map((r) => `${e.id} → ${r}`));
    assert.deepEqual(broken, []);
  });

  it('keeps every sense of an ambiguous acronym', () => {
    const senses = new Map<string, string[]>();
    for (const e of all) for (const a of new Set(e.acronyms)) senses.set(a, [...(senses.get(a) ?? []), e.id]);
    const ambiguous = [...senses].filter(([, ids]) => ids.length > 1).map(([a]) => a);
    for (const acronym of ['EEC', 'FSB', 'ICC', 'ABC', 'EEA']) assert.ok(ambiguous.includes(acronym), acronym);
    assert.deepEqual(senses.get('EEC'), ['eec-eurasian', 'eec-european']);
    assert.equal(builtinGlossary().sensesOf('EEC').length, 2);
  });

  it('does not name the US as an organisation: `US` is a country', () => {
    for (const e of all) {
      const forms = [...e.acronyms, ...e.names, ...Object.values(e.forms ?? {}).flat()];
      assert.ok(!forms.some((f) => /^(?:US|U\.S\.|USA|США)$/.test(f)), e.id);
    }
  });

  it('loads into the built-in glossary with every entry and the seed’s organisations', () => {
    const glossary = builtinGlossary();
    assert.equal(glossary.size, all.length);
    for (const id of ['csto', 'eaeu', 'cis', 'sco', 'osce', 'eec-eurasian', 'open-society-foundations', 'ngo', 'asean', 'seec', 'eu']) assert.ok(glossary.get(id), id);
  });
});
