"""The official texts the bot may quote: loading, cleaning, structure and chunking.

This package is the bottom layer: it imports nothing from `index`, `bot` or `api`.
"""

from corpus.loader import load_corpus
from corpus.model import Chunk, Corpus, Document, DocumentMeta, RelatedLink, Sentence

__all__ = ["Chunk", "Corpus", "Document", "DocumentMeta", "RelatedLink", "Sentence", "load_corpus"]
