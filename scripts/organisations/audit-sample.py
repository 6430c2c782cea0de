#!/usr/bin/env python3
"""Draws the audit samples of docs/organisations-audit.md (issue 19) and prints each entry beside the
record of its source (Party Facts' row, the ROR record, the courts-db court, the S&P 500 row) for
reading by hand: the second audit, 100 entries of the data files it covered, random.Random(2026);
given the S&P 500 dataset too, the third, 60 entries of the class files, random.Random(2027).

Usage: python3 scripts/organisations/audit-sample.py PARTYFACTS_GIT ROR_RECORDS_GIT COURTS_DB_GIT [SP500_GIT]"""
import csv, io, json, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = ['organisations.json', 'organisations-parties.json', 'organisations-ror.json', 'organisations-courts.json', 'terms.json']
CLASS_FILES = ['organisations-classes.json', 'organisations-ror-universities.json', 'organisations-ror-companies.json', 'organisations-sp500.json']
partyfacts_git, ror_git, courts_git = sys.argv[1:4]
sp500_git = sys.argv[4] if len(sys.argv) > 4 else None


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], capture_output=True, check=True).stdout.decode('utf-8')


files, seed, size = (CLASS_FILES, 2027, 60) if sp500_git else (FILES, 2026, 100)
entries = [e for name in files for e in json.load(open(os.path.join(ROOT, 'server', 'data', name), encoding='utf-8'))['organisations']]
sample = sorted(random.Random(seed).sample(entries, size), key=lambda e: e['id'])
companies = {str(int(r['CIK'])): r for r in csv.DictReader(io.StringIO(git(sp500_git, 'show', 'HEAD:data/constituents.csv')))} if sp500_git else {}
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
    shown = {k: e[k] for k in ('acronyms', 'names', 'forms', 'kind', 'country', 'founded', 'dissolved', 'headquarters', 'url', 'description') if e.get(k)}
    if source.get('dataset') == 'partyfacts':
        r = parties[source['id']]
        record = {k: r[k] for k in ('name', 'name_short', 'name_native', 'country', 'year_founded', 'year_dissolved')}
    elif source.get('dataset') == 'ror':
        record = json.loads(git(ror_git, 'cat-file', '-p', ror_files[source['id']][1]))
        fields = ('names', 'name', 'aliases', 'acronyms', 'labels', 'types', 'established', 'locations', 'country', 'links', 'status')
        record = {k: record.get(k) for k in fields}
        if record.get('locations'):
            record['locations'] = [l.get('geonames_details', {}).get('country_code') for l in record['locations']]
    elif source.get('dataset') == 'sp500':
        record = companies[source['id']]
    elif source.get('dataset') == 'courts-db':
        c = courts[source['id']]
        record = {k: c.get(k) for k in ('name', 'dates', 'system', 'type', 'level', 'jurisdiction')}
    else:
        record = source
    print(json.dumps({'id': e['id'], 'fullName': e['fullName'], 'entry': shown, 'source': source, 'record': record}, ensure_ascii=False))
