"""A body table (Bang) in Word: ruled cells, repeated header rows, landscape sections.

A landscape table gets a section of its own: the paragraph before it closes the portrait
section, a paragraph after it (the "./." line, or an empty 1 pt one) closes the landscape one.
Sections after the first carry no "different first page", so every page from 2 on shows its
number; a section without header references shows the previous section's header (Word's
"link to previous"), which is the page number centred at the top.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .bo_cuc import Bang, DoanBoCuc, OBangBoCuc
from .styles import CanLe

_CAN = {
    CanLe.trai: WD_ALIGN_PARAGRAPH.LEFT,
    CanLe.giua: WD_ALIGN_PARAGRAPH.CENTER,
    CanLe.phai: WD_ALIGN_PARAGRAPH.RIGHT,
    CanLe.deu: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
#: Width of the table's rules in eighths of a point: 4 is ½ pt, Word's "single" table line.
VIEN_BANG = 4
_TWIPS_PER_CM = 1440 / 2.54

VeDoan = Callable[[Paragraph, DoanBoCuc, float], None]


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


class VeBang:
    """Draws body tables into one python-docx document."""

    def __init__(self, doc: DocxDocument, style_id: str, ve_doan: VeDoan, vung_doc: float):
        self.doc = doc
        self.style_id = style_id
        self.ve_doan = ve_doan
        self.vung_doc = vung_doc
        self.co_ngang = False

    def ve(self, bang: Bang, vung: float) -> None:
        """Append a table (with its caption and closing lines) to the document's body."""
        if bang.ngang:
            self._mo_ngang()
        for doan in bang.ten:
            self.ve_doan(self.doc.add_paragraph(), doan, vung)
        self._bang(bang)
        for doan in bang.sau:
            self.ve_doan(self.doc.add_paragraph(), doan, vung)
        if bang.ngang:
            self._dong_ngang(bool(bang.sau))

    def xong(self) -> None:
        """Finish the document: the last section is never the first page when a landscape
        section came before it, so its page number shows from its first page."""
        if self.co_ngang:
            body_sect = self.doc.element.body.sectPr
            for el in body_sect.findall(qn("w:titlePg")):
                body_sect.remove(el)

    # -- sections --------------------------------------------------------------------------

    def _mo_ngang(self) -> None:
        """Close the section before a landscape table (or reopen the landscape one it follows)."""
        body = self.doc.element.body
        last = body[-2] if body[-1].tag == qn("w:sectPr") else body[-1]
        if last.tag == qn("w:p") and last.find(qn("w:pPr")) is not None:
            closing = last.find(qn("w:pPr")).find(qn("w:sectPr"))
            if (
                closing is not None
                and closing.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
            ):
                # Two landscape tables in a row share their section.
                last.find(qn("w:pPr")).remove(closing)
                return
        if last.tag != qn("w:p") or last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            last = self._doan_rong()
        sect = copy.deepcopy(body.sectPr)
        if self.co_ngang:
            _bo(sect, "w:titlePg")
        last.get_or_add_pPr().append(sect)
        self.co_ngang = True

    def _dong_ngang(self, co_doan_sau: bool) -> None:
        """Close the landscape section after its table: on the "./." line, or an empty one."""
        body = self.doc.element.body
        last = body[-2] if body[-1].tag == qn("w:sectPr") else body[-1]
        if not co_doan_sau or last.tag != qn("w:p"):
            last = self._doan_rong()
        sect = copy.deepcopy(body.sectPr)
        for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
            _bo(sect, tag)
        size = sect.find(qn("w:pgSz"))
        w, h = size.get(qn("w:w")), size.get(qn("w:h"))
        size.set(qn("w:w"), h)
        size.set(qn("w:h"), w)
        size.set(qn("w:orient"), "landscape")
        # The sheet turned a quarter clockwise: left (binding) → top, right → bottom …
        mar = sect.find(qn("w:pgMar"))
        top, right, bottom, left = (
            mar.get(qn(f"w:{s}")) for s in ("top", "right", "bottom", "left")
        )
        mar.set(qn("w:top"), left)
        mar.set(qn("w:bottom"), right)
        mar.set(qn("w:left"), bottom)
        mar.set(qn("w:right"), top)
        last.get_or_add_pPr().append(sect)

    def _doan_rong(self) -> object:
        """An empty 1 pt paragraph to carry a section break without taking a line."""
        para = self.doc.add_paragraph()
        para._p.style = self.style_id
        pf = para.paragraph_format
        pf.first_line_indent = Cm(0)
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(1)
        mark = _el("w:rPr")
        mark.append(_el("w:sz", val="2"))
        para._p.get_or_add_pPr().append(mark)
        return para._p

    # -- the table -------------------------------------------------------------------------

    def _bang(self, bang: Bang) -> None:
        n = len(bang.rong)
        table = self.doc.add_table(rows=0, cols=n)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        tblpr = table._tbl.tblPr
        for old in tblpr.findall(qn("w:tblW")):
            tblpr.remove(old)
        tblpr.append(_el("w:tblW", w=_twips(sum(bang.rong)), type="dxa"))
        borders = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(
                _el(f"w:{side}", val="single", sz=str(VIEN_BANG), space="0", color="000000")
            )
        tblpr.append(borders)
        tblpr.append(_el("w:tblLayout", type="fixed"))
        margins = _el("w:tblCellMar")
        for side, twips in (
            ("top", round(bang.dem_doc * 20)),
            ("left", round(bang.dem * _TWIPS_PER_CM)),
            ("bottom", round(bang.dem_doc * 20)),
            ("right", round(bang.dem * _TWIPS_PER_CM)),
        ):
            margins.append(_el(f"w:{side}", w=str(twips), type="dxa"))
        tblpr.append(margins)
        # LibreOffice ignores cell widths the grid does not carry too.
        for col, cm in zip(table.columns, bang.rong, strict=True):
            col.width = Cm(cm)
        for row in bang.tieu_de:
            self._hang(table, bang, row, tieu_de=True, giu=False)
        last = len(bang.dong) - 1
        for i, row in enumerate(bang.dong):
            self._hang(table, bang, row, tieu_de=False, giu=i == last and bool(bang.sau))

    def _hang(
        self, table: Table, bang: Bang, cells: tuple[OBangBoCuc, ...], tieu_de: bool, giu: bool
    ) -> None:
        """One row that never splits; a header row repeats at the top of every page."""
        tr = table._tbl.add_tr()
        trpr = tr.get_or_add_trPr()
        trpr.append(_el("w:cantSplit"))
        if tieu_de:
            trpr.append(_el("w:tblHeader"))
        col = 0
        for o in cells:
            tc = tr.add_tc()
            width = sum(bang.rong[col : col + o.gop])
            col += o.gop
            cell = _Cell(tc, table)
            cell.width = Cm(width)
            if o.gop > 1:
                # After the width (tcW), as the schema orders a cell's properties.
                tc.get_or_add_tcPr().append(_el("w:gridSpan", val=str(o.gop)))
            self._o(cell, bang, o, giu)

    def _o(self, cell: _Cell, bang: Bang, o: OBangBoCuc, giu: bool) -> None:
        for i, line in enumerate(o.dong):
            para = cell.add_paragraph() if i else cell.paragraphs[0]
            para._p.style = self.style_id
            pf = para.paragraph_format
            pf.alignment = _CAN[o.can]
            pf.first_line_indent = pf.left_indent = Cm(0)
            pf.space_before = pf.space_after = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(bang.cao_dong)
            if giu:
                pf.keep_with_next = True
            if line:
                run = para.add_run(line)
                run.font.size = Pt(bang.co_chu)
                if o.dam:
                    run.bold = True


def _twips(cm: float) -> str:
    return str(round(cm * _TWIPS_PER_CM))


def _bo(el: object, tag: str) -> None:
    for child in el.findall(qn(tag)):  # type: ignore[attr-defined]
        el.remove(child)  # type: ignore[attr-defined]
