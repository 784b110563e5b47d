"""What municipal staff do besides chatting: review translations, read the question log, keep eval cases.

The staff API calls these methods (from a thread: they read and write the database); an edit
that changes what answers say invalidates the chat service's cached answers at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.service import ChatService
from bot.storage.eval_cases import EvalCaseStore, SavedCase
from bot.storage.memory import MemoryEntry, TranslationMemory
from bot.storage.questions import LoggedQuestion, QuestionLog
from corpus.curated_translations import source_hash
from corpus.segments import corpus_segments


@dataclass(frozen=True)
class ReviewedEntry:
    """A translation memory entry as staff see it: with whether its Swedish source still exists."""

    entry: MemoryEntry
    stale: bool


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

    def _current_sources(self) -> set[str]:
        """Hashes of the corpus's current sentences and headings (and of staff's pointer texts): a
        translation of anything else is stale."""
        texts = [s.text for s in corpus_segments(self._chat.corpus)] + list(self._extra_sources())
        return {source_hash(t) for t in texts}

    def _reviewed(self, entries: list[MemoryEntry]) -> list[ReviewedEntry]:
        current = self._current_sources()
        return [ReviewedEntry(e, source_hash(e.source_text) not in current) for e in entries]

    def translations(
        self, lang: str | None = None, *, unreviewed: bool = False, stale: bool | None = None
    ) -> list[ReviewedEntry]:
        rows = self._reviewed(self._memory.entries(lang, unreviewed_only=unreviewed))
        return [r for r in rows if stale is None or r.stale == stale]

    def edit_translation(self, entry_id: int, text: str) -> ReviewedEntry:
        """Staff's correction, not yet approved; KeyError for an unknown id."""
        entry = self._memory.edit(entry_id, text)
        self._chat.invalidate()
        return self._reviewed([entry])[0]

    def approve_translation(self, entry_id: int, reviewer: str) -> ReviewedEntry:
        entry = self._memory.approve(entry_id, reviewer)
        self._chat.invalidate()
        return self._reviewed([entry])[0]

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
