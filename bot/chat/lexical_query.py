"""The question as the lexical channel matches it: less the words that name no topic of the page.

Every passage is the municipality's own, so "kommunens" in a question is no evidence for the
passages that happen to say "kommunen" (`owner_words.txt`); "how many" asks for a number, so
"monta" (many) is no evidence for the passage that says "många kulturer" (`quantity_words.txt`).
The dense channel still reads the whole question. A Swedish word borrowed into Meänkieli or Finnish
("inriktninkiä") is matched by the Swedish word it came from (`index/loans.py`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.chat.coverage import Coverage, function_words
from index.analysis import words

OWNER_WORDS_FILE = Path(__file__).with_name("owner_words.txt")
QUANTITY_WORDS_FILE = Path(__file__).with_name("quantity_words.txt")
PEOPLE_WORDS_FILE = Path(__file__).with_name("people_words.txt")


@lru_cache(maxsize=1)
def owner_words() -> frozenset[str]:
    return frozenset(function_words(OWNER_WORDS_FILE))


@lru_cache(maxsize=1)
def people_words() -> frozenset[str]:
    return frozenset(function_words(PEOPLE_WORDS_FILE))


@lru_cache(maxsize=1)
def quantity_words() -> frozenset[str]:
    return frozenset(function_words(QUANTITY_WORDS_FILE))


@lru_cache(maxsize=1)
def _idle_words() -> frozenset[str]:
    return owner_words() | quantity_words()


def lexical_query(text: str, vocabulary: Coverage | None = None) -> str:
    """The question's words, folded, less those naming the owner or a quantity; with `vocabulary`,
    each borrowed word followed by the Swedish word it reads as, and each word with a short word joined
    to it by the word the index has ("ባህሊኸ?": "ባህሊ")."""
    idle = _idle_words()
    out: list[str] = []
    for word in words(text):
        if word in idle:
            continue
        out.append(word)
        if vocabulary is None:
            continue
        out.extend(vocabulary.joined_forms(word))
        reading = vocabulary.loan_reading(word)
        if reading is not None:
            out.append(reading)
    return " ".join(out)
