"""Copies (bản sao) laid out: the paper copy's block (Mẫu 3.1), box 14 of an electronic copy
(Mẫu 3.2), and the excerpt of a trích sao.

A paper copy is the copied document's own layout with, right after its last line (the end of the
last annex when it has some), a solid rule as wide as the text and the copy block under it:
copying body (UPPER bold) and its short rule, the copy's number and the Nơi nhận on the left;
the form (SAO Y …), the place and date and the signer on the right (spec §9). Both writers draw
it, as they draw any layout, so the DOCX and the PDF cannot disagree.

An electronic copy prints, in page 1's top margin at the right (box 14), the organisation's text
signature: the form, the copying body and the moment of copying (ISO 8601, +07:00) in 10 pt
regular black; :func:`o_ky_so` gives that box's rectangle in PDF points, where the organisation's
digital signature is placed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pypdf import PdfReader

from ..errors import Refused
from ..schemas import VanBan
from ..schemas.ban_sao import BanSao
from .bo_cuc import PT_MOI_CM, BoCuc, Chu, DoanBoCuc, DuongKe, HaiCot, Khoi, KhoiTrang, PhanRieng
from .ngay_thang import ngay_thang_nam
from .soan_bo_cuc import CACH_KHOI_CHU_KY, TY_LE_KE_CO_QUAN, SoanBoCuc
from .styles import BangKieu, Kieu


@dataclass(frozen=True)
class KhungPdf:
    """A rectangle on a PDF page in points, origin at the bottom left (PDF user space)."""

    trang: int  # 0-based page index
    x0: float
    y0: float
    x1: float
    y1: float


def khoi_ban_sao(soan: SoanBoCuc, bs: BanSao) -> tuple[KhoiTrang, ...]:
    """The paper copy's block (Mẫu 3.1): a rule as wide as the text, then two rows of two
    columns: copying body, its rule and the number beside the form, place and date; then the
    Nơi nhận beside the signer."""
    trai_rong, phai_rong = soan.cot
    body = soan.dong(" ".join(bs.co_quan.split()).upper(), Kieu.CO_QUAN, trai_rong)
    longest = min(max(soan.rong(d.text, Kieu.CO_QUAN) for d in body), trai_rong)
    so = DoanBoCuc(Kieu.SO_KY_HIEU, (Chu(f"Số: {bs.so_ky_hieu}", lien=True),))
    trai: list[Khoi] = [*body, DuongKe(round(longest * TY_LE_KE_CO_QUAN, 2)), so]
    form = DoanBoCuc(Kieu.TEN_LOAI, (Chu(bs.hinh_thuc.ten),), cach_truoc=0.0)
    # The place and date stand level with the number, as in the header of a document.
    before_so = sum(soan.cao(b) for b in trai[:-1]) - soan.cao(form)
    date_style = soan.bang[Kieu.DIA_DANH_NGAY]
    so_style = soan.bang[Kieu.SO_KY_HIEU]
    above = so_style.cach_truoc + max(before_so, 0.0) + so_style.cao_dong - date_style.cao_dong
    date_text = ngay_thang_nam(" ".join(bs.dia_danh.split()), bs.ngay, bs.ngay.year)
    dates = soan.dong(date_text, Kieu.DIA_DANH_NGAY, phai_rong)
    dates[0] = replace(dates[0], cach_truoc=round(max(above, 0.0), 2))
    top = HaiCot(soan.cot, tuple(trai), (form, *dates), "ban_sao")

    nhan = DoanBoCuc(Kieu.NOI_NHAN_LABEL, (Chu("Nơi nhận:"),), cach_truoc=CACH_KHOI_CHU_KY)
    dash = round(soan.rong("- ", Kieu.NOI_NHAN), 2)
    lines = [f"- {' '.join(t.split())};" for t in bs.noi_nhan] + ["- Lưu: VT."]
    items = [DoanBoCuc(Kieu.NOI_NHAN, (Chu(t),), le_trai=dash, thut_dau=-dash) for t in lines]
    signer = soan.khoi_ky(bs.nguoi_ky, phai_rong)
    bottom = HaiCot(soan.cot, (nhan, *items), tuple(signer), "ban_sao")
    rule = DuongKe(soan.bang.trang.vung_chu)
    return (rule, top, bottom)


def ban_sao_giay(soan: SoanBoCuc, goc: BoCuc, bs: BanSao) -> BoCuc:
    """A paper copy: the copied layout with the copy block after its last line (inside its
    last part when it ends with an annex, so that the block follows the annex's text)."""
    block = khoi_ban_sao(soan, bs)
    khoi = list(goc.khoi)
    last = khoi[-1] if khoi else None
    if isinstance(last, PhanRieng):
        khoi[-1] = replace(last, khoi=(*last.khoi, *block))
    else:
        khoi.extend(block)
    return replace(
        goc, khoi=tuple(khoi), tieu_de=f"{goc.tieu_de} ({bs.hinh_thuc.ten} {bs.so_ky_hieu})"
    )


def dong_ky_so(soan: SoanBoCuc, bs: BanSao) -> list[str]:
    """Box 14's lines: 'SAO Y; <copying body>;' (broken to the right column) then the moment
    of copying, '2021-09-13T14:30:05+07:00'."""
    text = f"{bs.hinh_thuc.ten}; {' '.join(bs.co_quan.split())};"
    return [*soan.ngat(text, Kieu.KY_SO_BAN_SAO, soan.cot[1]), bs.luc_iso]


def ban_sao_dien_tu(soan: SoanBoCuc, goc: BoCuc, bs: BanSao, de_trong: bool = False) -> BoCuc:
    """An electronic copy: the copied layout with box 14 at the top right of page 1, its lines
    left-aligned in a block whose longest line ends at the right margin. A box 11 of the copied
    document (circulation note) follows it in the same margin. ``de_trong``: the box's place is
    kept but left blank, for the organisation's digital signature to show its text (#10)."""
    lines = dong_ky_so(soan, bs)
    width = max(soan.rong(t, Kieu.KY_SO_BAN_SAO) for t in lines)
    left = round(soan.bang.trang.vung_chu - width - 0.02, 3)
    box = tuple(
        DoanBoCuc(Kieu.KY_SO_BAN_SAO, (Chu("\u00a0" if de_trong else t),), le_trai=left)
        for t in lines
    )
    return replace(
        goc,
        dau_trang_dau=(*box, *goc.dau_trang_dau),
        tieu_de=f"{goc.tieu_de} ({bs.hinh_thuc.ten} {bs.so_ky_hieu})",
    )


def o_ky_so(bang: BangKieu, bo_cuc: BoCuc) -> KhungPdf:
    """The rectangle of box 14 on page 1, in PDF points (origin bottom left): from its block's
    left edge to the right margin, from the header's distance down by its lines.

    Raises:
        Refused: the layout carries no box 14 (not an electronic copy).
    """
    box = [d for d in bo_cuc.dau_trang_dau if d.kieu is Kieu.KY_SO_BAN_SAO]
    if not box:
        raise Refused("layout", "has no box 14: it is not an electronic copy")
    trang = bang.trang
    style = bang[Kieu.KY_SO_BAN_SAO]
    left = trang.le_trai + (box[0].le_trai or 0.0)
    right = trang.rong - trang.le_phai
    top = trang.cao - trang.dau_trang
    height = len(box) * style.cao_dong / PT_MOI_CM
    return KhungPdf(
        0,
        round(left * PT_MOI_CM, 2),
        round((top - height) * PT_MOI_CM, 2),
        round(right * PT_MOI_CM, 2),
        round(top * PT_MOI_CM, 2),
    )


def trich(vb: VanBan, muc: Sequence[int]) -> VanBan:
    """The excerpt a trích sao re-types: the directive with only the chosen body items (1-based,
    in the body's order), with its header, title, signature and Nơi nhận; no annexes, no text it
    issues, no tasks (they name paragraphs of the whole body).

    Raises:
        Refused: no item chosen, or an item the body does not have.
    """
    if not muc:
        raise Refused("trích sao", "choose the body items to copy (--items 1,3-4)")
    count = len(vb.noi_dung)
    wrong = sorted({m for m in muc if not 1 <= m <= count})
    if wrong:
        raise Refused(
            f"item {wrong[0]}", f"the body of {vb.so_ky_hieu or 'the directive'} has {count} items"
        )
    chosen = [vb.noi_dung[m - 1] for m in sorted(set(muc))]
    return vb.model_copy(
        update={"noi_dung": chosen, "phu_luc": [], "van_ban_kem_theo": None, "nhiem_vu": []}
    )


__all__ = [
    "KhungPdf",
    "ban_sao_dien_tu",
    "ban_sao_giay",
    "chu_cac_trang",
    "dong_ky_so",
    "khoi_ban_sao",
    "o_ky_so",
    "trich",
]


def chu_cac_trang(pdf: bytes) -> list[str]:
    """The text of each page of a PDF, its white space collapsed (what a full copy must keep)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]
