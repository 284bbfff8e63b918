"""The recipient's link (liên kết nhận): ``<base url>/nhan/<mã theo dõi>/<mã xác nhận>``, what a
body opens from its slip's QR code or its e-mail, with no account.

The link is the body's credential for one directive. Its tracking code names the copy (unique,
not secret: ``VB12-SYT``); its token is random (``secrets.token_hex(12)``: 96 bits, drawn when
the recipients are recorded) and is compared with :func:`hmac.compare_digest`, so the time a
refusal takes says nothing about how much of a guess was right (PostgreSQL's one-statement
acknowledgement compares SHA-256 digests of the two instead, to the same end; when it writes
nothing, the link is judged here). Both parts must belong to the same copy: a token of another
body, or a tracking code swapped for another, is refused as an unknown link, with one message
for every kind of mismatch. The link acts for its own body only, as that body's user would
(``thay_co_quan``), and the log records it as ``lien-ket:<mã>``. Once the directive is recalled
the link still opens (to say so) but shows and does nothing else.
"""

from __future__ import annotations

import datetime as dt
import hmac
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from ..delivery.duong_dan import nam_trong
from ..errors import InvalidSetting, NotFound, Refused
from ..reading import tham_so
from ..reading.cau_hinh import doc_base_url
from ..rendering.loi_van import ten_loai
from ..schemas.gio import gio_viet_nam
from ..storage import Session, Store
from ..storage.danh_ba import nguoi_dung
from ..storage.lien_ket import (
    BanSaoLienKet,
    BaoCaoDaGui,
    NhiemVuCuaCoQuan,
    ban_sao_theo_ma,
    bao_cao_cua,
    ma_lien_ket,
    nhiem_vu_cua,
)
from ..storage.theo_doi import DongXacNhan
from ..storage.van_ban import van_ban_cua
from ..workflow import TrangThaiNoiNhan, VaiTro
from ..workflow.xac_nhan import DIEU_KIEN_XAC_NHAN
from .clock import Clock, bay_gio
from .theo_doi import KetQuaXacNhan, TheoDoi
from .vong_doi import tim_van_ban

#: What a report file may be, told by its first bytes: the suffix it is stored under.
LOAI_BAO_CAO = {"pdf": ".pdf", "docx": ".docx"}


def duong_dan_nhan(base_url: str, ma_theo_doi: str, ma_xac_nhan: str) -> str:
    """The recipient's link under the desk's public URL (what the slip's QR code carries)."""
    return f"{base_url.rstrip('/')}/nhan/{quote(ma_theo_doi, safe='')}/{quote(ma_xac_nhan)}"


def loai_tep_bao_cao(tep: Path) -> str:
    """The suffix a report file is stored under, from its content: ``.pdf`` for a file that
    starts as a PDF does, ``.docx`` for a ZIP package holding a Word document.

    Raises:
        InvalidSetting: neither (whatever its name says).
    """
    with tep.open("rb") as file:
        head = file.read(8)
    if head.startswith(b"%PDF-"):
        return LOAI_BAO_CAO["pdf"]
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(tep) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            names = set()
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return LOAI_BAO_CAO["docx"]
    raise InvalidSetting("tệp báo cáo", "không phải tài liệu PDF hay DOCX")


def _khong_co(ma_theo_doi: str) -> NotFound:
    """The one refusal of a link that names no copy, whatever is wrong with it."""
    return NotFound("recipient link", f"/nhan/{ma_theo_doi[:48]}/…")


def _do_dai(ma_theo_doi: str, ma_xac_nhan: str) -> None:
    """Raises NotFound for parts longer than any link's (nothing is read for them)."""
    if len(ma_theo_doi) > 48 or len(ma_xac_nhan) > 64:
        raise _khong_co(ma_theo_doi)


def _cung_ma(ma_theo_doi: str, stored: str | None, ma_xac_nhan: str) -> None:
    """The link's token is the one stored for the copy its tracking code names (None: no
    copy), compared in constant time, and also when there is no copy, so that both refusals
    take the same time.

    Raises:
        NotFound: no copy, or another token.
    """
    same = hmac.compare_digest((stored or "-" * 24).encode(), ma_xac_nhan.encode())
    if stored is None or not same:
        raise _khong_co(ma_theo_doi)


def _chua_thu_hoi(trang_thai: str, so_ky_hieu: str | None, van_ban_id: int) -> None:
    """Raises Refused once the directive (in state ``trang_thai``) is recalled."""
    if trang_thai == DIEU_KIEN_XAC_NHAN.van_ban_closed.value:
        so = so_ky_hieu or f"#{van_ban_id}"
        raise Refused(so, "văn bản đã bị thu hồi: liên kết không còn dùng được")


