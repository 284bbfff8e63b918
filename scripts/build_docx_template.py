"""Write the Word template ``src/vanthu/templates_docx/van_ban.docx`` from the Decree 30 defaults.

Run ``make docx-template`` after changing ``vanthu.rendering.styles.DEFAULTS``; an office that
prefers other sizes or spacing edits the template in Word instead, and both DOCX and PDF follow.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from vanthu.rendering.styles import DEFAULTS, CanLe, Kieu

FONT = "Times New Roman"
_ALIGN = {
    CanLe.trai: WD_ALIGN_PARAGRAPH.LEFT,
    CanLe.giua: WD_ALIGN_PARAGRAPH.CENTER,
    CanLe.deu: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_fonts(rpr: object, size_pt: float | None = None) -> None:
    """All four rFonts slots, Vietnamese language, and the complex-script size."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))  # type: ignore[attr-defined]
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)  # type: ignore[attr-defined]
            el.set(qn("w:val"), str(round(size_pt * 2)))
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), "vi-VN")


def build(target: Path) -> None:
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_fonts(rpr, 14)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr(), 14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    for kieu, spec in DEFAULTS.items():
        style = doc.styles.add_style(kieu.value, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(spec.co_chu)
        style.font.bold = spec.dam
        style.font.italic = spec.nghieng
        _set_fonts(style.element.get_or_add_rPr(), spec.co_chu)
        pf = style.paragraph_format
        pf.alignment = _ALIGN[spec.can_le]
        pf.space_before = Pt(spec.cach_truoc)
        pf.space_after = Pt(0)
        if spec.dong is not None:
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(spec.dong)
        pf.first_line_indent = Cm(spec.thut_dau)
        pf.left_indent = Cm(spec.le_trai)
        pf.widow_control = True

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    # Page numbers: centred at the top from page 2 on; page 1 shows none (Decree 30, PL I, I).
    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.style = doc.styles[Kieu.SO_TRANG.value]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    para._p.append(field)
    section.first_page_header.paragraphs[0].style = doc.styles[Kieu.SO_TRANG.value]

    for p in list(doc.paragraphs):
        p._element.getparent().remove(p._element)
    doc.core_properties.author = "vanthu"
    doc.core_properties.title = "Mẫu văn bản hành chính (Nghị định 30/2020/NĐ-CP)"
    doc.save(str(target))


if __name__ == "__main__":
    out = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else (Path(__file__).resolve().parents[1] / "src/vanthu/templates_docx/van_ban.docx")
    )
    build(out)
    print(out)
