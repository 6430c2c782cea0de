#!/usr/bin/env python3
"""Round 5 of the held-out transcripts, test/eval/organisations/fresh/ (the fresh round): transcripts that no earlier
round, count or family took, from sources whose licence allows redistribution, collected after the glossary was built,
scored once and never to be tuned on (README.md). First batch: sittings of the UK Parliament (Open Parliament Licence)
and the German Bundestag (official works), the Supreme Court of the United States (a federal court's record; terms the
earlier rounds did not take), Australian Prime Ministers' press conferences and interviews since 2008 (CC BY 3.0 AU) and
the Software Engineering Unlocked podcast (CC BY-SA 4.0). Second batch, drawn after the first's candidates were counted
(about 190 organisation mentions, short of the 300 wanted) and before any truth of its own was written: more sittings of
the UK Parliament and the Northern Ireland Assembly, New Zealand's House (MIT), a third Bundestag sitting and two more
Australian press conferences. Third batch, drawn when the second's candidates still came short of 300 mentions (about
290, labels included), before any truth of its own: two more sittings of Westminster Hall and a Prime Minister's
interview. A file whose text the other sets or the families of test/eval/families hold is skipped.

Usage: python3 scripts/organisations/collect-fresh.py MIRROR_ROOT test/eval/organisations first-batch|second-batch|third-batch"""
import csv, functools, html, io, os, random, re, subprocess, sys

import mirrors

MIRROR, OUT, BATCH = sys.argv[1], sys.argv[2], sys.argv[3]
MAX_CHARS = 14000
rng = random.Random({'first-batch': 5019, 'second-batch': 5020, 'third-batch': 5021}[BATCH])
collector = mirrors.Collector(OUT, MAX_CHARS)
taken, rows, add = collector.taken, collector.rows, collector.add
git = functools.partial(mirrors.git, MIRROR)
head = functools.partial(mirrors.head, MIRROR)


def plain(fragment):
    return re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', fragment))).strip()


TWFY = 'mysociety+theyworkforyou'
WESTMINSTER_HALL = 'House of Commons, Westminster Hall'


LICENCE = {'Commons': 'Open Parliament Licence v3.0 (Parliamentary copyright), via TheyWorkForYou',
           'Scottish': 'Open Scottish Parliament Licence (Scottish Parliamentary Corporate Body copyright), via TheyWorkForYou',
           'Northern Ireland': 'Open Northern Ireland Assembly Licence (Assembly copyright), via TheyWorkForYou'}


def uk_sitting(path, name, origin):
    """A sitting in TheyWorkForYou's ParlParse XML: its speeches, a paragraph each."""
    raw = subprocess.run(['git', '-C', os.path.join(MIRROR, TWFY, 'repo'), 'show', f'HEAD:uml-tests/parldata/scrapedxml/{path}'],
                         capture_output=True, check=True).stdout
    xml = raw.decode('iso-8859-1' if b'encoding="ISO-8859-1"' in raw[:200] else 'utf-8')
    paragraphs = []
    for attributes, body in re.findall(r'<speech ([^>]*)>(.*?)</speech>', xml, re.S):
        speaker = re.search(r'speakername="([^"]*)"', attributes)
        words = ' '.join(plain(p) for p in re.findall(r'<p[^>]*>(.*?)</p>', body, re.S))
        # A speech without a speaker is the record's procedure (motions deferred, the sitting's time); `Hon. Members: Object.` likewise.
        if words and speaker and speaker.group(1) != 'Hon. Members':
            paragraphs.append(f'{html.unescape(speaker.group(1))}: {words}')
    return add('parliament', name, '\n\n'.join(paragraphs) + '\n', f'mysociety/theyworkforyou:uml-tests/parldata/scrapedxml/{path}@{head(TWFY)}',
               next(v for k, v in LICENCE.items() if k in origin or k == 'Commons' and 'Lords' in origin), f'UK, {origin}')


BZ, BZ_COMMIT = 'fbaierl+bundeszirkus-server', '549a63ba47803fe8161d112077f4ccb6322bd489'
sessions = [f for f in git(BZ, 'ls-tree', '-r', '--name-only', BZ_COMMIT, 'data/').split('\n') if re.match(r'data/19\d\d\d-data\.xml$', f)]


