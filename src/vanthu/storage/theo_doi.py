"""Storage of tracking: acknowledgements, rejections, reports, tasks, overdue, the status table.

The acknowledgement's statements read their guard from the workflow
(``workflow.xac_nhan.DIEU_KIEN_XAC_NHAN``, itself read from the recipient lifecycle table), as
the use case's judgement does; ``storage.statement`` runs the PostgreSQL one on the driver.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    bindparam,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import cast as cast_
from sqlalchemy.orm import Session

from ..workflow import SuKienNoiNhan, TrangThaiVanBan
from ..workflow.xac_nhan import DIEU_KIEN_XAC_NHAN
from .bang import (
    BaoCaoNhan,
    CoQuan,
    NguoiDung,
    NhatKy,
    NhiemVuCoQuan,
    NhiemVuRow,
    NoiNhanVanBan,
    VanBanRow,
)
from .connection import SessionOrConnection, Store
from .statement import CompiledStatement

# -- acknowledgement ---------------------------------------------------------------------


@dataclass(frozen=True)
class DongXacNhan:
    """The row an acknowledgement is judged on: the copy, its directive and the acting user."""

    id: int
    van_ban_id: int
    ma_co_quan: str
    trang_thai: str
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool
    vb_trang_thai: str
    so_ky_hieu: str | None
    vai_tro: str | None
    """The acting user's role; None if there is no such user."""
    thay_cho: str | None
    """The body the acting user belongs to (a đơn vị nhận's)."""
    ma_xac_nhan: str
    """The copy's token (the secret of its link), for the caller to compare."""


@dataclass(frozen=True)
class DaXacNhan:
    """What the PostgreSQL one-statement acknowledgement wrote."""

    van_ban_id: int
    ma_co_quan: str
    so_ky_hieu: str | None
    tre: bool


def _trang_thai_duoc(cot: ColumnElement[Any] | Column[Any]) -> ColumnElement[bool]:
    """The guard's state rule in SQL: ``cot`` is a state the acknowledgement leaves."""
    return or_(*(cot == literal(t.value) for t in DIEU_KIEN_XAC_NHAN.nguon))


def _cau_tim(lien_ket: bool = False) -> Select[*tuple[Any, ...]]:
    """The lookup of the recipient, its directive and the acting user, without its key.

    ``lien_ket``: the actor is the copy's own body, by its link, acting as that body's user
    would (``DIEU_KIEN_XAC_NHAN.chi_co_quan_minh``, for its own body): no user is read.
    """
    nn, vb, user = NoiNhanVanBan, VanBanRow, NguoiDung
    copy = (
        nn.id,
        nn.van_ban_id,
        nn.ma_co_quan,
        nn.trang_thai,
        nn.gui_luc,
        nn.nhan_luc,
        nn.tre,
        vb.trang_thai.label("vb_trang_thai"),
        vb.so_ky_hieu,
    )
    if lien_ket:
        body_user = cast_(literal(DIEU_KIEN_XAC_NHAN.chi_co_quan_minh.value), String)
        return select(
            *copy, body_user.label("vai_tro"), nn.ma_co_quan.label("thay_cho"), nn.ma_xac_nhan
        ).join(vb, vb.id == nn.van_ban_id)
    return (
        select(*copy, user.vai_tro, user.ma_co_quan.label("thay_cho"), nn.ma_xac_nhan)
        .join(vb, vb.id == nn.van_ban_id)
        .outerjoin(user, user.ten == bindparam("ten"))
    )


def _cung_ma(cot: ColumnElement[Any], token: ColumnElement[Any]) -> ColumnElement[bool]:
    """PostgreSQL: the link's token is the copy's, compared as SHA-256 digests. How long an
    unequal comparison takes then depends on how much of two digests agree, which says nothing
    usable about the token (as ``hmac.compare_digest`` guarantees where Python compares)."""
    return func.sha256(func.convert_to(cot, "UTF8")) == func.sha256(func.convert_to(token, "UTF8"))


