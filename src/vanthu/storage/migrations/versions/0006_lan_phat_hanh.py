"""The last distribution run of each directive, so that every process sees its progress.

``lan_phat_hanh`` holds one row per directive distributed: who started the last run, when, how
far it got (``da_xong`` of ``tong`` bodies, ``cap_nhat`` at each batch) and how it ended
(``ket_thuc`` with ``gui_moi`` bodies newly delivered, or ``loi``).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lan_phat_hanh",
        sa.Column("van_ban_id", sa.Integer(), sa.ForeignKey("van_ban.id"), primary_key=True),
        sa.Column("nguoi", sa.String(64), nullable=False),
        sa.Column("bat_dau", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cap_nhat", sa.DateTime(timezone=True), nullable=False),
        sa.Column("da_xong", sa.Integer(), nullable=False),
        sa.Column("tong", sa.Integer(), nullable=False),
        sa.Column("ket_thuc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gui_moi", sa.Integer(), nullable=True),
        sa.Column("loi", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("lan_phat_hanh")
