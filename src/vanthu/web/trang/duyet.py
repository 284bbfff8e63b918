"""Duyệt: the lifecycle buttons of a directive's page — Trình, Trả lại (with the reason), Duyệt."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import InvalidSetting, SigningFailed
from ...services import SignedIn
from ..phien import nguoi, ung_dung
from .van_ban import loi_canh_form

router = APIRouter()

#: The longest reason a form sends (the use case bounds it again).
LY_DO_TOI_DA = 2000


def _ve_trang(van_ban_id: int, xong: str) -> Response:
    return RedirectResponse(f"/van-ban/{van_ban_id}?xong={xong}", status_code=303)


@router.post("/van-ban/{van_ban_id}/trinh")
def trinh(request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """The drafter submits the draft (again, once returned) for review."""
    ung_dung(request).trinh(user.ten, str(van_ban_id))
    return _ve_trang(van_ban_id, "trinh")


@router.post("/van-ban/{van_ban_id}/duyet")
def duyet(request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """The leader approves and signs as the signing configuration says (#10): his server-held
    key signs now, or the prepared PDF waits for him (two-step); a configuration that cannot
    be read, or a key that cannot sign, is said beside the button and nothing changes."""
    try:
        result = ung_dung(request).duyet(user.ten, str(van_ban_id))
    except (InvalidSetting, SigningFailed) as error:
        return loi_canh_form(request, van_ban_id, user, "duyet", error)
    done = {"lanh_dao_da_ky": "duyet_ky", "cho_ky_so": "duyet_cho_ky"}
    return _ve_trang(van_ban_id, done.get(result.ky_so or "", "duyet"))


@router.post("/van-ban/{van_ban_id}/tra-lai")
def tra_lai(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    ly_do: Annotated[str, Form(max_length=LY_DO_TOI_DA)] = "",
) -> Response:
    """The leader returns the draft to its drafter; the reason is required (the use case
    refuses a blank one)."""
    ung_dung(request).tra_lai(user.ten, str(van_ban_id), ly_do)
    return _ve_trang(van_ban_id, "tra_lai")
