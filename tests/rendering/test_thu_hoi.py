"""The prose of a recall: the directive's title and the notice."""

from __future__ import annotations

import datetime as dt

from vanthu.rendering.thu_hoi import ten_van_ban, thong_bao_thu_hoi
from vanthu.schemas import LoaiVanBan


def test_a_directive_is_named_by_its_kind_number_and_day_with_leading_zeros() -> None:
    title = ten_van_ban(LoaiVanBan.cong_dien, "01/CĐ-UBND", dt.date(2021, 9, 3))
    assert title == "Công điện số 01/CĐ-UBND ngày 03/09/2021"


def test_the_recall_notice_names_the_directive_the_day_of_the_recall_and_the_reason() -> None:
    notice = thong_bao_thu_hoi(
        LoaiVanBan.cong_dien, "01/CĐ-UBND", dt.date(2021, 9, 3), dt.date(2021, 10, 1), "Nhầm"
    )
    assert notice.startswith("THÔNG BÁO THU HỒI VĂN BẢN\n\n")
    assert "Công điện số 01/CĐ-UBND ngày 03/09/2021 đã được thu hồi ngày 01/10/2021.\n" in notice
    assert "Lý do: Nhầm\n" in notice and "Điều 18 khoản 4" in notice
