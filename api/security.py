"""Staff authentication and the security headers every response carries."""

from __future__ import annotations

import hmac
from urllib.parse import unquote

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.config import Settings

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The API docs: ReDoc injects its styles and runs its search in a worker made from a blob.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The demo page may be framed by nothing either, but it must reach the API on its own origin only.
API_CSP = "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def require_staff(request: Request) -> str:
    """The staff member's name, if the request carries the configured token.

    With no token configured the staff routes do not exist (404): the console is never open.
    The token is compared in constant time.
    """
    settings: Settings = request.app.state.settings
    if settings.staff_token is None or not settings.staff_token.get_secret_value():
        raise HTTPException(status_code=404, detail="Not Found")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    expected = settings.staff_token.get_secret_value().encode()
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected):
        raise HTTPException(
            status_code=401, detail="staff token missing or wrong", headers={"WWW-Authenticate": "Bearer"}
        )
    # browsers only send Latin-1 in headers: the console percent-encodes names such as "Áile Đuolla"
    name = unquote(request.headers.get("x-staff-name", "")).strip()
    return name[:200] or "staff"


class SecurityHeaders:
    """Headers every response carries (a plain ASGI middleware: no per-request task or buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                content_type = headers.get("content-type", "")
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                if content_type.startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", PAGE_CSP)
                    headers.setdefault("X-Frame-Options", "DENY")
                else:
                    headers.setdefault("Content-Security-Policy", API_CSP)
                    if path.endswith("widget.js"):
                        # host pages on other origins load the widget with a script tag
                        headers.setdefault("Cross-Origin-Resource-Policy", "cross-origin")
            await send(message)

        await self.app(scope, receive, with_headers)
