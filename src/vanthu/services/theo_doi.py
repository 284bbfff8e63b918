"""Tracking (theo dõi): acknowledgements, reports back, per-recipient status, overdue tasks."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound, Refused
from ..storage import Kho
from ..storage.bang import BaoCaoNhan, CoQuan, NhiemVu, NhiemVuCoQuan, NoiNhanVanBan, VanBanLuu
from ..workflow import (
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    TrangThaiVanBan,
    VaiTro,
    chuyen_noi_nhan,
    nhan_tre,
)
from .dong_ho import DongHo, bay_gio, gio_viet_nam
from .nguoi_dung import nguoi_dung
from .vong_doi import THU_MUC_MAC_DINH, ghi_nhat_ky, ten_tep, thu_muc_van_ban, tim_van_ban, utc

DA_NHAN = {TrangThaiNoiNhan.da_nhan.value, TrangThaiNoiNhan.da_bao_cao.value}


@dataclass(frozen=True)
class KetQuaXacNhan:
    """An acknowledgement: who, when, whether late, and whether it had been given before."""

    so_ky_hieu: str
    ma_co_quan: str
    nhan_luc: dt.datetime
    tre: bool
    da_co: bool


@dataclass(frozen=True)
class DongTrangThai:
    """One recipient's line of the status table."""

    ma: str
    ten: str
    trang_thai: TrangThaiNoiNhan
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool
    bao_cao_luc: dt.datetime | None
    qua_han: bool  # a task deadline passed without the report it asked for


@dataclass(frozen=True)
class BangTrangThai:
    """The per-recipient table of one directive, and its totals."""

    so_ky_hieu: str
    trich_yeu: str
    trang_thai: TrangThaiVanBan
    dong: list[DongTrangThai]

    def tong(self) -> dict[str, int]:
        """Totals: recipients, sent, acknowledged, late, reported, overdue, not acknowledged."""
        rows = self.dong
        return {
            "noi_nhan": len(rows),
            "da_gui": sum(r.gui_luc is not None for r in rows),
            "da_nhan": sum(r.nhan_luc is not None for r in rows),
            "nhan_tre": sum(r.tre for r in rows),
            "da_bao_cao": sum(r.bao_cao_luc is not None for r in rows),
            "qua_han": sum(r.qua_han for r in rows),
            "chua_nhan": sum(r.gui_luc is not None and r.nhan_luc is None for r in rows),
        }


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


