"""Distribution (phát hành): every recipient body gets the identical issued files and its own slip.

Idempotent and resumable. The recipients are recorded first (pending); each body's folder
``output/<year>/<số ký hiệu>/<code>/`` is then written and its delivery recorded in the store.
A delivery recorded is never repeated; a body whose files were written but whose record was
lost (the process died) is written again — the same bytes — and recorded. When every body is
delivered, the directive moves to đã phát hành and ``manifest.json`` lists what went where.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Refused
from ..rendering.phieu_gui import NoiDungPhieuGui, TrinhPhieuGui
from ..schemas import LoaiVanBan
from ..storage import Kho
from ..storage.bang import CoQuan, LanGui, NoiNhanVanBan, VanBanLuu
from ..workflow import (
    SuKienNoiNhan,
    SuKienVanBan,
    TrangThaiNoiNhan,
    TrangThaiVanBan,
    VaiTro,
    chuyen_noi_nhan,
    chuyen_van_ban,
)
from .danh_ba import NguoiNhanMoRong, mo_rong_noi_nhan
from .dong_ho import DongHo, bay_gio
from .nguoi_dung import nguoi_dung
from .vong_doi import (
    THU_MUC_MAC_DINH,
    _doi_trang_thai,
    ghi_nhat_ky,
    ten_tep,
    thu_muc_van_ban,
    tim_van_ban,
    utc,
    van_ban_cua,
)

KENH_TEP = "tep"  # the file-system channel: a folder per body
#: Deliveries recorded per transaction: a crash repeats at most this many (idempotent) writes.
LO_GHI = 50

TienDo = Callable[[int, int], None]


@dataclass(frozen=True)
class KetQuaPhatHanh:
    """What one distribution run did."""

    so_ky_hieu: str
    tong: int
    da_gui_truoc: int
    gui_moi: int
    thu_muc: Path
    xong: bool


def _ngay_viet(ngay: dt.date) -> str:
    return f"{ngay.day:02d}/{ngay.month:02d}/{ngay.year}"


class PhatHanh:
    """Distribution use cases on one store and output folder."""

    def __init__(
        self, kho: Kho, thu_muc: Path = THU_MUC_MAC_DINH, dong_ho: DongHo = bay_gio
    ) -> None:
        self.kho = kho
        self.thu_muc = thu_muc
        self.dong_ho = dong_ho
        self._phieu: TrinhPhieuGui | None = None

    def xem_truoc(self, khoa: str) -> list[NguoiNhanMoRong]:
        """The bodies the Nơi nhận expands to, for the clerk to see before distributing."""
        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, khoa)
            return mo_rong_noi_nhan(s, van_ban_cua(row, self.dong_ho().date()))

    def phat_hanh(self, ten_nguoi: str, khoa: str, tien_do: TienDo | None = None) -> KetQuaPhatHanh:
        """Distribute an issued directive to every body; safe to run again after a crash.

        Raises:
            TransitionRefused: not issued yet, recalled, or the actor is not a văn thư.
            Refused: the Nơi nhận names bodies or groups the directory lacks.
        """
        now = self.dong_ho()
        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, khoa, khoa_dong=True)
            user = nguoi_dung(s, ten_nguoi)
            state = TrangThaiVanBan(row.trang_thai)
            if state is not TrangThaiVanBan.da_phat_hanh:
                # Checks role and state now; the state moves only once all are delivered.
                chuyen_van_ban(state, SuKienVanBan.phat_hanh, VaiTro(user.vai_tro))
            elif VaiTro(user.vai_tro) is not VaiTro.van_thu:
                raise Refused(f"user '{ten_nguoi}'", "only a văn thư distributes")
            assert row.so_ky_hieu and row.nam and row.ngay and row.pdf_duong_dan
            self._ghi_nguoi_nhan(s, row, now)
            van_ban_id, so_ky_hieu = row.id, row.so_ky_hieu
            folder = thu_muc_van_ban(self.thu_muc, row.nam, row.so_ky_hieu)
            originals = [Path(row.docx_duong_dan or ""), Path(row.pdf_duong_dan)]
            title = self._dong_van_ban(row)
            issuer = " ".join(van_ban_cua(row, now.date()).co_quan.split())

        pending, total, done_before = self._cho_gui(van_ban_id)
        sent = 0
        for start in range(0, len(pending), LO_GHI):
            batch = pending[start : start + LO_GHI]
            written = [
                self._ghi_thu_muc(folder, originals, body, title, issuer, now) for body in batch
            ]
            with self.kho.giao_dich() as s:
                for body, address in zip(batch, written, strict=True):
                    self._ghi_lan_gui(s, van_ban_id, body, address, ten_nguoi, now)
            sent += len(batch)
            if tien_do:
                tien_do(done_before + sent, total)

        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, str(van_ban_id), khoa_dong=True)
            left = s.scalar(
                select(NoiNhanVanBan.id)
                .where(
                    NoiNhanVanBan.van_ban_id == van_ban_id,
                    NoiNhanVanBan.trang_thai == TrangThaiNoiNhan.cho_gui.value,
                )
                .limit(1)
            )
            finished = left is None
            if finished and row.trang_thai == TrangThaiVanBan.da_ban_hanh.value:
                tu = TrangThaiVanBan(row.trang_thai)
                den = chuyen_van_ban(tu, SuKienVanBan.phat_hanh, VaiTro.van_thu)
                _doi_trang_thai(s, row, den, now)
                ghi_nhat_ky(
                    s,
                    van_ban_id,
                    f"van_ban:{van_ban_id}",
                    "phat_hanh",
                    ten_nguoi,
                    now,
                    tu=tu.value,
                    den=den.value,
                    so_noi_nhan=total,
                )
            self._ghi_manifest(s, van_ban_id, folder, originals)
        return KetQuaPhatHanh(so_ky_hieu, total, done_before, sent, folder, finished)

    def _ghi_nguoi_nhan(self, s: Session, row: VanBanLuu, now: dt.datetime) -> None:
        """Record each expanded body as a pending recipient (once)."""
        have = set(
            s.scalars(select(NoiNhanVanBan.ma_co_quan).where(NoiNhanVanBan.van_ban_id == row.id))
        )
        for body in mo_rong_noi_nhan(s, van_ban_cua(row, now.date())):
            if body.ma in have:
                continue
            s.add(
                NoiNhanVanBan(
                    van_ban_id=row.id,
                    ma_co_quan=body.ma,
                    dong=body.dong,
                    trang_thai=TrangThaiNoiNhan.cho_gui.value,
                    ma_theo_doi=f"VB{row.id}-{body.ma}",
                    ma_xac_nhan=secrets.token_hex(12),
                )
            )

    def _cho_gui(self, van_ban_id: int) -> tuple[list[tuple[NoiNhanVanBan, CoQuan]], int, int]:
        """Recipients still pending (with their bodies), the total, and how many were done."""
        with self.kho.giao_dich() as s:
            rows = s.execute(
                select(NoiNhanVanBan, CoQuan)
                .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
                .where(NoiNhanVanBan.van_ban_id == van_ban_id)
                .order_by(NoiNhanVanBan.id)
            ).all()
            pending = [(r, c) for r, c in rows if r.trang_thai == TrangThaiNoiNhan.cho_gui.value]
            for r, c in pending:
                s.expunge(r)
                s.expunge(c)
            return pending, len(rows), len(rows) - len(pending)

    def _ghi_thu_muc(
        self,
        folder: Path,
        originals: list[Path],
        body: tuple[NoiNhanVanBan, CoQuan],
        title: str,
        issuer: str,
        now: dt.datetime,
    ) -> str:
        """Write one body's folder: the identical issued files and its transmittal slip."""
        recipient, co_quan = body
        target = folder / ten_tep(co_quan.ma)
        target.mkdir(parents=True, exist_ok=True)
        for original in originals:
            shutil.copyfile(original, target / original.name)
        if self._phieu is None:
            self._phieu = TrinhPhieuGui()
        slip = self._phieu.ve(
            NoiDungPhieuGui(
                co_quan_gui=issuer,
                co_quan_nhan=co_quan.ten,
                van_ban=title,
                ma_theo_doi=recipient.ma_theo_doi,
                ngay_gui=now.date(),
                ma_xac_nhan=recipient.ma_xac_nhan,
                qr=f"vanthu:ack:{recipient.ma_theo_doi}:{recipient.ma_xac_nhan}",
            )
        )
        (target / "phieu-gui.pdf").write_bytes(slip)
        return str(target)

    @staticmethod
    def _ghi_lan_gui(
        s: Session,
        van_ban_id: int,
        body: tuple[NoiNhanVanBan, CoQuan],
        address: str,
        ten_nguoi: str,
        now: dt.datetime,
    ) -> None:
        """Record one delivery and move the recipient to đã gửi (skip if already recorded)."""
        recipient = s.get(NoiNhanVanBan, body[0].id)
        assert recipient is not None
        if recipient.trang_thai != TrangThaiNoiNhan.cho_gui.value:
            return
        tu = TrangThaiNoiNhan(recipient.trang_thai)
        den = chuyen_noi_nhan(tu, SuKienNoiNhan.gui, VaiTro.van_thu)
        s.add(LanGui(noi_nhan_id=recipient.id, kenh=KENH_TEP, luc=utc(now), dia_chi=address))
        recipient.trang_thai = den.value
        recipient.gui_luc = utc(now)
        ghi_nhat_ky(
            s,
            van_ban_id,
            f"noi_nhan:{van_ban_id}:{recipient.ma_co_quan}",
            "gui",
            ten_nguoi,
            now,
            tu=tu.value,
            den=den.value,
            kenh=KENH_TEP,
            dia_chi=address,
        )

    @staticmethod
    def _dong_van_ban(row: VanBanLuu) -> str:
        """'Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc …' for the slip."""
        assert row.ngay is not None
        name = LoaiVanBan(row.loai).info.ten.capitalize()
        subject = row.trich_yeu
        if subject.lower().startswith("về việc "):
            subject = subject[len("Về việc ") :]
        return f"{name} số {row.so_ky_hieu} ngày {_ngay_viet(row.ngay)} về việc {subject}"

    @staticmethod
    def _ghi_manifest(s: Session, van_ban_id: int, folder: Path, originals: list[Path]) -> None:
        """manifest.json: the issued files with their SHA-256, and each body's delivery."""
        rows = s.execute(
            select(NoiNhanVanBan, CoQuan)
            .join(CoQuan, CoQuan.ma == NoiNhanVanBan.ma_co_quan)
            .where(NoiNhanVanBan.van_ban_id == van_ban_id)
            .order_by(NoiNhanVanBan.id)
        ).all()
        manifest = {
            "van_ban": [
                {"tep": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                for p in originals
            ],
            "noi_nhan": [
                {
                    "ma": c.ma,
                    "ten": c.ten,
                    "ma_theo_doi": r.ma_theo_doi,
                    "trang_thai": r.trang_thai,
                    "thu_muc": ten_tep(c.ma),
                }
                for r, c in rows
            ],
        }
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "manifest.json"
        path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