@dataclass(frozen=True)
class TrangNhan:
    """What the recipient's page shows: the directive, this body's copy and its own doings."""

    so_ky_hieu: str
    loai: str
    ngay: dt.date | None
    trich_yeu: str
    co_quan_ban_hanh: str
    ten_co_quan: str
    ma_co_quan: str
    ma_theo_doi: str
    trang_thai: TrangThaiNoiNhan
    gui_luc: dt.datetime | None
    nhan_luc: dt.datetime | None
    tre: bool
    bao_cao_luc: dt.datetime | None
    nhiem_vu: tuple[NhiemVuCuaCoQuan, ...]
    bao_cao: tuple[BaoCaoDaGui, ...]
    thu_hoi: bool
    """Recalled: the page says so and offers nothing else."""
    ly_do_thu_hoi: str | None
    co_docx: bool

    @property
    def da_nhan(self) -> bool:
        """The body has confirmed receipt (or reported, which proves it)."""
        return self.nhan_luc is not None

    @property
    def co_the_bao_cao(self) -> bool:
        """A report may be sent now (sent to the body, not recalled, not sent back)."""
        return not self.thu_hoi and self.trang_thai in (
            TrangThaiNoiNhan.da_gui,
            TrangThaiNoiNhan.da_nhan,
            TrangThaiNoiNhan.da_bao_cao,
        )


