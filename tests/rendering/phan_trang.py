"""Pagination read back from laid-out pages, and the rules a careful typesetter keeps.

Every printed line of a PDF (WeasyPrint's, or LibreOffice's print of the DOCX) is read with its
page and position (pypdfium2: font box, ink box and baseline of each character, in drawing
order) and matched to the paragraph of the layout (BoCuc) it prints. The checks then say, for one
document, what a clerk would refuse: a page number missing, misplaced or too close to the edge;
a heading left alone at the foot of a page; a paragraph leaving one line at a page foot or head;
the signature on a page without two lines of the body; text outside the margins, lines drawn
over each other, or text missing.

The sweeps are the documents the pagination suite checks: the kế hoạch with a first paragraph
of growing length (the page breaks move across every line of the headed text after it) and the
example files with a growing Nơi nhận (tables and their landscape pages, annexes, footnotes and
signature images included). ``python -m tests.rendering.phan_trang`` prints how
many of them break each rule, in each output (with the bundled face, Liberation Serif).
"""

from __future__ import annotations

import ctypes
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.libreoffice import sang_pdf
from vanthu.reading import doc_tep
from vanthu.reading.anh import doc_anh
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bang_noi_dung import trang_ngang
from vanthu.rendering.bo_cuc import Bang, BoCuc, DoanBoCuc, HaiCot, KhoiTrang, PhanRieng
from vanthu.rendering.styles import Kieu, TrangGiay
from vanthu.schemas import Doan, KieuDoan, NoiNhan, VanBan

PT_MOI_MM = 72 / 25.4

#: Paragraph styles a page must never end with: headings and centred lines of the text.
TIEU_DE = frozenset(
    {Kieu.NOI_DUNG_TIEU_DE, Kieu.NOI_DUNG_GIUA, Kieu.QUYET_DINH, Kieu.THAM_QUYEN, Kieu.NGUOI_GUI}
)
#: Styles of the body (box 6) and what leads into it: the lines the signature must keep by it.
THAN = frozenset({Kieu.NOI_DUNG, Kieu.NOI_DUNG_TIEU_DE, Kieu.NOI_DUNG_GIUA, Kieu.CAN_CU})
#: Lines whose baselines are closer than this (pt) over the same stretch are drawn over each other.
CHONG_CHEO = 8.0
#: How far (pt) ink may pass a margin before it is outside the text area (an italic letter's
#: tail passes its origin).
DUNG_SAI = 1.5
#: A gap (pt) inside a line wider than this is between two columns: the gap starts a new line.
KHOANG_CACH_COT = 30.0


# -- reading a PDF ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DongIn:
    """A printed line: its page and text (without spaces), in pt from the page's top-left corner.

    ``tren``/``duoi``: the font box (ascent to descent); ``trai``/``phai`` and ``muc_*``: the
    ink; ``co_so``: the baseline.
    """

    trang: int
    chu: str
    trai: float
    phai: float
    tren: float
    duoi: float
    muc_tren: float
    muc_duoi: float
    co_so: float


