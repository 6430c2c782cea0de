#!/usr/bin/env python3
"""Collects the transcripts of test/eval/organisations/ from local mirrors of public GitHub
repositories (the search tool's `fetch`, under /work/.mirror), writes SOURCES.tsv, and sets a
third of each family aside (held-out/) before anything is counted: the glossary's list is decided
from the rest (counted/), the coverage is measured on held-out/.

Usage: python3 scripts/organisations/collect-transcripts.py MIRROR_ROOT OUT_DIR
Run once; the files it wrote are committed, so the tests never need the mirrors."""
import csv, functools, html, io, json, os, random, re, sys

import mirrors

MIRROR, OUT = sys.argv[1], sys.argv[2]
MAX_CHARS = 24000
rows = []


git = functools.partial(mirrors.git, MIRROR)
head = functools.partial(mirrors.head, MIRROR)


def add(family, name, text, source, licence, origin):
    rows.append({'family': family, 'file': f'{name}.txt', 'text': mirrors.cut(text, MAX_CHARS), 'source': source, 'licence': licence, 'origin': origin})


# Australian Prime Ministers' press conferences and interviews (CC BY 3.0 AU).
PM = 'wragge+pm-transcripts'
index = list(csv.DictReader(io.StringIO(git(PM, 'show', 'HEAD:index.csv'))))
rng = random.Random(19)
for family, kind, count in (('press-conference', 'Press Conference', 8), ('interview', 'Interview', 6)):
    pool = [r for r in index if r['release_type'] == kind and r['date'] >= '1990']
    for r in rng.sample(pool, count):
        xml = git(PM, 'show', f"HEAD:transcripts/transcript-{r['id']}.xml")
        content = re.search(r'<content><!\[CDATA\[(.*)\]\]></content>', xml, re.S)
        if not content:
            continue
        paragraphs = [html.unescape(re.sub(r'<[^>]+>', '', p)).strip() for p in re.findall(r'<p>(.*?)</p>', content.group(1), re.S)]
        text = f"{r['title']}\n\n" + '\n\n'.join(p for p in paragraphs if p) + '\n'
        add(family, f"au-pm-{r['id']}", text, f"wragge/pm-transcripts:transcripts/transcript-{r['id']}.xml@{head(PM)}",
            'CC BY 3.0 AU (Commonwealth of Australia, Department of the Prime Minister and Cabinet, per repo README)',
            f"PM Transcripts: {r['pm']}, {kind.lower()}, {r['date']}: {r['title']}")

# US presidential and vice-presidential debates of 2020 (rev.com transcripts, as the repo holds them).
DEB = 'domrussel+us_pres_debate'
for name in ('2020_debate1_part1', '2020_debate1_part2', '2020_vp_part1', '2020_vp_part2'):
    text = git(DEB, 'show', f'HEAD:input/{name}.txt')
    add('debate', f'us-{name.replace("_", "-")}', text, f'domrussel/us_pres_debate:input/{name}.txt@{head(DEB)}',
        'no licence stated in repo; transcript of a televised US debate (rev.com), quoted for evaluation', f'US 2020 debate transcript, {name}')

# US Supreme Court oral arguments (Oyez), 2016-2022.
SC = 'walkerdb+supreme_court_transcripts'
files = [f for f in git(SC, 'ls-tree', '-r', '--name-only', 'HEAD', 'oyez/cases/').split('\n') if re.match(r'oyez/cases/20(1[6-9]|2[0-2])\.[\w-]+-t01\.json$', f)]
for f in rng.sample(sorted(files), 6):
    data = json.loads(git(SC, 'show', f'HEAD:{f}'))
    turns = [t for s in (data.get('transcript') or {}).get('sections', []) for t in s.get('turns', [])]
    lines = []
    for t in turns:
        words = ' '.join(b['text'] for b in t.get('text_blocks', []))
        if t.get('speaker') and words:
            lines.append(f"{t['speaker']['name'].upper()}: {words}")
    if not lines:
        continue
    title = (data.get('transcript') or {}).get('title') or data.get('title')
    name = os.path.basename(f)[:-5]
    add('court', f'scotus-{name}', f'{title}\n\n' + '\n\n'.join(lines) + '\n', f'walkerdb/supreme_court_transcripts:{f}@{head(SC)}',
        'no licence stated in repo; Oyez transcript of a US Supreme Court oral argument (oyez.org), quoted for evaluation', f'US Supreme Court oral argument: {title}')

# New Zealand House of Representatives: speech turns, grouped by sitting document.
NZ = 'edithatogo+corpus-nz-hansard'
turns = list(csv.DictReader(io.StringIO(git(NZ, 'show', 'HEAD:derived/validated_speech_turns/speech_turn_review_queue.csv'))))
by_document = {}
for t in turns:
    by_document.setdefault(t['parliament_document_id'], []).append(t)
longest = sorted(by_document.items(), key=lambda kv: -sum(len(t['speech_text']) for t in kv[1]))[:6]
for document, items in longest:
    items.sort(key=lambda t: int(t['turn_index']))
    text = f"{items[0]['title']}\n\n" + '\n\n'.join(f"{t['speaker_candidate']}: {t['speech_text']}" for t in items) + '\n'
    add('parliament', f'nz-{document.lower()}', text, f'edithatogo/corpus-nz-hansard:derived/validated_speech_turns/speech_turn_review_queue.csv@{head(NZ)} (document {document})',
        'MIT (repo LICENSE); New Zealand Hansard text, quoted for evaluation', f"New Zealand Parliament, {items[0]['document_type']}: {items[0]['title']}")

# Lenny's Podcast (US): interviews with product and company leaders.
LP = 'ebuntario+lennys-podcast-transcripts'
episodes = [f for f in git(LP, 'ls-tree', '-r', '--name-only', 'HEAD', 'episodes/').split('\n') if f.endswith('/transcript.md')]
for f in rng.sample(sorted(episodes), 5):
    text = re.sub(r'^---\n.*?\n---\n', '', git(LP, 'show', f'HEAD:{f}'), flags=re.S)
    add('podcast', f"lenny-{f.split('/')[1]}", text, f'ebuntario/lennys-podcast-transcripts:{f}@{head(LP)}',
        "no licence stated for the transcripts (repo notes mention GPL for its tooling); Lenny's Podcast transcript, quoted for evaluation", f"Lenny's Podcast: {f.split('/')[1]}")

# A third of each family is set aside, by a fixed draw, before anything is counted.
split = random.Random(1919)
by_family = {}
for r in rows:
    by_family.setdefault(r['family'], []).append(r)
for family, items in by_family.items():
    held = set(id(r) for r in split.sample(items, max(1, round(len(items) / 3))))
    for r in items:
        r['part'] = 'held-out' if id(r) in held else 'counted'

for r in rows:
    folder = os.path.join(OUT, r['part'], r['family'])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, r['file']), 'w', encoding='utf-8') as out:
        out.write(r['text'])
with open(os.path.join(OUT, 'SOURCES.tsv'), 'w', encoding='utf-8', newline='') as out:
    w = csv.writer(out, delimiter='\t', lineterminator='\n')
    w.writerow(['part', 'family', 'file', 'source', 'licence', 'origin'])
    for r in sorted(rows, key=lambda r: (r['part'], r['family'], r['file'])):
        w.writerow([r['part'], r['family'], r['file'], r['source'], r['licence'], r['origin']])
print(len(rows), 'transcripts;', sum(r['part'] == 'held-out' for r in rows), 'held out')