def _cau_mot_cau(tim: Select[*tuple[Any, ...]], lien_ket: bool = False) -> Any:
    """The PostgreSQL acknowledgement as one statement, in autocommit: one round trip.

    The same SELECT as a CTE; an UPDATE that records the receipt only where every rule the
    use case checks holds, read from ``DIEU_KIEN_XAC_NHAN``: exactly one row found; the
    directive not recalled; the user known, of a role that may acknowledge, and acting for this
    body if it is a body's user; the copy, as it is now, still in the state read and that state
    one the event leaves; by a link (``lien_ket``), the link's token the copy's (``_cung_ma``).
    Lateness is ``gui_luc < nguong`` (``nguong_tre``: the same judgement as ``nhan_tre``). Then
    the log line inserted from what the UPDATE returned. It returns one row when it wrote, none
    when the guard held it back.
    """
    rule = DIEU_KIEN_XAC_NHAN
    table = cast(Table, NoiNhanVanBan.__table__)
    log = cast(Table, NhatKy.__table__)
    doc = tim.cte("doc")
    written = (
        update(table)
        .where(
            table.c.id == doc.c.id,
            table.c.trang_thai == doc.c.trang_thai,
            _trang_thai_duoc(doc.c.trang_thai),
            doc.c.vb_trang_thai != literal(rule.van_ban_closed.value),
            or_(*(doc.c.vai_tro == literal(v.value) for v in sorted(rule.vai_tro))),
            or_(
                doc.c.vai_tro != literal(rule.chi_co_quan_minh.value),
                doc.c.thay_cho == doc.c.ma_co_quan,
            ),
            select(func.count()).select_from(doc).scalar_subquery() == 1,
            *([_cung_ma(doc.c.ma_xac_nhan, bindparam("token", type_=String))] if lien_ket else []),
        )
        .values(
            trang_thai=literal(rule.dich.value),
            nhan_luc=bindparam("luc", type_=table.c.nhan_luc.type),
            tre=func.coalesce(
                doc.c.gui_luc < bindparam("nguong", type_=table.c.gui_luc.type), false()
            ),
        )
        .returning(table.c.id, table.c.tre)
        .cte("ghi")
    )
    columns = ["van_ban_id", "doi_tuong", "su_kien", "tu", "den", "nguoi", "luc", "chi_tiet"]
    line = select(
        doc.c.van_ban_id,
        literal("noi_nhan:") + cast_(doc.c.van_ban_id, String) + literal(":") + doc.c.ma_co_quan,
        literal(SuKienNoiNhan.xac_nhan.value),
        doc.c.trang_thai,
        literal(rule.dich.value),
        bindparam("ten", type_=log.c.nguoi.type),
        bindparam("luc", type_=log.c.luc.type),
        func.json_build_object(literal("tre"), written.c.tre),
    ).select_from(written.join(doc, doc.c.id == written.c.id))
    logged = insert(log).from_select(columns, line).returning(log.c.id).cte("nk")
    return select(doc.c.van_ban_id, doc.c.ma_co_quan, doc.c.so_ky_hieu, written.c.tre).select_from(
        written.join(doc, doc.c.id == written.c.id).join(logged, true())
    )


#: The lookup (``tim_xac_nhan``) by a recipient's link: ``ma_theo_doi`` names the copy; the
#: one-statement write also takes the link's ``token``.
LIEN_KET = "lien_ket"


@dataclass(frozen=True)
class _CauXacNhan:
    """The acknowledgement's statements, built once (building costs more than running them).

    ``tim``: one joined SELECT finds the recipient, its directive and the acting user (by token,
    by directive id, or by number and symbol), or the copy a link's tracking code names.
    ``ghi`` (SQLite) records the receipt only if the state is still the one read. ``mot_cau``
    (PostgreSQL): the whole acknowledgement as one statement (``_cau_mot_cau``), compiled once
    (``CompiledStatement``).
    """

    tim: dict[str, Any]
    ghi: Any
    mot_cau: dict[str, CompiledStatement]


def _cau_xac_nhan() -> _CauXacNhan:
    nn, vb = NoiNhanVanBan, VanBanRow
    base = _cau_tim()
    table = cast(Table, nn.__table__)
    record = (
        update(table)
        .where(
            table.c.id == bindparam("rid"),
            table.c.trang_thai == bindparam("tu"),
            _trang_thai_duoc(table.c.trang_thai),
        )
        .values(trang_thai=bindparam("den"), nhan_luc=bindparam("luc"), tre=bindparam("tre_moi"))
    )
    tim = {
        "token": base.where(nn.ma_xac_nhan == bindparam("token")),
        "id": base.where(vb.id == bindparam("khoa"), nn.ma_co_quan == bindparam("ma")),
        "so": base.where(vb.so_ky_hieu == bindparam("khoa"), nn.ma_co_quan == bindparam("ma")),
        LIEN_KET: _cau_tim(lien_ket=True).where(nn.ma_theo_doi == bindparam("ma_theo_doi")),
    }
    return _CauXacNhan(
        tim=tim,
        ghi=record,
        mot_cau={
            key: CompiledStatement(_cau_mot_cau(query, key == LIEN_KET))
            for key, query in tim.items()
        },
    )


