"""The page (trang giấy) of a Word draft: paper size, margins, and where page numbers stand."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

_EMU_MM = 36000


@dataclass(frozen=True)
class SoTrang:
    """A PAGE field: in which header or footer (``header``, ``first_header``, ``footer`` …)
    and the alignment of its paragraph."""

    noi: str
    can_le: str


@dataclass(frozen=True)
class TrangGiay:
    """The first section's page, in millimetres, and the page-number fields of its headers."""

    rong: float
    cao: float
    tren: float
    duoi: float
    trai: float
    phai: float
    trang_dau_khac: bool
    so_trang: tuple[SoTrang, ...]


def _co_so_trang(el: etree._Element) -> bool:
    """Whether a paragraph holds a PAGE field (simple or complex)."""
    for f in el.iter(qn("w:fldSimple")):
        if "PAGE" in (f.get(qn("w:instr")) or "").upper().split():
            return True
    return any("PAGE" in (t.text or "").upper().split() for t in el.iter(qn("w:instrText")))


def doc_trang(tai_lieu: DocxDocument) -> TrangGiay:
    """Read the first section's page setup and the page numbers of its headers and footers."""
    section = tai_lieu.sections[0]

    def mm(value: int | None, default: float = 0.0) -> float:
        return round(value / _EMU_MM, 2) if value is not None else default

    fields: list[SoTrang] = []
    first = section.different_first_page_header_footer
    for noi in ("header", "first_page_header", "footer", "first_page_footer"):
        if noi.startswith("first") and not first:
            continue
        part = getattr(section, noi)
        if part.is_linked_to_previous:
            continue
        for p in part.paragraphs:
            if _co_so_trang(p._p):
                jc = p._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
                align = "left" if jc is None else jc.get(qn("w:val"), "left")
                if (
                    jc is None
                    and p.style is not None
                    and p.style.paragraph_format.alignment is not None
                ):
                    align = (
                        str(p.style.paragraph_format.alignment).split(".")[-1].split()[0].lower()
                    )
                fields.append(SoTrang(noi, align))
    return TrangGiay(
        rong=mm(section.page_width, 210.0),
        cao=mm(section.page_height, 297.0),
        tren=mm(section.top_margin, 25.4),
        duoi=mm(section.bottom_margin, 25.4),
        trai=mm(section.left_margin, 31.75),
        phai=mm(section.right_margin, 31.75),
        trang_dau_khac=first,
        so_trang=tuple(fields),
    )
