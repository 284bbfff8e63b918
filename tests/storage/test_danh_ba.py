"""The directory's and the users' storage, on both databases (what the use cases do not show)."""

from __future__ import annotations

import pytest

from tests.storage.kho_mau import them_van_ban
from vanthu.errors import NotFound
from vanthu.schemas.danh_ba import CoQuanDanhBa
from vanthu.storage import Kho
from vanthu.storage import danh_ba as luu
from vanthu.workflow import VaiTro


def test_loading_a_body_again_replaces_its_groups_and_keeps_each_once(kho: Kho) -> None:
    with kho.giao_dich() as s:
        luu.luu_co_quan(s, [CoQuanDanhBa(ma="SYT", ten="Sở Y tế", nhom=["so", "y_te"])])
    with kho.giao_dich() as s:
        luu.luu_co_quan(
            s, [CoQuanDanhBa(ma="SYT", ten="Sở Y tế tỉnh", ten_ngan="SYT", nhom=["so", "so"])]
        )
    with kho.giao_dich() as s:
        assert luu.ma_co_quan_nhiem_vu(s, (), ("y_te",)) == []
        assert luu.ma_co_quan_nhiem_vu(s, ("SYT",), ("so",)) == ["SYT"]
        assert luu.ten_co_quan(s, ["SYT", "KHONG_CO"]) == {"SYT": "Sở Y tế tỉnh"}
        assert luu.co_co_quan(s, "SYT")
        assert not luu.co_co_quan(s, "KHONG_CO")


def test_users_are_counted_found_and_the_clerks_listed(kho: Kho) -> None:
    with kho.giao_dich() as s:
        assert luu.so_nguoi_dung(s) == 0
        assert luu.vai_tro_nguoi_dung(s, "vt") is None
        with pytest.raises(NotFound):
            luu.nguoi_dung(s, "vt")
    them_van_ban(kho)  # adds vt (văn thư) and syt (SYT's user)
    with kho.giao_dich() as s:
        luu.luu_nguoi_dung(s, "vt2", "Văn thư hai", VaiTro.van_thu, None)
    with kho.giao_dich() as s:
        assert luu.so_nguoi_dung(s) == 3
        assert sorted(luu.ten_van_thu_khoa(s)) == ["vt", "vt2"]
        assert luu.vai_tro_nguoi_dung(s, "syt") == (VaiTro.don_vi_nhan, "SYT")
        assert luu.nguoi_dung_khoa(s, "nobody") is None
        assert luu.nguoi_dung(s, "vt2").ho_ten == "Văn thư hai"
