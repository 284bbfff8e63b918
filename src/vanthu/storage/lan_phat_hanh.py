"""Storage of the last distribution run of each directive (lần phát hành): started, advanced
batch by batch, ended; read by any process."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from .bang import LanPhatHanh


def bat_dau_lan(s: Session, van_ban_id: int, nguoi: str, luc: dt.datetime) -> None:
    """Record that a run of the directive starts now (it replaces the last run's row)."""
    row = s.get(LanPhatHanh, van_ban_id)
    if row is None:
        row = LanPhatHanh(van_ban_id=van_ban_id)
        s.add(row)
    row.nguoi, row.bat_dau, row.cap_nhat = nguoi, luc, luc
    row.da_xong, row.tong = 0, 0
    row.ket_thuc, row.gui_moi, row.loi = None, None, None


def ghi_tien_do(s: Session, van_ban_id: int, da_xong: int, tong: int, luc: dt.datetime) -> None:
    """Record how far the running run has got."""
    row = s.get(LanPhatHanh, van_ban_id)
    if row is not None:
        row.da_xong, row.tong, row.cap_nhat = da_xong, tong, luc


def ket_thuc_lan(
    s: Session, van_ban_id: int, luc: dt.datetime, gui_moi: int | None, loi: str | None
) -> None:
    """Record how the run ended: ``gui_moi`` bodies newly delivered, or the error ``loi``."""
    row = s.get(LanPhatHanh, van_ban_id)
    if row is not None:
        row.ket_thuc, row.cap_nhat, row.gui_moi, row.loi = luc, luc, gui_moi, loi


def lan_cuoi(s: Session, van_ban_id: int) -> LanPhatHanh | None:
    """The directive's last run, or None if it was never distributed."""
    return s.get(LanPhatHanh, van_ban_id)


__all__ = ["bat_dau_lan", "ghi_tien_do", "ket_thuc_lan", "lan_cuoi"]
