"""A bounded cache of answers, keyed by everything a fresh answer depends on.

An extractive answer depends only on the message, the requested and displayed languages, the
conversation so far, the corpus and index, and the translation memory. The key holds the first
four exactly as they came: two messages that differ in case or punctuation may be read as
different languages, and a cached answer must be the answer a fresh server would give. The
generation beside the key changes with the index and the memory, so a rebuilt index or an
approved translation is never hidden behind an old answer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from bot.metrics import CACHE_HITS

V = TypeVar("V")


class AnswerCache(Generic[V]):
    def __init__(self, maxsize: int = 2048) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple[Hashable, Hashable], V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, generation: Hashable) -> V | None:
        with self._lock:
            value = self._items.get((key, generation))
            if value is None:
                return None
            self._items.move_to_end((key, generation))
        CACHE_HITS.inc()
        return value

    def put(self, key: Hashable, generation: Hashable, value: V) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            self._items[(key, generation)] = value
            self._items.move_to_end((key, generation))
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