_XAC_NHAN = _cau_xac_nhan()


@contextmanager
def plain_transaction(store: Store) -> Iterator[Connection]:
    """One transaction on a plain connection (no ORM session): committed at the end of the
    block, rolled back on any error."""
    with store.engine.begin() as conn:
        yield conn


@contextmanager
def read_connection(store: Store) -> Iterator[Connection]:
    """A connection for reading only (``Store.chi_doc``): what it began is rolled back at the
    end of the block."""
    with store.chi_doc.connect() as conn:
        yield conn


@contextmanager
def autocommit_connection(store: Store) -> Iterator[Connection]:
    """A connection in autocommit (``Store.autocommit``): each statement its own transaction."""
    with store.autocommit.connect() as conn:
        yield conn


def tim_xac_nhan(
    conn: SessionOrConnection, cach: str, tham_so: dict[str, Any]
) -> list[DongXacNhan]:
    """The rows an acknowledgement names: by ``cach`` "token" (``token``), "id" or "so"
    (``khoa`` and ``ma``), ``ten`` being the acting user; or :data:`LIEN_KET`
    (``ma_theo_doi``: the caller compares the token). Several or none: the caller refuses."""
    return [DongXacNhan(*row) for row in conn.execute(_XAC_NHAN.tim[cach], tham_so)]


def ghi_xac_nhan(
    conn: Connection, rid: int, tu: str, den: str, luc: dt.datetime, tre: bool
) -> bool:
    """Record the receipt of copy ``rid`` if it is still in ``tu`` (a state the event leaves);
    whether it was written (False: another acknowledgement moved it first)."""
    params = {"rid": rid, "tu": tu, "den": den, "luc": luc, "tre_moi": tre}
    return conn.execute(_XAC_NHAN.ghi, params).rowcount == 1


def xac_nhan_mot_cau(
    conn: Connection, cach: str, tham_so: dict[str, Any], luc: dt.datetime, nguong: dt.datetime
) -> DaXacNhan | None:
    """PostgreSQL, autocommit: the whole acknowledgement as one statement (see
    ``_cau_mot_cau``); what it wrote, or None when the guard held it back.

    Raises:
        StoreUnavailable: the server failed (``CompiledStatement.mot_dong``).
    """
    row = _XAC_NHAN.mot_cau[cach].mot_dong(conn, tham_so | {"luc": luc, "nguong": nguong})
    return None if row is None else DaXacNhan(*row)


# -- reports and rejections --------------------------------------------------------------


def noi_nhan_for_update(s: Session, van_ban_id: int, ma_co_quan: str) -> NoiNhanVanBan | None:
    """The recipient row, locked (a second request at once waits and sees the first), read
    afresh; None if the body is not a recipient."""
    return s.scalars(
        select(NoiNhanVanBan)
        .where(NoiNhanVanBan.van_ban_id == van_ban_id, NoiNhanVanBan.ma_co_quan == ma_co_quan)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def ghi_tu_choi(noi_nhan: NoiNhanVanBan, den: str, ly_do: str) -> None:
    """Record a rejection (gửi nhầm) on the locked recipient row, in its transaction."""
    noi_nhan.trang_thai = den
    noi_nhan.ly_do = ly_do


def save_bao_cao(
    s: Session,
    noi_nhan: NoiNhanVanBan,
    den: str,
    so_ky_hieu_tra_loi: str,
    tep: str | None,
    sha256: str | None,
    luc: dt.datetime,
) -> BaoCaoNhan:
    """Store a report from the locked recipient's body, against its task if the directive gives
    that body exactly one; the copy moves to ``den`` and counts as received."""
    tasks = s.scalars(
        select(NhiemVuRow.id)
        .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVuRow.id)
        .where(
            NhiemVuRow.van_ban_id == noi_nhan.van_ban_id,
            NhiemVuCoQuan.ma_co_quan == noi_nhan.ma_co_quan,
        )
    ).all()
    report = BaoCaoNhan(
        van_ban_id=noi_nhan.van_ban_id,
        nhiem_vu_id=tasks[0] if len(tasks) == 1 else None,
        ma_co_quan=noi_nhan.ma_co_quan,
        so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
        tep=tep,
        sha256=sha256,
        luc=luc,
    )
    s.add(report)
    if noi_nhan.nhan_luc is None:
        noi_nhan.nhan_luc = luc  # a report is also proof of receipt
    noi_nhan.trang_thai = den
    noi_nhan.bao_cao_luc = luc
    return report


# -- status table and overdue tasks ------------------------------------------------------


@dataclass(frozen=True)
class DauVanBan:
    """The head of a status table: the directive's number, subject and state."""

    so_ky_hieu: str | None
    trich_yeu: str
    trang_thai: str


