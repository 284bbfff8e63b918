"""Theo dõi: every recipient body of an issued directive with its state, totals, filters and the
timeline, refreshed every few seconds; Đôn đốc, Báo cáo tổng hợp, and the files to download."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from ...errors import VanthuError
from ...services import BangTrangThai, SignedIn, SuKienVanBan, VaiTro
from ..giao_dien import trang
from ..phien import KhongDuQuyen, nguoi, ung_dung

if TYPE_CHECKING:
    from ...services import UngDung

router = APIRouter()

#: Who follows a directive up on this page.
VAI_TRO_THEO_DOI = (VaiTro.van_thu, VaiTro.lanh_dao)
#: The timeline shows this many events, newest first.
SU_KIEN_TOI_DA = 50


def _chua_nhan(r: Any) -> bool:
    return r.gui_luc is not None and r.nhan_luc is None and r.trang_thai.value != "tu_choi"


#: The filters: a key, its label, and which rows it keeps.
BO_LOC: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "tat_ca": ("Tất cả", lambda r: True),
    "chua_nhan": ("Chưa nhận", _chua_nhan),
    "dung_han": ("Nhận đúng hạn", lambda r: r.nhan_luc is not None and not r.tre),
    "nhan_tre": ("Nhận trễ", lambda r: r.tre),
    "da_bao_cao": ("Đã báo cáo", lambda r: r.bao_cao_luc is not None),
    "qua_han": ("Quá hạn", lambda r: r.qua_han),
    "tu_choi": ("Từ chối", lambda r: r.trang_thai.value == "tu_choi"),
}

#: What the log's events are called on the page (a lifecycle event's own label otherwise).
TEN_SU_KIEN = {
    "gui": "Gửi",
    "gui_loi": "Gửi không được",
    "gui_thu": "Gửi thư điện tử",
    "gui_thu_loi": "Thư điện tử không gửi được",
    "xac_nhan": "Xác nhận đã nhận",
    "bao_cao": "Báo cáo",
    "tu_choi": "Từ chối (gửi nhầm)",
    "don_doc": "Đôn đốc",
    "bao_thu_hoi": "Báo thu hồi",
    "bao_thu_hoi_thu": "Báo thu hồi qua thư",
    "soan_thao": "Soạn thảo",
}


@dataclass(frozen=True)
class DongHien:
    """One recipient as the table shows it: its colour class, label and flags."""

    ma: str
    ten: str
    lop: str
    label: str
    gui_luc: Any
    nhan_luc: Any
    tre: bool
    bao_cao_luc: Any
    qua_han: bool


def lop_trang_thai(r: Any) -> tuple[str, str]:
    """The row's colour class and label: the most telling of its states wins."""
    if r.trang_thai.value == "tu_choi":
        return "tu-choi", "Từ chối"
    if r.bao_cao_luc is not None:
        return "da-bao-cao", "Đã báo cáo"
    if r.qua_han:
        return "qua-han", "Quá hạn báo cáo"
    if r.nhan_luc is not None:
        return ("nhan-tre", "Nhận trễ") if r.tre else ("dung-han", "Nhận đúng hạn")
    if r.gui_luc is not None:
        return "da-gui", "Đã gửi, chưa nhận"
    return "cho-gui", "Chờ gửi"


def _ten_su_kien(su_kien: str) -> str:
    if su_kien in TEN_SU_KIEN:
        return TEN_SU_KIEN[su_kien]
    try:
        return str(SuKienVanBan(su_kien).label).capitalize()
    except ValueError:
        return su_kien


#: Rows of the tracking table on one page (a 3,000-body directive has 15; the filters narrow).
DONG_MOI_TRANG = 200
#: Events of one kind by one person in one minute, on more bodies than this, make one line.
GOP_TU = 3


def dong_thoi_gian(nhat_ky: list[Any]) -> list[dict[str, Any]]:
    """The log as a timeline, oldest first: a run of the same event by the same person in the
    same minute on several bodies (a distribution's "gửi") is one line naming how many."""
    lines: list[dict[str, Any]] = []
    for d in nhat_ky:
        body = d.doi_tuong.rsplit(":", 1)[-1] if d.doi_tuong.startswith("noi_nhan:") else ""
        minute = d.luc.replace(second=0, microsecond=0)
        last = lines[-1] if lines else None
        if (
            body
            and last is not None
            and last["co_quan"]
            and (last["su_kien"], last["nguoi"], last["phut"]) == (d.su_kien, d.nguoi, minute)
        ):
            last["co_quan"].append(body)
            continue
        lines.append(
            {
                "luc": d.luc,
                "phut": minute,
                "nguoi": d.nguoi,
                "su_kien": d.su_kien,
                "ten": _ten_su_kien(d.su_kien),
                "co_quan": [body] if body else [],
            }
        )
    for line in lines:
        bodies = line["co_quan"]
        line["doi_tuong"] = f"{len(bodies)} cơ quan" if len(bodies) > GOP_TU else ", ".join(bodies)
    return lines


def _duoc_theo_doi(user: SignedIn) -> None:
    if user.vai_tro not in VAI_TRO_THEO_DOI:
        raise KhongDuQuyen("Trang Theo dõi dành cho văn thư và lãnh đạo.")


