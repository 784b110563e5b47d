"""Trains the out-of-scope model and calibrates its threshold.

Training data (`bot/evaluation/training/*.jsonl`) is kept apart from the eval set; the eval set only sets
the threshold, for a false-refusal rate of at most `max_false_refusal` on it (4 %: a margin below
the 5 % target, for questions the eval set does not have).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.dialogue import DialogueCues
from bot.chat.list_intent import ListModel
from bot.chat.pipeline import Pipeline
from bot.chat.scope import ScopeModel, fit_logistic, signals
from bot.evaluation.dataset import EvalCase, load_cases

TRAINING_DIR = Path(__file__).with_name("training")


def training_cases(directory: Path = TRAINING_DIR) -> list[EvalCase]:
    return [c for p in sorted(directory.glob("*.jsonl")) for c in load_cases(p)]


def smalltalk_negatives(cues: DialogueCues, every: int = 4) -> list[EvalCase]:
    """Questions to the bot itself ("are you a bot?", "what can you answer?") as out-of-scope examples.

    They read like questions, so the scope model must learn that the page does not answer them; the
    small-talk reading then takes over. Phrases of several words only, every `every`-th of them. Calls for
    help and complaints ("this is useless") are no questions, and the cue tables catch them.
    """
    phrases = [
        (lang, " ".join(cue.words))
        for lang in sorted(cues.table.by_lang)
        for category in ("identity", "capabilities")
        for cue in cues.table.in_language(lang, category)
        if len(cue.words) > 1
    ]
    return [EvalCase(f"talk-{i}", lang, text, None) for i, (lang, text) in enumerate(phrases[::every])]


def _features(pipeline: Pipeline, cases: list[EvalCase], use_embedding: bool) -> npt.NDArray[np.float64]:
    rows = []
    for c in cases:
        q = pipeline.retriever.embed(c.question)
        sig = signals(pipeline.retriever.retrieve(c.question, q), pipeline.gate.coverage(c.question))
        rows.append(np.concatenate([q.astype(np.float64), sig]) if use_embedding else sig)
    return np.array(rows)


def calibrate_threshold(
    scores: npt.NDArray[np.float64], in_scope: npt.NDArray[np.bool_], max_false_refusal: float
) -> float:
    """A threshold that refuses at most `max_false_refusal` of the in-scope questions.

    It lies halfway between the last refused and the first accepted in-scope score, not on the
    accepted one: scoring the same question again may differ in the last float digits.
    """
    positives = np.sort(scores[in_scope])
    if not len(positives):
        return 0.0
    allowed = int(np.floor(max_false_refusal * len(positives)))
    if allowed == 0:
        return float(positives[0]) - 1e-6
    return float((positives[allowed - 1] + positives[allowed]) / 2)


def train_scope_model(
    pipeline: Pipeline,
    train: list[EvalCase],
    calibration: list[EvalCase],
    *,
    use_embedding: bool = True,
    l2: float = 10.0,
    max_false_refusal: float = 0.04,
) -> ScopeModel:
    x = _features(pipeline, train, use_embedding)
    y = np.array([c.in_scope for c in train])
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    weights, bias = fit_logistic((x - mean) / std, y, l2=l2)
    model = ScopeModel(
        embedder_id=pipeline.embedder.id,
        use_embedding=use_embedding,
        mean=mean.tolist(),
        std=std.tolist(),
        weights=weights.tolist(),
        bias=bias,
        threshold=0.0,
        trained_on=(
            f"{len(train)} training questions ({int(y.sum())} in scope); "
            f"threshold from {len(calibration)} eval questions"
        ),
    )
    xc = _features(pipeline, calibration, use_embedding)
    scores = ((xc - mean) / std) @ weights + bias
    model.threshold = calibrate_threshold(scores, np.array([c.in_scope for c in calibration]), max_false_refusal)
    return model


def train_list_model(
    pipeline: Pipeline, train: list[EvalCase], *, l2: float = 10.0, max_false_lists: float = 0.01
) -> ListModel:
    """List questions (the answerable `scope_only` cases) against every other answerable question.

    The threshold lets at most `max_false_lists` of the other questions read as list questions: a
    resident asking about housing must get the housing goal, not six goals.
    """
    cases = [c for c in train if c.in_scope]
    x = np.array([pipeline.retriever.embed(c.question).astype(np.float64) for c in cases])
    y = np.array([c.scope_only for c in cases])
    weights, bias = fit_logistic(x, y, l2=l2)
    others = np.sort(x[~y] @ weights + bias)
    keep = int(np.floor(max_false_lists * len(others)))
    threshold = float(others[-keep - 1] + 1e-6) if len(others) else 0.0
    return ListModel(
        embedder_id=pipeline.embedder.id,
        weights=weights.tolist(),
        bias=bias,
        threshold=threshold,
        trained_on=f"{int(y.sum())} list questions, {int((~y).sum())} others; "
        f"threshold for at most {max_false_lists:.0%} of the others",
    )
