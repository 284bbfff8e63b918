"""Hot-path statements: compiled once, run on the driver's connection, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import JSON, bindparam, insert, literal, select

from tests.csdl import LOAI_CSDL, PG_ADMIN, csdl_moi
from vanthu.errors import Refused, StoreUnavailable
from vanthu.storage import CompiledStatement, Store, open_store
from vanthu.storage.bang import NguoiDung


@pytest.fixture(params=LOAI_CSDL)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with csdl_moi(request.param, tmp_path) as url:
        store = open_store(url)
        with store.transaction() as s:
            s.execute(
                insert(NguoiDung),
                [
                    {"ten": "vt", "ho_ten": "Nguyễn Thị Văn", "vai_tro": "van_thu"},
                    {"ten": "syt", "ho_ten": "Văn thư Sở Y tế", "vai_tro": "don_vi_nhan"},
                ],
            )
        yield store
        store.close()


#: A user by name and role; the role is a literal the statement carries.
BY_NAME = CompiledStatement(
    select(NguoiDung.ho_ten, literal("x")).where(
        NguoiDung.ten == bindparam("ten"), NguoiDung.vai_tro == literal("don_vi_nhan")
    )
)


def test_a_compiled_statement_gives_the_row_sqlalchemy_would(store: Store) -> None:
    with store.engine.connect() as connection:
        assert BY_NAME.mot_dong(connection, {"ten": "syt"}) == ("Văn thư Sở Y tế", "x")
        assert BY_NAME.mot_dong(connection, {"ten": "vt"}) is None  # not a body's user
        expected = connection.execute(BY_NAME.cau, {"ten": "syt"}).one()
    assert tuple(expected) == ("Văn thư Sở Y tế", "x")


def test_a_parameter_not_given_is_named(store: Store) -> None:
    with store.engine.connect() as connection, pytest.raises(KeyError, match="ten"):
        BY_NAME.mot_dong(connection, {"ho_ten": "syt"})


def test_a_statement_whose_parameters_sqlalchemy_converts_is_refused(store: Store) -> None:
    converted = CompiledStatement(
        select(literal(1)).where(bindparam("du_lieu", type_=JSON).is_not(None))
    )
    with store.engine.connect() as connection, pytest.raises(ValueError, match="du_lieu"):
        converted.mot_dong(connection, {"du_lieu": {"a": 1}})


def test_a_value_longer_than_its_column_is_refused_as_sqlalchemy_would(store: Store) -> None:
    with (
        store.engine.connect() as connection,
        pytest.raises(Refused, match=r"^nguoi_dung\.ten: 65"),
    ):
        BY_NAME.mot_dong(connection, {"ten": "x" * 65})


def test_a_server_that_drops_the_connection_is_a_store_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    with csdl_moi("postgresql", tmp_path) as url:
        store = open_store(url)
        try:
            for run in (
                lambda c: BY_NAME.mot_dong(c, {"ten": "vt"}),
                lambda c: c.exec_driver_sql("SELECT 1"),
            ):
                with store.engine.connect() as connection:
                    pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
                    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
                    with pytest.raises(StoreUnavailable, match="terminating connection"):
                        run(connection)
        finally:
            store.close()
