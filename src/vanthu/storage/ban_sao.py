"""The copies' register (sổ bản sao): a copy's number, taken with its row, and its frozen files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..schemas.ban_sao import SO_DANG_KY_BAN_SAO
from .bang import BanSaoRow
from .so_dang_ky import ghi_dong_so_dang_ky, lay_so_moi


def so_dang_ky_ban_sao(ky_hieu_co_quan: str) -> str:
    """The copies' register of a copying body: '<issuer>:ban_sao'."""
    return f"{ky_hieu_co_quan}:{SO_DANG_KY_BAN_SAO}"


def lay_so_ban_sao(s: Session, ky_hieu_co_quan: str, nam: int) -> int:
    """The next copy number of a body for a year, in the caller's transaction (held until
    commit, as every register number: see :func:`.so_dang_ky.lay_so_moi`)."""
    return lay_so_moi(s, so_dang_ky_ban_sao(ky_hieu_co_quan), nam)


def them_ban_sao(
    s: Session,
    *,
    ky_hieu_co_quan: str,
    so: int,
    so_ky_hieu: str,
    hinh_thuc: str,
    dien_tu: bool,
    van_ban_id: int,
    muc: list[int],
    payload: dict[str, Any],
    nguoi: str,
    luc: dt.datetime,
    tep: dict[str, tuple[str, str]],
    ghi_chu: str,
) -> BanSaoRow:
    """Store a copy and its register line, in the caller's transaction; its id is assigned.

    Args:
        tep: ``"docx"``/``"pdf"`` → (issued path, SHA-256); an electronic copy has no DOCX.
        ghi_chu: the register line's note (the form, the copy's number, what it copies).
    """
    register = so_dang_ky_ban_sao(ky_hieu_co_quan)
    docx = tep.get("docx")
    row = BanSaoRow(
        so_dang_ky=register,
        nam=luc.year,
        so=so,
        so_ky_hieu=so_ky_hieu,
        hinh_thuc=hinh_thuc,
        dien_tu=dien_tu,
        van_ban_id=van_ban_id,
        muc=muc,
        payload=payload,
        nguoi=nguoi,
        luc=luc,
        docx_duong_dan=docx[0] if docx else None,
        docx_sha256=docx[1] if docx else None,
        pdf_duong_dan=tep["pdf"][0],
        pdf_sha256=tep["pdf"][1],
    )
    s.add(row)
    # The register line names no directive: the copy is not the directive it copies.
    ghi_dong_so_dang_ky(s, register, so, luc.date(), None, ghi_chu)
    s.flush()
    return row


def tep_ban_sao(s: Session, ban_sao_id: int) -> dict[str, str | None] | None:
    """The frozen files of a copy as stored (path → SHA-256); None if there is no such copy."""
    row = s.get(BanSaoRow, ban_sao_id)
    if row is None:
        return None
    files: dict[str, str | None] = {row.pdf_duong_dan: row.pdf_sha256}
    if row.docx_duong_dan:
        files[row.docx_duong_dan] = row.docx_sha256
    return files


def ban_sao_cua_van_ban(s: Session, van_ban_id: int) -> list[BanSaoRow]:
    """The copies made of a directive, by number."""
    return list(
        s.scalars(
            select(BanSaoRow)
            .where(BanSaoRow.van_ban_id == van_ban_id)
            .order_by(BanSaoRow.nam, BanSaoRow.so)
        )
    )
