"""answers.value declared TEXT on SQLite

A column declared JSON has NUMERIC affinity in SQLite, which stored the answer 3.0 as the integer 3 and
rounded integers beyond 64 bits. PostgreSQL is unchanged.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:00:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # SQLite cannot alter a column: batch mode copies the table, casting each value to text. The cast
    # prints a real number with 15 digits only, so those are written again with all of theirs.
    reals = bind.execute(
        sa.text("SELECT assessment_id, question_id, value FROM answers WHERE typeof(value) = 'real'")
    ).all()
    with op.batch_alter_table("answers") as batch_op:
        batch_op.alter_column("value", existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=False)
    for assessment_id, question_id, value in reals:
        bind.execute(
            sa.text("UPDATE answers SET value = :value WHERE assessment_id = :assessment AND question_id = :question"),
            {"value": json.dumps(value), "assessment": assessment_id, "question": question_id},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("answers") as batch_op:
        batch_op.alter_column("value", existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=False)
