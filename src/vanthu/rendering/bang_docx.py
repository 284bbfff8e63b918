"""A body table (Bang) in Word: ruled cells, repeated header rows, landscape sections.

A landscape table gets a section of its own: the paragraph before it closes the portrait
section, a paragraph after it (the "./." line, or an empty 1 pt one) closes the landscape one.
A section's properties are written where it closes, from the template's: only a section that
opens a numbering sequence (the document's first, or the first of a part: an annex, see
``mo_phan_moi``) keeps the "different first page" whose header is empty, and a part's first
section restarts the numbers at 1 (``w:pgNumType w:start="1"``); the others show their number
from their first page. A landscape section after the first of its sequence carries no header
references: it shows the previous section's header (Word's "link to previous"), which is the
page number centred at the top.
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

from .bang_noi_dung import VIEN_BANG
from .bo_cuc import Bang, Khoi, OBangBoCuc
from .styles import CanLe

_CAN = {
    CanLe.trai: WD_ALIGN_PARAGRAPH.LEFT,
    CanLe.giua: WD_ALIGN_PARAGRAPH.CENTER,
    CanLe.phai: WD_ALIGN_PARAGRAPH.RIGHT,
    CanLe.deu: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_TWIPS_PER_CM = 1440 / 2.54

VeDoan = Callable[[Paragraph, Khoi, float], None]


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
        # The template's section: each section's properties start from it.
        self.mau_sect = copy.deepcopy(doc.element.body.sectPr)
        self.dau_day = True  # the open section opens a numbering sequence (page 1 unnumbered)
        self.bat_dau_lai = False  # … and restarts the numbers at 1 (a part's first section)
        self.moi_phan = False  # a part begins: what follows never joins the section before
        self._gop: Any = None  # a landscape section's properties, kept for the next table
        self._mau = _MauBang(style_id)  # the open table's formatted cell, line and run

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

    def mo_phan_moi(self) -> None:
        """Begin a part (an annex): close the open section, if a landscape table has not;
        the next section starts a new page and its numbers restart at 1."""
        last = self._cuoi()
        if last.tag != qn("w:p") or _sect_cua(last) is None:
            if last.tag != qn("w:p"):
                last = self._doan_rong()
            last.get_or_add_pPr().append(self._sect(ngang=False))
        self.dau_day, self.bat_dau_lai, self.moi_phan = True, True, True

    def xong(self) -> None:
        """Finish the document: the body's own section properties describe its last section."""
        body = self.doc.element.body
        body.remove(body.sectPr)
        body.append(self._sect(ngang=False))

    # -- sections --------------------------------------------------------------------------

    def _cuoi(self) -> Any:
        """The body's last element before its own section properties."""
        body = self.doc.element.body
        return body[-2] if body[-1].tag == qn("w:sectPr") else body[-1]

    def _sect(self, ngang: bool) -> Any:
        """The properties of the section that closes here, from the template's."""
        sect = copy.deepcopy(self.mau_sect)
        if not self.dau_day:
            _bo(sect, "w:titlePg")
            if ngang:
                for tag in ("w:headerReference", "w:footerReference"):
                    _bo(sect, tag)
        if self.bat_dau_lai:
            # After the margins, before the columns, as the schema orders them.
            sect.find(qn("w:cols")).addprevious(_el("w:pgNumType", start="1"))
        if ngang:
            _xoay(sect)
        self.dau_day = self.bat_dau_lai = self.moi_phan = False
        return sect

    def _mo_ngang(self) -> None:
        """Close the section before a landscape table (or reopen the landscape one it follows)."""
        last = self._cuoi()
        closing = _sect_cua(last) if last.tag == qn("w:p") else None
        if closing is not None:
            landscape = closing.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
            if landscape and not self.moi_phan:
                # Two landscape tables in a row share their section.
                last.find(qn("w:pPr")).remove(closing)
                self._gop = closing
            # Else a part begins here: the section before it is closed already.
            return
        if last.tag != qn("w:p"):
            last = self._doan_rong()
        last.get_or_add_pPr().append(self._sect(ngang=False))

    def _dong_ngang(self, co_doan_sau: bool) -> None:
        """Close the landscape section after its table: on the "./." line, or an empty one."""
        last = self._cuoi()
        if not co_doan_sau or last.tag != qn("w:p"):
            last = self._doan_rong()
        sect = self._gop if self._gop is not None else self._sect(ngang=True)
        self._gop = None
        last.get_or_add_pPr().append(sect)

    def _doan_rong(self) -> Any:
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
        self._mau = _MauBang(self.style_id)  # this table's size of type and line height
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
            width = sum(bang.rong[col : col + o.gop])
            col += o.gop
            tc = copy.deepcopy(self._mau.o(table, width, o.gop))
            tr.append(tc)
            self._o(tc, bang, o, giu)

    def _o(self, tc: Any, bang: Bang, o: OBangBoCuc, giu: bool) -> None:
        """A cell's lines, each a paragraph cloned from the table's formatted one."""
        for i, line in enumerate(o.dong):
            p = tc.find(qn("w:p")) if i == 0 else tc.add_p()
            for child in self._mau.doan(bang, o.can, giu):
                p.append(copy.deepcopy(child))
            if line:
                r = copy.deepcopy(self._mau.chu(bang, o.dam))
                r.text = line
                p.append(r)


