"""Sổ đăng ký văn bản đi: the outgoing register as a ruled landscape book, in DOCX and in PDF.

Decree 30 Phụ lục IV gives the register its ten columns and its cover (parent body, body, book
title, ``Năm:``, ``Từ ngày … đến ngày …``, ``Từ số … đến số …``, ``Quyển số:``). Ten columns do
not fit across a portrait page, and the Decree allows landscape for tables, so the register is
A4 landscape with the template's margins (binding edge left). The cover sits above the table on
page 1; the table's heading row repeats on every page, no row is split across pages, and every
page is numbered at the top centre (a bound book's pages are counted, the first included).

Both files are drawn from one :class:`BoCucSoDangKy` (the cover lines and the column widths), so the
DOCX and the PDF break text the same way. The short columns (number, dates, copies) are as wide
as their widest entry on one line. What is left goes to the four text columns, half by a fixed
share (most to the subject, ``Tên loại và trích yếu nội dung``, and the recipients, ``Nơi nhận
văn bản``) and half by how much text each holds, so that the tallest cell of a line, which sets
its height, is as short as it can be; no column is narrower than its longest word.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from .. import __version__
from ..errors import RenderError
from .bo_cuc import thuoc_tinh
from .fonts import DoRongChu, MatChu, do_rong_chu, mat_chu_pdf
from .nap_weasyprint import HTML
from .ngay_thang import ngay_vn
from .pdf_writer import PdfWriter, font_config, html_environment
from .styles import BangKieu, Kieu, TrangGiay, default_template, doc_bang_kieu

#: Columns of the outgoing register, Decree 30 Phụ lục IV.
COT_SO_DANG_KY = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)
SO_COT = len(COT_SO_DANG_KY)

#: Book title printed on the cover.
TEN_SO_DANG_KY_DI = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
#: What the cover prints where a range is not known yet, for the clerk to fill in by hand.
CHO_TRONG = "……………"

#: Size of the table's text, in points (the cover lines carry their own).
CO_CHU_BANG = 11
#: Cell padding: left and right (cm), top and bottom (pt).
DEM_NGANG_CM = 0.1
DEM_DOC_PT = 2
#: Ruling of the book: lines of 0.5 pt (Word's size 4, in eighths of a point).
NET_KE_PT = 0.5

# Per column: (least cm, most cm, share). A column with a share is one of the four text columns
# that divide the width the others leave (least is then its floor); one without is as wide as its
# widest entry on one line, between least and most.
_COT: tuple[tuple[float, float, float], ...] = (
    (2.2, 3.2, 0),  # Số, ký hiệu: "01/CĐ-UBND"; a long "1234/UBND-VXNV" wraps after the "/"
    (2.0, 2.4, 0),  # Ngày tháng: "13/09/2021"
    (3.0, 0, 0.40),  # Tên loại và trích yếu nội dung
    (2.2, 0, 0.17),  # Người ký: a name on two lines at most
    (2.5, 0, 0.29),  # Nơi nhận văn bản
    (1.5, 0, 0.14),  # Đơn vị, người nhận bản lưu
    (1.4, 1.8, 0),  # Số lượng bản
    (2.0, 2.4, 0),  # Ngày chuyển
    (1.6, 1.6, 0),  # Ký nhận: room for a signature
    (1.6, 1.6, 0),  # Ghi chú: wraps
)
# Children of w:tblPr that come after w:tblW and after w:tblBorders (ECMA-376 CT_TblPr).
_SAU_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_SAU_TBLW = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", *_SAU_TBLBORDERS)
#: Columns set centred: the dates and the count.
_GIUA = frozenset({1, 6, 7})


@dataclass(frozen=True)
class SoDangKy:
    """One outgoing register (sổ đăng ký văn bản đi) as it is printed.

    Attributes:
        co_quan: the issuing body ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"); printed in capitals;
            ``"\\n"`` breaks the line; empty: a blank line for the clerk.
        nam: the year of the register.
        dong: the lines of the register, each ten strings in the order of ``COT_SO_DANG_KY``.
        co_quan_chu_quan: the parent body, printed above the issuing body, if any.
        ten_so_dang_ky: the book title.
        tu_den_ngay: first and last date of the register; blanks for the clerk if ``None``.
        tu_den_so: first and last number of the register; blanks for the clerk if ``None``.
        quyen_so: the volume number ("Quyển số"), printed if given.
    """

    co_quan: str
    nam: int
    dong: tuple[tuple[str, ...], ...]
    co_quan_chu_quan: str | None = None
    ten_so_dang_ky: str = TEN_SO_DANG_KY_DI
    tu_den_ngay: tuple[dt.date, dt.date] | None = None
    tu_den_so: tuple[int, int] | None = None
    quyen_so: int | None = None

    def __post_init__(self) -> None:
        for i, line in enumerate(self.dong, 1):
            if len(line) != SO_COT:
                raise RenderError(
                    f"sổ đăng ký {self.nam}, dòng {i}", f"has {len(line)} cells, not {SO_COT}"
                )

    @property
    def tieu_de(self) -> str:
        """The file's title ("Sổ đăng ký văn bản đi năm 2021")."""
        return f"{self.ten_so_dang_ky.capitalize()} năm {self.nam}"


