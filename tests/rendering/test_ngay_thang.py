"""The place and date line: zero-padding of Decree 30, PL I II.4."""

from __future__ import annotations

import datetime as dt

import pytest

from vanthu.rendering.ngay_thang import ngay_thang_nam


@pytest.mark.parametrize(
    ("ngay", "printed"),
    [
        (dt.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (dt.date(2020, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2020"),
        (dt.date(2019, 6, 29), "Hà Nội, ngày 29 tháng 6 năm 2019"),
        (dt.date(2021, 9, 13), "Hà Nội, ngày 13 tháng 9 năm 2021"),
        (dt.date(2021, 12, 1), "Hà Nội, ngày 01 tháng 12 năm 2021"),
        (dt.date(2021, 3, 10), "Hà Nội, ngày 10 tháng 3 năm 2021"),
    ],
)
def test_days_below_ten_and_january_february_are_zero_padded_other_months_not(
    ngay: dt.date, printed: str
) -> None:
    assert ngay_thang_nam("Hà Nội", ngay, ngay.year) == printed


def test_a_draft_leaves_day_and_month_blank_for_the_clerk() -> None:
    assert ngay_thang_nam("Ninh Thuận", None, 2021) == ("Ninh Thuận, ngày      tháng      năm 2021")
