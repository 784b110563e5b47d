"""The API documentation (`/docs`, Swagger UI; `/redoc`, ReDoc) from the bot's own copy of their assets.

No CDN: the pages work offline and under the bot's CSP. The assets are the ones the
`fastapi-offline` package ships (MIT; Swagger UI is Apache-2.0, ReDoc MIT); the pages and the
Swagger UI start-up script are in `api/static/docs/`. ReDoc's sidebar credit asks for a logo on
Redocly's CDN: the CSP blocks it (nothing leaves the browser) and ReDoc hides the broken image.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from api.security import DOCS_CSP

PAGES = Path(__file__).resolve().parents[1] / "static" / "docs"
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
router = APIRouter(include_in_schema=False)


def _page(name: str) -> FileResponse:
    return FileResponse(
        PAGES / name,
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-cache", "Content-Security-Policy": DOCS_CSP},
    )


@router.get("/docs")
def swagger() -> FileResponse:
    return _page("swagger.html")


@router.get("/redoc")
def redoc() -> FileResponse:
    return _page("redoc.html")


@router.get("/docs/swagger-init.js")
def swagger_init() -> FileResponse:
    """Swagger UI's start-up, as a file: the CSP allows no inline script."""
    return FileResponse(PAGES / "swagger-init.js", media_type="text/javascript; charset=utf-8")


@router.get("/docs/assets/{name}")
def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(status_code=404, detail="Not Found")
    path = Path(str(files("fastapi_offline") / "static" / name))
    return FileResponse(path, media_type=ASSETS[name], headers={"Cache-Control": "public, max-age=86400"})
