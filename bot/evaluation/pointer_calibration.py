"""Calibrates the pointer threshold: which refused questions are close enough to a staff topic.

The set (`pointer_set.json`) is written like staff would write topics (a name, a few example
questions in several languages, a Swedish text, a link) with residents' questions in the twelve
languages: some for a topic, some for none. Every in-scope question of the eval set is a negative
too: a question about the vision must never get a pointer. The threshold is set halfway between
the highest-scoring negative and the lowest correct match above it, and at least `MIN_GAP` above
that negative, so every negative of the set stays clearly below it (a missing pointer leaves the
resident with the plain refusal; a wrong one sends them to the wrong place). The report says how
many of the topic questions are matched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bot.chat.pipeline import Pipeline
from bot.chat.pointers import PointerModel, TopicMatcher
from bot.evaluation.dataset import load_cases
from bot.storage.topics import Topic

POINTER_SET = Path(__file__).with_name("pointer_set.json")
LEXICAL_WEIGHT = 0.05
MIN_GAP = 0.01  # the threshold stands at least this far above the highest-scoring negative


@dataclass(frozen=True)
class Scored:
    lang: str
    question: str
    expected: str | None  # topic name; None: no pointer
    best: str
    score: float


@dataclass
class Calibration:
    model: PointerModel
    positives: list[Scored] = field(default_factory=list)
    negatives: list[Scored] = field(default_factory=list)  # the set's own, and the eval set's in-scope questions

    def matched(self) -> list[Scored]:
        t = self.model.threshold
        return [s for s in self.positives if s.best == s.expected and s.score >= t]

    def false_pointers(self) -> list[Scored]:
        return [s for s in self.negatives if s.score >= self.model.threshold]

    def summary(self) -> dict[str, object]:
        by_lang: dict[str, list[int]] = {}
        matched = {id(s) for s in self.matched()}
        for s in self.positives:
            row = by_lang.setdefault(s.lang, [0, 0])
            row[0] += id(s) in matched
            row[1] += 1
        return {
            "threshold": round(self.model.threshold, 4),
            "topic_questions_matched": f"{len(matched)}/{len(self.positives)}",
            "by_language": {k: f"{a}/{b}" for k, (a, b) in sorted(by_lang.items())},
            "negatives": len(self.negatives),
            "negatives_pointed": len(self.false_pointers()),
            "highest_negative": round(max((s.score for s in self.negatives), default=0.0), 4),
        }


def load_pointer_set(path: Path = POINTER_SET) -> tuple[list[Topic], list[tuple[str, str, str | None]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    now = datetime.now(UTC)
    topics = [
        Topic(i + 1, t["name"], tuple(t["examples"]), t["text"], t["url"], "active", now, now, "calibration")
        for i, t in enumerate(data["topics"])
    ]
    questions = [(q["lang"], q["question"], q["topic"]) for q in data["questions"]]
    return topics, questions


def calibrate_pointers(
    pipeline: Pipeline, page_questions: list[str], path: Path = POINTER_SET, lexical_weight: float = LEXICAL_WEIGHT
) -> Calibration:
    topics, questions = load_pointer_set(path)
    embedder = pipeline.embedder
    page = embedder.embed_queries(page_questions)
    matcher = TopicMatcher(topics, embedder, page, pipeline.gate.coverage.knows, lexical_weight)
    rows = list(questions) + [(c.lang, c.question, None) for c in load_cases() if c.answer is not None]
    scored = []
    for lang, question, expected in rows:
        query = pipeline.retriever.embed(question)
        passages, _ = pipeline.index.dense.search(query.reshape(1, -1), 1)
        best = matcher.scores(question, np.asarray(query, dtype=np.float32), float(passages[0, 0]))[0]
        scored.append(Scored(lang, question, expected, best.topic.name, best.score))
    positives = [s for s in scored if s.expected is not None]
    negatives = [s for s in scored if s.expected is None]
    highest = max(s.score for s in negatives)
    above = [s.score for s in positives if s.best == s.expected and s.score > highest]
    threshold = max((highest + min(above)) / 2 if above else highest, highest + MIN_GAP)
    model = PointerModel(
        embedder_id=embedder.id,
        threshold=float(threshold),
        lexical_weight=lexical_weight,
        trained_on=f"{path.name}: {len(positives)} topic questions, {len(negatives)} negatives "
        f"({len(questions) - len(positives)} of the set, the rest the eval set's in-scope questions)",
    )
    return Calibration(model, positives, negatives)
