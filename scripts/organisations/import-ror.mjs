#!/usr/bin/env node
// Writes server/data/organisations-ror.json, organisations-ror-universities.json,
// organisations-ror-companies.json and organisations-ror-nonprofits.json: organisations from the Research Organization Registry (ROR, CC0
// 1.0; its records as ror-community/ror-records holds them, every release folder, the latest version
// of each record), each entry with the dataset's identifiers (`source: { dataset: ror, id, wikidata }`).
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): an active record with a
// Wikidata item, and
// - of type `government` (ministries, agencies, regulators, national commissions, the bodies the
//   transcripts counted name and the glossary lacked), or
// - of another type (a company, a university, a hospital, a nonprofit, a central bank that ROR
//   types `other`) whose English name or acronym the counted transcripts name, in two transcripts
//   or more, with no card before (scripts/organisations/named-without-card.tsv);
// and not an organisation the glossary has already (the same English name, or Wikidata item).
// The class files (universities; companies and banks) take, of the other active records with a
// Wikidata item and no parent record in ROR (a university, not its faculties and campuses; a group,
// not each national subsidiary), whole classes that transcripts name (issue 19: universities in
// debates and interviews, companies in the news, banks):
// - universities and colleges: type `education`, with a Crossref Funder ID (the research universities
//   that transcripts name; the glossary's index stays small enough to read at the first hover);
// - companies: type `company`, the name without the country ROR adds in brackets (`Google (United
//   States)`); a company's one-word name is taken when it is no English word (`Pfizer`, not `Apple`);
// - banks: type `other` with an English name that says Bank (`Bank of Mexico`);
// - nonprofits: type `nonprofit` (foundations, NGOs, learned and standards bodies, think tanks: the
//   seventh counted set's podcasts name the Linux Foundation, the Mozilla Foundation), by their
//   names alone (their acronyms are a few letters that mean other things: `NCIS`, `GCF`) and only
//   by a name with a word no English dictionary spells (not `Ocean Alliance`, `National
//   Association of Securities Dealers`: a phrase, a part of another body's name, or a name whose
//   form tells it and whose acronym the transcript spells out), so that each stands without its
//   country named (below) and none hides a name by form where its country is not named.
// A class entry's names of two words or more with a word no English dictionary spells (`Mozilla
// Foundation`, `Harvard University`; not `Red Hat`, nor a one-word name that is a surname too:
// `Abbott`) tell the body wherever they stand: `namesWithoutCountry` lists them, shown where the
// transcript does not name the entry's country (a podcast seldom does).
// What an entry says is what the record says: its English names (of two words or more: one word
// is too often an ordinary word) and acronyms (of three characters or more), its names in ru, de,
// fr and es, its country, its year of founding and its website. Nothing else is added. An acronym
// that is an English word (Debian's wamerican, /usr/share/dict/words: `ACT`, `CASE`, `DOT`) or a
// common abbreviation of transcripts (`CPU`, `CRM`) is left out: the full name still gives the card.
//
// Usage: node scripts/organisations/import-ror.mjs ROR_RECORDS_GIT_DIR
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, clean, countries, looksLikeAName, NOT_ACRONYMS, slug, wordCount } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [gitDir] = process.argv.slice(2);
if (!gitDir) {
  console.error('usage: import-ror.mjs ROR_RECORDS_GIT_DIR');
  process.exit(2);
}
const git = (args, input) => execFileSync('git', ['-C', gitDir, ...args], { input, maxBuffer: 1 << 30 });
const commit = git(['rev-parse', 'HEAD']).toString().trim();

/** Every release folder's records; the latest release's version of each. */
const release = (folder) => folder.slice(1).split('.').map(Number);
const newer = (a, b) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) > (b[i] ?? -1);
  return false;
};
const latest = new Map();
for (const line of git(['ls-tree', '-r', 'HEAD']).toString().split('\n')) {
  const match = /^\d+ blob ([0-9a-f]+)\t(v[\d.]+)\/([a-z0-9]+)\.json$/.exec(line);
  if (!match) continue;
  const [, blob, folder, id] = match;
  const known = latest.get(id);
  if (!known || newer(release(folder), known.release)) latest.set(id, { blob, release: release(folder) });
}
const batch = git(['cat-file', '--batch'], [...latest.values()].map((r) => r.blob).join('\n') + '\n');
const records = [];
for (let at = 0; at < batch.length;) {
  const header = batch.indexOf(10, at);
  const size = Number(batch.subarray(at, header).toString().split(' ')[2]);
  records.push(JSON.parse(batch.subarray(header + 1, header + 1 + size).toString('utf8')));
  at = header + 1 + size + 1;
}

