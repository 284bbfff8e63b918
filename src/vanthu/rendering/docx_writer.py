"""Draws a layout (BoCuc) into the Word template with python-docx; styles come from the template."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .anh_docx import ve_anh_noi
from .bang_docx import VeBang
from .bang_noi_dung import trang_ngang
from .bo_cuc import CO_CHU_CHU_THICH as CO_CHU
from .bo_cuc import (
    KHOANG_KE,
    PT_MOI_CM,
    VIEN_KE,
    VIEN_KHUNG,
    Bang,
    BoCuc,
    Chu,
    DoanBoCuc,
    DuongKe,
    HaiCot,
    Khoi,
    KhoiTrang,
    PhanRieng,
    thuoc_tinh,
)
from .chu_thich_docx import goi_chu_thich, kieu_chu_thich, phan_chu_thich, them_chu_thich
from .styles import BangKieu, Kieu, default_template

_TWIPS_PER_CM = 1440 / 2.54


def _twips(cm: float) -> str:
    return str(round(cm * _TWIPS_PER_CM))


#: Points between a box's line and its text. Word (and LibreOffice) draw a paragraph's border
#: this far outside the text, so the indents and the line height take it in.
KHOANG_VIEN = 2


def _border(
    ppr: object, sides: tuple[str, ...], color: str = "000000", size: int = 6, space: int = 1
) -> None:
    """Single solid border lines on the given sides of a paragraph (size in eighths of a point,
    space to the text in points)."""
    pbdr = OxmlElement("w:pBdr")
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), str(space))
        el.set(qn("w:color"), color)
        pbdr.append(el)
    ppr.append(pbdr)  # type: ignore[attr-defined]


def _mo_dau_co_chu_thich(doc: DocxDocument) -> None:
    """Open a document that calls footnotes with an empty paragraph one twip high.

    LibreOffice (7.4) puts an empty paragraph of the Normal style (14 pt) before a DOCX's first
    table when the document calls footnotes, so page 1 stood 16 pt lower and held a line less
    than the PDF; given one of ours, a twentieth of a point high, it adds none. Word draws it
    as nothing.
    """
    body = doc.element.body
    if body.find(f".//{qn('w:footnoteReference')}") is None:
        return
    para = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    for key, value in (("before", "0"), ("after", "0"), ("line", "1"), ("lineRule", "exact")):
        spacing.set(qn(f"w:{key}"), value)
    ppr.append(spacing)
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    ppr.append(rpr)
    para.append(ppr)
    body.insert(0, para)


def _khong_gian_dong_ngat(doc: DocxDocument) -> None:
    """A justified line ending in a forced line break keeps its spaces (Word's compatibility
    option doNotExpandShiftReturn; LibreOffice reads it too), as the PDF sets it."""
    compat = doc.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        doc.settings.element.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        # First in w:compat's sequence, before useFELayout and the compatSettings.
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


#: A hyphen between a letter or digit and a digit ("COVID-19"): the PDF never breaks a line
#: there (Unicode line breaking keeps a hyphen with a following number), Word and LibreOffice
#: do; written as Word's non-breaking hyphen, drawn with the font's own hyphen.
_GACH_TRUOC_SO = re.compile(r"(?<=\w)-(?=\d)")
#: Every hyphen of an unbreakable run (a number and symbol: "2874/TTr-SGDĐT").
_MOI_GACH = re.compile("-")


def _viet(run: Run, chu: Chu) -> None:
    """A run's text: "\n" a line break (w:br); a hyphen before a number, and every hyphen of
    an unbreakable run, Word's non-breaking hyphen. Its spaces stay spaces: Word breaks only at
    spaces and hyphens, and a marker's space (the only one in such a run) starts a line, where
    the word after it always fits unless it alone is wider than a line."""
    pattern = _MOI_GACH if chu.lien else _GACH_TRUOC_SO
    for i, piece in enumerate(pattern.split(chu.text)):
        if i:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        for j, line in enumerate(piece.split("\n")):
            if j:
                run.add_break()
            if line:
                run.add_text(line)


def _chu_thich(para: Paragraph, note: tuple[Chu, ...]) -> None:
    """A footnote call here, its note at the foot of the page (numbered by Word in order)."""
    footnotes = phan_chu_thich(para.part)
    so = len([n for n in footnotes.iterchildren(qn("w:footnote")) if int(n.get(qn("w:id"))) > 0])
    so += 1
    kieu = kieu_chu_thich(para.part.package.main_document_part.styles)
    body = Paragraph(them_chu_thich(footnotes, so, kieu), para._parent)
    for chu in note:
        run = body.add_run()
        _viet(run, chu)
        run.font.size = Pt(CO_CHU)
        if chu.dam:
            run.bold = True
        if chu.nghieng:
            run.italic = True
    para._p.append(goi_chu_thich(so))


class DocxWriter:
    """Writes layouts as DOCX files built on one Word template."""

    def __init__(self, bang: BangKieu, template: Path | None = None) -> None:
        self.bang = bang
        self.template = template or default_template()
        self._template_bytes = self.template.read_bytes()
        # Each style's id, looked up once: python-docx finds a style by name by reading every
        # style of the template, which made a 1,000-line Nơi nhận take seconds.
        styles = Document(io.BytesIO(self._template_bytes)).styles
        self._style_id = {kieu: styles[kieu.value].style_id for kieu in Kieu}

    def ghi(self, bo_cuc: BoCuc) -> bytes:
        """The DOCX file of a layout, as bytes."""
        doc = Document(io.BytesIO(self._template_bytes))
        _khong_gian_dong_ngat(doc)
        body_width = self.bang.trang.vung_chu
        bang = VeBang(doc, self._style_id[Kieu.NOI_DUNG], self._khoi, body_width)
        for block in bo_cuc.khoi:
            if isinstance(block, PhanRieng):
                # A part (an annex) opens a section of its own, numbered from 1.
                bang.mo_phan_moi()
                for inner in block.khoi:
                    self._ve(doc, bang, inner)
            else:
                self._ve(doc, bang, block)
        bang.xong()
        _mo_dau_co_chu_thich(doc)
        self._le_trang_dau(doc, bo_cuc, body_width)
        props = doc.core_properties
        props.title = thuoc_tinh(bo_cuc.tieu_de)
        props.author = thuoc_tinh(bo_cuc.tac_gia)
        props.subject = thuoc_tinh(bo_cuc.chu_de)
        props.keywords = thuoc_tinh(", ".join(bo_cuc.tu_khoa))
        props.comments = "vanthu"
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    def _ve(self, doc: DocxDocument, bang: VeBang, block: KhoiTrang) -> None:
        """Draw one block of the page body."""
        body_width = self.bang.trang.vung_chu
        if isinstance(block, HaiCot):
            self._hai_cot(doc, block)
        elif isinstance(block, Bang):
            ngang = trang_ngang(self.bang.trang).vung_chu
            bang.ve(block, ngang if block.ngang else body_width)
        else:
            self._khoi(doc.add_paragraph(), block, body_width)

    def _khoi(self, para: Paragraph, block: Khoi, container: float) -> None:
        if isinstance(block, DuongKe):
            para._p.style = self._style_id[Kieu.DUONG_KE]
            side = max((container - block.rong) / 2, 0)
            pf = para.paragraph_format
            pf.left_indent, pf.right_indent = Cm(side), Cm(side)
            _border(para._p.get_or_add_pPr(), ("top",), size=round(VIEN_KE * 8), space=KHOANG_KE)
            return
        self._doan(para, block, container)

    def _doan(self, para: Paragraph, doan: DoanBoCuc, container: float) -> None:
        para._p.style = self._style_id[doan.kieu]
        style = self.bang[doan.kieu]
        pf = para.paragraph_format
        if doan.cach_truoc is not None:
            pf.space_before = Pt(doan.cach_truoc)
        if doan.le_trai is not None:
            pf.left_indent = Cm(doan.le_trai)
        if doan.thut_dau is not None:
            pf.first_line_indent = Cm(doan.thut_dau)
        if doan.giu_voi_sau:
            pf.keep_with_next = True
        if doan.giu_tron:
            pf.keep_together = True
        if doan.khung is not None:
            # The box's outer edges are ``khung`` apart: the line and its space sit inside.
            inset = (KHOANG_VIEN + VIEN_KHUNG) / PT_MOI_CM
            side = max((container - doan.khung) / 2, 0) + inset
            pf.left_indent = Cm(side + doan.khung_lech)
            pf.right_indent = Cm(side - doan.khung_lech)
            if doan.khung_cao is not None:
                pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                pf.line_spacing = Pt(doan.khung_cao * PT_MOI_CM - 2 * inset * PT_MOI_CM)
            _border(
                para._p.get_or_add_pPr(),
                ("top", "left", "bottom", "right"),
                doan.khung_colour or "000000",
                round(VIEN_KHUNG * 8),
                KHOANG_VIEN,
            )
        if doan.ke_tren:
            _border(para._p.get_or_add_pPr(), ("top",), size=round(VIEN_KE * 8), space=KHOANG_KE)
        for chu in doan.chu:
            if chu.chu_thich is not None:
                _chu_thich(para, chu.chu_thich)
                continue
            run = para.add_run()
            _viet(run, chu)
            if chu.dam is not None and chu.dam != style.dam:
                run.bold = chu.dam
            if chu.nghieng is not None and chu.nghieng != style.nghieng:
                run.italic = chu.nghieng
            if chu.colour:
                run.font.color.rgb = RGBColor.from_string(chu.colour)
        for z, anh in enumerate(doan.anh):
            ve_anh_noi(para, anh, z)

    def _le_trang_dau(self, doc: DocxDocument, bo_cuc: BoCuc, width: float) -> None:
        """Page 1's header (box 11) and footer (box 13): the template's section already has a
        first page of its own, whose header prints no page number."""
        section = doc.sections[0]
        for parts, blocks in (
            (section.first_page_header, bo_cuc.dau_trang_dau),
            (section.first_page_footer, bo_cuc.chan_trang_dau),
        ):
            if not blocks:
                continue
            for i, block in enumerate(blocks):
                para = parts.paragraphs[0] if i == 0 else parts.add_paragraph()
                self._doan(para, block, width)

    def _hai_cot(self, doc: DocxDocument, block: HaiCot) -> None:
        table = doc.add_table(rows=1, cols=2)
        tbl = table._tbl
        tblpr = tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblpr.append(layout)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), _twips(sum(block.rong)))
        width.set(qn("w:type"), "dxa")
        for old in tblpr.findall(qn("w:tblW")):
            tblpr.remove(old)
        tblpr.append(width)
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), "0")
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        tblpr.append(margins)
        # LibreOffice splits the columns 50/50 unless the grid and every cell carry the widths.
        for col, cm in zip(table.columns, block.rong, strict=True):
            col.width = Cm(cm)
        self._hang(table, table.rows[0], block.rong, (block.trai, block.phai))
        for extra in block.trai_tiep:
            # The right cell stays empty; its paragraph takes the line's style, so that it
            # makes the row no taller than the line beside it.
            blank = DoanBoCuc(extra.kieu, ()) if isinstance(extra, DoanBoCuc) else extra
            self._hang(table, table.add_row(), block.rong, ((extra,), (blank,)))

    def _hang(
        self,
        table: Table,
        row: _Row,
        rong: tuple[float, float],
        cells: tuple[tuple[Khoi, ...], ...],
    ) -> None:
        """Fill one table row; it never splits across pages (the table may break between rows).

        The cells are taken from the row's own XML: python-docx's ``row.cells`` lays out the
        whole table each time, which made a 1,000-line Nơi nhận quadratic.
        """
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for tc, cm, content in zip(row._tr.tc_lst, rong, cells, strict=True):
            cell = _Cell(tc, table)
            cell.width = Cm(cm)
            self._o(cell, content, cm)

    def _o(self, cell: _Cell, content: tuple[Khoi, ...], width: float) -> None:
        first = True
        for block in content:
            para = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            self._khoi(para, block, width)
