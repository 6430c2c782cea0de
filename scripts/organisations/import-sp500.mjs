#!/usr/bin/env node
// Writes server/data/organisations-sp500.json: the companies of the S&P 500 index as the Data
// Packages dataset lists them (datasets/s-and-p-500-companies, data/constituents.csv, drawn from
// Wikipedia's list; Open Data Commons PDDL 1.0), each entry with the dataset's identifiers
// (`source: { dataset: sp500, id: its SEC CIK }`).
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): the companies that make the
// news in the counted transcripts (banks, carmakers, tech) are, in the United States, the large listed
// ones: every company of the index, once (one entry for a company listed with several share classes),
// unless the glossary has it already (the same name). What an entry says is what the row says: the
// company's name, the name without its legal form (`Goldman Sachs Group` → `Goldman Sachs`; a one-word
// name only when it is no English word: `Nvidia`, not `Apple`), its headquarters and year of founding.
// Its ticker is no acronym of it: tickers are short words and initials that mean other things.
//
// Usage: node scripts/organisations/import-sp500.mjs S_AND_P_500_COMPANIES_GIT_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, clean, countries, datasetRepository, NOT_ACRONYMS, slug } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { git, commit } = datasetRepository('import-sp500.mjs S_AND_P_500_COMPANIES_GIT_DIR');

/** The rows of a CSV file with a header line (fields quoted where they hold commas). */
function csvRows(text) {
  const lines = text.split(/\r?\n/).filter(Boolean);
  const split = (line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
  const header = split(lines[0]);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((value, i) => [header[i], value])));
}
const rows = csvRows(git(['show', 'HEAD:data/constituents.csv']));

const existing = ['organisations.json', 'organisations-parties.json', 'organisations-ror.json', 'organisations-classes.json',
  'organisations-ror-universities.json', 'organisations-ror-companies.json', 'terms.json']
  .flatMap((name) => JSON.parse(readFileSync(resolve(root, 'server/data', name), 'utf8')).organisations);
const knownNames = new Set(existing.flatMap((e) => [e.fullName, ...e.names]).map((n) => n.toLowerCase()));
const words = new Set(readFileSync('/usr/share/dict/words', 'utf8').split('\n').filter((w) => !/\p{Lu}/u.test(w)));

const SHARE_CLASS = / \((?:Class [A-Z]|Series [A-Z])\)$/u;
const LEGAL_FORM = /,? (?:Inc\.|Incorporated|Corporation|Corp\.|Company|Co\.|Companies|plc|PLC|Ltd\.|N\.V\.|S\.A\.|Group|Holdings|Holding)$/u;
/** A name without its legal forms, one after the other: `The Goldman Sachs Group, Inc.` → `Goldman Sachs`. */
function withoutLegalForm(name) {
  let short = name.replace(/^The (?=\p{Lu})/u, '');
  for (let shorter = short.replace(LEGAL_FORM, ''); shorter !== short; shorter = short.replace(LEGAL_FORM, '')) short = shorter;
  return short;
}
/** A name a transcript's words give the card for: two words or more, or one that no English word spells. */
const isName = (name) => /^[\p{Lu}\p{N}]/u.test(name)
  && (/\s/u.test(name) || (/^\p{Lu}[\p{L}\p{N}&-]{3,}$/u.test(name) && !words.has(name.toLowerCase()) && !NOT_ACRONYMS.has(name)));

/** The United States' states and district (Debian's iso-codes), and the countries, by name: a headquarters' `City, State` or `City, Country`. */
const STATES = new Set(JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2']
  .filter((s) => s.code.startsWith('US-')).map((s) => s.name));
const COUNTRIES = new Map([...countries.values()].flatMap((c) => [c.name, c.common_name].filter(Boolean).map((name) => [name, c])));
function seat(location) {
  const [city, region, ...rest] = (location ?? '').split(',').map((part) => clean(part));
  if (!city || !region || rest.length) return undefined;
  if (STATES.has(region)) return { country: 'US', headquarters: `${city}, ${region}, United States` };
  const country = COUNTRIES.get(region);
  return country ? { country: country.alpha_2, headquarters: `${city}, ${region}` } : undefined;
}

const entries = [];
const seen = new Set();
for (const row of rows) {
  const cik = String(Number(row.CIK));
  if (!/^\d+$/.test(cik) || seen.has(cik)) continue;
  seen.add(cik);
  const fullName = clean(row.Security.replace(SHARE_CLASS, ''));
  const names = [...new Set([fullName, withoutLegalForm(fullName)].filter(isName))];
  if (!names.length || [fullName, ...names].some((n) => knownNames.has(n.toLowerCase()))) continue;
  const founded = /^\d{4}$/.exec(row.Founded?.trim() ?? '')?.[0];
  // The country is that of the headquarters (`Dublin, Ireland`), not the index's.
  const headquarters = seat(row['Headquarters Location']);
  if (!headquarters) continue;
  entries.push({
    id: `sp500-${slug(withoutLegalForm(fullName)) || cik}`,
    acronyms: [],
    names,
    fullName,
    kind: 'company',
    country: headquarters.country,
    source: { dataset: 'sp500', id: cik },
    ...(founded ? { founded } : {}),
    headquarters: headquarters.headquarters,
  });
}
entries.sort(byId);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: `S&P 500 companies (datasets/s-and-p-500-companies@${commit}, data/constituents.csv, from Wikipedia's list; Open Data Commons PDDL 1.0). `
    + 'An entry\'s source id is the company\'s SEC CIK.',
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data/organisations-sp500.json'), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} organisations`);
