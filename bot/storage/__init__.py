"""The bot's database: translation memory, question log, feedback and saved eval cases.

SQLAlchemy over a SQLite file in the data dir by default, any SQLAlchemy URL (PostgreSQL for
several workers or hosts) through `KIRUNA_BOT_DATABASE_URL`. The schema is owned by Alembic
migrations in `bot/storage/migrations`.
"""
