"""What the transcript collectors share (collect-transcripts.py, collect-held-out.py, collect-fresh.py,
collect-counted-hearings.py): reading a repository of the local mirrors (the search tool's `fetch`,
under /work/.mirror), cutting a transcript to a length at a paragraph's end, reading the formats
three of the repositories hold, and the transcripts a collector takes."""
import csv
import json
import functools
import os
import random
import re
import subprocess


def collector(argv, seed):
    """A collector's MIRROR_ROOT and OUT_DIR (its command line), its seeded random source, and `git`/`head` bound to the mirror."""
    mirror, out = argv[1], argv[2]
    return mirror, out, random.Random(seed), functools.partial(git, mirror), functools.partial(head, mirror)


def git(mirror, repo, *args):
    """`git ARGS` in the mirror of `repo` (`owner+name`), its output as text."""
    return subprocess.run(['git', '-C', os.path.join(mirror, repo, 'repo'), *args], capture_output=True, check=True).stdout.decode('utf-8')


def head(mirror, repo):
    return git(mirror, repo, 'rev-parse', 'HEAD').strip()


def cut(text, max_chars):
    """At most `max_chars`, cut at a paragraph's end."""
    if len(text) <= max_chars:
        return text
    end = text.rfind('\n\n', 0, max_chars)
    return text[: end if end > 0 else max_chars].rstrip() + '\n'


def rst_text(rst):
    """A UK Covid-19 Inquiry hearing in reStructuredText as plain paragraphs: headings' underlines, directives and emphasis marks left out."""
    lines = [line for line in rst.split('\n') if not re.match(r'^([=\-~^*#])\1{3,}\s*$', line) and not line.startswith('.. ')]
    text = re.sub(r'\*\*([^*]+)\*\*', r'\1', re.sub(r'(?<!\*)\*([^*]+)\*(?!\*)', r'\1', '\n'.join(lines)))
    return re.sub(r'\n{3,}', '\n\n', text).strip() + '\n'


def aligned_hansard(raw, start):
    """A sitting of Canada's Commons in the Aligned Hansards (a sentence a line) from `start` (the oral question period) on, a speaker's sentences joined into one paragraph."""
    body = raw.decode('latin-1').split(start)
    paragraphs = []
    for line in (start + start.join(body[2:]) if len(body) > 2 else body[-1]).split('\n'):
        line = line.strip()
        if not line:
            continue
        if line.endswith(':') or not paragraphs or line.isupper() or paragraphs[-1].isupper():
            paragraphs.append(line)
        else:
            paragraphs[-1] += ' ' + line
    return '\n\n'.join(paragraphs) + '\n'


def oyez_argument(json_text):
    """An oral argument as the Oyez JSON of walkerdb/supreme_court_transcripts holds it: its title and its turns, each
    `SPEAKER: words` (an empty list where the case has no transcript)."""
    data = json.loads(json_text)
    turns = [t for s in (data.get('transcript') or {}).get('sections', []) for t in s.get('turns', [])]
    lines = [f"{t['speaker']['name'].upper()}: {' '.join(b['text'] for b in t['text_blocks'])}"
             for t in turns if t.get('speaker') and t.get('text_blocks')]
    return (data.get('transcript') or {}).get('title') or data.get('title'), lines


UKC = 'c19witness+uk-covid19-inquiry'


def covid_hearings(mirror, rng, tried, wanted, add):
    """Up to `wanted` of `tried` hearings of the UK Covid-19 Inquiry drawn by `rng`, 8,000 characters long at least, each
    given to `add(family, name, text, source, licence, origin)`, which tells whether it took it."""
    hearings = [f for f in git(mirror, UKC, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n')
                if re.match(r'20\d\d-\d\d-\d\d_module-[^/]+/\d+_[^/]+\.rst$', f)]
    added = 0
    for f in rng.sample(sorted(hearings), tried):
        if added == wanted:
            break
        text = rst_text(git(mirror, UKC, 'show', f'HEAD:{f}'))
        if len(text) < 8000:
            continue
        name = 'uk-covid-inquiry-' + re.sub(r'[^a-z0-9]+', '-', f.split('/')[0].lower() + '-' + f.split('/')[1].split('_')[0])
        added += bool(add('court', name, text, f'c19witness/uk-covid19-inquiry:{f}@{head(mirror, UKC)}',
                          'no licence stated in repo; transcript of a public hearing of the UK Covid-19 Inquiry (covid19.public-inquiry.uk, '
                          'Crown copyright), quoted for evaluation', f'UK Covid-19 Inquiry hearing: {f}'))


class Collector:
    """The transcripts a collector takes into OUT_DIR: none whose file SOURCES.tsv lists already, nor any whose text
    the other sets or the families of test/eval/families hold (a sitting's record is held under several document ids),
    each cut to `max_chars`."""

    def __init__(self, out_dir, max_chars):
        self.max_chars = max_chars
        self.taken = {row['file'] for row in csv.DictReader(open(os.path.join(out_dir, 'SOURCES.tsv'), encoding='utf-8'), delimiter='\t')}
        families = os.path.join(os.path.dirname(os.path.abspath(out_dir)), 'families')
        self.seen = ''.join(open(os.path.join(d, f), encoding='utf-8').read() for root in (out_dir, families) for d, _, fs in os.walk(root)
                            for f in fs if f.endswith(('.txt', '.md')))
        self.rows = []

    def add(self, family, name, text, source, licence, origin):
        """Takes the transcript unless it was taken before; tells whether it took it."""
        sample = max(text.split('\n\n'), key=len)[:300]
        if f'{name}.txt' in self.taken or sample in self.seen:
            return False
        self.seen += text
        self.rows.append({'family': family, 'file': f'{name}.txt', 'text': cut(text, self.max_chars), 'source': source, 'licence': licence,
                          'origin': origin})
        return True


def adder(rows, max_chars):
    """A collector's `add(family, name, text, source, licence, origin)`: each transcript, cut to `max_chars`, appended to `rows`."""
    def add(family, name, text, source, licence, origin):
        rows.append({'family': family, 'file': f'{name}.txt', 'text': cut(text, max_chars), 'source': source, 'licence': licence, 'origin': origin})
    return add


def write_rows(out_dir, part, rows):
    """The collected transcripts into OUT_DIR/PART/FAMILY/FILE, and their rows appended to SOURCES.tsv, by family and file."""
    for r in rows:
        folder = os.path.join(out_dir, part, r['family'])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, r['file']), 'w', encoding='utf-8') as out:
            out.write(r['text'])
    with open(os.path.join(out_dir, 'SOURCES.tsv'), 'a', encoding='utf-8', newline='') as out:
        w = csv.writer(out, delimiter='\t', lineterminator='\n')
        for r in sorted(rows, key=lambda r: (r['family'], r['file'])):
            w.writerow([part, r['family'], r['file'], r['source'], r['licence'], r['origin']])
