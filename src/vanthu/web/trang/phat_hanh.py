"""Ban hành and Phát hành: the clerk issues an approved directive, sees the bodies its Nơi nhận
expands to, and distributes it in the background while the page polls the progress."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ...errors import TransitionRefused, VanthuError
from ...services import SignedIn, SuKienVanBan, TrangThaiVanBan, VaiTro, su_kien_hop_le
from ..giao_dien import trang
from ..phat_hanh_nen import so_tien_trinh
from ..phien import nguoi, ung_dung
from .van_ban import loi_canh_form

router = APIRouter()


def _la_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


@router.post("/van-ban/{van_ban_id}/ban-hanh")
def ban_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Issue (ban hành): the number and date are taken, the files frozen (signed, when the
    signing configuration says so; or prepared for the leader's own signature, chờ ký số);
    back to the page. A refusal (a key that cannot sign, the state) is said beside the
    button."""
    try:
        result = ung_dung(request).ban_hanh(user.ten, str(van_ban_id))
    except VanthuError as error:
        return loi_canh_form(request, van_ban_id, user, "ban_hanh", error)
    xong = "?xong=cho_ky_so" if result.den is TrangThaiVanBan.cho_ky_so else ""
    return RedirectResponse(f"/van-ban/{van_ban_id}{xong}", status_code=303)


def _phat_hanh(request: Request, van_ban_id: int, user: SignedIn) -> Response:
    """The distribution panel: the bodies, what the store says was sent, the last run."""
    app = ung_dung(request)
    key = str(van_ban_id)
    # The run is read before the counts: a run seen ended has written all it will write.
    tien_trinh = so_tien_trinh(request).xem(app, van_ban_id)
    vb = app.xem_van_ban(key)
    htmx = _la_htmx(request)
    # The panel lists the bodies (a Nơi nhận may expand to 3,000); the progress polled every
    # second while a run goes only counts them, from the run once it has counted.
    poll = htmx and bool(request.query_params.get("dang_chay"))
    noi_nhan = app.xem_truoc_noi_nhan(key) if vb.da_ban_hanh and not poll else []
    so_noi_nhan = len(noi_nhan)
    if poll and vb.da_ban_hanh:
        so_noi_nhan = (tien_trinh.tong if tien_trinh else 0) or len(app.xem_truoc_noi_nhan(key))
    # The count alone (the store counts): the panel is polled while a run goes.
    counts = app.trang_theo_doi(key, moi_trang=1, so_su_kien=0) if vb.da_ban_hanh else None
    da_gui = counts.tong()["da_gui"] if counts else 0
    context: dict[str, Any] = {
        "vb": vb,
        "noi_nhan": noi_nhan,
        "so_noi_nhan": so_noi_nhan,
        "da_gui": da_gui,
        "tien_trinh": tien_trinh,
        "duoc_phat_hanh": _duoc_phat_hanh(vb.trang_thai, user.vai_tro),
    }
    if not htmx:
        return trang(request, "phat_hanh.html", **context)
    response = trang(
        request, "_tien_trinh_phat_hanh.html" if poll else "_phat_hanh.html", **context
    )
    if poll and not (tien_trinh and tien_trinh.dang_chay):
        # The run polled has ended: the whole page reloads, so its state badge is the new one.
        response.headers["HX-Refresh"] = "true"
    return response


def _duoc_phat_hanh(trang_thai: TrangThaiVanBan, vai_tro: VaiTro) -> bool:
    return SuKienVanBan.phat_hanh in su_kien_hop_le(trang_thai, vai_tro)


@router.get("/van-ban/{van_ban_id}/phat-hanh")
def xem_phat_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """The distribution panel: a fragment for htmx (polled while a run goes), else a page."""
    return _phat_hanh(request, van_ban_id, user)


@router.post("/van-ban/{van_ban_id}/phat-hanh")
def phat_hanh(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Start distributing (phát hành) in the background; a re-run delivers only what is left.

    The lifecycle table is asked first so that a refusal is answered now, not in the thread
    (the use case checks again when it runs).
    """
    app = ung_dung(request)
    vb = app.xem_van_ban(str(van_ban_id))
    if not _duoc_phat_hanh(vb.trang_thai, user.vai_tro):
        raise TransitionRefused(
            vb.so_ky_hieu or f"#{van_ban_id}",
            vb.trang_thai.value,
            SuKienVanBan.phat_hanh.value,
            user.vai_tro.value,
            "chỉ văn thư mới phát hành, và chỉ phát hành văn bản đã ban hành chưa phát hành",
            "actor" if user.vai_tro is not VaiTro.van_thu else "state",
        )
    so_tien_trinh(request).bat_dau(app, user.ten, van_ban_id)
    if _la_htmx(request):
        return _phat_hanh(request, van_ban_id, user)
    return RedirectResponse(f"/van-ban/{van_ban_id}/phat-hanh", status_code=303)
