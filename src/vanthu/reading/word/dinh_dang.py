"""The formatting (định dạng) a run and a paragraph actually carry, through Word's inheritance.

python-docx reports only what is written on the element itself (``run.bold`` is None when the
style decides). Word resolves each property from the first place that sets it: the run's own
properties → its character style (and the styles it is based on) → the paragraph's style chain
(or the default paragraph style) → the document defaults (``w:docDefaults``). Theme fonts
(``w:asciiTheme``) are looked up in the theme part. Limits: table styles and the toggle
semantics of bold/italic across style levels are not modelled (the first level that sets one
wins, which is what every real template means).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

_DUNG = {"1", "true", "on"}
#: Twips (twentieths of a point) in a centimetre.
TWIPS_CM = 1440 / 2.54


@dataclass(frozen=True)
class DinhDangChu:
    """A run's resolved character formatting: family, size (pt), bold, italic, colour, caps."""

    phong: str | None
    co_chu: float | None
    dam: bool
    nghieng: bool
    mau: str | None  # "RRGGBB" upper case; None for automatic (black)
    hoa: bool  # w:caps: shown in capitals whatever is typed


@dataclass(frozen=True)
class DinhDangDoan:
    """A paragraph's resolved formatting: alignment, indents (cm), spacing (pt), line spacing.

    ``gian_dong`` is the line spacing as a multiple of single when ``kieu_dong`` is "auto",
    else in points ("exact" or "atLeast").
    """

    can_le: str  # left | center | right | justify
    thut_dau: float
    le_trai: float
    truoc: float
    sau: float
    gian_dong: float
    kieu_dong: str
    danh_so: tuple[str, int] | None  # (numId, ilvl) of a Word list item


def _bat(el: etree._Element | None) -> bool | None:
    """An on/off property (w:b, w:i, w:caps): None when the element is absent."""
    if el is None:
        return None
    val = el.get(qn("w:val"))
    return val is None or val.lower() in _DUNG


