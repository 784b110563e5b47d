"""Cue tables: words and phrases that mark a kind of message, per language, matched language-blind.

Both the question types (`question_cues/`: a question asks for a time, a count …) and the
conversation cues (`dialogue_cues/`: a greeting, a follow-up, a language request …) are tables of
this shape: one TSV per language, `category<TAB>cues`, cues comma-separated. Matching runs on folded
words (`index.analysis.words`: lower case, Latin diacritics off, Arabic letter forms unified); a
word ending in `*` matches any word it begins; a cue of several words matches them in a row, and a cue
written with `...` between two parts ("wurde ... erreicht") matches its second part up to `SPREAD_GAP` words
after its first.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from corpus.errors import CorpusError, read_text
from index.analysis import WORD, words

# Languages written in Latin letters without diacritics: a word typed with them is no word of theirs.
WRITTEN_WITHOUT_MARKS = frozenset({"en", "so"})


@dataclass(frozen=True)
class Cue:
    """A word sequence; a word ending in `*` matches any word it begins.

    `marks` holds each word's Latin diacritics ("när" -> "ä"): a word typed without them matches
    (residents drop them), a word typed with other ones does not ("når" is not "när"). A prefix's
    marks begin the word's ("osiąg*" matches "osiągnąć").
    """

    words: tuple[str, ...]
    marks: tuple[str, ...] = ()
    # a spread cue's second part, found a few words after `words` ("wurde das Ziel erreicht"); empty for most
    later: Cue | None = None

    def matches_at(self, tokens: list[str], i: int, marks: list[str] | None = None) -> bool:
        return self.end_at(tokens, i, marks) is not None

    def end_at(self, tokens: list[str], i: int, marks: list[str] | None = None) -> int | None:
        """Where the cue found at token `i` ends, or None when it is not found there."""
        n = len(self.words)
        if i + n > len(tokens):
            return None
        for k, cue in enumerate(self.words):  # a plain loop: most tries fail at the first word
            if not _match(cue, tokens[i + k]):
                return None
        if marks is not None and self.marks:
            for w, c, t in zip(self.words, self.marks, marks[i : i + n], strict=True):
                if c and t and not (t.startswith(c) if w.endswith("*") else c == t):  # a prefix: its own marks first
                    return None
        if self.later is None:
            return i + n
        for j in range(i + n, min(i + n + SPREAD_GAP, len(tokens)) + 1):
            end = self.later.end_at(tokens, j, marks)
            if end is not None:
                return end
        return None

    @property
    def all_words(self) -> tuple[str, ...]:
        """Its words, a spread cue's both parts."""
        return self.words if self.later is None else self.words + self.later.all_words

    def found_in(self, tokens: list[str]) -> bool:
        return any(self.matches_at(tokens, i) for i in range(len(tokens) - len(self.words) + 1))


@dataclass(frozen=True)
class Match:
    """A cue found in a text: its category, its table's language, and the tokens it covers."""

    category: str
    lang: str
    start: int
    end: int
    gap: int | None = None  # a word typed inside the cue, covered by it but no word of its ("nyt" in a Finnish cue)


def cue_words(text: str) -> list[str]:
    """Folded words of a cue, keeping a trailing `*` as the prefix mark."""
    out = []
    for raw in text.split():
        star = raw.endswith("*")
        folded = words(raw.rstrip("*"))
        if not folded:
            continue
        out.extend(folded[:-1])
        out.append(folded[-1] + ("*" if star else ""))
    return out


