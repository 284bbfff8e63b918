"""Storage of the tracking page (trang theo dõi): the counts over every recipient of a directive,
one page of the recipients a filter keeps, and the newest lines of its log, each judged in SQL.

The page of a directive sent to thousands of bodies shows a page of rows at a time and is polled
every few seconds: what leaves the database is the counts and the rows shown, never the whole
table. Each count and filter is one condition on the recipient row (:data:`DIEU_KIEN`); the use
case states the same rules in Python over the whole table (``services.theo_doi.DIEU_KIEN``), and
a property test holds the two equal. Whether a body is overdue is :func:`theo_doi.qua_han`'s
rule (``viec_qua_han``) with the reports of the directive read once (``NOT IN``), not per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, bindparam, func, select

from ..schemas.gio import utc
from ..workflow import TrangThaiNoiNhan
from .bang import BaoCaoNhan, CoQuan, NhatKy, NhiemVuCoQuan, NhiemVuRow, NoiNhanVanBan, VanBanRow
from .connection import SessionOrConnection
from .theo_doi import DongNoiNhan, viec_qua_han
from .van_ban import TIEN_TO_NOI_NHAN

_NN = NoiNhanVanBan
#: How the log names an event on a recipient's copy: ``noi_nhan:<directive>:<body>``.
TIEN_TO_CO_QUAN = TIEN_TO_NOI_NHAN
_VAN_BAN_ID = bindparam("van_ban_id", type_=Integer)
_HOM_NAY = bindparam("hom_nay", type_=Date)
_TRUOC = bindparam("truoc", type_=Integer)


def _qua_han() -> Any:
    """The recipient owes a report on a task of the directive past its deadline."""
    owed = (
        select(NhiemVuCoQuan.ma_co_quan)
        .join(NhiemVuRow, NhiemVuRow.id == NhiemVuCoQuan.nhiem_vu_id)
        .join(VanBanRow, VanBanRow.id == NhiemVuRow.van_ban_id)
        .where(NhiemVuRow.van_ban_id == _VAN_BAN_ID, *viec_qua_han(_HOM_NAY))
    )
    reported = select(BaoCaoNhan.ma_co_quan).where(BaoCaoNhan.van_ban_id == _VAN_BAN_ID)
    return and_(_NN.ma_co_quan.in_(owed), _NN.ma_co_quan.not_in(reported))


_QUA_HAN = _qua_han()
_TU_CHOI = _NN.trang_thai == TrangThaiNoiNhan.tu_choi.value

#: Which recipients each count and filter of the page takes (None: every one).
DIEU_KIEN: dict[str, Any] = {
    "tat_ca": None,
    "da_gui": _NN.gui_luc.is_not(None),
    "da_nhan": _NN.nhan_luc.is_not(None),
    "chua_nhan": and_(_NN.gui_luc.is_not(None), _NN.nhan_luc.is_(None), ~_TU_CHOI),
    "dung_han": and_(_NN.nhan_luc.is_not(None), _NN.tre.is_(False)),
    "nhan_tre": _NN.tre.is_(True),
    "da_bao_cao": _NN.bao_cao_luc.is_not(None),
    "qua_han": _QUA_HAN,
    "tu_choi": _TU_CHOI,
}


@dataclass(frozen=True)
class DongTrang(DongNoiNhan):
    """One recipient of the page, as stored, and whether it is overdue."""

    qua_han: bool


@dataclass(frozen=True)
class DongNhatKyNgan:
    """A log line as the timeline reads it (no details)."""

    id: int
    luc: dt.datetime
    nguoi: str
    doi_tuong: str
    su_kien: str


def _cau_dem() -> Select[*tuple[Any, ...]]:
    counts = [
        (func.count() if c is None else func.count().filter(c)).label(key)
        for key, c in DIEU_KIEN.items()
    ]
    return select(*counts).select_from(_NN).where(_NN.van_ban_id == _VAN_BAN_ID)


def _cau_trang(dieu_kien: Any) -> Select[*tuple[Any, ...]]:
    """The page: the ids the filter keeps are ordered and cut first, so that the body's name
    and whether it is overdue are read for the rows shown only."""
    kept = select(_NN.id).where(_NN.van_ban_id == _VAN_BAN_ID)
    if dieu_kien is not None:
        kept = kept.where(dieu_kien)
    page = (
        kept.order_by(_NN.id)
        .limit(bindparam("so_dong", type_=Integer))
        .offset(bindparam("bo_qua", type_=Integer))
        .subquery("trang")
    )
    return (
        select(
            _NN.ma_co_quan,
            CoQuan.ten_ngan,
            _NN.trang_thai,
            _NN.gui_luc,
            _NN.nhan_luc,
            _NN.tre,
            _NN.bao_cao_luc,
            _QUA_HAN.label("qua_han"),
        )
        .join(page, page.c.id == _NN.id)
        .join(CoQuan, CoQuan.ma == _NN.ma_co_quan)
        .order_by(_NN.id)
    )


def _cau_nhat_ky(truoc: bool) -> Select[*tuple[Any, ...]]:
    log = NhatKy
    query = (
        select(log.id, log.luc, log.nguoi, log.doi_tuong, log.su_kien)
        .where(log.van_ban_id == _VAN_BAN_ID)
        .order_by(log.id.desc())
        .limit(bindparam("so_dong", type_=Integer))
    )
    return query.where(log.id < _TRUOC) if truoc else query


#: The log line is an event on a body (``noi_nhan:<directive>:<body>``, the body named).
_TREN_CO_QUAN = and_(
    func.substr(NhatKy.doi_tuong, 1, len(TIEN_TO_CO_QUAN)) == TIEN_TO_CO_QUAN,
    func.substr(NhatKy.doi_tuong, func.length(NhatKy.doi_tuong)) != ":",
)


def _cau_chuoi() -> tuple[Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
    """The lines just before ``truoc`` that continue a run: those after the newest line before
    ``truoc`` that does not (another event, person or minute, or not on a body); their count
    and the first one's id. Then a line's moment by its id."""
    log = NhatKy
    breaks = (
        select(log.id)
        .where(
            log.van_ban_id == _VAN_BAN_ID,
            log.id < _TRUOC,
            ~and_(
                log.su_kien == bindparam("su_kien"),
                log.nguoi == bindparam("nguoi"),
                log.luc >= bindparam("tu_luc", type_=log.luc.type),
                log.luc < bindparam("den_luc", type_=log.luc.type),
                _TREN_CO_QUAN,
            ),
        )
        .order_by(log.id.desc())
        .limit(1)
        .scalar_subquery()
        .correlate(None)
    )
    run = select(func.count(), func.min(log.id)).where(
        log.van_ban_id == _VAN_BAN_ID, log.id < _TRUOC, log.id > func.coalesce(breaks, 0)
    )
    return run, select(log.luc).where(log.id == bindparam("id", type_=Integer))


#: Built once: building a statement costs more than running it.
_DEM = _cau_dem()
_TRANG = {key: _cau_trang(c) for key, c in DIEU_KIEN.items()}
_NHAT_KY = {truoc: _cau_nhat_ky(truoc) for truoc in (False, True)}
_CHUOI, _LUC = _cau_chuoi()


def dem_noi_nhan(conn: SessionOrConnection, van_ban_id: int, hom_nay: dt.date) -> dict[str, int]:
    """Every count of :data:`DIEU_KIEN` over the directive's recipients, in one statement."""
    row = conn.execute(_DEM, {"van_ban_id": van_ban_id, "hom_nay": hom_nay}).one()
    return {key: int(value) for key, value in zip(DIEU_KIEN, row, strict=True)}


