"""The application (ứng dụng): the one façade an interface calls, every use case on one store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..ky_so import CauHinhKy, doc_cau_hinh_ky
from ..reading import tham_so
from ..reading.cau_hinh import base_url_hop_le, doc_cau_hinh
from ..reading.danh_ba import doc_danh_ba
from ..reading.van_ban import doc_du_lieu, doc_tep, doc_van_ban, phan_tich_byte
from ..schemas.danh_ba import DanhBa
from ..storage import Store, open_store
from ..storage.danh_ba import NguoiNhanMoRong, cac_nhom
from ..storage.theo_doi import ViecQuaHan
from ..workflow import SuKienVanBan, TrangThaiVanBan, VaiTro
from .clock import Clock, bay_gio
from .danh_ba import nap_danh_ba
from .danh_sach import ChiTietVanBan, DanhSach, DongVanBan
from .don_doc import DonDoc
from .du_thao import DuThao
from .ket_xuat import TepKetXuat
from .lien_ket import LienKetNhan, TrangNhan, loai_tep_bao_cao
from .login import DangNhap, SignedIn
from .nguoi_dung import them_nguoi_dung
from .nhat_ky import DongNhatKy, nhat_ky
from .phat_hanh import KetQuaPhatHanh, PhatHanh, TienDo
from .quan_tri import DanhBaDong, NguoiDungDong, danh_ba, danh_sach_nguoi_dung
from .theo_doi import BangTrangThai, KetQuaXacNhan, TheoDoi
from .tien_trinh import TienTrinh
from .trang_theo_doi import TrangTheoDoi, trang_theo_doi
from .vong_doi import THU_MUC_MAC_DINH, KetQuaChuyen, VongDoi, giu_so

if TYPE_CHECKING:
    from ..ky_so import KetQuaXacMinh
    from .ban_sao import KetQuaSao, SaoVanBan

# The register (.so_dang_ky) and the copies (.ban_sao) load the renderer (python-docx,
# WeasyPrint): imported by the methods that need it, so that tracking commands start without it.


class BoDichVu:
    """The service objects (bộ dịch vụ) wired to one store, clock and output folder.

    The façade holds one; the services' own tests drive them directly. No interface holds one.
    """

    def __init__(
        self,
        db: str | None = None,
        thu_muc: Path = THU_MUC_MAC_DINH,
        clock: Clock = bay_gio,
        store: Store | None = None,
        base_url: str | None = None,
        ky_so: CauHinhKy | None = None,
    ) -> None:
        # The settings are read before the store is opened: a malformed one changes nothing.
        cau_hinh = doc_cau_hinh()
        clock()
        self.store = store or open_store(db)
        self.thu_muc = thu_muc
        self.clock = clock
        self.ky_so = ky_so
        self.vong_doi = VongDoi(self.store, thu_muc, clock, cau_hinh, ky_so)
        self.phat_hanh = PhatHanh(self.store, clock, thu_muc=thu_muc, base_url=base_url)
        self.theo_doi = TheoDoi(self.store, clock)
        self.don_doc = DonDoc(self.vong_doi, self.theo_doi)
        self.dang_nhap = DangNhap(self.store, clock)
        self.danh_sach = DanhSach(self.store, clock)
        self.du_thao = DuThao(self.store, clock)
        self.lien_ket = LienKetNhan(self.store, self.theo_doi, thu_muc, clock, base_url)
        self._ban_sao: SaoVanBan | None = None

    @property
    def ban_sao(self) -> SaoVanBan:
        """The copy use case, made on first use (it loads the renderer)."""
        if self._ban_sao is None:
            from .ban_sao import SaoVanBan

            self._ban_sao = SaoVanBan(
                self.store, self.thu_muc, self.clock, self.vong_doi.cau_hinh_ky
            )
        return self._ban_sao

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()


@dataclass(frozen=True)
class KetQuaBaoCao:
    """A report stored: the reply's number and the SHA-256 of its file (if one was given)."""

    so_ky_hieu_tra_loi: str
    sha256: str | None


