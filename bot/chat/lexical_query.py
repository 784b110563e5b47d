"""The words that name the page's owner, left out of a question's lexical match.

Every passage is the municipality's own, so "kommunens" in a question is no evidence for the
passages that happen to say "kommunen" (see `owner_words.txt`, which also says why the dense
channel still reads them).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.chat.coverage import function_words
from index.analysis import words

OWNER_WORDS_FILE = Path(__file__).with_name("owner_words.txt")


@lru_cache(maxsize=1)
def owner_words() -> frozenset[str]:
    return frozenset(function_words(OWNER_WORDS_FILE))


def without_owner(text: str) -> str:
    """The question's words, folded, less those naming the owner: what the lexical channel matches."""
    owner = owner_words()
    return " ".join(w for w in words(text) if w not in owner)
