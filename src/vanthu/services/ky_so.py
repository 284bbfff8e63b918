"""The signing use cases (#10): sign a directive twice (leader, then organisation), sign an
attachment with the organisation's text box, two-step signing, verification, demo keys.

The keys and trust roots come from the signing configuration (``VANTHU_KY_SO``, see
:mod:`vanthu.ky_so.cau_hinh`); the time from the services' clock (``VANTHU_NOW`` fixes it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SigningFailed
from ..ky_so import (
    CHUA_CO_GOC_TIN_CAY,
    LOI_KET_LUAN,
    CauHinhKy,
    KetLuan,
    KetQuaXacMinh,
    PhieuBam,
    ViTri,
    chuan_bi_ky,
    doc_cau_hinh_ky,
    dong_phu_luc,
    gan_chu_ky,
    ghi_bo_khoa,
    ky_co_quan,
    ky_hop_chu_co_quan,
    ky_lanh_dao,
    lap_phieu_bam,
    ngu_canh_tin_cay,
    nhan_ban_da_ky,
    tao_bo_khoa,
    xac_minh,
)
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from .clock import bay_gio
from .ket_xuat import renderer
from .kiem_tra import kiem_tra_van_ban

__all__ = [
    "CHUA_CO_GOC_TIN_CAY",
    "LOI_KET_LUAN",
    "BanChuanBi",
    "KetLuan",
    "KetQuaXacMinh",
    "chuan_bi_hai_buoc",
    "doc_cau_hinh_ky",
    "doc_pdf",
    "gan_cms",
    "ghi_tep_ra",
    "ky_dinh_kem",
    "ky_tep",
    "ky_van_ban",
    "nhan_hai_buoc",
    "phieu_bam",
    "tao_khoa_demo",
    "xac_minh_pdf",
    "xac_minh_tep",
]

#: The largest file ``xac_minh_tep`` reads, in bytes.
PDF_TOI_DA = 200 * 1024 * 1024


@dataclass(frozen=True)
class BanChuanBi:
    """A directive prepared for two-step signing: the PDF with the leader's empty signature
    field (hand it out, keep it to check what comes back), the signature image to draw, and
    the signature's place."""

    pdf: bytes
    vi_tri_co_quan: ViTri
    anh_chu_ky: bytes | None
    anh_con_dau: bytes | None


def _cho_ky(
    vb: VanBan, anh: dict[str, AnhDaDoc] | None, hom_nay: dt.date | None
) -> tuple[bytes, ViTri, ViTri, bytes | None, bytes | None]:
    ban = renderer().ban_de_ky(vb, hom_nay, anh)
    places = {k.nguoi_ky: k for k in ban.khung}
    if "nguoi_ky" not in places:
        raise SigningFailed("PDF", "the layout has no place for the signer (nguoi_ky)")
    k = places["nguoi_ky"]
    return ban.pdf, ViTri(k.trang, k.chu_ky), ViTri(k.trang, k.con_dau), k.anh_chu_ky, k.anh_con_dau


def ky_van_ban(
    vb: VanBan,
    anh: dict[str, AnhDaDoc] | None = None,
    khoa_lanh_dao: str = "lanh_dao",
    cau_hinh: CauHinhKy | None = None,
    hom_nay: dt.date | None = None,
    thoi_diem: dt.datetime | None = None,
) -> bytes:
    """A directive's signed PDF: drawn without its images, signed by the leader (key
    ``khoa_lanh_dao``, the signature image) then by the organisation (``khoa_co_quan``, the
    seal image), both at ``thoi_diem`` (default: the clock).

    Raises:
        InvalidDirective, UnsupportedLayout, RenderError: the directive cannot be drawn.
        InvalidSetting: the configuration, a key's name, passphrase or PIN.
        SigningFailed: a key or the PDF cannot be used.
    """
    cau_hinh = cau_hinh or doc_cau_hinh_ky()
    when = thoi_diem or bay_gio()
    kiem_tra_van_ban(vb, vb.so_ky_hieu or "directive")
    pdf, leader, org, sig, seal = _cho_ky(vb, anh, hom_nay)
    pdf = ky_lanh_dao(pdf, cau_hinh, khoa_lanh_dao, leader, sig, when)
    return ky_co_quan(pdf, cau_hinh, org, seal, when)