def latin_marks(word: str) -> str:
    """The Latin letters with diacritics in a word, in order ("målen" -> "å")."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFC", word.casefold())
        if not ch.isascii() and ord(ch) < 0x250 and unicodedata.decomposition(ch)
    )


def written_words(text: str) -> list[re.Match[str]] | None:
    """The words of a text as written (NFKC), aligned with `words(text)` (None when they do not align)."""
    found = list(WORD.finditer(unicodedata.normalize("NFKC", text)))
    return found if len(found) == len(words(text)) else None


def word_marks(text: str) -> list[str] | None:
    """`latin_marks` of each word of a text, aligned with `words(text)` (None when they do not align)."""
    written = written_words(text)
    return None if written is None else [latin_marks(w.group()) for w in written]


# A cue is a frozen value of its text, remembered: every load of the tables (each worker's start, each
# published version it follows) reads the same ~8,000 cues again.
@lru_cache(maxsize=1 << 14)
def make_cue(text: str) -> Cue | None:
    first, spread, rest = text.partition(SPREAD)
    if spread:
        head, tail = make_cue(first), make_cue(rest)
        return None if head is None or tail is None else replace(head, later=tail)
    folded = cue_words(text)
    if not folded:
        return None
    raw = [w.rstrip("*") for w in text.split() if words(w.rstrip("*"))]
    marks = tuple(latin_marks(w) for w in raw) if len(raw) == len(folded) else ()
    return Cue(tuple(folded), marks)


# A spread cue's parts: "wurde ... erreicht", "har ... nått"; its second part lies at most this many words
# after the first.
SPREAD = "..."
SPREAD_GAP = 6


# Ethiopic script writes a consonant and its vowel as one letter, in rows of eight (ሐ ሑ ሒ ሓ ሔ ሕ ሖ …):
# Tigrinya suffixes change the vowel of a stem's last letter ("ክበጽሕ", reach, in "ክበጽሖ", reach it).
_ETHIOPIC = range(0x1200, 0x1380)


def is_ethiopic(word: str) -> bool:
    """Whether a word is written in Ethiopic script (Tigrinya here)."""
    return bool(word) and ord(word[0]) in _ETHIOPIC


def _consonant(ch: str) -> str:
    """An Ethiopic letter's row (its consonant); any other character itself."""
    code = ord(ch)
    return chr(code - (code - 0x1200) % 8) if code in _ETHIOPIC else ch


def prefix_key(prefix: str) -> str:
    """How a prefix is looked up: its last Ethiopic letter by its consonant, whatever its vowel."""
    return prefix[:-1] + _consonant(prefix[-1]) if prefix else prefix


def _match(cue: str, token: str) -> bool:
    if not cue.endswith("*"):
        return token == cue
    stem = cue[:-1]
    return token.startswith(stem) or (
        len(token) >= len(stem) > 1
        and ord(stem[-1]) in _ETHIOPIC
        and prefix_key(token[: len(stem)]) == prefix_key(stem)
    )


Indexed = dict[str, list[tuple[str, str, Cue]]]
# a cue matched with one word typed inside it is as long as this at least, in a message as short as this at most
GAPPED_WORDS = 3
GAPPED_TOKENS = 16
# Arabic and Persian write "and" (و) joined to the next word: "ومن" is "and who".
CLITIC_AND = "و"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def split_clitics(tokens: list[str], whole: frozenset[str] = frozenset()) -> list[str]:
    """Tokens with a leading Arabic-script "و" (and) written apart, as cues are written; a word of `whole`
    stays as it is (Persian "وقت", time, of "وقت بخیر", good day, begins with the letter too)."""
    out: list[str] = []
    for token in tokens:
        if len(token) >= 3 and token.startswith(CLITIC_AND) and _ARABIC_LETTER.match(token) and token not in whole:
            out.extend((CLITIC_AND, token[1:]))
        else:
            out.append(token)
    return out


# Tigrinya writes "and" and "also" after the words they join: "ዕላማን" (and the goal), "ዕላማውን" (the goal too).
SUFFIXED_AND = "ን"
SUFFIXED_ANDS = ("ውን", SUFFIXED_AND)
# ... and "and what about …?" on the last word: "ኸ" ("ናይ ትምህርቲኸ?", and for education?), "ከ" after a consonant
# or on a borrowed word ("ናይ näringslivከ?")
WHAT_ABOUT_SUFFIXES = ("ኸ", "ከ")
MIN_SUFFIXED = 3


