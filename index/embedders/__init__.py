"""Text embedders behind one small interface, so a backend swaps without touching callers."""

from index.embedders.base import Embedder, EmbedderError
from index.embedders.factory import make_embedder

__all__ = ["Embedder", "EmbedderError", "make_embedder"]
