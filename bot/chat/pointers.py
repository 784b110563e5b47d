"""Where to turn: a refused question that matches a topic staff wrote gets their pointer.

A resident asking when the bus leaves is refused (the page does not say), but staff know where
bus times are. A topic has a name, a few example questions in any language, a short Swedish text
and a link. Matching uses the evidence retrieval uses, with no keyword lists per question:

- dense: the question's cosine similarity to the topic's examples (the same multilingual embedding;
  the mean of its two best, so one example that happens to share a word like "tomorrow" is not
  enough), minus its best similarity to the page itself (the page's passages, and questions
  the page answers, from the training set). A question about the vision is closer to the page
  than to any topic, so it never gets a pointer, even when the scope gate refuses it by mistake.
- lexical: the share of the question's content words that the topic's texts use and the page
  does not (words, Snowball stems).

The threshold on `dense margin + weight × lexical` is calibrated per embedder
(`kiruna-bot topics calibrate`, on `bot/evaluation/pointer_set.json` and the eval set) and kept
in `bot/models/pointers.json`. The pointer is labelled as guidance from the municipality, never
as the vision text, and its text goes through the translation memory like the page's sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.chat.answer import Answer, Pointer
from bot.chat.coverage import stopwords
from bot.chat.model_file import JsonModel
from bot.language.messages import Catalogs, M
from bot.language.supported import SOURCE_LANGUAGE
from bot.storage.topics import Topic
from bot.translation.service import Segment, TranslationService
from index.analysis import stems, words
from index.embedders.base import Embedder, Vectors

log = logging.getLogger(__name__)
DEFAULT_POINTER_MODEL = Path(__file__).resolve().parents[1] / "models" / "pointers.json"
# Examples whose similarities are averaged: one close example alone is not enough to point somewhere.
AGREEING_EXAMPLES = 2
PROVENANCE_LABEL = {"reviewed": M.LABEL_REVIEWED, "unreviewed": M.LABEL_UNREVIEWED, "machine": M.LABEL_MACHINE}


@dataclass(frozen=True)
class PointerModel(JsonModel):
    """The calibrated threshold for one embedder, with the figures it was calibrated on."""

    INDENT = 2  # read by people reviewing a calibration

    embedder_id: str
    threshold: float
    lexical_weight: float
    trained_on: str = ""


def load_pointer_model(path: Path, embedder_id: str) -> PointerModel | None:
    """The model calibrated for this embedder, or None (no pointers are offered, and a warning)."""
    if not path.exists():
        log.warning("no pointer model at %s; run `kiruna-bot topics calibrate`", path)
        return None
    try:
        model = PointerModel.load(path)
    except (ValueError, TypeError, KeyError) as exc:
        log.warning("cannot read the pointer model %s: %s", path, exc)
        return None
    if model.embedder_id != embedder_id:
        log.warning("pointer model was calibrated for %s, not %s; no pointers", model.embedder_id, embedder_id)
        return None
    return model


@dataclass(frozen=True)
class TopicScore:
    topic: Topic
    score: float
    dense: float  # mean cosine similarity to the topic's two closest examples (or name)
    page: float  # best cosine similarity to the page (its passages, questions it answers)
    lexical: float  # share of content words the topic uses and the page does not


class TopicMatcher:
    """Scores a question against staff's active topics; built once per set of topics and embedder."""

    def __init__(
        self,
        topics: Sequence[Topic],
        embedder: Embedder,
        page_questions: Vectors,
        page_knows: Callable[[str], bool],
        lexical_weight: float,
    ) -> None:
        self.topics = list(topics)
        self._page_questions = page_questions
        self._page_knows = page_knows
        self._weight = lexical_weight
        self._stop = stopwords()
        texts: list[str] = []
        self._owner: list[int] = []
        self._vocab: list[set[str]] = []
        for i, topic in enumerate(self.topics):
            vocab: set[str] = set()
            for text in (*topic.examples, topic.name, topic.text):
                tokens = words(text)
                vocab.update(tokens)
                vocab.update(stems(tokens, None))
            for text in (*topic.examples, topic.name):
                texts.append(text)
                self._owner.append(i)
            self._vocab.append(vocab)
        # examples are questions: embedded as questions, so question meets question
        self._vectors = embedder.embed_queries(texts) if texts else np.zeros((0, embedder.dim), dtype=np.float32)

    def _lexical(self, question: str, i: int) -> float:
        content = [w for w in words(question) if w not in self._stop and not w.isdigit()]
        if not content:
            return 0.0

        def topic_only(w: str) -> bool:
            variants = [w, *stems([w], None)]
            return any(v in self._vocab[i] for v in variants) and not self._page_knows(w)

        return sum(1 for w in content if topic_only(w)) / len(content)

    def scores(self, question: str, query: Vectors, page_passages: float) -> list[TopicScore]:
        """Every topic's score, best first; `page_passages` is the best similarity to the page's passages."""
        if not self.topics:
            return []
        sims = self._vectors @ query
        page = max(page_passages, float(np.max(self._page_questions @ query)) if len(self._page_questions) else -1.0)
        by_topic: list[list[float]] = [[] for _ in self.topics]
        for row, owner in enumerate(self._owner):
            by_topic[owner].append(float(sims[row]))
        out = []
        for i, topic in enumerate(self.topics):
            closest = sorted(by_topic[i], reverse=True)[:AGREEING_EXAMPLES]
            dense = sum(closest) / len(closest)
            lexical = self._lexical(question, i)
            out.append(TopicScore(topic, dense - page + self._weight * lexical, dense, page, lexical))
        return sorted(out, key=lambda s: -s.score)


def pointer_answer(
    answer: Answer, topic: Topic, lang: str, translations: TranslationService, catalogs: Catalogs
) -> Answer:
    """The refusal with the topic's pointer in the answer's language, labelled as guidance."""
    result = translations.translate([Segment(topic.text)], lang)
    if lang == SOURCE_LANGUAGE or result.text is None:
        text, provenance = topic.text, "original"
    else:
        text, provenance = result.text, result.provenance or "machine"
    lines = [answer.answer, "", catalogs.get(lang, M.POINTER)]
    if provenance in PROVENANCE_LABEL:
        lines.append(catalogs.get(lang, PROVENANCE_LABEL[provenance]))
    lines += [text, topic.url]
    pointer = Pointer(topic=topic.name, text=text, url=topic.url, provenance=provenance)
    return answer.model_copy(update={"answer": "\n".join(lines), "pointer": pointer})
