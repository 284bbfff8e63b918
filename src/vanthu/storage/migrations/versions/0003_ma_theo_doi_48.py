"""The tracking code "VB<id>-<body code>" fits its column for every id and code: 40 → 48.

"VB" + a 32-bit id (10 digits) + "-" + a code of ``gioi_han.MA_TOI_DA`` (32) is 45 characters;
PostgreSQL refused a long code on a directive numbered from 100,000 on, SQLite stored it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite keeps no length: nothing to change there (a batch rebuild would copy the table).
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("noi_nhan", "ma_theo_doi", type_=sa.String(48), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("noi_nhan", "ma_theo_doi", type_=sa.String(40), existing_nullable=False)
