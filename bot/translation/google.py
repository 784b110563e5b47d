"""Google Translate through deep-translator, made safe to call from a public service.

deep-translator calls Google with no timeout, raises half a dozen exception types and accepts
at most 5,000 characters. Here every call runs under a hard deadline in a small thread pool
(a stalled call never holds a request past it), the HTTP call itself gets a timeout so stalled
threads end too, failures feed a circuit breaker, long texts are split at sentence boundaries,
and personal data is redacted before any text leaves the process.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import logging
import threading
import types

import requests

from bot.metrics import BREAKER_OPEN, TRANSLATION_CALLS
from bot.redaction import redact
from bot.translation.base import TranslationUnavailable
from bot.translation.breaker import CircuitBreaker

log = logging.getLogger(__name__)
MAX_CHARS = 5000


def split_for_limit(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut after sentence ends (or spaces, as a last resort)."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "), window.rfind("\n"))
        cut = cut + 1 if cut > 0 else (window.rfind(" ") if window.rfind(" ") > 0 else limit)
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].lstrip()
    if rest.strip():
        pieces.append(rest.strip())
    return pieces


_patch_lock = threading.Lock()


def _bound_requests(timeout: float) -> None:
    """Give deep-translator's module-level `requests.get` a timeout (it passes none)."""
    import deep_translator.google as module

    with _patch_lock:
        module.requests = types.SimpleNamespace(
            get=functools.partial(requests.get, timeout=(min(timeout, 2.0), timeout)),
        )


class GoogleTranslator:
    name = "google"

    def __init__(
        self,
        *,
        deadline: float = 3.0,
        breaker: CircuitBreaker | None = None,
        base_url: str | None = None,
        workers: int = 4,
    ) -> None:
        from deep_translator import GoogleTranslator as DeepGoogle

        self._deep = DeepGoogle
        self.deadline = deadline
        self.breaker = breaker or CircuitBreaker()
        self.base_url = base_url
        self._pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="google-translate")
        self._slots = threading.BoundedSemaphore(workers)
        self._codes: set[str] = set(DeepGoogle().get_supported_languages(as_dict=True).values())
        _bound_requests(deadline)

    def supports(self, lang: str) -> bool:
        return lang in self._codes

    def _call(self, text: str, target: str) -> str:
        translator = self._deep(source="sv", target=target)
        if self.base_url:
            translator._base_url = self.base_url
        result = translator.translate(text)
        if not isinstance(result, str) or not result.strip():
            raise TranslationUnavailable("the provider returned no text")
        return result

    def translate(self, text: str, target: str) -> str:
        if not self.supports(target):
            raise TranslationUnavailable(f"Google Translate has no language {target!r}")
        if not self.breaker.allow():
            TRANSLATION_CALLS.labels(self.name, "paused").inc()
            raise TranslationUnavailable("translation provider paused after repeated failures")
        pieces = split_for_limit(redact(text))
        try:
            out = [self._bounded(piece, target) for piece in pieces]
        except TranslationUnavailable:
            self.breaker.failure()
            TRANSLATION_CALLS.labels(self.name, "failure").inc()
            raise
        finally:
            BREAKER_OPEN.labels(self.name).set(0 if self.breaker.state == "closed" else 1)
        self.breaker.success()
        BREAKER_OPEN.labels(self.name).set(0)
        TRANSLATION_CALLS.labels(self.name, "success").inc()
        return " ".join(out)

    def _bounded(self, piece: str, target: str) -> str:
        if not self._slots.acquire(blocking=False):
            raise TranslationUnavailable("all translation calls are busy (provider stalled?)")
        future = self._pool.submit(self._call, piece, target)
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return future.result(timeout=self.deadline)
        except (cf.TimeoutError, requests.Timeout) as exc:
            # the call's own read timeout is the deadline too: whichever fires first, it is the same event
            raise TranslationUnavailable(f"no answer from the provider within {self.deadline:.1f}s") from exc
        except TranslationUnavailable:
            raise
        except Exception as exc:  # every deep-translator and requests error means the same here
            log.info("translation failed: %s: %s", type(exc).__name__, exc)
            raise TranslationUnavailable(f"{type(exc).__name__}: {exc}") from exc
