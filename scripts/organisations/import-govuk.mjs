#!/usr/bin/env node
// Writes server/data/organisations-govuk.json: the organisations of the United Kingdom's government
// as GOV.UK's organisations API listed them, in the copy the Government Digital Service's register
// team kept (openregister/government-organisation-data, lists/govuk/data.jsonl, April 2017; © Crown
// copyright, Open Government Licence v3.0), each entry with the dataset's GOV.UK slug
// (`source: { dataset: govuk, id }`).
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): transcripts name a
// government's ministries, agencies, regulators, tribunals and courts; taken as a class, every
// organisation of the list, live or closed (a former department is named in the years after), but
// the civil service's professions (`Government Security Profession`: not a body), a title of one
// word of the dictionary (`Monitor`, `Tate`: an ordinary word or a person's name before the body's) and the bodies
// the glossary already has by the same name (ROR's `Cabinet Office`, the hand-written `HM Treasury`).
// What an entry says is what the list says: its title, its abbreviation (an acronym of three
// characters or more; a word of one capital only where it is made of the title's words, `Defra`,
// `Acas`, not `Exmoor` or `Monitor`; a short name of several words where it holds an acronym or
// a number, `HM Passport Office`, `HS2 Ltd`), its kind and description by its GOV.UK format, that it closed and the year,
// and its GOV.UK page while it is live. A title that bodies of other countries bear too
// (`Ministry of Defence`, `Department for Education`, `Home Office`) is no name of the entry: it is
// a generic name (`genericNames`), which gives the British body only where the transcript is British.
//
// Usage: node scripts/organisations/import-govuk.mjs GOVERNMENT_ORGANISATION_DATA_GIT_DIR
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, clean, datasetRepository, isDictionaryWord, madeOfWords, NOT_ACRONYMS, slug, theGlossarysOwn } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = 'organisations-govuk.json';
const { git, commit } = datasetRepository('import-govuk.mjs GOVERNMENT_ORGANISATION_DATA_GIT_DIR');
const rows = git(['show', 'HEAD:lists/govuk/data.jsonl']).split('\n').filter(Boolean).map((line) => JSON.parse(line));

const KINDS = {
  'Ministerial department': 'ministry',
  'Non-ministerial department': 'national-agency',
  'Executive agency': 'national-agency',
  'Executive non-departmental public body': 'national-agency',
  'Advisory non-departmental public body': 'national-agency',
  'Tribunal non-departmental public body': 'court',
  'Independent monitoring body': 'national-agency',
  'Ad-hoc advisory group': 'national-agency',
  'Executive office': 'national-agency',
  'Civil Service': 'government',
  'Devolved administration': 'government',
  Court: 'court',
  'Public corporation': 'other',
  'Sub-organisation': 'national-agency',
  Other: 'national-agency',
};
/** How the card says each format, after `A`/`An` (`A former` for a closed organisation). */
const FORMATS = {
  'Ministerial department': 'ministerial department',
  'Non-ministerial department': 'non-ministerial department',
  'Executive agency': 'executive agency',
  'Executive non-departmental public body': 'executive non-departmental public body',
  'Advisory non-departmental public body': 'advisory non-departmental public body',
  'Tribunal non-departmental public body': 'tribunal non-departmental public body',
  'Independent monitoring body': 'independent monitoring body',
  'Ad-hoc advisory group': 'ad-hoc advisory group',
  'Executive office': 'executive office',
  'Devolved administration': 'devolved administration',
  Court: 'court',
  'Public corporation': 'public corporation',
};

/** A name that says it is British (`UK Space Agency`, `HM Land Registry`, `Scottish Government`). */
const SAYS_BRITISH = new RegExp(String.raw`\b(UK|U\.K\.|United Kingdom|Britain|British|England|English|Scotland|Scottish|Wales|Welsh|`
  + String.raw`Northern Ireland|HM|Her Majesty's|Royal|London|Crown|Queen's)\b`);
/** A title that bodies of other countries bear too, unless it says it is British: a ministry of one subject of two words at most. */
const GENERIC = /^(?:(?:Ministry|Department) (?:of|for) (?:the )?(?!\S+ and )[A-Z]\S*(?: [A-Z]\S*)?|(?:Home|Cabinet|Foreign) Office|Treasury)$/;

const { key, known, international } = theGlossarysOwn(OUTPUT);

const genericNames = {};
const titles = new Set();
const entries = [];
for (const row of rows) {
  // `District Valuer Services (DVS)`: the title's acronym in brackets is its abbreviation.
  const [, title, bracketed] = /^(.+?)(?: \(([A-Z]{2,})\))?$/.exec(clean(row.title));
  const id = `govuk-${slug(row.details.slug)}`;
  if (!title || / Profession$/.test(title) || isDictionaryWord(title) || known.has(key(title)) || titles.has(key(title))) continue;
  titles.add(key(title));
  const abbreviation = clean(row.details.abbreviation || bracketed || '');
  const acronyms = [];
  const names = [];
  if (abbreviation && key(abbreviation) !== key(title)) {
    if (!/\s/.test(abbreviation)) {
      const capitals = abbreviation.replace(/[^A-Z]/g, '').length;
      const taken = abbreviation.length >= 3 && !NOT_ACRONYMS.has(abbreviation) && !international.has(abbreviation) && !isDictionaryWord(abbreviation);
      if (taken && (capitals >= 2 || madeOfWords(abbreviation, title))) acronyms.push(abbreviation);
    } else if (/\b(?:[A-Z]{2,}|\w*\d\w*)\b/.test(abbreviation) && !known.has(key(abbreviation))) {
      names.push(abbreviation);
    }
  }
  const generic = GENERIC.test(title) && !SAYS_BRITISH.test(title);
  if (generic) genericNames[title] = { GB: id };
  else names.unshift(title);
  const closed = row.details.govuk_status === 'closed';
  const format = FORMATS[row.format];
  entries.push({
    id,
    acronyms,
    names,
    fullName: title,
    // A format the card can say (`executive agency`), or, for a closed organisation of another format, that it was one.
    ...(format || closed ? {
      description: `${closed ? 'A former' : /^[aeiou]/.test(format) ? 'An' : 'A'} ${format ?? 'organisation'} of the United Kingdom's government.`,
    } : {}),
    kind: KINDS[row.format] ?? 'national-agency',
    country: 'GB',
    source: { dataset: 'govuk', id: row.details.slug },
    ...(/^\d{4}/.test(row.details.closed_at ?? '') ? { dissolved: row.details.closed_at.slice(0, 4) } : {}),
    ...(!closed && /^https:\/\/www\.gov\.uk\//.test(row.web_url ?? '') ? { url: row.web_url } : {}),
  });
}
entries.sort(byId);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: `GOV.UK's organisations (the GOV.UK organisations API as of April 2017, in openregister/government-organisation-data@${commit}, `
    + 'lists/govuk/data.jsonl; © Crown copyright, Open Government Licence v3.0).',
  genericNames: Object.fromEntries(Object.entries(genericNames).sort(([a], [b]) => (a < b ? -1 : 1))),
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data', OUTPUT), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} organisations, ${Object.keys(genericNames).length} generic names`);
