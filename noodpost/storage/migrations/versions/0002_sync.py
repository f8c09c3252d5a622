"""Sync: peers (paired hub, known posts) and bundles waiting for approval

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer",
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("signing_public_key", sa.String(length=64), nullable=False),
        sa.Column("encryption_public_key", sa.String(length=64), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("first_seen", sa.String(length=32), nullable=False),
        sa.Column("last_contact", sa.String(length=32), nullable=True),
        sa.Column("last_channel", sa.String(length=16), nullable=True),
        sa.Column("addresses", sa.JSON(), nullable=True),
        sa.Column("acked_vector", sa.JSON(), nullable=False),
        sa.Column("acked_incarnation", sa.String(length=16), nullable=True),
        sa.Column("clock_suspect", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("node_id", name=op.f("pk_peer")),
    )
    with op.batch_alter_table("peer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_peer_post_code"), ["post_code"], unique=False)

    op.create_table(
        "pending_bundle",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("sender", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_pending_bundle")),
    )
    with op.batch_alter_table("pending_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_bundle_sender"), ["sender"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pending_bundle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_bundle_sender"))

    op.drop_table("pending_bundle")
    with op.batch_alter_table("peer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_peer_post_code"))

    op.drop_table("peer")