def trang_noi_nhan(
    conn: SessionOrConnection,
    van_ban_id: int,
    hom_nay: dt.date,
    loc: str,
    bo_qua: int,
    so_dong: int,
) -> list[DongTrang]:
    """The recipients filter ``loc`` (a :data:`DIEU_KIEN` key) keeps, in the order they were
    expanded, ``so_dong`` of them after the first ``bo_qua``."""
    params = {"van_ban_id": van_ban_id, "hom_nay": hom_nay, "bo_qua": bo_qua, "so_dong": so_dong}
    return [
        DongTrang(ma, ten, trang_thai, gui, nhan, bool(tre), bao_cao, bool(qua_han))
        for ma, ten, trang_thai, gui, nhan, tre, bao_cao, qua_han in conn.execute(
            _TRANG[loc], params
        )
    ]


def nhat_ky_lui(
    conn: SessionOrConnection, van_ban_id: int, truoc: int | None, so_dong: int
) -> list[DongNhatKyNgan]:
    """The directive's log lines before line ``truoc`` (None: from the newest), newest first,
    at most ``so_dong``."""
    params = {"van_ban_id": van_ban_id, "so_dong": so_dong, "truoc": truoc}
    if truoc is None:
        del params["truoc"]
    return [DongNhatKyNgan(*row) for row in conn.execute(_NHAT_KY[truoc is not None], params)]


def chuoi_truoc(
    conn: SessionOrConnection,
    van_ban_id: int,
    truoc: int,
    su_kien: str,
    nguoi: str,
    phut: dt.datetime,
) -> tuple[int, int, dt.datetime] | None:
    """The lines just before line ``truoc`` that continue a run: events ``su_kien`` on bodies
    by ``nguoi`` in the minute that starts at ``phut``. Their number, the first one's id and
    moment; None if the line before does not continue it.

    For a run as long as a distribution's, one count in the database instead of every line
    read: the timeline shows such a run as its number."""
    params = {
        "van_ban_id": van_ban_id,
        "truoc": truoc,
        "su_kien": su_kien,
        "nguoi": nguoi,
        "tu_luc": utc(phut),
        "den_luc": utc(phut + dt.timedelta(minutes=1)),
    }
    count, first = conn.execute(_CHUOI, params).one()
    if not count:
        return None
    return int(count), int(first), conn.execute(_LUC, {"id": first}).scalar_one()


__all__ = [
    "DIEU_KIEN",
    "TIEN_TO_CO_QUAN",
    "DongNhatKyNgan",
    "DongTrang",
    "chuoi_truoc",
    "dem_noi_nhan",
    "nhat_ky_lui",
    "trang_noi_nhan",
]
