"""Kiểm tra chữ ký số: any signed-in user uploads a PDF and reads each signature's verdict."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ...errors import TooLarge
from ...schemas.gioi_han import PDF_KIEM_TRA_TOI_DA
from ...services import SignedIn
from ..giao_dien import trang
from ..kiem_tra_ky import TEN_TEP, TOI_DA_MIB, KiemTra, kiem_tra_tai_len
from ..phien import nguoi
from ..tai_len import dong_form, tu_choi_neu_qua_lon

router = APIRouter()
#: The page's path (also the form's action).
DUONG_DAN = "/kiem-tra-chu-ky"


def _trang(request: Request, kiem_tra: KiemTra | None = None) -> Response:
    return trang(
        request,
        "kiem_tra_chu_ky.html",
        kiem_tra.status if kiem_tra else 200,
        muc="kiem_tra",
        hanh_dong=DUONG_DAN,
        toi_da_mib=TOI_DA_MIB,
        loi=kiem_tra.loi if kiem_tra else None,
        kq=kiem_tra.hien_thi() if kiem_tra else {},
    )


@router.get(DUONG_DAN)
def xem(request: Request, user: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """The upload box."""
    return _trang(request)


@router.post(DUONG_DAN, dependencies=[Depends(dong_form)])
async def kiem_tra(request: Request) -> Response:
    """The verdict of the uploaded PDF, above the box for another file. A body declared over
    the limit is refused before it is read (nor its CSRF token, which is inside it); then the
    user is checked, then the file is read."""
    try:
        tu_choi_neu_qua_lon(request, PDF_KIEM_TRA_TOI_DA, TEN_TEP)
    except TooLarge as error:
        return _trang(request, KiemTra(loi=str(error), status=413))
    await nguoi(request)
    return _trang(request, await kiem_tra_tai_len(request))


__all__ = ["router"]
