"""A DOCX read as the paragraphs it prints: footnote calls numbered, table rows, the notes.

The line matcher of ``phan_trang`` reads a PDF's printed lines as these paragraphs: the DOCX's
text matched with the PDF's, line for line. A footnote call (``w:footnoteReference``) prints
its number (1, 2, … in the order of the calls, as Word numbers them), and its note, read from
the footnotes part, follows the text as "number + note". A ruled table (a body table: it has
borders) is read a row at a time, its cells' lines side by side, header rows (``w:tblHeader``)
marked: they print again on each page the table crosses. A borderless two-column table (the
header, the signature) is read as two columns: the left cells with the page's flow, the right
ones apart.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table

from tests.rendering.phan_trang import DoanMau, hang_mau
from vanthu.rendering.styles import Kieu


def doan_docx(data: bytes) -> list[DoanMau]:
    """The DOCX's paragraphs as printed, in reading order, then its footnotes."""
    doc = Document(io.BytesIO(data))
    calls: dict[str, int] = {}  # footnote id -> its number, in the order of the calls
    out: list[DoanMau] = []
    for number, item in enumerate(doc.iter_inner_content()):
        if not isinstance(item, Table):
            out.append(DoanMau(Kieu.NOI_DUNG, _chu(item._p, calls), "than"))
        elif item._tbl.tblPr.find(qn("w:tblBorders")) is not None:
            for tr in item._tbl.tr_lst:
                header = tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
                cells = [[_chu(p, calls) for p in tc.p_lst] for tc in tr.tc_lst]
                out.append(hang_mau(cells, number, header))
        else:
            for tr in item._tbl.tr_lst:
                for side, tc in zip(("than", "chu_ky"), tr.tc_lst, strict=False):
                    out += [DoanMau(Kieu.NOI_DUNG, _chu(p, calls), side) for p in tc.p_lst]
    notes = _chu_thich(doc)
    for note, number in sorted(calls.items(), key=lambda item: item[1]):
        out.append(DoanMau(Kieu.NOI_DUNG, f"{number}{notes.get(note, '')}", "chu_thich"))
    return [d for d in out if d.chu]


def _chu(p: Any, calls: dict[str, int]) -> str:
    """A paragraph's printed text without spaces: a footnote call prints its number."""
    text = ""
    for el in p.iter(qn("w:t"), qn("w:noBreakHyphen"), qn("w:footnoteReference")):
        if el.tag == qn("w:t"):
            text += el.text or ""
        elif el.tag == qn("w:noBreakHyphen"):
            text += "-"
        else:
            text += str(calls.setdefault(el.get(qn("w:id")), len(calls) + 1))
    return "".join(text.split())


def _chu_thich(doc: Any) -> dict[str, str]:
    """Each footnote's text without spaces, by its id (Word's separators left out)."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {
                note.get(qn("w:id")): _chu(note, {})
                for note in root.iter(qn("w:footnote"))
                if note.get(qn("w:type")) is None
            }
    return {}
