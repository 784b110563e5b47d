"""What municipal staff do besides chatting: review translations, read the question log, keep eval cases.

The staff API calls these methods (from a thread: they read and write the database); an edit
that changes what answers say invalidates the chat service's cached answers at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.service import ChatService
from bot.storage.eval_cases import EvalCaseStore, SavedCase
from bot.storage.memory import MemoryEntry, TranslationMemory
from bot.storage.questions import LoggedQuestion, QuestionLog
from corpus.curated_translations import source_hash
from corpus.model import Corpus
from corpus.segments import corpus_segments

# unreviewed / reviewed: translations of the current page; stale: of a Swedish text no longer on it
ReviewStatus = Literal["all", "unreviewed", "reviewed", "stale"]


@dataclass(frozen=True)
class SegmentPlace:
    """Where a segment stands on the page, so staff review a section at a time, in page order."""

    position: int
    kind: str  # "sentence" or "heading"
    chunk_id: str  # the passage it belongs to (a heading: the first passage under it)
    section: str  # that passage's heading path as the page writes it


@dataclass(frozen=True)
class ReviewedEntry:
    """A translation memory entry as staff see it: where its Swedish source stands, or stale if gone."""

    entry: MemoryEntry
    stale: bool
    place: SegmentPlace | None = None


def segment_places(corpus: Corpus) -> dict[str, SegmentPlace]:
    """Every current segment's place, by the hash of its Swedish text (sentence → chunk → section)."""
    chunk_of_sentence = {s.id: c for c in corpus.chunks() for s in c.sentences}
    chunks = {c.id: c for c in corpus.chunks()}
    titles = {f"{d.meta.id}#title": d.meta.title for d in corpus.documents}
    places = {}
    for position, seg in enumerate(corpus_segments(corpus)):
        where = seg.locations[0]
        chunk = chunk_of_sentence.get(where) or chunks.get(where)
        if chunk is not None:
            place = SegmentPlace(position, seg.kind, chunk.id, chunk.section)
        else:  # a document's title stands above its passages
            place = SegmentPlace(position, seg.kind, where, titles.get(where, where))
        places[source_hash(seg.text)] = place
    return places


def _status_of(r: ReviewedEntry) -> ReviewStatus:
    if r.stale:
        return "stale"
    return "reviewed" if r.entry.reviewed else "unreviewed"


class StaffDesk:
    def __init__(
        self,
        chat: ChatService,
        memory: TranslationMemory,
        questions: QuestionLog,
        cases: EvalCaseStore,
        extra_sources: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self._chat = chat
        self._memory = memory
        self._questions = questions
        self._cases = cases
        self._extra_sources = extra_sources  # other Swedish texts the bot translates: staff's topic pointers

    def _reviewed(self, entries: list[MemoryEntry]) -> list[ReviewedEntry]:
        """With each entry's place on the current page; a translation of any other text is stale."""
        places = segment_places(self._chat.corpus)
        pointers = {source_hash(t) for t in self._extra_sources()}  # staff's topic pointers: current, off the page
        out = []
        for e in entries:
            key = source_hash(e.source_text)
            place = places.get(key)
            out.append(ReviewedEntry(e, place is None and key not in pointers, place))
        return out

    def translations(
        self,
        lang: str | None = None,
        *,
        unreviewed: bool = False,
        stale: bool | None = None,
        status: ReviewStatus = "all",
    ) -> list[ReviewedEntry]:
        """In page order (stale ones last), so a section's segments stand together."""
        rows = self._reviewed(self._memory.entries(lang, unreviewed_only=unreviewed))
        rows = [r for r in rows if (stale is None or r.stale == stale) and status in ("all", _status_of(r))]
        return sorted(rows, key=lambda r: (r.place is None, r.place.position if r.place else 0, r.entry.lang))

    def edit_translation(self, entry_id: int, text: str) -> ReviewedEntry:
        """Staff's correction, not yet approved; KeyError for an unknown id."""
        entry = self._memory.edit(entry_id, text)
        self._chat.invalidate()
        return self._reviewed([entry])[0]

    def approve_translation(self, entry_id: int, reviewer: str) -> ReviewedEntry:
        entry = self._memory.approve(entry_id, reviewer)
        self._chat.invalidate()
        return self._reviewed([entry])[0]

    def approve_translations(self, entry_ids: Sequence[int], reviewer: str) -> list[ReviewedEntry]:
        """A section's segments approved together, each recorded with reviewer and time.

        All or none: KeyError with the unknown ids.
        """
        entries = self._memory.approve_many(entry_ids, reviewer)
        self._chat.invalidate()
        return self._reviewed(entries)

    def questions(
        self, lang: str | None = None, answered: bool | None = None, limit: int = 500
    ) -> list[LoggedQuestion]:
        return self._questions.recent(limit, lang, answered)

    def top_unanswered(self) -> dict[str, list[tuple[str, int]]]:
        return self._questions.top_unanswered()

    def eval_cases(self) -> list[SavedCase]:
        return self._cases.all()

    def add_eval_case(self, lang: str, question: str, answer: str | None, created_by: str) -> SavedCase:
        """A question with the corpus sentence that answers it (None: it should be refused)."""
        if answer is not None and answer not in {s.text for s in self._chat.corpus.sentences()}:
            raise ValueError("answer must be a sentence of the corpus, verbatim")
        return self._cases.add(lang, question, answer, created_by)