class BangKieuWord:
    """The style sheet of one Word document, and the resolution of run and paragraph formatting."""

    def __init__(self, tai_lieu: DocxDocument) -> None:
        styles = tai_lieu.styles.element
        self._kieu: dict[str, etree._Element] = {
            s.get(qn("w:styleId"), ""): s for s in styles.iterchildren(qn("w:style"))
        }
        self._mac_dinh_doan: str | None = None
        for s in styles.iterchildren(qn("w:style")):
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in _DUNG:
                self._mac_dinh_doan = s.get(qn("w:styleId"))
        defaults = styles.find(qn("w:docDefaults"))
        self._rpr_mac_dinh = (
            None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        )
        self._ppr_mac_dinh = (
            None if defaults is None else defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        )
        self._chu_de = _phong_chu_de(tai_lieu)

    def _chuoi(self, style_id: str | None) -> Iterator[etree._Element]:
        """A style and the styles it is based on, nearest first (a loop is cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._kieu:
            seen.add(style_id)
            style = self._kieu[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = None if based is None else based.get(qn("w:val"))

    def kieu_doan(self, p: etree._Element) -> str | None:
        """The paragraph's style id (the default paragraph style when it names none)."""
        ppr = p.find(qn("w:pPr"))
        ps = None if ppr is None else ppr.find(qn("w:pStyle"))
        return self._mac_dinh_doan if ps is None else ps.get(qn("w:val"))

    def _rpr_chuoi(self, r: etree._Element | None, p: etree._Element) -> list[etree._Element]:
        """The rPr elements that may set a run's property, in the order Word consults them."""
        chain: list[etree._Element] = []
        if r is not None:
            rpr = r.find(qn("w:rPr"))
            if rpr is not None:
                chain.append(rpr)
                rs = rpr.find(qn("w:rStyle"))
                if rs is not None:
                    chain += [
                        x
                        for s in self._chuoi(rs.get(qn("w:val")))
                        if (x := s.find(qn("w:rPr"))) is not None
                    ]
        chain += [
            x for s in self._chuoi(self.kieu_doan(p)) if (x := s.find(qn("w:rPr"))) is not None
        ]
        if self._rpr_mac_dinh is not None:
            chain.append(self._rpr_mac_dinh)
        return chain

    def _ppr_chuoi(self, p: etree._Element) -> list[etree._Element]:
        chain: list[etree._Element] = []
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            chain.append(ppr)
        chain += [
            x for s in self._chuoi(self.kieu_doan(p)) if (x := s.find(qn("w:pPr"))) is not None
        ]
        if self._ppr_mac_dinh is not None:
            chain.append(self._ppr_mac_dinh)
        return chain

    def chu(self, r: etree._Element | None, p: etree._Element) -> DinhDangChu:
        """The resolved formatting of run ``r`` (None: the paragraph mark's) in paragraph ``p``."""
        chain = self._rpr_chuoi(r, p)

        def first(tag: str) -> etree._Element | None:
            for rpr in chain:
                el = rpr.find(qn(tag))
                if el is not None:
                    return el
            return None

        size = first("w:sz")
        color = first("w:color")
        mau = None if color is None else (color.get(qn("w:val")) or "auto").upper()
        return DinhDangChu(
            phong=self._phong(chain),
            co_chu=None if size is None else int(size.get(qn("w:val"), "0")) / 2,
            dam=bool(_bat(first("w:b"))),
            nghieng=bool(_bat(first("w:i"))),
            mau=None if mau in (None, "AUTO", "000000") else mau,
            hoa=bool(_bat(first("w:caps"))),
        )

    def _phong(self, chain: list[etree._Element]) -> str | None:
        """The Latin font family: the first rFonts that names one (directly or by theme)."""
        for rpr in chain:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            for attr in ("w:ascii", "w:hAnsi"):
                if fonts.get(qn(attr)):
                    return str(fonts.get(qn(attr)))
            for attr in ("w:asciiTheme", "w:hAnsiTheme"):
                theme = fonts.get(qn(attr))
                if theme:
                    return self._chu_de.get("major" if theme.startswith("major") else "minor")
        return None

    def doan(self, p: etree._Element) -> DinhDangDoan:
        """The resolved formatting of paragraph ``p``."""
        chain = self._ppr_chuoi(p)

        def attr(tag: str, name: str) -> str | None:
            for ppr in chain:
                el = ppr.find(qn(tag))
                if el is not None and el.get(qn(name)) is not None:
                    return str(el.get(qn(name)))
            return None

        jc = attr("w:jc", "w:val") or "left"
        can_le = {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}.get(
            jc, jc
        )
        first_line = attr("w:ind", "w:firstLine")
        hanging = attr("w:ind", "w:hanging")
        thut = int(first_line) if first_line else (-int(hanging) if hanging else 0)
        left = attr("w:ind", "w:left") or attr("w:ind", "w:start") or "0"
        line = attr("w:spacing", "w:line")
        rule = attr("w:spacing", "w:lineRule") or "auto"
        gian = (int(line) / 240 if rule == "auto" else int(line) / 20) if line else 1.0
        num_id = self._so(chain, "w:numId")
        ilvl = self._so(chain, "w:ilvl")
        return DinhDangDoan(
            can_le=can_le,
            thut_dau=round(thut / TWIPS_CM, 3),
            le_trai=round(int(left) / TWIPS_CM, 3),
            truoc=int(attr("w:spacing", "w:before") or 0) / 20,
            sau=int(attr("w:spacing", "w:after") or 0) / 20,
            gian_dong=gian,
            kieu_dong=rule,
            danh_so=None if num_id in (None, "0") else (num_id or "", int(ilvl or 0)),
        )

    @staticmethod
    def _so(chain: list[etree._Element], tag: str) -> str | None:
        """A list property (numId, ilvl) from the first numPr that sets it."""
        for ppr in chain:
            el = ppr.find(f"{qn('w:numPr')}/{qn(tag)}")
            if el is not None:
                return str(el.get(qn("w:val")))
        return None


def _phong_chu_de(tai_lieu: DocxDocument) -> dict[str, str]:
    """The theme's major and minor Latin fonts (headings, body), when the document has a theme."""
    found: dict[str, str] = {}
    for rel in tai_lieu.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/theme"):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, _PARSER)
        except etree.XMLSyntaxError:
            return found
        a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        for kind in ("major", "minor"):
            latin = root.find(f".//{a}{kind}Font/{a}latin")
            if latin is not None and latin.get("typeface"):
                found[kind] = latin.get("typeface", "")
    return found


#: The theme part is parsed outside python-docx: no entities, no DTD, no network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
