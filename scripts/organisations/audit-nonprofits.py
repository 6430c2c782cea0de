#!/usr/bin/env python3
"""Draws the eighth audit of docs/organisations-audit.md (issue 19): 30 entries of ROR's nonprofits
(server/data/organisations-ror-nonprofits.json), random.Random(2029), each printed beside its ROR record
(the latest release's version) for reading by hand; and, of the three class files, 30 names that stand
without their country named (`namesWithoutCountry`) beside 30 that do not, random.Random(2030).

Usage: python3 scripts/organisations/audit-nonprofits.py ROR_RECORDS_GIT"""
import json, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ror_git = sys.argv[1]


def git(*args):
    return subprocess.run(['git', '-C', ror_git, *args], capture_output=True, check=True).stdout.decode('utf-8')


def data(name):
    return json.load(open(os.path.join(ROOT, 'server', 'data', name), encoding='utf-8'))['organisations']


latest = {}
for line in git('ls-tree', '-r', 'HEAD').split('\n'):
    m = re.match(r'^\d+ blob ([0-9a-f]+)\t(v[\d.]+)/([a-z0-9]+)\.json$', line)
    if m:
        version = tuple(int(x) for x in m.group(2)[1:].split('.'))
        if m.group(3) not in latest or version > latest[m.group(3)][0]:
            latest[m.group(3)] = (version, m.group(1))

for e in sorted(random.Random(2029).sample(data('organisations-ror-nonprofits.json'), 30), key=lambda e: e['id']):
    r = json.loads(git('cat-file', '-p', latest[e['source']['id']][1]))
    record = {k: r.get(k) for k in ('names', 'types', 'established', 'links', 'status', 'relationships')}
    record['country'] = [l.get('geonames_details', {}).get('country_code') for l in r.get('locations', [])]
    shown = {k: e[k] for k in ('names', 'namesWithoutCountry', 'forms', 'kind', 'country', 'founded', 'url') if e.get(k)}
    print(json.dumps({'id': e['id'], 'fullName': e['fullName'], 'entry': shown, 'record': record}, ensure_ascii=False))

classes = [e for f in ('organisations-ror-universities.json', 'organisations-ror-companies.json', 'organisations-ror-nonprofits.json') for e in data(f)]
standing = [(e['id'], n) for e in classes for n in e.get('namesWithoutCountry', [])]
waiting = [(e['id'], n) for e in classes for n in e['names'] if n not in e.get('namesWithoutCountry', [])]
rng = random.Random(2030)
print('stand without their country:', json.dumps(sorted(rng.sample(standing, 30)), ensure_ascii=False))
print('wait for their country:', json.dumps(sorted(rng.sample(waiting, 30)), ensure_ascii=False))
