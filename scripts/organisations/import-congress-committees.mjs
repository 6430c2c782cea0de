#!/usr/bin/env node
// Writes server/data/organisations-us-congress.json: the committees of the United States Congress
// from @unitedstates' congress-legislators (unitedstates/congress-legislators, committees-current.yaml
// and committees-historical.yaml, CC0 1.0), each entry with the dataset's `thomas_id`.
//
// Inclusion rule (README, "Organisations: coverage, and how to add one"): the counted transcripts
// (a Senate hearing, US debates and campaign speeches) name congressional committees by their
// short names (`Judiciary Committee`, `Armed Services Committee`, `Foreign Relations Committee`),
// which no entry bore. Taken as a family: every current committee of the House, the Senate and
// both (subcommittees left out), and the former House and Senate committees of the 104th Congress
// (1995) on. What an entry says is what the dataset says: its name (with `United States` before a
// chamber's committee), the chamber it belongs to, its website; and the short names its name makes
// as speech says them, for a subject of four words at most: `Committee on the Judiciary` →
// `Judiciary Committee`, `Senate Judiciary Committee`, `Committee on the Judiciary`; `Veterans' Affairs` also without its apostrophe, a list
// also without its serial comma. A short name two chambers' committees share is ranked by the words
// around it (`cues`: a senator's words, a representative's).
//
// Usage: node scripts/organisations/import-congress-committees.mjs CONGRESS_LEGISLATORS_GIT_DIR
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { byId, clean, datasetRepository, slug } from './names.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { git, commit } = datasetRepository('import-congress-committees.mjs CONGRESS_LEGISLATORS_GIT_DIR');
const current = parse(git(['show', 'HEAD:committees-current.yaml']));
const historical = parse(git(['show', 'HEAD:committees-historical.yaml']));

const CHAMBERS = {
  house: { name: 'House', body: 'the United States House of Representatives', cues: ['house', 'congressman', 'congresswoman', 'representative', 'representatives'] },
  senate: { name: 'Senate', body: 'the United States Senate', cues: ['senate', 'senator', 'senators'] },
};
const COMMITTEE = /^(House|Senate) ((?:Permanent )?(?:Select |Special )?Committee) on (?:the )?(.+)$/;

const taken = new Set();
const entries = [];
const recent = historical.filter((c) => Math.max(...(c.congresses ?? [0])) >= 104);
for (const [committee, isCurrent] of [...current.map((c) => [c, true]), ...recent.map((c) => [c, false])]) {
  const name = clean(committee.name);
  if (taken.has(committee.thomas_id)) continue;
  taken.add(committee.thomas_id);
  if (!/Committee/.test(name) || /[()]|Caucus/.test(name) || /^United States/.test(name)) continue;
  const chamber = CHAMBERS[committee.type];
  const names = new Set([name]);
  const parts = COMMITTEE.exec(name);
  // Short names of a subject of four words at most: speech names `the Intelligence Committee`, not a select committee's long remit.
  if (parts && chamber && parts[3].split(' ').length <= 4) {
    const [, house, kind, topic] = parts;
    const article = / on the /.test(name) ? 'the ' : '';
    for (const subject of new Set([topic, topic.replace(/, and /, ' and '), topic.replace(/['’]/g, '')])) {
      names.add(`${kind} on ${article}${subject}`);
      names.add(`${house} ${subject} Committee`);
      names.add(`${subject} Committee`);
    }
  }
  const fullName = chamber ? `United States ${name}` : name;
  names.add(fullName);
  entries.push({
    id: `us-congress-${slug(committee.thomas_id)}`,
    acronyms: [],
    names: [fullName, ...[...names].filter((n) => n !== fullName)],
    fullName,
    description: `${isCurrent ? 'A committee' : 'A former committee'} of ${chamber ? chamber.body : 'both houses of the United States Congress'}.`,
    kind: 'legislature',
    country: 'US',
    source: { dataset: 'congress-legislators', id: committee.thomas_id },
    ...(/^https:\/\//.test(committee.url ?? '') ? { url: committee.url } : {}),
    ...(chamber ? { cues: chamber.cues } : {}),
  });
}
entries.sort(byId);

const file = {
  $schema: './organisations.schema.json',
  version: 1,
  source: `@unitedstates' congress-legislators (unitedstates/congress-legislators@${commit}, committees-current.yaml and committees-historical.yaml, CC0 1.0).`,
  organisations: entries,
};
writeFileSync(resolve(root, 'server/data/organisations-us-congress.json'), `${JSON.stringify(file, null, 2)}\n`);
console.log(`${entries.length} committees`);
