"""Which storage operations fail right now, in this worker: the basis of a "degraded" readiness.

A resident's answer never waits on the question log or the rate-limit counter: when one cannot
be written (disk full, a damaged file, a held lock), the failure is counted, logged in one line
and remembered here until the same operation succeeds again. Readiness says "degraded" meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from bot.metrics import STORAGE_DEGRADED, STORAGE_FAILURES

log = logging.getLogger("kiruna.storage")
STORAGE_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, OSError, TimeoutError)


def describe(exc: BaseException) -> str:
    """One line about a storage error: the driver's own message, never the SQL or its parameters."""
    orig = getattr(exc, "orig", None)
    inner = orig if isinstance(orig, BaseException) else exc
    text = str(inner).splitlines()[0] if str(inner) else ""
    return f"{type(inner).__name__}: {text}"[:300]


class StorageHealth:
    def __init__(self) -> None:
        self._failing: dict[str, str] = {}
        self._lock = threading.Lock()

    def failed(self, operation: str, exc: BaseException) -> None:
        STORAGE_FAILURES.labels(operation).inc()
        what = describe(exc)
        with self._lock:
            first = operation not in self._failing
            self._failing[operation] = what
        (log.error if first else log.warning)("storage: %s failed: %s", operation, what)
        STORAGE_DEGRADED.set(1)

    def ok(self, operation: str) -> None:
        if operation not in self._failing:  # the common case: no lock taken
            return
        with self._lock:
            self._failing.pop(operation, None)
            still = bool(self._failing)
        log.warning("storage: %s works again", operation)
        STORAGE_DEGRADED.set(1 if still else 0)

    def problems(self) -> dict[str, str]:
        with self._lock:
            return dict(self._failing)

    def guard(self, operation: str) -> _Guard:
        """Run a write nobody waits for: a failure is counted, logged and swallowed."""
        return _Guard(self, operation)

    @contextmanager
    def watch(self, operation: str) -> Iterator[None]:
        """Run storage work a request needs: a storage failure is counted and logged, then raised."""
        try:
            yield
        except STORAGE_ERRORS as exc:
            self.failed(operation, exc)
            raise
        else:
            self.ok(operation)


class _Guard:
    """`with health.guard(op):` — what fails inside is counted and swallowed (a class: mypy sees it may swallow)."""

    def __init__(self, health: StorageHealth, operation: str) -> None:
        self._health = health
        self._operation = operation

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> bool:
        if exc is None:
            self._health.ok(self._operation)
            return False
        if not isinstance(exc, Exception):  # cancellation, interrupts: not ours to swallow
            return False
        self._health.failed(self._operation, exc)
        return True
