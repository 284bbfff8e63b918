"""Signing in to the web desk: password hashes, failed attempts, sessions and API tokens.

``nguoi_dung`` gains the argon2 hash of a password (none: the user cannot sign in on the web)
and the count and moment of failed sign-ins in a row (the slow-down). ``login_session`` holds a
signed-in browser's session by the SHA-256 of its cookie value, with its CSRF token;
``api_token`` a script's bearer token by its SHA-256. Neither secret is stored in clear.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nguoi_dung") as batch:
        batch.add_column(sa.Column("password_hash", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "login_session",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("ten", sa.String(64), sa.ForeignKey("nguoi_dung.ten"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "api_token",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("ten", sa.String(64), sa.ForeignKey("nguoi_dung.ten"), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("api_token")
    op.drop_table("login_session")
    with op.batch_alter_table("nguoi_dung") as batch:
        batch.drop_column("last_failed_at")
        batch.drop_column("failed_sign_ins")
        batch.drop_column("password_hash")
