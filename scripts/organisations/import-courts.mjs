#!/usr/bin/env node
// Writes server/data/organisations-courts.json: United States courts from Free Law Project's
// courts-db (freelawproject/courts-db, courts_db/data/courts.json, BSD 2-Clause licence), each entry
// with the dataset's identifier (`source: { dataset: courts-db, id }`).
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): the courts the counted
// transcripts name and the glossary lacked were the Supreme Court and the federal courts of
// appeals (`Ninth Circuit`); taken as families: the Supreme Court, the federal courts of appeals,
// district courts and special courts (Court of Claims, Tax Court), and every state's court of last
// resort and intermediate court of appeals. What an entry says is what the dataset says: the
// court's name (with `United States` before a federal court's name that lacks it), the short names
// its name makes (`Ninth Circuit`, `Southern District of New York`, `Court of Claims`, `Alabama
// Supreme Court` for `Supreme Court of Alabama`), and the years of its first and last dates.
//
// Usage: node scripts/organisations/import-courts.mjs COURTS_DB_GIT_DIR
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byId, clean, datasetRepository, slug } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { git, commit } = datasetRepository('import-courts.mjs COURTS_DB_GIT_DIR');
const courts = JSON.parse(git(['show', 'HEAD:courts_db/data/courts.json']));

const FEDERAL = /^(scotus|ca\d+|cadc|cafc|cc|uscfc|cit|tax|cavc|armfor|jpml)$/;
const included = (c) => FEDERAL.test(c.id)
  || (c.system === 'federal' && c.type === 'trial' && /^(United States )?District Court for /.test(c.name))
  || (c.system === 'state' && c.type === 'appellate' && (c.level === 'colr' || c.level === 'iac'));

const entries = [];
for (const court of courts.filter(included)) {
  const name = clean(court.name);
  const fullName = court.system === 'federal' && !/^(United States|U\.S\.|Supreme Court of the United States)/.test(name) ? `United States ${name}` : name;
  const names = new Set([fullName, name]);
  const circuit = /^(?:United States )?Court of Appeals for the (.+ Circuit)$/.exec(name);
  if (circuit) names.add(circuit[1]);
  const district = /^(?:United States )?District Court for the ((?:\w+ )?District of .+)$/.exec(name);
  if (district) names.add(district[1]);
  // A federal court's name without `United States`, when three words or more are left: `Court of Claims`, `Tax Court`.
  const national = /^United States (.+)$/.exec(fullName);
  if (national && !district && !circuit && national[1].split(' ').length >= 2) names.add(national[1]);
  // `Supreme Court of Alabama` is the `Alabama Supreme Court`; `Court of Appeals of New York`, the `New York Court of Appeals`.
  const ofPlace = /^((?:Supreme|Superior) Court|Court of (?:Appeals|Criminal Appeals|Special Appeals)) of (?:the )?([A-Z][\w .]+)$/.exec(name);
  if (ofPlace) names.add(`${ofPlace[2]} ${ofPlace[1]}`);
  if (court.id === 'scotus') for (const short of ['United States Supreme Court', 'U.S. Supreme Court', 'US Supreme Court', 'Supreme Court']) names.add(short);
  const first = court.dates?.[0]?.start;
  const last = court.dates?.[court.dates.length - 1]?.end;
  entries.push({
    id: `court-us-${slug(court.id)}`,
    acronyms: court.id === 'scotus' ? ['SCOTUS'] : [],
    names: [...names],
    fullName,
    kind: 'court',
    country: 'US',
    source: { dataset: 'courts-db', id: court.id },
    ...(/^\d{4}/.test(first ?? '') ? { founded: first.slice(0, 4) } : {}),
    ...(/^\d{4}/.test(last ?? '') ? { dissolved: last.slice(0, 4) } : {}),
  });
}
entries.sort(byId);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: `Free Law Project's courts-db (freelawproject/courts-db@${commit}, courts_db/data/courts.json, BSD 2-Clause licence).`,
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data/organisations-courts.json'), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} courts`);
