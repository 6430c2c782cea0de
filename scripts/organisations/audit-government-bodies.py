#!/usr/bin/env python3
"""Draws the sixth audit's sample of docs/organisations-audit.md (issue 19): 30 entries of the two government
datasets' files (organisations-govuk.json, organisations-federal-register.json), random.Random(2028), and prints
each beside its dataset row (GOV.UK's organisation record, the Federal Register's agency) for reading by hand.

Usage: python3 scripts/organisations/audit-government-bodies.py GOVERNMENT_ORGANISATION_DATA_GIT FEDERAL_REGISTER_GIT COMMIT"""
import json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
govuk_git, register_git, register_commit = sys.argv[1:4]


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], capture_output=True, check=True).stdout.decode('utf-8')


entries = [e for name in ('organisations-govuk.json', 'organisations-federal-register.json')
           for e in json.load(open(os.path.join(ROOT, 'server', 'data', name), encoding='utf-8'))['organisations']]
sample = sorted(random.Random(2028).sample(entries, 30), key=lambda e: e['id'])
govuk = {r['details']['slug']: r for r in map(json.loads, filter(None, git(govuk_git, 'show', 'HEAD:lists/govuk/data.jsonl').split('\n')))}
agencies = {str(a['id']): a for a in json.loads(git(register_git, 'show', f'{register_commit}:data/agencies.json'))}
for e in sample:
    shown = {k: e[k] for k in ('acronyms', 'names', 'kind', 'country', 'dissolved', 'url', 'description') if e.get(k)}
    if e['source']['dataset'] == 'govuk':
        r = govuk[e['source']['id']]
        record = {'title': r['title'], 'abbreviation': r['details']['abbreviation'], 'format': r['format'],
                  'status': r['details']['govuk_status'], 'closed_at': r['details']['closed_at'], 'web_url': r['web_url']}
    else:
        a = agencies[e['source']['id']]
        parent = agencies.get(str(a['parent_id']))
        record = {'name': a['name'], 'short_name': a['short_name'], 'parent': parent and parent['name'],
                  'agency_url': a['agency_url'], 'description': (a['description'] or '')[:300]}
    print(f"### {e['id']}: {e['fullName']}\n  entry:  {json.dumps(shown, ensure_ascii=False)}\n  record: {json.dumps(record, ensure_ascii=False)}\n")
