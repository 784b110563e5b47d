"""A bounded cache of answers by normalized question and language.

An extractive answer depends only on the question, the language, the index and the translation
memory; the cache key carries a generation that changes with the last two, so a rebuilt index or
an approved translation is never hidden behind an old answer.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Hashable

from bot.chat.answer import Answer
from bot.metrics import CACHE_HITS

_SPACE = re.compile(r"\s+")


def normalize_question(text: str) -> str:
    """The same question typed twice: case, spacing, Unicode form and end punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip().rstrip("?!.¿؟ ")


class AnswerCache:
    def __init__(self, maxsize: int = 2048) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple[str, str | None, Hashable, Hashable], Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, question: str, lang: str | None, generation: Hashable, page: Hashable = None) -> Answer | None:
        key = (normalize_question(question), lang, generation, page)
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
        key = (normalize_question(question), lang, generation, page)
        with self._lock:
            self._items[key] = answer
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
