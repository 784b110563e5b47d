"""Builds the indexes into the data dir and loads them back, checked against the manifest.

A build writes into a fresh folder and swaps it in with one rename, so a reader (another
worker, a crash halfway) never sees half an index.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from corpus.curated_translations import CuratedTranslation
from corpus.model import Corpus
from corpus.thesaurus_tables import Thesaurus
from index.dense import DenseIndex
from index.embedders.base import Embedder, Vectors
from index.entries import DENSE_KINDS, Entry, build_entries
from index.lexical import LexicalIndex
from index.manifest import FORMAT_VERSION, IndexMismatch, IndexMissing, Manifest

MANIFEST = "manifest.json"
DENSE = "dense.faiss"
ENTRIES = "entries.jsonl"
LEXICAL = "lexical"
EMBED_BATCH = 64


@dataclass
class LoadedIndex:
    manifest: Manifest
    entries: list[Entry]
    dense: DenseIndex
    lexical: LexicalIndex


@dataclass(frozen=True)
class Resources:
    """Everything an index is built from besides the embedder, with the hashes that identify it."""

    corpus: Corpus
    translations: dict[str, list[CuratedTranslation]]
    translations_hash: str
    thesaurus: Thesaurus
    thesaurus_hash: str


def index_key(resources: Resources, *, embedder_id: str, dim: int, analyzer: str, dense_kind: str) -> str:
    """Names the index built from these resources with this embedder: one folder per key.

    Each published version of the corpus gets a folder of its own, so a worker can load the new
    one while answering from the old, and a rollback finds the old one still there.
    """
    h = hashlib.sha256()
    for part in (
        str(FORMAT_VERSION),
        embedder_id,
        str(dim),
        analyzer,
        dense_kind,
        resources.corpus.content_hash,
        resources.translations_hash,
        resources.thesaurus_hash,
    ):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def embed_all(embedder: Embedder, texts: list[str]) -> Vectors:
    parts = [embedder.embed_passages(texts[i : i + EMBED_BATCH]) for i in range(0, len(texts), EMBED_BATCH)]
    return np.vstack(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)


def build_index(
    resources: Resources,
    embedder: Embedder,
    directory: Path,
    analyzer: str = "hybrid",
    dense_kind: str = "auto",
) -> Manifest:
    """Embed every dense entry and write dense index, lexical index, entries and manifest."""
    started = time.perf_counter()
    entries = build_entries(resources.corpus, resources.translations, resources.thesaurus)
    dense_entries = [e for e in entries if e.kind in DENSE_KINDS]
    if any(e.kind not in DENSE_KINDS for e in entries[: len(dense_entries)]):
        raise AssertionError("dense entries must come first")
    dense = DenseIndex.build(embed_all(embedder, [e.text for e in dense_entries]), dense_kind)
    lexical = LexicalIndex.build([e.text for e in entries], [e.lang for e in entries], analyzer)

    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.with_name(f".{directory.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    dense.save(staging / DENSE)
    lexical.save(staging / LEXICAL)
    with (staging / ENTRIES).open("w", encoding="utf-8") as fh:
        for e in entries:
            fh.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        embedder_id=embedder.id,
        dim=embedder.dim,
        corpus_hash=resources.corpus.content_hash,
        translations_hash=resources.translations_hash,
        thesaurus_hash=resources.thesaurus_hash,
        analyzer=analyzer,
        dense_index=dense.kind,
        chunk_count=len(resources.corpus.chunks()),
        entry_count=len(entries),
        dense_count=len(dense_entries),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        build_seconds=round(time.perf_counter() - started, 3),
    )
    manifest.save(staging / MANIFEST)  # written last: a folder with a manifest is complete
    _swap_in(staging, directory)
    return manifest


def _swap_in(staging: Path, directory: Path) -> None:
    old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
    if directory.exists():
        directory.rename(old)
    staging.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def load_index(directory: Path, resources: Resources, *, embedder_id: str, dim: int, analyzer: str) -> LoadedIndex:
    """Load and verify an index. Raises `IndexMissing` or `IndexMismatch` with the reason."""
    manifest = Manifest.load(directory / MANIFEST)
    manifest.check(
        embedder_id=embedder_id,
        dim=dim,
        corpus_hash=resources.corpus.content_hash,
        translations_hash=resources.translations_hash,
        thesaurus_hash=resources.thesaurus_hash,
        analyzer=analyzer,
    )
    try:
        entries = [
            Entry(**json.loads(line))
            for line in (directory / ENTRIES).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except FileNotFoundError as exc:
        raise IndexMissing(f"index at {directory} has no {ENTRIES}; run `kiruna-bot index build`") from exc
    except (json.JSONDecodeError, TypeError, UnicodeDecodeError) as exc:
        raise IndexMismatch(f"corrupt {ENTRIES} in {directory}: {exc}; run `kiruna-bot index build`") from exc
    try:
        dense = DenseIndex.load(directory / DENSE, manifest.dense_index)
        lexical = LexicalIndex.load(directory / LEXICAL, analyzer)
    except ValueError as exc:
        raise IndexMismatch(f"{exc}; run `kiruna-bot index build`") from exc
    problems = []
    if dense.size != manifest.dense_count:
        problems.append(f"dense index has {dense.size} vectors, manifest says {manifest.dense_count}")
    if dense.dim != manifest.dim:
        problems.append(f"dense index has dimension {dense.dim}, manifest says {manifest.dim}")
    if len(entries) != manifest.entry_count:
        problems.append(f"{ENTRIES} has {len(entries)} rows, manifest says {manifest.entry_count}")
    if lexical.size != manifest.entry_count:
        problems.append(f"lexical index has {lexical.size} documents, manifest says {manifest.entry_count}")
    if problems:
        raise IndexMismatch("index is damaged: " + "; ".join(problems) + ". Run `kiruna-bot index build`.")
    return LoadedIndex(manifest=manifest, entries=entries, dense=dense, lexical=lexical)
