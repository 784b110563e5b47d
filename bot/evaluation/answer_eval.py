"""Runs answer-level cases through `ChatService.answer` and scores what the resident reads.

A case passes when the answer has the expected `kind`, is in the expected language and, for an
answer, its quoted Swedish text contains every fact of every part. Dialogues send their turns
one after the other, each with the previous answer's `conversation`, and are judged on the last.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass

from bot.chat.answer import Answer, ChatRequest
from bot.evaluation.answer_set import AnswerCase
from bot.service import ChatService


@dataclass(frozen=True)
class AnswerResult:
    case: AnswerCase
    kind: str
    lang: str
    facts_found: tuple[bool, ...]  # per part
    verbatim: bool
    quoted: str

    @property
    def kind_right(self) -> bool:
        return self.kind == self.case.kind

    @property
    def lang_right(self) -> bool:
        return self.lang == self.case.lang

    @property
    def facts_right(self) -> bool:
        return self.kind == "answer" and all(self.facts_found)

    @property
    def passed(self) -> bool:
        if self.case.kind == "answer":
            return self.facts_right and self.lang_right
        return self.kind_right and self.lang_right


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


@dataclass
class AnswerScores:
    cases: int
    passed: float | None  # every check of the case
    fact_in_quote: float | None  # answerable single questions: every part's facts in the quotes
    facts: float | None  # category fact (dates, people, counts, updates, places)
    lists: float | None
    multi_part: float | None
    short: float | None
    smalltalk: float | None  # right kind and language
    dialogues: float | None  # last answer passes
    answer_language: float | None
    oos_refused: float | None
    false_refusals: float | None
    verbatim: float | None

    def to_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def score(results: list[AnswerResult]) -> AnswerScores:
    single = [r for r in results if not r.case.is_dialogue]
    answerable = [r for r in single if r.case.kind == "answer"]

    def category(name: str) -> list[bool]:
        return [r.passed for r in single if r.case.category == name]

    return AnswerScores(
        cases=len(results),
        passed=_rate([r.passed for r in results]),
        fact_in_quote=_rate([r.facts_right for r in answerable]),
        facts=_rate(category("fact")),
        lists=_rate(category("list")),
        multi_part=_rate(category("multi")),
        short=_rate(category("short")),
        smalltalk=_rate(category("smalltalk")),
        dialogues=_rate([r.passed for r in results if r.case.is_dialogue]),
        answer_language=_rate([r.lang_right for r in results]),
        oos_refused=_rate([r.kind == "out_of_scope" for r in single if r.case.kind == "out_of_scope"]),
        false_refusals=_rate([r.kind == "out_of_scope" for r in answerable]),
        verbatim=_rate([r.verbatim for r in results if r.kind == "answer"]),
    )


@dataclass
class AnswerReport:
    overall: AnswerScores
    by_lang: dict[str, AnswerScores]
    results: list[AnswerResult]

    def failures(self) -> list[AnswerResult]:
        return [r for r in self.results if not r.passed]

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.to_dict(),
            "by_lang": {k: v.to_dict() for k, v in self.by_lang.items()},
            "failures": [
                {
                    "id": r.case.id,
                    "turns": list(r.case.turns),
                    "expected": {"kind": r.case.kind, "lang": r.case.lang, "facts": r.case.facts},
                    "got": {"kind": r.kind, "lang": r.lang, "facts_found": r.facts_found, "quoted": r.quoted},
                }
                for r in self.failures()
            ],
        }


def _verbatim(service: ChatService, answer: Answer) -> bool:
    corpus = service.corpus
    return all(corpus.document(q.doc_id).text[q.start : q.end] == q.text for q in answer.quotes)


async def run_case(service: ChatService, case: AnswerCase) -> AnswerResult:
    conversation: str | None = None
    answer: Answer | None = None
    for turn in case.turns:
        request = ChatRequest.model_validate({"message": turn, "conversation": conversation})
        answer = await service.answer(request, log=False)
        conversation = answer.conversation
    assert answer is not None  # a case has at least one turn
    quoted = "\n".join(q.text for q in answer.quotes)
    found = tuple(all(fact in quoted for fact in group) for group in case.facts)
    return AnswerResult(case, answer.kind, answer.lang, found, _verbatim(service, answer), quoted)


async def run_answer_eval(service: ChatService, cases: list[AnswerCase]) -> AnswerReport:
    results = [await run_case(service, c) for c in cases]
    by_lang: dict[str, list[AnswerResult]] = defaultdict(list)
    for r in results:
        by_lang[r.case.lang].append(r)
    return AnswerReport(score(results), {k: score(v) for k, v in sorted(by_lang.items())}, results)
