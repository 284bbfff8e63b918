"""Pages (giao diện): the Jinja2 templates, their filters, and one call that renders a page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .phien import nguoi_neu_co

THU_MUC = Path(__file__).parent
templates = Jinja2Templates(directory=THU_MUC / "templates")


def _ngay(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _gio(value: dt.datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else "—"


templates.env.filters["ngay"] = _ngay
templates.env.filters["gio"] = _gio


def trang(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the signed-in user and their CSRF token."""
    user = nguoi_neu_co(request)
    context.setdefault("nguoi", user)
    context.setdefault("csrf", user.csrf if user else "")
    return templates.TemplateResponse(request, template, context, status_code=status_code)
