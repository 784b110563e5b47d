"""The translatable units of the corpus: every answerable sentence and every heading.

Curated translations are keyed by these Swedish texts, so a translation follows its
sentence wherever the sentence moves and goes stale when the sentence is edited.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Corpus


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # "sentence" or "heading"
    locations: tuple[str, ...]


def corpus_segments(corpus: Corpus) -> list[Segment]:
    """Unique segments in document order, each with where it stands."""
    found: dict[str, tuple[str, list[str]]] = {}

    def add(text: str, kind: str, where: str) -> None:
        entry = found.setdefault(text, (kind, []))
        if where not in entry[1]:
            entry[1].append(where)

    for doc in corpus.documents:
        add(doc.meta.title, "heading", f"{doc.meta.id}#title")
        for chunk in doc.chunks:
            for element in chunk.heading_path:
                add(element, "heading", chunk.id)
            for sentence in chunk.sentences:
                add(sentence.text, "sentence", sentence.id)
    return [Segment(text, kind, tuple(where)) for text, (kind, where) in found.items()]