def ky_dinh_kem(
    pdf: bytes,
    so_ky_hieu: str,
    cau_hinh: CauHinhKy | None = None,
    thoi_diem: dt.datetime | None = None,
) -> bytes:
    """An attachment or phụ lục issued as a separate file, signed by the organisation with the
    text box at the top right of page 1: ``Số: <so_ky_hieu>; <signing time>``, 10 pt, in the
    PDF's face (the bundled Liberation Serif, or the office's Times New Roman).

    Raises:
        InvalidSetting, SigningFailed: as for :func:`ky_van_ban`.
    """
    from ..rendering.fonts import mat_chu_pdf

    cau_hinh = cau_hinh or doc_cau_hinh_ky()
    face = dict(mat_chu_pdf().tep)[(False, False)]
    lines = [dong_phu_luc(so_ky_hieu)]
    return ky_hop_chu_co_quan(pdf, cau_hinh, lines, face, thoi_diem or bay_gio())


def chuan_bi_hai_buoc(
    vb: VanBan, anh: dict[str, AnhDaDoc] | None = None, hom_nay: dt.date | None = None
) -> BanChuanBi:
    """Step 1 of two-step signing: the directive's PDF with the leader's empty signature
    field at its place.

    Raises:
        InvalidDirective, UnsupportedLayout, RenderError, SigningFailed.
    """
    kiem_tra_van_ban(vb, vb.so_ky_hieu or "directive")
    pdf, leader, org, sig, seal = _cho_ky(vb, anh, hom_nay)
    return BanChuanBi(chuan_bi_ky(pdf, leader), org, sig, seal)


def phieu_bam(ban: BanChuanBi, thoi_diem: dt.datetime | None = None) -> PhieuBam:
    """Step 2, when the leader's tool signs a hash: the digest to sign (``PhieuBam.bam``),
    with the signature image drawn in the field. Keep the PhieuBam for :func:`gan_cms`.

    Raises:
        SigningFailed: the prepared PDF cannot be used.
    """
    return lap_phieu_bam(ban.pdf, ban.anh_chu_ky, thoi_diem or bay_gio())


def gan_cms(phieu: PhieuBam, cms: bytes) -> bytes:
    """The PDF with the CMS signature returned for ``phieu`` (check it with
    :func:`nhan_hai_buoc`).

    Raises:
        SigningFailed: the signature does not fit or is not DER.
    """
    return gan_chu_ky(phieu, cms)


def nhan_hai_buoc(
    ban: BanChuanBi,
    ban_da_ky: bytes,
    cau_hinh: CauHinhKy | None = None,
    ky_co_quan_luon: bool = True,
    thoi_diem: dt.datetime | None = None,
) -> bytes:
    """Step 3: accept the leader's signed PDF only if it is the prepared document signed in
    its field by a trusted certificate, then (``ky_co_quan_luon``) add the organisation's
    signature with the seal. Returns the PDF to issue.

    Raises:
        SigningFailed: the file is refused (the message says why), or cannot be signed.
        InvalidSetting: the configuration.
    """
    cau_hinh = cau_hinh or doc_cau_hinh_ky()
    nhan_ban_da_ky(ban.pdf, ban_da_ky, ngu_canh_tin_cay(cau_hinh))
    if not ky_co_quan_luon:
        return ban_da_ky
    return ky_co_quan(
        ban_da_ky, cau_hinh, ban.vi_tri_co_quan, ban.anh_con_dau, thoi_diem or bay_gio()
    )


