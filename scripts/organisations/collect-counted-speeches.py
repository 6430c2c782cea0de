#!/usr/bin/env python3
"""Counted transcripts for the glossary's classes (issue 19): the 2015 campaign launch speeches of
the US presidential candidates (universities, companies, party committees, media and armed groups
they name), as KentonMurray/computational_linguistic_analysis_2016 holds them (its `.raw` files, the
speeches as published). They are counted only (test/eval/organisations/counted/speech/), never held
out, and appended to SOURCES.tsv as `counted`.

Usage: python3 scripts/organisations/collect-counted-speeches.py MIRROR_ROOT OUT_DIR
Run once; the files it wrote are committed, so the tests never need the mirrors."""
import csv, functools, os, sys

import mirrors

MIRROR, OUT = sys.argv[1], sys.argv[2]
MAX_CHARS = 24000
REPO = 'KentonMurray+computational_linguistic_analysis_2016'
git = functools.partial(mirrors.git, MIRROR)
commit = mirrors.head(MIRROR, REPO)

speeches = sorted(f for f in git(REPO, 'ls-tree', '-r', '--name-only', 'HEAD', 'data/').split('\n') if f.endswith('_CampaignLaunch.raw'))
folder = os.path.join(OUT, 'counted', 'speech')
os.makedirs(folder, exist_ok=True)
with open(os.path.join(OUT, 'SOURCES.tsv'), 'a', encoding='utf-8', newline='') as sources:
    w = csv.writer(sources, delimiter='\t', lineterminator='\n')
    for f in speeches:
        name = f"us-2015-{os.path.basename(f)[:-len('.raw')].lower().replace('_', '-')}.txt"
        with open(os.path.join(folder, name), 'w', encoding='utf-8') as out:
            out.write(mirrors.cut(git(REPO, 'show', f'HEAD:{f}').strip() + '\n', MAX_CHARS))
        w.writerow(['counted', 'speech', name, f'KentonMurray/computational_linguistic_analysis_2016:{f}@{commit}',
                    'no licence stated in repo; a US presidential candidate\'s published campaign launch speech, quoted for evaluation',
                    f'US 2016 presidential campaign launch speech: {os.path.basename(f)}'])
print(len(speeches), 'speeches counted')
