"""One feedback vote per answer: the last one a resident gave.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # keep the newest vote of each answer, then let the index hold it to one
    op.execute("DELETE FROM feedback WHERE id NOT IN (SELECT MAX(id) FROM feedback GROUP BY answer_id)")
    op.drop_index("ix_feedback_answer_id", "feedback")
    op.create_index("ix_feedback_answer_id", "feedback", ["answer_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_feedback_answer_id", "feedback")
    op.create_index("ix_feedback_answer_id", "feedback", ["answer_id"])
