"""The FastAPI application: chat, languages, feedback, staff, pages, health and metrics.

The model and index load once per worker process, in the lifespan, never at import and never per
request. The CPU part of an answer (embedding, search) runs in a thread pool sized to the cores;
waiting on a translation provider runs in a separate, larger pool, so a stalled provider never
holds up answers that need no translation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from limits.strategies import FixedWindowRateLimiter
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, multiprocess
from sqlalchemy.exc import SQLAlchemyError
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.middleware import BodySizeLimit, ErrorGuard, HostAllowlist, OddPaths, RateLimit, RequestContext
from api.routes import chat, content, docs, feedback, health, languages, pages, staff, ui
from api.security import SecurityHeaders
from api.staff_gate import StaffGate
from api.state import ServiceState
from bot.config import Settings
from bot.storage.client_keys import ClientKeys
from bot.storage.db import Database, StorageUnavailable
from bot.storage.questions import QuestionLog
from bot.storage.rate_limits import DatabaseStorage
from bot.wiring import Bot

log = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 6 * 3600
PURGE_RETRY_SECONDS = 60
IMPORT_ROUTE = "/v1/staff/content/import"


class DataDirError(RuntimeError):
    """The data dir cannot be created or written: a startup error with the path in it."""


def unwritable(folder: Path) -> str | None:
    """Why nothing can be written in `folder`, or None when it can."""
    probe = folder / f".write-test-{os.getpid()}"
    try:
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


def ensure_data_dir(settings: Settings) -> None:
    """The data dir exists; it must be writable only when something is written there.

    That is the default SQLite database (a database elsewhere, `KIRUNA_BOT_DATABASE_URL`, leaves a
    read-only data dir with a built index enough). Building the index writes too; `serve` checks
    that where it builds.
    """
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"data dir {settings.data_dir} is not writable: {exc.strerror or exc}") from exc
    if settings.database_url is None and (why := unwritable(settings.data_dir)):
        raise DataDirError(
            f"data dir {settings.data_dir} is not writable: {why}; the SQLite database lives there "
            "(set KIRUNA_BOT_DATABASE_URL to keep it elsewhere)"
        )


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    """422 with a message a person can read, plus the field-level details."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return JSONResponse(
        status_code=422, content={"detail": "; ".join(parts) or "invalid request", "errors": _plain(errors)}
    )


def _plain(errors: object) -> object:
    """Validation details made JSON-safe (pydantic may include exception objects in `ctx`)."""
    if isinstance(errors, list):
        return [_plain(e) for e in errors]
    if isinstance(errors, dict):
        return {k: _plain(v) for k, v in errors.items() if k not in ("url", "input")}
    if isinstance(errors, str | int | float | bool) or errors is None:
        return errors
    return str(errors)


def _storage_error(request: Request, exc: Exception) -> JSONResponse:
    """A request that needs the database while it cannot be used: 503 in JSON, counted and logged."""
    database: Database = request.app.state.database
    database.health.failed("database", exc)
    return JSONResponse(
        status_code=503,
        content={"detail": "this cannot be done right now: the bot's storage is unavailable; try again shortly"},
        headers={"Retry-After": "5"},
    )


async def _purge_forever(database: Database, days: int) -> None:
    while True:
        wait = PURGE_RETRY_SECONDS  # a failed purge (counted, logged, readiness degraded) is retried soon
        with database.health.guard("retention_purge"):
            removed = await anyio.to_thread.run_sync(QuestionLog(database).purge, days)
            await anyio.to_thread.run_sync(DatabaseStorage(database).purge_expired)
            log.info("retention purge removed %d questions older than %d days", removed, days)
            wait = PURGE_EVERY_SECONDS
        await asyncio.sleep(wait)


def metrics_response() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def _watch_when_loaded(state: ServiceState) -> None:
    """Once the bot is loaded (at start, or later after a repaired index), keep its cache current."""
    while state.bot is None:
        await asyncio.sleep(1)
    await state.bot.chat.watch()


def create_app(settings: Settings | None = None, bot: Bot | None = None) -> FastAPI:
    settings = settings or Settings()
    ensure_data_dir(settings)
    database = bot.database if bot is not None else Database(settings.database)
    state = ServiceState(settings, bot, database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not state.ready:
            await anyio.to_thread.run_sync(state.load)
        tasks = [
            asyncio.create_task(_purge_forever(database, settings.retention_days)),
            asyncio.create_task(_watch_when_loaded(state)),
        ]
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app = FastAPI(
        title="Kiruna vision bot",
        version="0.1.0",
        description="Answers questions about Kiruna kommun's vision and goals by quoting the official text.",
        lifespan=lifespan,
        docs_url=None,  # served from the bot's own copy of the assets: routes/docs.py
        redoc_url=None,
    )
    app.state.bot = state
    app.state.settings = settings
    app.state.database = database
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(SQLAlchemyError, _storage_error)
    app.add_exception_handler(StorageUnavailable, _storage_error)
    for module in (health, chat, feedback, languages, ui, staff, content, pages, docs):
        app.include_router(module.router)
    app.include_router(content.page_router)
    app.add_api_route("/metrics", metrics_response, include_in_schema=False)

    # Added innermost first. From the outside in: the client address (trusted proxies only), request
    # ids and access log, security headers, the staff gate (before CORS: staff routes are same-origin),
    # CORS, the error guard, odd paths, hosts, body size and read time, rate limits. So every refusal
    # below the headers is JSON with the security headers, and the widget can read it (CORS).
    limiter = None if settings.rate_limit.lower() == "off" else FixedWindowRateLimiter(DatabaseStorage(database))
    keys = ClientKeys(
        settings.rate_limit_secret.get_secret_value().encode() if settings.rate_limit_secret else None,
        settings.data_dir / "secrets",
    )
    app.add_middleware(RateLimit, limiter=limiter, rule=settings.rate_limit, keys=keys, health=database.health)
    # a saved page is larger than a question: the import route takes up to the import limit (as JSON)
    app.add_middleware(
        BodySizeLimit,
        timeout=settings.body_timeout,
        larger={IMPORT_ROUTE: 2 * settings.import_max_bytes + 64 * 1024},
    )
    if settings.allowed_host_list:
        app.add_middleware(HostAllowlist, hosts=settings.allowed_host_list)
    app.add_middleware(OddPaths)
    app.add_middleware(ErrorGuard)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_credentials=False,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        expose_headers=["Retry-After", "X-Request-ID"],
        max_age=600,
    )
    app.add_middleware(StaffGate, token=settings.staff_token, limit=settings.staff_auth_limit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestContext)
    if settings.trusted_proxy_list:
        # the client address comes from X-Forwarded-For only when the peer is a trusted proxy
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_list)
    return app


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory` and `kiruna-bot serve`: settings from the environment."""
    return create_app()
