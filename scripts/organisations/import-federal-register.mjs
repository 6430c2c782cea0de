#!/usr/bin/env node
// Writes server/data/organisations-federal-register.json: the agencies of the United States federal
// government as the Federal Register's agencies API lists them (https://www.federalregister.gov/api/v1/agencies,
// a work of the United States government, in the public domain), in the copy of September 2022 kept
// in mfebrizio/public-inspection-midnight-rules (data/agencies.json), each entry with the dataset's
// agency id and slug (`source: { dataset: federal-register, id }`).
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): transcripts name a
// government's departments, agencies, commissions and boards; taken as a class, every agency of the
// list, but an office the list names with its department (`Inspector General Office, Agriculture
// Department`: a part of a department, not a body transcripts name so), a name of one word of the
// dictionary (`ACTION`: an ordinary word, in every heading that says it) and the bodies the glossary
// already has by the same name (ROR's, the hand-written ones). What an entry says is what the list says:
// its name as the Federal Register writes it (`Interior Department`), its name as its description
// spells it out before its short name (`The Department of Agriculture (USDA) …` gives `Department of
// Agriculture`), its short name where it is an acronym of three capitals or more, no dictionary word, that
// the description writes in brackets, or of four or more made of its name's words (the list's short
// names are its own codes, `TREAS`, `TD`, and three letters of a name are often another's: `APA` of
// the Alaska Power Administration, a body long gone, is the Administrative Procedure Act), the department it is part of, and its website (https
// only). A name that bodies of other countries bear too (`Justice Department`, `Department of Labor`)
// is no name of the entry: it is a generic name (`genericNames`), given only where the transcript is American.
//
// Usage: node scripts/organisations/import-federal-register.mjs GIT_DIR COMMIT
//   (mfebrizio/public-inspection-midnight-rules at 6669849627f383aa3ed42f6246198bdef947eb1d)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_ACRONYMS, byId, clean, isDictionaryWord, madeOfWords, slug, theGlossarysOwn } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = 'organisations-federal-register.json';
const [gitDir, commit] = process.argv.slice(2);
if (!gitDir || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
  console.error('usage: import-federal-register.mjs GIT_DIR COMMIT');
  process.exit(2);
}
const agencies = JSON.parse(execFileSync('git', ['-C', gitDir, 'show', `${commit}:data/agencies.json`], { maxBuffer: 1 << 28 }).toString('utf8'));
const byAgencyId = new Map(agencies.map((a) => [a.id, a]));

const { key, known, international, entries: others } = theGlossarysOwn(OUTPUT);
/** A name without the country that begins it: ROR writes `United States Maritime Administration` for the list's `Maritime Administration`. */
const bare = (name) => key(name).replace(/^united states ?/, '');
const knownBare = new Set([...known].map(bare));
const WORDS = (name) => new Set(bare(name).split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and', 'for'].includes(w)));
/** The share of the words of the longer of two names that the other has. */
function sharedWords(one, other) {
  const [a, b] = [WORDS(one), WORDS(other)];
  return [...a].filter((w) => b.has(w)).length / Math.max(a.size, b.size, 1);
}
/** Whether an American body the glossary has, of the same acronym, is this agency: most of their names' words are shared. */
const sameBody = (acronym, name) => others.some((e) => e.country === 'US' && e.acronyms.includes(acronym)
  && [e.fullName, ...e.names].some((other) => sharedWords(name, other) >= 0.6));

const NAME_WORD = String.raw`(?:[A-Z][\w.&'’-]*|of|and|the|for|on|in|to)`;
/** The name the description spells out before the agency's short name in brackets: `The Department of Agriculture (USDA)`. */
function spelledOut(agency) {
  if (!agency.short_name) return undefined;
  const short = agency.short_name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(String.raw`(${NAME_WORD}(?: ${NAME_WORD})*) \(${short}\)`).exec(agency.description ?? '');
  // From its first capitalised word, less a leading `The`: `of the Veterans Administration` is `Veterans Administration`.
  const name = found?.[1].replace(/^(?:(?:of|and|the|for|on|in|to) )+/, '').replace(/^The /, '');
  return name && name.split(' ').length >= 2 && /^[A-Z]/.test(name) ? name : undefined;
}

/** A name that bodies of other countries bear too, unless it says it is American: a department or ministry of one subject. */
const GENERIC = /^(?:(?:Department|Ministry) of (?:the )?(?!\S+ and )[A-Z]\S*(?: [A-Z]\S*)?|(?!\S+ and )[A-Z]\S*(?: [A-Z]\S*)? Department)$/;
const SAYS_AMERICAN = /\b(United States|U\.S\.|US|America|American|Federal)\b/;

const genericNames = {};
const taken = new Set();
const entries = [];
for (const agency of agencies) {
  const name = clean(agency.name);
  const parent = byAgencyId.get(agency.parent_id);
  // A part named with its department; a name of one word of the dictionary (`ACTION`), an ordinary word.
  if (parent && name.endsWith(`, ${clean(parent.name)}`) || isDictionaryWord(name)) continue;
  const official = spelledOut(agency);
  // A description may spell out a former name (`… of the Veterans Administration (VA)` of `Veterans Affairs Department`):
  // the name spelt out stands where it holds most of the list's name's words.
  const fullName = official && sharedWords(official, name) >= 0.6 ? official : name;
  const own = [...new Set([fullName, name])];
  const short = agency.short_name?.trim();
  if (own.some((n) => knownBare.has(bare(n)) || taken.has(bare(n)) || (short && sameBody(short, n)))) continue;
  own.forEach((n) => taken.add(bare(n)));
  const id = `federal-register-${slug(agency.slug)}`;
  const names = [];
  for (const n of own) {
    if (GENERIC.test(n) && !SAYS_AMERICAN.test(n)) genericNames[n] = { US: id };
    else names.push(n);
  }
  const acronym = short && /^[A-Z][A-Z0-9&]{2,9}$/.test(short) && !NOT_ACRONYMS.has(short) && !international.has(short) && !isDictionaryWord(short)
    && ((agency.description ?? '').includes(`(${short})`) || short.length >= 4 && (madeOfWords(short, fullName) || madeOfWords(short, name)));
  const parentName = parent && (spelledOut(parent) ?? clean(parent.name));
  entries.push({
    id,
    acronyms: acronym ? [short] : [],
    names,
    fullName,
    ...(parentName ? { description: `Part of the ${parentName.replace(/^The /, '')}, in the United States federal government.` } : {}),
    kind: /Department$|^Department of /.test(fullName) && !parent ? 'ministry' : /\bCourt\b/.test(fullName) ? 'court' : 'national-agency',
    country: 'US',
    source: { dataset: 'federal-register', id: String(agency.id) },
    ...(/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(agency.agency_url ?? '') ? { url: agency.agency_url } : {}),
  });
}
entries.sort(byId);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: 'The Federal Register\'s agencies (https://www.federalregister.gov/api/v1/agencies, September 2022, as kept in '
    + `mfebrizio/public-inspection-midnight-rules@${commit}, data/agencies.json; a work of the United States government, public domain).`,
  genericNames: Object.fromEntries(Object.entries(genericNames).sort(([a], [b]) => (a < b ? -1 : 1))),
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data', OUTPUT), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} agencies, ${Object.keys(genericNames).length} generic names`);
