"""A circuit breaker: after repeated failures, stop calling a provider for a while.

A provider that is down or rate-limiting us would otherwise cost every answer its full
deadline; while the breaker is open, answers go straight to the memory or the Swedish text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CircuitBreaker:
    def __init__(self, failures: int = 5, reset_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.failure_threshold = failures
        self.reset_seconds = reset_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial = False

    @property
    def state(self) -> str:
        """closed (calls go through), open (calls refused), half-open (one trial call allowed)."""
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return "closed"
        return "half-open" if self._clock() - self._opened_at >= self.reset_seconds else "open"

    def allow(self) -> bool:
        with self._lock:
            state = self._state()
            if state == "closed":
                return True
            if state == "half-open" and not self._trial:
                self._trial = True
                return True
            return False

    def success(self) -> None:
        with self._lock:
            self._failures, self._opened_at, self._trial = 0, None, False

    def failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._trial or self._failures >= self.failure_threshold:
                self._opened_at = self._clock()
            self._trial = False