def xac_minh_pdf(data: bytes, cau_hinh: CauHinhKy | None = None) -> KetQuaXacMinh:
    """Verify a PDF's signatures against the configured trust roots; the result says how many
    roots there were (none: nothing can be trusted).

    Raises:
        InvalidSetting: the configuration or a trust root cannot be read.
    """
    cau_hinh = cau_hinh or doc_cau_hinh_ky()
    result = xac_minh(data, ngu_canh_tin_cay(cau_hinh))
    return replace(result, goc_tin_cay=len(cau_hinh.tin_cay))


def xac_minh_tep(path: Path, cau_hinh: CauHinhKy | None = None) -> KetQuaXacMinh:
    """What ``vanthu verify`` does: :func:`xac_minh_pdf` on a file.

    Raises:
        InvalidSetting: the file cannot be read (missing, a folder, too big), or the
            configuration.
    """
    return xac_minh_pdf(doc_pdf(path), cau_hinh)


def doc_pdf(path: Path) -> bytes:
    """A PDF file's bytes, at most ``PDF_TOI_DA``.

    Raises:
        InvalidSetting: the file cannot be read (missing, a folder, too big).
    """
    from ..errors import InvalidSetting

    try:
        if path.stat().st_size > PDF_TOI_DA:
            raise InvalidSetting(str(path), f"larger than {PDF_TOI_DA // 2**20} MiB")
        return path.read_bytes()
    except OSError as error:
        raise InvalidSetting(str(path), f"cannot be read: {error.strerror or error}") from None


def ghi_tep_ra(nguon: Path, dich: Path) -> None:
    """Copy a file vanthu holds (a prepared PDF) to where a person asked, whole.

    Raises:
        OutputError: it cannot be written.
    """
    from ..delivery.ghi_tep import ghi_nguyen_tu

    ghi_nguyen_tu(dich, nguon.read_bytes())


def tao_khoa_demo(
    thu_muc: Path,
    nguoi_ky: str | None = None,
    co_quan: str | None = None,
    anh_chu_ky: Path | None = None,
    anh_con_dau: Path | None = None,
) -> Path:
    """Throw-away demo keys (a CA, the leader's and the organisation's PKCS#12 files) and a
    signing configuration naming them, in ``thu_muc``; returns the configuration's path (set
    ``VANTHU_KY_SO`` to it). ``anh_chu_ky`` and ``anh_con_dau`` are PNG files the leader's and
    the organisation's signatures show (copied beside the keys).

    Raises:
        OutputError: the folder cannot be written, or an image read.
    """
    from ..errors import OutputError

    names = {k: v for k, v in (("nguoi_ky", nguoi_ky), ("co_quan", co_quan)) if v}
    images: dict[str, bytes] = {}
    for key, path in (("lanh_dao", anh_chu_ky), ("co_quan", anh_con_dau)):
        if path is not None:
            try:
                images[key] = path.read_bytes()
            except OSError as error:
                raise OutputError(str(path), f"cannot be read: {error.strerror}") from None
    return ghi_bo_khoa(tao_bo_khoa(**names, bay_gio=bay_gio()), thu_muc, images)


def ky_tep(path: Path, thu_muc: Path, khoa_lanh_dao: str = "lanh_dao") -> Path:
    """What ``vanthu sign`` does: read a directive file (with its images), sign its PDF twice
    and write ``thu_muc/<stem>.pdf``.

    Raises:
        InvalidDirective, RenderError, InvalidSetting, SigningFailed, OutputError.
    """
    from ..delivery.ghi_tep import ghi_nguyen_tu
    from .kiem_tra import kiem_tra_tep_anh

    vb, anh = kiem_tra_tep_anh(path)
    pdf = ky_van_ban(vb, anh, khoa_lanh_dao)
    out = thu_muc / f"{path.stem}.pdf"
    ghi_nguyen_tu(out, pdf)
    return out