class LienKetNhan:
    """The use cases of the recipient's link on one store and output folder."""

    def __init__(
        self,
        store: Store,
        theo_doi: TheoDoi,
        thu_muc: Path,
        clock: Clock = bay_gio,
        base_url: str | None = None,
    ) -> None:
        self.store = store
        self.theo_doi = theo_doi
        self.thu_muc = thu_muc
        self.clock = clock
        self.base_url = base_url

    def duong_dan(self, nguoi: str, khoa: str, ma_co_quan: str) -> str:
        """The link a body's slip carries, for the văn thư to hand on (by telephone, chat …), or
        for the body's own user to open (once its copy has been sent).

        Raises:
            Refused: the actor is neither a văn thư nor that body's user, or the directive was
                not sent to that body.
            NotFound: no such user or directive.
        """
        ma_co_quan = tham_so.ma(ma_co_quan)
        with self.store.transaction() as s:
            user = nguoi_dung(s, nguoi)
            own = VaiTro(user.vai_tro) is VaiTro.don_vi_nhan and user.ma_co_quan == ma_co_quan
            if VaiTro(user.vai_tro) is not VaiTro.van_thu and not own:
                raise Refused(
                    f"người dùng '{nguoi}'",
                    "chỉ văn thư mới chuyển liên kết cho nơi nhận (người dùng của cơ quan tự mở "
                    "liên kết của mình)",
                )
            row = tim_van_ban(s, khoa)
            found = ma_lien_ket(s, row.id, ma_co_quan, da_gui=own)
        if found is None:
            raise Refused(f"'{ma_co_quan}'", f"chưa được gửi {row.so_ky_hieu or khoa}")
        return duong_dan_nhan(self.base_url or doc_base_url(), *found)

    @staticmethod
    def _ban_sao(s: Session, ma_theo_doi: str, ma_xac_nhan: str) -> BanSaoLienKet:
        """The copy both parts of the link name.

        Raises:
            NotFound: no copy has that tracking code, or its token is another.
        """
        _do_dai(ma_theo_doi, ma_xac_nhan)
        found = ban_sao_theo_ma(s, ma_theo_doi)
        _cung_ma(ma_theo_doi, found.noi_nhan.ma_xac_nhan if found else None, ma_xac_nhan)
        assert found is not None
        return found

    @staticmethod
    def _chua_thu_hoi(copy: BanSaoLienKet) -> None:
        """Raises Refused once the directive is recalled."""
        _chua_thu_hoi(copy.van_ban.trang_thai, copy.van_ban.so_ky_hieu, copy.van_ban.id)

    def mo(self, ma_theo_doi: str, ma_xac_nhan: str) -> TrangNhan:
        """What the page shows for a link.

        Raises:
            NotFound: the link names no copy (a wrong token, another body's, a swapped code).
        """
        with self.store.transaction() as s:
            copy = self._ban_sao(s, ma_theo_doi, ma_xac_nhan)
            vb, nn, body = copy.van_ban, copy.noi_nhan, copy.co_quan
            recalled = vb.trang_thai == DIEU_KIEN_XAC_NHAN.van_ban_closed.value
            content = None if recalled else van_ban_cua(vb, self.clock().date())
            return TrangNhan(
                so_ky_hieu=vb.so_ky_hieu or f"#{vb.id}",
                loai=ten_loai(vb.loai),
                ngay=vb.ngay,
                trich_yeu=vb.trich_yeu,
                co_quan_ban_hanh=" ".join(content.co_quan.split()) if content else "",
                ten_co_quan=body.ten,
                ma_co_quan=body.ma,
                ma_theo_doi=nn.ma_theo_doi,
                trang_thai=TrangThaiNoiNhan(nn.trang_thai),
                gui_luc=gio_viet_nam(nn.gui_luc),
                nhan_luc=gio_viet_nam(nn.nhan_luc),
                tre=nn.tre,
                bao_cao_luc=gio_viet_nam(nn.bao_cao_luc),
                nhiem_vu=tuple(nhiem_vu_cua(s, vb.id, body.ma)) if not recalled else (),
                bao_cao=tuple(
                    replace(b, luc=gio_viet_nam(b.luc) or b.luc)
                    for b in bao_cao_cua(s, vb.id, body.ma)
                ),
                thu_hoi=recalled,
                ly_do_thu_hoi=vb.ly_do if recalled else None,
                co_docx=bool(vb.docx_duong_dan),
            )

    def xac_nhan(self, ma_theo_doi: str, ma_xac_nhan: str) -> KetQuaXacNhan:
        """Confirm receipt for the link's body; repeating it changes nothing.

        The link is judged on the copy read in the acknowledgement's own transaction (one
        read serves both): a link that is not one, or a recalled directive, writes nothing.

        Raises:
            NotFound: not a link. Refused: the directive has been recalled.
            TransitionRefused: not sent yet, or sent back as misaddressed.
        """
        _do_dai(ma_theo_doi, ma_xac_nhan)

        def kiem_tra(copy: DongXacNhan | None) -> DongXacNhan:
            _cung_ma(ma_theo_doi, copy.ma_xac_nhan if copy else None, ma_xac_nhan)
            assert copy is not None
            _chua_thu_hoi(copy.vb_trang_thai, copy.so_ky_hieu, copy.van_ban_id)
            return copy

        return self.theo_doi.xac_nhan_lien_ket(ma_theo_doi, ma_xac_nhan, kiem_tra)

    def bao_cao(
        self, ma_theo_doi: str, ma_xac_nhan: str, so_ky_hieu_tra_loi: str, tep: Path
    ) -> tuple[str, str | None]:
        """Store the link's body's report: its reply number and a PDF or DOCX file, told by its
        content, stored under that suffix (never under a name the sender chose).

        Returns:
            The reply's number and the file's SHA-256.

        Raises:
            NotFound: not a link. Refused: the directive has been recalled.
            InvalidSetting: a reply number out of the limits; a file too big, or neither a PDF
                nor a DOCX.
            TransitionRefused: not sent yet, or sent back as misaddressed.
        """
        tep = tham_so.tep_bao_cao(tep)
        suffix = loai_tep_bao_cao(tep)
        with self.store.transaction() as s:
            copy = self._ban_sao(s, ma_theo_doi, ma_xac_nhan)
            self._chua_thu_hoi(copy)
            van_ban_id, ma = copy.van_ban.id, copy.co_quan.ma
        report = self.theo_doi.bao_cao(
            f"lien-ket:{ma_theo_doi}",
            str(van_ban_id),
            ma,
            so_ky_hieu_tra_loi,
            tep,
            thay_co_quan=True,
            duoi=suffix,
        )
        return report.so_ky_hieu_tra_loi, report.sha256

    def tep(self, ma_theo_doi: str, ma_xac_nhan: str, dinh_dang: str) -> Path:
        """The issued file (``pdf`` or ``docx``) the link's body received, proven to lie under
        the output folder.

        Raises:
            NotFound: not a link, another format, or no such file.
            Refused: the directive has been recalled.
            OutputError: the stored path leaves the output folder.
        """
        with self.store.transaction() as s:
            copy = self._ban_sao(s, ma_theo_doi, ma_xac_nhan)
            self._chua_thu_hoi(copy)
            vb = copy.van_ban
            stored = {"pdf": vb.pdf_duong_dan, "docx": vb.docx_duong_dan}.get(dinh_dang)
            sent = TrangThaiNoiNhan(copy.noi_nhan.trang_thai) is not TrangThaiNoiNhan.cho_gui
        if not stored or not sent:
            raise NotFound("issued file", dinh_dang[:8])
        path = nam_trong(self.thu_muc, Path(stored))
        if not path.is_file():
            raise NotFound("issued file", path.name)
        return path


__all__ = [
    "LOAI_BAO_CAO",
    "LienKetNhan",
    "TrangNhan",
    "duong_dan_nhan",
    "loai_tep_bao_cao",
]
