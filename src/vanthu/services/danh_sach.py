"""Reading directives for a desk (danh sách): the list with its filters, and one directive."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from ..errors import NotFound
from ..reading.tham_so import khoa_van_ban
from ..schemas import VanBan
from ..schemas.gio import gio_viet_nam
from ..storage import Session, Store
from ..storage.danh_ba import nguoi_dung
from ..storage.van_ban import (
    da_gui_den,
    danh_sach_van_ban,
    nguoi_duyet,
    van_ban_cua,
    van_ban_theo_khoa,
)
from ..workflow import TrangThaiVanBan, VaiTro
from .clock import Clock, bay_gio

#: The most rows one list shows (the newest first); a search narrows it.
DONG_TOI_DA = 500
#: Characters of a search that are looked at (the rest is dropped).
TIM_TOI_DA = 200


@dataclass(frozen=True)
class DongVanBan:
    """One row of the directive list."""

    id: int
    loai: str
    so_ky_hieu: str | None
    trich_yeu: str
    trang_thai: TrangThaiVanBan
    nguoi_soan: str
    ngay: dt.date | None
    cap_nhat_luc: dt.datetime


@dataclass(frozen=True)
class ChiTietVanBan:
    """One directive as a desk shows it: its content and where it is in its life."""

    id: int
    trang_thai: TrangThaiVanBan
    so_ky_hieu: str | None
    ngay: dt.date | None
    nguoi_soan: str
    ly_do: str | None
    phien_ban: int
    da_ban_hanh: bool  # issued: numbered and not waiting for the leader's signature
    van_ban: VanBan
    ky_so: str | None = None  # chua_ky_so, cho_ky_so, da_ky_so (#10); None before issue
    nguoi_ky_so: str | None = None  # the leader who signs (signed) it, when issuing signs
    nguoi_duyet: str | None = None  # the leader who last approved it


def _co_quan_cua(s: Session, nguoi: str) -> str | None:
    """The body a body's user (đơn vị nhận) acts for; None for the office's staff.

    Raises:
        NotFound: no such user.
    """
    user = nguoi_dung(s, nguoi)
    return user.ma_co_quan if VaiTro(user.vai_tro) is VaiTro.don_vi_nhan else None


class DanhSach:
    """The reading use cases on one store."""

    def __init__(self, store: Store, clock: Clock = bay_gio) -> None:
        self.store = store
        self.clock = clock

    def danh_sach(
        self,
        trang_thai: list[TrangThaiVanBan] | None = None,
        tim: str = "",
        nguoi: str | None = None,
    ) -> list[DongVanBan]:
        """Directives newest first, filtered by state and by words of their number, symbol or
        subject (without diacritics: "vung xanh" finds "vùng xanh"); at most DONG_TOI_DA.
        As ``nguoi`` sees them: a body's user (đơn vị nhận) sees only those sent to its body.

        Raises:
            NotFound: no user ``nguoi``.
        """
        states = None if trang_thai is None else [t.value for t in trang_thai]
        tim = unicodedata.normalize("NFC", tim)[:TIM_TOI_DA]
        with self.store.transaction() as s:
            body = None if nguoi is None else _co_quan_cua(s, nguoi)
            rows = danh_sach_van_ban(s, states, DONG_TOI_DA, tim, body)
            return [
                DongVanBan(
                    r.id,
                    r.loai,
                    r.so_ky_hieu,
                    r.trich_yeu,
                    TrangThaiVanBan(r.trang_thai),
                    r.nguoi_soan,
                    r.ngay,
                    gio_viet_nam(r.cap_nhat_luc) or r.cap_nhat_luc,
                )
                for r in rows
            ]

    def xem(self, khoa: str, nguoi: str | None = None) -> ChiTietVanBan:
        """One directive by id or number and symbol, as ``nguoi`` may see it (see
        :meth:`duoc_xem`).

        Raises:
            NotFound: no such directive (or none that ``nguoi`` may see), no user ``nguoi``.
        """
        with self.store.transaction() as s:
            row = van_ban_theo_khoa(s, khoa_van_ban(khoa), khoa)
            if nguoi is not None:
                self._duoc_xem(s, nguoi, row.id, khoa)
            return ChiTietVanBan(
                row.id,
                TrangThaiVanBan(row.trang_thai),
                row.so_ky_hieu,
                row.ngay,
                row.nguoi_soan,
                row.ly_do,
                row.phien_ban,
                row.so is not None and row.trang_thai != TrangThaiVanBan.cho_ky_so.value,
                van_ban_cua(row, self.clock().date()),
                row.ky_so,
                row.nguoi_ky_so,
                nguoi_duyet(s, row.id),
            )

    def duoc_xem(self, nguoi: str, khoa: str) -> None:
        """``nguoi`` may read the directive: the office's staff read every directive; a body's
        user (đơn vị nhận) only those sent to its body — any other is, to it, no directive at
        all (the same NotFound, so that it cannot tell which numbers exist).

        Raises:
            NotFound: no such directive, or one the user may not read; no such user.
        """
        with self.store.transaction() as s:
            row = van_ban_theo_khoa(s, khoa_van_ban(khoa), khoa)
            self._duoc_xem(s, nguoi, row.id, khoa)

    @staticmethod
    def _duoc_xem(s: Session, nguoi: str, van_ban_id: int, khoa: str) -> None:
        body = _co_quan_cua(s, nguoi)
        if body is not None and not da_gui_den(s, van_ban_id, body):
            raise NotFound("directive", khoa)