/** A record in ROR's schema 2 or in the schema 1 of its first releases: its names (value, types, language), types, Wikidata item, country. */
function normalise(r) {
  if (Array.isArray(r.names)) {
    const wikidata = r.external_ids?.find((e) => e.type.toLowerCase() === 'wikidata');
    return {
      id: r.id, status: r.status, names: r.names, types: r.types.map((t) => t.toLowerCase()), wikidata: wikidata?.preferred ?? wikidata?.all?.[0],
      country: r.locations?.[0]?.geonames_details?.country_code, established: r.established, website: r.links?.find((l) => l.type === 'website')?.value,
      hasParent: !!r.relationships?.some((x) => x.type.toLowerCase() === 'parent'),
      fundsResearch: !!r.external_ids?.some((e) => e.type.toLowerCase() === 'fundref'),
    };
  }
  const wikidata = Object.entries(r.external_ids ?? {}).find(([type]) => type.toLowerCase() === 'wikidata')?.[1];
  return {
    id: r.id, status: r.status, types: r.types.map((t) => t.toLowerCase()), wikidata: wikidata?.preferred ?? wikidata?.all?.[0],
    names: [
      { value: r.name, types: ['label'], lang: 'en' },
      ...(r.aliases ?? []).map((value) => ({ value, types: ['alias'], lang: null })),
      ...(r.acronyms ?? []).map((value) => ({ value, types: ['acronym'], lang: null })),
      ...(r.labels ?? []).map((l) => ({ value: l.label, types: ['label'], lang: l.iso639 })),
    ],
    country: r.country?.country_code, established: r.established, website: r.links?.[0],
    hasParent: !!r.relationships?.some((x) => x.type.toLowerCase() === 'parent'),
    fundsResearch: Object.keys(r.external_ids ?? {}).some((type) => type.toLowerCase() === 'fundref'),
  };
}

/** What the glossary has already: English names (lower case) and Wikidata items of the other data files. */
const existing = ['organisations.json', 'organisations-parties.json', 'organisations-classes.json', 'terms.json']
  .flatMap((name) => JSON.parse(readFileSync(resolve(root, 'server/data', name), 'utf8')).organisations);