def dong_in(pdf: bytes) -> list[list[DongIn]]:
    """Every page's printed lines, in drawing order."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [_dong_trang(doc[i], i + 1) for i in range(len(doc))]
    finally:
        doc.close()


def _dong_trang(page: pdfium.PdfPage, number: int) -> list[DongIn]:
    height = page.get_height()
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[DongIn] = []
    chars: list[tuple[str, tuple[float, ...], tuple[float, ...], float]] = []

    def close() -> None:
        if chars:
            lines.append(
                DongIn(
                    trang=number,
                    chu="".join(c for c, _, _, _ in chars),
                    trai=min(t[0] for _, _, t, _ in chars),
                    phai=max(t[2] for _, _, t, _ in chars),
                    tren=height - max(b[3] for _, b, _, _ in chars),
                    duoi=height - min(b[1] for _, b, _, _ in chars),
                    muc_tren=height - max(t[3] for _, _, t, _ in chars),
                    muc_duoi=height - min(t[1] for _, _, t, _ in chars),
                    co_so=height - chars[0][3],
                )
            )
            chars.clear()

    for i in range(count):
        # pdfium reads a hyphen that ends a line as U+FFFE.
        char = (text[i] if i < len(text) else "").replace("\ufffe", "-")
        if not char.strip():
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        loose = textpage.get_charbox(i, loose=True)
        tight = textpage.get_charbox(i)
        if chars and (
            abs(y.value - chars[-1][3]) > 0.5
            or x.value < chars[-1][2][0] - 1
            or x.value > chars[-1][2][2] + KHOANG_CACH_COT
        ):
            close()
        chars.append((char, loose, tight, y.value))
    close()
    textpage.close()
    page.close()
    return lines


# -- what the layout asked for -----------------------------------------------------------------


@dataclass(frozen=True)
class DoanMau:
    """A paragraph the layout prints: its style, text without spaces, and where it stands.

    ``vung``: "than" (the flow of the page), "dau" or "dau_phai" (the header table's left and
    right cells), "noi_nhan" or "chu_ky" (the signature table's), "bang" (a row of a body
    table, its cells in drawing order), "chu_thich" (a footnote at a page's foot, its number
    first). A footnote call prints its number in the text.
    """

    kieu: Kieu
    chu: str
    vung: str
    phan_moi: bool = False  # the first paragraph of a part (an annex): numbering restarts
    # Where a printed line may end (characters from the start): a table row's cell lines,
    # side by side, each drawn whole (a line may join cells on one baseline). Empty: anywhere.
    ngat: tuple[int, ...] = ()
    bang: int = -1  # a table row: its table (a number no other table has)
    lap: bool = False  # a table's header row: printed again at the top of each page it crosses


def doan_mau(bo_cuc: BoCuc) -> list[DoanMau]:
    """The layout's paragraphs in reading order (a table: left cell, then right; a body
    table: a paragraph a row), then the footnotes; the first paragraph of a part (an annex) is
    marked: its page starts a new numbering."""
    out: list[DoanMau] = []
    notes: list[DoanMau] = []
    for part in bo_cuc.khoi:
        blocks = part.khoi if isinstance(part, PhanRieng) else (part,)
        before = len(out)
        out += _doan_khoi(blocks, notes)
        if isinstance(part, PhanRieng):
            first = next((k for k in range(before, len(out)) if out[k].chu), None)
            if first is not None:
                out[first] = replace(out[first], phan_moi=True)
    return [d for d in out + notes if d.chu]


def _doan_khoi(blocks: tuple[KhoiTrang, ...], notes: list[DoanMau]) -> list[DoanMau]:
    out: list[DoanMau] = []
    for block in blocks:
        if isinstance(block, Bang):
            out += [_mau(b, "than", notes) for b in block.ten if isinstance(b, DoanBoCuc)]
            rows = [(r, True) for r in block.tieu_de] + [(r, False) for r in block.dong]
            out += [hang_mau([list(o.dong) for o in r], id(block), lap) for r, lap in rows]
            out += [_mau(b, "than", notes) for b in block.sau]
        elif isinstance(block, HaiCot):
            for i, cell in enumerate(block.o_doc()):
                vung = (("dau", "dau_phai"), ("noi_nhan", "chu_ky"))[block.vai_tro != "dau"][i == 1]
                out += [_mau(b, vung, notes) for b in cell if isinstance(b, DoanBoCuc)]
        elif isinstance(block, DoanBoCuc):
            out.append(_mau(block, "than", notes))
    return out


def hang_mau(cells: list[list[str]], bang: int, lap: bool) -> DoanMau:
    """A table row as printed: its cells' lines (without spaces) one after another, a line
    ending where a cell's line does."""
    text, ends = "", []
    for cell in cells:
        for line in cell:
            if chu := "".join(line.split()):
                text += chu
                ends.append(len(text))
    return DoanMau(Kieu.NOI_DUNG, text, "bang", ngat=tuple(ends), bang=bang, lap=lap)


def _mau(doan: DoanBoCuc, vung: str, notes: list[DoanMau]) -> DoanMau:
    """A paragraph as printed: a footnote call prints the note's number (1, 2, … in the
    order of the calls), and the note goes to ``notes``."""
    text = ""
    for c in doan.chu:
        if c.chu_thich is not None:
            number = f"{len(notes) + 1}"
            note = "".join(n.text for n in c.chu_thich)
            notes.append(DoanMau(Kieu.NOI_DUNG, number + "".join(note.split()), "chu_thich"))
            text += number
        text += c.text
    return DoanMau(doan.kieu, "".join(text.split()), vung)


