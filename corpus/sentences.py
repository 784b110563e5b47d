"""Swedish sentence segmentation with character offsets.

Quotes are built from whole sentences, so boundaries must be right for the
municipality's prose: abbreviations such as "bl.a." or "t.ex." and numbers such as
"Kiruna 2.0" must not end a sentence.
"""

from __future__ import annotations

import re

# Abbreviations that end with a dot but rarely end a sentence (lower-cased, without the final dot).
_ABBREVIATIONS = frozenset(
    {
        "bl.a",
        "t.ex",
        "m.m",
        "mm",
        "osv",
        "ca",
        "resp",
        "dvs",
        "s.k",
        "o.s.v",
        "fr.o.m",
        "t.o.m",
        "kl",
        "nr",
        "jfr",
        "e.d",
        "d.v.s",
        "p.g.a",
        "pga",
        "st",
        "tel",
        "f.d",
        "etc",
        "bla",
        "tex",
    }
)
# A boundary: terminal punctuation, optional closing quote or bracket, whitespace, then a
# capital letter, a digit, an opening quote or bracket, or a dash.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'»”)]*\s+(?=[\"'«“(–\-\d\w])")


def _ends_with_abbreviation(text: str) -> bool:
    words = text.rstrip().split()
    if not words:
        return False
    last = words[-1].lower().rstrip(".")
    return last in _ABBREVIATIONS


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Return `(start, end)` spans of the sentences of one line of cleaned text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        following = line[match.end() : match.end() + 1]
        if _ends_with_abbreviation(line[start : match.start()]) or following.islower():
            continue
        # the sentence keeps its closing quotes or brackets, not the whitespace after them
        spans.append((start, start + len(line[start : match.end()].rstrip())))
        start = match.end()
    if line[start:].strip():
        spans.append((start, len(line.rstrip())))
    return spans
