"""A covering index for the stock sum of one item over a season's hand-outs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 11:45:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_distribution_item_id_post_code_deleted_quantity"),
            ["item_id", "post_code", "deleted", "quantity"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_item_id_post_code_deleted_quantity"))
