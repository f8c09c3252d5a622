"""Records typed in from paper: ``from_paper`` on households, visits and hand-outs

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 21:50:00.000000

A nullable column on three projected tables: records from before it were not from paper.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("household", "visit", "distribution")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("from_paper", sa.Boolean(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("from_paper")
