"""Supply notices: dispatches from the C-NSP to posts, and posts' requests for supplies

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _state_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_conflict", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_hlc", sa.BigInteger(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "supply_dispatch",
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("from_code", sa.String(length=16), nullable=True),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("expected_at", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("sent_at", sa.String(length=32), nullable=True),
        sa.Column("received_lines", sa.JSON(), nullable=True),
        sa.Column("received_at", sa.String(length=32), nullable=True),
        sa.Column("receipt_note", sa.Text(), nullable=True),
        sa.Column("status_note", sa.Text(), nullable=True),
        *_state_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_dispatch")),
    )
    with op.batch_alter_table("supply_dispatch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_dispatch_post_code"), ["post_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supply_dispatch_request_id"), ["request_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supply_dispatch_status"), ["status"], unique=False)

    op.create_table(
        "supply_request",
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.String(length=32), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.String(length=32), nullable=True),
        sa.Column("status_note", sa.Text(), nullable=True),
        *_state_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supply_request")),
    )
    with op.batch_alter_table("supply_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supply_request_post_code"), ["post_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supply_request_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("supply_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_request_status"))
        batch_op.drop_index(batch_op.f("ix_supply_request_post_code"))

    op.drop_table("supply_request")
    with op.batch_alter_table("supply_dispatch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supply_dispatch_status"))
        batch_op.drop_index(batch_op.f("ix_supply_dispatch_request_id"))
        batch_op.drop_index(batch_op.f("ix_supply_dispatch_post_code"))

    op.drop_table("supply_dispatch")
