#!/usr/bin/env python3
"""Round 6 of the held-out transcripts, test/eval/organisations/fresh6/ (the second fresh round, issue 19): transcripts from
repositories no earlier round, count or family took (every SOURCES.tsv of the repository was read for them), and none the
project is measured on, collected after round 5 was scored and before anything was run on them; their truth is written
by hand from the text alone, and the round is scored once (README.md). Earnings calls of companies of several countries
(Rev's Earnings-22, CC BY-SA 4.0), sittings of South Africa's National Assembly and National Council of Provinces (2000-2010),
of Canada's House of Commons (the 36th Parliament's Hansard, sittings no other set took; its French record, which lost
its accents, is left out), oral-history interviews of the Archives of American Art with the Farm Security Administration's
photographers, and episodes of the Virtual Coffee podcast. Second batch, drawn when the first's candidates came short of the
350 organisation mentions wanted (about 290) and before any truth of its own was written: earnings calls of three more
countries and two more sittings of South Africa's National Assembly (twice as long as the others, the round keeping to 30
files; their first halves' candidates came short of the 350 mentions, and the second halves were read after them). A file
whose text the other sets or the families of test/eval/families hold is skipped.

Usage: python3 scripts/organisations/collect-fresh6.py MIRROR_ROOT test/eval/organisations first-batch|second-batch"""
import os, re, subprocess, sys

import mirrors

MIRROR, OUT, rng, git, head = mirrors.collector(sys.argv, {'first-batch': 6006, 'second-batch': 6007}[sys.argv[3]])
BATCH = sys.argv[3]
MAX_CHARS = 12000
collector = mirrors.Collector(OUT, MAX_CHARS)
add = collector.add


