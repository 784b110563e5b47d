"""The content desk's results as JSON: one shape for the staff API and `kiruna-bot corpus diff --json`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.clusters import Cluster
from bot.content import ChangeReport, ImportResult
from bot.storage.documents import Publication, StoredVersion
from bot.storage.topics import Topic
from corpus.diff import DocumentDiff


def version_json(v: StoredVersion, published: dict[str, str] | None = None) -> dict[str, Any]:
    s = v.source
    return {
        "id": v.id,
        "doc_id": v.doc_id,
        "number": v.number,
        "title": s.title,
        "format": s.format,
        "publisher": s.publisher,
        "published_by": s.published_by,
        "last_modified": s.last_modified,
        "source_url": s.source_url,
        "adopted": s.adopted.reference() if s.adopted else None,
        "decisions": list(s.decisions),
        "links": [{"text": link.text, "url": link.url} for link in s.links],
        "origin": v.origin,
        "imported_at": v.imported_at.isoformat(),
        "imported_by": v.imported_by,
        "published": published is not None and published.get(v.doc_id) == v.id,
    }


def diff_json(d: DocumentDiff) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "counts": {k: len(d.of_kind(k)) for k in ("added", "removed", "changed")} | {"unchanged": d.unchanged},
        "changes": [asdict(c) for c in d.changes],
        "headings_added": d.headings_added,
        "headings_removed": d.headings_removed,
        "metadata": {k: {"old": old, "new": new} for k, (old, new) in d.metadata.items()},
        "links": [asdict(link) for link in d.links],
    }


def import_json(r: ImportResult) -> dict[str, Any]:
    return {
        "version": version_json(r.version, {r.version.doc_id: r.published} if r.published else None),
        "created": r.created,
        "published": r.published,
        "diff": diff_json(r.diff),
    }


def review_json(r: ChangeReport) -> dict[str, Any]:
    return {
        "doc_id": r.doc_id,
        "version": r.version,
        "against": r.against,
        "diff": diff_json(r.diff),
        "stale_translations": [asdict(s) for s in r.stale],
        "untranslated": r.untranslated,
        "eval_cases": [asdict(c) for c in r.eval_cases],
        "questions": [asdict(q) for q in r.questions],
    }


def publication_json(p: Publication) -> dict[str, Any]:
    return {
        "id": p.id,
        "doc_id": p.doc_id,
        "version_id": p.version_id,
        "action": p.action,
        "state": p.state,
        "requested_by": p.requested_by,
        "requested_at": p.requested_at.isoformat(),
        "finished_at": p.finished_at.isoformat() if p.finished_at else None,
        "error": p.error,
    }


def topic_json(t: Topic) -> dict[str, Any]:
    return {
        "id": t.id,
        "name": t.name,
        "examples": list(t.examples),
        "text": t.text,
        "url": t.url,
        "status": t.status,
        "updated_at": t.updated_at.isoformat(),
        "updated_by": t.updated_by,
    }


def cluster_json(c: Cluster) -> dict[str, Any]:
    return {
        "count": c.count,
        "by_lang": c.by_lang,
        "label": c.label,
        "covered_by": c.covered_by,
        "questions": [{"text": t, "lang": lang, "count": n} for t, lang, n in c.questions],
    }


def diff_summary(d: DocumentDiff) -> str:
    counts = {k: len(d.of_kind(k)) for k in ("added", "removed", "changed")}
    return (
        f"{counts['changed']} sentences changed, {counts['added']} added, {counts['removed']} removed, "
        f"{d.unchanged} unchanged; {len(d.links)} links and {len(d.metadata)} metadata fields changed"
    )


def _change_lines(d: DocumentDiff) -> list[str]:
    marks = {"changed": "~", "added": "+", "removed": "-"}
    lines = []
    for c in d.changes:
        text = f"{c.old}\n    -> {c.new}" if c.kind == "changed" else (c.new or c.old)
        lines.append(f"  {marks[c.kind]} {text}")
    lines += [f"  + heading: {h}" for h in d.headings_added] + [f"  - heading: {h}" for h in d.headings_removed]
    lines += [f"  link {x.kind}: {x.text} ({x.old_url or '-'} -> {x.new_url or '-'})" for x in d.links]
    lines += [f"  {name}: {old} -> {new}" for name, (old, new) in d.metadata.items()]
    return lines


def review_text(r: ChangeReport) -> str:
    """The review as `kiruna-bot corpus diff` prints it."""
    lines = [f"{r.doc_id}: {r.against or '(nothing published)'} -> {r.version}", diff_summary(r.diff)]
    lines += _change_lines(r.diff)
    if r.stale:
        lines.append("stale translations: " + ", ".join(f"{s.lang} {s.count} ({s.reviewed} reviewed)" for s in r.stale))
    if r.untranslated:
        lines.append("new texts without translation: " + ", ".join(f"{k} {v}" for k, v in r.untranslated.items()))
    lines += [f"eval case {c.id} [{c.lang}] {c.question!r} expects a changed sentence" for c in r.eval_cases]
    lines += [f"{q.count} logged answers quoted {q.chunk_id}" for q in r.questions]
    return "\n".join(lines)
