"""Any sentence-transformers model, by hub name or local path, loaded without network access.

Installed with the `st` extra. Hub names resolve from the local cache only: this bot never
downloads a model.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from index.embedders.base import EmbedderError, Vectors, normalize_rows


def _prefixes_for(model_name: str) -> tuple[str, str]:
    """e5 models were trained with "query: " / "passage: " prefixes; others with none."""
    return ("query: ", "passage: ") if "e5" in Path(model_name).name.lower() else ("", "")


class SentenceTransformersEmbedder:
    def __init__(
        self,
        model: str,
        *,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        threads: int | None = None,
        batch_size: int = 32,
    ) -> None:
        # Refuse hub downloads in this process before the library is imported.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers is not installed: pip install torch==2.13.0 'kiruna-vision-bot[st]'"
            ) from exc
        if threads:
            torch.set_num_threads(threads)
        local = Path(model).expanduser()
        try:
            if local.exists():
                self._model = SentenceTransformer(str(local), device="cpu", local_files_only=True)
            else:
                self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many kinds; all mean "not available here"
            raise EmbedderError(
                f"sentence-transformers model {model!r} is not available offline: {exc}. "
                "Give a local path, or a model already in the local cache."
            ) from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if not dim:
            raise EmbedderError(f"model {model!r} does not report an embedding dimension")
        self._dim = int(dim)
        self._name = local.name if local.exists() else model
        default_q, default_p = _prefixes_for(self._name)
        self._qp = default_q if query_prefix is None else query_prefix
        self._pp = default_p if passage_prefix is None else passage_prefix
        self._batch = batch_size
        self._lock = threading.Lock()

    @property
    def id(self) -> str:
        return f"sentence-transformers:{self._name}:q={self._qp!r}:p={self._pp!r}"

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: list[str], prefix: str) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(
                [prefix + t for t in texts],
                batch_size=self._batch,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return normalize_rows(np.asarray(out, dtype=np.float32))

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._encode(texts, self._qp)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, self._pp)
