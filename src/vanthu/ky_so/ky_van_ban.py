"""The two signatures an electronic directive carries (Decree 30 Art. 5; spec §3.4, §9): the
leader's (the signature image, blue), then the organisation's (the seal image, red, over the
signature's left third); and the organisation's text-only box on attachments and phụ lục
issued as separate files (top right of page 1, number and symbol, signing time, 10 pt)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from ..errors import SigningFailed
from .cau_hinh import CauHinhKy
from .hinh_thuc import CO_CHU, DONG, do_rong, kieu_anh, kieu_chu, thoi_gian_ky
from .khoa import mo_khoa
from .ky import TRUONG_CO_QUAN, TRUONG_LANH_DAO, Khung, ViTri, ky_pdf, may_dau_thoi_gian

#: The text box's distance from the page's right and top edges, in points: its right edge on
#: the text's right margin (20 mm), its top 10 mm down, inside the top margin (20–25 mm).
PHAI_HOP_CHU = 20 * 72 / 25.4
TREN_HOP_CHU = 10 * 72 / 25.4


def ky_lanh_dao(
    pdf: bytes,
    cau_hinh: CauHinhKy,
    ten_khoa: str,
    vi_tri: ViTri,
    anh_chu_ky: bytes | None,
    thoi_diem: dt.datetime,
    truong: str = TRUONG_LANH_DAO,
) -> bytes:
    """The leader's signature, with the key ``ten_khoa`` of the configuration, in field
    ``truong`` at ``vi_tri``, drawn as the signature image (without one, the signature has no
    appearance on the page).

    Raises:
        InvalidSetting: no such key, or its passphrase/PIN cannot be read.
        SigningFailed: the key or the PDF cannot be used.
    """
    return _ky_anh(pdf, cau_hinh, ten_khoa, truong, vi_tri, anh_chu_ky, thoi_diem)


def ky_co_quan(
    pdf: bytes,
    cau_hinh: CauHinhKy,
    vi_tri: ViTri,
    anh_con_dau: bytes | None,
    thoi_diem: dt.datetime,
    truong: str = TRUONG_CO_QUAN,
) -> bytes:
    """The organisation's signature (key ``khoa_co_quan``) at ``vi_tri``, drawn as the seal
    image: the second signature, added as an incremental update after the leader's.

    Raises:
        InvalidSetting, SigningFailed: as for :func:`ky_lanh_dao`.
    """
    key = cau_hinh.khoa_cua_co_quan().ten
    return _ky_anh(pdf, cau_hinh, key, truong, vi_tri, anh_con_dau, thoi_diem)


def _ky_anh(
    pdf: bytes,
    cau_hinh: CauHinhKy,
    ten_khoa: str,
    truong: str,
    vi_tri: ViTri,
    png: bytes | None,
    thoi_diem: dt.datetime,
) -> bytes:
    source = cau_hinh.nguon_khoa(ten_khoa)
    tsa = may_dau_thoi_gian(cau_hinh.dau_thoi_gian)
    if png is None:
        # No image to show: a signature without appearance (pyHanko's own stamp would print
        # the name in a Latin-1 font); the Decree asks for the image.
        vi_tri = ViTri(vi_tri.trang, None)
    style = None if png is None else kieu_anh(png)
    with mo_khoa(source) as signer:
        return ky_pdf(pdf, signer, truong, vi_tri, style, thoi_diem, tsa)


def dong_phu_luc(so_ky_hieu: str) -> str:
    """The text box of an attachment or phụ lục: ``Số: <number and symbol>; <time>`` (the
    time as ``%(thoi_gian)s``, filled in at signing)."""
    return f"Số: {so_ky_hieu.replace('%', '%%')}; %(thoi_gian)s"


def khung_hop_chu(
    pdf: bytes, phong_chu: Path, dong: Sequence[str], thoi_diem: dt.datetime
) -> Khung:
    """The text box's rectangle on page 1: as wide as its longest line, its right edge on the
    right margin, its top 10 mm below the page's top.

    Raises:
        SigningFailed: the PDF cannot be read.
    """
    try:
        page = PdfFileReader(io.BytesIO(pdf), strict=False).root["/Pages"]
        box = _trang_dau(page)["/MediaBox"]
        x0, _, x1, y1 = (float(v) for v in box)
    except (PdfError, KeyError, IndexError, TypeError, ValueError) as error:
        raise SigningFailed("PDF", f"page 1 cannot be read: {error}") from None
    when = thoi_gian_ky(thoi_diem)
    width = max(do_rong(phong_chu, line.replace("%(thoi_gian)s", when)) for line in dong) + 2
    right, top = x1 - PHAI_HOP_CHU, y1 - TREN_HOP_CHU
    return (max(x0, right - width), top - DONG * len(dong) - CO_CHU * 0.3, right, top)


def _trang_dau(pages: Any) -> Any:
    node = pages
    for _ in range(64):
        kids = node.get("/Kids") if hasattr(node, "get") else None
        if not kids:
            return node
        node = kids[0].get_object()
    raise ValueError("the page tree is too deep")


def ky_hop_chu_co_quan(
    pdf: bytes,
    cau_hinh: CauHinhKy,
    dong: Sequence[str],
    phong_chu: Path,
    thoi_diem: dt.datetime,
    truong: str = TRUONG_CO_QUAN,
    khung: Khung | None = None,
) -> bytes:
    """The organisation's text-only signature at the top right of page 1: ``dong`` (lines;
    ``%(thoi_gian)s`` stands for the signing time) in ``phong_chu`` at 10 pt, black; in
    ``khung`` on page 1 when given (an electronic copy's box 14), else as wide as its longest
    line under the top margin's edge.

    Raises:
        InvalidSetting, SigningFailed: as for :func:`ky_lanh_dao`.
    """
    rect = khung or khung_hop_chu(pdf, phong_chu, dong, thoi_diem)
    source = cau_hinh.khoa_cua_co_quan()
    tsa = may_dau_thoi_gian(cau_hinh.dau_thoi_gian)
    style = kieu_chu(phong_chu, "\n".join(dong))
    params = {"thoi_gian": thoi_gian_ky(thoi_diem)}
    with mo_khoa(source) as signer:
        return ky_pdf(pdf, signer, truong, ViTri(0, rect), style, thoi_diem, tsa, params)
