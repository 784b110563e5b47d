"""The FastAPI application: chat, health and OpenAPI.

The model and index load once per worker process, in the lifespan, never at import and never
per request. CPU work (embedding, search) runs in a thread pool sized to the cores, so the event
loop keeps serving health checks and other requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.routes import chat, feedback, health, languages, pages, staff, ui
from api.security import SecurityHeaders
from api.state import ServiceState
from bot.config import Settings
from bot.service import ChatService


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    """422 with a message a person can read, plus the field-level details."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return JSONResponse(
        status_code=422,
        content={"detail": "; ".join(parts) or "invalid request", "errors": _plain(errors)},
    )


def _plain(errors: object) -> object:
    """Validation details made JSON-safe (pydantic may include exception objects in `ctx`)."""
    if isinstance(errors, list):
        return [_plain(e) for e in errors]
    if isinstance(errors, dict):
        return {k: _plain(v) for k, v in errors.items() if k != "url"}
    if isinstance(errors, str | int | float | bool) or errors is None:
        return errors
    return str(errors)


def create_app(settings: Settings | None = None, service: ChatService | None = None) -> FastAPI:
    settings = settings or Settings()
    state = ServiceState(settings, service)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = max(4, settings.threads * 2)
        if not state.ready:
            await anyio.to_thread.run_sync(state.load)
        yield

    app = FastAPI(
        title="Kiruna vision bot",
        version="0.1.0",
        description="Answers questions about Kiruna kommun's vision and goals by quoting the official text.",
        lifespan=lifespan,
    )
    app.state.bot = state
    app.state.settings = settings
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(feedback.router)
    app.include_router(languages.router)
    app.include_router(ui.router)
    app.include_router(staff.router)
    app.include_router(pages.router)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_credentials=False,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    return app


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory` and `kiruna-bot serve`: settings from the environment."""
    return create_app()
