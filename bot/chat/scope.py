"""Decides whether the corpus answers a question at all.

The bot refuses rather than quote a passage that does not answer: a resident asking about
bus times must get a pointer elsewhere, not the goal about communications.

The decision is a logistic model over the question's embedding and six retrieval signals
(best dense evidence, best lexical evidence, the share of the question's content words the
index knows, the best passage's lead over the second, and the best dense and lexical evidence
of the page's one-line facts: "who published this page?" matches a line, not a passage). It is trained by
`kiruna-bot scope train` on a training set kept apart from the evaluation sets, and its
threshold is calibrated on the eval set for a false-refusal rate of at most 4 % (a margin below the
5 % target).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.chat.coverage import Coverage
from bot.chat.model_file import JsonModel
from bot.chat.retrieval import Retrieval

log = logging.getLogger(__name__)
SIGNALS = ("dense", "lexical", "coverage", "margin", "line_dense", "line_lexical")


@dataclass(frozen=True)
class ScopeDecision:
    in_scope: bool
    reason: str
    score: float = 0.0
    # how far the score stands above (or below) the line; 0 when nothing was scored
    margin: float = 0.0


def signals(retrieval: Retrieval, coverage: float) -> npt.NDArray[np.float64]:
    """The retrieval signals the decision uses, in `SIGNALS` order."""
    lines = retrieval.lines
    line_dense = max((r.dense for r in lines), default=0.0)
    line_lexical = float(np.log1p(max((r.lexical for r in lines), default=0.0)))
    if not retrieval.ranked:
        return np.array([0.0, 0.0, coverage, 0.0, line_dense, line_lexical])
    best = retrieval.ranked[0]
    margin = best.fused - retrieval.ranked[1].fused if len(retrieval.ranked) > 1 else 0.0
    return np.array([best.dense, float(np.log1p(best.lexical)), coverage, margin, line_dense, line_lexical])


@dataclass
class ScopeModel(JsonModel):
    embedder_id: str
    use_embedding: bool
    mean: list[float]
    std: list[float]
    weights: list[float]
    bias: float
    threshold: float
    trained_on: str = ""

    def features(self, query: npt.NDArray[np.float32], sig: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        raw = np.concatenate([query.astype(np.float64), sig]) if self.use_embedding else sig
        scaled: npt.NDArray[np.float64] = (raw - np.asarray(self.mean)) / np.asarray(self.std)
        return scaled

    def score(self, query: npt.NDArray[np.float32], sig: npt.NDArray[np.float64]) -> float:
        """Log-odds that the corpus answers the question."""
        return float(self.features(query, sig) @ np.asarray(self.weights) + self.bias)


def fit_logistic(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.bool_], l2: float = 1.0
) -> tuple[npt.NDArray[np.float64], float]:
    """L2-regularized logistic regression with balanced classes (L-BFGS)."""
    from scipy.optimize import minimize

    n, d = x.shape
    w_pos = n / (2 * max(1, int(y.sum())))
    w_neg = n / (2 * max(1, int((~y).sum())))
    sample_w = np.where(y, w_pos, w_neg)
    target = y.astype(np.float64)

    def loss(theta: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        w, b = theta[:d], theta[d]
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        nll = -np.sum(sample_w * (target * np.log(p + eps) + (1 - target) * np.log(1 - p + eps))) / n
        grad_z = sample_w * (p - target) / n
        grad = np.concatenate([x.T @ grad_z + l2 * w / n, [grad_z.sum()]])
        return nll + 0.5 * l2 * float(w @ w) / n, grad

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B")
    return res.x[:d], float(res.x[d])


class ScopeGate:
    """Applies the scope model; without a model for this embedder, a coverage threshold."""

    def __init__(self, model: ScopeModel | None, coverage: Coverage, min_coverage: float = 0.5) -> None:
        self.model = model
        self.coverage = coverage
        self.min_coverage = min_coverage

    def decide(self, retrieval: Retrieval, query: npt.NDArray[np.float32]) -> ScopeDecision:
        if not retrieval.ranked:
            return ScopeDecision(False, "no passage matched the question")
        cov = self.coverage(retrieval.question)
        sig = signals(retrieval, cov)
        if self.model is None:
            ok = cov >= self.min_coverage
            return ScopeDecision(
                ok, f"coverage {cov:.2f} (min {self.min_coverage:.2f}; no scope model)", cov, cov - self.min_coverage
            )
        score = self.model.score(query, sig)
        detail = (
            f"scope score {score:.2f} (threshold {self.model.threshold:.2f}); dense {sig[0]:.3f}, "
            f"lexical {retrieval.ranked[0].lexical:.1f}, coverage {cov:.2f}, margin {sig[3]:.2f}"
        )
        return ScopeDecision(score >= self.model.threshold, detail, score, score - self.model.threshold)


def load_scope_model(path: Path, embedder_id: str, dim: int) -> ScopeModel | None:
    """The trained model, if there is one for this embedder and these signals; otherwise None (and a warning)."""
    if not path.exists():
        log.warning("no scope model at %s; run `kiruna-bot scope train`", path)
        return None
    model = ScopeModel.load(path)
    if model.embedder_id != embedder_id:
        log.warning("scope model was trained for %s, not %s; using coverage only", model.embedder_id, embedder_id)
        return None
    if len(model.mean) != (dim if model.use_embedding else 0) + len(SIGNALS):
        log.warning("scope model was trained on other signals than %s; run `kiruna-bot scope train`", SIGNALS)
        return None
    return model
