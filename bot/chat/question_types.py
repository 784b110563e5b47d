"""What kind of answer a question asks for, and which passages offer that kind of answer.

Classic answer-type matching, learned rather than hand-weighted: "when did the work start?"
wants a passage that states a time, "what does the vision mean?" one the page presents as an
interpretation, "how are the goals reached?" one under a "Hur …?" heading. Questions are typed
from cue words in every supported language (`bot/chat/question_cues/<lang>.tsv`, matched
language-blind); passages from their headings and labels (with the cues of the document's
language) and, for times and counts, from what their text states. The ranker gets one feature
per type that is 1 when the question asks for it and the passage offers it, and learns from the
training questions how much each is worth.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from corpus.errors import CorpusError, read_text
from corpus.model import Chunk
from index.analysis import words

INTENTS = ("time", "count", "manner", "meaning", "goal", "reason")
DEFAULT_CUES_DIR = Path(__file__).with_name("question_cues")

# What a passage's own text can state, per document language: times (years, dates, month
# names) and counts (numerals, number words). A document in another language needs its entry.
_YEAR_OR_DATE = re.compile(r"\b(?:1[89]|20)\d\d(?:-\d\d-\d\d)?\b")
_NUMERAL = re.compile(r"\b\d+\b")
MONTHS = {
    "sv": frozenset(words("januari februari mars april maj juni juli augusti september oktober november december")),
}
NUMBER_WORDS = {
    "sv": frozenset(
        words(
            "två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton tjugo trettio "
            "hundra tusen miljon miljoner"
        )
    ),
}


@dataclass(frozen=True)
class Cue:
    """A word sequence; a word ending in `*` matches any word it begins."""

    words: tuple[str, ...]

    def matches_at(self, tokens: list[str], i: int) -> bool:
        n = len(self.words)
        return i + n <= len(tokens) and all(_match(c, t) for c, t in zip(self.words, tokens[i : i + n], strict=True))

    def found_in(self, tokens: list[str]) -> bool:
        return any(self.matches_at(tokens, i) for i in range(len(tokens)))


def _cue_words(text: str) -> list[str]:
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


def _match(cue: str, token: str) -> bool:
    return token.startswith(cue[:-1]) if cue.endswith("*") else token == cue


@dataclass
class QuestionCues:
    """Cue words per language and intent."""

    by_lang: dict[str, dict[str, list[Cue]]] = field(default_factory=dict)

    @cached_property
    def _by_first_word(self) -> tuple[dict[str, list[tuple[str, Cue]]], dict[str, list[tuple[str, Cue]]]]:
        """Every language's cues keyed by their first word: exact words, and prefixes (`word*`).

        A question is typed on every request; looking up each of its words (and each word's
        prefixes) keeps that to microseconds where trying all ~1,300 cues took milliseconds.
        """
        exact: dict[str, list[tuple[str, Cue]]] = {}
        prefix: dict[str, list[tuple[str, Cue]]] = {}
        for table in self.by_lang.values():
            for intent, cues in table.items():
                for cue in cues:
                    first = cue.words[0]
                    if first.endswith("*"):
                        prefix.setdefault(first[:-1], []).append((intent, cue))
                    else:
                        exact.setdefault(first, []).append((intent, cue))
        return exact, prefix

    def question_intents(self, question: str) -> frozenset[str]:
        """The answer types a question asks for, in whatever language it is written."""
        exact, prefix = self._by_first_word
        tokens = words(question)
        found: set[str] = set()
        for i, token in enumerate(tokens):
            candidates = list(exact.get(token, ()))
            for k in range(1, len(token) + 1):
                candidates.extend(prefix.get(token[:k], ()))
            found.update(intent for intent, cue in candidates if intent not in found and cue.matches_at(tokens, i))
        return frozenset(found)

    def chunk_offers(self, chunk: Chunk, language: str) -> frozenset[str]:
        """The answer types a passage offers: its signposts typed by its language's cues, and
        the times and counts its text states."""
        signposts = words(" ".join((*chunk.heading_path, *_labels(chunk))))
        table = self.by_lang.get(language, {})
        # Times and counts are what a text states, not what it is titled.
        offers = {i for i, cues in table.items() if i not in STATED and any(c.found_in(signposts) for c in cues)}
        return frozenset(offers) | stated_types(chunk.text, language)


# The answer types a text states rather than is titled with.
STATED = ("time", "count")


def stated_types(text: str, language: str) -> frozenset[str]:
    """Whether a text states a time (a year, a date, a month) or a count (a numeral, a number word)."""
    text_words = set(words(text))
    out = set()
    if _YEAR_OR_DATE.search(text) or text_words & MONTHS.get(language, frozenset()):
        out.add("time")
    if _NUMERAL.search(_YEAR_OR_DATE.sub(" ", text)) or text_words & NUMBER_WORDS.get(language, frozenset()):
        out.add("count")
    return frozenset(out)


def _labels(chunk: Chunk) -> list[str]:
    """The labels a passage's lines start with ("Mål: …" -> "Mål")."""
    return [line.split(":", 1)[0] for line in chunk.text.splitlines() if ":" in line[:40]]


def read_cue_file(path: Path) -> dict[str, list[Cue]]:
    """One language's cues; a malformed line or unknown intent fails with its line number."""
    table: dict[str, list[Cue]] = {}
    with io.StringIO(read_text(path), newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(rows, None) != ["intent", "cues"]:
            raise CorpusError(f"{path}: first line must be 'intent<TAB>cues'")
        for n, row in enumerate(rows, 2):
            if not row:
                continue
            if len(row) != 2 or row[0] not in INTENTS:
                raise CorpusError(f"{path}:{n}: expected '<intent><TAB><cues>' with an intent of {INTENTS}")
            cues = [Cue(tuple(ws)) for text in row[1].split(",") if (ws := _cue_words(text))]
            table.setdefault(row[0], []).extend(cues)
    return table


def load_question_cues(directory: Path = DEFAULT_CUES_DIR) -> QuestionCues:
    if not directory.is_dir():
        return QuestionCues()
    return QuestionCues({p.stem: read_cue_file(p) for p in sorted(directory.glob("*.tsv"))})
