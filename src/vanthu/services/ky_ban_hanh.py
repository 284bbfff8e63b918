"""Signing at issue (ký khi ban hành, #10): the plan checked before a number is taken, the
numbered PDF/A signed by the approving leader then the organisation, or prepared for a leader
who signs on his own computer, and the organisation's signature once his signed PDF is back.

Decree 30's electronic order is: the leader signs, the System numbers and dates, the
organisation signs. vanthu prints the number and date in the page's text, so the leader's
signature is made over the numbered PDF (else a verifier would report the document changed
after he signed): Ban hành numbers, renders, then signs twice, in one transaction. The leader's
consent is his Duyệt (logged as his decision to sign with his server-held key); his key is the
one the signing configuration gives his user name (see :mod:`vanthu.ky_so.cau_hinh`).

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
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from .ket_xuat import renderer

if TYPE_CHECKING:  # pyHanko is loaded only when a directive is signed
    from ..ky_so import KetQuaXacMinh, KhoaDaKiemTra

#: The signature status a directive's record carries (``van_ban.ky_so``).
CHUA_KY_SO = "chua_ky_so"  # issued without a signing configuration
CHO_KY_SO = "cho_ky_so"  # two-step: waiting for the leader's signed PDF
DA_KY_SO = "da_ky_so"  # signed by the leader and the organisation
#: What the desk shows for each.
TEN_KY_SO = {CHUA_KY_SO: "chưa ký số", CHO_KY_SO: "chờ ký số", DA_KY_SO: "đã ký số"}

# The names the signing images take in the layout (any relative .png path would do).
_ANH_CHU_KY = "ky-so/chu-ky.png"
_ANH_CON_DAU = "ky-so/con-dau.png"


@dataclass(frozen=True)
class KeHoachKy:
    """How an issue is signed (kế hoạch ký), every key checked: the leader (his user name,
    his checked key, None when he signs in two steps), his signature image, the
    organisation's checked key (its image: the seal)."""

    cau_hinh: CauHinhKy
    nguoi_ky: str
    lanh_dao: KhoaDaKiemTra | None
    anh_chu_ky: bytes | None
    co_quan: KhoaDaKiemTra

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


def lap_ke_hoach_ky(cau_hinh: CauHinhKy, nguoi_duyet: str | None) -> KeHoachKy | None:
    """The signing plan of an issue approved by ``nguoi_duyet``; None when the configuration
    does not sign at issue (no ``khoa_co_quan``). Every key the plan uses is opened, its
    certificate checked against the trust roots, its image read: call it before the number.

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


def ky_khi_ban_hanh(
    vb: VanBan, ngay: dt.date, ke_hoach: KeHoachKy, thoi_diem: dt.datetime
) -> BanKy:
    """The numbered directive ``vb`` drawn (PDF/A-2b and DOCX), then signed by the leader and
    the organisation at ``thoi_diem``, or, for two-step signing, prepared with the leader's
    empty signature field.

    Raises:
        RenderError: the directive cannot be drawn.
        InvalidSetting, SigningFailed: a key fails now after all (a token pulled out).
    """
    images: dict[str, AnhDaDoc] = {}
    update: dict[str, Any] = {}
    for path, data, field in (
        (_ANH_CHU_KY, ke_hoach.anh_chu_ky, "anh_chu_ky"),
        (_ANH_CON_DAU, ke_hoach.co_quan.anh, "anh_con_dau"),
    ):
        checked = _png(data, field)
        if checked is not None:
            images[path] = checked
            update[field] = path
    signer = vb.nguoi_ky.model_copy(update=update)
    ban = renderer().ban_de_ky(
        vb.model_copy(update={"nguoi_ky": signer}), ngay, images, pdf_a=True, docx=True
    )
    places = {k.nguoi_ky: k for k in ban.khung}
    if "nguoi_ky" not in places:
        raise SigningFailed("PDF", "the layout has no place for the signer (nguoi_ky)")
    k = places["nguoi_ky"]
    leader, org = ky_so.ViTri(k.trang, k.chu_ky), ky_so.ViTri(k.trang, k.con_dau)
    where = {
        ky_so.TRUONG_LANH_DAO: [k.trang, *k.chu_ky],
        ky_so.TRUONG_CO_QUAN: [k.trang, *k.con_dau],
    }
    assert ban.docx is not None
    if ke_hoach.lanh_dao is None:
        return BanKy(ban.docx, ky_so.chuan_bi_ky(ban.pdf, leader), where)
    cau_hinh = ke_hoach.cau_hinh
    pdf = ky_so.ky_lanh_dao(
        ban.pdf, cau_hinh, ke_hoach.lanh_dao.ten, leader, k.anh_chu_ky, thoi_diem
    )
    diem_dung("ky_so:giua_hai_chu_ky")  # a test may kill the process here
    return BanKy(ban.docx, ky_so.ky_co_quan(pdf, cau_hinh, org, k.anh_con_dau, thoi_diem), where)


def ky_sau_hai_buoc(
    chuan_bi: bytes,
    ban_da_ky: bytes,
    vi_tri: dict[str, Any] | None,
    cau_hinh: CauHinhKy,
    thoi_diem: dt.datetime,
) -> tuple[bytes, KetQuaXacMinh]:
    """Two-step signing's last step: accept ``ban_da_ky`` only if it is the prepared PDF
    ``chuan_bi`` signed in the leader's field by a trusted certificate and changed in nothing
    else, then add the organisation's signature (its seal at ``vi_tri``). Returns the PDF to
    freeze and the verification of the leader's upload.

    Raises:
        SigningFailed: the upload is refused (the message says why), or cannot be signed.
        InvalidSetting: the configuration does not sign at issue, or a trust root.
    """
    if not cau_hinh.ky_khi_ban_hanh:
        from ..errors import InvalidSetting

        raise InvalidSetting(f"VANTHU_KY_SO {cau_hinh.nguon}", "khoa_co_quan is not set")
    tin_cay = ky_so.ngu_canh_tin_cay(cau_hinh)
    checked = ky_so.nhan_ban_da_ky(chuan_bi, ban_da_ky, tin_cay)
    org = ky_so.kiem_tra_khoa(cau_hinh, cau_hinh.khoa_cua_co_quan(), tin_cay)
    seal = _png(org.anh, org.ten)
    signed = ky_so.ky_co_quan(
        ban_da_ky, cau_hinh, _vi_tri(vi_tri), None if seal is None else seal.png, thoi_diem
    )
    return signed, checked


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
    "TEN_KY_SO",
    "BanKy",
    "KeHoachKy",
    "ky_khi_ban_hanh",
    "ky_sau_hai_buoc",
    "lap_ke_hoach_ky",
]
