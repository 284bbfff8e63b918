"""The lines (dòng) of a Word draft in reading order, each with its measured formatting.

A line is a paragraph of the body, of a table cell or of a text box (tables are read row by
row, nested ones in place; content controls are opened; a paragraph's text boxes, see
:mod:`.khung_chu`, come after its own text, or before it when drawn above it). Each line
carries the formatting most of its letters have (family, size, bold, italic: :mod:`.dinh_dang`
resolves them through the styles), every family and colour its letters use, its paragraph's
formatting, the label Word draws for a list item, and where it stands: a table's or a text
box's left or right column. A paragraph that sets two columns apart with tabs
(``UBND TỈNH X<tab>CỘNG HÒA …``) also offers its pieces (``manh``); one whose lines are set
apart with soft line breaks (Shift+Enter: ``w:br``, ``w:cr``) offers each line
with its own formatting and pieces (``dong_con``). The part finder reads the pieces and the
lines in the header and the signature block (:func:`mo_rong`), and a body paragraph whole.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from ...schemas.phu_luc import so_la_ma
from .dinh_dang import BangKieuWord, DinhDangChu, DinhDangDoan
from .khung_chu import KhungChu, VungIn, khung_cua


@dataclass(frozen=True)
class Dong:
    """One line of the draft: its text (NFC, as displayed: ``w:caps`` applied), formatting and
    place. ``cot`` is 0 (left) or 1 (right) in a two-column table or tab layout, else None."""

    text: str
    nhan: str
    chu: DinhDangChu
    doan: DinhDangDoan
    phong_cac: frozenset[str]
    mau_cac: frozenset[str]
    co_chu_cac: frozenset[float]
    bang: int | None
    cot: int | None
    so: int
    manh: tuple[Dong, ...] = field(default=(), compare=False)
    #: A tab-separated piece: its paragraph's alignment says nothing of where it stands.
    tu_tab: bool = False
    #: The text in runs, each with its formatting; a footnote call is a piece of its own,
    #: :data:`GOI_CHU_THICH` around the footnote's id (the import reads emphasis and notes).
    chu_cac: tuple[tuple[str, DinhDangChu], ...] = field(default=(), compare=False)
    #: The paragraph's lines set apart with soft line breaks, when it has two or more.
    dong_con: tuple[Dong, ...] = field(default=(), compare=False)
    #: Which of its paragraph's lines this is (0: the paragraph itself or its first line).
    thu_tu: int = 0
    #: The text box it was read from (numbered in reading order), None outside boxes.
    khung: int | None = None

    @property
    def day_du(self) -> str:
        """The text with its list label, as a reader sees it ("1. Giao …")."""
        return f"{self.nhan} {self.text}".strip() if self.nhan else self.text

    def dau(self, so_chu: int = 6) -> str:
        """The first words, to say where a finding is."""
        words = self.day_du.split()
        return " ".join(words[:so_chu]) + (" …" if len(words) > so_chu else "")


def _so_dinh_dang(n: int, fmt: str) -> str:
    """A list counter drawn in a Word number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = so_la_ma(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "bullet":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class DanhSo:
    """Word list labels: the counters of each list as its items come, in reading order."""

    def __init__(self, tai_lieu: DocxDocument) -> None:
        self._num: dict[str, str] = {}
        self._muc: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._dem: dict[str, dict[int, int]] = {}
        try:
            numbering = tai_lieu.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for num in numbering.iterchildren(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is not None:
                self._num[num.get(qn("w:numId"), "")] = abstract.get(qn("w:val"), "")
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"), "")
            for lvl in abstract.iterchildren(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                self._muc[(aid, int(lvl.get(qn("w:ilvl"), "0")))] = (
                    "decimal" if fmt is None else fmt.get(qn("w:val"), "decimal"),
                    "" if text is None else text.get(qn("w:val"), ""),
                    1 if start is None else int(start.get(qn("w:val"), "1")),
                )

    def nhan(self, so: tuple[str, int] | None) -> str:
        """The label of the next item of list ``so`` (numId, level); "" for none or a bullet."""
        if so is None or so[0] not in self._num:
            return ""
        aid, level = self._num[so[0]], so[1]
        counters = self._dem.setdefault(aid, {})
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, text, start = self._muc.get((aid, level), ("decimal", f"%{level + 1}.", 1))
        counters[level] = counters.get(level, start - 1) + 1
        if fmt == "bullet":
            # a dash or plus bullet is what a reader sees ("- Như trên;"); a symbol is not text
            return text.strip() if text.strip() in _GACH else ""
        for k in range(level + 1):
            k_fmt, _, k_start = self._muc.get((aid, k), ("decimal", "", 1))
            text = text.replace(f"%{k + 1}", _so_dinh_dang(counters.get(k, k_start), k_fmt))
        return text.strip()


#: The bullets that read as the dash or plus a Nơi nhận or Kính gửi line begins with.
_GACH = ("-", "–", "+")
#: The soft line breaks: Word's w:br and w:cr (python-docx gives "\n"), a carriage return
#: typed into the text. (A .doc's vertical tab, Shift+Enter, reaches a .docx as w:br.)
_NGAT = ("\n", "\r")

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_RUN_PATH = (
    "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
    " | ./w:sdt/w:sdtContent/w:r | ./w:customXml/w:r"
)


#: Marks a footnote call among a line's pieces: the note's id between the two characters
#: (private-use code points, which no text of a directive may hold).
GOI_CHU_THICH = ("\ue000", "\ue001")


def tung_chu(p: etree._Element, kieu: BangKieuWord) -> list[tuple[str, DinhDangChu]]:
    """The paragraph's text in pieces, each with its run's resolved formatting; a footnote
    call is a piece of its own (see :data:`GOI_CHU_THICH`)."""
    pieces = []
    for r in etree.ElementBase.xpath(p, _RUN_PATH, namespaces=_NS):
        fmt = kieu.chu(r, p)
        text = r.text if isinstance(r.text, str) else ""
        if text:
            pieces.append((text.upper() if fmt.hoa else text, fmt))
        for ref in r.iterchildren(qn("w:footnoteReference")):
            mo, dong = GOI_CHU_THICH
            pieces.append((f"{mo}{ref.get(qn('w:id'), '')}{dong}", fmt))
    return pieces


def _la_goi(piece: str) -> bool:
    return piece.startswith(GOI_CHU_THICH[0])


def _do(
    pieces: list[tuple[str, DinhDangChu]], mark: DinhDangChu
) -> tuple[DinhDangChu, frozenset[str], frozenset[str], frozenset[float]]:
    """The formatting most of the letters carry, and every family, colour and size used."""
    weight: Counter[DinhDangChu] = Counter()
    for text, fmt in pieces:
        weight[fmt] += sum(1 for c in text if not c.isspace())
    total = sum(weight.values())
    if not total:
        return mark, frozenset(), frozenset(), frozenset()

    def most(key: str) -> object:
        votes: Counter[object] = Counter()
        for fmt, n in weight.items():
            votes[getattr(fmt, key)] += n
        return votes.most_common(1)[0][0]

    dominant = DinhDangChu(
        phong=most("phong"),  # type: ignore[arg-type]
        co_chu=most("co_chu"),  # type: ignore[arg-type]
        dam=sum(n for f, n in weight.items() if f.dam) * 2 > total,
        nghieng=sum(n for f, n in weight.items() if f.nghieng) * 2 > total,
        mau=most("mau"),  # type: ignore[arg-type]
        hoa=False,
    )
    used = [f for f, n in weight.items() if n]
    return (
        dominant,
        frozenset(f.phong for f in used if f.phong),
        frozenset(f.mau for f in used if f.mau),
        frozenset(f.co_chu for f in used if f.co_chu),
    )


def _tao(
    pieces: list[tuple[str, DinhDangChu]],
    mark: DinhDangChu,
    doan: DinhDangDoan,
    nhan: str,
    bang: int | None,
    cot: int | None,
    so: int,
) -> Dong:
    chu_cac = tuple((unicodedata.normalize("NFC", t), f) for t, f in pieces)
    pieces = [(t, f) for t, f in pieces if not _la_goi(t)]
    dominant, families, colours, sizes = _do(pieces, mark)
    text = unicodedata.normalize("NFC", "".join(t for t, _ in pieces)).strip()
    return Dong(
        text, nhan, dominant, doan, families, colours, sizes, bang, cot, so, chu_cac=chu_cac
    )


def _manh(pieces: list[tuple[str, DinhDangChu]]) -> list[tuple[int, list[tuple[str, DinhDangChu]]]]:
    """The tab-separated pieces of a paragraph: (column, pieces of runs); empty ones dropped."""
    groups: list[list[tuple[str, DinhDangChu]]] = [[]]
    for text, fmt in pieces:
        for i, part in enumerate(text.split("\t")):
            if i:
                groups.append([])
            if part:
                groups[-1].append((part, fmt))
    full = [(i, g) for i, g in enumerate(groups) if "".join(t for t, _ in g).strip()]
    if not full:
        return []
    if len(full) == 1:
        return [(0 if full[0][0] == 0 else 1, full[0][1])]
    rest = [x for _, g in full[1:] for x in [*g, (" ", full[0][1][0][1])]][:-1]
    return [(0, full[0][1]), (1, rest)]


def _ngat_dong(pieces: list[tuple[str, DinhDangChu]]) -> list[list[tuple[str, DinhDangChu]]]:
    """A paragraph's pieces cut at its soft line breaks: the pieces of each line."""
    groups: list[list[tuple[str, DinhDangChu]]] = [[]]
    for text, fmt in pieces:
        for brk in _NGAT[1:]:
            text = text.replace(brk, _NGAT[0])
        for i, part in enumerate(text.split(_NGAT[0])):
            if i:
                groups.append([])
            if part:
                groups[-1].append((part, fmt))
    return groups


def _vung_in(tai_lieu: DocxDocument) -> VungIn:
    """The first section's page in points (Word's defaults where it says nothing)."""
    section = tai_lieu.sections[0]

    def pt(value: int | None, default: float) -> float:
        return value / 12700 if value is not None else default

    width = pt(section.page_width, 612.0)
    left = pt(section.left_margin, 90.0)
    return VungIn(
        cao=pt(section.page_height, 792.0),
        le_tren=pt(section.top_margin, 72.0),
        le_trai=left,
        rong=max(width - left - pt(section.right_margin, 90.0), 1.0),
    )


def doc_dong(tai_lieu: DocxDocument, bang_xml: list[etree._Element] | None = None) -> list[Dong]:
    """Every line of the document's body in reading order (headers and footers apart).

    ``bang_xml``, when given, receives the top-level tables, in the order of :attr:`Dong.bang`.
    """
    kieu = BangKieuWord(tai_lieu)
    danh_so = DanhSo(tai_lieu)
    vung = _vung_in(tai_lieu)
    lines: list[Dong] = []
    tables = [0]
    boxes = [0]

    def line_of(
        pieces: list[tuple[str, DinhDangChu]],
        mark: DinhDangChu,
        doan: DinhDangDoan,
        nhan: str,
        where: tuple[int | None, int | None, int | None],
        so: int,
        thu_tu: int,
    ) -> Dong:
        bang, cot, khung = where
        manh: tuple[Dong, ...] = ()
        if bang is None and any("\t" in t for t, _ in pieces):
            manh = tuple(
                replace(
                    _tao(g, mark, doan, nhan if c == 0 else "", None, c, so),
                    tu_tab=True,
                    thu_tu=thu_tu,
                    khung=khung,
                )
                for c, g in _manh(pieces)
            )
        line = _tao([(t.replace("\t", " "), f) for t, f in pieces], mark, doan, nhan, bang, cot, so)
        return replace(line, manh=manh, thu_tu=thu_tu, khung=khung)

    def paragraph(p: etree._Element, where: tuple[int | None, int | None, int | None]) -> None:
        pieces = tung_chu(p, kieu)
        doan = kieu.doan(p)
        mark = kieu.chu(None, p)
        nhan = danh_so.nhan(doan.danh_so)
        so = len(lines)
        groups = [g for g in _ngat_dong(pieces) if "".join(t for t, _ in g).strip()]
        sub: tuple[Dong, ...] = ()
        if len(groups) > 1:
            # the paragraph's space before and first-line indent belong to its first line,
            # its space after to its last (a line under the signer's title is not box 7b)
            last = len(groups) - 1
            sub = tuple(
                line_of(
                    g,
                    mark,
                    replace(
                        doan,
                        truoc=doan.truoc if k == 0 else 0.0,
                        thut_dau=doan.thut_dau if k == 0 else 0.0,
                        sau=doan.sau if k == last else 0.0,
                    ),
                    nhan if k == 0 else "",
                    where,
                    so,
                    k,
                )
                for k, g in enumerate(groups)
            )
        lines.append(replace(line_of(pieces, mark, doan, nhan, where, so, 0), dong_con=sub))

    def box(k: KhungChu, bang: int | None, cot: int | None) -> None:
        boxes[0] += 1
        walk(k.noi_dung, bang, cot if k.cot is None else k.cot, boxes[0])

    def walk(parent: etree._Element, bang: int | None, cot: int | None, khung: int | None) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                anchored = khung_cua(child, vung)
                first = not any(d.text for d in lines)
                before = [k for k in anchored if k.tren_neo or (k.dau_trang and first)]
                for k in before:
                    box(k, bang, cot)
                paragraph(child, (bang, cot, khung))
                for k in anchored:
                    if not any(k is b for b in before):
                        box(k, bang, cot)
            elif child.tag == qn("w:tbl"):
                index = tables[0] if bang is None else bang
                if bang is None:
                    tables[0] += 1
                    if bang_xml is not None:
                        bang_xml.append(child)
                for row in child.iterchildren(qn("w:tr")):
                    cells = list(row.iterchildren(qn("w:tc")))
                    for i, cell in enumerate(cells):
                        column = cot
                        if bang is None:
                            column = 0 if i == 0 else (1 if i == len(cells) - 1 else None)
                        walk(cell, index, column, khung)
            elif child.tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent"))
                walk(child if content is None else content, bang, cot, khung)

    walk(tai_lieu.element.body, None, None, None)
    return lines


def mo_rong(lines: list[Dong]) -> list[Dong]:
    """The lines with each paragraph's soft-broken lines in its place (:attr:`Dong.dong_con`)."""
    return [x for d in lines for x in (d.dong_con or (d,))]


def gop_lai(lines: list[Dong], doan: dict[int, Dong]) -> list[Dong]:
    """Lines of :func:`mo_rong` joined back into their paragraphs (``doan``: the paragraphs with
    soft breaks, by :attr:`Dong.so`) where every line of a paragraph is among them."""
    count: Counter[int] = Counter(d.so for d in lines if d.so in doan and d is not doan[d.so])
    out: list[Dong] = []
    for d in lines:
        whole = doan.get(d.so)
        if whole is None or d is whole or count[d.so] != len(whole.dong_con):
            out.append(d)
        elif not out or out[-1] is not whole:
            out.append(whole)
    return out


def tung_dong(lines: list[Dong]) -> Iterator[Dong]:
    """The lines that hold text."""
    return (line for line in lines if line.text)
