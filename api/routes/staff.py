"""The staff API: try questions with full evidence, evaluate, review translations, read the question log.

Every route needs the staff token (`api.security.require_staff`).
"""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import get_service
from api.schemas import MAX_MESSAGE, ChatRequest, ChatResponse
from api.security import require_staff
from bot.evaluation.dataset import load_cases
from bot.evaluation.runner import run_eval
from bot.languages import LANGUAGES
from bot.service import ChatService
from bot.storage.eval_cases import EvalCaseStore, SavedCase
from corpus.curated_translations import source_hash
from corpus.segments import corpus_segments

router = APIRouter(prefix="/v1/staff", tags=["staff"], dependencies=[Depends(require_staff)])
Service = Annotated[ChatService, Depends(get_service)]
StaffName = Annotated[str, Depends(require_staff)]
EntryId = Annotated[int, Path(ge=1, le=2**62, description="A translation memory entry id.")]


class EvalCaseIn(BaseModel):
    lang: str = Field(min_length=2, max_length=8)
    question: str = Field(min_length=1, max_length=MAX_MESSAGE)
    answer: str | None = Field(None, description="The corpus sentence that answers; null if it should be refused.")


class TranslationEdit(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


def _current_sources(service: ChatService) -> set[str]:
    """Hashes of the corpus's current sentences and headings: a translation of anything else is stale."""
    return {source_hash(s.text) for s in corpus_segments(service.corpus)}


def _entry_json(e: Any, current: set[str]) -> dict[str, Any]:
    return {
        "id": e.id,
        "lang": e.lang,
        "source_text": e.source_text,
        "text": e.text,
        "provider": e.provider,
        "reviewed": e.reviewed,
        "reviewer": e.reviewer,
        "reviewed_at": e.reviewed_at.isoformat() if e.reviewed_at else None,
        "stale": source_hash(e.source_text) not in current,
    }


@router.post("/try")
async def try_question(body: ChatRequest, service: Service) -> dict[str, Any]:
    def run() -> dict[str, Any]:
        draft = service.understand(body.message, body.lang)  # the evidence and the answer from one retrieval
        retrieval, decision = draft.retrieval, draft.decision
        answer = service.respond(draft, log=False)
        return {
            "answer": ChatResponse.model_validate(answer.to_dict()).model_dump(),
            "detected_lang": answer.detected_lang,
            "scope": {"in_scope": decision.in_scope, "reason": decision.reason, "score": decision.score},
            "asks": sorted(retrieval.asks),
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
                for r in retrieval.ranked
            ],
        }

    return await anyio.to_thread.run_sync(run)


@router.get("/sentences")
def sentences(service: Service) -> list[dict[str, str]]:
    return [
        {"id": s.id, "chunk_id": s.chunk_id, "section": service.corpus.chunk(s.chunk_id).section, "text": s.text}
        for s in service.corpus.sentences()
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
def eval_cases(service: Service) -> list[dict[str, Any]]:
    return [_case_json(c) for c in EvalCaseStore(service.database).all()]


@router.post("/eval-cases", status_code=201)
def add_eval_case(body: EvalCaseIn, service: Service, staff: StaffName) -> dict[str, Any]:
    if body.lang not in LANGUAGES:
        raise HTTPException(status_code=422, detail=f"unsupported language {body.lang!r}")
    if body.answer is not None and body.answer not in {s.text for s in service.corpus.sentences()}:
        raise HTTPException(status_code=422, detail="answer must be a sentence of the corpus, verbatim")
    return _case_json(EvalCaseStore(service.database).add(body.lang, body.question, body.answer, staff))


@router.post("/eval")
async def evaluate(service: Service) -> dict[str, Any]:
    def run() -> dict[str, Any]:
        cases = load_cases() + [c.as_case() for c in EvalCaseStore(service.database).all()]
        return run_eval(service, cases).to_dict()

    return await anyio.to_thread.run_sync(run)


@router.get("/translations")
def translations(
    service: Service, lang: str | None = None, unreviewed: bool = False, stale: bool | None = None
) -> list[dict[str, Any]]:
    current = _current_sources(service)
    rows = [_entry_json(e, current) for e in service.memory.entries(lang, unreviewed_only=unreviewed)]
    return [r for r in rows if stale is None or r["stale"] == stale]


@router.put("/translations/{entry_id}")
def edit_translation(entry_id: EntryId, body: TranslationEdit, service: Service) -> dict[str, Any]:
    try:
        entry = service.memory.edit(entry_id, body.text)
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="no translation with that id") from exc
    return _entry_json(entry, _current_sources(service))


@router.post("/translations/{entry_id}/approve")
def approve_translation(entry_id: EntryId, service: Service, staff: StaffName) -> dict[str, Any]:
    try:
        entry = service.memory.approve(entry_id, staff)
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="no translation with that id") from exc
    return _entry_json(entry, _current_sources(service))


def _questions(service: ChatService, lang: str | None, answered: bool | None) -> list[dict[str, Any]]:
    return [
        {
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
        for q in service.questions.recent(500, lang, answered)
    ]


@router.get("/questions")
def questions(service: Service, lang: str | None = None, answered: bool | None = None) -> list[dict[str, Any]]:
    return _questions(service, lang, answered)


@router.get("/questions/top-unanswered")
def top_unanswered(service: Service) -> dict[str, list[tuple[str, int]]]:
    return service.questions.top_unanswered()


@router.get("/questions.csv")
def questions_csv(service: Service) -> Response:
    out = io.StringIO()
    fields = ["id", "created_at", "lang", "detected_lang", "answered", "chunk_id", "helpful", "unhelpful", "text"]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for row in _questions(service, None, None):
        # a cell starting with = + - @ would run as a formula in a spreadsheet
        text = row["text"]
        row["text"] = "'" + text if text[:1] in ("=", "+", "-", "@") else text
        writer.writerow({k: row[k] for k in fields})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="questions.csv"'},
    )
