"""Pages (giao diện): the Jinja2 templates, their filters, and one call that renders a page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..services import SuKienVanBan, TrangThaiVanBan
from .phien import nguoi_neu_co

THU_MUC = Path(__file__).parent
templates = Jinja2Templates(directory=THU_MUC / "templates")


def _ngay(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _gio(value: dt.datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else "—"


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
    "sua_du_thao": "Sửa dự thảo",
}


def ten_su_kien(su_kien: str) -> str:
    """A log event's name on the page; its code when the desk has none."""
    if su_kien in TEN_SU_KIEN:
        return TEN_SU_KIEN[su_kien]
    try:
        return str(SuKienVanBan(su_kien).label).capitalize()
    except ValueError:
        return su_kien


def _ten_trang_thai(value: str | None) -> str:
    """A logged state's label ("dự thảo"); its code when it is not a directive's state."""
    if not value:
        return ""
    try:
        return str(TrangThaiVanBan(value).label)
    except ValueError:
        return value


templates.env.filters["ngay"] = _ngay
templates.env.filters["gio"] = _gio
templates.env.filters["ten_su_kien"] = ten_su_kien
templates.env.filters["ten_trang_thai"] = _ten_trang_thai


def trang(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the signed-in user and their CSRF token."""
    user = nguoi_neu_co(request)
    context.setdefault("nguoi", user)
    context.setdefault("csrf", user.csrf if user else "")
    return templates.TemplateResponse(request, template, context, status_code=status_code)
