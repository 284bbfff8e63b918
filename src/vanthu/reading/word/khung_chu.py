"""The text boxes (khung chữ) a Word paragraph anchors: where each stands, in reading order.

Offices draw a header, a Nơi nhận list or a signature in text boxes (``w:txbxContent``, inside
a DrawingML shape ``wps:txbx`` or a VML ``v:textbox``). Word writes each box twice, the shape
and its VML fallback (``mc:Fallback``): the fallback is skipped. A box's place comes from its
anchor (``wp:anchor``: ``positionH``/``positionV`` offsets or alignment, ``extent``) or, for a
VML-only box (an old .doc converted), from its ``style`` (``margin-left``, ``width`` …). The
boxes of one paragraph are read top to bottom, then left to right; a box narrower than 3/4 of
the text width stands in the left (0) or right (1) column by its centre. A box is read before
its paragraph's text when it is drawn above it: a negative offset from the paragraph, or a
place near the top of the page (the caller knows whether any text came before). Boxes inside
a box are read where that box's paragraphs anchor them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
}
#: Points in an EMU (English Metric Unit: 12,700 to the point).
_EMU_PT = 1 / 12700
#: Points per unit of a VML length (a bare number is pixels).
_DON_VI = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "": 0.75}
_DO_DAI = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")
#: A box at least this share of the text width spans both columns.
RONG_CA_TRANG = 0.75
#: A page- or margin-placed box whose top is in this share of the page is near the top.
DAU_TRANG = 0.25
_TREN_TRANG = ("page", "margin", "topMargin", "insideMargin")


@dataclass(frozen=True)
class KhungChu:
    """One text box: its content (``w:txbxContent``), its left edge and top (pt), its width
    (pt), its column (None: full width or inline) and whether it reads before its anchor."""

    noi_dung: etree._Element
    x: float
    y: float
    rong: float
    cot: int | None
    tren_neo: bool
    dau_trang: bool


def _do_dai(value: str | None) -> float | None:
    """A VML length in points."""
    m = _DO_DAI.match(value or "")
    if m is None or m[2] not in _DON_VI:
        return None
    try:
        return float(m[1]) * _DON_VI[m[2]]
    except ValueError:
        return None


def _truc(anchor: etree._Element, tag: str) -> tuple[str, float | None, str | None]:
    """One axis of a DrawingML anchor: relativeFrom, the offset (pt) or the alignment."""
    pos = anchor.find(f"wp:{tag}", _NS)
    if pos is None:
        return "", None, None
    offset = pos.find("wp:posOffset", _NS)
    align = pos.find("wp:align", _NS)
    value = None
    if offset is not None and offset.text:
        try:
            value = int(offset.text.strip()) * _EMU_PT
        except ValueError:
            value = None
    return (
        pos.get("relativeFrom", ""),
        value,
        None if align is None else (align.text or "").strip(),
    )


@dataclass(frozen=True)
class VungIn:
    """The page of the section: its height, the top and left margins, the text width (pt)."""

    cao: float
    le_tren: float
    le_trai: float
    rong: float


def _ngang(rel: str, value: float | None, align: str | None, rong: float, vung: VungIn) -> float:
    """A box's left edge from the text area's left edge."""
    if align in ("right", "outside"):
        return vung.rong - rong
    if align == "center":
        return (vung.rong - rong) / 2
    if value is None:
        return 0.0
    return value - vung.le_trai if rel in ("page", "leftMargin") else value


def _doc(
    rel: str, value: float | None, align: str | None, vung: VungIn
) -> tuple[float, bool, bool]:
    """A box's top (pt, in its own frame), whether it is above its anchor, near the page top."""
    y = value or 0.0
    tren_neo = rel in ("paragraph", "line") and y < 0
    if rel not in _TREN_TRANG:
        return y, tren_neo, False
    tu_dinh = y + (vung.le_tren if rel in ("margin", "insideMargin") else 0.0)
    dau = align == "top" if value is None else tu_dinh < DAU_TRANG * vung.cao
    return y, tren_neo, dau


def _cot(x: float, rong: float, vung: VungIn) -> int | None:
    """The column a box stands in by its centre; None when it spans the text width."""
    if rong <= 0 or rong >= RONG_CA_TRANG * vung.rong:
        return None
    return 0 if x + rong / 2 < vung.rong / 2 else 1


def _tu_neo(content: etree._Element, anchor: etree._Element, vung: VungIn) -> KhungChu:
    """A DrawingML box's place from its ``wp:anchor`` (``wp:inline``: in the text, no column)."""
    if anchor.tag.endswith("}inline"):
        return KhungChu(content, 0.0, 0.0, 0.0, None, False, False)
    extent = anchor.find("wp:extent", _NS)
    rong = int(extent.get("cx", "0")) * _EMU_PT if extent is not None else 0.0
    x = _ngang(*_truc(anchor, "positionH"), rong, vung)
    y, tren_neo, dau = _doc(*_truc(anchor, "positionV"), vung)
    return KhungChu(content, x, y, rong, _cot(x, rong, vung), tren_neo, dau)


def _tu_vml(content: etree._Element, shape: etree._Element, vung: VungIn) -> KhungChu:
    """A VML box's place from its ``style`` (CSS-like ``name:value`` pairs)."""
    style: dict[str, str] = {}
    for item in (shape.get("style") or "").split(";"):
        name, _, value = item.partition(":")
        style[name.strip().lower()] = value.strip()
    rong = _do_dai(style.get("width")) or 0.0
    h_rel = {"text": "column", "char": "character"}.get(
        style.get("mso-position-horizontal-relative", "text"), "column"
    )
    v_rel = {"text": "paragraph"}.get(
        style.get("mso-position-vertical-relative", "text"),
        style.get("mso-position-vertical-relative", "paragraph"),
    )
    h_align = style.get("mso-position-horizontal")
    v_align = style.get("mso-position-vertical")
    x = _ngang(
        h_rel,
        _do_dai(style.get("margin-left") or style.get("left")),
        None if h_align in (None, "absolute") else h_align,
        rong,
        vung,
    )
    y, tren_neo, dau = _doc(
        v_rel,
        _do_dai(style.get("margin-top") or style.get("top")),
        None if v_align in (None, "absolute") else v_align,
        vung,
    )
    return KhungChu(content, x, y, rong, _cot(x, rong, vung), tren_neo, dau)


def khung_cua(p: etree._Element, vung: VungIn) -> list[KhungChu]:
    """The text boxes paragraph ``p`` anchors itself (not those inside its boxes), top to bottom
    then left to right; VML fallbacks of a DrawingML box are skipped."""
    boxes: list[KhungChu] = []
    for content in etree.ElementBase.xpath(
        p, ".//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=_NS
    ):
        owner = etree.ElementBase.xpath(content, "ancestor::w:p[1]", namespaces=_NS)
        if not owner or owner[0] is not p:
            continue
        anchor = etree.ElementBase.xpath(
            content, "ancestor::wp:anchor[1] | ancestor::wp:inline[1]", namespaces=_NS
        )
        if anchor:
            boxes.append(_tu_neo(content, anchor[-1], vung))
            continue
        shape = etree.ElementBase.xpath(content, "ancestor::v:*[@style][1]", namespaces=_NS)
        if shape:
            boxes.append(_tu_vml(content, shape[-1], vung))
        else:
            boxes.append(KhungChu(content, 0.0, 0.0, 0.0, None, False, False))
    return sorted(boxes, key=lambda k: (round(k.y), k.x))
