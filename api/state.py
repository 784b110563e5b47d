"""Holds the loaded chat service, or the reason it is not loaded, for one worker process.

The server stays up when the index is missing or damaged: readiness says why, and the next
check after `kiruna-bot index build` picks up the repaired index without a restart.
"""

from __future__ import annotations

import logging
import threading
import time

from bot.config import Settings
from bot.service import ChatService
from bot.storage.db import Database
from corpus.loader import CorpusError
from index.embedders import EmbedderError
from index.manifest import IndexMismatch, IndexMissing

log = logging.getLogger(__name__)
RETRY_SECONDS = 2.0


class ServiceState:
    def __init__(
        self, settings: Settings, service: ChatService | None = None, database: Database | None = None
    ) -> None:
        self.settings = settings
        self.database = database
        self.service = service
        self.reason = "starting" if service is None else ""
        self._lock = threading.Lock()
        self._last_try = 0.0

    @property
    def ready(self) -> bool:
        return self.service is not None

    def load(self) -> None:
        """Try to load the service; on failure remember why."""
        with self._lock:
            if self.service is not None:
                return
            self._last_try = time.monotonic()
            try:
                self.service = ChatService.open(self.settings, database=self.database)
                self.reason = ""
                log.info("index loaded: %s entries", self.service.index.manifest.entry_count)
            except (IndexMissing, IndexMismatch, CorpusError, EmbedderError, ValueError, OSError) as exc:
                self.reason = str(exc)
                log.error("not ready: %s", exc)

    def retry_if_due(self) -> None:
        """Called on readiness checks and requests while not ready, at most every few seconds."""
        if self.service is None and time.monotonic() - self._last_try >= RETRY_SECONDS:
            self.load()
