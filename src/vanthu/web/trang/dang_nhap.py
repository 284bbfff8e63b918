"""Đăng nhập and Đăng xuất: signing in with the store's users, and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import Refused, Throttled
from ...services import SignedIn
from ..giao_dien import trang
from ..phien import (
    COOKIE_CSRF_DANG_NHAP,
    COOKIE_PHIEN,
    csrf_dang_nhap_hop_le,
    csrf_moi,
    nguoi,
    ung_dung,
)
from ..phien import PHIEN_GIAY as PHIEN_GIAY

router = APIRouter()


def tiep_an_toan(tiep: str | None) -> str:
    """Where to go after signing in: a path of this desk only (never another site)."""
    if tiep and tiep.startswith("/") and not tiep.startswith(("//", "/\\")) and len(tiep) < 500:
        return tiep
    return "/van-ban"


def _form(
    request: Request, status: int = 200, loi: str = "", ten: str = "", tiep: str = ""
) -> Response:
    token = request.cookies.get(COOKIE_CSRF_DANG_NHAP) or csrf_moi()
    page = trang(
        request, "dang_nhap.html", status, csrf_dang_nhap=token, loi=loi, ten=ten, tiep=tiep
    )
    page.set_cookie(
        COOKIE_CSRF_DANG_NHAP,
        token,
        httponly=True,
        samesite="lax",
        secure=request.app.state.cai_dat.cookie_an_toan,
    )
    return page


@router.get("/dang-nhap")
def xem_dang_nhap(request: Request, tiep: str = "") -> Response:
    """The sign-in form."""
    return _form(request, tiep=tiep)


@router.post("/dang-nhap")
def dang_nhap(
    request: Request,
    ten: Annotated[str, Form(max_length=64)],
    mat_khau: Annotated[str, Form(max_length=1024)],
    csrf: Annotated[str, Form(max_length=100)] = "",
    tiep: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Check the password; a new session (the old cookie, if any, ends)."""
    if not csrf_dang_nhap_hop_le(request, csrf):
        return _form(request, 403, "Biểu mẫu đã cũ: tải lại trang và đăng nhập lại.", ten, tiep)
    app = ung_dung(request)
    try:
        token, _ = app.dang_nhap(ten.strip(), mat_khau)
    except Throttled as error:
        page = _form(
            request,
            429,
            f"Sai mật khẩu quá nhiều lần: thử lại sau {error.retry_after} giây.",
            ten,
            tiep,
        )
        page.headers["Retry-After"] = str(error.retry_after)
        return page
    except Refused:
        return _form(request, 401, "Sai tên đăng nhập hoặc mật khẩu.", ten, tiep)
    if old := request.cookies.get(COOKIE_PHIEN):
        app.dang_xuat(old)
    response = RedirectResponse(tiep_an_toan(tiep), status_code=303)
    response.set_cookie(
        COOKIE_PHIEN,
        token,
        max_age=PHIEN_GIAY,
        httponly=True,
        samesite="lax",
        secure=request.app.state.cai_dat.cookie_an_toan,
    )
    response.delete_cookie(COOKIE_CSRF_DANG_NHAP)
    return response


@router.post("/dang-xuat")
def dang_xuat(request: Request, _: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """End the session."""
    if token := request.cookies.get(COOKIE_PHIEN):
        ung_dung(request).dang_xuat(token)
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(COOKIE_PHIEN)
    return response
