"""The prose of a recall (thu hồi): a directive's title and the notice each recipient body gets."""

from __future__ import annotations

import datetime as dt

from ..schemas import LoaiVanBan


def ten_van_ban(loai: LoaiVanBan, so_ky_hieu: str, ngay: dt.date) -> str:
    """How a notice names an issued directive: "Công điện số 01/CĐ-UBND ngày 13/09/2021"."""
    return f"{loai.info.ten.capitalize()} số {so_ky_hieu} ngày {ngay:%d/%m/%Y}"


def thong_bao_thu_hoi(
    loai: LoaiVanBan, so_ky_hieu: str, ngay: dt.date, ngay_thu_hoi: dt.date, ly_do: str
) -> str:
    """The recall notice (Decree 30/2020/NĐ-CP, Art. 18.4) written in each body's folder and
    mailed to the bodies the directive was mailed to."""
    return (
        f"THÔNG BÁO THU HỒI VĂN BẢN\n\n"
        f"{ten_van_ban(loai, so_ky_hieu, ngay)} đã được thu hồi ngày {ngay_thu_hoi:%d/%m/%Y}.\n"
        f"Lý do: {ly_do}\n\n"
        "Đề nghị cơ quan, đơn vị gửi trả văn bản giấy (nếu có) và xóa bản điện tử đã nhận, "
        "thông báo lại cho nơi gửi (Nghị định 30/2020/NĐ-CP, Điều 18 khoản 4).\n"
    )
