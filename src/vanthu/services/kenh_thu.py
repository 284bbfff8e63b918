"""Moved to :mod:`vanthu.delivery.thu`; re-exported until every branch imports it there."""

from ..delivery.thu import (  # moved
    KENH_THU,
    BaoMat,
    CauHinhThu,
    NoiDungThu,
    PhienThu,
    ThuThuHoi,
    cau_hinh_thu,
    dia_chi,
    ma_thu,
    mo_ta_loi,
    soan_thu,
    soan_thu_thu_hoi,
)

__all__ = [
    "KENH_THU",
    "BaoMat",
    "CauHinhThu",
    "NoiDungThu",
    "PhienThu",
    "ThuThuHoi",
    "cau_hinh_thu",
    "dia_chi",
    "ma_thu",
    "mo_ta_loi",
    "soan_thu",
    "soan_thu_thu_hoi",
]