def without_suffixed_ands(tokens: list[str]) -> list[str]:
    """Tokens with Tigrinya's suffixed "and"/"also" cut off, as cues are written."""
    out = []
    for token in tokens:
        suffix = next((a for a in SUFFIXED_ANDS if token.endswith(a)), "")
        cut = suffix and is_ethiopic(token) and len(token) >= MIN_SUFFIXED + len(suffix)
        out.append(token[: -len(suffix)] if cut else token)
    return out


# A cue of one category inside a longer cue of another is part of it: "how many" in "how many years
# ago" asks no count, the whole asks a time ("скільки років", "ile lat", "چند سال"); Somali "qaateen"
# (they adopted) in "ka qayb qaateen" (they took part) asks no decision; Ukrainian "написано" (written) in "написано
# в" (written in) asks what a document says, not who published it.
NESTED_IN = {"count": "time", "decision": "origin", "published": "contents"}


def unnested(found: list[Match]) -> list[Match]:
    def inside(m: Match, o: Match) -> bool:
        longer = o.end - o.start > m.end - m.start
        return o.category == NESTED_IN.get(m.category) and o.start <= m.start <= m.end <= o.end and longer

    return [m for m in found if not any(inside(m, o) for o in found)]


@dataclass
class CueTable:
    """Cues per language and category."""

    by_lang: dict[str, dict[str, list[Cue]]] = field(default_factory=dict)

    @cached_property
    def _by_first_word(self) -> tuple[Indexed, Indexed]:
        """Every cue keyed by its first word: exact words, and prefixes (`word*`).

        Messages are matched on every request; looking up each of their words (and each word's
        prefixes) keeps that to microseconds where trying every cue took milliseconds.
        """
        exact: Indexed = {}
        prefix: Indexed = {}
        for lang, table in self.by_lang.items():
            for category, cues in table.items():
                for cue in cues:
                    first = cue.words[0]
                    if first.endswith("*"):
                        prefix.setdefault(prefix_key(first[:-1]), []).append((category, lang, cue))
                    else:
                        exact.setdefault(first, []).append((category, lang, cue))
        return exact, prefix

    def _candidates(self, token: str) -> list[tuple[str, str, Cue]]:
        """The cues a word may begin: those keyed by it, and the prefixes it begins with."""
        exact, prefix = self._by_first_word
        candidates = list(exact.get(token, ()))
        for k in range(1, len(token) + 1):
            candidates.extend(prefix.get(prefix_key(token[:k]), ()))
        return candidates

    def matches(
        self, tokens: list[str], categories: Iterable[str] | None = None, marks: list[str] | None = None
    ) -> list[Match]:
        """Every cue found in the folded tokens, in any language (optionally of some categories only).

        With `marks` (each token's Latin diacritics), a word typed with other diacritics than the
        cue's is no match ("når" for "när").
        """
        wanted = frozenset(categories) if categories is not None else None
        out = []
        for i, token in enumerate(tokens):
            for category, lang, cue in self._candidates(token):
                if wanted is None or category in wanted:
                    end = cue.end_at(tokens, i, marks)
                    if end is None:
                        continue
                    if lang in WRITTEN_WITHOUT_MARKS and marks is not None and any(marks[i:end]):
                        continue  # Meänkieli "meän" (our) is no English "mean"
                    out.append(Match(category, lang, i, end))
        return out

    def gapped_matches(
        self, tokens: list[str], categories: Iterable[str], marks: list[str] | None = None
    ) -> list[Match]:
        """Cues of `GAPPED_WORDS` words or more found with one word typed inside them: "puhunko nyt ihmisen vai koneen
        kanssa?" (am I talking to a human or a machine now?) is the cue without its "nyt" (now). A resident drops a
        particle into a phrase anywhere ("ju", "really", "sie"); the tables cannot list every place. Each match
        covers the inserted word too. Only for messages of at most `GAPPED_TOKENS` words: small talk is short.
        Each word's cues are looked up by it, as `matches` does, and tried with each inner word left out."""
        wanted = frozenset(categories)
        out: list[Match] = []
        if len(tokens) > GAPPED_TOKENS:
            return out
        for i, token in enumerate(tokens):
            for category, lang, cue in self._candidates(token):
                n = len(cue.words)
                if category not in wanted or cue.later is not None or n < GAPPED_WORDS or i + n >= len(tokens):
                    continue
                if not _match(cue.words[-1], tokens[i + n]):  # with a word inside, its last word lies one further
                    continue
                for gap in range(i + 1, i + n):
                    kept = tokens[i:gap] + tokens[gap + 1 : i + n + 1]
                    kept_marks = None if marks is None else marks[i:gap] + marks[gap + 1 : i + n + 1]
                    if cue.matches_at(kept, 0, kept_marks):
                        out.append(Match(category, lang, i, i + n + 1, gap=gap))
        return out

    def categories(self, text: str, languages: Iterable[str] | None = None) -> frozenset[str]:
        """The categories a text's cues belong to, in whatever language it is written (or only in
        the languages given: Arabic "أين", "where", folds to Persian "این", "this")."""
        tokens = words(text)
        found = unnested(self.matches(tokens, marks=word_marks(text)))
        split = split_clitics(tokens)
        if len(split) != len(tokens):
            found += unnested(self.matches(split))
        bare = without_suffixed_ands(tokens)
        if bare != tokens:
            found += unnested(self.matches(bare))
        allowed = frozenset(languages) if languages is not None else None
        return frozenset(m.category for m in found if allowed is None or m.lang in allowed)

    def cue_words(self, text: str) -> frozenset[str]:
        """The folded words of a text that its cues consist of ("paragraf" in "under vilken paragraf?")."""
        tokens = words(text)
        found = self.matches(tokens, marks=word_marks(text))
        cued = {tokens[i] for m in found for i in range(m.start, m.end)}
        split = split_clitics(tokens)
        if len(split) != len(tokens):
            # "ولأي سنوات هي؟" (and for which years is it?): its "ولأي" is the cue "لأي" after "و" (and)
            apart = {split[i] for m in self.matches(split) for i in range(m.start, m.end)}
            cued |= {t for t in tokens if t.startswith(CLITIC_AND) and t[1:] in apart}
        return frozenset(cued)

    def all_words(self) -> frozenset[str]:
        """Every word of every cue, folded; a prefix keeps its `*`."""
        tables = self.by_lang.values()
        return frozenset(w for table in tables for cues in table.values() for c in cues for w in c.all_words)

    def in_language(self, lang: str, category: str) -> list[Cue]:
        return self.by_lang.get(lang, {}).get(category, [])


def read_cue_file(path: Path, header: str, allowed: Iterable[str] | None = None) -> dict[str, list[Cue]]:
    """One language's cues; a malformed line or unknown category fails with its line number."""
    known = frozenset(allowed) if allowed is not None else None
    table: dict[str, list[Cue]] = {}
    with io.StringIO(read_text(path), newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(rows, None) != [header, "cues"]:
            raise CorpusError(f"{path}: first line must be '{header}<TAB>cues'")
        for n, row in enumerate(rows, 2):
            if not row:
                continue
            if len(row) != 2 or (known is not None and row[0] not in known):
                raise ValueError(
                    f"{path}:{n}: expected '<{header}><TAB><cues>'" + (f" with one of {sorted(known)}" if known else "")
                )
            cues = [cue for text in row[1].split(",") if (cue := make_cue(text)) is not None]
            table.setdefault(row[0], []).extend(cues)
    return table


def read_cue_dir(directory: Path, header: str, allowed: Iterable[str] | None = None) -> CueTable:
    if not directory.is_dir():
        return CueTable()
    return CueTable({p.stem: read_cue_file(p, header, allowed) for p in sorted(directory.glob("*.tsv"))})
