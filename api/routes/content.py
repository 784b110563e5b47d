"""The content API: import a changed page, review it, publish or roll back, and staff's topic pointers.

Every route needs the staff token. Imports, reviews and topic edits read and write the database
and parse pages (run in FastAPI's thread pool, never on the event loop); publishing answers 202 at
once and builds the new index in the background (`GET /publications/{id}` tells when it is done).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from api.deps import Content
from api.routes.pages import STATIC
from api.security import require_staff
from bot.content import AlreadyPublished, ContentError
from bot.content_json import (
    cluster_json,
    import_json,
    publication_json,
    review_json,
    topic_json,
    version_json,
)
from bot.fetching import FetchError
from bot.storage.documents import PublishConflict
from bot.storage.topics import TopicDraft

router = APIRouter(prefix="/v1/staff/content", tags=["content"], dependencies=[Depends(require_staff)])
# the page itself is public like /staff; everything it shows comes from the token-protected routes
page_router = APIRouter(include_in_schema=False)
StaffName = Annotated[str, Depends(require_staff)]
VersionId = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="A document version id.")]
TopicId = Annotated[int, Path(ge=1, le=2**62, description="A topic id.")]
DocId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,199}$")]
# an upload may be a whole saved page: the body limit for this route is raised to match (api/app.py)
MAX_UPLOAD_CHARS = 50_000_000


class ImportIn(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="The file's name: .html, .txt or .md.")
    content: str = Field(min_length=1, max_length=MAX_UPLOAD_CHARS)
    doc_id: DocId | None = Field(None, description="The document it is a version of (default: by URL or title).")


class ImportUrlIn(BaseModel):
    url: str = Field(min_length=8, max_length=2048, pattern=r"^https?://")
    doc_id: DocId | None = None


class PublishIn(BaseModel):
    version_id: str = Field(pattern=r"^[0-9a-f]{12}$")


class TopicIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    examples: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(default_factory=list, max_length=30)
    text: str = Field("", max_length=1000, description="The pointer in Swedish; translated like the page's sentences.")
    url: str = Field("", max_length=2000)
    status: Literal["draft", "active"] = "draft"

    def draft(self) -> TopicDraft:
        return TopicDraft(self.name, tuple(self.examples), self.text, self.url, self.status)


def _refused(exc: Exception) -> HTTPException:
    if isinstance(exc, KeyError):
        return HTTPException(status_code=404, detail=f"not found: {exc.args[0] if exc.args else ''}")
    if isinstance(exc, AlreadyPublished | PublishConflict):
        return HTTPException(status_code=409, detail=str(exc))
    return HTTPException(status_code=422, detail=str(exc))


@page_router.get("/staff/content")
def content_page() -> FileResponse:
    return FileResponse(
        STATIC / "content.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"}
    )


@router.get("/documents")
def documents(content: Content) -> dict[str, Any]:
    """Each document with its versions (newest first), what is published and what this worker serves."""
    published = content.published()
    docs: dict[str, list[dict[str, Any]]] = {}
    for v in content.versions():
        docs.setdefault(v.doc_id, []).append(version_json(v, published))
    return {
        "published": published,
        "serving": content.serving(),
        "documents": [
            {"id": doc_id, "title": versions[0]["title"], "published": published.get(doc_id), "versions": versions}
            for doc_id, versions in sorted(docs.items())
        ],
    }


@router.get("/versions/{version_id}")
def version(version_id: VersionId, content: Content) -> dict[str, Any]:
    try:
        v = content.version(version_id)
    except KeyError as exc:
        raise _refused(exc) from exc
    return {**version_json(v, content.published()), "text": v.source.text}


@router.post("/import", status_code=201)
def import_file(body: ImportIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return import_json(content.import_content(body.content, body.name, name, doc_id=body.doc_id))
    except ContentError as exc:
        raise _refused(exc) from exc


@router.post("/import-url", status_code=201)
def import_url(body: ImportUrlIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return import_json(content.import_url(body.url, name, doc_id=body.doc_id))
    except (ContentError, FetchError) as exc:
        raise _refused(exc) from exc


@router.get("/versions/{version_id}/review")
def review(
    version_id: VersionId,
    content: Content,
    against: Annotated[str | None, Query(pattern=r"^[0-9a-f]{12}$")] = None,
) -> dict[str, Any]:
    """What publishing the version changes: sentences, stale translations, eval cases, logged answers."""
    try:
        return review_json(content.review(version_id, against))
    except (KeyError, ContentError) as exc:
        raise _refused(exc) from exc


@router.post("/publish", status_code=202)
def publish(body: PublishIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return publication_json(content.publish(body.version_id, name))
    except (KeyError, ContentError, PublishConflict) as exc:
        raise _refused(exc) from exc


@router.post("/rollback", status_code=202)
def rollback(body: PublishIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return publication_json(content.rollback(body.version_id, name))
    except (KeyError, ContentError, PublishConflict) as exc:
        raise _refused(exc) from exc


@router.get("/publications")
def publications(content: Content) -> list[dict[str, Any]]:
    return [publication_json(p) for p in content.publications()]


@router.get("/publications/{publication_id}")
def publication(publication_id: Annotated[int, Path(ge=1, le=2**62)], content: Content) -> dict[str, Any]:
    try:
        return publication_json(content.publication(publication_id))
    except KeyError as exc:
        raise _refused(exc) from exc


@router.get("/topics")
def topics(content: Content) -> list[dict[str, Any]]:
    return [topic_json(t) for t in content.topics()]


@router.post("/topics", status_code=201)
def add_topic(body: TopicIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return topic_json(content.save_topic(body.draft(), name))
    except ContentError as exc:
        raise _refused(exc) from exc


@router.put("/topics/{topic_id}")
def edit_topic(topic_id: TopicId, body: TopicIn, content: Content, name: StaffName) -> dict[str, Any]:
    try:
        return topic_json(content.save_topic(body.draft(), name, topic_id))
    except (KeyError, ContentError) as exc:
        raise _refused(exc) from exc


@router.delete("/topics/{topic_id}", status_code=204)
def delete_topic(topic_id: TopicId, content: Content) -> None:
    try:
        content.delete_topic(topic_id)
    except KeyError as exc:
        raise _refused(exc) from exc


@router.get("/unanswered")
def unanswered(content: Content) -> list[dict[str, Any]]:
    """Refused questions grouped by meaning across languages, largest first, each with its counts."""
    try:
        return [cluster_json(c) for c in content.clusters()]
    except ContentError as exc:
        raise _refused(exc) from exc
