"""What the transcript collectors share (collect-transcripts.py, collect-held-out.py): reading a
repository of the local mirrors (the search tool's `fetch`, under /work/.mirror), and cutting a
transcript to a length at a paragraph's end."""
import os
import subprocess


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
