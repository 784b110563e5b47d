"""Vectors of the texts the bot ships with, made once by the model and read instead of embedded again.

Every fresh data dir (a new install, a container, each test's server) would otherwise embed the
same few thousand texts before it can answer: the page in twelve languages, the small-talk
examples, the reference questions (about 25 s on two cores). The seed holds the model's own
float32 output for each of them, keyed by side (question or passage) and the text's hash, for one
embedder id. A text it lacks, or another embedder, goes to the model as before, so a stale seed
costs time, never a different answer. The model's float kernels round differently on another CPU (in
the third decimal; cosine to the seed's vector ≥ 0.9999), which can move a borderline ranking, as
embedding the page on that CPU would.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from index.embedders.base import Embedder, Vectors, Wrapping
from index.embedders.cached import text_key

log = logging.getLogger(__name__)

Side = Literal["query", "passage"]
SIDES: tuple[Side, ...] = ("query", "passage")
BATCH = 64  # texts per model call while making a seed


def seed_key(side: Side, text: str) -> str:
    return f"{side}:{text_key(text)}"


@dataclass(frozen=True)
class VectorSeed:
    """The model's vectors of known texts, for one embedder."""

    embedder_id: str
    dim: int
    vectors: dict[str, Vectors]  # seed_key -> one row

    def get(self, side: Side, text: str) -> Vectors | None:
        return self.vectors.get(seed_key(side, text))

    def missing(self, side: Side, texts: list[str]) -> list[str]:
        """The texts of this side the seed does not hold."""
        return [t for t in texts if seed_key(side, t) not in self.vectors]

    def save(self, path: Path) -> None:
        """Written uncompressed and sorted by key, so a changed text changes a few rows of the file."""
        keys = sorted(self.vectors)
        rows = np.vstack([self.vectors[k] for k in keys]) if keys else np.zeros((0, self.dim), dtype=np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}.npz")
        with staging.open("wb") as fh:
            np.savez(
                fh,
                embedder_id=np.array(self.embedder_id),
                keys=np.array(keys, dtype="S"),
                vectors=rows.astype(np.float32),
            )
        staging.replace(path)


def load_seed(path: Path) -> VectorSeed | None:
    """The seed at `path`; None when there is none, or it cannot be read (the model then embeds everything)."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
            embedder_id = str(data["embedder_id"])
            keys = [bytes(k).decode("ascii") for k in data["keys"]]
            rows = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        log.warning("cannot read the vector seed %s (%s); the model embeds everything", path, exc)
        return None
    if rows.ndim != 2 or rows.shape[0] != len(keys):
        log.warning("the vector seed %s is damaged (%d keys, vectors %s); not used", path, len(keys), rows.shape)
        return None
    return VectorSeed(embedder_id, int(rows.shape[1]), dict(zip(keys, rows, strict=True)))


class SeededEmbedder(Wrapping):
    """An `Embedder` that takes a text's vector from the seed when it holds it, and from the model otherwise."""

    def __init__(self, inner: Embedder, seed: VectorSeed | None) -> None:
        super().__init__(inner)
        if seed is not None and (seed.embedder_id, seed.dim) != (self.id, self.dim):
            log.info("the vector seed is for %s, not %s: the model embeds everything", seed.embedder_id, self.id)
            seed = None
        self._seed = seed
        self.seeded = 0  # texts whose vector came from the seed
        self.embedded = 0  # texts the model embedded

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._embed("query", texts, self._inner.embed_queries)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._embed("passage", texts, self._inner.embed_passages)

    def _embed(self, side: Side, texts: list[str], model: Callable[[list[str]], Vectors]) -> Vectors:
        seed = self._seed
        if seed is None:
            self.embedded += len(texts)
            return model(texts)
        rows = [seed.get(side, t) for t in texts]
        missing = [i for i, row in enumerate(rows) if row is None]
        if missing:
            fresh = model([texts[i] for i in missing])
            for j, i in enumerate(missing):
                rows[i] = fresh[j]
        self.embedded += len(missing)
        self.seeded += len(texts) - len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([r for r in rows if r is not None]).astype(np.float32, copy=False)


def make_seed(
    embedder: Embedder, texts: dict[Side, list[str]], old: VectorSeed | None = None
) -> tuple[VectorSeed, int]:
    """A seed of exactly these texts: vectors of the old seed (same embedder) kept, the rest embedded now.

    Returns the seed and how many texts the model embedded.
    """
    reuse = old if old is not None and (old.embedder_id, old.dim) == (embedder.id, embedder.dim) else None
    vectors: dict[str, Vectors] = {}
    embedded = 0
    for side in SIDES:
        wanted = sorted(set(texts.get(side, [])))
        todo = []
        for text in wanted:
            found = reuse.get(side, text) if reuse is not None else None
            if found is None:
                todo.append(text)
            else:
                vectors[seed_key(side, text)] = found
        model = embedder.embed_queries if side == "query" else embedder.embed_passages
        for i in range(0, len(todo), BATCH):
            batch = todo[i : i + BATCH]
            for text, row in zip(batch, model(batch), strict=True):
                vectors[seed_key(side, text)] = np.asarray(row, dtype=np.float32)
        embedded += len(todo)
    return VectorSeed(embedder.id, embedder.dim, vectors), embedded
