"""One name per concept (glossary): van_ban.noi_dung → payload, nhiem_vu.can_bao_cao → bao_cao,
and a stored directive's tasks name their bodies ``ma_co_quan`` (was ``co_quan``).

``noi_dung`` is the body paragraphs of a directive; the column holds the whole directive file
(as JSON), so it is its payload. ``bao_cao`` is the directive file's own word for "a report is
due". The directive file's ``nhiem_vu[].co_quan`` became ``nhiem_vu[].ma_co_quan``, as a Nơi nhận
line's codes are: every stored payload is rewritten so that it still reads as a directive.

Renamed in place (``ALTER TABLE … RENAME COLUMN``, SQLite 3.25 and PostgreSQL), never by the
copy-and-move that batch mode would otherwise do on SQLite: dropping ``van_ban`` or ``nhiem_vu``
with foreign keys on would fail on the rows that refer to it (the append-only log among them) or
cascade to ``nhiem_vu_co_quan``.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: Stored directives rewritten per statement.
BATCH = 500

_van_ban = sa.table("van_ban", sa.column("id", sa.Integer), sa.column("payload", sa.JSON))


def _rename(table: str, old: str, new: str) -> None:
    with op.batch_alter_table(table, recreate="never") as batch_op:
        batch_op.alter_column(old, new_column_name=new)


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _task_key(old: str, new: str) -> None:
    """Rename the key ``old`` to ``new`` in every task of every stored directive."""
    connection = op.get_bind()
    text = sa.cast(_van_ban.c.payload, sa.Text)
    ids = list(connection.scalars(sa.select(_van_ban.c.id).where(text.like('%"nhiem_vu"%'))))
    for batch in _batches(ids):
        rows = connection.execute(
            sa.select(_van_ban.c.id, _van_ban.c.payload).where(_van_ban.c.id.in_(batch))
        )
        changed: list[dict[str, Any]] = []
        for row_id, payload in rows:
            tasks = payload.get("nhiem_vu")
            if not isinstance(tasks, list) or not any(
                isinstance(t, dict) and old in t for t in tasks
            ):
                continue
            renamed = [
                {(new if k == old else k): v for k, v in t.items()} if isinstance(t, dict) else t
                for t in tasks
            ]
            changed.append({"row_id": row_id, "payload": payload | {"nhiem_vu": renamed}})
        if changed:
            connection.execute(
                _van_ban.update()
                .where(_van_ban.c.id == sa.bindparam("row_id"))
                .values(payload=sa.bindparam("payload")),
                changed,
            )


def upgrade() -> None:
    _rename("van_ban", "noi_dung", "payload")
    _rename("nhiem_vu", "can_bao_cao", "bao_cao")
    _task_key("co_quan", "ma_co_quan")


def downgrade() -> None:
    _task_key("ma_co_quan", "co_quan")
    _rename("nhiem_vu", "bao_cao", "can_bao_cao")
    _rename("van_ban", "payload", "noi_dung")
