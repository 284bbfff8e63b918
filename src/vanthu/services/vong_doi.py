"""The directive lifecycle as use cases: draft, submit, return, approve, issue, recall, complete.

Each use case is one transaction: the actor's role is checked by the workflow table, the state
change is written only if the stored state is still the one read (else ConcurrentChange), and
the event goes into the log (nhật ký) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..delivery.duong_dan import nam_trong, ten_an_toan, trong_goc
from ..delivery.ghi_tep import (
    BanTam,
    ThongBaoTam,
    dat_tam,
    diem_dung,
    hoan_tat_ban_hanh,
    loi_ghi,
    sha256,
    xoa_tep,
)
from ..delivery.thu import KENH_THU, PhienThu, ThuThuHoi, cau_hinh_thu, soan_thu_thu_hoi
from ..errors import (
    InvalidDirective,
    NotFound,
    OutputError,
    Problem,
    Refused,
    TransitionRefused,
)
from ..ky_so import CauHinhKy, NguonHaiBuoc, doc_cau_hinh_ky
from ..reading import tham_so
from ..reading.cau_hinh import CauHinh
from ..reading.tham_so import khoa_van_ban
from ..reading.van_ban import doc_van_ban
from ..rendering.loi_van import ten_van_ban, thong_bao_thu_hoi
from ..rendering.ngay_thang import ngay_vn
from ..schemas import VanBan
from ..storage import Session, SessionOrConnection, Store
from ..storage.bang import VanBanRow
from ..storage.danh_ba import kiem_tra_danh_ba, ma_co_quan_nhiem_vu, nguoi_dung
from ..storage.so_dang_ky import (
    dong_cua_van_ban,
    ghi_dong_so_dang_ky,
    giu_so_moi,
    huy_so,
    lay_so_moi,
)
from ..storage.van_ban import (
    dia_chi_da_gui,
    doi_trang_thai,
    dong_nhat_ky,
    ghi_dong_nhat_ky,
    ghi_nhiem_vu,
    id_van_ban,
    nguoi_duyet,
    noi_nhan_da_gui,
    payload_cua,
    ten_co_quan,
    tep_da_ban_hanh,
    them_du_thao,
    trung_so_ky_hieu,
    van_ban_cua,
    van_ban_theo_khoa,
)
from ..workflow import SuKienVanBan, TrangThaiVanBan, VaiTro, chuyen_van_ban
from .clock import Clock, bay_gio
from .ket_xuat import renderer
from .kiem_tra import kiem_tra_van_ban
from .ky_ban_hanh import (
    CHO_KY_SO,
    CHUA_KY_SO,
    DA_KY_SO,
    LANH_DAO_DA_KY,
    BanLanhDao,
    KeHoachKy,
    ky_khi_ban_hanh,
    ky_khi_duyet,
    lap_ke_hoach_ky,
    nhan_chu_ky_lanh_dao,
)

THU_MUC_MAC_DINH = Path("output")
#: What the leader signs before the number, under ``output/cho-ban-hanh/<id>/``: the prepared
#: PDF of two-step signing and the PDF he signed, each named by the directive and the moment.
THU_MUC_CHO_BAN_HANH = "cho-ban-hanh"
DUOI_CHUAN_BI = ".chuan-bi-ky.pdf"
DUOI_LANH_DAO_KY = ".lanh-dao-ky.pdf"
#: The signing values of an issue the log records beside the hashes.
_GHI_KY = ("ky_so", "nguoi_ky_so")


def tim_id_van_ban(s: SessionOrConnection, khoa: str) -> int:
    """The id of the directive a person named: by id ("7" or "#7") or by number and symbol
    ("18/CĐ-UBND").

    Raises:
        InvalidSetting: an empty key or one with a control character.
        NotFound: no such directive.
        Refused: the number and symbol name several (two years, or a secret register).
    """
    return id_van_ban(s, khoa_van_ban(khoa), khoa)


def tim_van_ban(s: Session, khoa: str, for_update: bool = False) -> VanBanRow:
    """The stored directive a person named (see :func:`tim_id_van_ban`); ``for_update`` locks
    its row until the transaction ends."""
    return van_ban_theo_khoa(s, khoa_van_ban(khoa), khoa, for_update)


#: How a leader signs what he approves (:meth:`VongDoi.cach_ky`), as Duyệt logs it.
KY_KHOA_MAY_CHU = "khoa_may_chu"  # his key, held on the server, signs at his Duyệt
KY_HAI_BUOC = "hai_buoc"  # he signs the prepared PDF on his own computer


@dataclass(frozen=True)
class KetQuaChuyen:
    """What a lifecycle use case did."""

    van_ban_id: int
    tu: TrangThaiVanBan | None
    den: TrangThaiVanBan
    so_ky_hieu: str | None = None
    tep: tuple[Path, ...] = ()
    thu_gui: int = 0  # recall notices mailed
    thu_loi: tuple[str, ...] = ()  # "<body>: <what the server said>" for each one not sent
    ky_so: str | None = None  # chua_ky_so, cho_ky_so, lanh_dao_da_ky or da_ky_so (#10)


class VongDoi:
    """The lifecycle use cases on one store, with one clock and one output folder."""

    def __init__(
        self,
        store: Store,
        thu_muc: Path = THU_MUC_MAC_DINH,
        clock: Clock = bay_gio,
        cau_hinh: CauHinh | None = None,
        cau_hinh_ky: CauHinhKy | None = None,
    ) -> None:
        self.store = store
        self.thu_muc = thu_muc
        self.clock = clock
        self.cau_hinh = cau_hinh or CauHinh()
        self._cau_hinh_ky = cau_hinh_ky

    def cau_hinh_ky(self) -> CauHinhKy:
        """The signing configuration: the one given, else ``VANTHU_KY_SO`` read now (so that
        a long-running desk sees a changed passphrase file or key without a restart).

        Raises:
            InvalidSetting: the file cannot be read or is malformed.
        """
        return self._cau_hinh_ky or doc_cau_hinh_ky()

    def soan_thao(
        self,
        ten_nguoi: str,
        data: dict[str, Any],
        nguon: str,
        vai_tro_duoc_soan: frozenset[VaiTro] | None = frozenset(
            {VaiTro.chuyen_vien, VaiTro.lanh_dao}
        ),
    ) -> KetQuaChuyen:
        """Store a new draft (dự thảo) from directive data; drafts carry no number or date.

        Raises:
            InvalidDirective: the data breaks a rule, or already carries a number.
        """
        now = self.clock()
        vb = doc_van_ban(data, nguon, now.date())
        kiem_tra_van_ban(vb, nguon)  # what cannot be drawn is refused now, not at issue
        if vb.so is not None or vb.ngay is not None:
            raise InvalidDirective(
                nguon, [Problem("so", "a draft has no number or date: the văn thư issues it")]
            )
        with self.store.transaction() as s:
            user = nguoi_dung(s, ten_nguoi)
            if vai_tro_duoc_soan is not None and VaiTro(user.vai_tro) not in vai_tro_duoc_soan:
                raise Refused(f"user '{ten_nguoi}'", f"a {user.vai_tro} does not draft directives")
            kiem_tra_danh_ba(s, vb)  # an unknown body is caught now, not at issue time
            row = them_du_thao(s, vb, ten_nguoi, now)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    "soan_thao",
                    ten_nguoi,
                    now,
                    den=TrangThaiVanBan.du_thao.value,
                    nguon=nguon,
                ),
            )
            return KetQuaChuyen(row.id, None, TrangThaiVanBan.du_thao)

    def chuyen(
        self,
        ten_nguoi: str,
        khoa: str,
        su_kien: SuKienVanBan,
        ly_do: str | None = None,
        thay_bang: str | None = None,
    ) -> KetQuaChuyen:
        """Fire a lifecycle event (ban_hanh is delegated to :meth:`ban_hanh`).

        ``thay_bang`` names the newer, issued directive that replaces this one (thay_the).
        A recall (thu_hoi) also tells every body it was sent to, in its folder and the log.

        The recall notices are written in a scratch folder before the commit (a folder that cannot
        be written refuses the recall) and renamed into place after it: a recall that did not
        happen is announced nowhere.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
            OutputError: a notice cannot be written (the recall is then not made), or, after the
                recall is committed, cannot be put in place (said in the message).
        """
        if su_kien in (SuKienVanBan.ban_hanh, SuKienVanBan.chuan_bi_ky):
            return self.ban_hanh(ten_nguoi, khoa)
        if su_kien is SuKienVanBan.huy_ky_so:
            return self.huy_ky_so(ten_nguoi, khoa, ly_do)
        if su_kien is SuKienVanBan.ky_so:
            raise Refused(f"directive {khoa}", "ký số takes the signed PDF: use accept-signed")
        if su_kien is SuKienVanBan.duyet and self.cau_hinh_ky().ky_khi_ban_hanh:
            return self._dat_vao_cho(lambda s, staged: self._duyet_ky(s, ten_nguoi, khoa, staged))
        ly_do = tham_so.ly_do(ly_do)
        now = self.clock()
        notices = ThongBaoTam()
        try:
            result, mails = self._chuyen(ten_nguoi, khoa, su_kien, ly_do, thay_bang, now, notices)
            try:
                notices.dat_vao_cho()
            except OutputError as error:
                raise OutputError(
                    error.path, f"{error.detail}; the recall of {result.so_ky_hieu} is made"
                ) from None
        finally:
            notices.close()
        if not mails:
            return result
        sent, failed = self._gui_thu_thu_hoi(mails, result.van_ban_id, ten_nguoi, now)
        return replace(result, thu_gui=sent, thu_loi=failed)

    def _chuyen(
        self,
        ten_nguoi: str,
        khoa: str,
        su_kien: SuKienVanBan,
        ly_do: str | None,
        thay_bang: str | None,
        now: dt.datetime,
        notices: ThongBaoTam,
    ) -> tuple[KetQuaChuyen, list[ThuThuHoi]]:
        """One lifecycle transaction; the recall notices written are added to ``notices``."""
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa, for_update=True)
            user = nguoi_dung(s, ten_nguoi)
            tu = TrangThaiVanBan(row.trang_thai)
            den = chuyen_van_ban(
                tu, su_kien, VaiTro(user.vai_tro), ly_do, ten=_ai_tren(ten_nguoi, row)
            )
            _kiem_tra_nguoi_soan(row, su_kien, ten_nguoi, user.vai_tro)
            if su_kien is SuKienVanBan.duyet:  # the directory may have changed since the draft
                kiem_tra_danh_ba(s, van_ban_cua(row, now.date()))
            extra: dict[str, Any] = {"ly_do": ly_do} if ly_do else {}
            values: dict[str, Any] = dict(extra)
            if su_kien is SuKienVanBan.duyet:
                extra |= self._dong_y_ky(ten_nguoi)
            if su_kien is SuKienVanBan.thay_the:
                newer = self._van_ban_thay(s, row, thay_bang)
                values["thay_the_boi"] = newer.id
                extra["thay_bang"] = newer.so_ky_hieu
            doi_trang_thai(s, row, den, now, **values)
            mails: list[ThuThuHoi] = []
            if su_kien is SuKienVanBan.thu_hoi:
                mails = self._bao_thu_hoi(s, row, ten_nguoi, now, ly_do or "", notices)
            ghi_dong_nhat_ky(
                s,
                dong_nhat_ky(
                    row.id,
                    f"van_ban:{row.id}",
                    su_kien.value,
                    ten_nguoi,
                    now,
                    tu=tu.value,
                    den=den.value,
                    **extra,
                ),
            )
            return KetQuaChuyen(row.id, tu, den, row.so_ky_hieu), mails

    def _duyet_ky(
        self, s: Session, ten_nguoi: str, khoa: str, staged: list[BanTam]
    ) -> KetQuaChuyen:
        """Duyệt with signing configured: the leader's key checked, the directive drawn without
        number and date and signed by him now (server-held key) or prepared for him (two-step:
        it then waits in cho_ky_so), staged, in the approval's transaction."""
        now = self.clock()
        row = tim_van_ban(s, khoa, for_update=True)
        user = nguoi_dung(s, ten_nguoi)
        role = VaiTro(user.vai_tro)
        tu = TrangThaiVanBan(row.trang_thai)
        den = chuyen_van_ban(tu, SuKienVanBan.duyet, role, ten=_ai_tren(ten_nguoi, row))
        _kiem_tra_nguoi_soan(row, SuKienVanBan.duyet, ten_nguoi, user.vai_tro)
        draft = van_ban_cua(row, now.date())
        kiem_tra_danh_ba(s, draft)  # the directory may have changed since the draft
        plan = lap_ke_hoach_ky(self.cau_hinh_ky(), ten_nguoi, co_quan=False)
        assert plan is not None
        values = self._ban_lanh_dao(row, draft, plan, now, staged)
        lines = [
            dong_nhat_ky(
                row.id,
                f"van_ban:{row.id}",
                SuKienVanBan.duyet.value,
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                **self._dong_y_ky(ten_nguoi),
                **({} if plan.hai_buoc else {"ban_ky_sha256": values["ban_chuan_bi_sha256"]}),
            )
        ]
        if plan.hai_buoc:
            ready = chuyen_van_ban(den, SuKienVanBan.chuan_bi_ky, role)
            lines.append(_dong_chuan_bi(row, ten_nguoi, now, den, ready, values))
            den = ready
        doi_trang_thai(s, row, den, now, **values)
        ghi_dong_nhat_ky(s, *lines)
        path = Path(values["ban_chuan_bi_duong_dan"])
        return KetQuaChuyen(row.id, tu, den, None, (path,), ky_so=values["ky_so"])

    def _ban_lanh_dao(
        self,
        row: VanBanRow,
        draft: VanBan,
        plan: KeHoachKy,
        now: dt.datetime,
        staged: list[BanTam],
    ) -> dict[str, Any]:
        """What the leader signs, made and staged: signed by his server-held key, or prepared
        for him (two-step); the values the directive's row records of it."""
        try:
            ban = ky_khi_duyet(draft, now.date(), plan, now)
        except OSError as error:  # the renderer's scratch files (fonts) on a full disk
            where_ = error.filename if isinstance(error.filename, str) else tempfile.gettempdir()
            raise loi_ghi(Path(where_), error) from None
        suffix = DUOI_CHUAN_BI if plan.hai_buoc else DUOI_LANH_DAO_KY
        path = self._noi_ky(row.id, now, suffix)
        staged.append(dat_tam(self.thu_muc, row.id, {path: ban.pdf}))
        return {
            "ban_chuan_bi_sha256": sha256(ban.pdf),
            "ban_chuan_bi_duong_dan": str(path),
            "ky_so": CHO_KY_SO if plan.hai_buoc else LANH_DAO_DA_KY,
            "nguoi_ky_so": plan.nguoi_ky,
            "vi_tri_ky": ban.vi_tri,
        }

    def _noi_ky(self, van_ban_id: int, now: dt.datetime, suffix: str) -> Path:
        """Where a PDF the leader signs before the number goes: ``output/cho-ban-hanh/<id>/``,
        named by the directive and the moment (a later round never meets an earlier file)."""
        stamp = now.strftime("%Y%m%dT%H%M%S%f")
        folder = str(van_ban_id)
        return trong_goc(self.thu_muc, THU_MUC_CHO_BAN_HANH, folder, f"{folder}-{stamp}{suffix}")

    def cach_ky(self, ten_nguoi: str) -> str | None:
        """How the leader ``ten_nguoi`` signs what he approves, by the signing configuration
        read now: :data:`KY_KHOA_MAY_CHU` (his server-held key signs at his Duyệt),
        :data:`KY_HAI_BUOC` (on his own computer), or None (issuing does not sign). Nothing
        is opened or checked: Ban hành checks the key.

        Raises:
            InvalidSetting: the signing configuration cannot be read.
        """
        return self._cach_ky(self.cau_hinh_ky(), ten_nguoi)[0]

    @staticmethod
    def _cach_ky(config: CauHinhKy, ten_nguoi: str) -> tuple[str | None, str | None]:
        """How ``ten_nguoi`` signs (see :meth:`cach_ky`), and his server-held key's name."""
        if not config.ky_khi_ban_hanh:
            return None, None
        source = config.khoa_cua_nguoi(ten_nguoi)
        if source is None or isinstance(source, NguonHaiBuoc):
            return KY_HAI_BUOC, None
        return KY_KHOA_MAY_CHU, source.ten

    def _dong_y_ky(self, ten_nguoi: str) -> dict[str, Any]:
        """What the log records of a leader's Duyệt when issuing signs: his consent to sign,
        with his server-held key (its name) or on his own computer (two-step)."""
        how, key = self._cach_ky(self.cau_hinh_ky(), ten_nguoi)
        if how is None:
            return {}
        return {"dong_y_ky_so": how} | ({"khoa": key} if key else {})

    def _gui_thu_thu_hoi(
        self, mails: list[ThuThuHoi], van_ban_id: int, ten_nguoi: str, now: dt.datetime
    ) -> tuple[int, tuple[str, ...]]:
        """Mail the recall notice to every body that was mailed the directive, after the
        recall is committed (a refused mail never undoes it); each outcome is logged."""
        config = cau_hinh_thu()
        if config is None:
            return 0, tuple(f"{m.ma_co_quan}: e-mail is not configured" for m in mails)
        outcomes: list[tuple[ThuThuHoi, str | None]] = []
        with PhienThu(config) as session:
            for mail in mails:
                try:
                    outcomes.append((mail, session.gui(soan_thu_thu_hoi(mail, config))))
                except ValueError as error:
                    outcomes.append((mail, str(error)))
        with self.store.transaction() as s:
            ghi_dong_nhat_ky(
                s,
                *(
                    dong_nhat_ky(
                        van_ban_id,
                        f"noi_nhan:{van_ban_id}:{mail.ma_co_quan}",
                        "bao_thu_hoi_thu" if loi is None else "bao_thu_hoi_thu_loi",
                        ten_nguoi,
                        now,
                        dia_chi=mail.dia_chi,
                        **({"loi": loi} if loi else {}),
                    )
                    for mail, loi in outcomes
                ),
            )
        failed = tuple(f"{m.ma_co_quan}: {loi}" for m, loi in outcomes if loi)
        return len(outcomes) - len(failed), failed

    @staticmethod
    def _van_ban_thay(s: Session, row: VanBanRow, thay_bang: str | None) -> VanBanRow:
        """The directive that replaces ``row``: another one, of the same issuing body, issued
        on the same day or later and still in force (issued, distributed, followed up or
        completed; not recalled, not itself replaced).

        Raises:
            Refused: naming the replacing directive and the rule it breaks.
            NotFound: no such directive.
        """
        old = row.so_ky_hieu or f"#{row.id}"
        if not thay_bang or not thay_bang.strip():
            raise Refused(f"directive {old}", "name the directive that replaces it (--by)")
        newer = tim_van_ban(s, thay_bang)
        name = newer.so_ky_hieu or f"#{newer.id}"
        if newer.id == row.id:
            raise Refused(f"directive {old}", "cannot be replaced by itself")
        state = TrangThaiVanBan(newer.trang_thai)
        if state not in CON_HIEU_LUC or newer.ngay is None:
            raise Refused(
                f"directive {name}",
                f"is {state.label} ({state.value}); only an issued directive in force "
                f"replaces {old}",
            )
        if _co_quan_ban_hanh(newer) != _co_quan_ban_hanh(row):
            raise Refused(
                f"directive {name}",
                f"is issued by another body than {old}; only the issuing body replaces its own",
            )
        if row.ngay is not None and newer.ngay < row.ngay:
            raise Refused(
                f"directive {name}",
                f"was issued on {ngay_vn(newer.ngay)}, before {old} ({ngay_vn(row.ngay)})",
            )
        return newer

    def _bao_thu_hoi(
        self,
        s: Session,
        row: VanBanRow,
        ten_nguoi: str,
        now: dt.datetime,
        ly_do: str,
        notices: ThongBaoTam,
    ) -> list[ThuThuHoi]:
        """Tell every body the directive was sent to that it is recalled (Decree 30, Art. 18.4):
        a notice for its folder (staged in ``notices``), and the mails to send once the
        recall is committed.

        Raises:
            Refused: a body's code cannot name a folder; OutputError: a notice cannot be written
                (or would leave the directive's folder). The recall is then not made.
        """
        if not (row.so_ky_hieu and row.nam and row.ngay):
            return []
        folder = nam_trong(self.thu_muc, thu_muc_van_ban(row))
        title = ten_van_ban(row.loai, row.so_ky_hieu, row.ngay)
        notice = thong_bao_thu_hoi(title, now.date(), ly_do)
        recipients = noi_nhan_da_gui(s, row.id)
        mailed = dia_chi_da_gui(s, row.id, KENH_THU)
        names = ten_co_quan(s) if mailed else {}
        issuer = " ".join(van_ban_cua(row, now.date()).co_quan.split())
        mails: list[ThuThuHoi] = []
        lines: list[dict[str, Any]] = []
        for recipient in recipients:
            code = ten_an_toan(recipient.ma_co_quan, "directory code")
            target = trong_goc(folder, code)
            path = trong_goc(folder, code, "THU-HOI.txt")
            notices.them(folder, path, notice.encode("utf-8"))
            if recipient.id in mailed:
                mails.append(
                    ThuThuHoi(
                        ma_co_quan=recipient.ma_co_quan,
                        dia_chi=mailed[recipient.id],
                        co_quan_nhan=names.get(recipient.ma_co_quan, recipient.ma_co_quan),
                        co_quan_gui=issuer,
                        van_ban=title,
                        ma_theo_doi=recipient.ma_theo_doi,
                        ma_xac_nhan=recipient.ma_xac_nhan,
                        thong_bao=notice,
                        luc=now,
                    )
                )
            lines.append(
                dong_nhat_ky(
                    row.id,
                    f"noi_nhan:{row.id}:{recipient.ma_co_quan}",
                    "bao_thu_hoi",
                    ten_nguoi,
                    now,
                    dia_chi=str(target),
                )
            )
        ghi_dong_nhat_ky(s, *lines)
        return mails

    def ban_hanh(self, ten_nguoi: str, khoa: str) -> KetQuaChuyen:
        """Issue (ban hành): take the next register number and today's date, render DOCX and PDF
        once, freeze them with their SHA-256, and write the register line — one transaction.

        With a signing configuration (``khoa_co_quan`` set, #10) the PDF is the numbered PDF/A
        signed by the approving leader (his server-held key) then by the organisation, and the
        SHA-256 frozen is the signed file's; a leader who signs on his own computer gets the
        prepared PDF instead and the directive waits in ``cho_ky_so`` (see :meth:`nhan_ban_ky`).
        Every key, passphrase, PIN, trust chain and image is checked before the number is taken.

        No numbered file reaches its issued place without its register row (the protocol is in
        :mod:`.ghi_tep`): the files are staged before the commit and moved into place after it.
        If anything fails before the commit, the number is not consumed and nothing is left on
        disk; staged issues of a process that died are finished or dropped first.

        Raises:
            Refused: signing is configured and nobody approved the directive.
            InvalidSetting, SigningFailed: a key, its passphrase or PIN, its certificate's
                trust, an image (no number is taken).
            OutputError: the output folder cannot be written (nothing stored changed), or the
                issue is committed but its files could not be moved into place yet (the next
                issue or distribution does it).
        """
        return self._dat_vao_cho(lambda s, staged: self._ban_hanh(s, ten_nguoi, khoa, staged))

    def _dat_vao_cho(self, work: Callable[[Session, list[BanTam]], KetQuaChuyen]) -> KetQuaChuyen:
        """Run ``work`` in one transaction with the staged-files protocol: its staged files
        are dropped if it fails, moved into place once it is committed."""
        hoan_tat_cac_ban_hanh(self.store, self.thu_muc)
        staged: list[BanTam] = []
        body_done = False
        try:
            with self.store.transaction() as s:
                result = work(s, staged)
                diem_dung("ban_hanh:truoc_commit")
                body_done = True
        except BaseException:
            for ban in staged:
                # Rolled back for certain: drop the files. A failing COMMIT may still have
                # reached the store: leave them to the next run, which asks the store.
                ban.tha_khoa() if body_done else ban.huy()
            raise
        diem_dung("ban_hanh:da_commit")
        for ban in staged:
            try:
                ban.cong_bo()
            except OutputError as error:
                raise OutputError(
                    error.path,
                    f"{error.detail}; {result.so_ky_hieu or f'#{result.van_ban_id}'} is "
                    f"{result.den.label}, and its files are put in place by the next issue or "
                    "distribute",
                ) from None
        return result

    def _ban_hanh(
        self, s: Session, ten_nguoi: str, khoa: str, staged: list[BanTam]
    ) -> KetQuaChuyen:
        now = self.clock()
        row = tim_van_ban(s, khoa, for_update=True)
        user = nguoi_dung(s, ten_nguoi)
        tu = TrangThaiVanBan(row.trang_thai)
        den = chuyen_van_ban(tu, SuKienVanBan.ban_hanh, VaiTro(user.vai_tro))
        ngay = now.date()
        draft = van_ban_cua(row, ngay)
        kiem_tra_danh_ba(s, draft)  # the directory may have changed since the draft
        kiem_tra_van_ban(draft, f"directive #{row.id}")  # before a number is taken
        # Every key, its trust and its image, before a number is taken (#10).
        plan = lap_ke_hoach_ky(self.cau_hinh_ky(), nguoi_duyet(s, row.id))
        event = SuKienVanBan.ban_hanh
        leader: BanLanhDao | None = None
        if plan is not None and row.ky_so == LANH_DAO_DA_KY:
            _, signed = self._doc_chuan_bi(row)
            leader = BanLanhDao(signed, row.vi_tri_ky or {})
        elif plan is not None and plan.hai_buoc:
            # His signature comes first: the prepared PDF, no number taken (cho_ky_so).
            return self._chuan_bi_ky(s, row, ten_nguoi, user.vai_tro, draft, plan, now, staged)
        elif plan is not None:
            # Approved before signing was configured, or his signature cancelled: his
            # server-held key signs now, as his Duyệt consented to.
            leader = ky_khi_duyet(draft, ngay, plan, now)
        register = self.cau_hinh.so_dang_ky_cua(draft)
        so = lay_so_moi(s, register, ngay.year)
        data = payload_cua(draft) | {"so": so, "ngay": ngay.isoformat()}
        data.pop("nam", None)
        vb = doc_van_ban(data, f"directive #{row.id}", ngay)
        assert vb.so_ky_hieu is not None
        twins = trung_so_ky_hieu(s, ngay.year, vb.so_ky_hieu)
        files, values = self._dong_bang(vb, ngay, row.id, bool(twins), staged, plan, leader, now)
        ghi_dong_so_dang_ky(s, register, so, ngay, row.id)
        doi_trang_thai(
            s,
            row,
            den,
            now,
            so=so,
            nam=ngay.year,
            ngay=ngay,
            so_ky_hieu=vb.so_ky_hieu,
            payload=payload_cua(vb),
            **values,
        )
        if den is TrangThaiVanBan.da_ban_hanh:
            self._ghi_nhiem_vu(s, row.id, vb)
        logged = {k: v for k, v in values.items() if k.endswith("sha256") or k in _GHI_KY}
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                row.id,
                f"van_ban:{row.id}",
                event.value,
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                so=so,
                so_ky_hieu=vb.so_ky_hieu,
                so_dang_ky=register,
                **logged,
                # Decree 30 PL VI: warn the văn thư of a duplicate number and symbol.
                **({"canh_bao_trung": [f"#{i}" for i in twins]} if twins else {}),
            ),
        )
        return KetQuaChuyen(row.id, tu, den, vb.so_ky_hieu, tuple(files), ky_so=values["ky_so"])

    def _dong_bang(
        self,
        vb: VanBan,
        ngay: dt.date,
        van_ban_id: int,
        trung: bool,
        staged: list[BanTam],
        plan: KeHoachKy | None,
        leader: BanLanhDao | None,
        now: dt.datetime,
    ) -> tuple[list[Path], dict[str, Any]]:
        """Render the issued directive once (with ``plan``: its number and date filled in the
        PDF ``leader`` signed, then the organisation's signature) and stage it for
        output/<year>/<số ký hiệu>/.

        Returns:
            The files' issued places, and the values the directive's row records of them
            (paths, SHA-256, signature status); the staged files are added to ``staged``
            (moved into place by the caller once the issue is committed).
        """
        assert vb.so_ky_hieu is not None
        # output/<year>/<số ký hiệu>/; a repeated number and symbol (a separate register) gets
        # its own folder so that no issued original is ever overwritten.
        name = ten_an_toan(vb.so_ky_hieu, "symbol")
        folder_name = name + (f"-{van_ban_id}" if trung else "")
        year = ten_an_toan(str(ngay.year), "year")
        docx = trong_goc(self.thu_muc, year, folder_name, f"{name}.docx")
        pdf = trong_goc(self.thu_muc, year, folder_name, f"{name}.pdf")
        try:
            if plan is None:
                # The issued PDF is the archive's: PDF/A-2b with the Phụ lục VI fields (#10).
                result = renderer().ket_xuat(vb, pdf_a=True, hom_nay=ngay)
                assert result.docx is not None and result.pdf is not None
                docx_data, pdf_data, where = result.docx, result.pdf, None
            else:
                assert leader is not None
                signed = ky_khi_ban_hanh(vb, ngay, plan, leader, now)
                docx_data, pdf_data, where = signed.docx, signed.pdf, signed.vi_tri
        except OSError as error:  # the renderer's scratch files (fonts) on a full disk
            where_ = error.filename if isinstance(error.filename, str) else tempfile.gettempdir()
            raise loi_ghi(Path(where_), error) from None
        values: dict[str, Any] = {
            "docx_sha256": sha256(docx_data),
            "docx_duong_dan": str(docx),
            "ky_so": CHUA_KY_SO,
        }
        values |= {"pdf_sha256": sha256(pdf_data), "pdf_duong_dan": str(pdf)}
        if plan is not None:
            values |= {"ky_so": DA_KY_SO, "nguoi_ky_so": plan.nguoi_ky, "vi_tri_ky": where}
        staged.append(dat_tam(self.thu_muc, van_ban_id, {docx: docx_data, pdf: pdf_data}))
        return [docx, pdf], values

    def _chuan_bi_ky(
        self,
        s: Session,
        row: VanBanRow,
        ten_nguoi: str,
        vai_tro: str,
        draft: VanBan,
        plan: KeHoachKy,
        now: dt.datetime,
        staged: list[BanTam],
    ) -> KetQuaChuyen:
        """Ban hành of a directive whose two-step leader has not signed: the prepared PDF (no
        number, no date) for him, and the directive waits in cho_ky_so."""
        tu = TrangThaiVanBan(row.trang_thai)
        den = chuyen_van_ban(tu, SuKienVanBan.chuan_bi_ky, VaiTro(vai_tro))
        values = self._ban_lanh_dao(row, draft, plan, now, staged)
        doi_trang_thai(s, row, den, now, **values)
        ghi_dong_nhat_ky(s, _dong_chuan_bi(row, ten_nguoi, now, tu, den, values))
        path = Path(values["ban_chuan_bi_duong_dan"])
        return KetQuaChuyen(row.id, tu, den, None, (path,), ky_so=CHO_KY_SO)

    # -- two-step signing (#10) ---------------------------------------------------------------

    def chuan_bi_ky(self, ten_nguoi: str, khoa: str) -> KetQuaChuyen:
        """Chuẩn bị ký số of an approved directive its leader has not signed: the PDF
        without number and date, with his empty signature field, for him to sign on his own
        computer whatever key the configuration gives him; it waits in cho_ky_so.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange.
            Refused: signing is not configured; the leader already signed; a leader other than
                the one who approved it.
            InvalidSetting, SigningFailed: the configuration, his image.
            OutputError: as for :meth:`ban_hanh`.
        """
        return self._dat_vao_cho(lambda s, st: self._chuan_bi_ky_rieng(s, ten_nguoi, khoa, st))

    def _chuan_bi_ky_rieng(
        self, s: Session, ten_nguoi: str, khoa: str, staged: list[BanTam]
    ) -> KetQuaChuyen:
        now = self.clock()
        row = tim_van_ban(s, khoa, for_update=True)
        user = nguoi_dung(s, ten_nguoi)
        role = VaiTro(user.vai_tro)
        tu = TrangThaiVanBan(row.trang_thai)
        chuyen_van_ban(tu, SuKienVanBan.chuan_bi_ky, role, ten=_ai_tren(ten_nguoi, row))
        name = f"directive {row.so_ky_hieu or f'#{row.id}'}"
        config = self.cau_hinh_ky()
        if not config.ky_khi_ban_hanh:
            raise Refused(name, "signing is not configured (VANTHU_KY_SO with khoa_co_quan)")
        if row.ky_so == LANH_DAO_DA_KY:
            raise Refused(name, "its leader has signed it: cancel his signature first")
        approver = nguoi_duyet(s, row.id)
        if role is VaiTro.lanh_dao and ten_nguoi != approver:
            raise Refused(
                f"user '{ten_nguoi}'", f"'{approver}' approved {name}: he signs it, not you"
            )
        plan = lap_ke_hoach_ky(config, approver, co_quan=False)
        assert plan is not None
        plan = replace(plan, lanh_dao=None)  # on his own computer
        draft = van_ban_cua(row, now.date())
        return self._chuan_bi_ky(s, row, ten_nguoi, user.vai_tro, draft, plan, now, staged)

    def ban_chuan_bi(self, ten_nguoi: str, khoa: str) -> Path:
        """The prepared PDF of a directive waiting for its leader's signature (cho_ky_so), for
        him to sign on his own computer: its path, proven under the output folder and still
        the file that was frozen.

        Raises:
            NotFound: no such directive or user.
            Refused: not waiting for a signature; an actor who is neither a văn thư nor the
                leader who signs it; the prepared file is missing or was changed.
            OutputError: the stored path leaves the output folder.
        """
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa)
            user = nguoi_dung(s, ten_nguoi)
            self._nguoi_ky_hai_buoc(row, ten_nguoi, VaiTro(user.vai_tro))
        path, _ = self._doc_chuan_bi(row)
        return path

    def _nguoi_ky_hai_buoc(
        self, row: VanBanRow, ten_nguoi: str, vai_tro: VaiTro, da_ky: bool = False
    ) -> None:
        """Who may handle a directive's two-step signing: any văn thư, and the leader whose
        signature it waits for (``da_ky``: or that it carries, approved and not yet issued).

        Raises:
            Refused: the directive does not wait for a signature, or the actor may not.
        """
        name = row.so_ky_hieu or f"#{row.id}"
        signed = (
            da_ky
            and row.trang_thai == TrangThaiVanBan.da_duyet.value
            and row.ky_so == LANH_DAO_DA_KY
        )
        if row.trang_thai != TrangThaiVanBan.cho_ky_so.value and not signed:
            state = TrangThaiVanBan(row.trang_thai)
            raise Refused(f"directive {name}", f"is {state.label} ({state.value}), not chờ ký số")
        if vai_tro is VaiTro.van_thu or (
            vai_tro is VaiTro.lanh_dao and ten_nguoi == row.nguoi_ky_so
        ):
            return
        raise Refused(
            f"user '{ten_nguoi}'",
            f"{name} waits for the signature of '{row.nguoi_ky_so}': only he or a văn thư "
            "handles it",
        )

    def _doc_chuan_bi(self, row: VanBanRow) -> tuple[Path, bytes]:
        """The prepared PDF's path and bytes, checked against the hash frozen at issue.

        Raises:
            Refused: it is missing or was changed on disk. OutputError: its path leaves the
                output folder.
        """
        name = row.so_ky_hieu or f"#{row.id}"
        path = nam_trong(self.thu_muc, Path(row.ban_chuan_bi_duong_dan or ""))
        try:
            data = path.read_bytes()
        except OSError:
            raise Refused(f"directive {name}", f"its prepared PDF is missing ({path})") from None
        if sha256(data) != row.ban_chuan_bi_sha256:
            raise Refused(f"directive {name}", f"its prepared PDF {path} was changed on disk")
        return path, data

    def nhan_ban_ky(self, ten_nguoi: str, khoa: str, ban_da_ky: bytes) -> KetQuaChuyen:
        """Accept the leader's signed PDF (two-step signing, ký số): only the prepared
        document signed in the leader's field by a certificate the trust roots vouch for, with
        nothing else changed. It is frozen (its SHA-256) and the directive is approved and
        signed by its leader (đã duyệt, lanh_dao_da_ky): the văn thư's Ban hành numbers, dates
        and has the organisation sign it. One transaction with the staged-files protocol; a
        refused upload changes nothing.

        Raises:
            NotFound: no such directive or user.
            Refused: not waiting for a signature; an actor who may not; the prepared PDF is
                missing or changed; a directive numbered by an earlier vanthu.
            SigningFailed: the upload is refused (why: another document, an untrusted or
                invalid signature, more changed than the signature).
            InvalidSetting: the signing configuration.
            OutputError: as for :meth:`ban_hanh`.
        """
        return self._dat_vao_cho(lambda s, st: self._nhan_ban_ky(s, ten_nguoi, khoa, ban_da_ky, st))

    def _nhan_ban_ky(
        self, s: Session, ten_nguoi: str, khoa: str, ban_da_ky: bytes, staged: list[BanTam]
    ) -> KetQuaChuyen:
        now = self.clock()
        row = tim_van_ban(s, khoa, for_update=True)
        user = nguoi_dung(s, ten_nguoi)
        tu = TrangThaiVanBan(row.trang_thai)
        den = chuyen_van_ban(
            tu, SuKienVanBan.ky_so, VaiTro(user.vai_tro), ten=_ai_tren(ten_nguoi, row)
        )
        self._nguoi_ky_hai_buoc(row, ten_nguoi, VaiTro(user.vai_tro))
        if row.so is not None:
            raise Refused(
                f"directive {row.so_ky_hieu}",
                "was numbered before its leader signed, by an earlier vanthu: cancel its "
                "signing (hủy ký số, the number is voided) and issue it again",
            )
        _, prepared = self._doc_chuan_bi(row)
        checked = nhan_chu_ky_lanh_dao(prepared, ban_da_ky, self.cau_hinh_ky())
        path = self._noi_ky(row.id, now, DUOI_LANH_DAO_KY)
        digest = sha256(ban_da_ky)
        staged.append(dat_tam(self.thu_muc, row.id, {path: ban_da_ky}))
        doi_trang_thai(
            s,
            row,
            den,
            now,
            ban_chuan_bi_sha256=digest,
            ban_chuan_bi_duong_dan=str(path),
            ky_so=LANH_DAO_DA_KY,
        )
        leader = checked.chu_ky[-1] if checked.chu_ky else None
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                row.id,
                f"van_ban:{row.id}",
                SuKienVanBan.ky_so.value,
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                ban_ky_sha256=digest,
                **({"chung_thu": leader.nguoi_ky} if leader else {}),
            ),
        )
        return KetQuaChuyen(row.id, tu, den, None, (path,), ky_so=LANH_DAO_DA_KY)

    def huy_ky_so(self, ten_nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Cancel the leader's signing (hủy ký số) of a directive waiting for it (chờ ký số)
        or approved and signed but not issued: the directive stays (or returns to) đã duyệt
        without his signature, and the PDF prepared or signed is removed once that is
        committed; Ban hành then has him sign again. A directive numbered before he signed (an
        earlier vanthu) has its number voided (its register line stays, marked voided, never
        taken again).

        Raises:
            NotFound, ConcurrentChange.
            TransitionRefused: neither waiting for nor carrying his signature, or the role may
                not.
            Refused: a leader who is not the one whose signature it is.
        """
        ly_do = tham_so.ly_do(ly_do)
        now = self.clock()
        with self.store.transaction() as s:
            row = tim_van_ban(s, khoa, for_update=True)
            user = nguoi_dung(s, ten_nguoi)
            tu = TrangThaiVanBan(row.trang_thai)
            den = chuyen_van_ban(
                tu,
                SuKienVanBan.huy_ky_so,
                VaiTro(user.vai_tro),
                ly_do,
                ten=_ai_tren(ten_nguoi, row),
            )
            waiting = row.trang_thai == TrangThaiVanBan.cho_ky_so.value
            if not waiting and row.ky_so != LANH_DAO_DA_KY:
                raise TransitionRefused(
                    _ai_tren(ten_nguoi, row),
                    row.trang_thai,
                    SuKienVanBan.huy_ky_so.value,
                    user.vai_tro,
                    "its leader has not signed it and it waits for no signature",
                )
            self._nguoi_ky_hai_buoc(row, ten_nguoi, VaiTro(user.vai_tro), da_ky=True)
            if row.so is None:
                files = [Path(p) for p in (row.ban_chuan_bi_duong_dan,) if p]
                self._huy_chu_ky(s, row, ten_nguoi, tu, den, now, ly_do)
                voided = None
            else:
                voided, files = self._huy_so_cu(s, row, ten_nguoi, tu, den, now, ly_do)
        xoa_tep(self.thu_muc, files)
        return KetQuaChuyen(row.id, tu, den, voided, ())

    def _huy_chu_ky(
        self,
        s: Session,
        row: VanBanRow,
        ten_nguoi: str,
        tu: TrangThaiVanBan,
        den: TrangThaiVanBan,
        now: dt.datetime,
        ly_do: str | None,
        values: Mapping[str, Any] | None = None,
        logged: Mapping[str, Any] | None = None,
    ) -> None:
        """The leader's signature (prepared or made) dropped, with ``values`` more to clear;
        the directive đã duyệt; the log line carries ``logged``."""
        cleared = dict.fromkeys(
            ("ban_chuan_bi_sha256", "ban_chuan_bi_duong_dan", "ky_so", "nguoi_ky_so", "vi_tri_ky")
        )
        doi_trang_thai(s, row, den, now, **(cleared | dict(values or {})))
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                row.id,
                f"van_ban:{row.id}",
                SuKienVanBan.huy_ky_so.value,
                ten_nguoi,
                now,
                tu=tu.value,
                den=den.value,
                **dict(logged or {}),
                **({"ly_do": ly_do} if ly_do else {}),
            ),
        )

    def _huy_so_cu(
        self,
        s: Session,
        row: VanBanRow,
        ten_nguoi: str,
        tu: TrangThaiVanBan,
        den: TrangThaiVanBan,
        now: dt.datetime,
        ly_do: str | None,
    ) -> tuple[str | None, list[Path]]:
        """A directive an earlier vanthu numbered before its leader signed: the number voided,
        back to đã duyệt without number or date. Returns the voided number and the files to
        remove."""
        assert row.so is not None and row.nam is not None
        voided = row.so_ky_hieu
        line = dong_cua_van_ban(s, row.id, row.so, row.nam)
        if line is None:
            raise NotFound(f"the register line of {voided}", f"directive #{row.id}")
        note = f"Số {voided} đã hủy (hủy ký số)" + (f": {ly_do}" if ly_do else "")
        huy_so(s, line.so_dang_ky, row.nam, row.so, row.id, now, note)
        files = [Path(p) for p in (row.docx_duong_dan, row.ban_chuan_bi_duong_dan) if p]
        draft = {k: v for k, v in row.payload.items() if k not in ("so", "ngay")}
        draft["nam"] = row.nam
        number = {"so": None, "nam": None, "ngay": None, "so_ky_hieu": None, "payload": draft}
        self._huy_chu_ky(
            s,
            row,
            ten_nguoi,
            tu,
            den,
            now,
            ly_do,
            number | {"docx_sha256": None, "docx_duong_dan": None},
            {"so_huy": voided, "so_dang_ky": line.so_dang_ky},
        )
        return voided, files

    @staticmethod
    def _ghi_nhiem_vu(s: Session, van_ban_id: int, vb: VanBan) -> None:
        """Record the tasks the directive assigns, with their bodies."""
        for task in vb.nhiem_vu:
            text = vb.noi_dung[task.doan - 1].tom_tat
            ghi_nhiem_vu(
                s,
                van_ban_id,
                task.doan,
                task.mo_ta or (text[:160] + ("…" if len(text) > 160 else "")),
                task.han,
                task.bao_cao,
                ma_co_quan_nhiem_vu(s, task.ma_co_quan, task.nhom),
            )


#: The states of a directive in force: issued and not recalled or replaced.
CON_HIEU_LUC = frozenset(
    {
        TrangThaiVanBan.da_ban_hanh,
        TrangThaiVanBan.da_phat_hanh,
        TrangThaiVanBan.dang_theo_doi,
        TrangThaiVanBan.hoan_thanh,
    }
)


def _co_quan_ban_hanh(row: VanBanRow) -> tuple[str, str]:
    """The issuing body of a stored directive (its parent body and its own), for comparing."""
    data = row.payload
    return tuple(  # type: ignore[return-value]
        " ".join(str(data.get(key) or "").split()).casefold()
        for key in ("co_quan_chu_quan", "co_quan")
    )


def _dong_chuan_bi(
    row: VanBanRow,
    ten_nguoi: str,
    now: dt.datetime,
    tu: TrangThaiVanBan,
    den: TrangThaiVanBan,
    values: Mapping[str, Any],
) -> dict[str, Any]:
    """The log line of a chuẩn bị ký số: the prepared PDF's hash."""
    return dong_nhat_ky(
        row.id,
        f"van_ban:{row.id}",
        SuKienVanBan.chuan_bi_ky.value,
        ten_nguoi,
        now,
        tu=tu.value,
        den=den.value,
        ban_chuan_bi_sha256=values["ban_chuan_bi_sha256"],
    )


def _kiem_tra_nguoi_soan(
    row: VanBanRow, su_kien: SuKienVanBan, ten_nguoi: str, vai_tro: str
) -> None:
    """Who the draft belongs to: only its drafter submits it; its drafter never returns or
    approves it (another person must review what one person wrote).

    Raises:
        TransitionRefused: naming the user, the drafter and the rule.
    """
    if su_kien is SuKienVanBan.trinh and ten_nguoi != row.nguoi_soan:
        reason = f"only its drafter '{row.nguoi_soan}' submits it, not '{ten_nguoi}'"
    elif su_kien in (SuKienVanBan.duyet, SuKienVanBan.tra_lai) and ten_nguoi == row.nguoi_soan:
        reason = f"'{ten_nguoi}' drafted it; another lãnh đạo must review it"
    else:
        return
    raise TransitionRefused(
        _ai_tren(ten_nguoi, row), row.trang_thai, su_kien.value, vai_tro, reason, "actor"
    )


def _ai_tren(ten_nguoi: str, row: VanBanRow) -> str:
    """Who acts on which directive, as a refusal names them."""
    return f"user '{ten_nguoi}' on directive {row.so_ky_hieu or f'#{row.id}'}"


def giu_so(
    store: Store, ten_nguoi: str, so_dang_ky: str, ghi_chu: str, clock: Clock = bay_gio
) -> int:
    """Take a number for a document outside vanthu (a paper one signed in a hurry, say).

    Decree 30 leaves reservations to each office (spec §7). The number is never reused: if no
    document ever carries it, it stays in the register as a gap with this note.

    Raises:
        Refused: not a văn thư, no note, or a register name that is not "<issuer>:<name>".
    """
    ghi_chu = tham_so.ghi_chu(ghi_chu)
    if not ghi_chu:
        raise Refused("reserve", "say what the number is for (--note)")
    so_dang_ky = tham_so.so_dang_ky(so_dang_ky)
    now = clock()
    with store.transaction() as s:
        if VaiTro(nguoi_dung(s, ten_nguoi).vai_tro) is not VaiTro.van_thu:
            raise Refused(f"user '{ten_nguoi}'", "only a văn thư takes numbers")
        so = giu_so_moi(s, so_dang_ky, now.date(), ghi_chu.strip())
        ghi_dong_nhat_ky(
            s,
            dong_nhat_ky(
                None,
                f"so_dang_ky:{so_dang_ky}:{now.year}:{so}",
                "giu_so",
                ten_nguoi,
                now,
                ghi_chu=ghi_chu.strip(),
            ),
        )
        return so


def ten_tep(so_ky_hieu: str) -> str:
    """A file or folder name for a number and symbol: '18/CĐ-UBND' → '18-CĐ-UBND'.

    Raises:
        Refused: the text cannot name a file (see :func:`.duong_dan.ten_an_toan`).
    """
    return ten_an_toan(so_ky_hieu)


def hoan_tat_cac_ban_hanh(store: Store, goc: Path) -> list[Path]:
    """Finish the issues whose process died between its commit and moving its files into place,
    and drop the staged files of those that never committed (see :mod:`.ghi_tep`).

    Returns:
        The issued files moved into place.
    """

    def da_ghi(van_ban_id: int, hashes: Mapping[str, str]) -> bool:
        # Every staged file is one the store holds with that hash (an issue stages the DOCX
        # and the PDF, or the prepared PDF; accepting a leader's signature the signed PDF).
        with store.transaction() as s:
            stored = tep_da_ban_hanh(s, van_ban_id)
        return stored is not None and all(stored.get(p) == h for p, h in hashes.items())

    return hoan_tat_ban_hanh(goc, da_ghi)


def thu_muc_van_ban(row: VanBanRow) -> Path:
    """Where an issued directive and its distribution live (the folder of its frozen PDF).

    Raises:
        Refused: the directive has not been issued.
    """
    if not row.pdf_duong_dan:
        raise Refused(row.so_ky_hieu or f"#{row.id}", "has not been issued yet")
    return Path(row.pdf_duong_dan).parent


__all__ = [
    "KY_HAI_BUOC",
    "KY_KHOA_MAY_CHU",
    "THU_MUC_MAC_DINH",
    "KetQuaChuyen",
    "VongDoi",
    "tim_van_ban",
]
