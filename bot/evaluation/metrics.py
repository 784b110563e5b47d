"""Scores an answering run the way the eval targets are stated."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from bot.evaluation.dataset import EvalCase


@dataclass(frozen=True)
class CaseResult:
    case: EvalCase
    answered: bool
    rank: int | None  # 1-based rank of the first source containing the answer sentence
    quote_hit: bool  # the quote contains the answer sentence
    verbatim: bool  # every quote is found character for character in the corpus
    top_score: float
    document: str | None = None  # the document of the expected passage (or of the quote); None: neither


@dataclass
class Scores:
    questions: int = 0
    in_scope: int = 0
    out_of_scope: int = 0
    recall_at_1: float = 0.0
    recall_at_3: float = 0.0
    mrr: float = 0.0
    quote_hit_rate: float = 0.0
    refusal_rate: float = 0.0  # out-of-scope questions refused
    false_refusal_rate: float = 0.0  # in-scope questions refused
    verbatim_rate: float = 0.0  # answers whose quotes are all verbatim

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _score(results: list[CaseResult]) -> Scores:
    ins = [r for r in results if r.case.in_scope]
    oos = [r for r in results if not r.case.in_scope]
    answered = [r for r in results if r.answered]
    s = Scores(questions=len(results), in_scope=len(ins), out_of_scope=len(oos))
    if ins:
        s.recall_at_1 = sum(r.rank == 1 for r in ins) / len(ins)
        s.recall_at_3 = sum(r.rank is not None and r.rank <= 3 for r in ins) / len(ins)
        s.mrr = sum(1 / r.rank for r in ins if r.rank) / len(ins)
        s.quote_hit_rate = sum(r.quote_hit for r in ins) / len(ins)
        s.false_refusal_rate = sum(not r.answered for r in ins) / len(ins)
    if oos:
        s.refusal_rate = sum(not r.answered for r in oos) / len(oos)
    s.verbatim_rate = sum(r.verbatim for r in answered) / len(answered) if answered else 1.0
    return s


def summarize(results: list[CaseResult]) -> tuple[Scores, dict[str, Scores]]:
    """Overall scores and scores per language."""
    by_lang: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        by_lang[r.case.lang].append(r)
    return _score(results), {lang: _score(rs) for lang, rs in sorted(by_lang.items())}


def by_document(results: list[CaseResult]) -> dict[str, Scores]:
    """Scores per document: each case counts for the document its expected passage (or its quote) is in."""
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        groups[r.document or "(none)"].append(r)
    return {doc: _score(rs) for doc, rs in sorted(groups.items())}
