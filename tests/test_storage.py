"""Storage on SQLite and on PostgreSQL: the same tests against both engines.

PostgreSQL runs when KIRUNA_BOT_TEST_DATABASE_URL names one (`./run.sh test` starts a local one).
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from limits import parse
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import text, update

from bot.storage.db import MIGRATIONS, Database, sqlite_url
from bot.storage.eval_cases import EvalCaseStore
from bot.storage.memory import TranslationMemory
from bot.storage.models import QuestionRow
from bot.storage.questions import QuestionLog
from bot.storage.rate_limits import DatabaseStorage
from corpus.curated_translations import CuratedTranslation

PG_URL = os.environ.get("KIRUNA_BOT_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database(sqlite_url(tmp_path / "test.db"))
    else:
        if not PG_URL:
            pytest.skip("KIRUNA_BOT_TEST_DATABASE_URL is not set (./run.sh test sets it)")
        request.getfixturevalue("postgresql_turn")  # the database is shared with test_content_postgres
        database = Database(PG_URL)
        with database.engine.begin() as conn:
            for table in ("feedback", "questions", "translations", "eval_cases", "rate_limits"):
                conn.execute(text(f"DELETE FROM {table}"))
    yield database
    database.dispose()


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_migrations_are_idempotent(db: Database) -> None:
    Database(db.url).dispose()  # a second open runs the migrations again: nothing to do
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == _head()


def test_memory_stores_once_and_keeps_review_state(db: Database) -> None:
    memory = TranslationMemory(db)
    first = memory.add("Vi är Kiruna.", "en", "We are Kiruna.", "google")
    again = memory.add("Vi är Kiruna.", "en", "Something else.", "google")
    assert again.id == first.id
    assert again.text == "We are Kiruna."
    assert first.provenance == "machine"
    approved = memory.approve(first.id, "Anna")
    assert approved.provenance == "reviewed"
    assert approved.reviewer == "Anna"
    assert approved.reviewed_at is not None
    edited = memory.edit(first.id, "We are Kiruna!")
    assert edited.provenance == "unreviewed"
    assert edited.provider == "staff"
    assert memory.get("Vi är Kiruna.", "fi") is None
    assert memory.counts() == {"en": 1}


def test_seeding_never_overwrites_staff_work(db: Database) -> None:
    memory = TranslationMemory(db)
    entry = memory.add("Vi är Kiruna.", "en", "Staff text.", "staff")
    memory.approve(entry.id, "Anna")
    added = memory.seed(
        [
            CuratedTranslation("en", "Vi är Kiruna.", "Curated text."),
            CuratedTranslation("en", "Våra ambitioner är högre än våra fjäll.", "Our ambitions are higher."),
        ]
    )
    assert added == 1
    assert memory.get("Vi är Kiruna.", "en").text == "Staff text."  # type: ignore[union-attr]


def test_question_log_feedback_top_unanswered_and_purge(db: Database) -> None:
    log = QuestionLog(db)
    ids = [str(uuid.uuid4()) for _ in range(4)]
    log.record(ids[0], "vad är visionen", "sv", "sv", True, "c1", 1.0, "source")
    log.record(ids[1], "busstider", "sv", "sv", False, None, 0.1, "none")
    log.record(ids[2], "Busstider", "sv", "sv", False, None, 0.1, "none")
    log.record(ids[3], "weather", "en", "en", False, None, 0.1, "none")
    log.feedback(ids[0], helpful=True)
    log.feedback(ids[0], helpful=False)
    with pytest.raises(KeyError):
        log.feedback("missing", helpful=True)
    first = next(q for q in log.recent() if q.id == ids[0])
    assert (first.helpful, first.unhelpful) == (0, 1)  # one vote per answer: the last one
    assert log.top_unanswered()["sv"][0] == ("busstider", 2)
    old = datetime.now(UTC) - timedelta(days=40)
    with db.session() as s:
        s.execute(update(QuestionRow).where(QuestionRow.id.in_(ids[:2])).values(created_at=old))
    assert log.purge(30) == 2
    assert {q.id for q in log.recent()} == set(ids[2:])


def test_feedback_keeps_the_last_vote_per_answer(db: Database) -> None:
    log = QuestionLog(db)
    answer_id = str(uuid.uuid4())
    log.record(answer_id, "vad är visionen", "sv", "sv", True, "c1", 1.0, "source")
    for helpful in (True, False, True, True, False, True):
        log.feedback(answer_id, helpful=helpful)
    logged = next(q for q in log.recent() if q.id == answer_id)
    assert (logged.helpful, logged.unhelpful) == (1, 0)
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM feedback")).scalar_one() == 1


def test_timestamps_come_back_aware_in_utc(db: Database) -> None:
    log = QuestionLog(db)
    answer_id = str(uuid.uuid4())
    log.record(answer_id, "vad är visionen", "sv", "sv", True, "c1", 1.0, "source")
    logged = next(q for q in log.recent() if q.id == answer_id)
    assert logged.created_at.utcoffset() == timedelta(0)
    assert abs((datetime.now(UTC) - logged.created_at).total_seconds()) < 60
    entry = TranslationMemory(db).add("Vi är Kiruna.", "en", "We are Kiruna.", "google")
    assert entry.updated_at.utcoffset() == timedelta(0)
    saved = EvalCaseStore(db).all()
    assert all(c.created_at.utcoffset() == timedelta(0) for c in saved)


def test_eval_cases(db: Database) -> None:
    store = EvalCaseStore(db)
    saved = store.add("fi", "mikä on visio?", "Vi är Kiruna.", "Anna")
    assert [(c.lang, c.question, c.answer) for c in store.all()] == [("fi", "mikä on visio?", "Vi är Kiruna.")]
    assert saved.created_by == "Anna"


def test_rate_limit_counter_is_shared(db: Database) -> None:
    other = Database(db.url, run_migrations=False)  # another worker's engine
    limiter_a = FixedWindowRateLimiter(DatabaseStorage(db))
    limiter_b = FixedWindowRateLimiter(DatabaseStorage(other))
    item = parse("4/minute")
    hits = [limiter_a.hit(item, "k") if i % 2 else limiter_b.hit(item, "k") for i in range(6)]
    other.dispose()  # its pooled connections are closed now, not whenever they are collected
    assert hits == [True] * 4 + [False, False]


def test_twenty_concurrent_writers(db: Database) -> None:
    memory = TranslationMemory(db)
    log = QuestionLog(db)
    errors: list[BaseException] = []
    barrier = threading.Barrier(20)

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for i in range(10):
                log.record(str(uuid.uuid4()), f"q{n}-{i}", "sv", "sv", bool(i % 2), None, None, None)
                memory.add(f"mening {i}", "en", f"sentence {i} by {n}", "google")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(log.recent(1000)) == 200
    assert memory.counts() == {"en": 10}


def test_migration_0003_keeps_the_last_of_several_votes(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from bot.storage.db import MIGRATIONS, make_engine

    url = sqlite_url(tmp_path / "old.db")
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(
            text(
                "INSERT INTO questions (id, created_at, text, lang, answered) VALUES ('a', '2026-01-01', 'q', 'sv', 1)"
            )
        )
        for helpful in (1, 1, 0):
            conn.execute(
                text(f"INSERT INTO feedback (answer_id, created_at, helpful) VALUES ('a', '2026-01-01', {helpful})")
            )
    engine.dispose()
    db = Database(url)  # migrates to the newest
    with db.session() as s:
        assert s.execute(text("SELECT helpful FROM feedback")).scalars().all() == [False]
    db.dispose()
