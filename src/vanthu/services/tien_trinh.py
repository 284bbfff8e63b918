"""A distribution run's progress (tiến trình) as every process reads it from the store: the
desk's workers, whichever of them started it, and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import VanthuError
from ..schemas.gio import gio_viet_nam
from ..storage.bang import LanPhatHanh

#: A run that has recorded no progress for this long is taken as stopped (its process died):
#: a batch records its progress every 50 bodies, or every mail, in well under a minute.
GIAN_DOAN = dt.timedelta(minutes=2)


def gio_may() -> dt.datetime:
    """The machine's clock, in UTC: what judges whether a run still goes (not ``VANTHU_NOW``,
    which a demo fixes)."""
    return dt.datetime.now(dt.UTC)


def loi_cua(error: BaseException) -> str:
    """What a run that ended on ``error`` shows the clerk."""
    if isinstance(error, VanthuError):
        return str(error)
    if isinstance(error, KeyboardInterrupt):
        return "Lần phát hành bị dừng (Ctrl+C)."
    return f"Lỗi không mong đợi: {type(error).__name__}"


@dataclass(frozen=True)
class TienTrinh:
    """One run's progress: bodies done of the total, and how it ended (if it has)."""

    da_xong: int = 0
    tong: int = 0
    dang_chay: bool = True
    loi: str | None = None
    gui_moi: int = 0
    nguoi: str | None = None
    bat_dau: dt.datetime | None = None

    @property
    def phan_tram(self) -> int:
        return 100 * self.da_xong // self.tong if self.tong else 0


def tien_trinh_cua(row: LanPhatHanh, now: dt.datetime) -> TienTrinh:
    """The progress a stored run shows at ``now`` (machine time): a run unended but silent for
    :data:`GIAN_DOAN` is shown as stopped, so that the clerk may run the rest."""
    last = gio_viet_nam(row.cap_nhat)
    assert last is not None
    silent = row.ket_thuc is None and now - last > GIAN_DOAN
    loi = row.loi
    if silent:
        loi = (
            f"Lần phát hành dừng giữa chừng: không có tiến độ từ {last:%H:%M %d/%m/%Y} "
            "(tiến trình đã dừng). Bấm Phát hành tiếp để gửi phần còn lại."
        )
    return TienTrinh(
        da_xong=row.da_xong,
        tong=row.tong,
        dang_chay=row.ket_thuc is None and not silent,
        loi=loi,
        gui_moi=row.gui_moi or 0,
        nguoi=row.nguoi,
        bat_dau=gio_viet_nam(row.bat_dau),
    )


__all__ = ["GIAN_DOAN", "TienTrinh", "gio_may", "loi_cua", "tien_trinh_cua"]
