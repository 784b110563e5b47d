"""What changed between two versions of a document, sentence by sentence.

Before publishing, staff see which sentences were added, removed or reworded: those are what
answers will quote differently, whose translations go stale, and which eval cases and logged
answers pointed at. A sentence is the unit because it is what the bot quotes and translates.
A sentence present in both versions is unchanged wherever it moved; of the rest, an old and a
new sentence that share most of their words (in the same section, or nearly all of them
anywhere) are one sentence reworded; what is left was removed or added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from corpus.model import Corpus, Document, Sentence
from corpus.segments import corpus_segments

# Share of words two sentences must have in common, in order, to be one sentence reworded.
SAME_SECTION_SIMILARITY = 0.5
ANY_SECTION_SIMILARITY = 0.75

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class SentenceChange:
    kind: ChangeKind
    old: str | None
    new: str | None
    old_section: str | None
    new_section: str | None
    old_chunk: str | None
    new_chunk: str | None
    similarity: float | None = None


@dataclass(frozen=True)
class LinkChange:
    kind: ChangeKind
    text: str
    old_url: str | None
    new_url: str | None


@dataclass
class DocumentDiff:
    doc_id: str
    changes: list[SentenceChange] = field(default_factory=list)
    headings_added: list[str] = field(default_factory=list)
    headings_removed: list[str] = field(default_factory=list)
    metadata: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    links: list[LinkChange] = field(default_factory=list)
    unchanged: int = 0

    def of_kind(self, kind: ChangeKind) -> list[SentenceChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def empty(self) -> bool:
        return not (self.changes or self.headings_added or self.headings_removed or self.metadata or self.links)

    def old_texts(self) -> set[str]:
        """Old sentences and headings that the new version no longer has."""
        return {c.old for c in self.changes if c.old is not None and c.kind != "added"} | set(self.headings_removed)

    def new_texts(self) -> set[str]:
        """Sentences and headings that only the new version has: they need translating."""
        return {c.new for c in self.changes if c.new is not None and c.kind != "removed"} | set(self.headings_added)

    def old_chunks(self) -> set[str]:
        """Passages of the old version whose sentences changed: answers quoted from them change."""
        return {c.old_chunk for c in self.changes if c.old_chunk is not None and c.kind != "added"}


def _located(doc: Document | None) -> list[tuple[Sentence, str]]:
    if doc is None:
        return []
    return [(s, c.section) for c in doc.chunks for s in c.sentences]


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _pair(old: list[tuple[int, Sentence, str]], new: list[tuple[int, Sentence, str]]) -> list[tuple[int, int, float]]:
    """Reworded pairs (old index, new index, similarity), most similar first, each sentence used once."""
    candidates = []
    for i, (_, a, a_section) in enumerate(old):
        for j, (_, b, b_section) in enumerate(new):
            ratio = _similarity(a.text, b.text)
            floor = SAME_SECTION_SIMILARITY if a_section == b_section else ANY_SECTION_SIMILARITY
            if ratio >= floor:
                candidates.append((ratio, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for ratio, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, ratio))
    return pairs


def _only_in(mine: list[tuple[Sentence, str]], other: list[tuple[Sentence, str]]) -> list[tuple[int, Sentence, str]]:
    """Sentences (with their position) that the other version does not have, counting repeats."""
    left = Counter(s.text for s, _ in other)
    out = []
    for pos, (s, section) in enumerate(mine):
        if left[s.text] > 0:
            left[s.text] -= 1
        else:
            out.append((pos, s, section))
    return out


def diff_documents(old: Document | None, new: Document) -> DocumentDiff:
    """The sentence-level difference from `old` (None: a new document) to `new`."""
    old_sentences, new_sentences = _located(old), _located(new)
    removed = _only_in(old_sentences, new_sentences)
    added = _only_in(new_sentences, old_sentences)
    pairs = _pair(removed, added)
    paired_old = {i for i, _, _ in pairs}
    paired_new = {j for _, j, _ in pairs}
    ordered: list[tuple[float, SentenceChange]] = []
    for i, j, ratio in pairs:
        _, a, a_section = removed[i]
        pos, b, b_section = added[j]
        change = SentenceChange(
            "changed", a.text, b.text, a_section, b_section, a.chunk_id, b.chunk_id, round(ratio, 3)
        )
        ordered.append((pos, change))
    for j, (pos, b, b_section) in enumerate(added):
        if j not in paired_new:
            ordered.append((pos, SentenceChange("added", None, b.text, None, b_section, None, b.chunk_id)))
    # a removed sentence stands where its predecessor (if it survived) stands in the new version
    new_position = _positions(old_sentences, new_sentences)
    for i, (pos, a, a_section) in enumerate(removed):
        if i not in paired_old:
            before = max((new_position[p] for p in range(pos) if p in new_position), default=-1)
            ordered.append((before + 0.5, SentenceChange("removed", a.text, None, a_section, None, a.chunk_id, None)))
    result = DocumentDiff(doc_id=new.meta.id, changes=[c for _, c in sorted(ordered, key=lambda o: o[0])])
    result.unchanged = len(new_sentences) - len(added)
    old_headings = _headings(old)
    new_headings = _headings(new)
    result.headings_added = [h for h in new_headings if h not in old_headings]
    result.headings_removed = [h for h in old_headings if h not in new_headings]
    result.metadata = _metadata(old, new)
    result.links = _links(old, new)
    return result


def _positions(old: list[tuple[Sentence, str]], new: list[tuple[Sentence, str]]) -> dict[int, int]:
    """Old position -> new position of every sentence that is in both versions."""
    where: dict[str, list[int]] = {}
    for j, (s, _) in enumerate(new):
        where.setdefault(s.text, []).append(j)
    out = {}
    for i, (s, _) in enumerate(old):
        if where.get(s.text):
            out[i] = where[s.text].pop(0)
    return out


def _headings(doc: Document | None) -> list[str]:
    if doc is None:
        return []
    return [seg.text for seg in corpus_segments(Corpus([doc], "")) if seg.kind == "heading"]


_META_FIELDS = ("title", "publisher", "published_by", "last_modified", "source_url")


def _metadata(old: Document | None, new: Document) -> dict[str, tuple[str | None, str | None]]:
    out: dict[str, tuple[str | None, str | None]] = {}
    for name in _META_FIELDS:
        before = getattr(old.meta, name) if old is not None else None
        after = getattr(new.meta, name)
        if before != after:
            out[name] = (before, after)
    before_adopted = old.meta.adopted.reference() if old is not None and old.meta.adopted else None
    after_adopted = new.meta.adopted.reference() if new.meta.adopted else None
    if before_adopted != after_adopted:
        out["adopted"] = (before_adopted, after_adopted)
    return out


def _links(old: Document | None, new: Document) -> list[LinkChange]:
    def table(doc: Document | None) -> dict[str, str | None]:
        if doc is None:
            return {}
        return {r.text: r.url for c in doc.chunks for r in c.related_links}

    before, after = table(old), table(new)
    out = [LinkChange("removed", text, url, None) for text, url in before.items() if text not in after]
    for text, url in after.items():
        if text not in before:
            out.append(LinkChange("added", text, None, url))
        elif before[text] != url:
            out.append(LinkChange("changed", text, before[text], url))
    return out