class _MauBang:
    """One table's cells and paragraphs, formatted once and cloned for every cell.

    python-docx formats a paragraph by inserting each property in schema order, which costs
    about half a millisecond a cell; a ten-page report has over 500 cells. The first cell of
    each kind is formatted through python-docx as before and the rest are lxml copies of it,
    so the XML is the same, in a fifth of the time.
    """

    def __init__(self, style_id: str) -> None:
        self.style_id = style_id
        self._o: dict[tuple[float, int], Any] = {}
        self._doan: dict[tuple[CanLe, bool], Any] = {}
        self._chu: dict[bool, Any] = {}

    def o(self, table: Table, width: float, gop: int) -> Any:
        """An empty cell (one empty paragraph) of this width, spanning ``gop`` columns."""
        key = (width, gop)
        if key not in self._o:
            tc = OxmlElement("w:tc")
            tc.append(OxmlElement("w:p"))
            _Cell(tc, table).width = Cm(width)
            if gop > 1:
                # After the width (tcW), as the schema orders a cell's properties.
                tc.get_or_add_tcPr().append(_el("w:gridSpan", val=str(gop)))
            self._o[key] = tc
        return self._o[key]

    def doan(self, bang: Bang, can: CanLe, giu: bool) -> Any:
        """A cell line's paragraph properties (its pPr), as the paragraph's children."""
        key = (can, giu)
        if key not in self._doan:
            para = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
            para._p.style = self.style_id
            pf = para.paragraph_format
            pf.alignment = _CAN[can]
            pf.first_line_indent = pf.left_indent = Cm(0)
            pf.space_before = pf.space_after = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(bang.cao_dong)
            if giu:
                pf.keep_with_next = True
            self._doan[key] = para._p
        return self._doan[key]

    def chu(self, bang: Bang, dam: bool) -> Any:
        """A cell line's run, formatted, without its text."""
        if dam not in self._chu:
            para = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
            run = para.add_run()
            run.font.size = Pt(bang.co_chu)
            if dam:
                run.bold = True
            self._chu[dam] = run._r
        return self._chu[dam]


def _twips(cm: float) -> str:
    return str(round(cm * _TWIPS_PER_CM))


def _bo(el: object, tag: str) -> None:
    for child in el.findall(qn(tag)):  # type: ignore[attr-defined]
        el.remove(child)  # type: ignore[attr-defined]


def _sect_cua(p: Any) -> Any:
    """The section properties a paragraph closes its section with, or None."""
    ppr = p.find(qn("w:pPr"))
    return None if ppr is None else ppr.find(qn("w:sectPr"))


def _xoay(sect: Any) -> None:
    """Turn a section's page a quarter: landscape, its margins with it."""
    size = sect.find(qn("w:pgSz"))
    w, h = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), h)
    size.set(qn("w:h"), w)
    size.set(qn("w:orient"), "landscape")
    # The sheet turned a quarter clockwise: left (binding) → top, right → bottom …
    mar = sect.find(qn("w:pgMar"))
    top, right, bottom, left = (mar.get(qn(f"w:{s}")) for s in ("top", "right", "bottom", "left"))
    mar.set(qn("w:top"), left)
    mar.set(qn("w:bottom"), right)
    mar.set(qn("w:left"), bottom)
    mar.set(qn("w:right"), top)
