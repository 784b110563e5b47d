"""Ranks candidate chunks from their evidence: a linear model over chunk-agnostic features.

The features describe how a chunk matched a question, never which chunk it is: standardized
dense evidence averaged over its best 1, 3, 6 and 12 languages, lexical evidence over its best
1, 3 and 6 languages, its best single sentence, the kind of structural unit it is (an
adopted text, a text introduced by a lead, a labelled direction, prose), and whether it offers
the kind of answer the question asks for (`bot.chat.question_types`: a time, a count, a way, a
meaning, a goal, a reason). The weights are learned
by `kiruna-bot ranker train` from the training questions (`bot/evaluation/training/`), kept apart from the
eval sets; so a new document is ranked by the same rules without questions of its own.
"""

from __future__ import annotations

import heapq
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.question_types import INTENTS

DENSE_LANGUAGES = (1, 3, 6, 12)
LEXICAL_LANGUAGES = (1, 3, 6)
KINDS = ("adopted", "lead", "labelled", "prose")
FEATURES = (
    *(f"dense@{m}" for m in DENSE_LANGUAGES),
    *(f"lexical@{m}" for m in LEXICAL_LANGUAGES),
    "best_sentence",
    *(f"kind={k}" for k in KINDS),
    *(f"offers={i}" for i in INTENTS),
)
# The features each evidence channel contributes (the kind of chunk belongs to none).
CHANNELS = {"dense": ("dense@", "best_sentence"), "lexical": ("lexical@",), "types": ("offers=",)}


def zscores(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    std = float(values.std())
    out: npt.NDArray[np.float64] = (values - values.mean()) / std if std > 1e-9 else np.zeros_like(values)
    return out


def top_mean(values: list[float], m: int, pad: float) -> float:
    """Mean of the `m` largest values, padding with `pad` when there are fewer.

    Plain Python: called a few hundred times per question on lists of at most a dozen numbers,
    where numpy's per-call overhead cost more than the arithmetic.
    """
    best = heapq.nlargest(m, values)
    return (sum(best) + pad * (m - len(best))) / m


def feature_matrix(
    dense_by_lang: list[list[float]],
    lexical_by_lang: list[list[float]],
    best_sentence: list[float],
    kinds: list[str],
    answer_types: list[frozenset[str]],
    dense_floor: float,
) -> npt.NDArray[np.float64]:
    """One row of `FEATURES` per candidate chunk; every evidence column standardized over candidates.

    `answer_types` holds, per candidate, the answer types the question asks for and it offers.
    """
    cols = [zscores(np.array([top_mean(v, m, dense_floor) for v in dense_by_lang])) for m in DENSE_LANGUAGES]
    cols += [zscores(np.array([top_mean(v, m, 0.0) for v in lexical_by_lang])) for m in LEXICAL_LANGUAGES]
    cols.append(zscores(np.array(best_sentence)))
    cols += [np.array([float(k == kind) for k in kinds]) for kind in KINDS]
    cols += [np.array([float(intent in t) for t in answer_types]) for intent in INTENTS]
    return np.stack(cols, axis=1)


@dataclass
class LinearRanker:
    weights: list[float]
    features: tuple[str, ...] = FEATURES
    trained_on: str = ""

    def without(self, *channels: str) -> LinearRanker:
        """The same ranker with some evidence channels' weights set to zero (for ablations)."""
        off = tuple(prefix for c in channels for prefix in CHANNELS[c])
        weights = [0.0 if f.startswith(off) else w for f, w in zip(self.features, self.weights, strict=True)]
        return LinearRanker(weights, self.features, f"{self.trained_on}; without {', '.join(channels)}")

    def score(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        out: npt.NDArray[np.float64] = x @ np.asarray(self.weights)
        return out

    @classmethod
    def default(cls, dense_weight: float) -> LinearRanker:
        """Without a trained model: dense@6 and lexical@1 mixed by `dense_weight`."""
        w = [0.0] * len(FEATURES)
        w[FEATURES.index("dense@6")] = dense_weight
        w[FEATURES.index("lexical@1")] = 1 - dense_weight
        return cls(w, FEATURES, "default mix")

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LinearRanker:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = cls(
            weights=list(data["weights"]), features=tuple(data["features"]), trained_on=data.get("trained_on", "")
        )
        if model.features != FEATURES:
            raise ValueError(f"{path}: ranker features {model.features} differ from {FEATURES}; retrain it")
        return model


def fit_listwise(x: npt.NDArray[np.float64], gold: npt.NDArray[np.int64], l2: float) -> npt.NDArray[np.float64]:
    """Softmax (listwise) logistic ranking over equal-length candidate lists: x is (questions, chunks, features)."""
    from scipy.optimize import minimize

    n = x.shape[0]

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        s = x @ w
        s = s - s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        nll = -float(np.mean(np.log(p[np.arange(n), gold] + 1e-12)))
        grad = np.einsum("nk,nkd->d", p, x) / n - x[np.arange(n), gold].mean(axis=0)
        return nll + l2 * float(w @ w), grad + 2 * l2 * w

    # The loss is convex, so the start does not matter: zeros, for any number of features.
    result = minimize(loss, np.zeros(x.shape[2]), jac=True, method="L-BFGS-B")
    weights: npt.NDArray[np.float64] = result.x
    return weights