class UngDung:
    """What an interface (CLI, web desk) holds: one method per use case, on one store.

    ``nguoi`` is always the acting user's name; the interface has found out who acts. Every
    method opens and ends its own transactions: the caller never sees a store, a session or a
    connection. Refusals are :class:`vanthu.errors.VanthuError` subclasses, one line each.
    """

    def __init__(
        self,
        db: str | None = None,
        thu_muc: Path = THU_MUC_MAC_DINH,
        clock: Clock = bay_gio,
        base_url: str | None = None,
        ky_so: Path | None = None,
    ) -> None:
        """Open the store at ``db`` (a SQLite file or a postgresql:// URL; None: the default).
        ``base_url`` is the desk's public URL that slips and mails link to (None:
        ``VANTHU_BASE_URL`` when distributing, or http://127.0.0.1:8000). ``ky_so`` names the
        signing configuration (None: ``VANTHU_KY_SO``, read at each issue; see
        :mod:`vanthu.ky_so.cau_hinh`).

        Raises:
            InvalidSetting: ``VANTHU_CONFIG``, ``VANTHU_NOW`` or the database URL is malformed
                (read before the store is opened, so nothing changes).
            StoreUnavailable: not a database, no server, no such database, locked too long.
        """
        signing = None if ky_so is None else doc_cau_hinh_ky(ky_so)
        self._dv = BoDichVu(
            db,
            thu_muc,
            clock,
            base_url=None if base_url is None else base_url_hop_le(base_url),
            ky_so=signing,
        )

    def close(self) -> None:
        """Release the store's connections.

        Raises:
            Nothing a user can cause.
        """
        self._dv.close()

    # -- files in ----------------------------------------------------------------------------

    @staticmethod
    def doc_du_thao(tep: Path) -> dict[str, Any]:
        """Read a directive file for a draft: validated in full (file, line and field path
        named) before anything is stored, and the data as read, bounded like ``check``.

        Raises:
            InvalidDirective: unreadable, malformed, or breaking a rule of the directive file.
        """
        doc_tep(tep)
        data: dict[str, Any] = doc_du_lieu(tep)
        return data

    @staticmethod
    def doc_du_thao_byte(noi_dung: bytes, ten_tep: str) -> dict[str, Any]:
        """Read an uploaded directive file's bytes as :meth:`doc_du_thao` reads a file: the
        same limits and checks, nothing written; ``ten_tep`` names it (``.json`` is JSON, any
        other name YAML).

        Raises:
            InvalidDirective: too large, not UTF-8, malformed, or breaking a rule.
        """
        data: dict[str, Any] = phan_tich_byte(noi_dung, ten_tep, Path(ten_tep).suffix)
        doc_van_ban(data, ten_tep)
        return data

    @staticmethod
    def doc_danh_ba(tep: Path) -> DanhBa:
        """Read a directory file (YAML or CSV) to load with :meth:`nap_danh_ba`.

        Raises:
            InvalidDirective: unreadable or invalid, with the row or field named.
        """
        return doc_danh_ba(tep)

    # -- users and the directory -------------------------------------------------------------

    def them_nguoi_dung(
        self,
        nguoi: str | None,
        ten: str,
        ho_ten: str,
        vai_tro: VaiTro,
        ma_co_quan: str | None = None,
    ) -> None:
        """Add or update a user, as the văn thư ``nguoi`` (None only for a store's first user,
        who must be a văn thư).

        Raises:
            Refused: a bad name; a body for a user who is not a đơn vị nhận or none for one who
                is; an actor who is not a văn thư; demoting the last văn thư.
            NotFound: the actor or the body is not in the store.
        """
        them_nguoi_dung(
            self._dv.store,
            ten,
            ho_ten,
            vai_tro,
            ma_co_quan,
            nguoi_thuc_hien=nguoi,
            clock=self._dv.clock,
        )

    def dat_mat_khau(self, nguoi: str | None, ten: str, mat_khau: str) -> None:
        """Set ``ten``'s web desk password, as the văn thư ``nguoi`` or as ``ten`` themselves
        (None: while creating the store's first user). Their open sessions end.

        Raises:
            Refused: a password shorter than 8 or longer than 1,024 characters; an actor who may
                not set it.
            NotFound: no such user or actor.
        """
        self._dv.dang_nhap.dat_mat_khau(nguoi, ten, mat_khau)

    def dang_nhap(self, ten: str, mat_khau: str) -> tuple[str, SignedIn]:
        """Sign in to the web desk: a new session's cookie value, and who signed in.

        Raises:
            Refused: wrong user name or password (one message for both).
            Throttled: too many failures in a row; wait ``retry_after`` seconds.
        """
        return self._dv.dang_nhap.dang_nhap(ten, mat_khau)

    def nguoi_cua_phien(self, token: str) -> SignedIn | None:
        """Who a session cookie value belongs to; None if it is unknown, expired or ended.

        Raises:
            Nothing a user can cause.
        """
        return self._dv.dang_nhap.nguoi_cua_phien(token)

    def dang_xuat(self, token: str) -> None:
        """End a web session (sign-out).

        Raises:
            Nothing a user can cause.
        """
        self._dv.dang_nhap.dang_xuat(token)

    def tao_ma_truy_cap(self, nguoi: str, ten_ma: str) -> str:
        """A new bearer token for the API, acting as ``nguoi``; shown once, stored hashed.

        Raises:
            Refused: an empty or over-long name. NotFound: no such user.
        """
        return self._dv.dang_nhap.tao_ma_truy_cap(nguoi, ten_ma)

    def thu_hoi_ma_truy_cap(self, nguoi: str, ten_ma: str, cua: str | None = None) -> int:
        """Revoke the live bearer tokens named ``ten_ma`` of ``cua`` (default: ``nguoi``;
        another user's only by a văn thư); how many.

        Raises:
            Refused: an actor who may not, or no live token of that name.
            NotFound: no such user.
        """
        return self._dv.dang_nhap.thu_hoi_ma_truy_cap(nguoi, ten_ma, cua)

    def nguoi_cua_ma_truy_cap(self, token: str) -> SignedIn | None:
        """Who a bearer token belongs to; None if it is unknown or revoked.

        Raises:
            Nothing a user can cause.
        """
        return self._dv.dang_nhap.nguoi_cua_ma_truy_cap(token)

    def nhom_danh_ba(self) -> list[tuple[str, int]]:
        """Every group of the directory and how many bodies it has, for a Nơi nhận line.

        Raises:
            Nothing a user can cause.
        """
        with self._dv.store.transaction() as s:
            return cac_nhom(s)

    def nap_danh_ba(self, nguoi: str | None, danh_ba: DanhBa) -> int:
        """Add or update every body and group of a directory in one transaction; how many.

        Raises:
            Refused: no actor, or one who is not a văn thư; a name the fonts cannot draw.
            NotFound: no such user.
        """
        return nap_danh_ba(self._dv.store, danh_ba, nguoi, self._dv.clock)

    def danh_ba(self, tim: str = "") -> DanhBaDong:
        """The directory's bodies by code (those holding every word of ``tim`` in their code,
        names, e-mail or groups, diacritics ignored), and every group with its size.

        Raises:
            Nothing a user can cause.
        """
        return danh_ba(self._dv.store, tim)

    def danh_sach_nguoi_dung(self, nguoi: str) -> list[NguoiDungDong]:
        """Every user by name (full name, role, body, whether they have a password), for the
        văn thư ``nguoi``.

        Raises:
            Refused: the actor is not a văn thư.
            NotFound: no such actor.
        """
        return danh_sach_nguoi_dung(self._dv.store, nguoi)

    # -- the directive's lifecycle -----------------------------------------------------------

    def soan_thao(self, nguoi: str, du_lieu: dict[str, Any], nguon: str) -> KetQuaChuyen:
        """Store a new draft (dự thảo) from directive data (see :meth:`doc_du_thao`).

        Raises:
            InvalidDirective: the data breaks a rule, or already carries a number or date.
            Refused: the user does not draft, or the Nơi nhận names unknown bodies or groups.
            NotFound: no such user.
        """
        return self._dv.vong_doi.soan_thao(nguoi, du_lieu, nguon)

    def sua_du_thao(
        self, nguoi: str, khoa: str, du_lieu: dict[str, Any], nguon: str
    ) -> KetQuaChuyen:
        """Replace a draft's content (before review, or once returned), as its drafter; the
        state stays, the version goes up, the log records it.

        Raises:
            InvalidDirective: the data breaks a rule, or carries a number or date.
            Refused: not its drafter; the Nơi nhận or a task names unknown bodies or groups.
            TransitionRefused: the draft is under review or further on.
            NotFound, ConcurrentChange.
        """
        return self._dv.du_thao.sua(nguoi, khoa, du_lieu, nguon)

    def xem_truoc(self, du_lieu: dict[str, Any], nguon: str) -> list[bytes]:
        """The pages directive data would print as a draft, as JPEG images (same renderer as
        issuing); nothing is stored.

        Raises:
            InvalidDirective: the data breaks a rule, or carries a number or date.
            UnsupportedLayout, RenderError.
        """
        return self._dv.du_thao.xem_truoc(du_lieu, nguon)

    def xem_truoc_van_ban(self, khoa: str) -> list[bytes]:
        """The pages of a stored directive as they print now, as JPEG images.

        Raises:
            NotFound: no such directive. UnsupportedLayout, RenderError.
        """
        return self._dv.du_thao.xem_truoc_van_ban(khoa)

    def trinh(self, nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Submit a draft for review (trình).

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.trinh, ly_do)

    def tra_lai(self, nguoi: str, khoa: str, ly_do: str | None) -> KetQuaChuyen:
        """Return a draft to its drafter (trả lại), with the reason.

        Raises:
            TransitionRefused: not under review, not a leader, or no reason.
            NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.tra_lai, ly_do)

    def duyet(self, nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Approve and sign (duyệt, ký). With a signing configuration (#10) the directive is
        drawn without number and date and the leader signs it now: his server-held key
        (``ky_so``: ``lanh_dao_da_ky``; the log records ``dong_y_ky_so: khoa_may_chu``, the
        key and the signed file's hash), or, signing on his own computer, the prepared PDF
        waits for him (``cho_ky_so``, see :meth:`ban_chuan_bi`, :meth:`nhan_ban_ky`). His key
        is checked first: one that cannot sign refuses the approval and changes nothing.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
            InvalidSetting, SigningFailed: the signing configuration, the leader's key.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.duyet, ly_do)

    def ban_hanh(self, nguoi: str, khoa: str) -> KetQuaChuyen:
        """Issue (ban hành): number, date, render and freeze the files, write the register line.

        With a signing configuration (#10), the number and date are filled in the PDF the
        leader signed at Duyệt (the numbered directive drawn again supplies their look) and
        the organisation signs; that file is frozen and distributed (``KetQuaChuyen.ky_so`` is
        ``da_ky_so``). A directive its leader has not signed is signed now by his server-held
        key, or, if he signs on his own computer, prepared for him without a number
        (``cho_ky_so``). Without a configuration the issue is unsigned (``chua_ky_so``).

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
            RenderError: the directive cannot be rendered (no number is taken).
            InvalidSetting, SigningFailed: a key, passphrase, PIN, certificate's trust or
                image fails (checked before the number is taken: none is).
            OutputError: the output folder cannot be written (nothing stored changed), or the
                files of a committed issue could not be moved into place yet.
        """
        return self._dv.vong_doi.ban_hanh(nguoi, khoa)

    def ban_chuan_bi(self, nguoi: str, khoa: str) -> Path:
        """The prepared PDF of a directive waiting for its leader's own signature (cho_ky_so):
        he downloads it, signs the empty field ``nguoi_ky`` with his own tool and uploads it
        with :meth:`nhan_ban_ky`. Only a văn thư or that leader may have it.

        Raises:
            NotFound: no such directive or user.
            Refused: not waiting for a signature, an actor who may not, the file missing or
                changed on disk.
            OutputError: the stored path leaves the output folder.
        """
        return self._dv.vong_doi.ban_chuan_bi(nguoi, khoa)

    def nhan_ban_ky(self, nguoi: str, khoa: str, ban_da_ky: bytes) -> KetQuaChuyen:
        """Accept the leader's signed PDF (two-step signing): only that prepared document
        signed in its field by a trusted certificate, nothing else changed; it is frozen and the
        directive is approved and signed (``lanh_dao_da_ky``), for Ban hành. A refusal changes
        nothing.

        Raises:
            NotFound, ConcurrentChange.
            Refused: not waiting for a signature, an actor who may not.
            SigningFailed: the upload is refused, saying why.
            InvalidSetting, OutputError.
        """
        return self._dv.vong_doi.nhan_ban_ky(nguoi, khoa, ban_da_ky)

    def nhan_ban_ky_tep(self, nguoi: str, khoa: str, tep: Path) -> KetQuaChuyen:
        """:meth:`nhan_ban_ky` with the signed PDF read from a file (at most 200 MiB).

        Raises:
            InvalidSetting: the file cannot be read or is too big; as for :meth:`nhan_ban_ky`.
        """
        from .ky_so import doc_pdf

        return self.nhan_ban_ky(nguoi, khoa, doc_pdf(tep))

    def chuan_bi_ky(self, nguoi: str, khoa: str) -> KetQuaChuyen:
        """Prepare the approving leader's two-step signature (chuẩn bị ký số) of an approved
        directive he has not signed, whatever key the configuration gives him: the PDF
        without number and date, his empty signature field; it waits in ``cho_ky_so``. A văn
        thư or that leader.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange.
            Refused: signing not configured, already signed, another leader.
            InvalidSetting, SigningFailed, RenderError, OutputError.
        """
        return self._dv.vong_doi.chuan_bi_ky(nguoi, khoa)

    def huy_ky_so(self, nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Cancel the leader's signature before the issue (waited for in ``cho_ky_so``, or
        made): the directive is đã duyệt without it, and Ban hành has him sign again; a văn
        thư or that leader.

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.huy_ky_so(nguoi, khoa, ly_do)

    def cach_ky_so(self, nguoi: str) -> str | None:
        """How the leader ``nguoi`` will sign what he approves, from the signing configuration
        (nothing is opened): ``khoa_may_chu`` (his server-held key signs at his Duyệt),
        ``hai_buoc`` (he signs the prepared PDF on his own computer), None (issuing does not
        sign).

        Raises:
            InvalidSetting: the signing configuration cannot be read.
        """
        return self._dv.vong_doi.cach_ky(nguoi)

    def xac_minh_ban_hanh(self, khoa: str) -> KetQuaXacMinh | None:
        """The issued directive's frozen, signed PDF verified now against the configured trust
        roots: each signature (who, role, time, trust) and one verdict; None when it was not
        issued signed.

        Raises:
            NotFound: no such directive, or its signed PDF is missing.
            InvalidSetting: the signing configuration or a trust root cannot be read.
            OutputError: the stored path lies outside the output folder.
        """
        from .chu_ky_van_ban import xac_minh_ban_hanh

        return xac_minh_ban_hanh(
            self._dv.store, self._dv.thu_muc, khoa, self._dv.vong_doi.cau_hinh_ky()
        )

    def theo_doi(self, nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Start following up the directive's tasks (theo dõi).

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.theo_doi, ly_do)

    def hoan_thanh(self, nguoi: str, khoa: str, ly_do: str | None = None) -> KetQuaChuyen:
        """Mark the directive completed (hoàn thành).

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.hoan_thanh, ly_do)

    def thu_hoi(self, nguoi: str, khoa: str, ly_do: str | None) -> KetQuaChuyen:
        """Recall an issued directive (thu hồi); every body it went to is told, in its folder
        and by e-mail when the channel is on (what was not mailed is in the result).

        Raises:
            TransitionRefused: not issued, not a văn thư or leader, or no reason.
            NotFound, ConcurrentChange, Refused.
            OutputError: a notice cannot be written (the recall is then not made).
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.thu_hoi, ly_do)

    def thay_the(self, nguoi: str, khoa: str, thay_bang: str) -> KetQuaChuyen:
        """Record that the newer, issued directive ``thay_bang`` replaces this one (thay thế).

        Raises:
            TransitionRefused, NotFound, ConcurrentChange, Refused.
        """
        return self._dv.vong_doi.chuyen(nguoi, khoa, SuKienVanBan.thay_the, thay_bang=thay_bang)

    # -- reading ---------------------------------------------------------------------------

    def danh_sach_van_ban(
        self,
        trang_thai: list[TrangThaiVanBan] | None = None,
        tim: str = "",
        nguoi: str | None = None,
    ) -> list[DongVanBan]:
        """Directives, newest first, in the given states (None: all) and holding every word of
        ``tim`` in their number, symbol or subject, diacritics ignored; at most 500. With
        ``nguoi``, those that user may read (a body's user: those sent to its body).

        Raises:
            NotFound: no user ``nguoi``.
        """
        return self._dv.danh_sach.danh_sach(trang_thai, tim, nguoi)

    def xem_van_ban(self, khoa: str, nguoi: str | None = None) -> ChiTietVanBan:
        """One directive (id, ``#id`` or number and symbol): content, state, who drafted it.
        With ``nguoi``, only one that user may read (see :meth:`duoc_xem_van_ban`).

        Raises:
            NotFound: no such directive, or one ``nguoi`` may not read.
        """
        return self._dv.danh_sach.xem(khoa, nguoi)

    def duoc_xem_van_ban(self, nguoi: str, khoa: str) -> None:
        """``nguoi`` may read the directive: the office's staff every one, a body's user (đơn
        vị nhận) only those sent to its body; to it, any other does not exist.

        Raises:
            NotFound: no such directive, or one the user may not read; no such user.
        """
        self._dv.danh_sach.duoc_xem(nguoi, khoa)

    # -- distribution ------------------------------------------------------------------------

    def xem_truoc_noi_nhan(self, khoa: str) -> list[NguoiNhanMoRong]:
        """The bodies the Nơi nhận expands to, for the clerk to see before distributing.

        Raises:
            NotFound: no such directive.
            Refused: the Nơi nhận names bodies or groups the directory lacks.
        """
        return self._dv.phat_hanh.xem_truoc(khoa)

    def tien_trinh_phat_hanh(self, khoa: str) -> TienTrinh | None:
        """The directive's last distribution run, whichever process ran it (the desk's page
        polls it); None if it was never distributed.

        Raises:
            NotFound: no such directive.
        """
        return self._dv.phat_hanh.tien_trinh(khoa)

    def phat_hanh(
        self,
        nguoi: str,
        khoa: str,
        tien_do: TienDo | None = None,
        gui_thu: bool | None = None,
    ) -> KetQuaPhatHanh:
        """Distribute an issued directive to every body of its Nơi nhận (phát hành); safe to
        run again. ``tien_do(done, total)`` is told the progress; ``gui_thu`` also mails each
        body (None: when the e-mail channel is configured).

        Raises:
            TransitionRefused: not issued yet, recalled, or the actor is not a văn thư.
            Refused: unknown bodies or groups; e-mail asked for but not (or badly) configured.
            OutputError: a folder cannot be written, or an issued file is missing.
            DeliveryFailed: some bodies could not be delivered; the others are recorded.
        """
        return self._dv.phat_hanh.phat_hanh(nguoi, khoa, tien_do, gui_thu)

    # -- tracking ----------------------------------------------------------------------------

    def xac_nhan(
        self,
        nguoi: str,
        khoa: str | None = None,
        ma_co_quan: str | None = None,
        ma_xac_nhan: str | None = None,
    ) -> KetQuaXacNhan:
        """Record that a body received a directive (xác nhận): by directive and body, or by the
        slip's code (as printed, ``vanthu:ack:<tracking>:<code>``, or the recipient's link
        ``<base url>/nhan/<tracking>/<code>``). Repeating it changes nothing.

        Raises:
            Refused: not a recipient, a recalled directive, a user acting for another body, or
                a code that is not valid.
            NotFound: no such user, directive or body.
            TransitionRefused: not sent yet, or sent back as misaddressed.
        """
        if ma_xac_nhan:
            # The code as printed, the slip's old QR content, or the recipient's link: a
            # tracking code given with it must name the same copy.
            ma_theo_doi, ma_xac_nhan = tham_so.ma_xac_nhan_lien_ket(ma_xac_nhan)
            if ma_theo_doi is not None:
                self._dv.lien_ket.mo(ma_theo_doi, ma_xac_nhan)
        return self._dv.theo_doi.xac_nhan(nguoi, khoa, ma_co_quan, ma_xac_nhan)

    def tu_choi(self, nguoi: str, khoa: str, ma_co_quan: str, ly_do: str) -> None:
        """Record that a body sent the directive back as misaddressed (từ chối), with the reason.

        Raises:
            Refused: not a recipient, a recalled directive, or a user acting for another body.
            TransitionRefused: not sent yet, already acknowledged, or no reason given.
        """
        self._dv.theo_doi.tu_choi(nguoi, khoa, ma_co_quan, ly_do)

    def bao_cao(
        self,
        nguoi: str,
        khoa: str,
        ma_co_quan: str,
        so_ky_hieu_tra_loi: str,
        tep: Path | None = None,
    ) -> KetQuaBaoCao:
        """Store a body's report back on the directive's tasks (báo cáo), its file hashed.

        Raises:
            InvalidSetting: a reply number or a file out of the limits.
            Refused, NotFound, TransitionRefused: as for :meth:`xac_nhan`.
        """
        report = self._dv.theo_doi.bao_cao(nguoi, khoa, ma_co_quan, so_ky_hieu_tra_loi, tep)
        return KetQuaBaoCao(report.so_ky_hieu_tra_loi, report.sha256)

    # -- the recipient's link (no account: the link is the body's credential) --------------

    def lien_ket_noi_nhan(self, nguoi: str, khoa: str, ma_co_quan: str) -> str:
        """The recipient's link of one body's copy (what its slip's QR code carries), for the
        văn thư ``nguoi`` to hand on, or for a body's user to open its own copy's page.

        Raises:
            Refused: the actor is neither a văn thư nor that body's user, or the directive was
                not sent to that body.
            NotFound: no such user or directive.
        """
        return self._dv.lien_ket.duong_dan(nguoi, khoa, ma_co_quan)

    def mo_lien_ket(self, ma_theo_doi: str, ma_xac_nhan: str) -> TrangNhan:
        """What the recipient's page shows for ``/nhan/<ma_theo_doi>/<ma_xac_nhan>``: the
        directive, this body's copy, its tasks and reports — nothing of any other body. A
        recalled directive's link opens to say so (``thu_hoi``) and shows nothing else.

        Raises:
            NotFound: the link names no copy (a wrong code, another body's, a swapped tracking
                code: one message for all).
        """
        return self._dv.lien_ket.mo(ma_theo_doi, ma_xac_nhan)

    def xac_nhan_lien_ket(self, ma_theo_doi: str, ma_xac_nhan: str) -> KetQuaXacNhan:
        """Confirm receipt by the recipient's link, for its own body; repeating it changes
        nothing.

        Raises:
            NotFound: not a link. Refused: the directive has been recalled.
            TransitionRefused: not sent yet, or sent back as misaddressed.
        """
        return self._dv.lien_ket.xac_nhan(ma_theo_doi, ma_xac_nhan)

    def bao_cao_lien_ket(
        self, ma_theo_doi: str, ma_xac_nhan: str, so_ky_hieu_tra_loi: str, tep: Path
    ) -> KetQuaBaoCao:
        """Store the report of the link's body: reply number and a PDF or DOCX file (told by
        its content; the sender's file name is not used). ``tep`` is left where it is.

        Raises:
            NotFound: not a link. Refused: the directive has been recalled.
            InvalidSetting: a reply number out of the limits; a file too big, or neither a PDF
                nor a DOCX.
            TransitionRefused: not sent yet, or sent back as misaddressed.
        """
        so, digest = self._dv.lien_ket.bao_cao(ma_theo_doi, ma_xac_nhan, so_ky_hieu_tra_loi, tep)
        return KetQuaBaoCao(so, digest)

    def tep_lien_ket(self, ma_theo_doi: str, ma_xac_nhan: str, dinh_dang: str) -> Path:
        """The issued ``pdf`` or ``docx`` the link's body received, proven to lie under the
        output folder.

        Raises:
            NotFound: not a link, another format, or the file is missing.
            Refused: the directive has been recalled.
            OutputError: the stored path leaves the output folder.
        """
        return self._dv.lien_ket.tep(ma_theo_doi, ma_xac_nhan, dinh_dang)

    def bao_cao_theo_ma(
        self, nguoi: str, ma_xac_nhan: str, so_ky_hieu_tra_loi: str, tep: Path | None = None
    ) -> KetQuaBaoCao:
        """Store a report on the copy a slip's token names (as :meth:`bao_cao`); a file is a PDF
        or a DOCX told by its bytes, as the recipient's link tells it (its name is not used).

        Raises:
            NotFound: no copy has that token.
            InvalidSetting: a file that is neither a PDF nor a DOCX; as for :meth:`bao_cao`.
            Refused, TransitionRefused: as for :meth:`bao_cao`.
        """
        khoa, ma_co_quan = self._dv.theo_doi.ban_sao_cua_ma(ma_xac_nhan)
        duoi = None if tep is None else loai_tep_bao_cao(tep)
        report = self._dv.theo_doi.bao_cao(
            nguoi, khoa, ma_co_quan, so_ky_hieu_tra_loi, tep, duoi=duoi
        )
        return KetQuaBaoCao(report.so_ky_hieu_tra_loi, report.sha256)

    def theo_doi_qua_han(self, khoa: str | None = None) -> list[ViecQuaHan]:
        """Every body overdue on a task (of one directive, or of all).

        Raises:
            NotFound: no such directive.
        """
        return self._dv.theo_doi.qua_han(khoa)

    def trang_thai(self, khoa: str) -> BangTrangThai:
        """The per-recipient status table of a directive: sent, received, late, reported.

        Raises:
            NotFound: no such directive.
        """
        return self._dv.theo_doi.trang_thai(khoa)

    def trang_theo_doi(
        self,
        khoa: str,
        loc: str = "tat_ca",
        so_trang: int = 1,
        moi_trang: int = 200,
        so_su_kien: int = 50,
    ) -> TrangTheoDoi:
        """The tracking page of a directive: page ``so_trang`` of ``moi_trang`` recipients that
        filter ``loc`` keeps (a key of ``theo_doi.DIEU_KIEN``; a page past the last is the last),
        the totals and counts over every recipient, and the ``so_su_kien`` newest lines of the
        timeline, newest first; all read in one snapshot, counted and filtered by the store.

        Raises:
            InvalidSetting: an unknown filter, or a page size below 1.
            NotFound: no such directive.
        """
        return trang_theo_doi(
            self._dv.store, self._dv.clock, khoa, loc, so_trang, moi_trang, so_su_kien
        )

    def don_doc(self, nguoi: str, khoa: str) -> tuple[KetQuaChuyen, TepKetXuat]:
        """Draft and render the reminder công văn (đôn đốc) to the overdue bodies.

        Raises:
            Refused: nobody is overdue, or the user does not draft.
            NotFound: no such user or directive.
            RenderError, OutputError: the draft cannot be rendered or written.
        """
        return self._dv.don_doc.nhac_nho(nguoi, khoa)

    def tong_hop(self, nguoi: str, khoa: str, ho_ten: str | None = None) -> TepKetXuat:
        """Render the summary report (báo cáo tổng hợp) for the leader, signed by ``ho_ten``
        (default: the acting user's full name).

        Raises:
            NotFound: no such user or directive.
            Refused: the user may not read this summary.
            RenderError, OutputError: the summary cannot be rendered or written.
        """
        return self._dv.don_doc.tong_hop(nguoi, khoa, ho_ten)

    def tep_tai_ve(self, khoa: str, loai: str, ma_co_quan: str | None = None) -> Path:
        """The stored file a desk serves for download: ``loai`` is ``docx`` or ``pdf`` (the
        issued files), ``phieu_gui`` (the slip of body ``ma_co_quan``), ``tong_hop_docx`` or
        ``tong_hop_pdf`` (the summary). The path never comes from the caller.

        Raises:
            NotFound: no such directive, kind, recipient, or no such file written yet.
            InvalidSetting: a malformed body code.
            OutputError: the stored path lies outside the output folder.
        """
        from .tai_ve import tep_tai_ve

        return tep_tai_ve(self._dv.store, self._dv.thu_muc, khoa, loai, ma_co_quan)

    # -- the books ---------------------------------------------------------------------------

    def nhat_ky(self, khoa: str, chi_van_ban: bool = False) -> list[DongNhatKy]:
        """Every logged event of a directive and its recipients, oldest first (nhật ký); with
        ``chi_van_ban``, the directive's own events only, none of its recipients'.

        Raises:
            NotFound: no such directive.
        """
        return nhat_ky(self._dv.store, khoa, chi_van_ban)

    def so_dang_ky(self, nam: int | str) -> list[tuple[str, ...]]:
        """The outgoing register (sổ đăng ký văn bản đi) of a year, one row per number taken.

        Raises:
            InvalidSetting: not a year within the limits.
        """
        from .so_dang_ky import so_dang_ky

        return so_dang_ky(self._dv.store, nam)

    def so_dang_ky_csv(self, nam: int | str) -> str:
        """The register of a year as CSV text.

        Raises:
            InvalidSetting: not a year within the limits.
        """
        from .so_dang_ky import so_dang_ky, so_dang_ky_csv

        return so_dang_ky_csv(so_dang_ky(self._dv.store, nam))

    def so_dang_ky_tep(self, nam: int | str, thu_muc: Path | None = None) -> list[Path]:
        """Write the register of a year as DOCX, PDF and CSV (``output/<nam>/`` if no folder).

        Raises:
            InvalidSetting: not a year within the limits.
            RenderError: rendering failed.
            OutputError: the folder cannot be written.
        """
        from .so_dang_ky import so_dang_ky_tep

        return so_dang_ky_tep(self._dv.store, nam, thu_muc)

    def so_dang_ky_byte(self, nam: int | str, dinh_dang: str) -> bytes:
        """The register of a year as the bytes of one file, ``docx``, ``pdf`` or ``csv`` (with
        a byte-order mark, as :meth:`so_dang_ky_tep` writes it), for a desk to send.

        Raises:
            InvalidSetting: not a year within the limits, or another format.
            RenderError: rendering failed.
        """
        from .so_dang_ky import so_dang_ky_byte

        return so_dang_ky_byte(self._dv.store, nam, dinh_dang)

    def sao(
        self,
        nguoi: str,
        khoa: str,
        hinh_thuc: str,
        muc: str | None = None,
        dien_tu: bool = False,
        noi_nhan: list[str] | None = None,
        thu_muc: Path | None = None,
    ) -> KetQuaSao:
        """Make a copy (bản sao) of an issued directive: sao_y, sao_luc or trich_sao, on paper
        (DOCX and PDF with the copy block) or electronic (PDF with box 14); ``muc`` lists a
        trích sao's body items ("1,3-4"). The copy takes the next number of its body's copies'
        register; see :meth:`.ban_sao.SaoVanBan.sao`.

        Raises:
            InvalidSetting, NotFound, Refused, OutputError, RenderError.
        """
        from .ban_sao import doc_muc

        return self._dv.ban_sao.sao(
            nguoi,
            khoa,
            hinh_thuc,
            doc_muc(muc),
            dien_tu,
            [tham_so.dong(t, "--to") for t in noi_nhan or []],
            thu_muc=thu_muc,
        )

    def giu_so(self, nguoi: str, so_dang_ky: str, ghi_chu: str) -> int:
        """Take the next number of a register for a document issued outside vanthu (giữ số);
        it is never reused.

        Raises:
            Refused: not a văn thư, no note, or a register name that is not "<issuer>:<name>".
            NotFound: no such user.
        """
        return giu_so(self._dv.store, nguoi, so_dang_ky, ghi_chu, self._dv.clock)

    @staticmethod
    def vong_doi_diagram() -> str:
        """The lifecycle diagram (Mermaid), drawn from the workflow tables.

        Raises:
            Nothing a user can cause.
        """
        return vong_doi_diagram()


def vong_doi_diagram() -> str:
    """The lifecycle diagram (Mermaid), drawn from the workflow tables."""
    from ..workflow.diagram import mermaid_diagram

    return mermaid_diagram()


__all__ = ["BoDichVu", "KetQuaBaoCao", "SuKienVanBan", "UngDung", "VaiTro", "vong_doi_diagram"]
