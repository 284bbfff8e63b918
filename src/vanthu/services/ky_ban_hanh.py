"""Signing (ký số, #10) in Decree 30's order: the leader signs what he approves, the System
numbers and dates it, the organisation signs (Art. 13–17; spec §10.1).

At Duyệt the approved directive is drawn as PDF/A-2b without number or date, an empty read-only
field over each of those blank lines (:mod:`vanthu.ky_so.dien_so`), and the leader signs it:
with his server-held key at once, or on his own computer (two-step: the prepared PDF goes out
and comes back signed). At Ban hành the number and date are taken, the directive is drawn
again numbered (the DOCX and the source of the fields' appearance), the fields are filled in an
update his signature allows (form filling), and the organisation signs. Every key, its trust
and its image are checked before his signature and before the number.

The images the signatures show come from the signing configuration (each key's ``anh``), not
from the directive: a stored draft names no image file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import ky_so
from ..delivery.ghi_tep import diem_dung
from ..errors import Refused, SigningFailed
from ..ky_so.cau_hinh import CauHinhKy, NguonHaiBuoc
from ..reading.anh import kiem_tra_png
from ..rendering.ngay_thang import ngay_thang_nam
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from .ket_xuat import renderer

if TYPE_CHECKING:  # pyHanko is loaded only when a directive is signed
    from ..ky_so import KetQuaXacMinh, KhoaDaKiemTra
    from ..rendering.cho_ky import KhungKy
    from ..rendering.renderer import BanDeKy

#: The signature status a directive's record carries (``van_ban.ky_so``).
CHUA_KY_SO = "chua_ky_so"  # issued without a signing configuration
CHO_KY_SO = "cho_ky_so"  # two-step: waiting for the leader's signed PDF
LANH_DAO_DA_KY = "lanh_dao_da_ky"  # approved and signed by the leader; Ban hành to come
DA_KY_SO = "da_ky_so"  # issued, signed by the leader and the organisation
#: What the desk shows for each.
TEN_KY_SO = {
    CHUA_KY_SO: "chưa ký số",
    CHO_KY_SO: "chờ ký số",
    LANH_DAO_DA_KY: "lãnh đạo đã ký",
    DA_KY_SO: "đã ký số",
}

# The names the signing images take in the layout (any relative .png path would do).
_ANH_CHU_KY = "ky-so/chu-ky.png"
_ANH_CON_DAU = "ky-so/con-dau.png"


@dataclass(frozen=True)
class KeHoachKy:
    """How an issue is signed (kế hoạch ký), every key checked: the leader (his user name,
    his checked key, None when he signs in two steps), his signature image, the
    organisation's checked key (its image: the seal), when the plan is Ban hành's."""

    cau_hinh: CauHinhKy
    nguoi_ky: str
    lanh_dao: KhoaDaKiemTra | None
    anh_chu_ky: bytes | None
    co_quan: KhoaDaKiemTra | None  # None: checked later (a Duyệt checks the leader's key only)

    @property
    def hai_buoc(self) -> bool:
        """The leader signs on his own computer."""
        return self.lanh_dao is None


@dataclass(frozen=True)
class BanKy:
    """What Ban hành freezes: the DOCX, the PDF (signed twice, or prepared for two-step
    signing), and where the signatures go (JSON-ready, stored with the directive)."""

    docx: bytes
    pdf: bytes
    vi_tri: dict[str, Any]


def lap_ke_hoach_ky(
    cau_hinh: CauHinhKy, nguoi_duyet: str | None, co_quan: bool = True
) -> KeHoachKy | None:
    """The signing plan of a directive approved by ``nguoi_duyet``; None when the
    configuration does not sign (no ``khoa_co_quan``). Every key the plan uses (the
    organisation's only with ``co_quan``) is opened, its certificate checked against the trust
    roots, its image read: call it before signing and before the number.

    Raises:
        Refused: nobody approved the directive (no leader to sign it).
        InvalidSetting: a passphrase or PIN variable or file, a trust root.
        SigningFailed: a key that cannot be opened, an untrusted certificate, an image that
            cannot be read.
    """
    if not cau_hinh.ky_khi_ban_hanh:
        return None
    if nguoi_duyet is None:
        raise Refused("signing", "no leader approved this directive: nobody to sign it")
    tin_cay = ky_so.ngu_canh_tin_cay(cau_hinh)
    org = None
    if co_quan:
        org = ky_so.kiem_tra_khoa(cau_hinh, cau_hinh.khoa_cua_co_quan(), tin_cay)
        _png(org.anh, org.ten)
    source = cau_hinh.khoa_cua_nguoi(nguoi_duyet)
    if source is None or isinstance(source, NguonHaiBuoc):
        image = None if source is None else ky_so.doc_anh(cau_hinh, source.ten)
        _png(image, nguoi_duyet)
        return KeHoachKy(cau_hinh, nguoi_duyet, None, image, org)
    leader = ky_so.kiem_tra_khoa(cau_hinh, source, tin_cay)
    _png(leader.anh, leader.ten)
    return KeHoachKy(cau_hinh, nguoi_duyet, leader, leader.anh, org)


def _png(data: bytes | None, ten: str) -> AnhDaDoc | None:
    if data is None:
        return None
    try:
        return kiem_tra_png(data)
    except ValueError as error:
        raise SigningFailed(f"key {ten}", f"its image {error}") from None


@dataclass(frozen=True)
class BanLanhDao:
    """What the leader signs (bản lãnh đạo ký): the directive as PDF/A without number and
    date, their fields empty, signed by him or prepared for him (two-step), and where
    everything goes (JSON-ready, stored with the directive): his signature, the seal, the
    fields (``dien``: name → [page, x1, y1, x2, y2])."""

    pdf: bytes
    vi_tri: dict[str, Any]


def _ve(vb: VanBan, ngay: dt.date, ke_hoach: KeHoachKy, docx: bool) -> tuple[BanDeKy, KhungKy]:
    """The directive drawn for signing with the plan's images, and its signer's place."""
    images: dict[str, AnhDaDoc] = {}
    update: dict[str, Any] = {}
    seal = None if ke_hoach.co_quan is None else ke_hoach.co_quan.anh
    for path, data, field in (
        (_ANH_CHU_KY, ke_hoach.anh_chu_ky, "anh_chu_ky"),
        (_ANH_CON_DAU, seal, "anh_con_dau"),
    ):
        checked = _png(data, field)
        if checked is not None:
            images[path] = checked
            update[field] = path
    signer = vb.nguoi_ky.model_copy(update=update)
    ban = renderer().ban_de_ky(
        vb.model_copy(update={"nguoi_ky": signer}), ngay, images, pdf_a=True, docx=docx
    )
    places = {k.nguoi_ky: k for k in ban.khung}
    if "nguoi_ky" not in places:
        raise SigningFailed("PDF", "the layout has no place for the signer (nguoi_ky)")
    return ban, places["nguoi_ky"]


def _noi(ban: BanDeKy, k: KhungKy) -> dict[str, Any]:
    """Where the signatures and the fields go, as stored."""
    return {
        ky_so.TRUONG_LANH_DAO: [k.trang, *k.chu_ky],
        ky_so.TRUONG_CO_QUAN: [k.trang, *k.con_dau],
        "dien": {d.ten: [d.trang, *d.khung] for d in ban.dien},
    }


def ky_khi_duyet(
    vb: VanBan, hom_nay: dt.date, ke_hoach: KeHoachKy, thoi_diem: dt.datetime
) -> BanLanhDao:
    """The approved directive ``vb`` (no number, no date) drawn as PDF/A with its number and
    date fields, then signed by the leader's server-held key at ``thoi_diem``, or, for
    two-step signing, prepared with his empty signature field.

    Raises:
        RenderError: the directive cannot be drawn.
        InvalidSetting, SigningFailed: a key fails now after all (a token pulled out).
    """
    blank = vb.model_copy(update={"so": None, "ngay": None})
    ban, k = _ve(blank, hom_nay, ke_hoach, docx=False)
    fields = [ky_so.TruongDien(d.ten, d.trang, d.khung) for d in ban.dien]
    pdf = ky_so.them_truong_dien(ban.pdf, fields)
    where = ky_so.ViTri(k.trang, k.chu_ky)
    if ke_hoach.lanh_dao is None:
        return BanLanhDao(ky_so.chuan_bi_ky(pdf, where), _noi(ban, k))
    cau_hinh = ke_hoach.cau_hinh
    signed = ky_so.ky_lanh_dao(pdf, cau_hinh, ke_hoach.lanh_dao.ten, where, k.anh_chu_ky, thoi_diem)
    return BanLanhDao(signed, _noi(ban, k))


def nhan_chu_ky_lanh_dao(chuan_bi: bytes, ban_da_ky: bytes, cau_hinh: CauHinhKy) -> KetQuaXacMinh:
    """Two-step signing's return: ``ban_da_ky`` accepted only if it is the prepared PDF
    ``chuan_bi`` signed in the leader's field by a trusted certificate and changed in nothing
    else. Returns its verification.

    Raises:
        SigningFailed: the upload is refused (the message says why).
        InvalidSetting: the configuration does not sign, or a trust root.
    """
    if not cau_hinh.ky_khi_ban_hanh:
        from ..errors import InvalidSetting

        raise InvalidSetting(f"VANTHU_KY_SO {cau_hinh.nguon}", "khoa_co_quan is not set")
    return ky_so.nhan_ban_da_ky(chuan_bi, ban_da_ky, ky_so.ngu_canh_tin_cay(cau_hinh))


def ky_khi_ban_hanh(
    vb: VanBan,
    ngay: dt.date,
    ke_hoach: KeHoachKy,
    ban_lanh_dao: BanLanhDao,
    thoi_diem: dt.datetime,
) -> BanKy:
    """Ban hành of a directive its leader signed (``ban_lanh_dao``): the numbered ``vb``
    drawn (DOCX, and the fields' appearance), its number and date filled in the leader's PDF,
    then the organisation's signature at ``thoi_diem``.

    Raises:
        RenderError: the directive cannot be drawn.
        SigningFailed: the numbered drawing puts the lines or the signature elsewhere than
            the signed one (nothing can be filled in faithfully), a field cannot be filled, or
            the organisation's key fails now.
        InvalidSetting: a key.
    """
    assert ke_hoach.co_quan is not None and vb.so_ky_hieu is not None
    ban, k = _ve(vb, ngay, ke_hoach, docx=True)
    where = _noi(ban, k)
    # The fields were laid where the blank lines stood; the numbered lines must stand there
    # too, else their look would be cut or shifted. (The leader's signature is already drawn;
    # the seal goes where this layout, with the seal's image, puts it.)
    if not _cung_cho(where["dien"], ban_lanh_dao.vi_tri.get("dien", {})):
        raise SigningFailed(
            "PDF",
            "the numbered directive does not line up with the one the leader signed (its "
            "number and date lines would move): cancel his signature and have him sign again",
        )
    assert vb.ngay is not None
    texts = {
        "so_ky_hieu": f"Số: {vb.so_ky_hieu}",
        "ngay_ban_hanh": ngay_thang_nam(vb.dia_danh, vb.ngay, vb.ngay.year),
    }
    present = {d.ten for d in ban.dien}
    texts = {ten: text for ten, text in texts.items() if ten in present}
    filled = ky_so.dien_so_ngay(ban_lanh_dao.pdf, ban.pdf, texts)
    diem_dung("ky_so:giua_hai_chu_ky")  # a test may kill the process here
    assert ban.docx is not None
    org = _vi_tri(where)
    signed = ky_so.ky_co_quan(filled, ke_hoach.cau_hinh, org, k.anh_con_dau, thoi_diem)
    where[ky_so.TRUONG_LANH_DAO] = ban_lanh_dao.vi_tri.get(ky_so.TRUONG_LANH_DAO)
    return BanKy(ban.docx, signed, where)


def _cung_cho(a: dict[str, Any], b: dict[str, Any], sai_so: float = 0.01) -> bool:
    """Two stored sets of places (name → [page, x1, y1, x2, y2]) are the same, to ``sai_so``
    points."""

    def same(x: list[float], y: list[float]) -> bool:
        return len(x) == len(y) and all(abs(u - v) <= sai_so for u, v in zip(x, y, strict=True))

    return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)


def _vi_tri(vi_tri: dict[str, Any] | None) -> ky_so.ViTri:
    """The organisation's place as stored: [page, x1, y1, x2, y2]; none: no appearance."""
    place = (vi_tri or {}).get(ky_so.TRUONG_CO_QUAN)
    if not place:
        return ky_so.ViTri(0, None)
    x1, y1, x2, y2 = (float(v) for v in place[1:5])
    return ky_so.ViTri(int(place[0]), (x1, y1, x2, y2))


__all__ = [
    "CHO_KY_SO",
    "CHUA_KY_SO",
    "DA_KY_SO",
    "LANH_DAO_DA_KY",
    "TEN_KY_SO",
    "BanKy",
    "BanLanhDao",
    "KeHoachKy",
    "ky_khi_ban_hanh",
    "ky_khi_duyet",
    "lap_ke_hoach_ky",
    "nhan_chu_ky_lanh_dao",
]
