"""Regression guard on the built-in eval set: the figures must not fall below what was measured.

The issue's targets are judged on a held-out set that is not in the repository; these floors
only catch a change that makes the bot worse on the set we keep.
"""

from __future__ import annotations

import pytest

from bot.evaluation.dataset import load_cases
from bot.evaluation.runner import run_eval
from bot.service import ChatService


@pytest.fixture(scope="module")
def report(service: ChatService):  # type: ignore[no-untyped-def]
    return run_eval(service, load_cases())


def test_retrieval_quality_does_not_regress(report) -> None:  # type: ignore[no-untyped-def]
    assert report.overall.recall_at_1 >= 0.82
    assert report.overall.recall_at_3 >= 0.95
    assert min(s.recall_at_3 for s in report.by_lang.values()) >= 0.84


def test_refusals_do_not_regress(report) -> None:  # type: ignore[no-untyped-def]
    assert report.overall.refusal_rate >= 0.88
    assert report.overall.false_refusal_rate <= 0.06


def test_every_quote_is_verbatim(report) -> None:  # type: ignore[no-untyped-def]
    assert report.overall.verbatim_rate == 1.0