@dataclass(frozen=True)
class TrangIn:
    """A laid-out document: the text lines of each page, the page-number band, the paragraphs."""

    dong: list[DongIn]  # every line of text in the text area, in drawing order
    # For each line, the index of its paragraph in ``doan`` (the one it starts in); -1: a
    # table's header row printed again at the top of a page.
    doan_cua_dong: list[int]
    doan: list[DoanMau]
    dau_trang: list[list[DongIn]]  # per page: the lines printed in the top margin
    so_trang: int
    loi_doc: str  # why the lines do not read as the layout's paragraphs ("" when they do)
    # Page 1's margin boxes: box 11's text (without spaces), expected in the top band; box
    # 13's printed lines, read apart from the text; and where page 1's text area ends (pt).
    luu_hanh: str = ""
    chan_trang: list[DongIn] = field(default_factory=list)
    day_trang_dau: float | None = None
    ngang: list[bool] = field(default_factory=list)  # per page: landscape (its own geometry)


def kho(trang: TrangGiay, doc: TrangIn, page: int) -> TrangGiay:
    """The geometry of a page of ``doc``: the style sheet's, or its landscape turn."""
    return trang_ngang(trang) if doc.ngang[page - 1 : page] == [True] else trang


def _ngang(pdf: bytes) -> list[bool]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_width() > doc[i].get_height() for i in range(len(doc))]
    finally:
        doc.close()


def doc_trang(pdf: bytes, bo_cuc: BoCuc, trang: TrangGiay) -> TrangIn:
    """Read a laid-out PDF of a layout back, line by line and paragraph by paragraph."""
    footer = ["".join(d.text.split()) for d in bo_cuc.chan_trang_dau]
    luu_hanh = "".join("".join(d.text.split()) for d in bo_cuc.dau_trang_dau)
    return doc_dong(pdf, doan_mau(bo_cuc), trang, luu_hanh, footer, bo_cuc.cao_chan_trang_dau)


def doc_dong(
    pdf: bytes,
    doan: list[DoanMau],
    trang: TrangGiay,
    luu_hanh: str = "",
    footer: list[str] | None = None,
    cao_chan_trang: float = 0.0,
) -> TrangIn:
    """Read a laid-out PDF back as the paragraphs ``doan``: page 1's box 11 (``luu_hanh``)
    and box 13 (the ``footer``'s lines, ``cao_chan_trang`` pt tall) read apart."""
    pages = dong_in(pdf)
    ngang = _ngang(pdf)
    tops = [(trang_ngang(trang) if turned else trang).le_tren * 10 * PT_MOI_MM for turned in ngang]
    band = [[d for d in page if d.duoi <= top] for page, top in zip(pages, tops, strict=True)]
    # Box 13's lines: on page 1, in its lower half, reading as the footer's lines.
    height = trang.cao * 10 * PT_MOI_MM
    chan = [d for d in pages[0] if d.chu in (footer or []) and d.tren > height / 2] if pages else []
    lines = [d for page, top in zip(pages, tops, strict=True) for d in page if d.duoi > top]
    lines = [d for d in lines if d not in chan]
    index, problem = _gan(lines, doan)
    end = None
    if footer:
        room = max(
            trang.le_duoi * 10 * PT_MOI_MM,
            trang.chan_trang * 10 * PT_MOI_MM + cao_chan_trang,
        )
        end = height - room
    return TrangIn(lines, index, doan, band, len(pages), problem, luu_hanh, chan, end, ngang)


def doc_ban_in(rendered: dict[str, KetQua], trang: TrangGiay, output: str) -> dict[str, TrangIn]:
    """Rendered documents read back as printed: ``output`` "pdf" (WeasyPrint's) or "docx" (as
    LibreOffice lays it out, all in one conversion)."""
    if output == "pdf":
        pdfs = {name: r.pdf for name, r in rendered.items() if r.pdf is not None}
    else:
        pdfs = sang_pdf({name: r.docx for name, r in rendered.items() if r.docx is not None})
    return {name: doc_trang(pdf, rendered[name].bo_cuc, trang) for name, pdf in pdfs.items()}


