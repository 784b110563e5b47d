"""The manifest that says what a built index was built from, and the checks that use it.

A FAISS file says nothing about the model or text behind its vectors; without the manifest a
changed corpus or another embedder would silently give wrong answers.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

# 3: a version number ("Kiruna 2.0") is one word of the lexical index
# 4: Arabic-Indic and Persian digits fold to the page's digits; a sign ("§") is its word to the thesaurus
FORMAT_VERSION = 4


class IndexMismatch(RuntimeError):
    """The index on disk was built from something else; rebuild with `kiruna-bot index build`."""


class IndexMissing(RuntimeError):
    """No (complete) index on disk yet."""


@dataclass(frozen=True)
class Manifest:
    format_version: int
    embedder_id: str
    dim: int
    corpus_hash: str
    translations_hash: str
    thesaurus_hash: str
    analyzer: str
    dense_index: str
    chunk_count: int
    entry_count: int
    dense_count: int
    built_at: str
    build_seconds: float

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Manifest:
        if not path.exists():
            raise IndexMissing(f"no index manifest at {path}; run `kiruna-bot index build`")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (json.JSONDecodeError, TypeError, UnicodeDecodeError) as exc:
            raise IndexMismatch(f"unreadable index manifest {path}: {exc}; run `kiruna-bot index build`") from exc

    def check(
        self,
        *,
        embedder_id: str,
        dim: int,
        corpus_hash: str,
        translations_hash: str,
        thesaurus_hash: str,
        analyzer: str,
    ) -> None:
        """Raise `IndexMismatch` naming every difference between this index and what is wanted."""
        problems: list[str] = []
        if self.format_version != FORMAT_VERSION:
            problems.append(f"index format {self.format_version}, this version reads {FORMAT_VERSION}")
        if self.embedder_id != embedder_id:
            problems.append(f"built with embedder {self.embedder_id!r}, configured {embedder_id!r}")
        if self.dim != dim:
            problems.append(f"dimension {self.dim}, embedder gives {dim}")
        if self.corpus_hash != corpus_hash:
            problems.append("the corpus has changed since the index was built")
        if self.translations_hash != translations_hash:
            problems.append("the curated translations have changed since the index was built")
        if self.thesaurus_hash != thesaurus_hash:
            problems.append("the thesaurus has changed since the index was built")
        if self.analyzer != analyzer:
            problems.append(f"lexical analyzer {self.analyzer!r}, configured {analyzer!r}")
        if problems:
            raise IndexMismatch("index is stale: " + "; ".join(problems) + ". Run `kiruna-bot index build`.")
