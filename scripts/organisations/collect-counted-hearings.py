#!/usr/bin/env python3
"""A fifth set of counted transcripts (issue 19, families the counted set was thin on): hearings of
the UK Covid-19 Inquiry, sittings of Canada's House of Commons in English, and the US Senate
Judiciary Committee's hearing of 27 September 2018, none of them a held-out file (SOURCES.tsv says
which are). Counted only (test/eval/organisations/counted/), never held out: the classes of names
they use without a card decide what the glossary recognises by form.

Usage: python3 scripts/organisations/collect-counted-hearings.py MIRROR_ROOT OUT_DIR
Run once; the files it wrote are committed, so the tests never need the mirrors."""
import codecs, csv, functools, os, random, re, subprocess, sys

import mirrors

MIRROR, OUT = sys.argv[1], sys.argv[2]
MAX_CHARS = 24000
rng = random.Random(5019)
git = functools.partial(mirrors.git, MIRROR)
head = functools.partial(mirrors.head, MIRROR)
taken = {row['file'] for row in csv.DictReader(open(os.path.join(OUT, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t')}
taken_sources = {row['source'].split('@')[0] for row in csv.DictReader(open(os.path.join(OUT, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t')}
rows = []


def add(family, name, text, source, licence, origin):
    if f'{name}.txt' in taken or source.split('@')[0] in taken_sources:
        return False
    rows.append({'family': family, 'file': f'{name}.txt', 'text': mirrors.cut(text, MAX_CHARS), 'source': source, 'licence': licence, 'origin': origin})
    return True


# The UK Covid-19 Inquiry's public hearings, as collect-held-out.py reads them (reStructuredText to plain paragraphs).
mirrors.covid_hearings(MIRROR, rng, 20, 4, add)

# Canada's House of Commons, edited Hansard of the 36th Parliament, in English, from the oral question period on.
CA = 'karlnapf+ds3_kernel_testing'
sittings = sorted({f[:-2] for f in git(CA, 'ls-tree', '-r', '--name-only', 'HEAD', 'transcripts/').split('\n') if f.endswith('.e')})
added = 0
for sitting in rng.sample(sittings, 10):
    if added == 3:
        break
    raw = subprocess.run(['git', '-C', os.path.join(MIRROR, CA, 'repo'), 'show', f'HEAD:{sitting}.e'], capture_output=True, check=True).stdout
    name = f"ca-hansard-{os.path.basename(sitting).replace('hansard.', '').replace('.house.debates.', '-')}-en"
    added += add('parliament', name, mirrors.aligned_hansard(raw, 'ORAL QUESTION PERIOD'), f'karlnapf/ds3_kernel_testing:{sitting}.e@{head(CA)}',
                 "no licence stated in repo; edited Hansard of Canada's House of Commons, 36th Parliament (the Aligned Hansards' text), quoted for evaluation",
                 f"Canada, House of Commons, edited Hansard: {os.path.basename(sitting)} (English)")

# The US Senate Judiciary Committee's hearing of 27 September 2018 (the Washington Post's transcript, as the repo holds it):
# a paragraph a line (NULs in it, and Windows-1252 bytes among the UTF-8: `committee\x92s`), the page furniture before the first turn (`[*] GRASSLEY:`) left out.
codecs.register_error('cp1252-fallback', lambda e: (e.object[e.start:e.end].decode('cp1252', errors='replace'), e.end))
KAV = 'saberry+Kavanaugh-Hearing-Transcript-Parsed'
raw = subprocess.run(['git', '-C', os.path.join(MIRROR, KAV, 'repo'), 'show', 'HEAD:data/lines.txt'], capture_output=True, check=True).stdout
lines = [line.strip() for line in raw.replace(b'\0', b'').decode('utf-8', errors='cp1252-fallback').split('\r\n')]
first = next(i for i, line in enumerate(lines) if line.startswith('[*] '))
turns = [line.removeprefix('[*] ') for line in lines[first:] if line]
add('parliament', 'us-senate-judiciary-2018-09-27', '\n\n'.join(turns) + '\n', f'saberry/Kavanaugh-Hearing-Transcript-Parsed:data/lines.txt@{head(KAV)}',
    'no licence stated in repo; transcript of a US Senate committee hearing (published by The Washington Post), quoted for evaluation',
    'US Senate Judiciary Committee hearing on the nomination of Brett M. Kavanaugh, 27 September 2018')

mirrors.write_rows(OUT, 'counted', rows)
print(len(rows), 'transcripts counted')