class TheoDoi:
    """Tracking use cases on one store."""

    def __init__(
        self, kho: Kho, thu_muc: Path = THU_MUC_MAC_DINH, dong_ho: DongHo = bay_gio
    ) -> None:
        self.kho = kho
        self.thu_muc = thu_muc
        self.dong_ho = dong_ho

    # -- acknowledgement -------------------------------------------------------------------

    def xac_nhan(
        self,
        ten_nguoi: str,
        khoa: str | None = None,
        ma_co_quan: str | None = None,
        ma_xac_nhan: str | None = None,
    ) -> KetQuaXacNhan:
        """Record that a body received a directive: by (directive, body) or by slip token.

        Repeating it changes nothing. A body that is not a recipient, a recalled directive,
        or a user acting for another body is refused.
        """
        now = self.dong_ho()
        with self.kho.giao_dich() as s:
            recipient, row = self._noi_nhan(s, khoa, ma_co_quan, ma_xac_nhan)
            user = nguoi_dung(s, ten_nguoi)
            role = VaiTro(user.vai_tro)
            if role is VaiTro.don_vi_nhan and user.ma_co_quan != recipient.ma_co_quan:
                raise Refused(
                    f"user '{ten_nguoi}'",
                    f"acts for '{user.ma_co_quan}', not for '{recipient.ma_co_quan}'",
                )
            assert row.so_ky_hieu is not None
            if recipient.trang_thai in DA_NHAN and recipient.nhan_luc is not None:
                received = gio_viet_nam(recipient.nhan_luc)
                assert received is not None
                return KetQuaXacNhan(
                    row.so_ky_hieu, recipient.ma_co_quan, received, recipient.tre, True
                )
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            den = chuyen_noi_nhan(tu, SuKienNoiNhan.xac_nhan, role)
            sent = gio_viet_nam(recipient.gui_luc)
            # A clock set before the sending (VANTHU_NOW) cannot make a receipt late.
            late = sent is not None and now >= sent and nhan_tre(sent, now)
            recipient.trang_thai = den.value
            recipient.nhan_luc = utc(now)
            recipient.tre = late
            ghi_nhat_ky(
                s,
                row.id,
                f"noi_nhan:{row.id}:{recipient.ma_co_quan}",
                "xac_nhan",
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                tre=late,
            )
            return KetQuaXacNhan(row.so_ky_hieu, recipient.ma_co_quan, now, late, False)

    def _noi_nhan(
        self, s: Session, khoa: str | None, ma: str | None, token: str | None
    ) -> tuple[NoiNhanVanBan, VanBanLuu]:
        if token:
            recipient = s.scalars(
                select(NoiNhanVanBan).where(NoiNhanVanBan.ma_xac_nhan == token)
            ).first()
            if recipient is None:
                raise NotFound("acknowledgement token", token)
            row = s.get(VanBanLuu, recipient.van_ban_id)
            assert row is not None
        else:
            if not khoa or not ma:
                raise Refused("acknowledgement", "name the directive and the body, or give --token")
            row = tim_van_ban(s, khoa)
            found = s.scalars(
                select(NoiNhanVanBan).where(
                    NoiNhanVanBan.van_ban_id == row.id, NoiNhanVanBan.ma_co_quan == ma
                )
            ).first()
            if found is None:
                raise Refused(f"'{ma}'", f"is not a recipient of {row.so_ky_hieu or khoa}")
            recipient = found
        if row.trang_thai == TrangThaiVanBan.thu_hoi.value:
            raise Refused(
                f"{row.so_ky_hieu}", "has been recalled (thu hồi); nothing to acknowledge"
            )
        return recipient, row

    # -- reports ---------------------------------------------------------------------------

    def bao_cao(
        self,
        ten_nguoi: str,
        khoa: str,
        ma_co_quan: str,
        so_ky_hieu_tra_loi: str,
        tep: Path | None = None,
    ) -> BaoCaoNhan:
        """Store a report sent back by a body against the directive's tasks (hashed file).

        The report counts for every task of the directive assigned to that body.
        """
        now = self.dong_ho()
        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, khoa)
            recipient = s.scalars(
                select(NoiNhanVanBan).where(
                    NoiNhanVanBan.van_ban_id == row.id, NoiNhanVanBan.ma_co_quan == ma_co_quan
                )
            ).first()
            if recipient is None:
                raise Refused(f"'{ma_co_quan}'", f"is not a recipient of {row.so_ky_hieu or khoa}")
            if row.trang_thai == TrangThaiVanBan.thu_hoi.value:
                raise Refused(f"{row.so_ky_hieu}", "has been recalled (thu hồi)")
            user = nguoi_dung(s, ten_nguoi)
            role = VaiTro(user.vai_tro)
            if role is VaiTro.don_vi_nhan and user.ma_co_quan != ma_co_quan:
                raise Refused(f"user '{ten_nguoi}'", f"acts for '{user.ma_co_quan}'")
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            den = (
                chuyen_noi_nhan(tu, SuKienNoiNhan.bao_cao, role)
                if tu is not TrangThaiNoiNhan.da_bao_cao
                else tu
            )
            stored, digest = None, None
            if tep is not None:
                if not tep.is_file():
                    raise NotFound("report file", str(tep))
                assert row.nam and row.so_ky_hieu
                folder = thu_muc_van_ban(self.thu_muc, row.nam, row.so_ky_hieu)
                target = folder / ten_tep(ma_co_quan) / "bao-cao"
                target.mkdir(parents=True, exist_ok=True)
                stored_path = target / f"{ten_tep(so_ky_hieu_tra_loi)}{tep.suffix}"
                shutil.copyfile(tep, stored_path)
                stored, digest = str(stored_path), hashlib.sha256(tep.read_bytes()).hexdigest()
            tasks = s.scalars(
                select(NhiemVu.id)
                .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVu.id)
                .where(NhiemVu.van_ban_id == row.id, NhiemVuCoQuan.ma_co_quan == ma_co_quan)
            ).all()
            report = BaoCaoNhan(
                van_ban_id=row.id,
                nhiem_vu_id=tasks[0] if len(tasks) == 1 else None,
                ma_co_quan=ma_co_quan,
                so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
                tep=stored,
                sha256=digest,
                luc=utc(now),
            )
            s.add(report)
            if recipient.nhan_luc is None:
                recipient.nhan_luc = utc(now)  # a report is also proof of receipt
            recipient.trang_thai = den.value
            recipient.bao_cao_luc = utc(now)
            ghi_nhat_ky(
                s,
                row.id,
                f"noi_nhan:{row.id}:{ma_co_quan}",
                "bao_cao",
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                so_ky_hieu_tra_loi=so_ky_hieu_tra_loi,
                sha256=digest,
            )
            return report

    # -- status and follow-up --------------------------------------------------------------

    def trang_thai(self, khoa: str) -> BangTrangThai:
        """The per-recipient status table of one directive."""
        today = self.dong_ho().date()
        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, khoa)
            overdue = {v.ma_co_quan for v in self._qua_han(s, today, row.id)}
            lines = [
                DongTrangThai(
                    ma=c.ma,
                    ten=c.ten_ngan,
                    trang_thai=TrangThaiNoiNhan(r.trang_thai),
                    gui_luc=gio_viet_nam(r.gui_luc),
                    nhan_luc=gio_viet_nam(r.nhan_luc),
                    tre=r.tre,
                    bao_cao_luc=gio_viet_nam(r.bao_cao_luc),
                    qua_han=c.ma in overdue,
                )
                for r, c in s.execute(
                    select(NoiNhanVanBan, CoQuan)
                    .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
                    .where(NoiNhanVanBan.van_ban_id == row.id)
                    .order_by(NoiNhanVanBan.id)
                )
            ]
            return BangTrangThai(
                row.so_ky_hieu or f"#{row.id}",
                row.trich_yeu,
                TrangThaiVanBan(row.trang_thai),
                lines,
            )

    def qua_han(self, khoa: str | None = None) -> list[ViecQuaHan]:
        """Every body that owes a report on a task past its deadline (of one directive, or all)."""
        today = self.dong_ho().date()
        with self.kho.giao_dich() as s:
            van_ban_id = tim_van_ban(s, khoa).id if khoa else None
            return self._qua_han(s, today, van_ban_id)

    @staticmethod
    def _qua_han(s: Session, today: dt.date, van_ban_id: int | None) -> list[ViecQuaHan]:
        query = (
            select(NhiemVu, NhiemVuCoQuan.ma_co_quan, CoQuan.ten_ngan, VanBanLuu)
            .join(NhiemVuCoQuan, NhiemVuCoQuan.nhiem_vu_id == NhiemVu.id)
            .join(CoQuan, CoQuan.ma == NhiemVuCoQuan.ma_co_quan)
            .join(VanBanLuu, VanBanLuu.id == NhiemVu.van_ban_id)
            .where(
                NhiemVu.han < today,
                NhiemVu.can_bao_cao.is_(True),
                VanBanLuu.trang_thai.in_(
                    [TrangThaiVanBan.da_phat_hanh.value, TrangThaiVanBan.dang_theo_doi.value]
                ),
            )
            .order_by(NhiemVu.han, NhiemVu.id, NhiemVuCoQuan.ma_co_quan)
        )
        if van_ban_id is not None:
            query = query.where(NhiemVu.van_ban_id == van_ban_id)
        reported = {(r.van_ban_id, r.ma_co_quan) for r in s.scalars(select(BaoCaoNhan))}
        return [
            ViecQuaHan(
                vb.so_ky_hieu or f"#{vb.id}",
                vb.id,
                task.id,
                task.mo_ta,
                task.han,
                ma,
                ten,
                (today - task.han).days,
            )
            for task, ma, ten, vb in s.execute(query)
            if (vb.id, ma) not in reported
        ]
