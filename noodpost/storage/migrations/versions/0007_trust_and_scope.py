"""Trust and scope (DESIGN §3.8): who may hold each event, coverage, PINs apart, own data only

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 08:00:00.000000

Schema: ``event.audience`` and ``event.secret`` (who may hold an event; whether it holds a
secret), the ``coverage`` of filtered streams, ``person.post_code``, and ``credential`` (PIN
hashes apart from volunteers, so volunteers can travel without them).

Data (:mod:`noodpost.storage.scope_upgrade`): the new columns are filled for every held event;
a post drops what it held of other posts (it keeps working on its own data and the hub's
messages to it); a hub forgets the PIN hashes of posts' volunteers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from noodpost.storage.scope_upgrade import upgrade_scope

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audience", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("secret", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("post_code", sa.String(length=16), nullable=True))
    op.create_table(
        "coverage",
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("incarnation", sa.String(length=16), nullable=False),
        sa.Column("low", sa.Integer(), nullable=False),
        sa.Column("high", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("origin", "incarnation", "low", name=op.f("pk_coverage")),
    )
    op.create_table(
        "credential",
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_hlc", sa.BigInteger(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential")),
    )
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credential_volunteer_id"), ["volunteer_id"], unique=False
        )
    upgrade_scope(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credential_volunteer_id"))
    op.drop_table("credential")
    op.drop_table("coverage")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("post_code")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("secret")
        batch_op.drop_column("audience")
