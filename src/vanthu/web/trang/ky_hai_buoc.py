"""Ký số on the desk (#10): the leader who signs on his own computer (or a văn thư for him)
downloads the prepared PDF, hands back the signed one, or cancels his signature before the
issue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from ...errors import InvalidSetting, VanthuError
from ...schemas.gioi_han import LY_DO_TOI_DA, TEP_BAN_KY_TOI_DA
from ...services import SignedIn
from ..ky_so import ban_de_ky
from ..phien import nguoi, ung_dung
from .van_ban import loi_canh_form

router = APIRouter()


@router.get("/van-ban/{van_ban_id}/ban-de-ky")
def tai_ban_de_ky(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Tải bản để ký: the PDF with the leader's empty signature field."""
    path = ban_de_ky(ung_dung(request), van_ban_id, user)
    return FileResponse(path, media_type="application/pdf", filename=path.name)


def doc_ban_ky(tep: UploadFile) -> bytes:
    """The uploaded signed PDF (already spooled by the form parser), read to at most
    TEP_BAN_KY_TOI_DA bytes.

    Raises:
        InvalidSetting: it is larger.
    """
    try:
        data = tep.file.read(TEP_BAN_KY_TOI_DA + 1)
    finally:
        tep.file.close()
    if len(data) > TEP_BAN_KY_TOI_DA:
        raise InvalidSetting("bản PDF đã ký", f"lớn hơn {TEP_BAN_KY_TOI_DA // 2**20} MiB")
    return data


@router.post("/van-ban/{van_ban_id}/nop-ban-ky")
def nop_ban_ky(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    tep: Annotated[UploadFile, File()],
) -> Response:
    """Nộp bản đã ký: accepted only if it is the prepared PDF signed in its field by a
    trusted certificate; the directive is then approved and signed, for the văn thư's Ban
    hành. A refused upload changes nothing and is said beside the form."""
    try:
        ung_dung(request).nhan_ban_ky(user.ten, str(van_ban_id), doc_ban_ky(tep))
    except VanthuError as error:
        return loi_canh_form(request, van_ban_id, user, "nop_ban_ky", error)
    return RedirectResponse(f"/van-ban/{van_ban_id}?xong=ky_so", status_code=303)


@router.post("/van-ban/{van_ban_id}/huy-ky-so")
def huy_ky_so(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    ly_do: Annotated[str, Form(max_length=LY_DO_TOI_DA)] = "",
) -> Response:
    """Hủy ký số: the leader's signature (waited for, or made and not yet issued) is dropped;
    the directive is đã duyệt without it."""
    try:
        ung_dung(request).huy_ky_so(user.ten, str(van_ban_id), ly_do or None)
    except VanthuError as error:
        return loi_canh_form(request, van_ban_id, user, "huy_ky_so", error)
    return RedirectResponse(f"/van-ban/{van_ban_id}?xong=huy_ky_so", status_code=303)
