"""The `Embedder` interface.

Asymmetric models (e5) embed questions and passages differently; each backend applies
its own prefixes, so callers only say which side a text is on.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class EmbedderError(RuntimeError):
    """An embedder that cannot be loaded or used; the message says what to do."""


@runtime_checkable
class Embedder(Protocol):
    @property
    def id(self) -> str:
        """Identifies model and preprocessing; an index built by another id cannot be reused."""
        ...

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: list[str]) -> Vectors:
        """L2-normalized float32 rows, one per question."""
        ...

    def embed_passages(self, texts: list[str]) -> Vectors:
        """L2-normalized float32 rows, one per passage."""
        ...


def normalize_rows(vectors: Vectors) -> Vectors:
    """Unit-length rows, so inner product is cosine similarity."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: Vectors = (vectors / norms).astype(np.float32, copy=False)
    return unit


class Wrapping:
    """An embedder around another: the same model (`id`, `dim`) and both sides passed through, for a
    wrapper to override only what it changes (a cache, a seed, a side swapped)."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner

    @property
    def id(self) -> str:
        return self._inner.id

    @property
    def dim(self) -> int:
        return self._inner.dim

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._inner.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._inner.embed_passages(texts)
