"""The sign-in lock in the database, shared by the window and the command line

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-14 09:00:00.000000

A local table (never an event): wrong PINs and lockouts per volunteer, so a lock holds across
processes and restarts. Starts empty: the old lock was kept in memory only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pin_lock",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_pin_lock")),
    )


def downgrade() -> None:
    op.drop_table("pin_lock")
