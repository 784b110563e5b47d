"""Holds the loaded bot, or the reason it is not loaded, for one worker process.

The server stays up when the index is missing or damaged: readiness says why, and the next
check after `kiruna-bot index build` picks up the repaired index without a restart.
"""

from __future__ import annotations

import logging
import threading
import time

from bot.config import Settings
from bot.storage.db import Database
from bot.wiring import Bot, build_bot
from corpus.errors import CorpusError
from index.embedders import EmbedderError
from index.manifest import IndexMismatch, IndexMissing

log = logging.getLogger(__name__)
RETRY_SECONDS = 2.0


class ServiceState:
    def __init__(self, settings: Settings, bot: Bot | None = None, database: Database | None = None) -> None:
        self.settings = settings
        self.database = database
        self.bot = bot
        self.reason = "starting" if bot is None else ""
        self._lock = threading.Lock()
        self._last_try = 0.0

    @property
    def ready(self) -> bool:
        return self.bot is not None

    def load(self) -> None:
        """Try to load the bot; on failure remember why."""
        with self._lock:
            if self.bot is not None:
                return
            self._last_try = time.monotonic()
            try:
                self.bot = build_bot(self.settings, database=self.database)
                self.reason = ""
                log.info("index loaded: %s entries", self.bot.chat.manifest.entry_count)
            except (IndexMissing, IndexMismatch, CorpusError, EmbedderError, ValueError, OSError) as exc:
                self.reason = str(exc)
                log.error("not ready: %s", exc)

    def retry_if_due(self) -> None:
        """Called on readiness checks and requests while not ready, at most every few seconds."""
        if self.bot is None and time.monotonic() - self._last_try >= RETRY_SECONDS:
            self.load()
