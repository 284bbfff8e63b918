"""The outgoing register over the API (sổ đăng ký văn bản đi): one year's lines."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from ...services import SignedIn
from ..phien import nguoi, ung_dung
from .mo_hinh import LOI_CHUNG

router = APIRouter(prefix="/api/so-dang-ky", tags=["sổ đăng ký"], responses=LOI_CHUNG)


class DongSoDangKyApi(BaseModel):
    """One number taken: the register's ten columns (Decree 30, Appendix IV)."""

    so_ky_hieu: str = Field(description="Số, ký hiệu văn bản (a reserved number alone)")
    ngay: dt.date = Field(description="Ngày tháng văn bản")
    loai_trich_yeu: str = Field(description="Tên loại và trích yếu nội dung")
    nguoi_ky: str
    noi_nhan: str
    luu: str = Field(description="Đơn vị, người nhận bản lưu")
    so_ban: int | None = Field(description="Số lượng bản")
    ngay_chuyen: dt.date | None
    ky_nhan: str
    ghi_chu: str


def _ngay(text: str) -> dt.date | None:
    """A register date, printed dd/mm/yyyy, as a date."""
    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None


@router.get("/{nam}", summary="Sổ đăng ký văn bản đi")
def so_dang_ky(
    request: Request, nam: str, _: Annotated[SignedIn, Depends(nguoi)]
) -> list[DongSoDangKyApi]:
    """Every number taken in ``nam``, in number order (a reserved one with its note)."""
    rows = ung_dung(request).so_dang_ky(nam)
    lines = []
    for so, ngay, loai, ky, nhan, luu, ban, chuyen, ky_nhan, ghi_chu in rows:
        day = _ngay(ngay)
        assert day is not None  # every number is taken on a date
        lines.append(
            DongSoDangKyApi(
                so_ky_hieu=so,
                ngay=day,
                loai_trich_yeu=loai,
                nguoi_ky=ky,
                noi_nhan=nhan,
                luu=luu,
                so_ban=int(ban) if ban else None,
                ngay_chuyen=_ngay(chuyen),
                ky_nhan=ky_nhan,
                ghi_chu=ghi_chu,
            )
        )
    return lines
