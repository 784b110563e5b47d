"""Alembic environment: runs on the connection `bot.storage.db.migrate` hands it."""

from __future__ import annotations

from alembic import context

from bot.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through bot.storage.db.migrate
    raise RuntimeError("run migrations through bot.storage.db.migrate")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
