"""Word footnotes (chú thích) for python-docx, which has no footnote API: the part, its
relationship, the notes and the calls.

The template has no footnotes part, so the first call adds ``word/footnotes.xml`` with Word's
two separator notes (ids -1 and 0) and relates it to the document part; python-docx writes its
content type. Notes are numbered by Word in the order of their calls (ids 1, 2, …), set at
``CO_CHU`` points, justified, the number superscript, as Word's own Footnote Text style does;
the notes' paragraphs take that style (``KIEU``, added at ``CO_CHU`` points): a paragraph's
mark, and LibreOffice's number of the note, are set in its style's size, and the body's 14
points made each note's first line 3.6 pt taller in LibreOffice's print than in the PDF.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from .bo_cuc import CO_CHU_CHU_THICH as CO_CHU

_RONG = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def phan_chu_thich(part: Part) -> Any:
    """The footnotes part (its XML root element) of a document part, added on first use."""
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            target = rel.target_part
            if not isinstance(target, XmlPart):
                # python-docx loads a template's footnotes as bytes: read them as XML in place.
                target = XmlPart.load(
                    target.partname, target.content_type, target.blob, target.package
                )
                rel._target = target
            return target.element
    footnotes = XmlPart(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_RONG), part.package
    )
    part.relate_to(footnotes, RT.FOOTNOTES)
    return footnotes.element


#: The notes' paragraph style (Word's built-in name).
KIEU = "Footnote Text"


def kieu_chu_thich(styles: Any) -> str:
    """The id of the notes' paragraph style, added to a document's ``styles`` on first use:
    on Normal, ``CO_CHU`` points, single spacing, no indent, justified."""
    if KIEU in styles:
        return str(styles[KIEU].style_id)
    style = styles.add_style(KIEU, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.size = Pt(CO_CHU)
    return str(style.style_id)


def _rpr(run: Any, superscript: bool) -> Any:
    rpr = OxmlElement("w:rPr")
    if superscript:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        rpr.append(align)
    run.insert(0, rpr)
    return rpr


def co_chu(rpr: Any, points: float) -> None:
    """Set a run's size (and its complex-script size) in points."""
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(points * 2)))
        rpr.append(size)


def them_chu_thich(footnotes: Any, so: int, kieu: str) -> Any:
    """Add note ``so`` (its paragraph in style ``kieu``, opened by the superscript number);
    return the paragraph for its text runs."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(so))
    para = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), kieu)
    ppr.append(style)
    spacing = OxmlElement("w:spacing")
    for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "240")):
        spacing.set(qn(key), value)
    spacing.set(qn("w:lineRule"), "auto")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:firstLine"), "0")
    indent.set(qn("w:left"), "0")
    justify = OxmlElement("w:jc")
    justify.set(qn("w:val"), "both")
    ppr.extend([spacing, indent, justify])
    para.append(ppr)
    number = OxmlElement("w:r")
    co_chu(_rpr(number, superscript=True), CO_CHU)
    number.append(OxmlElement("w:footnoteRef"))
    space = OxmlElement("w:r")
    co_chu(_rpr(space, superscript=False), CO_CHU)
    text = OxmlElement("w:t")
    text.text = " "
    text.set(qn("xml:space"), "preserve")
    space.append(text)
    para.extend([number, space])
    note.append(para)
    footnotes.append(note)
    return para


def goi_chu_thich(so: int) -> Any:
    """The call of note ``so`` in the text: a superscript footnote reference run."""
    run = OxmlElement("w:r")
    _rpr(run, superscript=True)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(so))
    run.append(ref)
    return run