def bundestag_sitting(f):
    """A plenary record of the Bundestag's open-data XML: its speeches' paragraphs, the first after its speaker's name and role."""
    xml = git(BZ, 'show', f'{BZ_COMMIT}:{f}')
    paragraphs = []
    for speech in re.findall(r'<rede id=.*?</rede>', xml, re.S):
        speaker = ''
        for klasse, p in re.findall(r'<p klasse="([^"]*)">(.*?)</p>', speech, re.S):
            if klasse == 'redner':  # the speaker's name and role as the record prints them, after the tagged parts
                speaker = plain(re.sub(r'<redner.*?</redner>', '', p, flags=re.S)) + ' '
                continue
            words = plain(p)
            if words:
                paragraphs.append(speaker + words)
                speaker = ''
    session = os.path.basename(f)[:5]
    return add('parliament', f'de-bundestag-{session}', '\n\n'.join(paragraphs) + '\n', f'fbaierl/bundeszirkus-server:{f}@{BZ_COMMIT}',
               'official work of the German Bundestag (§ 5 UrhG, no copyright), via the Bundestag open-data XML',
               f'Deutscher Bundestag, Plenarprotokoll {session[:2]}/{session[2:]}')


PM = 'wragge+pm-transcripts'
index = list(csv.DictReader(io.StringIO(git(PM, 'show', 'HEAD:index.csv'))))


def pm_pool(kind):
    """Since 2008 the index files press conferences as `Transcript`, their title telling what they were."""
    return [r for r in index if r['date'] >= '2008' and f"au-pm-{r['id']}.txt" not in taken
            and (r['release_type'] == kind or r['release_type'] == 'Transcript' and kind.lower() in r['title'].lower())]


def pm_transcript(family, kind, r):
    xml = git(PM, 'show', f"HEAD:transcripts/transcript-{r['id']}.xml")
    content = re.search(r'<content><!\[CDATA\[(.*)\]\]></content>', xml, re.S)
    if not content:
        return False
    paragraphs = [plain(p) for p in re.findall(r'<p>(.*?)</p>', content.group(1), re.S)]
    if sum(map(len, paragraphs)) < 6000:
        return False
    text = f"{r['title']}\n\n" + '\n\n'.join(p for p in paragraphs if p) + '\n'
    return add(family, f"au-pm-{r['id']}", text, f"wragge/pm-transcripts:transcripts/transcript-{r['id']}.xml@{head(PM)}",
               'CC BY 3.0 AU (Commonwealth of Australia, Department of the Prime Minister and Cabinet, per repo README)',
               f"PM Transcripts: {r['pm']}, {kind.lower()}, {r['date']}: {r['title']}")


def first_batch():
    for path, name, origin in (('debates/debates2009-10-29a.xml', 'uk-commons-2009-10-29', 'House of Commons, 29 October 2009'),
                               ('lordspages/daylord2009-10-28a.xml', 'uk-lords-2009-10-28', 'House of Lords, 28 October 2009'),
                               ('sp/sp2009-10-28.xml', 'uk-scotparl-2009-10-28', 'Scottish Parliament, Official Report, 28 October 2009')):
        uk_sitting(path, name, origin)
    added = 0
    for f in rng.sample(sorted(sessions), 6):
        if added == 2:
            break
        added += bundestag_sitting(f)
    # Supreme Court of the United States, oral arguments of 2005-2013, terms no earlier round took (Oyez's turns).
    SC = 'walkerdb+supreme_court_transcripts'
    argument = re.compile(r'oyez/cases/20(0[5-9]|1[0-3])\.[\w-]+-t01\.json$')
    arguments = [f for f in git(SC, 'ls-tree', '-r', '--name-only', 'HEAD', 'oyez/cases/').split('\n') if argument.match(f)]
    added = 0
    for f in rng.sample(sorted(arguments), 8):
        if added == 2:
            break
        title, lines = mirrors.oyez_argument(git(SC, 'show', f'HEAD:{f}'))
        if sum(map(len, lines)) < 8000:
            continue
        added += add('court', f'scotus-{os.path.basename(f)[:-5]}', f'{title}\n\n' + '\n\n'.join(lines) + '\n',
                     f'walkerdb/supreme_court_transcripts:{f}@{head(SC)}',
                     'official transcript of an oral argument before the Supreme Court of the United States (a federal court record, public '
                     'domain), as Oyez publishes it; no licence stated in repo', f'US Supreme Court oral argument: {title}')
    for family, kind, count in (('press-conference', 'Press Conference', 3), ('interview', 'Interview', 2)):
        added = 0
        for r in rng.sample(pm_pool(kind), count * 4):
            if added == count:
                break
            added += pm_transcript(family, kind, r)
    SE = 'mgreiler+se-unlocked'
    episodes = [f for f in git(SE, 'ls-tree', '-r', '--name-only', 'HEAD', 'Transcripts/').split('\n') if f.endswith('.md')]
    added = 0
    for f in rng.sample(sorted(episodes), 6):
        if added == 2:
            break
        added += add('podcast', 'seunlocked-' + re.sub(r'[^a-z0-9]+', '-', os.path.basename(f)[:-3].lower()), git(SE, 'show', f'HEAD:{f}'),
                     f'mgreiler/se-unlocked:{f}@{head(SE)}', 'CC BY-SA 4.0 (repo LICENSE)', f'Software Engineering Unlocked podcast: {f}')


