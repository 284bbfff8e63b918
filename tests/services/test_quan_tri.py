"""What the văn thư administers, as listed: the directory with its search, and the users."""

from __future__ import annotations

import pytest

from vanthu.errors import NotFound, Refused
from vanthu.services import VaiTro
from vanthu.services.quan_tri import danh_ba, danh_sach_nguoi_dung
from vanthu.services.ung_dung import BoDichVu


def test_the_directory_search_ignores_diacritics_and_case_and_counts_groups(
    app: BoDichVu,
) -> None:
    whole = danh_ba(app.store)
    assert len(whole.co_quan) == whole.tong_so == 53
    assert dict(whole.nhom)["so_ban_nganh"] == sum("so_ban_nganh" in c.nhom for c in whole.co_quan)
    assert [c.ma for c in danh_ba(app.store, "SO Y TE").co_quan] == ["SYT"]
    assert [c.ma for c in danh_ba(app.store, "  sở   y tế ").co_quan] == ["SYT"]
    assert {c.ma for c in danh_ba(app.store, "ubnd_huyen ninh").co_quan} >= {"UBND_NINH_HAI"}
    found = danh_ba(app.store, "khong co co quan nay")
    assert found.co_quan == [] and found.tong_so == 53 and found.nhom == whole.nhom


def test_only_a_van_thu_lists_the_users(app: BoDichVu) -> None:
    users = {u.ten: u for u in danh_sach_nguoi_dung(app.store, "vt")}
    assert set(users) == {"vt", "cv", "ld", "syt", "snv"}
    assert users["syt"].vai_tro is VaiTro.don_vi_nhan
    assert users["syt"].ten_co_quan == "Sở Y tế tỉnh Ninh Thuận"
    assert users["cv"].ma_co_quan is None and not users["cv"].co_mat_khau
    with pytest.raises(Refused, match="chỉ văn thư mới được xem danh sách người dùng"):
        danh_sach_nguoi_dung(app.store, "cv")
    with pytest.raises(NotFound):
        danh_sach_nguoi_dung(app.store, "khong_co")
