#!/usr/bin/env node
// Writes server/data/organisations-parties.json: political parties from Party Facts' Wikipedia
// table (hdigital/partyfactsdata, import/wikipedia/: wikipedia.csv and wikidata.csv, MIT), each
// entry with the dataset's identifiers (`source: { dataset: partyfacts, id, wikidata }`).
//
// Inclusion rule (README, "Organisation glossary"): every party of the table that still existed in
// 1990 (no year of dissolution, or one from 1990 on), as the transcripts measured span 1990 to
// now; deduplicated by Wikidata item. What an entry says is what the table says: English name,
// short name (as an acronym when it is one of three characters or more), a name of two words or
// more (one word is too often an ordinary word) and that name without its country (`Labor Party`),
// native name (as the form
// of the country's language, for a country with one main language), country, years of founding
// and dissolution. Nothing else is added: a fact the table does not give is left out.
//
// Usage: node scripts/organisations/import-partyfacts.mjs WIKIPEDIA_CSV WIKIDATA_CSV COMMIT
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId as byIdOrder, clean, countries, looksLikeAName, NOT_ACRONYMS, slug, wordCount } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [wikipediaCsv, wikidataCsv, commit] = process.argv.slice(2);
if (!wikipediaCsv || !wikidataCsv || !commit) {
  console.error('usage: import-partyfacts.mjs WIKIPEDIA_CSV WIKIDATA_CSV COMMIT');
  process.exit(2);
}

/** RFC 4180 CSV, as the dataset writes it. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The one main language of a country, for its parties' native names; a country with several (Belgium, Switzerland, Canada) has none here. */
const LANGUAGE = {
  DEU: 'de', AUT: 'de', LIE: 'de', FRA: 'fr', MCO: 'fr', ESP: 'es', MEX: 'es', ARG: 'es', CHL: 'es', COL: 'es', PER: 'es', VEN: 'es', ECU: 'es',
  BOL: 'es', PRY: 'es', URY: 'es', CRI: 'es', PAN: 'es', DOM: 'es', GTM: 'es', HND: 'es', SLV: 'es', NIC: 'es', CUB: 'es', RUS: 'ru', BLR: 'ru',
  ITA: 'it', PRT: 'pt', BRA: 'pt', NLD: 'nl', POL: 'pl', SWE: 'sv', NOR: 'no', DNK: 'da', ISL: 'is', CZE: 'cs', SVK: 'sk', HUN: 'hu',
  ROU: 'ro', MDA: 'ro', BGR: 'bg', GRC: 'el', CYP: 'el', TUR: 'tr', UKR: 'uk', SVN: 'sl', HRV: 'hr', SRB: 'sr', EST: 'et', LVA: 'lv', LTU: 'lt',
  ALB: 'sq', MKD: 'mk', ARM: 'hy', GEO: 'ka', AZE: 'az', JPN: 'ja', KOR: 'ko', ISR: 'he', MNG: 'mn',
};

const wikipedia = parseCsv(readFileSync(wikipediaCsv, 'utf8'));
const wikidata = new Map(parseCsv(readFileSync(wikidataCsv, 'utf8')).map((r) => [r.partyfacts_id, r.wikidata_id]));

/** The short name's acronyms: `NP/NPA` → NP, NPA; `APR/English` → APR; only those written as acronyms, of three characters or more. */
function acronymsOf(short) {
  const writtenAsAcronym = (a) => /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}][\p{Lu}\p{Ll}\p{N}&-]{2,9}$/u.test(a) && !/\p{Ll}{2}/u.test(a);
  return [...new Set(short.split('/').map(clean))].filter((a) => writtenAsAcronym(a) && !NOT_ACRONYMS.has(a));
}

/**
 * The name without its country, as the country's own transcripts say it (`Labor Party` in 19 of
 * the counted transcripts, `Liberal Party` in 11): `Australian Labor Party` → `Labor Party`,
 * `Liberal Party of Australia` → `Liberal Party`, `New Zealand National Party` → `National Party`.
 * Undefined where a name of two words or more that says `Party` or `League` is not left.
 */
