#!/usr/bin/env python3
"""Draws the audit sample of docs/organisations-audit.md (issue 19): 100 entries of the built-in
glossary's data files, random.Random(2026), and prints each beside the record of its source
(Party Facts' row, the ROR record, the courts-db court) for reading by hand.

Usage: python3 scripts/organisations/audit-sample.py PARTYFACTS_GIT ROR_RECORDS_GIT COURTS_DB_GIT"""
import csv, io, json, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = ['organisations.json', 'organisations-parties.json', 'organisations-ror.json', 'organisations-courts.json', 'terms.json']
partyfacts_git, ror_git, courts_git = sys.argv[1:4]


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], capture_output=True, check=True).stdout.decode('utf-8')


entries = [e for name in FILES for e in json.load(open(os.path.join(ROOT, 'server', 'data', name), encoding='utf-8'))['organisations']]
sample = sorted(random.Random(2026).sample(entries, 100), key=lambda e: e['id'])
parties = {r['partyfacts_id']: r for r in csv.DictReader(io.StringIO(git(partyfacts_git, 'show', 'HEAD:import/wikipedia/wikipedia.csv')))}
courts = {c['id']: c for c in json.loads(git(courts_git, 'show', 'HEAD:courts_db/data/courts.json'))}
ror_files = {}
for line in git(ror_git, 'ls-tree', '-r', 'HEAD').split('\n'):
    m = re.match(r'^\d+ blob ([0-9a-f]+)\t(v[\d.]+)/([a-z0-9]+)\.json$', line)
    if m:
        version = tuple(int(x) for x in m.group(2)[1:].split('.'))
        if m.group(3) not in ror_files or version > ror_files[m.group(3)][0]:
            ror_files[m.group(3)] = (version, m.group(1))

for e in sample:
    source = e['source']
    shown = {k: e[k] for k in ('acronyms', 'names', 'forms', 'kind', 'country', 'founded', 'dissolved', 'url', 'description') if e.get(k)}
    if source.get('dataset') == 'partyfacts':
        r = parties[source['id']]
        record = {k: r[k] for k in ('name', 'name_short', 'name_native', 'country', 'year_founded', 'year_dissolved')}
    elif source.get('dataset') == 'ror':
        record = json.loads(git(ror_git, 'cat-file', '-p', ror_files[source['id']][1]))
        fields = ('names', 'name', 'aliases', 'acronyms', 'labels', 'types', 'established', 'locations', 'country', 'links', 'status')
        record = {k: record.get(k) for k in fields}
        if record.get('locations'):
            record['locations'] = [l.get('geonames_details', {}).get('country_code') for l in record['locations']]
    elif source.get('dataset') == 'courts-db':
        c = courts[source['id']]
        record = {k: c.get(k) for k in ('name', 'dates', 'system', 'type', 'level', 'jurisdiction')}
    else:
        record = source
    print(json.dumps({'id': e['id'], 'fullName': e['fullName'], 'entry': shown, 'source': source, 'record': record}, ensure_ascii=False))
