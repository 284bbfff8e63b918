"""The register in storage, on both databases: numbers per register and year, reserved lines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from vanthu.storage import Store
from vanthu.storage.bang import CoQuan, NguoiDung, NoiNhanVanBan, VanBanRow
from vanthu.storage.so_dang_ky import (
    dong_cua_nam,
    ghi_dong_so_dang_ky,
    giu_so_moi,
    lay_so_moi,
    so_ban_gui,
)

NGAY = dt.date(2021, 9, 13)


def test_each_register_and_year_counts_on_its_own(store: Store) -> None:
    with store.transaction() as s:
        taken = [lay_so_moi(s, "UBND:chung", 2021) for _ in range(3)]
        taken += [lay_so_moi(s, "UBND:mat", 2021), lay_so_moi(s, "UBND:chung", 2022)]
    assert taken == [1, 2, 3, 1, 1]


def test_a_number_taken_in_a_rolled_back_transaction_is_taken_again(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as s:
        lay_so_moi(s, "UBND:chung", 2021)
        raise RuntimeError("the issue failed")
    with store.transaction() as s:
        assert lay_so_moi(s, "UBND:chung", 2021) == 1


def test_the_lines_of_a_year_come_by_register_then_number_with_reserved_ones_bare(
    store: Store,
) -> None:
    now = dt.datetime(2021, 9, 13, 1, 0, tzinfo=dt.UTC)
    with store.transaction() as s:
        s.execute(insert(NguoiDung).values(ten="vt", ho_ten="Văn thư", vai_tro="van_thu"))
        s.execute(insert(CoQuan), [{"ma": m, "ten": m, "ten_ngan": m} for m in ("SYT", "SGD")])
        row = VanBanRow(
            loai="cong_dien",
            ky_hieu="CĐ-UBND",
            payload={"co_quan": "UBND"},
            trang_thai="da_ban_hanh",
            nguoi_soan="vt",
            tao_luc=now,
            cap_nhat_luc=now,
        )
        s.add(row)
        s.flush()
        assert giu_so_moi(s, "UBND:chung", NGAY, "giấy mời họp") == 1
        ghi_dong_so_dang_ky(s, "UBND:chung", lay_so_moi(s, "UBND:chung", 2021), NGAY, row.id)
        ghi_dong_so_dang_ky(s, "UBND:a-mat", lay_so_moi(s, "UBND:a-mat", 2021), NGAY, row.id)
        ghi_dong_so_dang_ky(s, "UBND:chung", lay_so_moi(s, "UBND:chung", 2022), dt.date(2022, 1, 3))
        s.execute(
            insert(NoiNhanVanBan),
            [
                {
                    "van_ban_id": row.id,
                    "ma_co_quan": m,
                    "dong": 1,
                    "trang_thai": "cho_gui",
                    "ma_theo_doi": f"t-{m}",
                    "ma_xac_nhan": f"x-{m}",
                }
                for m in ("SYT", "SGD")
            ],
        )
    with store.transaction() as s:
        lines = dong_cua_nam(s, 2021)
        assert [(d.so_dang_ky, d.so, d.ghi_chu, v and v.id) for d, v in lines] == [
            ("UBND:a-mat", 1, "", row.id),
            ("UBND:chung", 1, "giấy mời họp", None),
            ("UBND:chung", 2, "", row.id),
        ]
        assert so_ban_gui(s) == {row.id: 2}
        assert [d.nam for d, _ in dong_cua_nam(s, 2022)] == [2022]
