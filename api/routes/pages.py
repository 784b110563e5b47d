"""The widget script, the demo page, the staff console and the statements, from `api/static/`."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(__file__).resolve().parents[1] / "static"
router = APIRouter(include_in_schema=False)


def widget_version() -> str:
    """The version written in widget.js itself, so the versioned URL changes whenever the file does."""
    match = re.search(r'const VERSION = "([0-9A-Za-z.\-]+)"', (STATIC / "widget.js").read_text(encoding="utf-8"))
    return match.group(1) if match else "0"


WIDGET_VERSION = widget_version()


def _file(name: str, media_type: str | None = None, cache: str = "no-cache") -> FileResponse:
    try:
        path = (STATIC / name).resolve()
        found = STATIC in path.parents and path.is_file()
    except (OSError, ValueError):  # a name no file can have (too long, NUL): not found either
        found = False
    if not found:
        raise HTTPException(status_code=404, detail="Not Found")
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": cache})


@router.get("/")
def demo() -> FileResponse:
    return _file("demo.html", "text/html; charset=utf-8")


@router.api_route("/widget.js", methods=["GET", "HEAD"])
def widget_latest() -> FileResponse:
    """Always the current widget, briefly cached: for pages that take updates as they come."""
    return _file("widget.js", "text/javascript; charset=utf-8", "public, max-age=300")


@router.api_route("/widget/{version}/widget.js", methods=["GET", "HEAD"])
def widget_versioned(version: str) -> FileResponse:
    """One version, cached for a year and never changed: for pages that pin it with SRI."""
    if version != WIDGET_VERSION:
        raise HTTPException(
            status_code=404, detail=f"widget version {version} is not served; current: {WIDGET_VERSION}"
        )
    return _file("widget.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable")


@router.get("/staff")
def staff_console() -> FileResponse:
    return _file("staff.html", "text/html; charset=utf-8")


@router.get("/accessibility")
def accessibility() -> FileResponse:
    return _file("accessibility.html", "text/html; charset=utf-8")


@router.get("/privacy")
def privacy() -> FileResponse:
    return _file("privacy.html", "text/html; charset=utf-8")


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    return _file(name)
