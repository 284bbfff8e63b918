"""Digital signatures at issue (#10): the directive's signature status and two-step signing.

``van_ban`` gains ``ky_so`` (chua_ky_so, cho_ky_so, da_ky_so; directives issued before this
revision are marked chua_ky_so: they were issued unsigned), ``nguoi_ky_so`` (the leader who signs),
the prepared PDF of two-step signing and its SHA-256 (``ban_chuan_bi_duong_dan``,
``ban_chuan_bi_sha256``) and ``vi_tri_ky``, where the two signatures go. ``so_dang_ky`` gains
``huy_luc``: when a number was voided by cancelling two-step signing (it is never reused).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD/DROP COLUMN (SQLite 3.35+ drops columns too): a batch rebuild of
    # van_ban would trip the foreign keys that point at it.
    op.add_column("van_ban", sa.Column("ky_so", sa.String(16), nullable=True))
    op.add_column("van_ban", sa.Column("nguoi_ky_so", sa.String(64), nullable=True))
    op.add_column("van_ban", sa.Column("ban_chuan_bi_duong_dan", sa.Text(), nullable=True))
    op.add_column("van_ban", sa.Column("ban_chuan_bi_sha256", sa.String(64), nullable=True))
    op.add_column("van_ban", sa.Column("vi_tri_ky", sa.JSON(), nullable=True))
    op.add_column("so_dang_ky", sa.Column("huy_luc", sa.DateTime(timezone=True), nullable=True))
    van_ban = sa.table("van_ban", sa.column("so", sa.Integer), sa.column("ky_so", sa.String))
    op.execute(van_ban.update().where(van_ban.c.so.is_not(None)).values(ky_so="chua_ky_so"))


def downgrade() -> None:
    op.drop_column("so_dang_ky", "huy_luc")
    for column in ("vi_tri_ky", "ban_chuan_bi_sha256", "ban_chuan_bi_duong_dan", "nguoi_ky_so"):
        op.drop_column("van_ban", column)
    op.drop_column("van_ban", "ky_so")
