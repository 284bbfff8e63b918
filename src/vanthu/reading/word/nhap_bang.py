"""A Word table read back into a body table of the directive file (nhập bảng).

Header rows are the rows Word repeats (``w:tblHeader``), or else a first row set all in bold;
the last header row names the columns, the rows above it are the merged header rows
(``tieu_de_gop``, each cell spanning its ``w:gridSpan``). A cell's paragraphs are joined with a
space (vanthu and most offices break a long cell into lines). Widths come from the table grid;
an alignment is kept only where it differs from the one the renderer would choose by itself
(right for a column of numbers, else left). The table is landscape (``ngang``) when the section
that holds it is wider than it is tall.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from ...schemas.bang import la_so
from .dinh_dang import TWIPS_CM

_CAN = {"center": "giua", "right": "phai", "end": "phai", "left": "trai", "start": "trai"}


def _bat(el: etree._Element | None) -> bool:
    if el is None:
        return False
    val = el.get(qn("w:val"))
    return val is None or val.lower() in ("1", "true", "on")


def _chu(el: etree._Element) -> str:
    """The text one w:t, w:noBreakHyphen or w:tab stands for."""
    if el.tag == qn("w:noBreakHyphen"):
        return "-"
    return " " if el.tag == qn("w:tab") else el.text or ""


def _van_ban_o(tc: etree._Element) -> str:
    """A cell's text: its paragraphs joined with a space, NFC, spaces collapsed."""
    lines = []
    for p in tc.iter(qn("w:p")):
        text = "".join(_chu(x) for x in p.iter(qn("w:t"), qn("w:noBreakHyphen"), qn("w:tab")))
        if text.strip():
            lines.append(text.strip())
    return unicodedata.normalize("NFC", " ".join(" ".join(lines).split()))


def _gop(tc: etree._Element) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return 1 if span is None else max(1, int(span.get(qn("w:val"), "1")))


def _dam(tc: etree._Element) -> bool:
    """Whether every run of the cell with text is bold (set on the run)."""
    runs = [r for r in tc.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t")))]
    return bool(runs) and all(_bat(r.find(f"{qn('w:rPr')}/{qn('w:b')}")) for r in runs)


def _can_le(tc: etree._Element) -> str | None:
    jc = tc.find(f".//{qn('w:pPr')}/{qn('w:jc')}")
    return None if jc is None else _CAN.get(jc.get(qn("w:val"), ""))


def _ngang(tbl: etree._Element) -> bool:
    """Whether the section holding the table is landscape (its sectPr comes after it)."""
    for el in tbl.itersiblings():
        sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el.tag == qn("w:p") else None
        if el.tag == qn("w:sectPr"):
            sect = el
        if sect is not None:
            size = sect.find(qn("w:pgSz"))
            if size is None:
                return False
            return int(size.get(qn("w:w"), "0")) > int(size.get(qn("w:h"), "0"))
    return False


def doc_bang(tbl: etree._Element) -> dict[str, Any]:
    """The directive-file table (``{cot, dong, tieu_de_gop?, ngang?}``) a Word table shows."""
    rows = list(tbl.iterchildren(qn("w:tr")))
    header = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    if not header and rows and all(_dam(tc) for tc in rows[0].iterchildren(qn("w:tc"))):
        header = rows[:1]
    body = [r for r in rows if r not in header]
    grid = [
        int(g.get(qn("w:w"), "0"))
        for g in tbl.iterchildren(qn("w:tblGrid"))
        for g in g.iterchildren(qn("w:gridCol"))
    ]
    names: list[str] = []
    if header:
        for tc in header[-1].iterchildren(qn("w:tc")):
            names += [_van_ban_o(tc)] + [""] * (_gop(tc) - 1)
    n = max([len(names), len(grid)] + [len(list(r.iterchildren(qn("w:tc")))) for r in body])
    names += [""] * (n - len(names))
    dong = [[_van_ban_o(tc) for tc in r.iterchildren(qn("w:tc"))] for r in body]
    cot: list[dict[str, Any]] = []
    for j in range(n):
        col: dict[str, Any] = {"ten": names[j]}
        if len(grid) == n and grid[j]:
            col["rong"] = round(grid[j] / TWIPS_CM, 2)
        aligns = {
            _can_le(cells[j]) for r in body if len(cells := list(r.iterchildren(qn("w:tc")))) > j
        }
        values = [row[j] for row in dong if len(row) > j]
        default = "phai" if values and all(la_so(v) for v in values) else "trai"
        if len(aligns) == 1 and (can := aligns.pop()) is not None and can != default:
            col["can"] = can
        cot.append(col)
    bang: dict[str, Any] = {"cot": cot}
    if len(header) > 1:
        bang["tieu_de_gop"] = [
            [{"ten": _van_ban_o(tc), "gop": _gop(tc)} for tc in r.iterchildren(qn("w:tc"))]
            for r in header[:-1]
        ]
    bang["dong"] = dong
    if _ngang(tbl):
        bang["ngang"] = True
    return bang
