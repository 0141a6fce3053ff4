"""questionnaire drafts and publication details

Staff edit questionnaires as drafts and publish them as new versions: who published a version and their
note are kept with it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 11:04:08.913583
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("yaml_text", sa.Text(), nullable=False),
        sa.Column("base_version_id", sa.Integer(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["base_version_id"], ["questionnaire_versions.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("questionnaire_drafts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questionnaire_drafts_questionnaire_id"), ["questionnaire_id"], unique=False
        )

    with op.batch_alter_table("questionnaire_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(
            "fk_questionnaire_versions_published_by", "users", ["published_by_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("questionnaire_versions", schema=None) as batch_op:
        batch_op.drop_constraint("fk_questionnaire_versions_published_by", type_="foreignkey")
        batch_op.drop_column("note")
        batch_op.drop_column("published_by_id")

    with op.batch_alter_table("questionnaire_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_drafts_questionnaire_id"))

    op.drop_table("questionnaire_drafts")
