"""Ký số on the desk (#10): the leader who signs on his own computer (or a văn thư for him)
downloads the prepared PDF, hands back the signed one, or cancels the signing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from ...errors import InvalidSetting, NotFound, VanthuError
from ...schemas.gioi_han import LY_DO_TOI_DA, TEP_BAN_KY_TOI_DA
from ...services import SignedIn, TrangThaiVanBan
from ..phien import nguoi, ung_dung
from .van_ban import loi_canh_form

router = APIRouter()


def ban_de_ky(request: Request, van_ban_id: int, user: SignedIn) -> FileResponse:
    """The prepared PDF of a directive waiting in chờ ký số, as a download.

    Raises:
        NotFound: the directive does not wait for a signature (it has no prepared PDF).
        Refused: ``user`` is neither a văn thư nor the leader it waits for.
    """
    app = ung_dung(request)
    vb = app.xem_van_ban(str(van_ban_id), user.ten)
    if vb.trang_thai is not TrangThaiVanBan.cho_ky_so:
        raise NotFound("prepared PDF (chờ ký số) of directive", vb.so_ky_hieu or f"#{vb.id}")
    path = app.ban_chuan_bi(user.ten, str(van_ban_id))
    return FileResponse(path, media_type="application/pdf", filename=path.name)


@router.get("/van-ban/{van_ban_id}/ban-de-ky")
def tai_ban_de_ky(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Tải bản để ký: the PDF with the leader's empty signature field."""
    return ban_de_ky(request, van_ban_id, user)


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
        raise InvalidSetting("signed PDF", f"larger than {TEP_BAN_KY_TOI_DA // 2**20} MiB")
    return data


@router.post("/van-ban/{van_ban_id}/nop-ban-ky")
def nop_ban_ky(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    tep: Annotated[UploadFile, File()],
) -> Response:
    """Nộp bản đã ký: accepted only if it is the prepared PDF signed in its field by a
    trusted certificate; the organisation then signs and the directive is issued. A refused
    upload changes nothing and is said beside the form."""
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
    """Hủy ký số: the number is voided (never reused), the directive goes back to đã duyệt."""
    try:
        ung_dung(request).huy_ky_so(user.ten, str(van_ban_id), ly_do or None)
    except VanthuError as error:
        return loi_canh_form(request, van_ban_id, user, "huy_ky_so", error)
    return RedirectResponse(f"/van-ban/{van_ban_id}?xong=huy_ky_so", status_code=303)