def _bang(app: UngDung, van_ban_id: int, loc: str, so_trang: int = 1) -> dict[str, Any]:
    """What the table fragment shows: one page of the rows kept by the filter, totals, the
    newest events."""
    key = str(van_ban_id)
    table: BangTrangThai = app.trang_thai(key)
    keep = BO_LOC[loc][1]
    kept = [r for r in table.dong if keep(r)]
    pages = max(1, -(-len(kept) // DONG_MOI_TRANG))
    so_trang = min(max(1, so_trang), pages)
    start = (so_trang - 1) * DONG_MOI_TRANG
    rows = [
        DongHien(
            r.ma, r.ten, *lop_trang_thai(r), r.gui_luc, r.nhan_luc, r.tre, r.bao_cao_luc, r.qua_han
        )
        for r in kept[start : start + DONG_MOI_TRANG]
    ]
    dem = {k: sum(1 for r in table.dong if f(r)) for k, (_, f) in BO_LOC.items()}
    events = dong_thoi_gian(app.nhat_ky(key))[-SU_KIEN_TOI_DA:][::-1]
    return {
        "bang": table,
        "tong": table.tong(),
        "rows": rows,
        "dem": dem,
        "loc": loc,
        "so_trang": so_trang,
        "tong_trang": pages,
        "so_dong_loc": len(kept),
        "bo_loc": BO_LOC,
        "su_kien": events,
        "van_ban_id": van_ban_id,
    }


def _loc(loc: str) -> str:
    return loc if loc in BO_LOC else "tat_ca"


@router.get("/van-ban/{van_ban_id}/theo-doi")
def theo_doi(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    loc: Annotated[str, Query(max_length=20)] = "tat_ca",
    xong: Annotated[str, Query(max_length=20)] = "",
    du_thao: Annotated[int | None, Query()] = None,
    trang_so: Annotated[int, Query(alias="trang", ge=1, le=100_000)] = 1,
) -> Response:
    """The tracking page of one directive."""
    _duoc_theo_doi(user)
    app = ung_dung(request)
    vb = app.xem_van_ban(str(van_ban_id))
    co_tong_hop = _co_tep(app, van_ban_id, "tong_hop_pdf")
    return trang(
        request,
        "theo_doi.html",
        vb=vb,
        xong=xong,
        du_thao=du_thao,
        co_tong_hop=co_tong_hop,
        da_ban_hanh=vb.da_ban_hanh,
        **_bang(app, van_ban_id, _loc(loc), trang_so),
    )


def _co_tep(app: UngDung, van_ban_id: int, loai: str) -> bool:
    try:
        app.tep_tai_ve(str(van_ban_id), loai)
    except VanthuError:
        return False
    return True


@router.get("/van-ban/{van_ban_id}/theo-doi/bang")
def bang_theo_doi(
    request: Request,
    van_ban_id: int,
    user: Annotated[SignedIn, Depends(nguoi)],
    loc: Annotated[str, Query(max_length=20)] = "tat_ca",
    trang_so: Annotated[int, Query(alias="trang", ge=1, le=100_000)] = 1,
) -> Response:
    """The table, totals and timeline alone: what the page polls every few seconds."""
    _duoc_theo_doi(user)
    data = _bang(ung_dung(request), van_ban_id, _loc(loc), trang_so)
    return trang(request, "_bang_theo_doi.html", **data)


@router.post("/van-ban/{van_ban_id}/don-doc")
def don_doc(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Draft the reminder (đôn đốc) to the overdue bodies; back to the page with its link."""
    _duoc_theo_doi(user)
    draft, _ = ung_dung(request).don_doc(user.ten, str(van_ban_id))
    return RedirectResponse(
        f"/van-ban/{van_ban_id}/theo-doi?xong=don_doc&du_thao={draft.van_ban_id}",
        status_code=303,
    )


@router.post("/van-ban/{van_ban_id}/tong-hop")
def tong_hop(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> Response:
    """Render the summary report (báo cáo tổng hợp); back to the page with its downloads."""
    _duoc_theo_doi(user)
    ung_dung(request).tong_hop(user.ten, str(van_ban_id))
    return RedirectResponse(f"/van-ban/{van_ban_id}/theo-doi?xong=tong_hop", status_code=303)


#: What each download is sent as.
KIEU_TEP = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _gui_tep(
    request: Request, van_ban_id: int, loai: str, ma: str | None, ten: str | None = None
) -> Response:
    path = ung_dung(request).tep_tai_ve(str(van_ban_id), loai, ma)
    return FileResponse(
        path,
        media_type=KIEU_TEP.get(path.suffix, "application/octet-stream"),
        filename=ten or path.name,
    )


@router.get("/van-ban/{van_ban_id}/tai/{loai}")
def tai_ve(
    request: Request,
    van_ban_id: int,
    loai: str,
    user: Annotated[SignedIn, Depends(nguoi)],
) -> Response:
    """Download the issued DOCX or PDF (staff; a body's user, of a directive sent to it), or the
    summary (văn thư, lãnh đạo)."""
    if loai.startswith("tong_hop"):
        _duoc_theo_doi(user)
    return _gui_tep(request, van_ban_id, loai, None)


@router.get("/van-ban/{van_ban_id}/phieu-gui/{ma}")
def tai_phieu_gui(
    request: Request,
    van_ban_id: int,
    ma: str,
    user: Annotated[SignedIn, Depends(nguoi)],
) -> Response:
    """Download one body's transmittal slip (phiếu gửi)."""
    _duoc_theo_doi(user)
    return _gui_tep(request, van_ban_id, "phieu_gui", ma, f"phieu-gui-{ma}.pdf")


__all__ = ["BO_LOC", "lop_trang_thai", "router"]
