"""`GET /v1/ui/{lang}`: the widget's own words in one language, from the message catalogs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request

from api.deps import get_catalogs
from bot.language.messages import ALL_IDS, Catalogs, M
from bot.language.supported import LANGUAGES, direction

router = APIRouter(prefix="/v1", tags=["languages"])
_WIDGET_KEYS = [k for k in vars(M) if k.startswith("UI_")] + [
    "LABEL_REVIEWED",
    "LABEL_UNREVIEWED",
    "LABEL_MACHINE",
    "ORIGINAL",
    "DEGRADED",
    "IN_FINNISH",
]
assert all(getattr(M, k) in ALL_IDS for k in _WIDGET_KEYS)


@router.get("/ui/{lang}")
def ui_strings(lang: str, request: Request, catalogs: Annotated[Catalogs, Depends(get_catalogs)]) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise HTTPException(status_code=404, detail=f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}")
    table = catalogs.by_lang.get(lang, {})
    fallback = catalogs.by_lang.get("en", {})
    messages = {k: table.get(getattr(M, k)) or fallback.get(getattr(M, k)) or getattr(M, k) for k in _WIDGET_KEYS}
    return {
        "lang": lang,
        "dir": direction(lang),
        "messages": messages,
        "municipality_url": request.app.state.settings.municipality_url,
    }
