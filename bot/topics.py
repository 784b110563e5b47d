"""One worker's live set of topic pointers: staff's active topics, matched against refused questions.

`ChatService` asks `point` for each refused answer, and `refresh` from its watch loop once a
second: when any worker changed a topic, the matcher is rebuilt here (in the watch's thread,
never in a request) and the version that cached answers depend on changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.chat.answer import Answer
from bot.chat.pipeline import Pipeline
from bot.chat.pointers import TopicMatcher, TopicScore, load_pointer_model, pointer_answer
from bot.storage.topics import TopicStore
from bot.translation.service import TranslationService
from index.embedders.base import Vectors
from index.embedders.cached import VectorStore, cached_queries

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Loaded:
    version: tuple[int, str]
    embedder_id: str
    matcher: TopicMatcher
    threshold: float


class TopicPointers:
    def __init__(
        self,
        store: TopicStore,
        translations: TranslationService,
        vectors: VectorStore,
        page_questions: list[str],
        model_path: Path,
    ) -> None:
        self._store = store
        self._translations = translations
        self._vectors = vectors
        self._page_questions = page_questions
        self._model_path = model_path
        self._page_vectors: tuple[str, Vectors] | None = None
        self._loaded: _Loaded | None = None
        self.version: tuple[int, str] = (0, "")

    def refresh(self, pipeline: Pipeline) -> bool:
        """Rebuild the matcher when the topics (or the embedder) changed; True when it did. Reads the database."""
        version = self._store.version()
        embedder = pipeline.embedder
        loaded = self._loaded
        if loaded is not None and loaded.version == version and loaded.embedder_id == embedder.id:
            return False
        model = load_pointer_model(self._model_path, embedder.id)
        topics = self._store.all("active") if model is not None else []
        page = self._page(pipeline) if topics else np.zeros((0, embedder.dim), dtype=np.float32)
        matcher = TopicMatcher(
            topics, embedder, page, pipeline.gate.coverage.knows, model.lexical_weight if model else 0
        )
        self._loaded = _Loaded(version, embedder.id, matcher, model.threshold if model else float("inf"))
        self.version = version
        return True

    def _page(self, pipeline: Pipeline) -> Vectors:
        """The questions the page answers, embedded once per embedder (their vectors kept in the database)."""
        embedder = pipeline.embedder
        if self._page_vectors is None or self._page_vectors[0] != embedder.id:
            self._page_vectors = (embedder.id, cached_queries(embedder, self._vectors, self._page_questions))
        return self._page_vectors[1]

    def reference_mean(self, pipeline: Pipeline) -> Vectors:
        """The mean of the page's reference questions: a centre for grouping a few questions by meaning."""
        vectors: Vectors = self._page(pipeline).mean(axis=0).astype(np.float32)
        return vectors

    def best(self, pipeline: Pipeline, question: str) -> TopicScore | None:
        """The best-scoring active topic for a question, whatever its score (staff's view)."""
        loaded = self._loaded
        if loaded is None or not loaded.matcher.topics:
            return None
        query = pipeline.retriever.embed(question)
        scores, _ = pipeline.index.dense.search(query.reshape(1, -1), 1)
        page = float(scores[0, 0]) if scores.size else -1.0
        ranked = loaded.matcher.scores(question, np.asarray(query, dtype=np.float32), page)
        return ranked[0] if ranked else None

    def match(self, pipeline: Pipeline, question: str) -> TopicScore | None:
        """The topic to point to, or None when no topic matches well enough."""
        loaded = self._loaded
        best = self.best(pipeline, question)
        return best if best is not None and loaded is not None and best.score >= loaded.threshold else None

    def point(self, pipeline: Pipeline, question: str, answer: Answer) -> Answer:
        """A refused answer, with the pointer of the topic the question matches (if any)."""
        if answer.answered or answer.pointer is not None:
            return answer
        found = self.match(pipeline, question)
        if found is None:
            return answer
        return pointer_answer(answer, found.topic, answer.lang, self._translations, pipeline.catalogs)
