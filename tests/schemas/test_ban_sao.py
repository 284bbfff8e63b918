"""A copy's own fields (BanSao): what its block may list."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vanthu.schemas.ban_sao import BanSao, HinhThucSao
from vanthu.schemas.gio import GIO_VIET_NAM


def _ban_sao(noi_nhan: list[str]) -> BanSao:
    return BanSao(
        hinh_thuc=HinhThucSao.sao_y,
        so=5,
        luc=dt.datetime(2021, 9, 20, 14, 30, 5, tzinfo=GIO_VIET_NAM),
        co_quan="ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        ky_hieu_co_quan="UBND",
        dia_danh="Ninh Thuận",
        noi_nhan=noi_nhan,
        nguoi_ky={"chuc_vu": "Chánh Văn phòng", "ho_ten": "Lê Văn Bình"},
    )


@pytest.mark.parametrize("luu", ["Lưu: VT.", "- Lưu: VT, VP.", "lưu VT"])
def test_a_lu_line_among_the_recipients_is_refused_naming_it(luu: str) -> None:
    with pytest.raises(ValidationError, match="bỏ dòng Lưu đi"):
        _ban_sao(["Sở Y tế", luu])


def test_recipients_without_a_lu_line_are_kept_in_order() -> None:
    assert _ban_sao(["Sở Y tế", "Lưu trữ lịch sử tỉnh"]).noi_nhan == [
        "Sở Y tế",
        "Lưu trữ lịch sử tỉnh",
    ]
