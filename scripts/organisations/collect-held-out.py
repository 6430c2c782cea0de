#!/usr/bin/env python3
"""Later held-out sets of test/eval/organisations/ (issue 19: truth for 500 mentions). Every
transcript collected here is held out: written before any entry was added from what it names,
never counted, and appended to SOURCES.tsv as `held-out`. Round 2 (written before the ROR, courts
and party-name entries were added): files of the repositories collect-transcripts.py read, and US
primary debates of 2015-16, Mexico's presidential morning press conferences (Spanish) and the
German Bundestag's plenary record (German). Round 3 (written after them, before anything was looked
at in it): more debates, Supreme Court arguments, NZ Hansard and the Green Software Foundation's
podcast. Round 4 (written before the national bodies' generic names were added, for countries the
others leave out): the UK Covid-19 Inquiry's hearings and Canada's House of Commons in English and
in French. A file whose text the other sets or the families of test/eval/families hold is skipped.

Usage: python3 scripts/organisations/collect-held-out.py MIRROR_ROOT OUT_DIR ROUND
Run once per round; the files it wrote are committed, so the tests never need the mirrors."""
import csv, functools, html, io, os, random, re, subprocess, sys

import mirrors

MIRROR, OUT, ROUND = sys.argv[1], sys.argv[2], int(sys.argv[3])
MAX_CHARS = 20000
rng = random.Random({2: 2019, 3: 3019, 4: 4019}[ROUND])
collector = mirrors.Collector(OUT, MAX_CHARS)
taken, rows, add = collector.taken, collector.rows, collector.add
git = functools.partial(mirrors.git, MIRROR)
head = functools.partial(mirrors.head, MIRROR)


def round_2_only():
    return ROUND == 2


# Australian Prime Ministers' press conferences and interviews (CC BY 3.0 AU), files not taken before.
PM = 'wragge+pm-transcripts'
index = list(csv.DictReader(io.StringIO(git(PM, 'show', 'HEAD:index.csv'))))
for family, kind, count in (('press-conference', 'Press Conference', 5), ('interview', 'Interview', 3)) if round_2_only() else ():
    pool = [r for r in index if r['release_type'] == kind and r['date'] >= '1990' and f"au-pm-{r['id']}.txt" not in taken]
    added = 0
    for r in rng.sample(pool, count * 3):
        if added == count:
            break
        xml = git(PM, 'show', f"HEAD:transcripts/transcript-{r['id']}.xml")
        content = re.search(r'<content><!\[CDATA\[(.*)\]\]></content>', xml, re.S)
        if not content:
            continue
        paragraphs = [html.unescape(re.sub(r'<[^>]+>', '', p)).strip() for p in re.findall(r'<p>(.*?)</p>', content.group(1), re.S)]
        if sum(map(len, paragraphs)) < 4000:
            continue
        text = f"{r['title']}\n\n" + '\n\n'.join(p for p in paragraphs if p) + '\n'
        added += add(family, f"au-pm-{r['id']}", text, f"wragge/pm-transcripts:transcripts/transcript-{r['id']}.xml@{head(PM)}",
                     'CC BY 3.0 AU (Commonwealth of Australia, Department of the Prime Minister and Cabinet, per repo README)',
                     f"PM Transcripts: {r['pm']}, {kind.lower()}, {r['date']}: {r['title']}")

# US Supreme Court oral arguments (Oyez), 2016-2022, files not taken before.
SC = 'walkerdb+supreme_court_transcripts'
ARGUMENT = re.compile(r'oyez/cases/20(1[6-9]|2[0-2])\.[\w-]+-t01\.json$')
files = [f for f in git(SC, 'ls-tree', '-r', '--name-only', 'HEAD', 'oyez/cases/').split('\n') if ARGUMENT.match(f)]
added = 0
for f in rng.sample(sorted(files), 12) if ROUND < 4 else ():
    if added == 3:
        break
    title, lines = mirrors.oyez_argument(git(SC, 'show', f'HEAD:{f}'))
    if not lines:
        continue
    text = f'{title}\n\n' + '\n\n'.join(lines) + '\n'
    added += add('court', f'scotus-{os.path.basename(f)[:-5]}', text, f'walkerdb/supreme_court_transcripts:{f}@{head(SC)}',
                 'no licence stated in repo; Oyez transcript of a US Supreme Court oral argument (oyez.org), quoted for evaluation',
                 f'US Supreme Court oral argument: {title}')

# New Zealand House of Representatives: the next longest sitting documents.
NZ = 'edithatogo+corpus-nz-hansard'
turns = list(csv.DictReader(io.StringIO(git(NZ, 'show', 'HEAD:derived/validated_speech_turns/speech_turn_review_queue.csv'))))
by_document = {}
for t in turns:
    by_document.setdefault(t['parliament_document_id'], []).append(t)
added = 0
for document, items in sorted(by_document.items(), key=lambda kv: -sum(len(t['speech_text']) for t in kv[1])) if ROUND < 4 else ():
    if added == 3:
        break
    items.sort(key=lambda t: int(t['turn_index']))
    text = f"{items[0]['title']}\n\n" + '\n\n'.join(f"{t['speaker_candidate']}: {t['speech_text']}" for t in items) + '\n'
    source = f'edithatogo/corpus-nz-hansard:derived/validated_speech_turns/speech_turn_review_queue.csv@{head(NZ)} (document {document})'
    added += add('parliament', f'nz-{document.lower()}', text, source, 'MIT (repo LICENSE); New Zealand Hansard text, quoted for evaluation',
                 f"New Zealand Parliament, {items[0]['document_type']}: {items[0]['title']}")

