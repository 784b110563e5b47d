"""Loads every document in the corpus folder: `NAME.txt` or `NAME.md`, with optional `NAME.toml`.

Dropping a new file into the folder adds a document; its metadata sidecar is optional. Since
documents live in the database, the folder is the seed of a fresh install (and what the corpus
tests read); `corpus.sources` is where a file becomes a document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from corpus.errors import CorpusError
from corpus.hashing import content_hash
from corpus.model import Corpus, Document
from corpus.site_profile import DEFAULT_PROFILE, SiteProfile, load_site_profile
from corpus.sources import document_from_source, source_from_file

DEFAULT_CORPUS_DIR = Path(__file__).with_name("documents")
_SUFFIXES = (".txt", ".md")

__all__ = ["DEFAULT_CORPUS_DIR", "CorpusError", "corpus_files", "load_corpus", "load_document"]


def load_document(
    path: Path,
    profile: SiteProfile,
    default_publisher: str = "Kiruna kommun",
    source_urls: Mapping[str, str] | None = None,
) -> Document:
    """Read, clean and chunk one document file."""
    source = source_from_file(path, profile, default_publisher)
    try:
        return document_from_source(source, profile, source_urls=source_urls)
    except CorpusError as exc:
        raise CorpusError(f"{path}: {exc}") from exc


def corpus_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    return sorted(p for p in corpus_dir.iterdir() if p.suffix in _SUFFIXES and p.is_file())


def load_corpus(
    corpus_dir: Path = DEFAULT_CORPUS_DIR,
    profile_path: Path = DEFAULT_PROFILE,
    default_publisher: str = "Kiruna kommun",
    source_urls: Mapping[str, str] | None = None,
) -> Corpus:
    """All documents of a corpus folder, with the hash of their content."""
    profile = load_site_profile(profile_path)
    files = corpus_files(corpus_dir)
    if not files:
        raise CorpusError(f"no documents (*.txt, *.md) in {corpus_dir}")
    docs = [load_document(p, profile, default_publisher, source_urls) for p in files]
    ids = [d.meta.id for d in docs]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"duplicate document ids in {corpus_dir}: {ids}")
    sidecars = [p.with_suffix(".toml") for p in files if p.with_suffix(".toml").exists()]
    digest = content_hash(sorted(files + sidecars + [profile_path]))
    # source URLs come from settings too, and they are part of what a quote shows
    if source_urls:
        digest = hashlib.sha256((digest + repr(sorted(source_urls.items()))).encode()).hexdigest()
    return Corpus(documents=docs, content_hash=digest)
