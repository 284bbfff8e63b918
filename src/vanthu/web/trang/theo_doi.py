"""Theo dõi: every recipient body of an issued directive with its state, totals, filters and the
timeline, refreshed every few seconds; Đôn đốc, Báo cáo tổng hợp, and the files to download."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from ...errors import VanthuError
from ...services import DongThoiGian, SignedIn, VaiTro
from ..giao_dien import ten_su_kien, trang
from ..phien import KhongDuQuyen, nguoi, ung_dung

if TYPE_CHECKING:
    from ...services import UngDung

router = APIRouter()

#: Who follows a directive up on this page.
VAI_TRO_THEO_DOI = (VaiTro.van_thu, VaiTro.lanh_dao)
#: The timeline shows this many events, newest first.
SU_KIEN_TOI_DA = 50


#: The filters, by the use case's key (``theo_doi.DIEU_KIEN``), and their labels.
BO_LOC: dict[str, str] = {
    "tat_ca": "Tất cả",
    "chua_nhan": "Chưa nhận",
    "dung_han": "Nhận đúng hạn",
    "nhan_tre": "Nhận trễ",
    "da_bao_cao": "Đã báo cáo",
    "qua_han": "Quá hạn",
    "tu_choi": "Từ chối",
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


#: Rows of the tracking table on one page (a 3,000-body directive has 15; the filters narrow).
DONG_MOI_TRANG = 200


def dong_thoi_gian(line: DongThoiGian) -> dict[str, Any]:
    """A timeline line as the page shows it: the event's name, and its bodies (their number,
    past a few)."""
    named = len(line.co_quan) == line.so_co_quan
    return {
        "luc": line.luc,
        "nguoi": line.nguoi,
        "su_kien": line.su_kien,
        "ten": ten_su_kien(line.su_kien),
        "doi_tuong": ", ".join(line.co_quan) if named else f"{line.so_co_quan} cơ quan",
    }


def _duoc_theo_doi(user: SignedIn) -> None:
    if user.vai_tro not in VAI_TRO_THEO_DOI:
        raise KhongDuQuyen("Trang Theo dõi dành cho văn thư và lãnh đạo.")


def _bang(app: UngDung, van_ban_id: int, loc: str, so_trang: int = 1) -> dict[str, Any]:
    """What the table fragment shows: one page of the rows kept by the filter, totals, the
    newest events (counted, filtered and paged by the store)."""
    page = app.trang_theo_doi(str(van_ban_id), loc, so_trang, DONG_MOI_TRANG, SU_KIEN_TOI_DA)
    rows = [
        DongHien(
            r.ma, r.ten, *lop_trang_thai(r), r.gui_luc, r.nhan_luc, r.tre, r.bao_cao_luc, r.qua_han
        )
        for r in page.dong
    ]
    return {
        "tong": page.tong(),
        "rows": rows,
        "dem": {key: page.dem[key] for key in BO_LOC},
        "loc": page.loc,
        "so_trang": page.so_trang,
        "tong_trang": page.tong_trang,
        "so_dong_loc": page.so_dong_loc,
        "bo_loc": BO_LOC,
        "su_kien": [dong_thoi_gian(line) for line in page.su_kien],
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
