#!/usr/bin/env python3
"""A seventh set of counted transcripts (issue 19, the families the fresh round scores lowest on): a tech podcast (the
Linux Foundation's The Untold Stories of Open Source) and a parliament of a country no set
had (the Parliament of Fiji: oral questions and parts of sittings of 2021, the years the repository holds). No held-out,
fresh or counted file comes from these repositories (every SOURCES.tsv of the project says which do; the Virtual
Coffee podcast, counted first, was left out when the next fresh round took episodes of it). Counted only
(test/eval/organisations/counted/), never held out: the names they use without a card decide what the glossary takes.

Usage: python3 scripts/organisations/collect-counted-round7.py MIRROR_ROOT OUT_DIR
Run once; the files it wrote are committed, so the tests never need the mirrors."""
import html, re, sys

import mirrors

MIRROR, OUT, rng, git, head = mirrors.collector(sys.argv, 7019)
MAX_CHARS = 24000
rows = []
add = mirrors.adder(rows, MAX_CHARS)


def paragraphs(text):
    return '\n\n'.join(p for p in (re.sub(r'\s+', ' ', html.unescape(p)).strip() for p in re.split(r'\n\s*\n', text)) if p) + '\n'


# The Linux Foundation's podcast: each episode's page (MDX) holds its transcript after the episode's table.
LF = 'linuxfoundation+lf-podcast'
for path in sorted(f for f in git(LF, 'ls-tree', '-r', '--name-only', 'HEAD', 'docs/podcasts/').split('\n')
                   if f.endswith('.mdx') and not f.endswith('README.mdx')):
    body = git(LF, 'show', f'HEAD:{path}').split('\n---\n', 1)[-1]
    body = re.sub(r'^(import .*|<[A-Z].*/>|\|.*\||#+ .*|!\[.*)$', '', body, flags=re.M)
    body = re.sub(r'\*\*|__|\[([^\]]*)\]\([^)]*\)', lambda m: m.group(1) or '', body)
    slug = path.split('/')[-1][:-4]
    add('podcast', f'lf-podcast-{slug}', paragraphs(body), f'linuxfoundation/lf-podcast:{path}@{head(LF)}',
        'Apache License 2.0 (the repository\'s LICENSE)', f'The Untold Stories of Open Source (Linux Foundation podcast): {slug}')

# Pacific Hansard: the Parliament of Fiji's Hansard as HTML parts of a sitting.
PH = 'jlkeet+pacific-hansard'
PAGE_FURNITURE = re.compile(r'^(Page \d+|\d+|Questions|Debate|\d+(st|nd|rd|th) \w+\.?,? \d{4})$')


def hansard_text(page):
    parts = [re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', p))).strip() for p in re.findall(r'<p>(.*?)</p>', page, flags=re.S)]
    return '\n\n'.join(p for p in parts if p and not PAGE_FURNITURE.match(p)) + '\n'


files = git(PH, 'ls-tree', '-r', '--name-only', 'HEAD', 'collections/').split('\n')
for country, pattern, wanted in (('fiji', r'collections/Fiji/202[12]/[^/]+/\d+/(oral_question_\d+|part\d+)\.html$', 9),):
    candidates = sorted(f for f in files if re.match(pattern, f))
    taken = 0
    for path in rng.sample(candidates, len(candidates)):
        if taken == wanted:
            break
        text = hansard_text(git(PH, 'show', f'HEAD:{path}'))
        if len(text) < 6000:
            continue
        taken += 1
        slug = re.sub(r'[^a-z0-9]+', '-', '-'.join(path.split('/')[2:]).lower())[:-5].strip('-')
        add('parliament', f'{country}-hansard-{slug}', text, f'jlkeet/pacific-hansard:{path}@{head(PH)}',
            'no licence stated in repo; Hansard of the Parliament of Fiji as the repository holds it, quoted for evaluation',
            f'Parliament of Fiji, Hansard: {"/".join(path.split("/")[2:])}')

mirrors.write_rows(OUT, 'counted', rows)
print(len(rows), 'transcripts counted')
