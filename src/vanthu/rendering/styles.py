"""Paragraph styles of a document: their names, their Decree 30 defaults, and the sheet in force.

The Word template (``templates_docx/van_ban.docx``) holds the styles an office may edit in Word;
:func:`doc_bang_kieu` reads them back so the PDF follows the same sizes, weights and spacing.
``DEFAULTS`` is only what ``scripts/build_docx_template.py`` writes into a fresh template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Length

T = TypeVar("T")


class Kieu(StrEnum):
    """A paragraph style, by the name it carries in the Word template."""

    QUOC_HIEU = "VB Quốc hiệu"
    TIEU_NGU = "VB Tiêu ngữ"
    CO_QUAN_CHU_QUAN = "VB Cơ quan chủ quản"
    CO_QUAN = "VB Cơ quan ban hành"
    SO_KY_HIEU = "VB Số ký hiệu"
    DIA_DANH_NGAY = "VB Địa danh ngày tháng"
    TRICH_YEU_CONG_VAN = "VB Trích yếu công văn"
    DAU_MUC_DO = "VB Dấu mức độ"
    TEN_LOAI = "VB Tên loại"
    TRICH_YEU = "VB Trích yếu"
    NGUOI_GUI = "VB Người gửi điện"
    KINH_GUI = "VB Kính gửi"
    THAM_QUYEN = "VB Thẩm quyền"
    CAN_CU = "VB Căn cứ"
    QUYET_DINH = "VB Quyết định"
    NOI_DUNG = "VB Nội dung"
    NOI_DUNG_TIEU_DE = "VB Nội dung tiêu đề"
    NOI_DUNG_GIUA = "VB Nội dung giữa"
    NOI_NHAN_LABEL = "VB Nơi nhận nhãn"
    NOI_NHAN = "VB Nơi nhận"
    CHUC_VU = "VB Chức vụ ký"
    HO_TEN = "VB Họ tên ký"
    CHUC_VU_KHAC = "VB Chức vụ khác"
    LUU_HANH = "VB Phạm vi lưu hành"
    LIEN_HE = "VB Liên hệ"
    DUONG_KE = "VB Đường kẻ"
    SO_TRANG = "VB Số trang"
    # Box 14 of an electronic copy (Mẫu 3.2): the organisation's text signature.
    KY_SO_BAN_SAO = "VB Ký số bản sao"

    @property
    def css_class(self) -> str:
        """The class of the HTML element set in this style."""
        return self.name.lower().replace("_", "-")


class CanLe(StrEnum):
    """Paragraph alignment, as both renderers understand it."""

    trai = "left"
    giua = "center"
    deu = "justify"
    phai = "right"  # table cells of numbers


#: Height of a single-spaced line, in font sizes (the PDF's CSS ``line-height``).
DONG_DON = 1.15


@dataclass(frozen=True)
class ParagraphFormat:
    """Resolved formatting of one paragraph style (sizes in points, indents in cm)."""

    co_chu: float
    dam: bool = False
    nghieng: bool = False
    can_le: CanLe = CanLe.giua
    cach_truoc: float = 0.0
    dong: float | None = None  # exact line height; None: single
    thut_dau: float = 0.0
    le_trai: float = 0.0

    @property
    def cao_dong(self) -> float:
        """Height of one line in points: the exact height, or single spacing."""
        return self.dong or self.co_chu * DONG_DON


#: Decree 30 profile (b) of the sample forms: QH 13, TN 14, bodies 13, date 14, body 14.
DEFAULTS: dict[Kieu, ParagraphFormat] = {
    Kieu.QUOC_HIEU: ParagraphFormat(13, dam=True, dong=15),
    Kieu.TIEU_NGU: ParagraphFormat(14, dam=True, dong=16),
    Kieu.CO_QUAN_CHU_QUAN: ParagraphFormat(13, dong=15),
    Kieu.CO_QUAN: ParagraphFormat(13, dam=True, dong=15),
    Kieu.SO_KY_HIEU: ParagraphFormat(13, cach_truoc=6, dong=16),
    Kieu.DIA_DANH_NGAY: ParagraphFormat(14, nghieng=True, cach_truoc=6, dong=16),
    Kieu.TRICH_YEU_CONG_VAN: ParagraphFormat(12, cach_truoc=6, dong=14),
    Kieu.DAU_MUC_DO: ParagraphFormat(13, dam=True, cach_truoc=6, dong=16),
    Kieu.TEN_LOAI: ParagraphFormat(14, dam=True, cach_truoc=18, dong=16),
    Kieu.TRICH_YEU: ParagraphFormat(14, dam=True, dong=16),
    Kieu.NGUOI_GUI: ParagraphFormat(14, cach_truoc=12, dong=18),
    Kieu.KINH_GUI: ParagraphFormat(14, can_le=CanLe.deu, cach_truoc=6, dong=18),
    Kieu.THAM_QUYEN: ParagraphFormat(14, dam=True, cach_truoc=12, dong=18),
    Kieu.CAN_CU: ParagraphFormat(
        14, nghieng=True, can_le=CanLe.deu, cach_truoc=6, dong=18, thut_dau=1
    ),
    Kieu.QUYET_DINH: ParagraphFormat(14, dam=True, cach_truoc=12, dong=18),
    Kieu.NOI_DUNG: ParagraphFormat(14, can_le=CanLe.deu, cach_truoc=6, dong=18, thut_dau=1),
    Kieu.NOI_DUNG_TIEU_DE: ParagraphFormat(
        14, dam=True, can_le=CanLe.deu, cach_truoc=6, dong=18, thut_dau=1
    ),
    Kieu.NOI_DUNG_GIUA: ParagraphFormat(14, dam=True, cach_truoc=6, dong=18),
    Kieu.NOI_NHAN_LABEL: ParagraphFormat(12, dam=True, nghieng=True, can_le=CanLe.trai, dong=14),
    Kieu.NOI_NHAN: ParagraphFormat(11, can_le=CanLe.trai, dong=13),
    Kieu.CHUC_VU: ParagraphFormat(14, dam=True, dong=16),
    Kieu.HO_TEN: ParagraphFormat(14, dam=True, cach_truoc=78, dong=16),
    # Box 7b: the other position, under the signature space (the name then follows at once).
    Kieu.CHUC_VU_KHAC: ParagraphFormat(14, dam=True, cach_truoc=78, dong=16),
    # Box 11, in page 1's header; box 13, in page 1's footer.
    Kieu.LUU_HANH: ParagraphFormat(13, dam=True, dong=16),
    Kieu.LIEN_HE: ParagraphFormat(11, can_le=CanLe.trai, dong=13),
    Kieu.DUONG_KE: ParagraphFormat(2, cach_truoc=5, dong=2),
    Kieu.SO_TRANG: ParagraphFormat(14, dong=16),
    # Box 14: Times New Roman 10 pt, regular, black (spec §9); three lines fit the top margin.
    Kieu.KY_SO_BAN_SAO: ParagraphFormat(10, can_le=CanLe.trai, dong=11.5),
}


@dataclass(frozen=True)
class TrangGiay:
    """Page geometry in cm, read from the template's section."""

    rong: float
    cao: float
    le_tren: float
    le_duoi: float
    le_trai: float
    le_phai: float
    dau_trang: float  # distance of the page-number header from the top edge
    chan_trang: float = 1.0  # distance of the footer's last line from the bottom edge

    @property
    def vung_chu(self) -> float:
        """Width of the text area."""
        return round(self.rong - self.le_trai - self.le_phai, 3)


