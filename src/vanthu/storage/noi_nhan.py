"""Recipient copies (bản gửi): rows from the expansion, what a run has left, and deliveries.

Every query of distribution lives here. A delivery is recorded once per body and channel in
``lan_gui``; the file channel also moves the recipient to đã gửi. Batches keep their cost flat:
recording a batch of file deliveries is one locked SELECT and one flush (the caller then writes
the batch's log lines in one multi-row INSERT).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..workflow import SuKienNoiNhan, TrangThaiNoiNhan, VaiTro, chuyen_noi_nhan
from .bang import CoQuan, LanGui, NoiNhanVanBan

KENH_TEP = "tep"  # the file-system channel: a folder per body
KENH_THU = "thu"  # the e-mail channel (thư): the same files, mailed to the body's address


@dataclass(frozen=True)
class BanSao:
    """One recipient's copy (bản sao) of a directive, and the body it goes to."""

    id: int
    ma_co_quan: str
    ten_co_quan: str
    email: str | None
    trang_thai: str
    ma_theo_doi: str
    ma_xac_nhan: str
    gui_luc: dt.datetime | None

    @property
    def dia_chi(self) -> str:
        """The body's e-mail address ('' when it has none)."""
        return (self.email or "").strip()


@dataclass(frozen=True)
class Viec:
    """What is left to do for one recipient in this run."""

    ban_sao: BanSao
    tep: bool  # its folder is not recorded as delivered yet
    thu: bool  # it has an address and its mail is not recorded as sent yet


class ConLai(NamedTuple):
    """The recipients that still need a channel, how many there are, those without address."""

    viec: list[Viec]
    tong: int
    khong_email: list[str]


@dataclass(frozen=True)
class DaGui:
    """A file delivery just recorded: the body, its state change, and where its folder is."""

    ma_co_quan: str
    tu: TrangThaiNoiNhan
    den: TrangThaiNoiNhan
    dia_chi: str


def _ban_sao(recipient: NoiNhanVanBan, body: CoQuan) -> BanSao:
    return BanSao(
        id=recipient.id,
        ma_co_quan=body.ma,
        ten_co_quan=body.ten,
        email=body.email,
        trang_thai=recipient.trang_thai,
        ma_theo_doi=recipient.ma_theo_doi,
        ma_xac_nhan=recipient.ma_xac_nhan,
        gui_luc=recipient.gui_luc,
    )


def ghi_nguoi_nhan(s: Session, van_ban_id: int, co_quan: Iterable[tuple[str, int]]) -> None:
    """Record each expanded body (code, Nơi nhận line) as a pending recipient, once."""
    have = set(
        s.scalars(select(NoiNhanVanBan.ma_co_quan).where(NoiNhanVanBan.van_ban_id == van_ban_id))
    )
    for ma, dong in co_quan:
        if ma in have:
            continue
        s.add(
            NoiNhanVanBan(
                van_ban_id=van_ban_id,
                ma_co_quan=ma,
                dong=dong,
                trang_thai=TrangThaiNoiNhan.cho_gui.value,
                ma_theo_doi=f"VB{van_ban_id}-{ma}",
                ma_xac_nhan=secrets.token_hex(12),
            )
        )


def con_lai(
    s: Session, van_ban_id: int, mailing: bool, chi: Collection[int] | None = None
) -> ConLai:
    """The recipients with a channel still to deliver (only ``chi``, if given), in order."""
    query = (
        select(NoiNhanVanBan, CoQuan)
        .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
        .where(NoiNhanVanBan.van_ban_id == van_ban_id)
        .order_by(NoiNhanVanBan.id)
    )
    mails = (
        select(LanGui.noi_nhan_id)
        .join(NoiNhanVanBan, NoiNhanVanBan.id == LanGui.noi_nhan_id)
        .where(NoiNhanVanBan.van_ban_id == van_ban_id, LanGui.kenh == KENH_THU)
    )
    if chi is not None:
        query = query.where(NoiNhanVanBan.id.in_(chi))
        mails = mails.where(LanGui.noi_nhan_id.in_(chi))
    rows = s.execute(query).all()
    mailed = set(s.scalars(mails)) if mailing else set()
    work: list[Viec] = []
    no_address: list[str] = []
    for recipient, body in rows:
        file_due = recipient.trang_thai == TrangThaiNoiNhan.cho_gui.value
        # A body that turned the directive back as misaddressed gets nothing more.
        wants_mail = mailing and recipient.trang_thai != TrangThaiNoiNhan.tu_choi.value
        if wants_mail and not (body.email or "").strip():
            no_address.append(body.ma)
            wants_mail = False
        mail_due = wants_mail and recipient.id not in mailed
        if file_due or mail_due:
            work.append(Viec(_ban_sao(recipient, body), file_due, mail_due))
    return ConLai(work, len(rows), no_address)


