"""The tracking page (trang theo dõi): one page of a directive's status table as a filter keeps
it, the totals over every recipient, and the newest lines of its timeline, in one read.

The page is polled every few seconds and a directive may go to thousands of bodies, so the
counts, the filter and the paging are done by the store (``storage.trang_theo_doi``) by the
rules the whole table follows (:data:`theo_doi.DIEU_KIEN`), and the timeline reads the log back
from its newest line only as far as the lines it shows. ``TheoDoi.trang_thai`` still gives the
whole table (the CLI, the API, the summary).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import InvalidSetting
from ..schemas.gio import gio_viet_nam
from ..storage import SessionOrConnection, Store
from ..storage import theo_doi as theo_doi_store
from ..storage import trang_theo_doi as trang_store
from ..storage.trang_theo_doi import TIEN_TO_CO_QUAN
from ..workflow import TrangThaiVanBan
from .clock import Clock
from .theo_doi import DIEU_KIEN, DongTrangThai, dong_trang_thai, tong_tu_dem
from .vong_doi import tim_id_van_ban

#: Log lines read at a time while the timeline is drawn back from the newest.
LO_NHAT_KY = 64
#: A run on more bodies than this is shown by their number: their codes are not kept.
GOP_TU = 3


@dataclass(frozen=True)
class DongThoiGian:
    """A line of the timeline: one event, or a run of the same event by the same person in the
    same minute on several bodies (a distribution's "gửi")."""

    luc: dt.datetime
    """The run's first event (Vietnam time)."""
    nguoi: str
    su_kien: str
    so_co_quan: int
    """The bodies the run went to (0: an event of the directive itself)."""
    co_quan: tuple[str, ...]
    """Their codes in the order of the events, when there are at most :data:`GOP_TU`."""


@dataclass(frozen=True)
class TrangTheoDoi:
    """What the tracking page shows of one directive."""

    so_ky_hieu: str
    trich_yeu: str
    trang_thai: TrangThaiVanBan
    dem: dict[str, int]
    """How many recipients each condition of :data:`theo_doi.DIEU_KIEN` takes (all of them)."""
    loc: str
    """The filter (a :data:`theo_doi.DIEU_KIEN` key)."""
    so_trang: int
    tong_trang: int
    dong: list[DongTrangThai]
    """The page's recipients, in the order they were expanded."""
    su_kien: list[DongThoiGian]
    """The newest lines of the timeline, newest first."""

    def tong(self) -> dict[str, int]:
        """The totals, as ``BangTrangThai.tong`` gives them for the whole table."""
        return tong_tu_dem(self.dem)

    @property
    def so_dong_loc(self) -> int:
        """How many recipients the filter keeps, on every page."""
        return self.dem[self.loc]


@dataclass
class _Chuoi:
    """A timeline line being gathered, from its newest event back."""

    id: int
    """Its oldest event read so far."""
    luc: dt.datetime
    phut: dt.datetime
    nguoi: str
    su_kien: str
    co_quan: list[str] = field(default_factory=list)
    so_co_quan: int = 0

    def them(self, id_: int, luc: dt.datetime, body: str) -> None:
        """An older event of the run."""
        self.id, self.luc = id_, luc
        self.so_co_quan += 1
        if self.so_co_quan <= GOP_TU:
            self.co_quan.append(body)


def trang_theo_doi(
    store: Store,
    clock: Clock,
    khoa: str,
    loc: str = "tat_ca",
    so_trang: int = 1,
    moi_trang: int = 200,
    so_su_kien: int = 50,
) -> TrangTheoDoi:
    """Page ``so_trang`` (past the last: the last) of ``moi_trang`` recipients that filter
    ``loc`` keeps, every count, and the ``so_su_kien`` newest timeline lines.

    Raises:
        InvalidSetting: an unknown filter, or a page size below 1.
        NotFound: no such directive.
    """
    if loc not in DIEU_KIEN:
        raise InvalidSetting("loc", f"'{loc[:20]}' không phải một trong {', '.join(DIEU_KIEN)}")
    if moi_trang < 1:
        raise InvalidSetting("moi_trang", f"{moi_trang}: mỗi trang ít nhất 1 dòng")
    today = clock().date()
    with theo_doi_store.read_connection(store) as conn:
        van_ban_id = tim_id_van_ban(conn, khoa)
        head = theo_doi_store.dau_van_ban(conn, van_ban_id)
        dem = trang_store.dem_noi_nhan(conn, van_ban_id, today)
        pages = max(1, -(-dem[loc] // moi_trang))
        so_trang = min(max(1, so_trang), pages)
        rows = trang_store.trang_noi_nhan(
            conn, van_ban_id, today, loc, (so_trang - 1) * moi_trang, moi_trang
        )
        timeline = dong_thoi_gian(conn, van_ban_id, so_su_kien)
    return TrangTheoDoi(
        head.so_ky_hieu or f"#{van_ban_id}",
        head.trich_yeu,
        TrangThaiVanBan(head.trang_thai),
        dem,
        loc,
        so_trang,
        pages,
        [dong_trang_thai(r, r.qua_han) for r in rows],
        timeline,
    )


def dong_thoi_gian(
    conn: SessionOrConnection, van_ban_id: int, so_dong: int, lo: int = LO_NHAT_KY
) -> list[DongThoiGian]:
    """The ``so_dong`` newest lines of a directive's timeline, newest first (the log read
    ``lo`` lines at a time).

    A line is a single event, or a run of consecutive events on bodies (``noi_nhan:…``) of one
    kind, by one person, in one minute. Runs are the same read from either end, so the log is
    read back from its newest line, a batch at a time, until a line older than the last one
    shown begins (or the log ends): only then is that last line whole. A run longer than a few
    bodies is counted by the store to its start rather than read.
    """
    lines: list[_Chuoi] = []
    truoc: int | None = None
    while so_dong > 0:
        batch = trang_store.nhat_ky_lui(conn, van_ban_id, truoc, lo)
        for e in batch:
            luc = gio_viet_nam(e.luc) or e.luc
            minute = luc.replace(second=0, microsecond=0)
            body = _co_quan(e.doi_tuong)
            oldest = lines[-1] if lines else None
            if (
                body
                and oldest is not None
                and oldest.so_co_quan
                and (oldest.su_kien, oldest.nguoi, oldest.phut) == (e.su_kien, e.nguoi, minute)
            ):
                oldest.them(e.id, luc, body)
                continue
            if len(lines) == so_dong:
                return _xong(lines)
            line = _Chuoi(e.id, luc, minute, e.nguoi, e.su_kien)
            if body:
                line.them(e.id, luc, body)
            lines.append(line)
        if len(batch) < lo:
            break
        truoc = batch[-1].id
        oldest = lines[-1]
        if oldest.so_co_quan > GOP_TU:
            rest = trang_store.chuoi_truoc(
                conn, van_ban_id, truoc, oldest.su_kien, oldest.nguoi, oldest.phut
            )
            if rest is not None:
                count, first, luc = rest
                oldest.so_co_quan += count
                oldest.id, oldest.luc = first, gio_viet_nam(luc) or luc
                truoc = first
    return _xong(lines)


def _co_quan(doi_tuong: str) -> str:
    """The body a log line's object names (``noi_nhan:<directive>:<body>``), or ""."""
    return doi_tuong.rsplit(":", 1)[-1] if doi_tuong.startswith(TIEN_TO_CO_QUAN) else ""


def _xong(lines: list[_Chuoi]) -> list[DongThoiGian]:
    return [
        DongThoiGian(
            c.luc,
            c.nguoi,
            c.su_kien,
            c.so_co_quan,
            tuple(reversed(c.co_quan)) if c.so_co_quan <= GOP_TU else (),
        )
        for c in lines
    ]


__all__ = ["GOP_TU", "DongThoiGian", "TrangTheoDoi", "dong_thoi_gian", "trang_theo_doi"]
