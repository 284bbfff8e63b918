"""Stored directives (VanBanRow) and their log (nhật ký): lookups, state changes, log lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Exists, Table, exists, insert, select, update
from sqlalchemy.orm import Session

from ..errors import ConcurrentChange, NotFound, Refused
from ..schemas import VanBan
from ..schemas.gio import utc
from ..schemas.khong_dau import khong_dau
from ..workflow import TrangThaiVanBan
from .bang import CoQuan, LanGui, NhatKy, NhiemVuCoQuan, NhiemVuRow, NoiNhanVanBan, VanBanRow

#: The log as a plain table: an INSERT through it skips the ORM's unit of work.
_NHAT_KY = cast(Table, NhatKy.__table__)
#: Built once: constructing a statement per event costs more than running it.
_GHI_NHAT_KY = insert(_NHAT_KY)


# --- The log: one function builds a line, one writes lines ------------------------------------


def dong_nhat_ky(
    van_ban_id: int | None,
    doi_tuong: str,
    su_kien: str,
    nguoi: str,
    luc: dt.datetime,
    tu: str | None = None,
    den: str | None = None,
    **chi_tiet: Any,
) -> dict[str, Any]:
    """One event of the log (dòng: line), as :func:`ghi_dong_nhat_ky` writes it.

    ``van_ban_id`` is None for a line of no directive (users, the directory, a reserved
    number); ``luc`` is stored in UTC; ``chi_tiet`` holds the event's details (JSON).
    """
    return {
        "van_ban_id": van_ban_id,
        "doi_tuong": doi_tuong,
        "su_kien": su_kien,
        "tu": tu,
        "den": den,
        "nguoi": nguoi,
        "luc": utc(luc),
        "chi_tiet": chi_tiet,
    }


#: How the log names an event on a recipient's copy: ``noi_nhan:<directive>:<body>``.
TIEN_TO_NOI_NHAN = "noi_nhan:"


def ghi_dong_nhat_ky(s: Session | Connection, *dong: Mapping[str, Any]) -> None:
    """Append lines made by :func:`dong_nhat_ky` to the log, in the caller's transaction (a
    session's, or a connection's), in one statement: a batch costs one round trip."""
    if dong:
        (s.connection() if isinstance(s, Session) else s).execute(_GHI_NHAT_KY, list(dong))


def nhat_ky_cua(s: Session, van_ban_id: int, chi_van_ban: bool = False) -> Sequence[NhatKy]:
    """Every logged event of a directive and its recipients, oldest first; with
    ``chi_van_ban``, the directive's own events only (none of its recipients': a distribution
    to 3,000 bodies logs 3,000 lines)."""
    query = select(NhatKy).where(NhatKy.van_ban_id == van_ban_id)
    if chi_van_ban:
        query = query.where(~NhatKy.doi_tuong.startswith(TIEN_TO_NOI_NHAN, autoescape=True))
    return s.scalars(query.order_by(NhatKy.id)).all()


# --- Directives -------------------------------------------------------------------------------


def id_van_ban(s: Session | Connection, khoa: int | str, ten: str | None = None) -> int:
    """The id of the stored directive with id ``khoa`` (an int) or number and symbol (a str,
    such as "18/CĐ-UBND"); ``ten`` is how the caller named it (for the messages).

    Raises:
        NotFound: no such directive.
        Refused: the number and symbol name several (two years, or a secret register).
    """
    if isinstance(khoa, int):
        rows = s.execute(select(VanBanRow.id, VanBanRow.nam).where(VanBanRow.id == khoa))
    else:
        rows = s.execute(
            select(VanBanRow.id, VanBanRow.nam)
            .where(VanBanRow.so_ky_hieu == khoa)
            .order_by(VanBanRow.id)
        )
    found = rows.all()
    name = str(khoa) if ten is None else ten
    if not found:
        raise NotFound("directive", name)
    if len(found) > 1:
        ids = ", ".join(f"#{i} ({nam})" for i, nam in found)
        raise Refused(name, f"trùng với nhiều văn bản ({ids}); hãy ghi mã số thay vào")
    return int(found[0][0])


def van_ban_theo_khoa(
    s: Session, khoa: int | str, ten: str | None = None, for_update: bool = False
) -> VanBanRow:
    """The stored directive named by ``khoa`` (see :func:`id_van_ban`).

    ``for_update`` locks the row until the transaction ends (PostgreSQL; SQLite writers are
    serialised by BEGIN IMMEDIATE) and reads it afresh.
    """
    row = s.get(
        VanBanRow,
        id_van_ban(s, khoa, ten),
        with_for_update=for_update or None,
        populate_existing=for_update,
    )
    assert row is not None
    return row


def payload_cua(vb: VanBan) -> dict[str, Any]:
    """A directive's payload: the whole directive file as it is stored (JSON, defaults left out)."""
    return vb.model_dump(mode="json", exclude_defaults=True)