@dataclass(frozen=True)
class DongBia:
    """One centred line of the cover: text, size (pt), bold, space above (pt)."""

    text: str
    co_chu: float
    dam: bool = False
    cach_truoc: float = 0.0


@dataclass(frozen=True)
class BoCucSoDangKy:
    """What both files draw: the page, the cover lines, the column widths (cm), the cells."""

    trang: TrangGiay
    bia: tuple[DongBia, ...]
    rong: tuple[float, ...]
    dau: tuple[str, ...]
    dong: tuple[tuple[str, ...], ...]
    tieu_de: str
    tac_gia: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _tu_den(tu: str, den: str, cai: str) -> str:
    return f"Từ {cai} {tu} đến {cai} {den}"


def _trang_ngang(trang: TrangGiay) -> TrangGiay:
    """The template's page turned to landscape: width and height swap, the margins stay."""
    return TrangGiay(
        rong=max(trang.rong, trang.cao),
        cao=min(trang.rong, trang.cao),
        le_tren=trang.le_tren,
        le_duoi=trang.le_duoi,
        le_trai=trang.le_trai,
        le_phai=trang.le_phai,
        dau_trang=trang.dau_trang,
    )


def _bia(so_dang_ky: SoDangKy) -> tuple[DongBia, ...]:
    lines: list[DongBia] = []
    if so_dang_ky.co_quan_chu_quan:
        lines += [DongBia(t.upper(), 13) for t in _nfc(so_dang_ky.co_quan_chu_quan).split("\n")]
    # A register with no directive yet does not know its body: a blank for the clerk.
    body = _nfc(so_dang_ky.co_quan) or CHO_TRONG
    lines += [DongBia(t.strip().upper(), 13, dam=True) for t in body.split("\n")]
    if so_dang_ky.tu_den_ngay is None:
        ngay = _tu_den(CHO_TRONG, CHO_TRONG, "ngày")
    else:
        ngay = _tu_den(
            ngay_vn(so_dang_ky.tu_den_ngay[0]), ngay_vn(so_dang_ky.tu_den_ngay[1]), "ngày"
        )
    if so_dang_ky.tu_den_so is None:
        so_ = _tu_den(CHO_TRONG, CHO_TRONG, "số")
    else:
        so_ = _tu_den(f"{so_dang_ky.tu_den_so[0]:02d}", f"{so_dang_ky.tu_den_so[1]:02d}", "số")
    lines += [
        DongBia(_nfc(so_dang_ky.ten_so_dang_ky).upper(), 16, dam=True, cach_truoc=18),
        DongBia(f"Năm: {so_dang_ky.nam}", 14, cach_truoc=6),
        DongBia(ngay, 14, cach_truoc=3),
        DongBia(so_, 14, cach_truoc=3),
    ]
    if so_dang_ky.quyen_so is not None:
        lines.append(DongBia(f"Quyển số: {so_dang_ky.quyen_so:02d}", 14, cach_truoc=3))
    return tuple(lines)


