"""Indexes for the desk's scan on a season's data: hand-outs by time, undo lines, tickets

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_distribution_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_distribution_corrects"),
            ["corrects"],
            unique=False,
            sqlite_where=sa.text("corrects IS NOT NULL"),
            postgresql_where=sa.text("corrects IS NOT NULL"),
        )
    with op.batch_alter_table("charging_ticket", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_charging_ticket_household_id"), ["household_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("charging_ticket", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_charging_ticket_household_id"))
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_corrects"))
        batch_op.drop_index(batch_op.f("ix_distribution_at"))
