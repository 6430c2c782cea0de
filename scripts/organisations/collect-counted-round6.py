#!/usr/bin/env python3
"""A sixth set of counted transcripts (issue 19, countries and families the counted set lacked):
speeches of the UN General Assembly's general debate (2015-2023, delegations of every region) and
Singapore's Ministry of Law in Parliament (oral and written answers, second-reading speeches) and
outside it. Neither repository holds a held-out file (SOURCES.tsv says which do). Counted only
(test/eval/organisations/counted/), never held out: the names they use without a card decide what
the glossary takes.

Usage: python3 scripts/organisations/collect-counted-round6.py MIRROR_ROOT OUT_DIR
Run once; the files it wrote are committed, so the tests never need the mirrors."""
import html, os, re, sys

import mirrors

MIRROR, OUT, rng, git, head = mirrors.collector(sys.argv, 6019)
MAX_CHARS = 24000
rows = []
add = mirrors.adder(rows, MAX_CHARS)


# The UN General Debate Corpus (Baturo, Dasandi, Mikhaylov; Harvard Dataverse, CC0), as the repository holds its text files.
UN = 'SarahFranzen+Emotions_in_the_United_Nations_General_Debates'
speeches = sorted(f for f in git(UN, 'ls-tree', '-r', '--name-only', 'HEAD', 'data/data_original/TXT/').split('\n')
                  if re.search(r'/Session 7[0-8] - \d{4}/[A-Z]{3}_\d+_\d{4}\.txt$', f))
for path in rng.sample(speeches, 18):
    text = git(UN, 'show', f'HEAD:{path}').replace('\r\n', '\n')
    paragraphs = [re.sub(r'\s+', ' ', p).strip() for p in re.split(r'\n\s*\n|\n(?=\S)', text)]
    code, session, year = os.path.basename(path)[:-4].split('_')
    add('speech', f'ungd-{year}-{code.lower()}', '\n\n'.join(p for p in paragraphs if p) + '\n',
        f'SarahFranzen/Emotions_in_the_United_Nations_General_Debates:{path}@{head(UN)}',
        'CC0 1.0 (United Nations General Debate Corpus, Harvard Dataverse doi:10.7910/DVN/0TJX8Y)',
        f'UN General Assembly, general debate, session {session} ({year}): the delegation of {code}')

# Singapore's Ministry of Law: its pages of parliamentary answers and speeches (Markdown with some HTML), 2015 on.
SG = 'isomerpages+mlaw-corp'


def page_text(markdown):
    body = markdown.split('\n---\n', 1)[1] if markdown.startswith('---') else markdown
    body = re.sub(r'<iframe.*?</iframe>|<p style="text-align: center">Video.*?</p>', '', body, flags=re.S)
    body = re.sub(r'<[^>]+>|\{:[^}]*\}|\*\*|__|\[([^\]]*)\]\([^)]*\)', lambda m: m.group(1) or '', body)
    paragraphs = [re.sub(r'\s+', ' ', html.unescape(p)).strip() for p in re.split(r'\n\s*\n', body)]
    return '\n\n'.join(p for p in paragraphs if p and not p.endswith('Posted in Parliamentary speeches and responses')) + '\n'


for folder, family, wanted in (('news/parliamentary-speeches/_posts/', 'parliament', 10), ('news/speeches/_posts/', 'speech', 4)):
    pages = sorted(f for f in git(SG, 'ls-tree', '-r', '--name-only', 'HEAD', folder).split('\n') if re.search(r'/20(1[5-9]|2\d)-.*\.md$', f))
    for path in rng.sample(pages, wanted):
        slug = re.sub(r'[^a-z0-9]+', '-', os.path.basename(path)[:-3].lower())[:60].strip('-')
        add(family, f'sg-mlaw-{slug}', page_text(git(SG, 'show', f'HEAD:{path}')), f'isomerpages/mlaw-corp:{path}@{head(SG)}',
            "Singapore Ministry of Law's published text (the repository's LICENSE covers its site code); quoted for evaluation",
            f"Singapore, Ministry of Law: {os.path.basename(path)[:-3]}")

mirrors.write_rows(OUT, 'counted', rows)
print(len(rows), 'transcripts counted')
