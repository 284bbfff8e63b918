"""Opening the store: a new store is migrated, an old one upgraded, a current one left alone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.errors import InvalidSetting, StoreUnavailable
from vanthu.storage import mo_kho
from vanthu.storage.ket_noi import REVISION_MOI_NHAT, phien_ban, url_cua


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "vanthu.storage:migrations")
    return config


@pytest.fixture(params=LOAI_CSDL)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with csdl_moi(request.param, tmp_path) as url:
        yield url


def test_the_newest_revision_named_in_code_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == REVISION_MOI_NHAT


def test_a_new_store_is_migrated_to_the_newest_revision(db: str) -> None:
    kho = mo_kho(db)
    try:
        assert phien_ban(kho.engine) == REVISION_MOI_NHAT
    finally:
        kho.dong()


def test_a_store_at_an_older_revision_is_upgraded_when_opened(db: str) -> None:
    kho = mo_kho(db)
    config = alembic_config()
    with kho.engine.begin() as connection:  # as vanthu hands it to the migrations
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert phien_ban(kho.engine) == "0001"
    kho.dong()
    kho = mo_kho(db)
    try:
        assert phien_ban(kho.engine) == REVISION_MOI_NHAT
    finally:
        kho.dong()


def test_a_current_store_is_opened_without_loading_alembic(db: str) -> None:
    mo_kho(db).dong()
    check = textwrap.dedent(
        f"""
        import sys
        from vanthu.storage import mo_kho
        mo_kho({db!r}).dong()
        print("alembic" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_sqlite_store_puts_every_commit_on_disk_before_returning(tmp_path: Path) -> None:
    kho = mo_kho(str(tmp_path / "vanthu.db"))
    try:
        with kho.engine.connect() as connection:
            settings = [
                connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys")
            ]
        assert settings == ["wal", 2, 1]  # synchronous 2 = FULL
    finally:
        kho.dong()


def test_a_store_at_a_revision_this_vanthu_does_not_know_is_refused_naming_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "vanthu.db"
    mo_kho(str(db)).dong()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreUnavailable, match=r"its schema is at revision '0099'"):
        mo_kho(str(db))


def test_a_password_in_the_url_never_appears_in_a_message() -> None:
    with pytest.raises(StoreUnavailable) as refused:
        mo_kho("postgresql://postgres:s3cret@127.0.0.1:1/vanthu")
    assert "s3cret" not in str(refused.value)
    assert "postgresql://postgres:***@127.0.0.1:1/vanthu" in str(refused.value)


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("postgresql://::::", "not a database URL"),
        ("postgresql://h:0/d", "port 0 is not between 1 and 65535"),
        ("postgresql://h:5432", "name the database"),
        ("sqlite://", "name the SQLite file"),
        ("oracle://h/d", "'oracle' is not supported"),
        ("vanthu\x01.db", "control character"),
    ],
)
def test_a_malformed_database_setting_is_refused_before_connecting(db: str, expected: str) -> None:
    with pytest.raises(InvalidSetting, match=f"^--db / VANTHU_DB: .*{expected}"):
        url_cua(db)


def test_a_sqlite_url_keeps_its_wait_and_a_postgresql_url_gets_the_driver() -> None:
    assert url_cua("sqlite:///tmp/x.db?timeout=2").endswith("/tmp/x.db?timeout=2")
    assert url_cua("postgresql://u@h/d").startswith("postgresql+psycopg://u@h/d")
