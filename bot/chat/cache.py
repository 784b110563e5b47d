"""A bounded cache of answers by normalized question and language.

An extractive answer depends only on the question, the language, the index and the translation
memory; the cache key carries a generation that changes with the last two, so a rebuilt index or
an approved translation is never hidden behind an old answer.
"""

from __future__ import annotations

import asyncio
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from bot.chat.answer import Answer
from bot.metrics import CACHE_HITS

_SPACE = re.compile(r"\s+")
T = TypeVar("T")
CacheKey = tuple[str, str | None, Hashable, Hashable]  # question, language, generation, page


def normalize_question(text: str) -> str:
    """The same question typed twice: case, spacing, Unicode form and end punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip().rstrip("?!.¿؟ ")


class AnswerCache:
    def __init__(self, maxsize: int = 2048) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[CacheKey, Answer] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(question: str, lang: str | None, generation: Hashable, page: Hashable = None) -> CacheKey:
        return (normalize_question(question), lang, generation, page)

    def get(self, question: str, lang: str | None, generation: Hashable, page: Hashable = None) -> Answer | None:
        key = self.key(question, lang, generation, page)
        with self._lock:
            answer = self._items.get(key)
            if answer is None:
                return None
            self._items.move_to_end(key)
        CACHE_HITS.inc()
        return answer

    def put(self, question: str, lang: str | None, generation: Hashable, answer: Answer, page: Hashable = None) -> None:
        if self.maxsize <= 0:
            return
        key = self.key(question, lang, generation, page)
        with self._lock:
            self._items[key] = answer
            self._items.move_to_end(key)
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
