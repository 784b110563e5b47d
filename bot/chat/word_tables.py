"""Small per-language word lists the reading of a question looks for: "all" (`all_words.tsv`), "page"
(`page_words.tsv`).

A TSV per list, `lang<TAB>words`, words comma-separated, matched as whole folded words in the
languages a message may be written in: Swedish "alla" (all) is Finnish "under" ("paragraafin alla").
Written from the languages' grammar, not from any question set.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from index.analysis import fold, words

ALL_WORDS_FILE = Path(__file__).with_name("all_words.tsv")
PAGE_WORDS_FILE = Path(__file__).with_name("page_words.tsv")


@lru_cache(maxsize=4)
def word_table(path: Path) -> dict[str, frozenset[str]]:
    """The list's words per language, folded as questions are."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip())
    return {lang: frozenset(fold(w.strip()) for w in listed.split(",") if w.strip()) for lang, listed in rows}


def says(text: str, path: Path, langs: Sequence[str]) -> bool:
    """Whether a text uses a word of the list in a language it may be written in."""
    said = set(words(text))
    table = word_table(path)
    return any(not said.isdisjoint(table.get(lang, frozenset())) for lang in langs)
