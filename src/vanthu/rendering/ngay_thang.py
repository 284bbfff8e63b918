"""Dates as documents print them: the place and date line (box 4) and dates in running text.

"Hà Nội, ngày 05 tháng 01 năm 2020" (Decree 30) and "13/09/2021" (text, registers, slips).
"""

from __future__ import annotations

import datetime as dt

#: Blank space a văn thư fills by hand in a draft's date and number.
CHO_TRONG = "      "


def ngay_thang_nam(dia_danh: str, ngay: dt.date | None, nam: int) -> str:
    """Place + date; day 1–9 and months 1–2 get a leading zero, months 3–12 do not.

    A draft (no date) leaves day and month blank for the văn thư and prints the year.
    """
    if ngay is None:
        return f"{dia_danh}, ngày{CHO_TRONG}tháng{CHO_TRONG}năm {nam}"
    thang = f"{ngay.month:02d}" if ngay.month <= 2 else str(ngay.month)
    return f"{dia_danh}, ngày {ngay.day:02d} tháng {thang} năm {ngay.year}"


def ngay_vn(ngay: dt.date) -> str:
    """A date in running text, a register or a slip: day and month always two digits,
    "13/09/2021" (a datetime prints its date)."""
    return f"{ngay.day:02d}/{ngay.month:02d}/{ngay.year}"