def _do_rong_cot(
    vung_chu: float, dau: tuple[str, ...], dong: tuple[tuple[str, ...], ...], do: DoRongChu
) -> tuple[float, ...]:
    """Column widths (cm) that add up to the text width; see the module docstring.

    Raises:
        RenderError: the columns cannot fit in the text width.
    """
    pad = 2 * DEM_NGANG_CM + 0.05  # a little air, so rounding never forces a wrap

    def lines(col: int) -> list[str]:
        return [part for line in dong for part in line[col].split("\n")]

    def widest_word(col: int) -> float:
        # Text wraps between words, never inside one: a column is never narrower than a word.
        heading = [do.cm(w, CO_CHU_BANG, bold=True) for w in dau[col].split()]
        words = [do.cm(w, CO_CHU_BANG) for t in lines(col) for w in t.split()]
        return max(heading + words) + pad

    def widest_line(col: int) -> float:
        return max([widest_word(col)] + [do.cm(t, CO_CHU_BANG) + pad for t in lines(col)])

    widths = [0.0] * SO_COT
    floor: dict[int, float] = {}
    for col, (least, most, share) in enumerate(_COT):
        if share:
            floor[col] = max(least, widest_word(col))
        else:
            widths[col] = round(min(max(widest_line(col), least), most), 2)
    room = vung_chu - sum(widths)
    if sum(floor.values()) > room:
        raise RenderError("sổ đăng ký", f"ten columns do not fit in {vung_chu} cm")
    # Half by a fixed share, half by how much text the column holds this year.
    chars = {col: sum(len(line[col]) for line in dong) for col in floor}
    total = sum(chars.values())
    weight = {
        col: (_COT[col][2] + (chars[col] / total if total else _COT[col][2])) / 2 for col in floor
    }
    # Share the room by weight; a column whose part is below its floor gets the floor, and the
    # others share what remains (this ends: the floors together fit in the room).
    free = set(floor)
    while True:
        pool = room - sum(floor[c] for c in floor if c not in free)
        total_weight = sum(weight[c] for c in free)
        short = {c for c in free if pool * weight[c] / total_weight < floor[c]}
        if not short:
            break
        free -= short
    for col in floor:
        part = pool * weight[col] / total_weight if col in free else floor[col]
        widths[col] = round(part, 2)
    widest = max(free, key=lambda c: widths[c])
    widths[widest] = round(widths[widest] + vung_chu - sum(widths), 2)  # rounding
    return tuple(widths)