def second_batch():
    for path, name, origin in (('westminhall/westminster2009-10-28a.xml', 'uk-westminster-hall-2009-10-28', f'{WESTMINSTER_HALL}, 28 October 2009'),
                               ('debates/debates2009-10-27d.xml', 'uk-commons-2009-10-27', 'House of Commons, 27 October 2009'),
                               ('ni/ni2009-10-13.xml', 'uk-ni-assembly-2009-10-13', 'Northern Ireland Assembly, 13 October 2009')):
        uk_sitting(path, name, origin)
    # New Zealand's House of Representatives: the longest sitting documents no earlier round took.
    NZ = 'edithatogo+corpus-nz-hansard'
    by_document = {}
    for t in csv.DictReader(io.StringIO(git(NZ, 'show', 'HEAD:derived/validated_speech_turns/speech_turn_review_queue.csv'))):
        by_document.setdefault(t['parliament_document_id'], []).append(t)
    added = 0
    for document, items in sorted(by_document.items(), key=lambda kv: -sum(len(t['speech_text']) for t in kv[1])):
        if added == 2:
            break
        items.sort(key=lambda t: int(t['turn_index']))
        text = f"{items[0]['title']}\n\n" + '\n\n'.join(f"{t['speaker_candidate']}: {t['speech_text']}" for t in items) + '\n'
        added += add('parliament', f'nz-{document.lower()}', text,
                     f'edithatogo/corpus-nz-hansard:derived/validated_speech_turns/speech_turn_review_queue.csv@{head(NZ)} (document {document})',
                     'MIT (repo LICENSE); New Zealand Hansard text', f"New Zealand Parliament, {items[0]['document_type']}: {items[0]['title']}")
    for f in rng.sample(sorted(sessions), 6):
        if bundestag_sitting(f):
            break
    added = 0
    for r in rng.sample(pm_pool('Press Conference'), 8):
        if added == 2:
            break
        added += pm_transcript('press-conference', 'Press Conference', r)


def third_batch():
    for path, name, origin in (('westminhall/westminster2009-10-27a.xml', 'uk-westminster-hall-2009-10-27', f'{WESTMINSTER_HALL}, 27 October 2009'),
                               ('westminhall/westminster2009-10-29a.xml', 'uk-westminster-hall-2009-10-29', f'{WESTMINSTER_HALL}, 29 October 2009')):
        uk_sitting(path, name, origin)
    added = 0
    for r in rng.sample(pm_pool('Interview'), 8):
        if added == 1:
            break
        added += pm_transcript('interview', 'Interview', r)


{'first-batch': first_batch, 'second-batch': second_batch, 'third-batch': third_batch}[BATCH]()
mirrors.write_rows(OUT, 'fresh', rows)
print(len(rows), 'transcripts added to the fresh round')
