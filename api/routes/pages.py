"""The widget script, the demo page, the staff console and the statements, from `api/static/`."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(__file__).resolve().parents[1] / "static"
WIDGET_VERSION = "v1"
router = APIRouter(include_in_schema=False)


def _file(name: str, media_type: str | None = None, cache: str = "no-cache") -> FileResponse:
    path = (STATIC / name).resolve()
    if STATIC not in path.parents or not path.is_file():
        raise HTTPException(status_code=404, detail="Not Found")
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": cache})


@router.get("/")
def demo() -> FileResponse:
    return _file("demo.html", "text/html; charset=utf-8")


@router.get("/widget.js")
def widget_latest() -> FileResponse:
    return _file("widget.js", "text/javascript; charset=utf-8", "public, max-age=300")


@router.get(f"/widget/{WIDGET_VERSION}/widget.js")
def widget_versioned() -> FileResponse:
    return _file("widget.js", "text/javascript; charset=utf-8", "public, max-age=86400")


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
