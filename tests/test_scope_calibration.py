"""The scope threshold refuses no more in-scope questions than allowed, with a margin on both sides."""

from __future__ import annotations

import numpy as np

from bot.evaluation.scope_training import calibrate_threshold


def test_threshold_refuses_at_most_the_allowed_share() -> None:
    rng = np.random.default_rng(3)
    scores = rng.normal(size=200)
    in_scope = rng.random(200) < 0.75
    for share in (0.0, 0.04, 0.1, 0.5):
        t = calibrate_threshold(scores, in_scope, share)
        refused = int(np.sum(scores[in_scope] < t))
        assert refused == int(np.floor(share * in_scope.sum()))
        # No in-scope score sits on the threshold, where float noise would decide.
        assert np.min(np.abs(scores[in_scope] - t)) > 1e-9


def test_threshold_without_in_scope_questions() -> None:
    assert calibrate_threshold(np.array([0.3, 0.1]), np.array([False, False]), 0.04) == 0.0