def ghi_lan_gui_tep(
    s: Session, ids: list[int], dia_chi: Mapping[int, str], luc: dt.datetime
) -> list[DaGui]:
    """Record the file deliveries of a batch and move those recipients to đã gửi; the ones
    recorded (one already recorded by another run is left as it is).

    The rows are locked first, in id order: a second distribution running at once waits here,
    then finds them delivered. Whatever the batch's size, that is one SELECT and one flush in
    which the ORM batches the UPDATEs and INSERTs. ``luc`` is UTC.
    """
    if not ids:
        return []
    locked = s.scalars(
        select(NoiNhanVanBan)
        .where(NoiNhanVanBan.id.in_(ids))
        .order_by(NoiNhanVanBan.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    done: list[DaGui] = []
    for recipient in locked:
        if recipient.trang_thai != TrangThaiNoiNhan.cho_gui.value:
            continue
        tu = TrangThaiNoiNhan(recipient.trang_thai)
        den = chuyen_noi_nhan(tu, SuKienNoiNhan.gui, VaiTro.van_thu)
        address = dia_chi[recipient.id]
        s.add(LanGui(noi_nhan_id=recipient.id, kenh=KENH_TEP, luc=luc, dia_chi=address))
        recipient.trang_thai = den.value
        recipient.gui_luc = luc
        done.append(DaGui(recipient.ma_co_quan, tu, den, address))
    return done


def ghi_lan_gui_thu(s: Session, noi_nhan_id: int, luc: dt.datetime, dia_chi: str) -> bool:
    """Record one mail the server accepted (False: another run recorded it first).

    The recipient's row is locked first, so two runs recording the same body queue here and
    the second finds the first's record instead of breaking the UNIQUE constraint. Its state
    does not move: đã gửi follows the file delivery. ``luc`` is UTC.
    """
    s.execute(select(NoiNhanVanBan.id).where(NoiNhanVanBan.id == noi_nhan_id).with_for_update())
    recorded = s.scalar(
        select(LanGui.id).where(LanGui.noi_nhan_id == noi_nhan_id, LanGui.kenh == KENH_THU)
    )
    if recorded is not None:
        return False
    s.add(LanGui(noi_nhan_id=noi_nhan_id, kenh=KENH_THU, luc=luc, dia_chi=dia_chi))
    return True


def ban_ke(s: Session, van_ban_id: int) -> list[tuple[BanSao, str | None]]:
    """Every recipient of a directive in order, with the address its copy was mailed to."""
    rows = s.execute(
        select(NoiNhanVanBan, CoQuan)
        .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
        .where(NoiNhanVanBan.van_ban_id == van_ban_id)
        .order_by(NoiNhanVanBan.id)
    ).all()
    mailed: dict[int, str] = {
        noi_nhan_id: address
        for noi_nhan_id, address in s.execute(
            select(LanGui.noi_nhan_id, LanGui.dia_chi)
            .join(NoiNhanVanBan, NoiNhanVanBan.id == LanGui.noi_nhan_id)
            .where(NoiNhanVanBan.van_ban_id == van_ban_id, LanGui.kenh == KENH_THU)
        )
    }
    return [(_ban_sao(r, c), mailed.get(r.id)) for r, c in rows]
