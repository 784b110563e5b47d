"""Engine and sessions, with the settings SQLite needs to take concurrent writers.

SQLite runs in WAL mode with a busy timeout, so readers never block the writer and a second
writer waits instead of failing with "database is locked". The schema is brought to the newest
migration when the database is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.health import StorageHealth, describe

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 30_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class StorageUnavailable(RuntimeError):
    """The database cannot be opened: the message names it and says what to do."""


def make_engine(url: str) -> Engine:
    # hide_parameters: an error message never carries a stored value (a question) into a log
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, hide_parameters=True)


def dialect_insert(engine: Engine) -> Callable[..., Any]:
    """The engine's INSERT with ON CONFLICT. Each dialect is imported where it is used: importing
    PostgreSQL's (with its async drivers' modules) costs every SQLite process a tenth of a second."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    def __init__(self, url: str, *, run_migrations: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.health = StorageHealth()  # which operations on this database fail right now
        if run_migrations:
            try:
                migrate(self.engine)
            except SQLAlchemyError as exc:
                self.engine.dispose()
                raise StorageUnavailable(
                    f"cannot open the database {self.where}: {describe(exc)}. If the file is damaged, restore it "
                    "from a backup or move it aside to start with an empty one (KIRUNA_BOT_DATABASE_URL)."
                ) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def where(self) -> str:
        """The database file, or the URL without its password."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return url.render_as_string(hide_password=True)

    def probe(self) -> None:
        """Read a page of every table (readiness): raises when the file or server cannot be read."""
        with self.engine.connect() as connection:
            for table in ("questions", "feedback", "translations", "rate_limits"):
                connection.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).all()  # noqa: S608 - fixed names

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
