"""Which section a question names by its heading and nothing else.

"Vad står det i visionen?", "co jest napisane w wizji", "Kerro visiosta" ask for the text under
"Vår vision". The ranker alone put "Hur når vi visionen?" first: its heading and its sentence "med
stöd i visionen" match the word "visionen" as written, while the vision's own sentences never use it.
A heading that asks something itself ("Hur når vi visionen?" asks how) is named only by a question
asking that, which the ranker's types already weigh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.chat.question_types import QuestionCues
from bot.chat.word_kin import kin
from corpus.model import Corpus
from index.analysis import stems

Words = tuple[tuple[str, frozenset[str]], ...]  # per word: as written, and its stems

# The passages a heading of its own introduces; a labelled item of a list is named by `Understander._named_item`.
SECTION_KINDS = frozenset({"adopted", "lead", "prose"})


@dataclass(frozen=True)
class SectionNames:
    """Per section (by chunk id), its heading's naming words with their stems, in Swedish and in each
    translation."""

    headings: dict[str, tuple[Words, ...]]

    @classmethod
    def of(
        cls,
        corpus: Corpus,
        names: dict[str, dict[str, str]],
        naming: Callable[[str], list[str]],
        cues: QuestionCues,
    ) -> SectionNames:
        """`names`: language -> Swedish text -> its translation; `naming`: the words of a text that may name
        something (not the owner, nor a word half the passages use)."""
        headings: dict[str, tuple[Words, ...]] = {}
        for chunk in corpus.chunks():
            if chunk.kind not in SECTION_KINDS or not chunk.heading_path:
                continue
            heading = chunk.heading_path[-1]
            if cues.question_intents(heading):  # "Hur når vi visionen?" asks how: not a name alone
                continue
            texts = [heading, *(table[heading] for table in names.values() if heading in table)]
            forms = (_forms(naming(text)) for text in texts)
            headings[chunk.id] = tuple(f for f in forms if f)
        return cls({cid: words for cid, words in headings.items() if words})

    def named(self, words: Iterable[str]) -> str | None:
        """The one section whose heading, in some language, the words name whole and nothing besides."""
        asked = _forms(words)
        if not asked:
            return None
        found = [cid for cid, texts in self.headings.items() if any(_names_whole(asked, t) for t in texts)]
        return found[0] if len(found) == 1 else None


def _forms(words: Iterable[str]) -> Words:
    """Each word as written, and its stems."""
    return tuple((w, frozenset(stems([w], None)) | {w}) for w in dict.fromkeys(words))


def _one(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """One word, bent ("visionen", "wizji"), not a compound of it: "visiohankkeen" names a project, though
    Finnish stems it "visiohank" and "vision" "visio"."""
    (x, x_stems), (y, y_stems) = a, b
    return bool(x_stems & y_stems) or (kin(x, y) and 2 * min(len(x), len(y)) >= max(len(x), len(y)))


def _names_whole(asked: Words, heading: Words) -> bool:
    """Every word asked is a word of the heading, and every word of the heading is asked."""
    return all(any(_one(q, h) for h in heading) for q in asked) and all(any(_one(q, h) for q in asked) for h in heading)
