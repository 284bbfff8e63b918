"""Alembic environment: migrations run on the connection storage/connection.py hands over."""

from __future__ import annotations

from alembic import context

from vanthu.storage.bang import Bang

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Bang.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
