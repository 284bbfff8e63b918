"""Storage of the recipient's link (liên kết): one copy found by its tracking code, and what its
body was asked to do and has done — nothing of any other body."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .bang import BaoCaoNhan, CoQuan, NhiemVuCoQuan, NhiemVuRow, NoiNhanVanBan, VanBanRow


@dataclass(frozen=True)
class BanSaoLienKet:
    """One recipient's copy as its link finds it: the copy, its directive and its body."""

    noi_nhan: NoiNhanVanBan
    van_ban: VanBanRow
    co_quan: CoQuan


@dataclass(frozen=True)
class NhiemVuCuaCoQuan:
    """A task of the directive assigned to the body."""

    mo_ta: str
    han: dt.date
    can_bao_cao: bool


@dataclass(frozen=True)
class BaoCaoDaGui:
    """A report the body sent back."""

    so_ky_hieu_tra_loi: str
    luc: dt.datetime
    co_tep: bool


def ban_sao_theo_ma(s: Session, ma_theo_doi: str) -> BanSaoLienKet | None:
    """The copy whose tracking code is ``ma_theo_doi`` (unique), with its directive and body;
    None if there is none. The caller compares the secret."""
    row = s.execute(
        select(NoiNhanVanBan, VanBanRow, CoQuan)
        .join(VanBanRow, VanBanRow.id == NoiNhanVanBan.van_ban_id)
        .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
        .where(NoiNhanVanBan.ma_theo_doi == ma_theo_doi)
    ).first()
    return None if row is None else BanSaoLienKet(*row)


def nhiem_vu_cua(s: Session, van_ban_id: int, ma_co_quan: str) -> list[NhiemVuCuaCoQuan]:
    """The directive's tasks assigned to one body, by deadline."""
    return [
        NhiemVuCuaCoQuan(*row)
        for row in s.execute(
            select(NhiemVuRow.mo_ta, NhiemVuRow.han, NhiemVuRow.bao_cao)
            .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVuRow.id)
            .where(NhiemVuRow.van_ban_id == van_ban_id, NhiemVuCoQuan.ma_co_quan == ma_co_quan)
            .order_by(NhiemVuRow.han, NhiemVuRow.id)
        )
    ]


def bao_cao_cua(s: Session, van_ban_id: int, ma_co_quan: str) -> list[BaoCaoDaGui]:
    """The reports one body sent back on a directive, oldest first."""
    return [
        BaoCaoDaGui(so, luc, tep is not None)
        for so, luc, tep in s.execute(
            select(BaoCaoNhan.so_ky_hieu_tra_loi, BaoCaoNhan.luc, BaoCaoNhan.tep)
            .where(BaoCaoNhan.van_ban_id == van_ban_id, BaoCaoNhan.ma_co_quan == ma_co_quan)
            .order_by(BaoCaoNhan.id)
        )
    ]


__all__ = [
    "BanSaoLienKet",
    "BaoCaoDaGui",
    "NhiemVuCuaCoQuan",
    "ban_sao_theo_ma",
    "bao_cao_cua",
    "nhiem_vu_cua",
]


def ma_lien_ket(
    s: Session, van_ban_id: int, ma_co_quan: str, da_gui: bool = False
) -> tuple[str, str] | None:
    """The tracking code and secret of one body's copy of a directive; None if the directive
    has no copy for it (``da_gui``: none sent to it yet)."""
    query = select(NoiNhanVanBan.ma_theo_doi, NoiNhanVanBan.ma_xac_nhan).where(
        NoiNhanVanBan.van_ban_id == van_ban_id, NoiNhanVanBan.ma_co_quan == ma_co_quan
    )
    if da_gui:
        query = query.where(NoiNhanVanBan.gui_luc.is_not(None))
    row = s.execute(query).first()
    return None if row is None else (row[0], row[1])
