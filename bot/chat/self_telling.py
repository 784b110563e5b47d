"""Whether a message tells of its writer ("Olen Pekka ja asun keskustassa", I'm Pekka and live in the centre)
rather than states a need ("Ich suche eine Wohnung", I'm looking for a flat).

A resident often opens a chat by saying who they are, with no greeting word and nothing asked: small talk to
return with a greeting. The same first person stating a need asks for a service the page does not offer, and
is refused. The two lists are written from the languages' grammar (`telling_words.txt`, `wanting_words.txt`):
word forms, or phrases of up to three words where one word does not say the first person ("i live").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from index.analysis import words

TELLING_FILE = Path(__file__).with_name("telling_words.txt")
WANTING_FILE = Path(__file__).with_name("wanting_words.txt")
LONGEST = 3


@lru_cache(maxsize=2)
def _phrases(path: Path) -> frozenset[tuple[str, ...]]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(tuple(words(line)) for line in lines if words(line))


def _says(tokens: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(tokens[i : i + n]) in phrases for n in range(1, LONGEST + 1) for i in range(len(tokens) - n + 1))


def states_a_need(text: str) -> bool:
    """The writer states a need, a wish or a search in the first person ("Я шукаю роботу", I'm looking for work)."""
    return _says(words(text), _phrases(WANTING_FILE))


def tells_of_oneself(text: str) -> bool:
    """The writer tells of their life in the first person, and states no need or wish."""
    return _says(words(text), _phrases(TELLING_FILE)) and not states_a_need(text)
