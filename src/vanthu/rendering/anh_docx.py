"""Floating pictures in the DOCX (signature, seal): drawn over the text, moving no line.

python-docx inserts pictures inline only: an inline picture is part of its line and makes it
as tall as itself. The picture is inserted inline, then its ``wp:inline`` is rewritten as a
``wp:anchor`` with no wrapping (``wp:wrapNone``), in front of the text, laid out in its table
cell, placed from the cell's left edge (``column``) and from the top of its paragraph, space
above included (``paragraph``), as LibreOffice and Word measure it.
"""

from __future__ import annotations

import io

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from .bo_cuc import AnhBoCuc

EMU_MOI_CM = 360_000

_ANCHOR = (
    '<wp:anchor {ns} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
    'relativeHeight="{z}" behindDoc="0" locked="1" layoutInCell="1" '
    'allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
    "</wp:anchor>"
)


def emu(cm: float) -> int:
    """A length in EMU (English Metric Units: 360,000 a cm), as DrawingML writes it."""
    return round(cm * EMU_MOI_CM)


def ve_anh_noi(para: Paragraph, anh: AnhBoCuc, z: int) -> None:
    """Draw ``anh`` floating at its place from ``para`` (the paragraph it is anchored to);
    ``z`` orders overlapping pictures (the larger in front)."""
    run = para.add_run()
    run.add_picture(io.BytesIO(anh.png), width=Cm(anh.rong), height=Cm(anh.cao))
    inline = run._r.find(f"{qn('w:drawing')}/{qn('wp:inline')}")
    assert inline is not None  # python-docx has just written it
    anchor = parse_xml(
        _ANCHOR.format(ns=nsdecls("wp"), z=251_659_264 + z, x=emu(anh.x), y=emu(anh.y))
    )
    extent = inline.find(qn("wp:extent"))
    assert extent is not None
    anchor.append(extent)
    effect = parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>')
    anchor.append(effect)
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    for name in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        child = inline.find(qn(name))
        if child is not None:
            anchor.append(child)
    inline.getparent().replace(inline, anchor)
