"""The eval machinery on the fast pipeline: reports, ablations and ranker training run and add up."""

from __future__ import annotations

import numpy as np

from bot.chat.pipeline import Pipeline
from bot.chat.ranking import FEATURES
from bot.evaluation.dataset import EvalCase, load_cases
from bot.evaluation.ranker_training import train_ranker
from bot.evaluation.report import render_ablation, render_table
from bot.evaluation.runner import run_eval
from bot.evaluation.scope_training import training_cases
from bot.service import ChatService
from tests.fakes import run_async


def test_report_counts_every_case_per_language(fast_chat: ChatService) -> None:
    cases = [c for c in load_cases() if c.lang in ("sv", "en")][:24]
    report = run_async(run_eval, fast_chat, cases)
    assert report.overall.questions == len(cases)
    assert set(report.by_lang) == {"sv", "en"}
    assert sum(s.questions for s in report.by_lang.values()) == len(cases)
    assert report.overall.verbatim_rate == 1.0
    table = render_table(report, show_failures=True)
    assert table.splitlines()[0].split()[:3] == ["lang", "n", "in"]
    assert "all" in table


def test_an_unanswerable_case_counts_as_refusal_or_false_acceptance(fast_chat: ChatService) -> None:
    case = EvalCase("x", "sv", "Hur många hundar bor i Paris?", None)
    report = run_async(run_eval, fast_chat, [case])
    assert report.overall.out_of_scope == 1
    assert report.overall.refusal_rate in (0.0, 1.0)
    assert (report.overall.refusal_rate == 0.0) == bool(report.failures())


def test_ablation_table_names_each_variant(fast_chat: ChatService) -> None:
    cases = load_cases()[:10]
    full = run_async(run_eval, fast_chat, cases)
    dense_only = run_async(run_eval, fast_chat.variant(ranker=fast_chat.ranker.without("lexical", "types")), cases)
    table = render_ablation({"dense only": dense_only, "hybrid": full})
    assert "dense only" in table
    assert "hybrid" in table


def test_ranker_training_learns_one_weight_per_feature(fast_pipeline: Pipeline) -> None:
    ranker = train_ranker(fast_pipeline, training_cases()[::8])
    assert ranker.features == FEATURES
    assert np.all(np.isfinite(ranker.weights))
    assert "in-scope training questions" in ranker.trained_on
