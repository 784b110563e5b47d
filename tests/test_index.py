"""The index on disk: manifest checks, staleness, damage, and atomic rebuilds."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.storage.db import Database
from bot.storage.documents import DocumentStore
from bot.wiring import build, index_path, load_resources, open_index
from index.embedders import Embedder
from index.entries import CHUNK, KEYWORDS, SENTENCE
from index.manifest import IndexMismatch, IndexMissing


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    """A one-page corpus of our own, with no translations or thesaurus, so builds are quick."""
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "sida.md").write_text(
        "# Sida\n\n## Skola\n\nKommunen satsar på skolan. Alla barn ska lära sig läsa.\n\n"
        "## Bostäder\n\nDet ska finnas bostäder för alla.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir, translations_dir=empty, thesaurus_dir=empty)


def test_build_writes_a_complete_manifest(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    manifest = build(small_settings, resources, embedder)
    saved = json.loads((index_path(small_settings, resources, embedder) / "manifest.json").read_text(encoding="utf-8"))
    assert saved["embedder_id"] == embedder.id
    assert saved["dim"] == 384
    assert saved["corpus_hash"] == resources.corpus.content_hash
    assert saved["chunk_count"] == 2
    assert saved["entry_count"] == manifest.entry_count == 5  # 3 sentences + 2 chunks
    assert saved["built_at"]
    index = open_index(small_settings, resources, embedder)
    assert {e.kind for e in index.entries} == {SENTENCE, CHUNK}


def test_missing_index_says_how_to_build(small_settings: Settings, embedder: Embedder) -> None:
    with pytest.raises(IndexMissing, match="kiruna-bot index build"):
        open_index(small_settings, load_resources(small_settings), embedder)


def test_changed_corpus_is_refused(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    build(small_settings, resources, embedder)
    # staff publish an edited page: the published corpus changes, and with it the index's folder
    database = Database(small_settings.database)
    store = DocumentStore(database)
    version = store.published_versions()[0]
    edited, _ = store.add(replace(version.source, text=version.source.text.replace("läsa", "skriva")), "test", "t")
    store.finish_publication(store.start_publication(edited.id, "publish", "t").id)
    database.dispose()
    changed = load_resources(small_settings)
    assert changed.corpus.content_hash != resources.corpus.content_hash
    with pytest.raises(IndexMissing, match="kiruna-bot index build"):
        open_index(small_settings, changed, embedder)
    # an index of the old corpus in the new one's place is refused by its manifest
    shutil.copytree(index_path(small_settings, resources, embedder), index_path(small_settings, changed, embedder))
    with pytest.raises(IndexMismatch, match="corpus has changed"):
        open_index(small_settings, changed, embedder)


def test_other_embedder_is_refused(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    build(small_settings, resources, embedder)

    class Other:
        id = "sentence-transformers:other"
        dim = 384

    other = Other()
    with pytest.raises(IndexMissing):  # another embedder's index has a folder of its own
        open_index(small_settings, resources, other)  # type: ignore[arg-type]
    shutil.copytree(index_path(small_settings, resources, embedder), index_path(small_settings, resources, other))  # type: ignore[arg-type]
    with pytest.raises(IndexMismatch, match="built with embedder"):
        open_index(small_settings, resources, other)  # type: ignore[arg-type]


def test_truncated_faiss_file_is_reported_and_rebuild_recovers(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    build(small_settings, resources, embedder)
    faiss_file = index_path(small_settings, resources, embedder) / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])
    with pytest.raises(IndexMismatch, match="index build"):
        open_index(small_settings, resources, embedder)
    build(small_settings, resources, embedder)
    assert open_index(small_settings, resources, embedder).dense.size == 5


def test_entries_and_vectors_must_agree(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    build(small_settings, resources, embedder)
    entries = index_path(small_settings, resources, embedder) / "entries.jsonl"
    entries.write_text("\n".join(entries.read_text(encoding="utf-8").splitlines()[:-1]), encoding="utf-8")
    with pytest.raises(IndexMismatch, match="damaged"):
        open_index(small_settings, resources, embedder)


def test_rebuild_replaces_the_old_index_whole(small_settings: Settings, embedder: Embedder) -> None:
    resources = load_resources(small_settings)
    build(small_settings, resources, embedder)
    folder = index_path(small_settings, resources, embedder)
    (folder / "stray.txt").write_text("left from an old build", encoding="utf-8")
    build(small_settings, resources, embedder)
    assert not (folder / "stray.txt").exists()
    leftovers = [p.name for p in folder.parent.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")]
    assert leftovers == []


def test_real_index_has_translations_and_keywords(service_index_entries: list[tuple[str, str]]) -> None:
    langs = {lang for lang, _ in service_index_entries}
    kinds = {kind for _, kind in service_index_entries}
    assert {"sv", "en", "fi", "se", "fit", "ar", "so", "ti", "fa", "uk", "pl", "de"} <= langs
    assert {SENTENCE, CHUNK, KEYWORDS} <= kinds


@pytest.fixture
def service_index_entries(pipeline: Pipeline) -> list[tuple[str, str]]:
    return [(e.lang, e.kind) for e in pipeline.index.entries]


def test_a_version_number_is_one_word() -> None:
    from index.analysis import words

    # "Kiruna 2.0" names one project: its "2" and "0" alone would match any digit
    assert words("Vad var Kiruna 2.0?") == ["vad", "var", "kiruna", "2.0"]
    assert words("2013-05-27, § 68") == ["2013", "05", "27", "68"]
    assert words("slutet.Nästa") == ["slutet", "nasta"]


def test_arabic_indic_and_persian_digits_are_the_pages_digits() -> None:
    from index.analysis import words

    assert words("کیرونا ۲.۰") == ["کیرونا", "2.0"]
    assert words("سمینار ٢٠١٢") == ["سمینار", "2012"]


def test_a_sign_for_a_word_is_that_word_to_the_thesaurus() -> None:
    from corpus.thesaurus_tables import load_thesaurus

    # "§ 68": the decision line is found by "which paragraph?", "pykälä", "paragraafka?"
    expanded = load_thesaurus().expand("Antagen av kommunfullmäktige 2013-05-27, § 68")
    assert "pykälä" in expanded["fi"]
    assert "paragraph" in expanded["en"]
    assert "pykälä" not in load_thesaurus().expand("Antagen av kommunfullmäktige 2013-05-27")["fi"]
