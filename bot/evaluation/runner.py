"""Runs eval cases through the real chat service (`ChatService.trace`) and scores them."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.chat.answer import ChatRequest
from bot.chat.retrieval import Retrieval
from bot.evaluation.dataset import EvalCase
from bot.evaluation.metrics import CaseResult, Scores, by_document, summarize
from bot.service import ChatService
from corpus.model import Document


@dataclass
class EvalReport:
    overall: Scores
    by_lang: dict[str, Scores]
    results: list[CaseResult]
    by_document: dict[str, Scores] = field(default_factory=dict)

    def failures(self) -> list[CaseResult]:
        return [
            r
            for r in self.results
            if (r.case.in_scope and (r.rank != 1 or not r.answered)) or (not r.case.in_scope and r.answered)
        ]

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.to_dict(),
            "by_lang": {k: v.to_dict() for k, v in self.by_lang.items()},
            "by_document": {k: v.to_dict() for k, v in self.by_document.items()},
            "failures": [
                {
                    "id": r.case.id,
                    "lang": r.case.lang,
                    "question": r.case.question,
                    "expected": r.case.answer,
                    "answered": r.answered,
                    "rank": r.rank,
                    "top_score": round(r.top_score, 4),
                }
                for r in self.failures()
            ],
        }


def _sentences(doc: Document) -> list[str]:
    return [s.text for c in doc.chunks for s in c.sentences]


def _rank(retrieval: Retrieval, answer: str) -> int | None:
    for i, scored in enumerate(retrieval.ranked, 1):
        if any(s.text == answer for s in scored.chunk.sentences):
            return i
    return None


async def evaluate_case(service: ChatService, case: EvalCase) -> CaseResult:
    turn = await service.trace(ChatRequest(message=case.question, lang=case.lang))
    answer = turn.answer
    retrieval = turn.plan.retrieval if turn.plan else None
    corpus = service.corpus
    verbatim = all(
        corpus.document(q.doc_id).text[q.start : q.end] == q.text and q.text in corpus.document(q.doc_id).text
        for q in answer.quotes
    )
    expected_in = next((d.meta.id for d in corpus.documents for s in _sentences(d) if s == case.answer), None)
    return CaseResult(
        case=case,
        answered=answer.answered,
        rank=_rank(retrieval, case.answer) if case.answer and retrieval else None,
        # any quote: the vision is quoted before its interpretation, a question about either finds it
        quote_hit=bool(case.answer and any(case.answer in q.text for q in answer.quotes)),
        verbatim=verbatim,
        top_score=retrieval.ranked[0].fused if retrieval and retrieval.ranked else 0.0,
        document=expected_in or (answer.quote.doc_id if answer.quote else None),
    )


async def run_eval(service: ChatService, cases: list[EvalCase]) -> EvalReport:
    """Every case through `ChatService.trace`, the same sequence residents get."""
    results = [await evaluate_case(service, c) for c in cases]
    overall, by_lang = summarize(results)
    return EvalReport(overall, by_lang, results, by_document(results))
