"""Retention: age bands for anonymised people, and the post's retention period

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 05:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retention_days", sa.Integer(), nullable=True))
    for table in ("household", "person", "safe_message"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("age_band", sa.String(length=8), nullable=True))


def downgrade() -> None:
    for table in ("safe_message", "person", "household"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("age_band")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_column("retention_days")
