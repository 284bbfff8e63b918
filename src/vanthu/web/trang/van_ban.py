"""Văn bản: the list of directives with state filters, and one directive's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import VanthuError
from ...services import SignedIn, SuKienVanBan, TrangThaiVanBan, VaiTro, su_kien_hop_le
from ..giao_dien import trang
from ..ky_so import duoc_xu_ly_ky, thong_tin_ky_so
from ..loi import ma_trang_thai
from ..phien import nguoi, ung_dung

router = APIRouter()

#: The list's filters: a tab's name and the states it shows (None: all).
BO_LOC: dict[str, tuple[str, tuple[TrangThaiVanBan, ...] | None]] = {
    "tat_ca": ("Tất cả", None),
    "du_thao": ("Dự thảo", (TrangThaiVanBan.du_thao, TrangThaiVanBan.tra_lai)),
    "cho_duyet": ("Chờ duyệt", (TrangThaiVanBan.cho_duyet,)),
    "da_duyet": ("Đã duyệt", (TrangThaiVanBan.da_duyet,)),
    # Numbered, waiting for the leader's own signature (two-step signing, #10).
    "cho_ky_so": ("Chờ ký số", (TrangThaiVanBan.cho_ky_so,)),
    "da_ban_hanh": (
        "Đã ban hành",
        (
            TrangThaiVanBan.da_ban_hanh,
            TrangThaiVanBan.da_phat_hanh,
            TrangThaiVanBan.dang_theo_doi,
        ),
    ),
    "ket_thuc": (
        "Đã kết thúc",
        (TrangThaiVanBan.hoan_thanh, TrangThaiVanBan.thu_hoi, TrangThaiVanBan.thay_the),
    ),
}


@router.get("/")
def trang_chu(_: Annotated[SignedIn, Depends(nguoi)]) -> Response:
    """The desk opens on the list."""
    return RedirectResponse("/van-ban", status_code=303)


@router.get("/van-ban")
def danh_sach(
    request: Request,
    user: Annotated[SignedIn, Depends(nguoi)],
    loc: Annotated[str, Query(max_length=20)] = "tat_ca",
    tim: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Every directive, newest first, filtered by a tab and searched without diacritics; an
    htmx request gets the table alone (the search box refreshes it as one types)."""
    loc = loc if loc in BO_LOC else "tat_ca"
    states = BO_LOC[loc][1]
    rows = ung_dung(request).danh_sach_van_ban(
        None if states is None else list(states), tim, user.ten
    )
    template = "_bang_van_ban.html" if request.headers.get("hx-request") else "van_ban.html"
    return trang(request, template, rows=rows, bo_loc=BO_LOC, loc=loc, tim=tim)


@router.get("/van-ban/{van_ban_id}")
def chi_tiet(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """One directive: what it says, where it is in its life, what this user may do next."""
    return trang_chi_tiet(request, van_ban_id, user)


def trang_chi_tiet(
    request: Request,
    van_ban_id: int,
    user: SignedIn,
    status: int = 200,
    loi: dict[str, str] | None = None,
) -> Response:
    """The directive's page; ``loi`` holds a refusal to show beside the form that was sent
    (its key: ``duyet``, ``ban_hanh``, ``nop_ban_ky`` or ``huy_ky_so``), with ``status``."""
    app = ung_dung(request)
    key = str(van_ban_id)
    vb = app.xem_van_ban(key, user.ten)
    if user.vai_tro is VaiTro.don_vi_nhan:
        # A body's user: the directive and a way to its own copy's page, not the office's log.
        assert user.ma_co_quan is not None
        link = app.lien_ket_noi_nhan(user.ten, key, user.ma_co_quan)
        return trang(
            request, "chi_tiet.html", status, vb=vb, su_kien=[], nhat_ky=None, lien_ket=link
        )
    events = su_kien_hop_le(vb.trang_thai, user.vai_tro)
    # A refusal goes beside its form; if the page no longer shows that form (the state moved
    # on meanwhile), above the actions.
    shown = {
        "duyet": SuKienVanBan.duyet in events and user.ten != vb.nguoi_soan,
        "ban_hanh": SuKienVanBan.ban_hanh in events,
        "nop_ban_ky": duoc_xu_ly_ky(vb, user),
        "huy_ky_so": duoc_xu_ly_ky(vb, user),
    }
    loi = loi or {}
    return trang(
        request,
        "chi_tiet.html",
        status,
        vb=vb,
        su_kien=events,
        # The directive's own events: its recipients' are the tracking page's timeline.
        nhat_ky=app.nhat_ky(key, chi_van_ban=True),
        ky_so=thong_tin_ky_so(app, vb, user, events),
        loi={k: v for k, v in loi.items() if shown.get(k)},
        loi_chung=[v for k, v in loi.items() if not shown.get(k)],
    )


def loi_canh_form(
    request: Request, van_ban_id: int, user: SignedIn, noi: str, error: VanthuError
) -> Response:
    """A refusal of the form ``noi`` shown beside it on the directive's page, with its status
    (409 the state, 422 the input or the signature); what the user may not do at all (401,
    403) and what does not exist (404) go to the error page.

    Raises:
        VanthuError: ``error`` itself, for those.
    """
    status = ma_trang_thai(error)
    if status in (401, 403, 404):
        raise error
    return trang_chi_tiet(request, van_ban_id, user, status, {noi: str(error)})
