"""Reading directives for a desk (danh sách): the list with its filters, and one directive."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from ..reading.tham_so import khoa_van_ban
from ..schemas import VanBan
from ..schemas.gio import gio_viet_nam
from ..storage import Store
from ..storage.van_ban import danh_sach_van_ban, van_ban_cua, van_ban_theo_khoa
from ..workflow import TrangThaiVanBan
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
    da_ban_hanh: bool
    van_ban: VanBan


class DanhSach:
    """The reading use cases on one store."""

    def __init__(self, store: Store, clock: Clock = bay_gio) -> None:
        self.store = store
        self.clock = clock

    def danh_sach(
        self, trang_thai: list[TrangThaiVanBan] | None = None, tim: str = ""
    ) -> list[DongVanBan]:
        """Directives newest first, filtered by state and by words of their number, symbol or
        subject (without diacritics: "vung xanh" finds "vùng xanh"); at most DONG_TOI_DA."""
        states = None if trang_thai is None else [t.value for t in trang_thai]
        tim = unicodedata.normalize("NFC", tim)[:TIM_TOI_DA]
        with self.store.transaction() as s:
            rows = danh_sach_van_ban(s, states, DONG_TOI_DA, tim)
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

    def xem(self, khoa: str) -> ChiTietVanBan:
        """One directive by id or number and symbol.

        Raises:
            NotFound: no such directive.
        """
        with self.store.transaction() as s:
            row = van_ban_theo_khoa(s, khoa_van_ban(khoa), khoa)
            return ChiTietVanBan(
                row.id,
                TrangThaiVanBan(row.trang_thai),
                row.so_ky_hieu,
                row.ngay,
                row.nguoi_soan,
                row.ly_do,
                row.phien_ban,
                row.so is not None,
                van_ban_cua(row, self.clock().date()),
            )
