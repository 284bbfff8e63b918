"""Who is asking (phiên): the session cookie or a bearer token, and the CSRF check on changes.

A browser carries the session in an HttpOnly, SameSite=Lax cookie whose value is a random
256-bit secret (the store keeps its SHA-256); every request that changes something must also
carry the session's CSRF token, as the form field ``csrf`` or the ``X-CSRF-Token`` header (htmx
sends it from the page). Scripts send ``Authorization: Bearer <token>`` and need no CSRF token:
a browser never adds that header by itself.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from ..services import SignedIn, UngDung, VaiTro
from .bieu_mau import TRUONG_TOI_DA
from .form_du_lieu import doc_form

#: The session cookie.
COOKIE_PHIEN = "vanthu_phien"
#: The sign-in form's own CSRF cookie (double submit): there is no session yet to hold one.
COOKIE_CSRF_DANG_NHAP = "vanthu_csrf"
#: Methods that change nothing and need no CSRF token.
AN_TOAN = frozenset({"GET", "HEAD", "OPTIONS"})
#: What a body's user (đơn vị nhận) may open on the desk, by route: the directives sent to its
#: body (the list, one directive, its issued files, its own line of the recipients), signing
#: out, checking a PDF's signatures, and the API's acknowledgement and report. Everything
#: else — drafts, tracking, the register, the directory, the users — belongs to the office.
TRANG_DON_VI_NHAN = frozenset(
    {
        "/",
        "/van-ban",
        "/van-ban/{van_ban_id}",
        "/van-ban/{van_ban_id}/tai/{loai}",
        "/dang-xuat",
        "/kiem-tra-chu-ky",
        "/api/van-ban",
        "/api/van-ban/{van_ban_id}",
        "/api/van-ban/{van_ban_id}/noi-nhan",
        "/api/xac-nhan",
        "/api/bao-cao",
        "/api/kiem-tra-chu-ky",
    }
)


class ChuaDangNhap(Exception):
    """No valid session or token: pages send the browser to Đăng nhập, the API answers 401."""


class CsrfSai(Exception):
    """A change without the session's CSRF token: refused with 403."""


class KhongDuQuyen(Exception):
    """Signed in, but the page is for another role: 403."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def ung_dung(request: Request) -> UngDung:
    """The façade the app was built with."""
    app: UngDung = request.app.state.ung_dung
    return app


def nguoi_neu_co(request: Request) -> SignedIn | None:
    """Who is asking, or None; looked up once per request."""
    if hasattr(request.state, "nguoi"):
        cached: SignedIn | None = request.state.nguoi
        return cached
    found: SignedIn | None = None
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        found = ung_dung(request).nguoi_cua_ma_truy_cap(header[7:].strip())
    elif token := request.cookies.get(COOKIE_PHIEN):
        found = ung_dung(request).nguoi_cua_phien(token)
    request.state.nguoi = found
    return found


async def nguoi(request: Request) -> SignedIn:
    """Dependency: the signed-in user, checked for CSRF when the request changes something.

    Raises:
        ChuaDangNhap: no valid session or token.
        CsrfSai: a change from a browser session without its CSRF token.
        KhongDuQuyen, NotFound: a body's user asking for what is not its own (see
            :func:`_pham_vi_don_vi_nhan`).
    """
    user = nguoi_neu_co(request)
    if user is None:
        raise ChuaDangNhap()
    if request.method not in AN_TOAN and user.csrf:
        sent = request.headers.get("x-csrf-token")
        if sent is None and _la_form(request):
            field = (await doc_form(request, TRUONG_TOI_DA)).get("csrf")
            sent = field if isinstance(field, str) else None
        if not sent or not hmac.compare_digest(sent.encode(), user.csrf.encode()):
            raise CsrfSai()
    if user.vai_tro is VaiTro.don_vi_nhan:
        _pham_vi_don_vi_nhan(request, user)
    return user


def _pham_vi_don_vi_nhan(request: Request, user: SignedIn) -> None:
    """A body's user asks only for what :data:`TRANG_DON_VI_NHAN` lists, and only about a
    directive sent to its body.

    Raises:
        KhongDuQuyen: a page of the office.
        NotFound: a directive not sent to its body (as if there were none).
    """
    route = getattr(request.scope.get("route"), "path", None)
    if route not in TRANG_DON_VI_NHAN:
        raise KhongDuQuyen("Tài khoản của đơn vị nhận chỉ xem các văn bản gửi đến đơn vị mình.")
    van_ban_id = request.path_params.get("van_ban_id")
    if van_ban_id is not None:
        ung_dung(request).duoc_xem_van_ban(user.ten, str(van_ban_id))


def _la_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def csrf_moi() -> str:
    """A fresh CSRF token for the sign-in form's double submit."""
    return secrets.token_urlsafe(32)


def csrf_dang_nhap_hop_le(request: Request, sent: str | None) -> bool:
    """Whether the sign-in form carried the same token as its cookie."""
    cookie = request.cookies.get(COOKIE_CSRF_DANG_NHAP)
    return bool(cookie and sent and hmac.compare_digest(cookie.encode(), sent.encode()))


#: Seconds a session cookie is kept by the browser (the store ends the session at the same time).
PHIEN_GIAY = 12 * 3600