@dataclass(frozen=True)
class DongNoiNhan:
    """One recipient as stored, for the status table (times as the database gives them)."""

    ma: str
    ten: str
    trang_thai: str
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool
    bao_cao_luc: dt.datetime | None


def dau_van_ban(s: SessionOrConnection, van_ban_id: int) -> DauVanBan:
    """The directive's number, subject and state."""
    return DauVanBan(
        *s.execute(
            select(VanBanRow.so_ky_hieu, VanBanRow.trich_yeu, VanBanRow.trang_thai).where(
                VanBanRow.id == van_ban_id
            )
        ).one()
    )


def cac_noi_nhan(s: Session, van_ban_id: int) -> list[DongNoiNhan]:
    """The directive's recipients in the order they were expanded, with the body's short name."""
    nn = NoiNhanVanBan
    return [
        DongNoiNhan(*row)
        for row in s.execute(
            select(
                nn.ma_co_quan,
                CoQuan.ten_ngan,
                nn.trang_thai,
                nn.gui_luc,
                nn.nhan_luc,
                nn.tre,
                nn.bao_cao_luc,
            )
            .join(CoQuan, CoQuan.ma == nn.ma_co_quan)
            .where(nn.van_ban_id == van_ban_id)
            .order_by(nn.id)
        )
    ]


@dataclass(frozen=True)
class ViecQuaHan:
    """A body that has not reported on a task whose deadline has passed."""

    so_ky_hieu: str
    van_ban_id: int
    nhiem_vu_id: int
    mo_ta: str
    han: dt.date
    ma_co_quan: str
    ten_co_quan: str
    so_ngay: int


#: Directives whose tasks are followed up (issued, or being followed).
_THEO_DOI = (TrangThaiVanBan.da_phat_hanh.value, TrangThaiVanBan.dang_theo_doi.value)


def viec_qua_han(hom_nay: dt.date | ColumnElement[Any]) -> tuple[ColumnElement[bool], ...]:
    """A task (``NhiemVuRow``, beside its ``VanBanRow``) is past its deadline on ``hom_nay``,
    asks for a report, and its directive is followed up: the rule of :func:`qua_han` and of
    the tracking page's count (``storage.trang_theo_doi``), apart from the report not sent."""
    return (
        NhiemVuRow.han < hom_nay,
        NhiemVuRow.bao_cao.is_(True),
        VanBanRow.trang_thai.in_(_THEO_DOI),
    )


def qua_han(s: Session, hom_nay: dt.date, van_ban_id: int | None = None) -> list[ViecQuaHan]:
    """Overdue (task, body) pairs without a report from that body on that directive, of one
    directive or all, by deadline."""
    reported = exists().where(
        BaoCaoNhan.van_ban_id == NhiemVuRow.van_ban_id,
        BaoCaoNhan.ma_co_quan == NhiemVuCoQuan.ma_co_quan,
    )
    query = (
        select(
            NhiemVuRow.id,
            NhiemVuRow.mo_ta,
            NhiemVuRow.han,
            NhiemVuCoQuan.ma_co_quan,
            CoQuan.ten_ngan,
            VanBanRow.id,
            VanBanRow.so_ky_hieu,
        )
        .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVuRow.id)
        .join(CoQuan, CoQuan.ma == NhiemVuCoQuan.ma_co_quan)
        .join(VanBanRow, VanBanRow.id == NhiemVuRow.van_ban_id)
        .where(*viec_qua_han(hom_nay), ~reported)
        .order_by(NhiemVuRow.han, NhiemVuRow.id, NhiemVuCoQuan.ma_co_quan)
    )
    if van_ban_id is not None:
        query = query.where(NhiemVuRow.van_ban_id == van_ban_id)
    return [
        ViecQuaHan(so or f"#{vid}", vid, tid, mo_ta, han, ma, ten, (hom_nay - han).days)
        for tid, mo_ta, han, ma, ten, vid, so in s.execute(query)
    ]


__all__ = [
    "LIEN_KET",
    "DaXacNhan",
    "DauVanBan",
    "DongNoiNhan",
    "DongXacNhan",
    "ViecQuaHan",
    "autocommit_connection",
    "cac_noi_nhan",
    "dau_van_ban",
    "ghi_tu_choi",
    "ghi_xac_nhan",
    "noi_nhan_for_update",
    "plain_transaction",
    "qua_han",
    "read_connection",
    "save_bao_cao",
    "tim_xac_nhan",
    "viec_qua_han",
    "xac_nhan_mot_cau",
]
