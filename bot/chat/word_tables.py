"""Small per-language word lists the reading of a question looks for: "all" (`all_words.tsv`), "page"
(`page_words.tsv`), "which" (`which_words.tsv`), "wrote" (`writing_words.tsv`), the numbers two to twelve
(`cardinal_words.tsv`), the resident's own questions and matters an ordinal may count ("toinen asia", another
thing: `discourse_words.tsv`), words saying a text mentions something ("står det något om", "mainitaanko":
`mention_words.tsv`), the word "language" ("which languages can you answer in?": `language_words.tsv`), "there
are" ("vilka inriktningar finns det?": `existential_words.tsv`), words opening a restatement ("eli", "alltså",
"i.e.": `apposition_words.tsv`), and the names of towns, municipalities and bodies the page does not name
(`not_named.tsv`, a row per script, one of bodies, and one of events: the town's move and its demolitions; a name is
the same word in every language written in it, and its endings vary, hence prefixes).

A TSV per list, `lang<TAB>cues`, read and matched as the cue tables are (`bot.chat.cues`), in the languages a
message may be written in: Swedish "alla" (all) is Finnish "under" ("paragraafin alla"). Written from the
languages' grammar, not from any question set.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path

from bot.chat.cues import Cue, CueTable, Match, read_cue_file
from index.analysis import words

ALL_WORDS_FILE = Path(__file__).with_name("all_words.tsv")
PAGE_WORDS_FILE = Path(__file__).with_name("page_words.tsv")
NOT_NAMED_FILE = Path(__file__).with_name("not_named.tsv")
WHICH_WORDS_FILE = Path(__file__).with_name("which_words.tsv")
CARDINAL_WORDS_FILE = Path(__file__).with_name("cardinal_words.tsv")
WRITING_WORDS_FILE = Path(__file__).with_name("writing_words.tsv")
DISCOURSE_WORDS_FILE = Path(__file__).with_name("discourse_words.tsv")
MENTION_WORDS_FILE = Path(__file__).with_name("mention_words.tsv")
APPOSITION_WORDS_FILE = Path(__file__).with_name("apposition_words.tsv")
LANGUAGE_WORDS_FILE = Path(__file__).with_name("language_words.tsv")
EXISTENTIAL_WORDS_FILE = Path(__file__).with_name("existential_words.tsv")


@lru_cache(maxsize=4)
def word_table(path: Path) -> dict[str, list[Cue]]:
    """The list's words per language."""
    return read_cue_file(path, "lang")


@lru_cache(maxsize=16)
def _indexed(path: Path) -> CueTable:
    """The list as a cue table of one category, whose index by first word finds a message's cues in
    microseconds: trying each of a list's ~1,000 cues at each word took milliseconds a message."""
    return CueTable({lang: {"word": cues} for lang, cues in word_table(path).items()})


def says(text: str, path: Path, langs: Sequence[str] | None = None) -> bool:
    """Whether a text uses a word of the list in a language it may be written in (any, without `langs`)."""
    found = _indexed(path).matches(words(text))
    return any(langs is None or m.lang in langs for m in found)


def restates(text: str, langs: Sequence[str] | None = None) -> bool:
    """Whether a piece of a question opens with a word that says it restates the piece before ("…, eli mitä kunta
    tavoittelee?", that is, what does the municipality aim for?): the same question in other words, no part of its
    own."""
    found = _indexed(APPOSITION_WORDS_FILE).matches(words(text))
    return any(m.start == 0 and (langs is None or m.lang in langs) for m in found)


def discourse_words(tokens: Sequence[str], langs: Collection[str] | None = None) -> list[Match]:
    """Where a message's words name the resident's own questions or matters ("toinen asia", another thing;
    "second question"), which an ordinal beside them counts."""
    return [m for m in _indexed(DISCOURSE_WORDS_FILE).matches(list(tokens)) if langs is None or m.lang in langs]
