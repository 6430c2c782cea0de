#!/usr/bin/env python3
"""Round 5 of the held-out transcripts, test/eval/organisations/fresh/ (the fresh round): transcripts that no earlier round, count or family
took, from sources whose licence allows redistribution, collected after the glossary was built and scored once, never
to be tuned on (README.md). Parliaments of the UK (Open Parliament Licence) and Germany (official works), the Supreme
Court of the United States (a federal court's record, an older repository than the earlier rounds'), Australian Prime
Ministers' press conferences and interviews of 2008-2022 (CC BY 3.0 AU) and the Software Engineering Unlocked podcast
(CC BY-SA 4.0). A file whose text the other sets or the families of test/eval/families hold is skipped.

Usage: python3 scripts/organisations/collect-fresh.py MIRROR_ROOT test/eval/organisations"""
import csv, functools, html, io, json, os, random, re, subprocess, sys

import mirrors

MIRROR, OUT = sys.argv[1], sys.argv[2]
MAX_CHARS = 14000
rng = random.Random(5019)
FAMILIES = os.path.join(os.path.dirname(os.path.abspath(OUT)), 'families')
taken = {row['file'] for row in csv.DictReader(open(os.path.join(OUT, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t')}
seen = ''.join(open(os.path.join(d, f), encoding='utf-8').read() for root in (OUT, FAMILIES) for d, _, fs in os.walk(root) for f in fs
               if f.endswith(('.txt', '.md')))
rows = []
git = functools.partial(mirrors.git, MIRROR)
head = functools.partial(mirrors.head, MIRROR)


def add(family, name, text, source, licence, origin):
    global seen
    sample = max(text.split('\n\n'), key=len)[:300]
    if f'{name}.txt' in taken or sample in seen:
        return False
    seen += text
    rows.append({'family': family, 'file': f'{name}.txt', 'text': mirrors.cut(text, MAX_CHARS), 'source': source, 'licence': licence, 'origin': origin})
    return True


def plain(fragment):
    return re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', fragment))).strip()


# UK Parliament (TheyWorkForYou's ParlParse XML of three sitting days the families did not take): speeches, a paragraph each.
TWFY = 'mysociety+theyworkforyou'
for path, name, origin in (('debates/debates2009-10-29a.xml', 'uk-commons-2009-10-29', 'House of Commons, 29 October 2009'),
                           ('lordspages/daylord2009-10-28a.xml', 'uk-lords-2009-10-28', 'House of Lords, 28 October 2009'),
                           ('sp/sp2009-10-28.xml', 'uk-scotparl-2009-10-28', 'Scottish Parliament, Official Report, 28 October 2009')):
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
    add('parliament', name, '\n\n'.join(paragraphs) + '\n', f'mysociety/theyworkforyou:uml-tests/parldata/scrapedxml/{path}@{head(TWFY)}',
        'Open Parliament Licence v3.0 (Parliamentary copyright; Scottish Parliament: Open Scottish Parliament Licence), via TheyWorkForYou',
        f'UK, {origin}')

# German Bundestag, plenary records of the 19th term the families did not take (official works, § 5 UrhG).
BZ, BZ_COMMIT = 'fbaierl+bundeszirkus-server', '549a63ba47803fe8161d112077f4ccb6322bd489'
sessions = [f for f in git(BZ, 'ls-tree', '-r', '--name-only', BZ_COMMIT, 'data/').split('\n') if re.match(r'data/19\d\d\d-data\.xml$', f)]
added = 0
for f in rng.sample(sorted(sessions), 6):
    if added == 2:
        break
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
    added += add('parliament', f'de-bundestag-{session}', '\n\n'.join(paragraphs) + '\n', f'fbaierl/bundeszirkus-server:{f}@{BZ_COMMIT}',
                 'official work of the German Bundestag (§ 5 UrhG, no copyright), via the Bundestag open-data XML',
                 f'Deutscher Bundestag, Plenarprotokoll {session[:2]}/{session[2:]}')

# Supreme Court of the United States, oral arguments of 2005-2013, terms no earlier round took (Oyez's turns).
SC = 'walkerdb+supreme_court_transcripts'
ARGUMENT = re.compile(r'oyez/cases/20(0[5-9]|1[0-3])\.[\w-]+-t01\.json$')
arguments = [f for f in git(SC, 'ls-tree', '-r', '--name-only', 'HEAD', 'oyez/cases/').split('\n') if ARGUMENT.match(f)]
added = 0
for f in rng.sample(sorted(arguments), 8):
    if added == 2:
        break
    data = json.loads(git(SC, 'show', f'HEAD:{f}'))
    turns = [t for s in (data.get('transcript') or {}).get('sections', []) for t in s.get('turns', [])]
    lines = [f"{t['speaker']['name'].upper()}: {' '.join(b['text'] for b in t['text_blocks'])}"
             for t in turns if t.get('speaker') and t.get('text_blocks')]
    if sum(map(len, lines)) < 8000:
        continue
    title = (data.get('transcript') or {}).get('title') or data.get('title')
    added += add('court', f'scotus-{os.path.basename(f)[:-5]}', f'{title}\n\n' + '\n\n'.join(lines) + '\n', f'walkerdb/supreme_court_transcripts:{f}@{head(SC)}',
                 'official transcript of an oral argument before the Supreme Court of the United States (a federal court record, public '
                 'domain), as Oyez publishes it; no licence stated in repo', f'US Supreme Court oral argument: {title}')

# Australian Prime Ministers' press conferences and interviews, 2008-2022 (CC BY 3.0 AU).
PM = 'wragge+pm-transcripts'
index = list(csv.DictReader(io.StringIO(git(PM, 'show', 'HEAD:index.csv'))))
# Since 2008 the index files press conferences as `Transcript`, their title telling what they were.
for family, kind, count in (('press-conference', 'Press Conference', 3), ('interview', 'Interview', 2)):
    pool = [r for r in index if r['date'] >= '2008' and f"au-pm-{r['id']}.txt" not in taken
            and (r['release_type'] == kind or r['release_type'] == 'Transcript' and kind.lower() in r['title'].lower())]
    added = 0
    for r in rng.sample(pool, count * 4):
        if added == count:
            break
        xml = git(PM, 'show', f"HEAD:transcripts/transcript-{r['id']}.xml")
        content = re.search(r'<content><!\[CDATA\[(.*)\]\]></content>', xml, re.S)
        if not content:
            continue
        paragraphs = [plain(p) for p in re.findall(r'<p>(.*?)</p>', content.group(1), re.S)]
        if sum(map(len, paragraphs)) < 6000:
            continue
        text = f"{r['title']}\n\n" + '\n\n'.join(p for p in paragraphs if p) + '\n'
        added += add(family, f"au-pm-{r['id']}", text, f"wragge/pm-transcripts:transcripts/transcript-{r['id']}.xml@{head(PM)}",
                     'CC BY 3.0 AU (Commonwealth of Australia, Department of the Prime Minister and Cabinet, per repo README)',
                     f"PM Transcripts: {r['pm']}, {kind.lower()}, {r['date']}: {r['title']}")

# The Software Engineering Unlocked podcast (CC BY-SA 4.0, repo LICENSE).
SE = 'mgreiler+se-unlocked'
episodes = [f for f in git(SE, 'ls-tree', '-r', '--name-only', 'HEAD', 'Transcripts/').split('\n') if f.endswith('.md')]
added = 0
for f in rng.sample(sorted(episodes), 6):
    if added == 2:
        break
    added += add('podcast', 'seunlocked-' + re.sub(r'[^a-z0-9]+', '-', os.path.basename(f)[:-3].lower()), git(SE, 'show', f'HEAD:{f}'),
                 f'mgreiler/se-unlocked:{f}@{head(SE)}', 'CC BY-SA 4.0 (repo LICENSE)', f'Software Engineering Unlocked podcast: {f}')

mirrors.write_rows(OUT, 'fresh', rows)
print(len(rows), 'transcripts in the fresh round')
