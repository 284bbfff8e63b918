"""Sổ văn bản đi: the outgoing register of a year, and its DOCX, PDF and CSV downloads."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...errors import InvalidSetting
from ...services import GIO_VIET_NAM, SignedIn, VaiTro
from ..giao_dien import trang
from ..phien import KhongDuQuyen, nguoi, ung_dung
from ..tai_ve import tep_tai_ve

router = APIRouter()

#: Who may read the register: the clerk who keeps it and the leader who signs.
DOC_SO = frozenset({VaiTro.van_thu, VaiTro.lanh_dao})
#: Each download's media type.
KIEU_TEP = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
}


def nguoi_doc_so(user: Annotated[SignedIn, Depends(nguoi)]) -> SignedIn:
    """Dependency: the signed-in văn thư or lãnh đạo.

    Raises:
        KhongDuQuyen: anyone else.
    """
    if user.vai_tro not in DOC_SO:
        raise KhongDuQuyen(
            f"Sổ văn bản đi dành cho văn thư và lãnh đạo, không cho {user.vai_tro.label}."
        )
    return user


def nam_nay() -> int:
    """This year in Vietnam."""
    return dt.datetime.now(GIO_VIET_NAM).year


@router.get("/so-van-ban-di")
def so_van_ban_di(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi_doc_so)],
    nam: Annotated[str, Query(max_length=12)] = "",
) -> Response:
    """The register of a year (this year if none is asked for) as a table."""
    from ...services import COT_SO_DANG_KY  # loads the renderer: only when the page is asked for

    nam = nam.strip() or str(nam_nay())
    try:
        rows = ung_dung(request).so_dang_ky(nam)
    except InvalidSetting as error:
        return trang(
            request, "so_van_ban_di.html", 422, nam=nam, rows=[], cot=COT_SO_DANG_KY, loi=str(error)
        )
    return trang(request, "so_van_ban_di.html", nam=int(nam), rows=rows, cot=COT_SO_DANG_KY, loi="")


@router.get("/so-van-ban-di/tai-ve")
def tai_so_van_ban_di(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi_doc_so)],
    nam: Annotated[str, Query(max_length=12)],
    dinh_dang: Annotated[Literal["docx", "pdf", "csv"], Query()],
) -> Response:
    """The register of a year as a DOCX, PDF or CSV file, rendered in memory.

    Raises:
        InvalidSetting: not a year within the limits (422).
    """
    data = ung_dung(request).so_dang_ky_byte(nam, dinh_dang)
    ten = f"Sổ văn bản đi {int(nam.strip())}.{dinh_dang}"
    return tep_tai_ve(data, ten, KIEU_TEP[dinh_dang])
