"""The answer-level eval scores what a resident reads: facts in the quote, kind, language, verbatim."""

from __future__ import annotations

from bot.evaluation.answer_eval import run_answer_eval
from bot.evaluation.answer_report import render_answer_table
from bot.evaluation.answer_set import AnswerCase
from bot.service import ChatService
from tests.fakes import run_async


def _case(
    id_: str, turns: tuple[str, ...], kind: str, facts: tuple[tuple[str, ...], ...], lang: str = "sv"
) -> AnswerCase:
    return AnswerCase(id=id_, lang=lang, category="fact", turns=turns, kind=kind, facts=facts)


def test_a_case_passes_on_its_facts_kind_and_language_and_fails_otherwise(fast_chat: ChatService) -> None:
    cases = [
        _case("right", ("Vem publicerade sidan?",), "answer", (("Ulrika Hannu",),)),
        _case("wrong-fact", ("Vem publicerade sidan?",), "answer", (("a fact the page does not have",),)),
        _case("wrong-lang", ("Vem publicerade sidan?",), "answer", (("Ulrika Hannu",),), lang="en"),
        _case("talk", ("Hej!",), "smalltalk", ()),
    ]
    report = run_async(run_answer_eval, fast_chat, cases)
    passed = {r.case.id: r.passed for r in report.results}
    assert passed == {"right": True, "wrong-fact": False, "wrong-lang": False, "talk": True}
    assert all(r.verbatim for r in report.results)
    assert report.overall.passed == 0.5
    table = render_answer_table(report, show_failures=True)
    assert "wrong-fact" in table
    assert "right " not in table.split("failures")[-1]