@dataclass(frozen=True)
class BangKieu:
    """The style sheet in force: every paragraph style, the page, and the font family name."""

    kieu: dict[Kieu, ParagraphFormat]
    trang: TrangGiay
    phong_chu: str

    def __getitem__(self, kieu: Kieu) -> ParagraphFormat:
        return self.kieu[kieu]


def default_template() -> Path:
    """Path of the Word template shipped with vanthu."""
    return Path(str(resources.files("vanthu") / "templates_docx" / "van_ban.docx"))


_ALIGN = {
    WD_ALIGN_PARAGRAPH.LEFT: CanLe.trai,
    WD_ALIGN_PARAGRAPH.CENTER: CanLe.giua,
    WD_ALIGN_PARAGRAPH.JUSTIFY: CanLe.deu,
}


def _cm(length: Length | None) -> float:
    return 0.0 if length is None else round(length.cm, 2)


def _pt(length: Length | None) -> float:
    return 0.0 if length is None else round(length.pt, 2)


def _inherited(style: Any, read: Callable[[Any], T | None]) -> T | None:
    """The first value a style or one of its base styles sets (Word's inheritance)."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _para(attr: str) -> Callable[[Any], Any]:
    return lambda style: getattr(style.paragraph_format, attr)


@cache
def doc_bang_kieu(template: Path | None = None) -> BangKieu:
    """Read the style sheet and page geometry from a Word template (cached per path).

    Raises:
        KeyError: the template lacks one of the ``Kieu`` styles.
    """
    doc = Document(str(template or default_template()))
    sheet: dict[Kieu, ParagraphFormat] = {}
    for kieu in Kieu:
        st = doc.styles[kieu.value]
        spacing = _inherited(st, _para("line_spacing"))
        exact = _inherited(st, _para("line_spacing_rule")) == WD_LINE_SPACING.EXACTLY
        sheet[kieu] = ParagraphFormat(
            co_chu=_pt(_inherited(st, lambda s: s.font.size)),
            dam=bool(_inherited(st, lambda s: s.font.bold)),
            nghieng=bool(_inherited(st, lambda s: s.font.italic)),
            can_le=_ALIGN.get(
                _inherited(st, _para("alignment")) or WD_ALIGN_PARAGRAPH.LEFT, CanLe.trai
            ),
            cach_truoc=_pt(_inherited(st, _para("space_before"))),
            dong=_pt(spacing) if exact and isinstance(spacing, Length) else None,
            thut_dau=_cm(_inherited(st, _para("first_line_indent"))),
            le_trai=_cm(_inherited(st, _para("left_indent"))),
        )
    sec = doc.sections[0]
    trang = TrangGiay(
        rong=_cm(sec.page_width),
        cao=_cm(sec.page_height),
        le_tren=_cm(sec.top_margin),
        le_duoi=_cm(sec.bottom_margin),
        le_trai=_cm(sec.left_margin),
        le_phai=_cm(sec.right_margin),
        dau_trang=_cm(sec.header_distance),
        chan_trang=_cm(sec.footer_distance),
    )
    font = doc.styles["Normal"].font.name or "Times New Roman"
    return BangKieu(kieu=sheet, trang=trang, phong_chu=font)
