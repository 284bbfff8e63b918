"""The outgoing register (sổ đăng ký đi): the next number, reserved numbers, the lines of a year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..errors import ConcurrentChange
from ..schemas.gio import utc
from .bang import DemSo, DongSoDangKy, NoiNhanVanBan, VanBanRow


def lay_so_moi(s: Session, so_dang_ky: str, nam: int) -> int:
    """The next number of a register for a year, taken inside the caller's transaction.

    The counter row is created on first use and incremented with UPDATE … RETURNING, which
    holds the row (PostgreSQL) or the database (SQLite, BEGIN IMMEDIATE) until commit: two
    issuers can never take the same number, and a rolled-back issue leaves no gap.
    """
    dialect = s.get_bind().dialect.name
    upsert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    s.execute(
        upsert(DemSo).values(so_dang_ky=so_dang_ky, nam=nam, so_cuoi=0).on_conflict_do_nothing()
    )
    return int(
        s.execute(
            update(DemSo)
            .where(DemSo.so_dang_ky == so_dang_ky, DemSo.nam == nam)
            .values(so_cuoi=DemSo.so_cuoi + 1)
            .returning(DemSo.so_cuoi)
        ).scalar_one()
    )


def ghi_dong_so_dang_ky(
    s: Session,
    so_dang_ky: str,
    so: int,
    ngay: dt.date,
    van_ban_id: int | None = None,
    ghi_chu: str = "",
) -> None:
    """Write the register line of a number taken (in the year of ``ngay``): the directive it
    went to, or none (a reserved number) with a note."""
    s.add(
        DongSoDangKy(
            so_dang_ky=so_dang_ky,
            nam=ngay.year,
            so=so,
            van_ban_id=van_ban_id,
            ngay=ngay,
            ghi_chu=ghi_chu,
        )
    )


def huy_so(
    s: Session, so_dang_ky: str, nam: int, so: int, van_ban_id: int, luc: dt.datetime, ghi_chu: str
) -> None:
    """Void (hủy) the register line of number ``so`` taken by directive ``van_ban_id``: it
    stays in the register, marked voided with ``ghi_chu``, and is never taken again.

    Raises:
        ConcurrentChange: no such live line (voided meanwhile, or never written).
    """
    result = s.execute(
        update(DongSoDangKy)
        .where(
            DongSoDangKy.so_dang_ky == so_dang_ky,
            DongSoDangKy.nam == nam,
            DongSoDangKy.so == so,
            DongSoDangKy.van_ban_id == van_ban_id,
            DongSoDangKy.huy_luc.is_(None),
        )
        .values(huy_luc=utc(luc), ghi_chu=ghi_chu)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChange(f"dòng sổ {so_dang_ky} năm {nam} số {so}", "da_huy")


def dong_cua_van_ban(s: Session, van_ban_id: int, so: int, nam: int) -> DongSoDangKy | None:
    """The live register line of a directive's number."""
    return s.scalars(
        select(DongSoDangKy).where(
            DongSoDangKy.van_ban_id == van_ban_id,
            DongSoDangKy.so == so,
            DongSoDangKy.nam == nam,
            DongSoDangKy.huy_luc.is_(None),
        )
    ).first()


def giu_so_moi(s: Session, so_dang_ky: str, ngay: dt.date, ghi_chu: str) -> int:
    """Reserve the next number of a register for a document outside vanthu: the number, taken
    and written with its note and no directive, in the caller's transaction."""
    so = lay_so_moi(s, so_dang_ky, ngay.year)
    ghi_dong_so_dang_ky(s, so_dang_ky, so, ngay, None, ghi_chu)
    return so


def dong_cua_nam(s: Session, nam: int) -> list[tuple[DongSoDangKy, VanBanRow | None]]:
    """The register lines of a year with the directive of each (None for a reserved number),
    by register then number."""
    rows = s.execute(
        select(DongSoDangKy, VanBanRow)
        .outerjoin(VanBanRow, VanBanRow.id == DongSoDangKy.van_ban_id)
        .where(DongSoDangKy.nam == nam)
        .order_by(DongSoDangKy.so_dang_ky, DongSoDangKy.so)
    )
    return [(line, row) for line, row in rows]


def so_ban_gui(s: Session) -> dict[int, int]:
    """Directive id → how many recipient copies it has."""
    return {
        van_ban_id: count
        for van_ban_id, count in s.execute(
            select(NoiNhanVanBan.van_ban_id, func.count()).group_by(NoiNhanVanBan.van_ban_id)
        ).all()
    }
