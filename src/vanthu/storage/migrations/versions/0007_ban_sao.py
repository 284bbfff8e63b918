"""Copies (bản sao) of issued directives, numbered in their own register (#10).

``ban_sao`` holds one row per copy: its number in the copies' register of the copying body
(``<issuer>:ban_sao``, shared by sao y, sao lục and trích sao, restarting each year), the form,
paper or electronic, the directive copied, the body items of a trích sao, the copy block as
printed, who made it and when, and its frozen files with their SHA-256. The number is taken
from ``dem_so`` and written in ``so_dang_ky`` like any outgoing number.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ban_sao",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("so_dang_ky", sa.String(64), nullable=False),
        sa.Column("nam", sa.Integer(), nullable=False),
        sa.Column("so", sa.Integer(), nullable=False),
        sa.Column("so_ky_hieu", sa.String(80), nullable=False),
        sa.Column("hinh_thuc", sa.String(16), nullable=False),
        sa.Column("dien_tu", sa.Boolean(), nullable=False),
        sa.Column("van_ban_id", sa.Integer(), nullable=False),
        sa.Column("muc", sa.JSON(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("nguoi", sa.String(64), nullable=False),
        sa.Column("luc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("docx_sha256", sa.String(64), nullable=True),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("docx_duong_dan", sa.Text(), nullable=True),
        sa.Column("pdf_duong_dan", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["van_ban_id"], ["van_ban.id"]),
        sa.ForeignKeyConstraint(["nguoi"], ["nguoi_dung.ten"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("so_dang_ky", "nam", "so"),
    )
    op.create_index("ix_ban_sao_so_ky_hieu", "ban_sao", ["so_ky_hieu"])
    op.create_index("ix_ban_sao_van_ban_id", "ban_sao", ["van_ban_id"])


def downgrade() -> None:
    op.drop_index("ix_ban_sao_van_ban_id", "ban_sao")
    op.drop_index("ix_ban_sao_so_ky_hieu", "ban_sao")
    op.drop_table("ban_sao")
