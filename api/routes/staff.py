"""The staff API: try questions with full evidence, evaluate, review translations, read the question log.

Every route needs the staff token (`api.security.require_staff`).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import Chat, Staff
from api.schemas import MAX_MESSAGE, ChatRequest
from api.security import require_staff
from bot.evaluation.dataset import from_saved, load_cases
from bot.evaluation.runner import run_eval
from bot.language.supported import LangCode
from bot.staff import ReviewedEntry
from bot.storage.eval_cases import SavedCase
from bot.storage.questions import LoggedQuestion

router = APIRouter(prefix="/v1/staff", tags=["staff"], dependencies=[Depends(require_staff)])
StaffName = Annotated[str, Depends(require_staff)]
EntryId = Annotated[int, Path(ge=1, le=2**62, description="A translation memory entry id.")]


class EvalCaseIn(BaseModel):
    lang: LangCode
    question: str = Field(min_length=1, max_length=MAX_MESSAGE)
    answer: str | None = Field(None, description="The corpus sentence that answers; null if it should be refused.")


class TranslationEdit(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


def _entry_json(r: ReviewedEntry) -> dict[str, Any]:
    e = r.entry
    return {
        "id": e.id,
        "lang": e.lang,
        "source_text": e.source_text,
        "text": e.text,
        "provider": e.provider,
        "reviewed": e.reviewed,
        "reviewer": e.reviewer,
        "reviewed_at": e.reviewed_at.isoformat() if e.reviewed_at else None,
        "stale": r.stale,
    }


@router.post("/try")
async def try_question(body: ChatRequest, service: Chat) -> dict[str, Any]:
    turn = await service.trace(body)  # the evidence and the answer from one reading
    plan = turn.plan
    if plan is None:  # pragma: no cover - trace never serves from the cache
        raise HTTPException(status_code=500, detail="no evidence")
    retrieval = plan.retrieval
    decision = plan.parts[0].decision if plan.parts else None
    return {
        "answer": turn.answer.model_dump(),
        "detected_lang": turn.answer.detected_lang,
        "detected_confidence": turn.answer.detected_confidence,
        "kind": plan.kind,
        "reading": plan.reading,
        "parts": [p.question for p in plan.parts],
        "scope": (
            {"in_scope": decision.in_scope, "reason": decision.reason, "score": decision.score} if decision else None
        ),
        "asks": sorted(retrieval.asks) if retrieval else [],
        "retrieved": [
            {
                "id": r.chunk.id,
                "section": r.chunk.section,
                "text": r.chunk.text,
                "dense": round(r.dense, 4),
                "lexical": round(r.lexical, 4),
                "fused": round(r.fused, 4),
                "answer_types": sorted(r.answer_types),
            }
            for r in (retrieval.ranked if retrieval else [])
        ],
    }


@router.get("/sentences")
def sentences(service: Chat) -> list[dict[str, str]]:
    return [
        {"id": s.id, "chunk_id": s.chunk_id, "section": section, "text": s.text} for s, section in service.sentences()
    ]


def _case_json(c: SavedCase) -> dict[str, Any]:
    return {
        "id": c.id,
        "lang": c.lang,
        "question": c.question,
        "answer": c.answer,
        "created_at": c.created_at.isoformat(),
        "created_by": c.created_by,
    }


@router.get("/eval-cases")
def eval_cases(staff: Staff) -> list[dict[str, Any]]:
    return [_case_json(c) for c in staff.eval_cases()]


@router.post("/eval-cases", status_code=201)
def add_eval_case(body: EvalCaseIn, staff: Staff, name: StaffName) -> dict[str, Any]:
    try:
        return _case_json(staff.add_eval_case(body.lang, body.question, body.answer, name))
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@router.post("/eval")
async def evaluate(service: Chat, staff: Staff) -> dict[str, Any]:
    saved = await anyio.to_thread.run_sync(staff.eval_cases)
    report = await run_eval(service, load_cases() + [from_saved(c) for c in saved])
    return report.to_dict()


@router.get("/translations")
def translations(
    staff: Staff, lang: str | None = None, unreviewed: bool = False, stale: bool | None = None
) -> list[dict[str, Any]]:
    return [_entry_json(r) for r in staff.translations(lang, unreviewed=unreviewed, stale=stale)]


@router.put("/translations/{entry_id}")
def edit_translation(entry_id: EntryId, body: TranslationEdit, staff: Staff) -> dict[str, Any]:
    try:
        return _entry_json(staff.edit_translation(entry_id, body.text))
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="no translation with that id") from exc


@router.post("/translations/{entry_id}/approve")
def approve_translation(entry_id: EntryId, staff: Staff, name: StaffName) -> dict[str, Any]:
    try:
        return _entry_json(staff.approve_translation(entry_id, name))
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="no translation with that id") from exc


def _question_json(q: LoggedQuestion) -> dict[str, Any]:
    return {
        "id": q.id,
        "created_at": q.created_at.isoformat(),
        "text": q.text,
        "lang": q.lang,
        "detected_lang": q.detected_lang,
        "answered": q.answered,
        "chunk_id": q.chunk_id,
        "helpful": q.helpful,
        "unhelpful": q.unhelpful,
    }


@router.get("/questions")
def questions(staff: Staff, lang: str | None = None, answered: bool | None = None) -> list[dict[str, Any]]:
    return [_question_json(q) for q in staff.questions(lang, answered)]


@router.get("/questions/top-unanswered")
def top_unanswered(staff: Staff) -> dict[str, list[tuple[str, int]]]:
    return staff.top_unanswered()


_FORMULA = frozenset("=+-@＝＋－＠")


def safe_cell(value: object) -> object:
    """A spreadsheet must not run a cell as a formula: text that would start one gets a leading quote.

    A formula starts with = + - @ (or their fullwidth forms), also after leading spaces, tabs, line
    breaks or invisible characters, which spreadsheets skip; a leading tab or carriage return alone
    is read as one too.
    """
    if not isinstance(value, str) or not value:
        return value
    first = next((ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")), "")
    return "'" + value if value[0] in "\t\r\n" or first in _FORMULA else value


@router.get("/questions.csv")
def questions_csv(staff: Staff) -> Response:
    out = io.StringIO()
    fields = ["id", "created_at", "lang", "detected_lang", "answered", "chunk_id", "helpful", "unhelpful", "text"]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for row in (_question_json(q) for q in staff.questions()):
        writer.writerow({k: safe_cell(row[k]) for k in fields})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="questions.csv"'},
    )
