"""A bounded cache of answers, keyed by everything a fresh answer depends on.

An extractive answer depends only on the message, the requested and displayed languages, the
conversation so far, the corpus and index, and the translation memory. The key holds the first
four exactly as they came: two messages that differ in case or punctuation may be read as
different languages, and a cached answer must be the answer a fresh server would give. The
generation beside the key changes with the index and the memory, so a rebuilt index or an
approved translation is never hidden behind an old answer.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar

from bot.metrics import CACHE_HITS

V = TypeVar("V")
T = TypeVar("T")


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


class InFlight:
    """Requests for an answer that is being made right now wait for it instead of each making it again.

    After a new version is swapped in (or an approval invalidates the cache) no answer is cached; without
    this, sixteen residents asking the same popular question at that moment would each embed and rank it,
    and on a small machine the last of them would wait for all the others.
    """

    def __init__(self) -> None:
        self._pending: dict[Hashable, asyncio.Future[Any]] = {}

    async def share(self, key: Hashable, make: Callable[[], Awaitable[T]]) -> tuple[T, bool]:
        """The result of `make`, and whether it was made by another request (True) or by this one."""
        loop = asyncio.get_running_loop()
        full = (id(loop), key)
        pending = self._pending.get(full)
        if pending is not None:
            try:
                return await asyncio.shield(pending), True
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    raise
            # the request making it failed or went away: this one makes its own
            return await make(), False
        future: asyncio.Future[Any] = loop.create_future()
        self._pending[full] = future
        try:
            result = await make()
        except BaseException:
            future.cancel()
            raise
        finally:
            self._pending.pop(full, None)
        future.set_result(result)
        return result, False