def _gan(lines: list[DongIn], doan: list[DoanMau]) -> tuple[list[int], str]:
    """Each line's paragraph: the lines spell the paragraphs in turn, and nothing else.

    Three streams are read apart: the left column (with the flow of the page), the right
    column of the two-column tables (a row split over two pages is drawn page by page, so a
    right cell's lines may come before the end of its left neighbour), and the footnotes
    (drawn at the page's foot, before or after its text). A table row is read as its cells'
    lines one after another, a printed line ending where a cell's does; a table continuing
    on a new page prints its header rows again first (their lines get the index -1).
    """
    streams = [[k for k, p in enumerate(doan) if _cot(p) == c] for c in (0, 1, 2)]
    at = [0, 0, 0]  # per stream: position in it
    done = [0, 0, 0]  # per stream: characters of its current paragraph already printed
    index: list[int] = []
    page = 0
    repeat: list[int] = []  # the header rows still to print again on this page
    repeated = 0  # characters of the first of them printed
    for line in lines:
        if line.trang != page:
            page, repeat, repeated = line.trang, [], 0
            if at[0] < len(streams[0]) and done[0] == 0:
                row = doan[streams[0][at[0]]]
                if row.vung == "bang" and not row.lap:
                    repeat = [k for k, p in enumerate(doan) if p.bang == row.bang and p.lap]
        if repeat and _doc_duoc(doan[repeat[0]], line.chu, repeated):
            index.append(-1)
            repeated += len(line.chu)
            if repeated == len(doan[repeat[0]].chu):
                repeat, repeated = repeat[1:], 0
            continue
        for c in (0, 1, 2):
            if at[c] < len(streams[c]) and not (c == 0 and repeat):
                k = streams[c][at[c]]
                if _doc_duoc(doan[k], line.chu, done[c]):
                    break
        else:
            want = [
                doan[s[a]].chu[d : d + 40]
                for s, a, d in zip(streams, at, done, strict=True)
                if a < len(s)
            ]
            if repeat:
                want.insert(0, f"the table's header {doan[repeat[0]].chu[repeated:][:40]!r}")
            return index, f"page {line.trang}: printed {line.chu[:40]!r}, the layout has {want}"
        index.append(k)
        done[c] += len(line.chu)
        if done[c] == len(doan[k].chu):
            at[c], done[c] = at[c] + 1, 0
    left = [doan[s[a]].chu[:40] for s, a in zip(streams, at, strict=True) if a < len(s)]
    if left:
        return index, f"not printed: {left}"
    return index, ""


def _doc_duoc(paragraph: DoanMau, line: str, done: int) -> bool:
    """Whether ``line`` prints paragraph's text from character ``done`` on, ending where a
    line of it may end."""
    if not paragraph.chu.startswith(line, done):
        return False
    return not paragraph.ngat or done + len(line) in paragraph.ngat


def _cot(paragraph: DoanMau) -> int:
    """The stream a paragraph is read in: 1 for a table's right cell, 2 for a footnote, 0 for
    everything else."""
    if paragraph.vung == "chu_thich":
        return 2
    return 1 if paragraph.vung in {"dau_phai", "chu_ky"} else 0


# -- the rules ---------------------------------------------------------------------------------

Kiem = Callable[[TrangIn, TrangGiay], list[str]]


def so_trang_in(doc: TrangIn) -> list[str]:
    """The number each page should print: none on page 1 and on the first page of each part
    (an annex), whose pages are numbered again from 1 (Decree 30, PL I III.1.đ)."""
    starts = {1} | {
        pages[0] for k, p in enumerate(doc.doan) if p.phan_moi and (pages := _pages(doc, k))
    }
    out, start = [], 1
    for page in range(1, doc.so_trang + 1):
        start = page if page in starts else start
        out.append("" if page == start else str(page - start + 1))
    return out