# US presidential primary debates, 2015-16 (as the repo holds them).
PD = 'paxtonab+primary_debates_nltk'
for f in rng.sample(sorted(f for f in git(PD, 'ls-tree', '--name-only', 'HEAD').split('\n') if f.endswith('_debate.txt')), {2: 3, 3: 6}.get(ROUND, 0)):
    add('debate', f"us-primary-{f[:-4].replace('_', '-')}", git(PD, 'show', f'HEAD:{f}'), f'paxtonab/primary_debates_nltk:{f}@{head(PD)}',
        'no licence stated in repo; transcript of a televised US primary debate, quoted for evaluation', f'US 2015-16 primary debate: {f}')

# Mexico's presidential morning press conferences (gob.mx stenographic versions), Spanish.
MX = 'fferegrino+mananeras'
CONFERENCE = re.compile(r'/\d\d--version-estenografica-(de-la-)?conferencia-de-prensa-(matutina|del-presidente)')
conferences = [f for f in git(MX, 'ls-tree', '-r', '--name-only', 'HEAD', 'articulos/').split('\n') if CONFERENCE.search(f)]
for f in rng.sample(sorted(conferences), 3) if round_2_only() else ():
    name = f"mx-{os.path.basename(f)[:2]}-{f.split('/')[1]}-{f.split('/')[2]}"
    add('press-conference', name, git(MX, 'show', f'HEAD:{f}'), f'fferegrino/mananeras:{f}@{head(MX)}',
        'no licence stated in repo; stenographic version published by the Presidency of Mexico (gob.mx), quoted for evaluation',
        f'Mexico, presidential morning press conference: {f}')

# German Bundestag, plenary record (XML of the Bundestag's open data): speeches, each paragraph, interjections left out.
BT = 'Sentiments-of-Bundestag+Crawler'
for session in ('19179', '19184') if round_2_only() else ():
    xml = git(BT, 'show', f'HEAD:Implementation/Protokolle/Wahlperiode/19/{session}-data.xml')
    paragraphs = []
    for speech in re.findall(r'<rede id=.*?</rede>', xml, re.S):
        speaker = ''
        for klasse, p in re.findall(r'<p klasse="([^"]*)">(.*?)</p>', speech, re.S):
            words = html.unescape(re.sub(r'<[^>]+>', '', p)).strip()
            if klasse == 'redner':
                speaker = words.split('\n')[-1].strip() + ' '
            else:
                paragraphs.append(speaker + words)
                speaker = ''
    add('parliament', f'de-bundestag-{session}', '\n\n'.join(p for p in paragraphs if p) + '\n',
        f'Sentiments-of-Bundestag/Crawler:Implementation/Protokolle/Wahlperiode/19/{session}-data.xml@{head(BT)}',
        'no licence stated in repo; plenary record of the German Bundestag (an official work, § 5 UrhG), quoted for evaluation',
        f'Deutscher Bundestag, Plenarprotokoll {session[:2]}/{session[2:]}')

# The Green Software Foundation's podcast (round 3).
GSF = 'Green-Software-Foundation+podcast-transcripts'
for f in sorted(f for f in git(GSF, 'ls-tree', '--name-only', 'HEAD').split('\n') if f.startswith('episode-')) if ROUND == 3 else ():
    add('podcast', f"gsf-{f[:-3].lower()}", git(GSF, 'show', f'HEAD:{f}'), f'Green-Software-Foundation/podcast-transcripts:{f}@{head(GSF)}',
        'no licence stated in repo; transcript of the Environment Variables podcast, quoted for evaluation', f'Green Software Foundation podcast: {f}')

# The UK Covid-19 Inquiry's public hearings (round 4): statements of counsel and witnesses' evidence.
if ROUND == 4:
    mirrors.covid_hearings(MIRROR, rng, 12, 3, add)

# Canada's House of Commons, edited Hansard of the 36th Parliament (round 4), in English and in French: from the oral
# question period on, a sentence a line, a speaker's sentences joined into one paragraph.
CA = 'karlnapf+ds3_kernel_testing'
sittings = sorted({f[:-2] for f in git(CA, 'ls-tree', '-r', '--name-only', 'HEAD', 'transcripts/').split('\n') if f.endswith('.e')})
for sitting, (suffix, start) in zip(rng.sample(sittings, 2), (('e', 'ORAL QUESTION PERIOD'), ('f', 'QUESTIONS ORALES'))) if ROUND == 4 else ():
    raw = subprocess.run(['git', '-C', os.path.join(MIRROR, CA, 'repo'), 'show', f'HEAD:{sitting}.{suffix}'], capture_output=True, check=True).stdout
    name = f"ca-hansard-{os.path.basename(sitting).replace('hansard.', '').replace('.house.debates.', '-')}-{'en' if suffix == 'e' else 'fr'}"
    add('parliament', name, mirrors.aligned_hansard(raw, start), f'karlnapf/ds3_kernel_testing:{sitting}.{suffix}@{head(CA)}',
        "no licence stated in repo; edited Hansard of Canada's House of Commons, 36th Parliament (the Aligned Hansards' text), quoted for evaluation",
        f"Canada, House of Commons, edited Hansard: {os.path.basename(sitting)} ({'English' if suffix == 'e' else 'French'})")

mirrors.write_rows(OUT, 'held-out', rows)
print(len(rows), 'transcripts held out')