const knownNames = new Set(existing.flatMap((e) => [e.fullName, ...e.names]).map((n) => n.toLowerCase()));
const knownItems = new Set(existing.map((e) => e.source?.wikidata).filter(Boolean));
/** Names the counted transcripts use with no card (two transcripts or more). */
const namedInTranscripts = new Set(readFileSync(resolve(root, 'scripts/organisations/named-without-card.tsv'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split('\t')[2]));

const FORM_LANGUAGES = ['ru', 'de', 'fr', 'es'];
const dictionary = readFileSync('/usr/share/dict/words', 'utf8').split('\n');
const words = new Set(dictionary.filter((w) => !/\p{Lu}/u.test(w)));
const abbreviations = new Set([...dictionary.filter((w) => /^\p{Lu}{2,}$/u.test(w)),
  'API', 'AI', 'AWS', 'CPU', 'CRM', 'SEO', 'UI', 'UX', 'URL', 'HR', 'MBA', 'OKR', 'VC', 'PDF', 'CSV', 'SQL', 'HTTP', 'CSS', 'IP', 'COVID', 'GST',
  'SARS', 'CTO', 'CPO', 'COO', 'CFO', 'EDU', 'NSW', 'ACT', 'QLD', 'WA', 'SA', 'NT', 'TAS', 'VIC']);
const isAcronym = (text) => /^[\p{Lu}][\p{Lu}\p{N}&.-]{2,9}$/u.test(text)
  && !NOT_ACRONYMS.has(text) && !abbreviations.has(text) && !words.has(text.toLowerCase());
const isName = (text) => wordCount(text) > 1 && looksLikeAName(text) && text.length <= 120;
const KIND = { government: 'government', company: 'company', nonprofit: 'ngo' };
const CLASS_PREFIX = { university: 'ror-uni', company: 'ror-co', financial: 'ror-bank', ngo: 'ror-ngo' };
const BANK = /\b(?:Bank|Banco|Banque|Bundesbank)\b/u;

/** The class a record belongs to, if any, of the class files: the kind its entries get. */
function classKind(record, fullName) {
  if (record.hasParent) return undefined;
  if (record.types.includes('education')) return record.fundsResearch ? 'university' : undefined;
  if (record.types.includes('company')) return 'company';
  if (record.types.includes('other') && BANK.test(fullName)) return 'financial';
  if (record.types.includes('nonprofit')) return 'ngo';
  return undefined;
}

/** A company's name without the country ROR adds in brackets: `Siemens (Germany)` → `Siemens`. */
const withoutCountry = (name, country) => name.replace(new RegExp(` \\((?:${[country.name, country.common_name].filter(Boolean).join('|')})\\)$`, 'u'), '');
/** The name without a leading article: `The University of Sydney` → `University of Sydney`. */
const withoutArticle = (name) => name.replace(/^The (?=\p{Lu})/u, '');
/** A company's one-word name that no English word spells (`Pfizer`, `Siemens`; not `Apple`). */
const isOneWordName = (text) => wordCount(text) === 1 && /^\p{Lu}[\p{L}\p{N}&-]{3,}$/u.test(text) && !words.has(text.toLowerCase()) && !NOT_ACRONYMS.has(text);

/** British spellings the American dictionary lacks: words, not names (`Technology Centre`). */
const BRITISH = new Set(['centre', 'centres', 'organisation', 'organisations', 'programme', 'programmes', 'defence', 'labour', 'theatre', 'behaviour',
  'colour', 'honour', 'neighbourhood', 'harbour', 'licence', 'catalogue', 'paediatric', 'paediatrics', 'haematology', 'oncologie']);
const countryWords = JSON.parse(readFileSync(resolve(root, 'server/data/country-words.json'), 'utf8'));
/** Names of countries, continents and peoples: a word that says where, not which body (`Diabetes Australia`, `European Values`). */
const PLACE_WORDS = new Set([...[...countries.values()].flatMap((c) => [c.name, c.common_name]), ...Object.values(countryWords.nationAdjectives).flat(),
  ...Object.values(countryWords.countries).flat(),
  'Europe', 'European', 'Africa', 'African', 'Asia', 'Asian', 'America', 'American', 'Americas', 'Pacific', 'Atlantic', 'Arctic', 'Nordic', 'Latin',
  'Arab', 'Islamic', 'Commonwealth'].filter(Boolean).flatMap((n) => n.split(' ')));
const isWord = (w) => words.has(w.toLowerCase()) || BRITISH.has(w.toLowerCase());
/** Whether a name has a word no English dictionary spells in lower case, nor a place's (a coined or a proper name: `Mozilla`, `Harvard`). */
const tellsItsBody = (name) => name.split(/[\s\/&,()-]+/u).some((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !isWord(w) && !PLACE_WORDS.has(w));
/**
 * A nonprofit's name that tells it: a word that names it and a word that says what it is (`Mozilla Foundation`; not `Hugo Grotius`, a
 * person's), and not a prize it awards (`Nobel Prize`).
 */
const namesANonprofit = (name) => tellsItsBody(name) && !/ (?:Prize|Award|Medal)s?$/u.test(name)
  && name.split(/[\s\/&,()-]+/u).some((w) => isWord(w) && /^\p{Lu}/u.test(w));

const entries = [];
const classEntries = [];
const taken = new Set();
for (const record of records.map(normalise)) {
  const country = [...countries.values()].find((c) => c.alpha_2 === record.country);
  if (record.status !== 'active' || !/^Q[1-9]\d*$/.test(record.wikidata ?? '') || !country || knownItems.has(record.wikidata)) continue;
  // A class entry's names lose the country ROR adds in brackets to a company's; organisations-ror.json keeps its names as they were.
  const tidy = (name) => (record.types.includes('company') && !record.types.includes('government') ? withoutCountry(clean(name), country) : clean(name));
  const english = record.names.filter((n) => (n.lang === 'en' || n.lang === null) && !n.types.includes('acronym')).map((n) => tidy(n.value));
  const display = record.names.find((n) => n.types.includes('ror_display'));
  const label = record.names.find((n) => n.lang === 'en' && n.types.includes('label')) ?? display;
  const fullName = tidy(label?.value ?? english[0] ?? '');
  const acronyms = [...new Set(record.names.filter((n) => n.types.includes('acronym')).map((n) => clean(n.value)).filter(isAcronym))];
  if (!fullName || [fullName, ...english].some((n) => knownNames.has(n.toLowerCase()))) continue;
  const government = record.types.includes('government');
  // What the transcripts name, by the record's own names (a company's with its bracketed country).
  const ownNames = record.names.filter((n) => (n.lang === 'en' || n.lang === null) && !n.types.includes('acronym')).map((n) => clean(n.value));
  const ownFullName = clean(label?.value ?? ownNames[0] ?? '');
  const named = [ownFullName, ...[ownFullName, ...ownNames].filter(isName), ...acronyms].some((n) => namedInTranscripts.has(n));
  const kindOfClass = government || named ? undefined : classKind(record, fullName);
  if (!government && !named && !kindOfClass) continue;
  const variants = kindOfClass ? [fullName, ...english].flatMap((n) => [n, withoutArticle(n)]) : [ownFullName, ...ownNames];
  const names = [...new Set(variants.filter((n) => isName(n) || (kindOfClass === 'company' && isOneWordName(n))))]
    .filter((n) => kindOfClass !== 'ngo' || namesANonprofit(n));
  if (kindOfClass === 'ngo') acronyms.length = 0;
  if (!names.length && !acronyms.length) continue;
  const displayed = kindOfClass ? fullName : ownFullName;
  const withoutCountryNamed = kindOfClass ? names.filter((n) => wordCount(n) > 1 && tellsItsBody(n)) : [];
  const forms = {};
  for (const language of FORM_LANGUAGES) {
    const local = [...new Set(record.names.filter((n) => n.lang === language).map((n) => clean(n.value)).filter((n) => isName(n) || isAcronym(n)))];
    if (local.length) forms[language] = local;
  }
  const name = slug(displayed);
  // A long name's id is cut at the last whole word within 60 characters; a class entry's id says its class.
  const prefix = kindOfClass ? CLASS_PREFIX[kindOfClass] : 'ror';
  let id = `${prefix}-${country.alpha_2.toLowerCase()}-${name.length > 60 ? name.slice(0, 61).replace(/-[^-]*$/, '') : name}`;
  if (taken.has(id)) id = `${id}-${record.id.split('/').pop()}`;
  taken.add(id);
  const website = /^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(record.website ?? '') ? record.website : undefined;
  (kindOfClass ? classEntries : entries).push({
    id,
    acronyms,
    names,
    ...(Object.keys(forms).length ? { forms } : {}),
    ...(withoutCountryNamed.length ? { namesWithoutCountry: withoutCountryNamed } : {}),
    fullName: displayed,
    kind: kindOfClass ?? KIND[record.types.find((t) => KIND[t])] ?? 'other',
    country: country.alpha_2,
    source: { dataset: 'ror', id: record.id.split('/').pop(), wikidata: record.wikidata },
    ...(/^\d{4}$/.test(String(record.established ?? '')) ? { founded: String(record.established) } : {}),
    ...(website ? { url: website } : {}),
  });
}

const source = `Research Organization Registry (ror-community/ror-records@${commit}, the latest release's version of each record; ROR data is CC0 1.0).`;
const universities = classEntries.filter((e) => e.kind === 'university');
const companies = classEntries.filter((e) => e.kind === 'company' || e.kind === 'financial');
const nonprofits = classEntries.filter((e) => e.kind === 'ngo');
// Universities apart: the largest class, the one to leave out where the first hover must cost less.
for (const [name, list] of [['organisations-ror.json', entries], ['organisations-ror-universities.json', universities],
  ['organisations-ror-companies.json', companies], ['organisations-ror-nonprofits.json', nonprofits]]) {
  const file = { $schema: './organisations.schema.json', version: 1, source, organisations: list.sort(byId) };
  writeFileSync(resolve(root, 'server/data', name), `${JSON.stringify(file, null, 2)}\n`);
  console.log(`${name}: ${list.length} organisations`);
}
