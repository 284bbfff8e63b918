"""The event log is append-only: the database itself refuses UPDATE and DELETE on nhat_ky.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MESSAGE = "nhat_ky is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for when in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER nhat_ky_khong_{when.lower()} BEFORE {when} ON nhat_ky "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION nhat_ky_chi_them() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER nhat_ky_chi_them BEFORE UPDATE OR DELETE ON nhat_ky "
        "FOR EACH ROW EXECUTE FUNCTION nhat_ky_chi_them()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER nhat_ky_khong_update")
        op.execute("DROP TRIGGER nhat_ky_khong_delete")
        return
    op.execute("DROP TRIGGER nhat_ky_chi_them ON nhat_ky")
    op.execute("DROP FUNCTION nhat_ky_chi_them()")