class SoDangKyRenderer:
    """Draws registers in the Word template's face and margins, turned to landscape."""

    def __init__(self, template: Path | None = None, mat_chu: MatChu | None = None) -> None:
        self.template = template or default_template()
        self.bang: BangKieu = doc_bang_kieu(template)
        self.mat_chu = mat_chu or mat_chu_pdf()
        self._do_rong = do_rong_chu(self.mat_chu)

    @cached_property
    def _pdf(self) -> PdfWriter:
        return PdfWriter(self.bang, self.mat_chu)

    def bo_cuc(self, so_dang_ky: SoDangKy) -> BoCucSoDangKy:
        """The cover lines and column widths of a register, with its text in NFC."""
        trang = _trang_ngang(self.bang.trang)
        dong = tuple(tuple(_nfc(c) for c in line) for line in so_dang_ky.dong)
        return BoCucSoDangKy(
            trang=trang,
            bia=_bia(so_dang_ky),
            rong=_do_rong_cot(trang.vung_chu, COT_SO_DANG_KY, dong, self._do_rong),
            dau=COT_SO_DANG_KY,
            dong=dong,
            tieu_de=so_dang_ky.tieu_de,
            tac_gia=" ".join(_nfc(so_dang_ky.co_quan).split()),
        )

    def docx(self, so_dang_ky: SoDangKy) -> bytes:
        """The register as a DOCX file (python-docx, on the Word template)."""
        bo_cuc = self.bo_cuc(so_dang_ky)
        doc = Document(str(self.template))
        sec = doc.sections[0]
        trang = bo_cuc.trang
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(trang.rong), Cm(trang.cao)
        sec.left_margin, sec.right_margin = Cm(trang.le_trai), Cm(trang.le_phai)
        sec.top_margin, sec.bottom_margin = Cm(trang.le_tren), Cm(trang.le_duoi)
        sec.header_distance = Cm(trang.dau_trang)
        # The template hides the number of page 1 (a document's rule); a book numbers every page.
        sec.different_first_page_header_footer = False
        for line in bo_cuc.bia:
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.space_before = Pt(line.cach_truoc)
            para.paragraph_format.keep_with_next = True
            run = para.add_run(line.text)
            run.bold = line.dam
            run.font.size = Pt(line.co_chu)
        doc.add_paragraph().paragraph_format.keep_with_next = True  # space above the table
        self._bang(doc, bo_cuc)
        props = doc.core_properties
        props.title = thuoc_tinh(bo_cuc.tieu_de)
        props.author = thuoc_tinh(bo_cuc.tac_gia)
        props.subject = thuoc_tinh(bo_cuc.tieu_de)
        props.comments = "vanthu"
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    def _bang(self, doc: Any, bo_cuc: BoCucSoDangKy) -> None:
        table = doc.add_table(rows=1 + len(bo_cuc.dong), cols=SO_COT)
        tblpr = table._tbl.tblPr
        table.autofit = False  # w:tblLayout fixed: the widths below hold whatever the text
        for old in tblpr.findall(qn("w:tblW")):
            tblpr.remove(old)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(Cm(sum(bo_cuc.rong)).twips))
        width.set(qn("w:type"), "dxa")
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), str(round(NET_KE_PT * 8)))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
            borders.append(el)
        margins = OxmlElement("w:tblCellMar")
        for side, size in (
            ("top", Pt(DEM_DOC_PT)),
            ("left", Cm(DEM_NGANG_CM)),
            ("bottom", Pt(DEM_DOC_PT)),
            ("right", Cm(DEM_NGANG_CM)),
        ):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), str(size.twips))
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        # Word wants the children of w:tblPr in the schema's order.
        tblpr.insert_element_before(width, *_SAU_TBLW)
        tblpr.insert_element_before(borders, *_SAU_TBLBORDERS)
        tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
        # LibreOffice splits columns evenly unless the grid and every cell carry the widths.
        for col, cm in zip(table.columns, bo_cuc.rong, strict=True):
            col.width = Cm(cm)
        lines = (bo_cuc.dau, *bo_cuc.dong)
        for r, (row, texts) in enumerate(zip(table.rows, lines, strict=True)):
            trpr = row._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:cantSplit"))
            if r == 0:
                trpr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
            for c, (cell, cm, text) in enumerate(zip(row.cells, bo_cuc.rong, texts, strict=True)):
                cell.width = Cm(cm)
                self._o(cell, text, heading=r == 0, centred=r == 0 or c in _GIUA)

    @staticmethod
    def _o(cell: _Cell, text: str, heading: bool, centred: bool) -> None:
        if heading:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para = cell.paragraphs[0]
        if centred:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, part in enumerate(text.split("\n")):
            run = para.add_run()
            if i:
                run.add_break()
            run.add_text(part)
            run.font.size = Pt(CO_CHU_BANG)
            run.bold = heading or None

    def html(self, so_dang_ky: SoDangKy) -> str:
        """The HTML the PDF is printed from."""
        bo_cuc = self.bo_cuc(so_dang_ky)
        faces = [(bold, italic, path.as_uri()) for (bold, italic), path in self.mat_chu.tep]
        context: dict[str, Any] = {
            "bo_cuc": bo_cuc,
            "version": __version__,
            "mat_chu": self.mat_chu,
            "font_faces": faces,
            "so_trang": self.bang[Kieu.SO_TRANG],
            "co_chu": CO_CHU_BANG,
            "dem_ngang": DEM_NGANG_CM,
            "dem_doc": DEM_DOC_PT,
            "net_ke": NET_KE_PT,
            "giua": _GIUA,
        }
        return html_environment().get_template("so_dang_ky.html.j2").render(context)

    def pdf(self, so_dang_ky: SoDangKy, pdf_a: bool = False) -> bytes:
        """The register as a PDF file (WeasyPrint); ``pdf_a`` makes it PDF/A-2b for archiving.

        Raises:
            RenderError: WeasyPrint warned (a missing font, a bad style): the PDF would be wrong.
        """
        page = self.html(so_dang_ky)
        document = PdfWriter.guarded(lambda: HTML(string=page).render(font_config=font_config()))
        return self._pdf.in_pdf(document, pdf_a)
