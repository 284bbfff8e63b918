"""Migrations keep what a store holds: a store filled at an older revision reads the same after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from tests.conftest import HOM_NAY, NINH_THUAN
from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.reading import doc_tep
from vanthu.storage import Store, open_store
from vanthu.storage.bang import NhatKy, NhiemVuCoQuan, NhiemVuRow, VanBanRow
from vanthu.storage.connection import revision_of
from vanthu.storage.van_ban import payload_cua, van_ban_cua

LUC = dt.datetime(2021, 9, 13, 1, 30, tzinfo=dt.UTC)


def _migrate(store: Store, to: str) -> None:
    """Up- or downgrade ``store`` to revision ``to``, on the connection vanthu hands over."""
    config = Config()
    config.set_main_option("script_location", "vanthu.storage:migrations")
    current = revision_of(store.engine)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        if current is not None and to < current:
            command.downgrade(config, to)
        else:
            command.upgrade(config, to)


@pytest.fixture(params=LOAI_CSDL)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with csdl_moi(request.param, tmp_path) as url:
        yield url


def _table(name: str, *columns: str, json: str | None = None) -> sa.TableClause:
    return sa.table(
        name, *(sa.column(c) for c in columns), *([sa.column(json, sa.JSON)] if json else [])
    )


def _old_payload() -> dict[str, Any]:
    """The Ninh Thuận công điện as revision 0003 stored it: its tasks' codes under ``co_quan``."""
    payload = payload_cua(doc_tep(NINH_THUAN, HOM_NAY))
    tasks = [
        {("co_quan" if k == "ma_co_quan" else k): v for k, v in t.items()}
        for t in payload["nhiem_vu"]
    ]
    assert any("co_quan" in t for t in tasks)
    return payload | {"nhiem_vu": tasks}


def _fill_at_0003(store: Store) -> None:
    """A directive with two tasks (one with a report due, one without), a body assigned to each,
    and a log line: the rows the renamed tables hold and the rows that refer to them."""
    with store.engine.begin() as c:
        c.execute(
            sa.insert(_table("nguoi_dung", "ten", "ho_ten", "vai_tro")),
            [{"ten": "vt", "ho_ten": "Văn thư", "vai_tro": "van_thu"}],
        )
        c.execute(
            sa.insert(_table("co_quan", "ma", "ten", "ten_ngan")),
            [{"ma": "SNV", "ten": "Sở Nội vụ tỉnh Ninh Thuận", "ten_ngan": "Sở Nội vụ"}],
        )
        columns = ("id", "loai", "ky_hieu", "trich_yeu", "trang_thai", "phien_ban", "nguoi_soan")
        c.execute(
            sa.insert(_table("van_ban", *columns, "tao_luc", "cap_nhat_luc", json="noi_dung")),
            [
                {
                    "id": 1,
                    "loai": "cong_dien",
                    "ky_hieu": "CĐ-UBND",
                    "trich_yeu": "Về việc bảo vệ vùng xanh",
                    "noi_dung": _old_payload(),
                    "trang_thai": "du_thao",
                    "phien_ban": 1,
                    "nguoi_soan": "vt",
                    "tao_luc": LUC,
                    "cap_nhat_luc": LUC,
                }
            ],
        )
        c.execute(
            sa.insert(
                _table("nhiem_vu", "id", "van_ban_id", "doan", "mo_ta", "han", "can_bao_cao")
            ),
            [
                {"id": i, "van_ban_id": 1, "doan": i, "mo_ta": f"Việc {i}", "han": HOM_NAY}
                | {"can_bao_cao": due}
                for i, due in ((1, True), (2, False))
            ],
        )
        c.execute(
            sa.insert(_table("nhiem_vu_co_quan", "nhiem_vu_id", "ma_co_quan")),
            [{"nhiem_vu_id": i, "ma_co_quan": "SNV"} for i in (1, 2)],
        )
        c.execute(
            sa.insert(
                _table(
                    "nhat_ky", "van_ban_id", "doi_tuong", "su_kien", "nguoi", "luc", json="chi_tiet"
                )
            ),
            [
                {
                    "van_ban_id": 1,
                    "doi_tuong": "van_ban:1",
                    "su_kien": "soan_thao",
                    "nguoi": "vt",
                    "luc": LUC,
                    "chi_tiet": {},
                }
            ],
        )


def test_0004_renames_the_payload_and_report_columns_and_keeps_every_row(db: str) -> None:
    store = open_store(db)
    try:
        _migrate(store, "0003")
        _fill_at_0003(store)
        _migrate(store, "0004")
        assert revision_of(store.engine) == "0004"
        _migrate(store, "head")  # the tables as the code maps them now
        with store.transaction() as s:
            row = s.get(VanBanRow, 1)
            assert row is not None
            vb = van_ban_cua(row, HOM_NAY)  # reads as a directive again
            assert vb == doc_tep(NINH_THUAN, HOM_NAY)
            assert row.payload == payload_cua(vb)
            tasks = s.execute(
                sa.select(NhiemVuRow.id, NhiemVuRow.bao_cao).order_by(NhiemVuRow.id)
            ).all()
            assert [tuple(t) for t in tasks] == [(1, True), (2, False)]
            assert s.scalar(sa.select(sa.func.count()).select_from(NhiemVuCoQuan)) == 2
            assert s.scalar(sa.select(sa.func.count()).select_from(NhatKy)) == 1
    finally:
        store.close()


def test_0004_downgraded_gives_back_the_old_columns_and_task_key(db: str) -> None:
    store = open_store(db)
    try:
        _migrate(store, "0003")
        _fill_at_0003(store)
        _migrate(store, "0004")
        _migrate(store, "0003")
        old = _table("van_ban", "id", json="noi_dung")
        tasks = _table("nhiem_vu", "id", "can_bao_cao")
        with store.engine.connect() as c:
            assert c.execute(sa.select(old.c.noi_dung)).scalar_one() == _old_payload()
            due = c.execute(sa.select(tasks.c.can_bao_cao).order_by(tasks.c.id)).scalars()
            assert [bool(d) for d in due] == [True, False]
    finally:
        store.close()


def test_0008_marks_the_directives_issued_before_it_as_unsigned(db: str) -> None:
    store = open_store(db)
    try:
        _migrate(store, "0003")
        _fill_at_0003(store)
        _migrate(store, "0007")
        with store.engine.begin() as c:
            c.execute(sa.update(_table("van_ban", "id", "so")).values(so=1))
        _migrate(store, "0008")
        with store.transaction() as s:
            row = s.get(VanBanRow, 1)
            assert row is not None
            assert (row.ky_so, row.nguoi_ky_so, row.ban_chuan_bi_duong_dan) == (
                "chua_ky_so",
                None,
                None,
            )
        _migrate(store, "0007")
        assert revision_of(store.engine) == "0007"
    finally:
        store.close()
