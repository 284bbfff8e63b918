"""Real databases for tests: a SQLite file, and a fresh database on the PostgreSQL server.

The PostgreSQL server is ``VANTHU_TEST_PG`` (default: postgres on 127.0.0.1:5432, trust auth, as
on this kind of machine and in CI). It must be reachable: a test that needs it fails loudly.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

PG_ADMIN = os.environ.get("VANTHU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
LOAI_CSDL = ("sqlite", "postgresql")


@contextmanager
def csdl_moi(loai: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the given kind; its URL (dropped afterwards)."""
    if loai == "sqlite":
        yield str(tmp_path / "vanthu.db")
        return
    name = f"vanthu_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:  # pragma: no cover - environment failure
        raise RuntimeError(
            f"PostgreSQL at {PG_ADMIN} is not reachable ({error}); the storage tests need a real "
            "server: start it (see .ci/run) or set VANTHU_TEST_PG"
        ) from error
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
