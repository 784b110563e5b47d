"""Learns the ranker's weights from the training questions (never from the eval sets)."""

from __future__ import annotations

import numpy as np

from bot.chat.pipeline import Pipeline
from bot.chat.ranking import FEATURES, LinearRanker, fit_listwise
from bot.evaluation.dataset import EvalCase
from corpus.chunking import LINE_KINDS


def train_ranker(pipeline: Pipeline, train: list[EvalCase], l2: float = 0.001) -> LinearRanker:
    # every passage the ranker ranks; lines that state a fact are chosen after ranking, not by it
    all_ids = sorted(c.id for c in pipeline.corpus.chunks() if c.kind not in LINE_KINDS)
    xs, gold = [], []
    for case in train:
        if case.answer is None or case.scope_only:
            continue
        ev = pipeline.retriever.evidence(case.question)
        if ev.chunk_ids != all_ids:
            continue  # every chunk must be a candidate for a listwise loss
        answer_ids = [
            i
            for i, cid in enumerate(ev.chunk_ids)
            if any(s.text == case.answer for s in pipeline.corpus.chunk(cid).sentences)
        ]
        if answer_ids:
            xs.append(ev.features)
            gold.append(answer_ids[0])
    if not xs:
        raise ValueError("no usable training questions: every chunk must be a candidate")
    weights = fit_listwise(np.stack(xs), np.array(gold), l2)
    return LinearRanker(weights.tolist(), FEATURES, f"{len(xs)} in-scope training questions, l2={l2}")