def van_ban_cua(row: VanBanRow, hom_nay: dt.date) -> VanBan:
    """The stored content as a validated directive."""
    return VanBan.model_validate(row.payload, context={"hom_nay": hom_nay})


def them_du_thao(s: Session, vb: VanBan, nguoi_soan: str, luc: dt.datetime) -> VanBanRow:
    """Store a new draft (dự thảo) of ``vb``; its id is assigned (flushed)."""
    row = VanBanRow(
        loai=vb.loai.value,
        ky_hieu=vb.ky_hieu_day_du,
        trich_yeu=" ".join((vb.trich_yeu or "").split()),
        payload=payload_cua(vb),
        trang_thai=TrangThaiVanBan.du_thao.value,
        nguoi_soan=nguoi_soan,
        tao_luc=utc(luc),
        cap_nhat_luc=utc(luc),
    )
    s.add(row)
    s.flush()
    return row


def sua_noi_dung(s: Session, row: VanBanRow, vb: VanBan, luc: dt.datetime) -> int:
    """Replace a draft's content with ``vb``, its state unchanged and its version bumped,
    only if neither moved since ``row`` was read; the new version.

    Raises:
        ConcurrentChange: another transaction changed the state or the version since.
    """
    version = row.phien_ban
    result = s.execute(
        update(VanBanRow)
        .where(
            VanBanRow.id == row.id,
            VanBanRow.trang_thai == row.trang_thai,
            VanBanRow.phien_ban == version,
        )
        .values(
            loai=vb.loai.value,
            ky_hieu=vb.ky_hieu_day_du,
            trich_yeu=" ".join((vb.trich_yeu or "").split()),
            payload=payload_cua(vb),
            phien_ban=VanBanRow.phien_ban + 1,
            cap_nhat_luc=utc(luc),
        )
        .execution_options(synchronize_session="fetch")
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChange(f"văn bản #{row.id}", row.trang_thai)
    return version + 1


def doi_trang_thai(
    s: Session, row: VanBanRow, dich: TrangThaiVanBan, luc: dt.datetime, **values: Any
) -> None:
    """Write the new state (and ``values``) only if the stored state is still what was read.

    Raises:
        ConcurrentChange: another transaction changed the state since ``row`` was read.
    """
    result = s.execute(
        update(VanBanRow)
        .where(VanBanRow.id == row.id, VanBanRow.trang_thai == row.trang_thai)
        .values(
            trang_thai=dich.value,
            phien_ban=VanBanRow.phien_ban + 1,
            cap_nhat_luc=utc(luc),
            **values,
        )
        .execution_options(synchronize_session="fetch")
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChange(f"văn bản #{row.id}", row.trang_thai)


def trung_so_ky_hieu(s: Session, nam: int, so_ky_hieu: str) -> list[int]:
    """The ids of the directives of year ``nam`` that already carry ``so_ky_hieu`` (twins)."""
    return list(
        s.scalars(
            select(VanBanRow.id).where(VanBanRow.nam == nam, VanBanRow.so_ky_hieu == so_ky_hieu)
        ).all()
    )


def tep_da_ban_hanh(s: Session, van_ban_id: int) -> dict[str, str | None] | None:
    """The frozen files of a directive as stored (path → SHA-256): the DOCX, the PDF, and the
    PDF its leader signs or signed (before the number: prepared or signed at Duyệt), those it
    has; None if there is no such directive."""
    row = s.get(VanBanRow, van_ban_id)
    if row is None:
        return None
    return {
        path: digest
        for path, digest in (
            (row.docx_duong_dan, row.docx_sha256),
            (row.pdf_duong_dan, row.pdf_sha256),
            (row.ban_chuan_bi_duong_dan, row.ban_chuan_bi_sha256),
        )
        if path
    }


def nguoi_duyet(s: Session, van_ban_id: int) -> str | None:
    """The leader who last approved (duyệt) the directive, from its log; None if nobody did."""
    return s.scalars(
        select(NhatKy.nguoi)
        .where(
            NhatKy.van_ban_id == van_ban_id,
            NhatKy.doi_tuong == f"van_ban:{van_ban_id}",
            NhatKy.su_kien == "duyet",
        )
        .order_by(NhatKy.id.desc())
        .limit(1)
    ).first()


def ghi_nhiem_vu(
    s: Session,
    van_ban_id: int,
    doan: int,
    mo_ta: str,
    han: dt.date,
    bao_cao: bool,
    ma_co_quan: Iterable[str],
) -> int:
    """Record one task a directive assigns, with the bodies it falls to; its id."""
    row = NhiemVuRow(van_ban_id=van_ban_id, doan=doan, mo_ta=mo_ta, han=han, bao_cao=bao_cao)
    s.add(row)
    s.flush()
    s.add_all(NhiemVuCoQuan(nhiem_vu_id=row.id, ma_co_quan=c) for c in ma_co_quan)
    return row.id


# --- What a recall reads of the copies sent (storage/noi_nhan.py and danh_ba.py once merged) ---


def noi_nhan_da_gui(s: Session, van_ban_id: int) -> Sequence[NoiNhanVanBan]:
    """The recipient copies of a directive that were sent."""
    return s.scalars(
        select(NoiNhanVanBan).where(
            NoiNhanVanBan.van_ban_id == van_ban_id, NoiNhanVanBan.gui_luc.is_not(None)
        )
    ).all()


def dia_chi_da_gui(s: Session, van_ban_id: int, kenh: str) -> dict[int, str]:
    """Recipient copy id → the address it was sent to on channel ``kenh``."""
    return {
        noi_nhan_id: dia_chi
        for noi_nhan_id, dia_chi in s.execute(
            select(LanGui.noi_nhan_id, LanGui.dia_chi)
            .join(NoiNhanVanBan, NoiNhanVanBan.id == LanGui.noi_nhan_id)
            .where(NoiNhanVanBan.van_ban_id == van_ban_id, LanGui.kenh == kenh)
        ).all()
    }


def ten_co_quan(s: Session) -> dict[str, str]:
    """Every body of the directory: code → name."""
    return {ma: ten for ma, ten in s.execute(select(CoQuan.ma, CoQuan.ten)).all()}


# --- The list of directives (the desk's Văn bản page) -------------------------------------------


def danh_sach_van_ban(
    s: Session,
    trang_thai: Sequence[str] | None,
    gioi_han: int,
    tim: str = "",
    gui_den: str | None = None,
) -> Sequence[VanBanRow]:
    """Directives newest first, in the given states (None: all), at most ``gioi_han``; with
    ``tim``, only those whose number and symbol, symbol or subject hold every word of it,
    diacritics and case ignored (the same on SQLite and PostgreSQL: the comparison is made
    here, on the three short columns, and only the matches are loaded whole); with
    ``gui_den``, only those sent to that body (see :func:`da_gui_den`)."""
    query = select(VanBanRow.id).order_by(VanBanRow.cap_nhat_luc.desc(), VanBanRow.id.desc())
    if trang_thai is not None:
        query = query.where(VanBanRow.trang_thai.in_(list(trang_thai)))
    if gui_den is not None:
        query = query.where(_ban_da_gui(gui_den).where(NoiNhanVanBan.van_ban_id == VanBanRow.id))
    words = khong_dau(tim).split()
    if words:
        columns = query.add_columns(VanBanRow.so_ky_hieu, VanBanRow.ky_hieu, VanBanRow.trich_yeu)
        ids = [
            row[0]
            for row in s.execute(columns)
            if all(w in khong_dau(" ".join(filter(None, row[1:]))) for w in words)
        ][:gioi_han]
    else:
        ids = list(s.scalars(query.limit(gioi_han)))
    rows = {r.id: r for r in s.scalars(select(VanBanRow).where(VanBanRow.id.in_(ids)))}
    return [rows[i] for i in ids]


def _ban_da_gui(ma_co_quan: str) -> Exists:
    """A copy of the directive was sent to the body (a copy recorded but not sent yet is not:
    the body has nothing to read)."""
    return exists().where(
        NoiNhanVanBan.ma_co_quan == ma_co_quan, NoiNhanVanBan.gui_luc.is_not(None)
    )


def da_gui_den(s: Session, van_ban_id: int, ma_co_quan: str) -> bool:
    """The directive was sent to the body."""
    found = s.execute(
        select(_ban_da_gui(ma_co_quan).where(NoiNhanVanBan.van_ban_id == van_ban_id))
    ).scalar()
    return bool(found)
