"""Opening the store: the database URL, SQLite settings, migrations, and one transaction at a time.

SQLite (a file under ``output/``) is the embedded default; a ``postgresql+psycopg://`` URL works
the same. ``VANTHU_DB`` or ``--db`` chooses; a bare path means a SQLite file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = Path("output") / "vanthu.db"
#: The newest migration under ``migrations/versions`` (a test holds this to Alembic's head). A
#: store already there is opened without importing Alembic: ~0.2 s off every lifecycle command.
REVISION_MOI_NHAT = "0002"


def url_cua(db: str | None) -> str:
    """The SQLAlchemy URL for ``db`` (a URL, or a SQLite file path), else ``VANTHU_DB``."""
    db = db or os.environ.get("VANTHU_DB") or str(DEFAULT_DB)
    if "://" in db:
        return db.replace("postgresql://", "postgresql+psycopg://", 1)
    path = Path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_settings(engine: Engine) -> None:
    """WAL, foreign keys, a busy wait, and BEGIN IMMEDIATE so writers queue instead of failing.

    ``synchronous=FULL``: every commit is on disk before it returns, as on PostgreSQL. With
    WAL's usual NORMAL, a power cut could undo the last commits: an issue whose frozen files
    already carry its number would vanish from the register, and the number be taken again.
    It costs about 0.2 ms a commit on this kind of machine (10,002 acknowledgements: 2.2 s
    with NORMAL, 4.2 s with FULL, ``benchmarks/lifecycle.py``).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def phien_ban(engine: Engine) -> str | None:
    """The store's Alembic revision (phiên bản: version); None for a store never migrated."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (safe to run from several processes).

    One SELECT when it is there already; otherwise Alembic upgrades it.
    """
    if phien_ban(engine) == REVISION_MOI_NHAT:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "vanthu.storage:migrations")
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # One migrating process at a time; the others wait, then find nothing to do.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7261001)")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Kho:
    """The store (kho): an engine and the transactions opened on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @cached_property
    def tu_dong(self) -> Engine:
        """The same database in autocommit: each statement its own transaction (PostgreSQL's
        one-statement writes; never for several statements that must stand together)."""
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def ten(self) -> str:
        """The database kind: "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def giao_dich(self) -> Iterator[Session]:
        """One transaction: committed if the block ends normally, rolled back on any error."""
        with self._sessions.begin() as session:
            yield session

    def dong(self) -> None:
        """Release the connections."""
        self.engine.dispose()


def mo_kho(db: str | None = None, migrate: bool = True) -> Kho:
    """Open (and migrate) the store at ``db``; see :func:`url_cua`."""
    url = url_cua(db)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _sqlite_settings(engine)
    if migrate:
        _migrate(engine)
    return Kho(engine)