function withoutCountry(name, country) {
  for (const place of new Set([country.common_name, country.name].filter(Boolean))) {
    let short;
    if (name.endsWith(` of ${place}`)) short = name.slice(0, -` of ${place}`.length);
    else if (name.startsWith(`${place} `)) short = name.slice(place.length + 1);
    // `Australian`, `German`, `Canadian`, `Mexican`, `Japanese`: the place's name but its last letters, and more.
    else if (name.split(' ')[0].startsWith(place.slice(0, Math.max(4, place.length - 2))) && name.split(' ')[0].length > place.length - 2) {
      short = name.slice(name.indexOf(' ') + 1);
    }
    // Only a name that still says it is a party: `Malaysian Chinese Association` is no `Chinese Association`.
    if (short && short !== name && wordCount(short) > 1 && looksLikeAName(short) && /\b(Party|League)\b/.test(short)) return short;
  }
  return undefined;
}

const year = (text) => (/^\d{4}$/.test(text) ? text : undefined);
const seen = new Set();
const entries = [];
for (const row of wikipedia) {
  const qid = wikidata.get(row.partyfacts_id);
  const country = countries.get(row.country);
  // `Valor (political party)`: Wikipedia's disambiguation is no part of the name.
  const name = clean(row.name.replace(/\s*\((?:[^()]*\b(?:party|political|coalition|alliance)\b[^()]*|\d{4})\)\s*$/iu, ''));
  if (!qid || !/^Q\d+$/.test(qid) || seen.has(qid) || !country || !name) continue;
  const dissolved = year(row.year_dissolved);
  if (dissolved && dissolved < '1990') continue;
  seen.add(qid);
  const acronyms = acronymsOf(row.name_short);
  // A name of one word (`Forward`, `Coalition`, `Podemos`), or with a word in lower case that joins
  // no name (`We can!`, `Enough is Enough`), is too often ordinary words to be matched as a
  // party's: only its acronym, if it has one, gives the card.
  const named = wordCount(name) > 1 && looksLikeAName(name);
  if (!named && !acronyms.length) continue;
  const native = clean(row.name_native);
  const language = LANGUAGE[row.country];
  const forms = {};
  // The native name of two words or more (a Croatian `Most` is an English `most`); in lower case
  // but its first word as many languages write names (`Parti socialiste unifié`).
  const nativeNamed = wordCount(native) > 1;
  if (native && nativeNamed && language && native !== name) forms[language] = [...new Set([native, ...acronyms])];
  // Years that contradict each other are left out: which is wrong cannot be told from the table.
  const contradictory = year(row.year_founded) && dissolved && dissolved < year(row.year_founded);
  const founded = contradictory ? undefined : year(row.year_founded);
  entries.push({
    id: `party-${country.alpha_2.toLowerCase()}-${slug(name) || qid.toLowerCase()}`,
    acronyms,
    names: named ? [...new Set([name, withoutCountry(name, country) ?? name])] : [],
    ...(Object.keys(forms).length ? { forms } : {}),
    fullName: name,
    description: `Political party in ${country.common_name ?? country.name}.`,
    kind: 'party',
    country: country.alpha_2,
    source: { dataset: 'partyfacts', id: row.partyfacts_id, wikidata: qid },
    ...(founded ? { founded } : {}),
    ...(dissolved && !contradictory ? { dissolved } : {}),
  });
}

// Two parties of one country with one English name: the Wikidata item tells them apart.
const byId = new Map();
for (const entry of entries) byId.set(entry.id, (byId.get(entry.id) ?? 0) + 1);
for (const entry of entries) if (byId.get(entry.id) > 1) entry.id = `${entry.id}-${entry.source.wikidata.toLowerCase()}`;
entries.sort(byIdOrder);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: `Party Facts (hdigital/partyfactsdata@${commit}, import/wikipedia/, MIT licence): Döring and Regel (2019), `
    + '"Party Facts: A Database of Political Parties Worldwide", Party Politics 25(2).',
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data/organisations-parties.json'), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} parties`);
