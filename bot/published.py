"""The corpus the bot answers from: the published version of every document, read from the database.

The committed documents (`KIRUNA_BOT_CORPUS_DIR`) are the seed of a fresh install: when no
document is published yet they are stored and published as version 1. After that the database is
the source, so every worker and host answers from the same versions, and staff change them by
importing and publishing (`bot.content`), not by editing files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.config import Settings
from bot.storage.documents import DocumentStore, PublishedState, StoredVersion
from corpus.loader import corpus_files
from corpus.model import Corpus
from corpus.site_profile import load_site_profile
from corpus.sources import CorpusError, DocumentSource, document_from_source, source_from_file


def seed_sources(settings: Settings) -> list[DocumentSource]:
    """The committed documents, read as versions."""
    profile = load_site_profile(settings.site_profile)
    files = corpus_files(settings.corpus_dir)
    if not files:
        raise CorpusError(f"no documents (*.txt, *.md) in {settings.corpus_dir}")
    sources = [source_from_file(p, profile, settings.publisher) for p in files]
    ids = [s.doc_id for s in sources]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"duplicate document ids in {settings.corpus_dir}: {ids}")
    return sources


def corpus_of(versions: list[StoredVersion], settings: Settings) -> Corpus:
    """A corpus of these versions, with a hash that changes exactly when what answers quote changes.

    Version ids are hashes of their content, so the corpus hash is the same on every host for the
    same published versions, and a rollback finds the index it had before.
    """
    if not versions:
        raise CorpusError("no document is published")
    profile = load_site_profile(settings.site_profile)
    docs = [
        document_from_source(v.source, profile, source_urls=settings.source_urls, version=v.id)
        for v in sorted(versions, key=lambda v: v.doc_id)
    ]
    h = hashlib.sha256(b"published-corpus-v1\0")
    h.update(Path(settings.site_profile).read_bytes())
    for v in sorted(versions, key=lambda v: v.doc_id):
        h.update(f"\0{v.doc_id}={v.id}".encode())
    h.update(repr(sorted(settings.source_urls.items())).encode())
    return Corpus(documents=docs, content_hash=h.hexdigest())


def published_corpus(settings: Settings, store: DocumentStore) -> Corpus:
    """The published corpus, seeding the database from the committed documents the first time."""
    if store.is_empty():
        store.seed(seed_sources(settings))
    return corpus_of(store.published_versions(), settings)


def state_of(corpus: Corpus) -> PublishedState:
    """Which version of each document a loaded corpus holds (compared with `DocumentStore.published`)."""
    return tuple(sorted((d.meta.id, d.meta.version or "") for d in corpus.documents))
