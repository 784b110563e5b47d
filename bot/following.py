"""Every worker follows the published corpus: a new version is loaded beside the old, then swapped in.

`ChatService.watch` calls `poll` once a second, in a thread of its own. The published state is one
small query; only when it differs from what this worker answers from is the new pipeline loaded
(the index built by the publishing process on this host, or built here from the passage vectors
in the database), and `ChatService.swap` makes it current for every request that starts after.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.chat.pipeline import Pipeline
from bot.published import state_of
from bot.storage.documents import DocumentStore, PublishedState

log = logging.getLogger(__name__)
RETRY_FAILED_SECONDS = 30.0


class CorpusFollower:
    def __init__(self, store: DocumentStore, load: Callable[[Pipeline], Pipeline]) -> None:
        self._store = store
        self._load = load
        self._failed: tuple[PublishedState, float] | None = None

    def poll(self, current: Pipeline) -> Pipeline | None:
        """A pipeline of the published corpus when it is not the one `current` answers from; else None."""
        published = self._store.published()
        if not published or published == state_of(current.corpus):
            return None
        failed = self._failed
        if failed is not None and failed[0] == published and time.monotonic() - failed[1] < RETRY_FAILED_SECONDS:
            return None
        started = time.monotonic()
        try:
            pipeline = self._load(current)
        except Exception:  # the old version keeps answering; tried again later
            log.exception("cannot load the published corpus %s", published)
            self._failed = (published, time.monotonic())
            return None
        self._failed = None
        if state_of(pipeline.corpus) == state_of(current.corpus):
            return None
        log.info("published corpus %s loaded in %.2f s", state_of(pipeline.corpus), time.monotonic() - started)
        return pipeline