def kiem_so_trang(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """No number on page 1 (box 11 alone, if any) nor on the first page of an annex; from
    page 2 its number alone, centred over the text, in the top margin, its ink at least 9.5 mm
    from the edge and clear of the text below (a landscape page by its own margins)."""
    problems = []
    wants = so_trang_in(doc)
    for number, band in enumerate(doc.dau_trang, 1):
        here = kho(trang, doc, number)  # a landscape page: its own margins
        centre = (here.le_trai + (here.rong - here.le_phai)) / 2 * 10 * PT_MOI_MM
        top = here.le_tren * 10 * PT_MOI_MM
        text = "".join(d.chu for d in band)
        want = wants[number - 1]
        if number == 1:
            want = doc.luu_hanh
            if text != want:
                problems.append(f"page 1: top margin reads {text!r}, not {want!r}")
            continue
        if text != want:
            problems.append(f"page {number}: top margin reads {text!r}, not {want!r}")
            continue
        if not band:
            continue
        ink_top = min(d.muc_tren for d in band) / PT_MOI_MM
        ink_bottom = max(d.muc_duoi for d in band)
        middle = (min(d.trai for d in band) + max(d.phai for d in band)) / 2
        if ink_top < 9.5:
            problems.append(f"page {number}: the number is {ink_top:.1f} mm from the top edge")
        if ink_bottom > top - 3 * PT_MOI_MM:
            problems.append(f"page {number}: the number reaches {ink_bottom:.1f} pt, by the text")
        if abs(middle - centre) > 1.5:
            problems.append(f"page {number}: the number is {middle - centre:+.1f} pt off centre")
    return problems


def _pages(doc: TrangIn, k: int) -> list[int]:
    """The pages paragraph ``k`` is printed on, one entry per line."""
    return [d.trang for d, i in zip(doc.dong, doc.doan_cua_dong, strict=False) if i == k]


def kiem_tieu_de(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """A heading or centred line is on the page of the paragraph after it."""
    problems = []
    for k, paragraph in enumerate(doc.doan[:-1]):
        if paragraph.kieu not in TIEU_DE:
            continue
        here, after = _pages(doc, k), _pages(doc, k + 1)
        if here and after and here[-1] != after[0]:
            problems.append(f"page {here[-1]}: {paragraph.chu[:40]!r} ends the page")
    return problems


def kiem_dong_le(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """A paragraph split over pages leaves at least two lines at the foot and at the head; so
    does the Nơi nhận list, a paragraph of one or two lines a recipient."""
    groups = [(p.chu, [k]) for k, p in enumerate(doc.doan)]
    groups.append(("Nơi nhận", [k for k, p in enumerate(doc.doan) if p.vung == "noi_nhan"]))
    problems = []
    for name, members in groups:
        parts = Counter(page for k in members for page in _pages(doc, k))
        if len(parts) < 2:
            continue
        first, last = min(parts), max(parts)
        if parts[first] < 2:
            problems.append(f"page {first}: one line of {name[:40]!r} at the foot")
        if parts[last] < 2:
            problems.append(f"page {last}: one line of {name[:40]!r} at the head")
    return problems


def kiem_chu_ky(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """The signature block is on one page, with the Nơi nhận label and two lines of the body."""
    signature = [k for k, p in enumerate(doc.doan) if p.vung == "chu_ky"]
    pages = sorted({page for k in signature for page in _pages(doc, k)})
    if len(pages) != 1:
        return [f"the signature is split over pages {pages}"]
    page = pages[0]
    label = [k for k, p in enumerate(doc.doan) if p.kieu is Kieu.NOI_NHAN_LABEL]
    problems = []
    if label and _pages(doc, label[0])[:1] != [page]:
        problems.append(f"page {page}: the signature is not beside 'Nơi nhận:'")
    body = [k for k, p in enumerate(doc.doan) if p.vung in {"than", "bang"} and p.kieu in THAN]
    total = sum(len(_pages(doc, k)) for k in body)
    here = sum(_pages(doc, k).count(page) for k in body)
    if here < min(2, total):
        problems.append(f"page {page}: the signature stands with {here} line(s) of the body")
    return problems


def kiem_le(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """All text is printed, in order, inside the margins (a landscape page's own), and no line
    is drawn over another."""
    if doc.loi_doc:
        return [doc.loi_doc]
    mm = 10 * PT_MOI_MM
    problems = []
    for d in doc.dong:
        here = kho(trang, doc, d.trang)  # a landscape page: its own margins
        left, right = here.le_trai * mm - DUNG_SAI, (here.rong - here.le_phai) * mm + DUNG_SAI
        top, bottom = here.le_tren * mm - DUNG_SAI, (here.cao - here.le_duoi) * mm + DUNG_SAI
        if d.trai < left or d.phai > right or d.muc_tren < top or d.muc_duoi > bottom:
            problems.append(f"page {d.trang}: {d.chu[:30]!r} passes the margins")
        elif d.trang == 1 and doc.day_trang_dau and d.muc_duoi > doc.day_trang_dau + DUNG_SAI:
            problems.append(f"page 1: {d.chu[:30]!r} runs into the footer (box 13)")
    left, right = trang.le_trai * mm - DUNG_SAI, (trang.rong - trang.le_phai) * mm + DUNG_SAI
    for d in doc.chan_trang:
        if d.trai < left or d.phai > right or d.muc_duoi > trang.cao * mm:
            problems.append(f"page 1: the footer's {d.chu[:30]!r} passes the page")
    by_page: dict[int, list[DongIn]] = defaultdict(list)
    for d in doc.dong:
        by_page[d.trang].append(d)
    for lines in by_page.values():
        for a, b in itertools.combinations(lines, 2):
            across = min(a.phai, b.phai) - max(a.trai, b.trai)
            if across > 1 and abs(a.co_so - b.co_so) < CHONG_CHEO:
                problems.append(f"page {a.trang}: {a.chu[:30]!r} drawn over {b.chu[:30]!r}")
    return problems


#: The rules, by the name the suite reports them under.
QUY_TAC: dict[str, Kiem] = {
    "so_trang": kiem_so_trang,
    "tieu_de_treo": kiem_tieu_de,
    "dong_le": kiem_dong_le,
    "chu_ky": kiem_chu_ky,
    "le_chong_cheo": kiem_le,
}


# -- the sweeps --------------------------------------------------------------------------------

#: Sentences of a plan's text, each about one printed line long.
CAU = (
    "Các sở, ban, ngành theo chức năng, nhiệm vụ được giao chủ động phối hợp triển khai.",
    "Ủy ban nhân dân các huyện, thành phố rà soát, lập danh sách đối tượng trên địa bàn.",
    "Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn chuyên môn, kỹ thuật cho các cơ sở tiêm.",
    "Sở Tài chính tham mưu bố trí kinh phí bảo đảm cho các hoạt động của Kế hoạch này.",
    "Báo Ninh Thuận, Đài Phát thanh và Truyền hình tỉnh tăng cường thông tin, tuyên truyền.",
    "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Y tế trước ngày 25 hằng tháng.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để xử lý.",
)


def _doan(n: int, start: int = 0) -> str:
    """A paragraph of ``n`` sentences, from the ``start``-th on."""
    return " ".join(CAU[(start + i) % len(CAU)] for i in range(n))


#: The body after the growing first paragraph: headings (Roman, titled, centred) among
#: paragraphs of one to five lines.
THAN_CO_DINH = (
    "I. MỤC ĐÍCH, YÊU CẦU",
    f"1. {_doan(3, 1)}",
    f"2. {_doan(2, 3)}",
    "II. NỘI DUNG THỰC HIỆN",
    Doan(doan="1. Công tác tuyên truyền", kieu=KieuDoan.tieu_de),
    f"a) {_doan(4, 2)}",
    f"b) {_doan(1, 5)}",
    Doan(doan="2. Công tác tổ chức tiêm", kieu=KieuDoan.tieu_de),
    _doan(3, 4),
    Doan(doan="Mục 1", kieu=KieuDoan.giua),
    Doan(doan="KINH PHÍ THỰC HIỆN", kieu=KieuDoan.giua),
    _doan(5, 0),
    "III. TỔ CHỨC THỰC HIỆN",
    f"1. {_doan(2, 6)}",
    f"2. {_doan(4, 1)}",
)

#: Recipient lines of a province's plan; some run over two lines of the Nơi nhận column.
NOI_NHAN = tuple(
    f"{body} {place}"
    for place in (
        "huyện Ninh Hải",
        "huyện Ninh Phước",
        "huyện Ninh Sơn",
        "huyện Bác Ái",
        "huyện Thuận Bắc",
        "huyện Thuận Nam",
        "thành phố Phan Rang - Tháp Chàm",
        "tỉnh Ninh Thuận",
    )
    for body in (
        "UBND",
        "Trung tâm Y tế",
        "Phòng Y tế",
        "Phòng Văn hóa và Thông tin",
        "Ban Chỉ đạo phòng, chống dịch COVID-19",
        "Công an",
        "Ban Chỉ huy Quân sự",
        "Hội Chữ thập đỏ",
        "Phòng Giáo dục và Đào tạo",
    )
)

#: Body-length variants, and Nơi nhận variants (lines: 2, 4 … 72).
SO_BIEN_THE = 36


def bien_the_than(n: int) -> VanBan:
    """The kế hoạch with a first paragraph of ``n`` more lines before a fixed body."""
    base = doc_tep(EXAMPLES / "ke-hoach.yaml", HOM_NAY)
    first = "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác phòng, chống dịch."
    body = [Doan(doan=f"{first} {_doan(n)}".strip())]
    body += [d if isinstance(d, Doan) else Doan(doan=d) for d in THAN_CO_DINH]
    return base.model_copy(update={"noi_dung": body})


def bien_the_noi_nhan(n: int, vi_du: Path | None = None) -> VanBan:
    """The ``n % k``-th of the k examples (or ``vi_du``) with a Nơi nhận of ``2 + 2n`` lines
    (the Lưu line included): tables, landscape pages, annexes, footnotes and images as the
    example has them."""
    examples = sorted(EXAMPLES.glob("*.yaml"))
    base = doc_tep(vi_du or examples[n % len(examples)], HOM_NAY)
    lines = [NoiNhan(ten=t) for t in NOI_NHAN[: 1 + 2 * n]]
    return base.model_copy(update={"noi_nhan": lines})


def bien_the() -> dict[str, VanBan]:
    """Every document of both sweeps, by a name saying what it varies."""
    out = {f"than-{n:02d}": bien_the_than(n) for n in range(SO_BIEN_THE)}
    out |= {f"noi-nhan-{2 + 2 * n:02d}": bien_the_noi_nhan(n) for n in range(SO_BIEN_THE)}
    return out


def ket_xuat(renderer: Renderer, vb: VanBan) -> KetQua:
    """A document of the sweeps rendered, with the images its example names (read beside the
    example files)."""
    return renderer.ket_xuat(vb, hom_nay=HOM_NAY, anh=doc_anh(vb, EXAMPLES, str(EXAMPLES)))


def _bao_cao() -> None:
    """Print, per output and rule, how many documents of each sweep break the rule."""
    renderer = Renderer()
    trang = renderer.bang.trang
    docs = bien_the()
    rendered = {name: ket_xuat(renderer, vb) for name, vb in docs.items()}
    read = {out: doc_ban_in(rendered, trang, out) for out in ("pdf", "docx")}
    print(f"{'rule':<14} {'output':<6} {'than':>6} {'noi-nhan':>9}  failing")
    for rule, check in QUY_TAC.items():
        for out, docs_read in read.items():
            failing = [name for name, doc in docs_read.items() if check(doc, trang)]
            body = sum(name.startswith("than") for name in failing)
            print(
                f"{rule:<14} {out:<6} {body:>3}/{SO_BIEN_THE} {len(failing) - body:>5}/"
                f"{SO_BIEN_THE}  {' '.join(failing)}"
            )
    same = [n for n in docs if read["pdf"][n].so_trang == read["docx"][n].so_trang]
    print(f"same page count DOCX (LibreOffice) and PDF: {len(same)}/{len(docs)}")
    for name in docs:
        if name not in same:
            print(f"  {name}: PDF {read['pdf'][name].so_trang}, DOCX {read['docx'][name].so_trang}")
    starts = [n for n in docs if dau_trang_in(read["pdf"][n]) == dau_trang_in(read["docx"][n])]
    print(f"every page starts with the same line: {len(starts)}/{len(docs)}")
    for name in docs:
        if name not in starts:
            pdf, docx = dau_trang_in(read["pdf"][name]), dau_trang_in(read["docx"][name])
            print(f"  {name}: PDF {[t[:20] for t in pdf]}, DOCX {[t[:20] for t in docx]}")


def dau_trang_in(doc: TrangIn) -> list[str]:
    """The first line of the text area of each page, without spaces (a table's header rows
    printed again are passed over: the row under them says where the page starts)."""
    first: dict[int, str] = {}
    for line, k in zip(doc.dong, doc.doan_cua_dong, strict=False):
        if k >= 0:
            first.setdefault(line.trang, line.chu)
    return [first.get(page, "") for page in range(1, doc.so_trang + 1)]


if __name__ == "__main__":
    _bao_cao()
