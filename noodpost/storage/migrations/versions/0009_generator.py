"""The generator log (aggregaat): a state table for its readings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 21:40:00.000000

A new projected table, empty on an existing database: no events of this kind existed before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "generator_reading",
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("running", sa.Boolean(), nullable=False),
        sa.Column("litres_added", sa.Float(), nullable=True),
        sa.Column("litres_left", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_hlc", sa.BigInteger(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generator_reading")),
    )
    with op.batch_alter_table("generator_reading", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_generator_reading_post_code_at"), ["post_code", "at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("generator_reading", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_generator_reading_post_code_at"))
    op.drop_table("generator_reading")
