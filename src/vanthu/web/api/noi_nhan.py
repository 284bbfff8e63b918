"""Recipients over the API: every body a directive went to, and where each one is."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from ...services import SignedIn, VaiTro
from ..phien import nguoi, ung_dung
from .mo_hinh import LOI_CHUNG, Ma

router = APIRouter(prefix="/api/van-ban", tags=["nơi nhận"], responses=LOI_CHUNG)


class NoiNhanApi(BaseModel):
    """One recipient body's line: its state and when things happened (Vietnam time)."""

    ma: str
    ten: str
    trang_thai: Ma
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool = Field(description="Acknowledged after the deadline")
    bao_cao_luc: dt.datetime | None
    qua_han: bool = Field(description="A task deadline passed without the report it asked for")


class BangNoiNhanApi(BaseModel):
    """Every recipient body of a directive, and the totals."""

    so_ky_hieu: str
    trich_yeu: str
    trang_thai: Ma
    tong: dict[str, int] = Field(
        description="noi_nhan, da_gui, da_nhan, nhan_tre, da_bao_cao, qua_han, chua_nhan, tu_choi"
    )
    noi_nhan: list[NoiNhanApi]


@router.get("/{van_ban_id}/noi-nhan", summary="Nơi nhận và trạng thái")
def noi_nhan(
    request: Request, van_ban_id: int, user: Annotated[SignedIn, Depends(nguoi)]
) -> BangNoiNhanApi:
    """The per-recipient status table of a directive (empty before distribution). A body's
    user gets its own line only, and the totals of that line."""
    bang = ung_dung(request).trang_thai(str(van_ban_id))
    if user.vai_tro is VaiTro.don_vi_nhan:
        bang = replace(bang, dong=[r for r in bang.dong if r.ma == user.ma_co_quan])
    return BangNoiNhanApi(
        so_ky_hieu=bang.so_ky_hieu,
        trich_yeu=bang.trich_yeu,
        trang_thai=Ma.cua(bang.trang_thai),
        tong=bang.tong(),
        noi_nhan=[
            NoiNhanApi(
                ma=r.ma,
                ten=r.ten,
                trang_thai=Ma.cua(r.trang_thai),
                gui_luc=r.gui_luc,
                nhan_luc=r.nhan_luc,
                tre=r.tre,
                bao_cao_luc=r.bao_cao_luc,
                qua_han=r.qua_han,
            )
            for r in bang.dong
        ],
    )
