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
from sqlalchemy import func, select

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.errors import InvalidSetting, StoreUnavailable
from vanthu.storage import open_store
from vanthu.storage.bang import CoQuan
from vanthu.storage.connection import NEWEST_REVISION, revision_of, url_cua


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
    assert script.get_current_head() == NEWEST_REVISION


def test_a_new_store_is_migrated_to_the_newest_revision(db: str) -> None:
    store = open_store(db)
    try:
        assert revision_of(store.engine) == NEWEST_REVISION
    finally:
        store.close()


def test_a_store_at_an_older_revision_is_upgraded_when_opened(db: str) -> None:
    store = open_store(db)
    config = alembic_config()
    with store.engine.begin() as connection:  # as vanthu hands it to the migrations
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert revision_of(store.engine) == "0001"
    store.close()
    store = open_store(db)
    try:
        assert revision_of(store.engine) == NEWEST_REVISION
    finally:
        store.close()


def test_a_current_store_is_opened_without_loading_alembic(db: str) -> None:
    open_store(db).close()
    check = textwrap.dedent(
        f"""
        import sys
        from vanthu.storage import open_store
        open_store({db!r}).close()
        print("alembic" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_sqlite_store_puts_every_commit_on_disk_before_returning(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "vanthu.db"))
    try:
        with store.engine.connect() as connection:
            settings = [
                connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys")
            ]
        assert settings == ["wal", 2, 1]  # synchronous 2 = FULL
    finally:
        store.close()


def test_a_store_at_a_revision_this_vanthu_does_not_know_is_refused_naming_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "vanthu.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreUnavailable, match=r"lược đồ đang ở phiên bản '0099'"):
        open_store(str(db))


def test_a_password_in_the_url_never_appears_in_a_message() -> None:
    with pytest.raises(StoreUnavailable) as refused:
        open_store("postgresql://postgres:s3cret@127.0.0.1:1/vanthu")
    assert "s3cret" not in str(refused.value)
    assert "postgresql://postgres:***@127.0.0.1:1/vanthu" in str(refused.value)


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("postgresql://::::", "không phải địa chỉ cơ sở dữ liệu"),
        ("postgresql://h:0/d", "cổng 0 không nằm trong khoảng 1–65535"),
        ("postgresql://h:5432", "hãy ghi tên cơ sở dữ liệu"),
        ("sqlite://", "hãy ghi tệp SQLite"),
        ("oracle://h/d", "không hỗ trợ 'oracle'"),
        ("vanthu\x01.db", "ký tự điều khiển"),
    ],
)
def test_a_malformed_database_setting_is_refused_before_connecting(db: str, expected: str) -> None:
    with pytest.raises(InvalidSetting, match=f"^--db / VANTHU_DB: .*{expected}"):
        url_cua(db)


def test_a_sqlite_url_keeps_its_wait_and_a_postgresql_url_gets_the_driver() -> None:
    assert url_cua("sqlite:///tmp/x.db?timeout=2").endswith("/tmp/x.db?timeout=2")
    assert url_cua("postgresql://u@h/d").startswith("postgresql+psycopg://u@h/d")


def test_a_sqlite_read_waits_for_no_writer_and_sees_what_was_committed(tmp_path: Path) -> None:
    path = tmp_path / "vanthu.db"
    store = open_store(f"sqlite:///{path}?timeout=1")
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        with store.transaction() as s:
            s.add(CoQuan(ma="SYT", ten="Sở Y tế", ten_ngan="Sở Y tế"))
        writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        writer.execute("INSERT INTO co_quan (ma, ten, ten_ngan) VALUES ('SNV', 'SNV', 'SNV')")
        with store.doc() as s:
            assert list(s.scalars(select(CoQuan.ma))) == ["SYT"]  # no wait, the committed rows
        with store.chi_doc.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(CoQuan)) == 1
        with (
            pytest.raises(StoreUnavailable, match="bị tiến trình khác khóa"),
            store.transaction() as s,
        ):
            s.scalar(select(CoQuan.ma))  # a transaction that may write queues for the lock
    finally:
        writer.close()
        store.close()
