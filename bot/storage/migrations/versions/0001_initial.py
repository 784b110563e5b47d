"""Initial schema: translation memory, question log, feedback, saved eval cases.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source_hash", sa.String(64), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reviewer", sa.String(200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("source_hash", "lang", name="uq_translation_source_lang"),
    )
    op.create_index("ix_translations_source_hash", "translations", ["source_hash"])
    op.create_index("ix_translations_lang", "translations", ["lang"])
    op.create_table(
        "questions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("detected_lang", sa.String(16), nullable=True),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("chunk_id", sa.String(300), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("translation_provider", sa.String(32), nullable=True),
    )
    op.create_index("ix_questions_created_at", "questions", ["created_at"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("answer_id", sa.String(36), sa.ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_feedback_answer_id", "feedback", ["answer_id"])
    op.create_table(
        "eval_cases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("eval_cases")
    op.drop_index("ix_feedback_answer_id", "feedback")
    op.drop_table("feedback")
    op.drop_index("ix_questions_created_at", "questions")
    op.drop_table("questions")
    op.drop_index("ix_translations_lang", "translations")
    op.drop_index("ix_translations_source_hash", "translations")
    op.drop_table("translations")
