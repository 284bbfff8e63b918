"""Distribution (phát hành): every recipient body gets the identical issued files and its own slip.

Idempotent and resumable. The recipients are recorded first (pending); each body's folder
``output/<year>/<số ký hiệu>/<code>/`` is then written and its delivery recorded in the store.
A delivery recorded is never repeated; a body whose files were written but whose record was
lost (the process died) is written again — the same bytes — and recorded. When every body is
delivered, the directive moves to đã phát hành and ``manifest.json`` lists what went where.

Each body's folder appears complete or not at all: it is filled in the run's scratch folder
(:class:`.ghi_tep.KhuTam`) after its slip is drawn, and renamed into place. A body that cannot be
delivered — its slip cannot be drawn (a character the face lacks, a name too long), or its code
cannot name a folder (:func:`.duong_dan.ten_an_toan`) — gets no folder, stays pending, and its
reason is logged (``gui_loi``); every other body is delivered and recorded, and the run ends
with :class:`~vanthu.errors.DeliveryFailed` naming each such body. Per body, not all or
nothing: one misspelt body in the directory must not hold back an urgent công điện from the
other 52, and a re-run after the fix delivers only what is left. A folder that cannot be
written at all (an unwritable or full disk) stops the run with an OutputError naming it, after
recording what the batch did deliver.

Two channels (kênh), each recorded once per body in ``lan_gui``: the file system (``tep``,
always) and e-mail (``thu``, when configured: see :mod:`.kenh_thu`). A body with an address is
mailed the files of its folder right after the folder is written, and both deliveries are
recorded in one transaction. A mail the server refuses leaves that body pending for e-mail
only — its file delivery stands, it is listed in the result, and the next run retries it; the
directive is đã phát hành once every channel that applies has delivered to every body. Mail is
at least once: a crash between the server's acceptance and the commit resends that one mail
(with the same Message-ID), which is why a run that mails records each body on its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import threading
from collections.abc import Callable, Collection
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DeliveryFailed, OutputError, Refused, VanthuError
from ..rendering.loi_van import dong_van_ban, tieu_de_thu
from ..rendering.phieu_gui import NoiDungPhieuGui, TrinhPhieuGui
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
from .dong_ho import DongHo, bay_gio, gio_viet_nam
from .duong_dan import nam_trong, ten_an_toan, trong_goc
from .ghi_tep import KhuTam, ghi_nguyen_tu, ghi_thu_muc
from .ghi_tep import dat_ban_goc as dat_ban_goc  # where body folders get the originals
from .kenh_thu import KENH_THU, CauHinhThu, NoiDungThu, PhienThu, cau_hinh_thu, ma_thu, soan_thu
from .nguoi_dung import nguoi_dung
from .vong_doi import (
    _doi_trang_thai,
    dong_nhat_ky,
    ghi_cac_dong_nhat_ky,
    ghi_nhat_ky,
    hoan_tat_cac_ban_hanh,
    thu_muc_van_ban,
    tim_van_ban,
    utc,
    van_ban_cua,
)

KENH_TEP = "tep"  # the file-system channel: a folder per body
#: Deliveries recorded per transaction: a crash repeats at most this many (idempotent) writes.
LO_GHI = 50
#: The same when mailing: a mail is not idempotent, so a crash may resend only the one in flight.
LO_GHI_THU = 1
#: Threads drawing slips and writing folders at once: Typst releases the GIL while it lays a
#: slip out, so two threads draw 3,000 slips in about 60 % of the time one takes (2 cores).
LUONG_VE = min(4, os.cpu_count() or 1)
#: What is attached to a body's mail besides the issued PDF and DOCX.
PHIEU_GUI = "phieu-gui.pdf"

TienDo = Callable[[int, int], None]


@dataclass(frozen=True)
class ThuLoi:
    """A mail that did not go: the body stays pending for e-mail, and a re-run retries it."""

    ma_co_quan: str
    dia_chi: str
    loi: str


@dataclass(frozen=True)
class KetQuaPhatHanh:
    """What one distribution run did.

    ``gui_moi`` and ``da_gui_truoc`` count file deliveries (the recipient's đã gửi); the
    ``thu…`` fields say what the e-mail channel did, when it was on (``thu``).
    """

    so_ky_hieu: str
    tong: int
    da_gui_truoc: int
    gui_moi: int
    thu_muc: Path
    xong: bool
    thu: bool = False
    thu_moi: int = 0
    thu_loi: tuple[ThuLoi, ...] = ()
    khong_email: tuple[str, ...] = ()
    """Bodies with no address in the directory: delivered by the file system only."""


@dataclass(frozen=True)
class _Viec:
    """What is left to do for one recipient in this run."""

    noi_nhan: NoiNhanVanBan
    co_quan: CoQuan
    tep: bool  # its folder is not recorded as delivered yet
    thu: bool  # it has an address and its mail is not recorded as sent yet

    @property
    def dia_chi(self) -> str:
        return (self.co_quan.email or "").strip()


class _ConLai(NamedTuple):
    """The recipients that still need a channel, how many there are, those without address."""

    viec: list[_Viec]
    tong: int
    khong_email: list[str]


@dataclass(frozen=True)
class _BanGui:
    """What every body of one run receives, and who sends it when."""

    van_ban_id: int
    thu_muc: Path
    ban_goc: list[Path]
    """The issued DOCX and PDF."""
    dong_van_ban: str
    tieu_de: str
    co_quan_gui: str
    nguoi: str
    luc: dt.datetime


class PhatHanh:
    """Distribution use cases on one store and output folder."""

    def __init__(
        self,
        kho: Kho,
        dong_ho: DongHo = bay_gio,
        thu: CauHinhThu | None = None,
        thu_muc: Path | None = None,
    ) -> None:
        """``thu`` configures the e-mail channel; without it, ``VANTHU_SMTP_*`` is read when
        distributing (so a bad setting fails ``distribute``, not every command). ``thu_muc`` is
        the output root: issues a dead process left staged there are finished first."""
        self.kho = kho
        self.dong_ho = dong_ho
        self.thu = thu
        self.thu_muc = thu_muc
        self._phieu = threading.local()  # one slip renderer per drawing thread

    def cau_hinh_thu(self, gui_thu: bool | None = None) -> CauHinhThu | None:
        """The e-mail settings a run uses: None when off (``gui_thu`` False, or not configured).

        Raises:
            Refused: ``gui_thu`` is True but the channel is not configured, or badly.
        """
        if gui_thu is False:
            return None
        settings = self.thu if self.thu is not None else cau_hinh_thu()
        if settings is None and gui_thu:
            raise Refused(
                "the e-mail channel", "not configured: set VANTHU_SMTP_HOST and VANTHU_SMTP_FROM"
            )
        return settings

    def xem_truoc(self, khoa: str) -> list[NguoiNhanMoRong]:
        """The bodies the Nơi nhận expands to, for the clerk to see before distributing."""
        with self.kho.giao_dich() as s:
            row = tim_van_ban(s, khoa)
            return mo_rong_noi_nhan(s, van_ban_cua(row, self.dong_ho().date()))

    def phat_hanh(
        self,
        ten_nguoi: str,
        khoa: str,
        tien_do: TienDo | None = None,
        gui_thu: bool | None = None,
    ) -> KetQuaPhatHanh:
        """Distribute an issued directive to every body; safe to run again after a crash.

        Args:
            gui_thu: mail each body with an address too; None: when the channel is configured.

        Raises:
            TransitionRefused: not issued yet, recalled, or the actor is not a văn thư.
            Refused: the Nơi nhận names bodies or groups the directory lacks; e-mail asked for
                but not (or badly) configured.
            OutputError: a folder cannot be written, or an issued file is missing; what was
                delivered before it is recorded, and a re-run delivers the rest.
            DeliveryFailed: some bodies could not be delivered (a slip that cannot be drawn, a
                code that cannot name a folder): they have no folder and stay pending, each
                reason is logged, and every other body is delivered and recorded.
        """
        settings = self.cau_hinh_thu(gui_thu)
        if self.thu_muc is not None:
            hoan_tat_cac_ban_hanh(self.kho, self.thu_muc)
        mailing = settings is not None
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
            if self.thu_muc is not None:
                nam_trong(self.thu_muc, thu_muc_van_ban(row))
            for original in (row.docx_duong_dan or "", row.pdf_duong_dan):
                if not Path(original).is_file():
                    raise OutputError(original, "the issued file is missing: nothing was sent")
            self._ghi_nguoi_nhan(s, row, now)
            van_ban_id, so_ky_hieu = row.id, row.so_ky_hieu
            ban = _BanGui(
                van_ban_id=row.id,
                thu_muc=thu_muc_van_ban(row),
                ban_goc=[Path(row.docx_duong_dan or ""), Path(row.pdf_duong_dan)],
                dong_van_ban=self._dong_van_ban(row),
                tieu_de=self._tieu_de(row),
                co_quan_gui=" ".join(van_ban_cua(row, now.date()).co_quan.split()),
                nguoi=ten_nguoi,
                luc=now,
            )

        with self.kho.giao_dich() as s:
            work, total, _ = self._con_lai(s, van_ban_id, mailing)
        done_before = total - sum(v.tep for v in work)
        done = total - len(work)
        sent = mailed = 0
        failures: list[ThuLoi] = []
        undelivered: dict[str, str] = {}
        size = LO_GHI_THU if mailing else LO_GHI
        # Folders and files are made in this run's scratch folder and renamed into place.
        with KhuTam.mo(ban.thu_muc) as khu:
            with (
                PhienThu(settings) if settings else nullcontext(None) as session,
                ThreadPoolExecutor(LUONG_VE, thread_name_prefix="phieu-gui") as pool,
            ):
                for start in range(0, len(work), size):
                    ids = [v.noi_nhan.id for v in work[start : start + size]]
                    files, mails, refused, not_written = self._mot_lo(ban, ids, session, pool, khu)
                    undelivered.update(not_written)
                    sent += files
                    mailed += mails
                    failures.extend(refused)
                    done += len(ids)
                    if tien_do:
                        tien_do(done, total)

            with self.kho.giao_dich() as s:
                row = tim_van_ban(s, str(van_ban_id), khoa_dong=True)
                left, _, no_address = self._con_lai(s, van_ban_id, mailing)
                finished = not left
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
                self._ghi_manifest(s, van_ban_id, ban.thu_muc, ban.ban_goc, khu)
                pending = sum(v.tep for v in left)
        if undelivered:
            raise DeliveryFailed(so_ky_hieu, total - pending, total, list(undelivered.items()))
        return KetQuaPhatHanh(
            so_ky_hieu,
            total,
            done_before,
            sent,
            ban.thu_muc,
            finished,
            thu=mailing,
            thu_moi=mailed,
            thu_loi=tuple(failures),
            khong_email=tuple(no_address),
        )

    def _mot_lo(
        self,
        ban: _BanGui,
        ids: list[int],
        session: PhienThu | None,
        pool: Executor,
        khu: KhuTam,
    ) -> tuple[int, int, list[ThuLoi], dict[str, str]]:
        """One batch: write the folders (on ``pool``'s threads), send the mails, record both in
        one transaction.

        A body whose folder cannot be made (its slip cannot be drawn, its code cannot name a
        folder) gets no folder and no mail; it stays pending and the reason is logged.

        Returns:
            The file deliveries and the mails recorded, the mails that did not go, and the
            bodies not delivered (code → reason).

        Raises:
            OutputError: a folder cannot be written (after recording what the batch delivered).
        """
        with self.kho.giao_dich() as s:  # what another run may have done meanwhile
            batch = self._con_lai(s, ban.van_ban_id, session is not None, ids).viec
        folders: dict[int, Future[str]] = {}
        for v in batch:
            if v.tep:
                day = ban.luc.date()
            elif v.thu and not self._day_du(ban, v):
                # Mail for a body delivered earlier whose folder is gone: its slip is written
                # again as it was, dated the day it was sent.
                day = (gio_viet_nam(v.noi_nhan.gui_luc) or ban.luc).date()
            else:
                continue
            folders[v.noi_nhan.id] = pool.submit(
                self._ghi_thu_muc,
                ban.thu_muc,
                ban.ban_goc,
                (v.noi_nhan, v.co_quan),
                ban.dong_van_ban,
                ban.co_quan_gui,
                day,
                khu,
            )
        written: dict[int, str] = {}
        not_written: dict[int, str] = {}
        fatal: OutputError | None = None
        for key, folder in folders.items():
            try:
                written[key] = folder.result()
            except OutputError as error:
                fatal = fatal or error
                not_written[key] = str(error)
            except VanthuError as error:
                not_written[key] = str(error)
        accepted: dict[int, str] = {}
        refused: list[ThuLoi] = []
        for v in batch:
            if session is None or not v.thu or v.noi_nhan.id in not_written or fatal:
                continue
            problem = self._gui_thu(session, ban, v)
            if problem is None:
                accepted[v.noi_nhan.id] = ma_thu(
                    v.noi_nhan.ma_theo_doi,
                    v.noi_nhan.ma_xac_nhan,
                    session.cau_hinh.mien_ma_thu,
                )
            else:
                refused.append(ThuLoi(v.co_quan.ma, v.dia_chi, problem))
        mails = 0
        delivered = [v.noi_nhan.id for v in batch if v.tep and v.noi_nhan.id in written]
        with self.kho.giao_dich() as s:
            files = self._ghi_lan_gui(s, ban, delivered, written)
            for v in batch:
                key = v.noi_nhan.id
                if key in accepted and self._ghi_thu(s, ban, v, accepted[key]):
                    mails += 1
            for failure in refused:
                ghi_nhat_ky(
                    s,
                    ban.van_ban_id,
                    f"noi_nhan:{ban.van_ban_id}:{failure.ma_co_quan}",
                    "gui_thu_loi",
                    ban.nguoi,
                    ban.luc,
                    kenh=KENH_THU,
                    dia_chi=failure.dia_chi,
                    loi=failure.loi,
                )
            for v in batch:
                if v.noi_nhan.id in not_written:
                    ghi_nhat_ky(
                        s,
                        ban.van_ban_id,
                        f"noi_nhan:{ban.van_ban_id}:{v.co_quan.ma}",
                        "gui_loi",
                        ban.nguoi,
                        ban.luc,
                        kenh=KENH_TEP,
                        loi=not_written[v.noi_nhan.id],
                    )
        if fatal is not None:
            raise fatal
        reasons = {
            v.co_quan.ma: not_written[v.noi_nhan.id] for v in batch if v.noi_nhan.id in not_written
        }
        return files, mails, refused, reasons

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

    @staticmethod
    def _con_lai(
        s: Session, van_ban_id: int, mailing: bool, chi: Collection[int] | None = None
    ) -> _ConLai:
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
        work: list[_Viec] = []
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
                s.expunge(recipient)
                s.expunge(body)
                work.append(_Viec(recipient, body, file_due, mail_due))
        return _ConLai(work, len(rows), no_address)

    @staticmethod
    def _day_du(ban: _BanGui, v: _Viec) -> bool:
        """Whether a body's folder still holds every file its mail attaches."""
        try:
            target = _thu_muc_co_quan(ban.thu_muc, v.co_quan.ma)
        except VanthuError:
            return False
        names = [*(p.name for p in ban.ban_goc), PHIEU_GUI]
        return all((target / name).is_file() for name in names)

    @staticmethod
    def _gui_thu(session: PhienThu, ban: _BanGui, v: _Viec) -> str | None:
        """Mail one body the files of its folder; None when the server took it, else why not."""
        docx, pdf = ban.ban_goc
        try:
            target = _thu_muc_co_quan(ban.thu_muc, v.co_quan.ma)
            message = soan_thu(
                NoiDungThu(
                    dia_chi=v.dia_chi,
                    co_quan_nhan=v.co_quan.ten,
                    co_quan_gui=ban.co_quan_gui,
                    tieu_de=ban.tieu_de,
                    van_ban=ban.dong_van_ban,
                    ma_theo_doi=v.noi_nhan.ma_theo_doi,
                    ma_xac_nhan=v.noi_nhan.ma_xac_nhan,
                    dinh_kem=(target / pdf.name, target / docx.name, target / PHIEU_GUI),
                    luc=ban.luc,
                ),
                session.cau_hinh,
            )
        except (ValueError, OSError, VanthuError) as error:
            return str(error)
        return session.gui(message)

    def _ghi_thu_muc(
        self,
        folder: Path,
        originals: list[Path],
        body: tuple[NoiNhanVanBan, CoQuan],
        title: str,
        issuer: str,
        ngay_gui: dt.date,
        khu: KhuTam,
    ) -> str:
        """Write one body's folder: the identical issued files and its transmittal slip.

        The slip is drawn first and the folder appears complete or not at all, so a slip that
        cannot be drawn leaves no folder. Runs on a drawing thread: it touches files and this
        thread's slip renderer, never the store.

        Raises:
            Refused: the body's code cannot name a folder. RenderError: the slip cannot be drawn.
            OutputError: the folder cannot be written, or would leave the directive's folder.
        """
        recipient, co_quan = body
        target = _thu_muc_co_quan(folder, co_quan.ma)
        renderer: TrinhPhieuGui | None = getattr(self._phieu, "trinh", None)
        if renderer is None:
            renderer = self._phieu.trinh = TrinhPhieuGui()
        slip = renderer.ve(
            NoiDungPhieuGui(
                co_quan_gui=issuer,
                co_quan_nhan=co_quan.ten,
                van_ban=title,
                ma_theo_doi=recipient.ma_theo_doi,
                ngay_gui=ngay_gui,
                ma_xac_nhan=recipient.ma_xac_nhan,
                qr=f"vanthu:ack:{recipient.ma_theo_doi}:{recipient.ma_xac_nhan}",
            )
        )
        files: dict[str, bytes | Path] = {p.name: p for p in originals}
        files[PHIEU_GUI] = slip
        ghi_thu_muc(target, files, khu)
        return str(target)

    @staticmethod
    def _ghi_lan_gui(s: Session, ban: _BanGui, ids: list[int], written: dict[int, str]) -> int:
        """Record the file deliveries of a batch and move those recipients to đã gửi; how many
        were recorded (one already recorded by another run is left as it is).

        The rows are locked first, in id order: a second distribution running at once waits
        here, then finds them delivered. Whatever the batch's size, that is one SELECT, one
        multi-row log INSERT, and one flush in which the ORM batches the UPDATEs and INSERTs.
        """
        if not ids:
            return 0
        locked = s.scalars(
            select(NoiNhanVanBan)
            .where(NoiNhanVanBan.id.in_(ids))
            .order_by(NoiNhanVanBan.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()
        lines = []
        for recipient in locked:
            if recipient.trang_thai != TrangThaiNoiNhan.cho_gui.value:
                continue
            tu = TrangThaiNoiNhan(recipient.trang_thai)
            den = chuyen_noi_nhan(tu, SuKienNoiNhan.gui, VaiTro.van_thu)
            address = written[recipient.id]
            s.add(
                LanGui(noi_nhan_id=recipient.id, kenh=KENH_TEP, luc=utc(ban.luc), dia_chi=address)
            )
            recipient.trang_thai = den.value
            recipient.gui_luc = utc(ban.luc)
            lines.append(
                dong_nhat_ky(
                    ban.van_ban_id,
                    f"noi_nhan:{ban.van_ban_id}:{recipient.ma_co_quan}",
                    "gui",
                    ban.nguoi,
                    ban.luc,
                    tu=tu.value,
                    den=den.value,
                    kenh=KENH_TEP,
                    dia_chi=address,
                )
            )
        ghi_cac_dong_nhat_ky(s, lines)
        return len(lines)

    @staticmethod
    def _ghi_thu(s: Session, ban: _BanGui, v: _Viec, message_id: str) -> bool:
        """Record one mail the server accepted (False: another run recorded it first).

        The recipient's row is locked first, so two runs recording the same body queue here and
        the second finds the first's record instead of breaking the UNIQUE constraint. Its state
        does not move: đã gửi follows the file delivery.
        """
        s.execute(
            select(NoiNhanVanBan.id).where(NoiNhanVanBan.id == v.noi_nhan.id).with_for_update()
        )
        recorded = s.scalar(
            select(LanGui.id).where(LanGui.noi_nhan_id == v.noi_nhan.id, LanGui.kenh == KENH_THU)
        )
        if recorded is not None:
            return False
        s.add(LanGui(noi_nhan_id=v.noi_nhan.id, kenh=KENH_THU, luc=utc(ban.luc), dia_chi=v.dia_chi))
        ghi_nhat_ky(
            s,
            ban.van_ban_id,
            f"noi_nhan:{ban.van_ban_id}:{v.co_quan.ma}",
            "gui_thu",
            ban.nguoi,
            ban.luc,
            kenh=KENH_THU,
            dia_chi=v.dia_chi,
            message_id=message_id,
        )
        return True

    @staticmethod
    def _tieu_de(row: VanBanLuu) -> str:
        """The mail's Subject: 'Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc …'."""
        assert row.ngay is not None
        return tieu_de_thu(row.loai, row.so_ky_hieu, row.ngay, row.trich_yeu)

    @staticmethod
    def _dong_van_ban(row: VanBanLuu) -> str:
        """'Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc …' for the slip."""
        assert row.ngay is not None
        return dong_van_ban(row.loai, row.so_ky_hieu, row.ngay, row.trich_yeu)

    @staticmethod
    def _ghi_manifest(
        s: Session, van_ban_id: int, folder: Path, originals: list[Path], khu: KhuTam
    ) -> None:
        """manifest.json: the issued files with their SHA-256, and each body's deliveries."""
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
                    "thu_muc": _ten_thu_muc(c.ma),
                    "email": mailed.get(r.id),  # where its copy was mailed, if it was
                }
                for r, c in rows
            ],
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        ghi_nguyen_tu(trong_goc(folder, "manifest.json"), data, khu=khu)


def _thu_muc_co_quan(folder: Path, ma: str) -> Path:
    """A body's folder in the directive's folder, named by its code and proven to stay there.

    Raises:
        Refused: the code cannot name a folder ('..', '.', a separator …).
        OutputError: the folder would leave the directive's folder (a symbolic link).
    """
    return trong_goc(folder, ten_an_toan(ma, "directory code"))


def _ten_thu_muc(ma: str) -> str | None:
    """The name of a body's folder, for the manifest; None when its code cannot name one."""
    try:
        return ten_an_toan(ma, "directory code")
    except Refused:
        return None
