"""Stored directives and their log, on both databases: lookups, state changes, log lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from tests.csdl import LOAI_CSDL, csdl_moi
from vanthu.errors import ConcurrentChange, NotFound, Refused
from vanthu.schemas.gio import GIO_VIET_NAM
from vanthu.storage import Store, open_store
from vanthu.storage.bang import NguoiDung, NhatKy, VanBanRow
from vanthu.storage.van_ban import (
    doi_trang_thai,
    dong_nhat_ky,
    ghi_dong_nhat_ky,
    id_van_ban,
    nhat_ky_cua,
    tep_da_ban_hanh,
    trung_so_ky_hieu,
    van_ban_theo_khoa,
)
from vanthu.workflow import TrangThaiVanBan

LUC = dt.datetime(2021, 9, 13, 8, 30, tzinfo=GIO_VIET_NAM)


@pytest.fixture(params=LOAI_CSDL)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store with one user and three directives: #1 and #2 share "01/CĐ-UBND" (2021, 2022),
    #3 is a draft."""
    with csdl_moi(request.param, tmp_path) as url:
        store = open_store(url)
        with store.transaction() as s:
            s.execute(insert(NguoiDung).values(ten="vt", ho_ten="Văn thư", vai_tro="van_thu"))
            common = {
                "loai": "cong_dien",
                "ky_hieu": "CĐ-UBND",
                "payload": {},
                "nguoi_soan": "vt",
                "tao_luc": LUC,
                "cap_nhat_luc": LUC,
            }
            s.execute(
                insert(VanBanRow),
                [
                    common
                    | {"trang_thai": "da_ban_hanh", "so": 1, "nam": nam, "so_ky_hieu": "01/CĐ-UBND"}
                    for nam in (2021, 2022)
                ]
                + [common | {"trang_thai": "du_thao"}],
            )
        yield store
        store.close()


def test_a_directive_is_found_by_id_or_by_its_number_and_symbol(store: Store) -> None:
    with store.transaction() as s:
        assert id_van_ban(s, 3) == 3
        assert van_ban_theo_khoa(s, 3, for_update=True).trang_thai == "du_thao"
    with store.autocommit.connect() as conn:
        assert id_van_ban(conn, 2) == 2


def test_a_number_and_symbol_of_two_years_is_refused_naming_both_ids(store: Store) -> None:
    with store.transaction() as s, pytest.raises(Refused, match=r"#1 \(2021\), #2 \(2022\)"):
        id_van_ban(s, "01/CĐ-UBND", "01/CĐ-UBND")


def test_an_unknown_key_is_not_found_under_the_name_the_caller_gave(store: Store) -> None:
    with store.transaction() as s, pytest.raises(NotFound, match="#99"):
        id_van_ban(s, 99, "#99")
    with store.transaction() as s, pytest.raises(NotFound, match="02/CĐ-UBND"):
        van_ban_theo_khoa(s, "02/CĐ-UBND")


def test_twins_are_the_directives_of_the_same_year_and_number_and_symbol(store: Store) -> None:
    with store.transaction() as s:
        assert trung_so_ky_hieu(s, 2022, "01/CĐ-UBND") == [2]
        assert trung_so_ky_hieu(s, 2023, "01/CĐ-UBND") == []


def test_a_state_change_is_written_once_and_a_stale_one_is_refused(store: Store) -> None:
    with store.transaction() as s:
        row = van_ban_theo_khoa(s, 3, for_update=True)
        doi_trang_thai(s, row, TrangThaiVanBan.cho_duyet, LUC, ly_do="x")
    with store.transaction() as s:
        row = van_ban_theo_khoa(s, 3)
        assert (row.trang_thai, row.phien_ban, row.ly_do) == ("cho_duyet", 2, "x")
        row.trang_thai = "du_thao"  # what another transaction read before the change
        s.expunge(row)
        with pytest.raises(ConcurrentChange):
            doi_trang_thai(s, row, TrangThaiVanBan.cho_duyet, LUC)


def test_a_directive_without_frozen_files_has_none_and_an_unknown_one_is_none(
    store: Store,
) -> None:
    with store.transaction() as s:
        assert tep_da_ban_hanh(s, 3) == {}  # a draft: nothing frozen yet
        assert tep_da_ban_hanh(s, 99) is None
        assert tep_da_ban_hanh(s, 1) == {}  # numbered, no file recorded


def test_log_lines_are_written_together_in_utc_and_read_oldest_first(store: Store) -> None:
    lines = [
        dong_nhat_ky(1, "van_ban:1", "thu_hoi", "vt", LUC, "da_ban_hanh", "da_thu_hoi", ly_do="x"),
        dong_nhat_ky(1, "noi_nhan:1:SYT", "bao_thu_hoi", "vt", LUC),
        dong_nhat_ky(None, "so_dang_ky:chung:2021:2", "giu_so", "vt", LUC, ghi_chu="giấy"),
    ]
    with store.transaction() as s:
        ghi_dong_nhat_ky(s)  # nothing to write: no statement
        ghi_dong_nhat_ky(s, *lines[:2])
    with store.engine.begin() as conn:
        ghi_dong_nhat_ky(conn, lines[2])  # a bare connection writes too
    with store.transaction() as s:
        events = nhat_ky_cua(s, 1)
        assert [(e.su_kien, e.tu, e.den, e.chi_tiet) for e in events] == [
            ("thu_hoi", "da_ban_hanh", "da_thu_hoi", {"ly_do": "x"}),
            ("bao_thu_hoi", None, None, {}),
        ]
        stored = events[0].luc.replace(tzinfo=events[0].luc.tzinfo or dt.UTC)
        assert stored == LUC and stored.utcoffset() == dt.timedelta(0)
        assert s.scalar(select(NhatKy.chi_tiet).where(NhatKy.van_ban_id.is_(None))) == {
            "ghi_chu": "giấy"
        }