def files(repo, folder):
    return sorted(f for f in git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', folder).split('\n') if f)


# Earnings calls: Rev's Earnings-22 (one token a line, with its speaker, casing and punctuation), one call a country.
REV = 'revdotcom+speech-datasets'
calls = [line.split(',') for line in git(REV, 'show', 'HEAD:earnings22/metadata.csv').strip().split('\n')[1:]]


def earnings_call(file_id):
    lines = git(REV, 'show', f'HEAD:earnings22/transcripts/nlp_references/{file_id}.nlp').strip().split('\n')[1:]
    paragraphs, speaker = [], None
    for line in lines:
        token, who, _, _, after, before = line.split('|')[:6]
        if who != speaker:
            paragraphs.append(f'Speaker {who}:')
            speaker = who
        elif len(paragraphs[-1]) > 700 and paragraphs[-1].endswith(('.', '?')):
            paragraphs.append('')  # a long turn in paragraphs of some sentences, as a transcriber writes it
        paragraphs[-1] += f' {before}{token}{after}'
    return '\n\n'.join(p.strip() for p in paragraphs) + '\n'


by_country = {}
for row in calls:
    by_country.setdefault(row[2], []).append(row)


def earnings_calls(count, countries):
    """`count` calls of as many of `countries`, one call a country."""
    added = 0
    for country in rng.sample(countries, len(countries)):
        if added == count:
            break
        file_id, ticker = rng.choice(by_country[country])[:2]
        text = earnings_call(file_id)
        if len(text) < 8000:
            continue
        added += add('press-conference', f'earnings-{ticker.lower()}-{file_id}', text,
                     f'revdotcom/speech-datasets:earnings22/transcripts/nlp_references/{file_id}.nlp@{head(REV)}',
                     'CC BY-SA 4.0 (earnings22/LICENSE.md)', f'Earnings-22: earnings call of {ticker} ({country}), Rev transcript')


# South Africa's Parliament: its Hansard as Markdown (Akoma Ntoso converted), 2000-2010, the National Assembly and the NCOP.
ZA = 'femikolade+za-hansards'
sittings = [f for f in files(ZA, '_posts/xml') if re.search(r'/(200\d|2010)/[\d-]+-parliamentary-debates-(NA|NCOP)-', f)]


def za_sittings(count, tried, houses):
    """`count` of `tried` sittings drawn from `houses`, 8,000 characters long at least."""
    added = 0
    for f in rng.sample(houses, tried):
        if added == count:
            break
        body = git(ZA, 'show', f'HEAD:{f}').split('\n---\n', 1)[-1]
        paragraphs = [re.sub(r'\s+', ' ', p).strip() for p in re.split(r'\n\s*\n', body)]
        text = '\n\n'.join(p for p in paragraphs if p and not re.fullmatch(r'_+', p)) + '\n'
        if len(text) < 8000:
            continue
        house = 'National Assembly' if '-NA-' in f else 'National Council of Provinces'
        date = re.search(r'(\d{4}-\d\d-\d\d)-parl', f).group(1)
        added += add('parliament', f"za-{'na' if '-NA-' in f else 'ncop'}-{date}", text, f'femikolade/za-hansards:{f}@{head(ZA)}',
                     'no licence stated in repo; the Hansard of the Parliament of South Africa (an official record), quoted for evaluation',
                     f'Parliament of South Africa, {house}, {date}')


def first_batch():
    earnings_calls(9, sorted(by_country))
    za_sittings(6, 14, sittings)
    # Canada's House of Commons, 36th Parliament: the aligned Hansard's English record, from the sitting's start (after its contents).
    CA = 'bkotzz+csc401'
    start = 'EDITED HANSARD * NUMBER'
    added = 0
    for f in rng.sample([f for f in files(CA, 'a2/data/Hansard') if re.search(r'house\.debates\.\d+\.e$', f)], 12):
        if added == 4:
            break
        # The record is Latin-1: read as bytes.
        data = subprocess.run(['git', '-C', os.path.join(MIRROR, CA, 'repo'), 'show', f'HEAD:{f}'], capture_output=True, check=True).stdout
        if start.encode('latin-1') not in data:
            continue
        text = mirrors.aligned_hansard(data, start)
        if len(text) < 8000:
            continue
        number = re.search(r'debates\.(\d+)\.', f).group(1)
        session = re.search(r'hansard\.(36\.\d)\.', f).group(1)
        added += add('parliament', f'ca-commons-{session}-{number}', text, f'bkotzz/csc401:{f}@{head(CA)}',
                     'no licence stated in repo; the Hansard of the House of Commons of Canada (Aligned Hansards of the 36th Parliament), '
                     'quoted for evaluation', f'House of Commons of Canada, 36th Parliament, session {session[-1]}, sitting {number}')

    # Oral-history interviews of the Archives of American Art with the Farm Security Administration's photographers, 1964-1965.
    AAA = 'americanpanorama+photogrammar'
    interviews = [f for f in files(AAA, 'data/drive-download-20200507T175850Z-001') if f.endswith('_timecoded.md') and 'rothstein' not in f]
    for f in rng.sample(interviews, 3):
        text = '\n\n'.join(p.strip() for p in re.split(r'\n*## \[?\d\d:\d\d:\d\d\]?[ \n]', git(AAA, 'show', f'HEAD:{f}')) if p.strip()) + '\n'
        add('interview', 'aaa-' + os.path.basename(f)[:-len('_timecoded.md')].replace('_', '-'), text, f'americanpanorama/photogrammar:{f}@{head(AAA)}',
            'no licence stated in repo; oral history interview of the Archives of American Art, Smithsonian Institution, quoted for evaluation',
            f'Archives of American Art oral history interview (Photogrammar): {os.path.basename(f)}')

    # The Virtual Coffee podcast (a developers' community): its SRT captions, a paragraph a speaker's turn.
    VC = 'Virtual-Coffee+podcast-transcripts'
    episodes = [f for f in files(VC, 'episodes') if f.endswith('.srt')]
    added = 0
    for f in rng.sample(episodes, 8):
        if added == 3:
            break
        captions = [' '.join(block.strip().split('\n')[2:]) for block in re.split(r'\n\s*\n', git(VC, 'show', f'HEAD:{f}').replace('\r\n', '\n'))]
        paragraphs = []
        for caption in (c.strip() for c in captions if c.strip()):
            if re.match(r"[A-Z][\w'-]*( [A-Z][\w'-]*)?: ", caption) or not paragraphs:
                paragraphs.append(caption)
            else:
                paragraphs[-1] += ' ' + caption
        text = '\n\n'.join(paragraphs) + '\n'
        if len(text) < 8000:
            continue
        added += add('podcast', 'virtual-coffee-' + os.path.basename(f)[:-4].replace('_', '-'), text, f'Virtual-Coffee/podcast-transcripts:{f}@{head(VC)}',
                     'no licence stated in repo; transcript of the Virtual Coffee podcast, quoted for evaluation',
                     f'Virtual Coffee podcast, episode {os.path.basename(f)[:-4]}')


def second_batch():
    # The countries whose calls the first batch took, as its SOURCES.tsv rows name them (`earnings call of TICKER (COUNTRY)`).
    with open(os.path.join(OUT, 'SOURCES.tsv'), encoding='utf-8') as sources:
        taken = {re.search(r'\(([^()]*)\), Rev transcript', row).group(1) for row in sources if 'Earnings-22' in row}
    earnings_calls(3, [c for c in sorted(by_country) if c not in taken])
    collector.max_chars = 2 * MAX_CHARS
    za_sittings(2, 6, [f for f in sittings if '-NA-' in f])


{'first-batch': first_batch, 'second-batch': second_batch}[BATCH]()
mirrors.write_rows(OUT, 'fresh6', collector.rows)
print(len(collector.rows), 'transcripts added to round 6')
