"""Distribution (phát hành): every recipient body gets the identical issued files and its own slip.

Idempotent and resumable. The recipients are recorded first (pending); each body's folder
``output/<year>/<số ký hiệu>/<code>/`` is then written and its delivery recorded in the store.
A delivery recorded is never repeated; a body whose files were written but whose record was
lost (the process died) is written again — the same bytes — and recorded. When every body is
delivered, the directive moves to đã phát hành and ``manifest.json`` lists what went where.

Each body's folder appears complete or not at all: it is filled in the run's scratch folder
(:class:`~vanthu.delivery.ghi_tep.KhuTam`) after its slip is drawn, and renamed into place. A
body that cannot be delivered — its slip cannot be drawn (a character the face lacks, a name
too long), or its code cannot name a folder (:func:`~vanthu.delivery.duong_dan.ten_an_toan`) —
gets no folder, stays pending, and its reason is logged (``gui_loi``); every other body is
delivered and recorded, and the run ends with :class:`~vanthu.errors.DeliveryFailed` naming
each such body. Per body, not all or nothing: one misspelt body in the directory must not hold
back an urgent công điện from the other 52, and a re-run after the fix delivers only what is
left. A folder that cannot be written at all (an unwritable or full disk) stops the run with an
OutputError naming it, after recording what the batch did deliver.

Two channels (kênh), each recorded once per body in ``lan_gui``: the file system (``tep``,
always) and e-mail (``thu``, when configured: see :mod:`vanthu.delivery.thu`). A body with an
address is mailed the files of its folder right after the folder is written, and both
deliveries are recorded in one transaction. A mail the server refuses leaves that body pending
for e-mail only — its file delivery stands, it is listed in the result, and the next run
retries it; the directive is đã phát hành once every channel that applies has delivered to
every body. Mail is at least once: a crash between the server's acceptance and the commit
resends that one mail (with the same Message-ID), which is why a run that mails records each
body on its own.

Each run is recorded as the directive's last run (:mod:`vanthu.storage.lan_phat_hanh`): who
started it, its progress at every batch, how it ended. Any process reads it
(:meth:`PhatHanh.tien_trinh`): the desk's page polls it on whichever worker serves the reload,
and a run started from the CLI shows on the desk too.

This module holds the use case only — its rules and the order of its steps. The queries are in
:mod:`vanthu.storage.noi_nhan`, the folders, files and mail in :mod:`vanthu.delivery`, the slip
in :mod:`vanthu.rendering.phieu_gui`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ..delivery.duong_dan import nam_trong
from ..delivery.ghi_tep import KhuTam
from ..delivery.thu import CauHinhThu, NoiDungThu, PhienThu, cau_hinh_thu, ma_thu, soan_thu
from ..delivery.thu_muc import (
    PHIEU_GUI,
    DongBanKe,
    day_du,
    ghi_ban_ke,
    ghi_ban_sao,
    thu_muc_co_quan,
)
from ..errors import DeliveryFailed, OutputError, Refused, VanthuError
from ..reading.cau_hinh import doc_base_url
from ..rendering.loi_van import dong_van_ban, tieu_de_thu
from ..rendering.phieu_gui import NoiDungPhieuGui, PhieuGuiRenderer
from ..schemas.gio import gio_viet_nam, utc
from ..storage import Session, Store, noi_nhan
from ..storage.bang import VanBanRow
from ..storage.danh_ba import NguoiNhanMoRong, mo_rong_noi_nhan, nguoi_dung
from ..storage.lan_phat_hanh import bat_dau_lan, ghi_tien_do, ket_thuc_lan, lan_cuoi
from ..storage.noi_nhan import KENH_TEP, KENH_THU, Viec
from ..storage.van_ban import doi_trang_thai, dong_nhat_ky, ghi_dong_nhat_ky, van_ban_cua
from ..workflow import SuKienVanBan, TrangThaiVanBan, VaiTro, chuyen_van_ban
from .clock import Clock, bay_gio
from .lien_ket import duong_dan_nhan
from .tien_trinh import TienTrinh, gio_may, loi_cua, tien_trinh_cua
from .vong_doi import hoan_tat_cac_ban_hanh, thu_muc_van_ban, tim_van_ban

log = logging.getLogger(__name__)

#: Deliveries recorded per transaction: a crash repeats at most this many (idempotent) writes.
LO_GHI = 50
#: The same when mailing: a mail is not idempotent, so a crash may resend only the one in flight.
LO_GHI_THU = 1
#: Threads drawing slips and writing folders at once: Typst releases the GIL while it lays a
#: slip out, so two threads draw 3,000 slips in about 60 % of the time one takes (2 cores).
LUONG_VE = min(4, os.cpu_count() or 1)

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
    base_url: str
    """The desk's public URL: each body's slip and mail carry its link under it."""


class PhatHanh:
    """Distribution use cases on one store and output folder."""

    def __init__(
        self,
        store: Store,
        clock: Clock = bay_gio,
        thu: CauHinhThu | None = None,
        thu_muc: Path | None = None,
        base_url: str | None = None,
    ) -> None:
        """``thu`` configures the e-mail channel; without it, ``VANTHU_SMTP_*`` is read when
        distributing (so a bad setting fails ``distribute``, not every command). ``thu_muc`` is
        the output root: issues a dead process left staged there are finished first.
        ``base_url`` is the desk's public URL the slips and mails link to; without it,
        ``VANTHU_BASE_URL`` is read when distributing (:func:`~vanthu.reading.cau_hinh.
        doc_base_url`)."""
        self.store = store
        self.clock = clock
        self.thu = thu
        self.thu_muc = thu_muc
        self.base_url = base_url
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
                "kênh thư điện tử",
                "chưa được cấu hình: hãy đặt VANTHU_SMTP_HOST và VANTHU_SMTP_FROM",
            )
        return settings

    def xem_truoc(self, khoa: str) -> list[NguoiNhanMoRong]:
        """The bodies the Nơi nhận expands to, for the clerk to see before distributing."""
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa)
            return mo_rong_noi_nhan(s, van_ban_cua(row, self.clock().date()))

    def tien_trinh(self, khoa: str) -> TienTrinh | None:
        """The directive's last distribution run as the store has it (any process's), or None
        if it was never distributed.

        Raises:
            NotFound: no such directive.
        """
        with self.store.transaction() as s:
            row = lan_cuoi(s, tim_van_ban(s, khoa).id)
            return None if row is None else tien_trinh_cua(row, gio_may())

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
        base_url = self.base_url or doc_base_url()
        if self.thu_muc is not None:
            hoan_tat_cac_ban_hanh(self.store, self.thu_muc)
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa, for_update=True)
            self._duoc_phat_hanh(s, row, ten_nguoi)
            van_ban_id = row.id
            bat_dau_lan(s, van_ban_id, ten_nguoi, gio_may())
        try:
            result = self._chay(van_ban_id, ten_nguoi, settings, base_url, tien_do)
        except BaseException as error:
            self._ket_thuc(van_ban_id, None, loi_cua(error))
            raise
        self._ket_thuc(van_ban_id, result.gui_moi, None)
        return result

    def _chay(
        self,
        van_ban_id: int,
        ten_nguoi: str,
        settings: CauHinhThu | None,
        base_url: str,
        tien_do: TienDo | None,
    ) -> KetQuaPhatHanh:
        """One run, once the run is recorded: expand, deliver batch by batch, settle the state
        (see :meth:`phat_hanh`)."""
        mailing = settings is not None
        now = self.clock()
        with self.store.transaction() as s:
            row = tim_van_ban(s, str(van_ban_id), for_update=True)
            self._duoc_phat_hanh(s, row, ten_nguoi)  # again: the state may have moved since
            assert row.so_ky_hieu and row.nam and row.ngay and row.pdf_duong_dan
            if self.thu_muc is not None:
                nam_trong(self.thu_muc, thu_muc_van_ban(row))
            for original in (row.docx_duong_dan or "", row.pdf_duong_dan):
                if not Path(original).is_file():
                    raise OutputError(original, "không còn tệp đã ban hành: chưa gửi gì")
            bodies = mo_rong_noi_nhan(s, van_ban_cua(row, now.date()))
            noi_nhan.ghi_nguoi_nhan(s, row.id, ((b.ma, b.dong) for b in bodies))
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
                base_url=base_url,
            )

        with self.store.transaction() as s:
            work, total, _ = noi_nhan.con_lai(s, van_ban_id, mailing)
            ghi_tien_do(s, van_ban_id, total - len(work), total, gio_may())
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
                    ids = [v.ban_sao.id for v in work[start : start + size]]
                    files, mails, refused, not_written = self._mot_lo(ban, ids, session, pool, khu)
                    undelivered.update(not_written)
                    sent += files
                    mailed += mails
                    failures.extend(refused)
                    done += len(ids)
                    with self.store.transaction() as s:
                        ghi_tien_do(s, van_ban_id, done, total, gio_may())
                    if tien_do:
                        tien_do(done, total)

            with self.store.transaction() as s:
                row = tim_van_ban(s, str(van_ban_id), for_update=True)
                left, _, no_address = noi_nhan.con_lai(s, van_ban_id, mailing)
                finished = not left
                if finished and row.trang_thai == TrangThaiVanBan.da_ban_hanh.value:
                    tu = TrangThaiVanBan(row.trang_thai)
                    den = chuyen_van_ban(tu, SuKienVanBan.phat_hanh, VaiTro.van_thu)
                    doi_trang_thai(s, row, den, now)
                    ghi_dong_nhat_ky(
                        s,
                        dong_nhat_ky(
                            van_ban_id,
                            f"van_ban:{van_ban_id}",
                            "phat_hanh",
                            ten_nguoi,
                            now,
                            tu=tu.value,
                            den=den.value,
                            so_noi_nhan=total,
                        ),
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

    @staticmethod
    def _duoc_phat_hanh(s: Session, row: VanBanRow, ten_nguoi: str) -> None:
        """The user may distribute the directive in its state (a re-run: a văn thư).

        Raises:
            TransitionRefused: not issued yet, recalled, or the actor is not a văn thư.
            Refused: a re-run of a distributed directive by another role.
        """
        user = nguoi_dung(s, ten_nguoi)
        state = TrangThaiVanBan(row.trang_thai)
        if state is not TrangThaiVanBan.da_phat_hanh:
            # Checks role and state now; the state moves only once all are delivered.
            chuyen_van_ban(state, SuKienVanBan.phat_hanh, VaiTro(user.vai_tro))
        elif VaiTro(user.vai_tro) is not VaiTro.van_thu:
            raise Refused(f"người dùng '{ten_nguoi}'", "chỉ văn thư mới được phát hành")

    def _ket_thuc(self, van_ban_id: int, gui_moi: int | None, loi: str | None) -> None:
        """Record how the run ended; a store that fails now leaves the run to look stopped
        (:data:`~vanthu.services.tien_trinh.GIAN_DOAN`) rather than hide the run's own error."""
        try:
            with self.store.transaction() as s:
                ket_thuc_lan(s, van_ban_id, gio_may(), gui_moi, loi)
        except Exception:
            log.exception("the end of distribution run #%s could not be recorded", van_ban_id)

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
        with self.store.transaction() as s:  # what another run may have done meanwhile
            batch = noi_nhan.con_lai(s, ban.van_ban_id, session is not None, ids).viec
        folders: dict[int, Future[str]] = {}
        for v in batch:
            if v.tep:
                day = ban.luc.date()
            elif v.thu and not day_du(ban.thu_muc, v.ban_sao.ma_co_quan, ban.ban_goc):
                # Mail for a body delivered earlier whose folder is gone: its slip is written
                # again as it was, dated the day it was sent.
                day = (gio_viet_nam(v.ban_sao.gui_luc) or ban.luc).date()
            else:
                continue
            folders[v.ban_sao.id] = pool.submit(
                self._ghi_thu_muc,
                ban.thu_muc,
                ban.ban_goc,
                v.ban_sao,
                ban.dong_van_ban,
                ban.co_quan_gui,
                day,
                khu,
                ban.base_url,
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
            if session is None or not v.thu or v.ban_sao.id in not_written or fatal:
                continue
            problem = self._gui_thu(session, ban, v)
            if problem is None:
                accepted[v.ban_sao.id] = ma_thu(
                    v.ban_sao.ma_theo_doi,
                    v.ban_sao.ma_xac_nhan,
                    session.cau_hinh.mien_ma_thu,
                )
            else:
                refused.append(ThuLoi(v.ban_sao.ma_co_quan, v.ban_sao.dia_chi, problem))
        mails = 0
        delivered = [v.ban_sao.id for v in batch if v.tep and v.ban_sao.id in written]
        with self.store.transaction() as s:
            files = self._ghi_lan_gui(s, ban, delivered, written)
            for v in batch:
                key = v.ban_sao.id
                if key in accepted and self._ghi_thu(s, ban, v, accepted[key]):
                    mails += 1
            for failure in refused:
                ghi_dong_nhat_ky(
                    s,
                    dong_nhat_ky(
                        ban.van_ban_id,
                        f"noi_nhan:{ban.van_ban_id}:{failure.ma_co_quan}",
                        "gui_thu_loi",
                        ban.nguoi,
                        ban.luc,
                        kenh=KENH_THU,
                        dia_chi=failure.dia_chi,
                        loi=failure.loi,
                    ),
                )
            for v in batch:
                if v.ban_sao.id in not_written:
                    ghi_dong_nhat_ky(
                        s,
                        dong_nhat_ky(
                            ban.van_ban_id,
                            f"noi_nhan:{ban.van_ban_id}:{v.ban_sao.ma_co_quan}",
                            "gui_loi",
                            ban.nguoi,
                            ban.luc,
                            kenh=KENH_TEP,
                            loi=not_written[v.ban_sao.id],
                        ),
                    )
        if fatal is not None:
            raise fatal
        reasons = {
            v.ban_sao.ma_co_quan: not_written[v.ban_sao.id]
            for v in batch
            if v.ban_sao.id in not_written
        }
        return files, mails, refused, reasons

    @staticmethod
    def _gui_thu(session: PhienThu, ban: _BanGui, v: Viec) -> str | None:
        """Mail one body the files of its folder; None when the server took it, else why not."""
        docx, pdf = ban.ban_goc
        try:
            target = thu_muc_co_quan(ban.thu_muc, v.ban_sao.ma_co_quan)
            message = soan_thu(
                NoiDungThu(
                    dia_chi=v.ban_sao.dia_chi,
                    co_quan_nhan=v.ban_sao.ten_co_quan,
                    co_quan_gui=ban.co_quan_gui,
                    tieu_de=ban.tieu_de,
                    van_ban=ban.dong_van_ban,
                    ma_theo_doi=v.ban_sao.ma_theo_doi,
                    ma_xac_nhan=v.ban_sao.ma_xac_nhan,
                    lien_ket=duong_dan_nhan(
                        ban.base_url, v.ban_sao.ma_theo_doi, v.ban_sao.ma_xac_nhan
                    ),
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
        ban_sao: noi_nhan.BanSao,
        title: str,
        issuer: str,
        ngay_gui: dt.date,
        khu: KhuTam,
        base_url: str,
    ) -> str:
        """Write one body's folder: the identical issued files and its transmittal slip.

        The slip is drawn first and the folder appears complete or not at all, so a slip that
        cannot be drawn leaves no folder. Runs on a drawing thread: it touches files and this
        thread's slip renderer, never the store.

        Raises:
            Refused: the body's code cannot name a folder. RenderError: the slip cannot be drawn.
            OutputError: the folder cannot be written, or would leave the directive's folder.
        """
        target = thu_muc_co_quan(folder, ban_sao.ma_co_quan)
        renderer: PhieuGuiRenderer | None = getattr(self._phieu, "renderer", None)
        if renderer is None:
            renderer = self._phieu.renderer = PhieuGuiRenderer()
        slip = renderer.ve(
            NoiDungPhieuGui(
                co_quan_gui=issuer,
                co_quan_nhan=ban_sao.ten_co_quan,
                van_ban=title,
                ma_theo_doi=ban_sao.ma_theo_doi,
                ngay_gui=ngay_gui,
                ma_xac_nhan=ban_sao.ma_xac_nhan,
                qr=duong_dan_nhan(base_url, ban_sao.ma_theo_doi, ban_sao.ma_xac_nhan),
            )
        )
        ghi_ban_sao(target, originals, slip, khu)
        return str(target)

    @staticmethod
    def _ghi_lan_gui(s: Session, ban: _BanGui, ids: list[int], written: dict[int, str]) -> int:
        """Record the file deliveries of a batch and move those recipients to đã gửi; how many
        were recorded (one already recorded by another run is left as it is).

        One locked SELECT and one flush (:func:`vanthu.storage.noi_nhan.ghi_lan_gui_tep`), then
        the batch's log lines in one multi-row INSERT.
        """
        done = noi_nhan.ghi_lan_gui_tep(s, ids, written, utc(ban.luc))
        ghi_dong_nhat_ky(
            s,
            *[
                dong_nhat_ky(
                    ban.van_ban_id,
                    f"noi_nhan:{ban.van_ban_id}:{d.ma_co_quan}",
                    "gui",
                    ban.nguoi,
                    ban.luc,
                    tu=d.tu.value,
                    den=d.den.value,
                    kenh=KENH_TEP,
                    dia_chi=d.dia_chi,
                )
                for d in done
            ],
        )
        return len(done)

    @staticmethod
    def _ghi_thu(s: Session, ban: _BanGui, v: Viec, message_id: str) -> bool:
        """Record one mail the server accepted, and log it (False: another run recorded it)."""
        if not noi_nhan.ghi_lan_gui_thu(s, v.ban_sao.id, utc(ban.luc), v.ban_sao.dia_chi):
            return False
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                ban.van_ban_id,
                f"noi_nhan:{ban.van_ban_id}:{v.ban_sao.ma_co_quan}",
                "gui_thu",
                ban.nguoi,
                ban.luc,
                kenh=KENH_THU,
                dia_chi=v.ban_sao.dia_chi,
                message_id=message_id,
            ),
        )
        return True

    @staticmethod
    def _tieu_de(row: VanBanRow) -> str:
        """The mail's Subject: 'Công điện số 01/CĐ-UBND ngày 13/09/2021: Về việc …'."""
        assert row.ngay is not None
        return tieu_de_thu(row.loai, row.so_ky_hieu, row.ngay, row.trich_yeu)

    @staticmethod
    def _dong_van_ban(row: VanBanRow) -> str:
        """'Công điện số 18/CĐ-UBND ngày 13/09/2021 về việc …' for the slip."""
        assert row.ngay is not None
        return dong_van_ban(row.loai, row.so_ky_hieu, row.ngay, row.trich_yeu)

    @staticmethod
    def _ghi_manifest(
        s: Session, van_ban_id: int, folder: Path, originals: list[Path], khu: KhuTam
    ) -> None:
        """manifest.json: the issued files with their SHA-256, and each body's deliveries."""
        lines = [
            DongBanKe(b.ma_co_quan, b.ten_co_quan, b.ma_theo_doi, b.trang_thai, email)
            for b, email in noi_nhan.ban_ke(s, van_ban_id)
        ]
        ghi_ban_ke(folder, originals, lines, khu)
