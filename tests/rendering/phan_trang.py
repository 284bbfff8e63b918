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
example files with a growing Nơi nhận. ``python -m tests.rendering.phan_trang`` prints how
many of them break each rule, in each output (with the bundled face, Liberation Serif).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.libreoffice import sang_pdf
from vanthu.reading import doc_tep
from vanthu.rendering import KetQua, Renderer
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
    right cells), "noi_nhan" or "chu_ky" (the signature table's).
    """

    kieu: Kieu
    chu: str
    vung: str
    phan_moi: bool = False  # the first paragraph of a part (an annex): numbering restarts


def doan_mau(bo_cuc: BoCuc) -> list[DoanMau]:
    """The layout's paragraphs in reading order (a table: left cell, then right); the first
    paragraph of a part (an annex) is marked: its page starts a new numbering."""
    out: list[DoanMau] = []
    for part in bo_cuc.khoi:
        blocks = part.khoi if isinstance(part, PhanRieng) else (part,)
        before = len(out)
        out += _doan_khoi(blocks)
        if isinstance(part, PhanRieng):
            first = next((k for k in range(before, len(out)) if out[k].chu), None)
            if first is not None:
                out[first] = replace(out[first], phan_moi=True)
    return [d for d in out if d.chu]


def _doan_khoi(blocks: tuple[KhoiTrang, ...]) -> list[DoanMau]:
    out: list[DoanMau] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Bang) and i == 0:
            # A part that opens with a landscape table: its heading is the table's caption.
            out += [_mau(b, "than") for b in block.ten if isinstance(b, DoanBoCuc)]
        elif isinstance(block, HaiCot):
            for i, cell in enumerate(block.o_doc()):
                vung = (("dau", "dau_phai"), ("noi_nhan", "chu_ky"))[block.vai_tro != "dau"][i == 1]
                out += [_mau(b, vung) for b in cell if isinstance(b, DoanBoCuc)]
        elif isinstance(block, DoanBoCuc):
            out.append(_mau(block, "than"))
    return out


def _mau(doan: DoanBoCuc, vung: str) -> DoanMau:
    return DoanMau(doan.kieu, "".join(doan.text.split()), vung)


@dataclass(frozen=True)
class TrangIn:
    """A laid-out document: the text lines of each page, the page-number band, the paragraphs."""

    dong: list[DongIn]  # every line of text in the text area, in drawing order
    doan_cua_dong: list[int]  # for each line, the index of its paragraph in ``doan``
    doan: list[DoanMau]
    dau_trang: list[list[DongIn]]  # per page: the lines printed in the top margin
    so_trang: int
    loi_doc: str  # why the lines do not read as the layout's paragraphs ("" when they do)
    # Page 1's margin boxes: box 11's text (without spaces), expected in the top band; box
    # 13's printed lines, read apart from the text; and where page 1's text area ends (pt).
    luu_hanh: str = ""
    chan_trang: list[DongIn] = field(default_factory=list)
    day_trang_dau: float | None = None


def doc_trang(pdf: bytes, bo_cuc: BoCuc, trang: TrangGiay) -> TrangIn:
    """Read a laid-out PDF of a layout back, line by line and paragraph by paragraph."""
    pages = dong_in(pdf)
    top = trang.le_tren * 10 * PT_MOI_MM
    band = [[d for d in page if d.duoi <= top] for page in pages]
    # Box 13's lines: on page 1, in its lower half, reading as the footer's lines.
    footer = {"".join(d.text.split()) for d in bo_cuc.chan_trang_dau}
    height = trang.cao * 10 * PT_MOI_MM
    chan = [d for d in pages[0] if d.chu in footer and d.tren > height / 2] if pages else []
    lines = [d for page in pages for d in page if d.duoi > top and d not in chan]
    doan = doan_mau(bo_cuc)
    index, problem = _gan(lines, doan)
    end = None
    if bo_cuc.chan_trang_dau:
        room = max(
            trang.le_duoi * 10 * PT_MOI_MM,
            trang.chan_trang * 10 * PT_MOI_MM + bo_cuc.cao_chan_trang_dau,
        )
        end = height - room
    luu_hanh = "".join("".join(d.text.split()) for d in bo_cuc.dau_trang_dau)
    return TrangIn(lines, index, doan, band, len(pages), problem, luu_hanh, chan, end)


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

    The left column (with the flow of the page) and the right column of the tables are read as
    two streams: a table row split over two pages is drawn page by page, so a right cell's
    lines may come before the end of its left neighbour.
    """
    streams = [[k for k, p in enumerate(doan) if _cot(p) == c] for c in (0, 1)]
    at = [0, 0]  # per stream: position in it
    done = [0, 0]  # per stream: characters of its current paragraph already printed
    index: list[int] = []
    for line in lines:
        for c in (0, 1):
            if at[c] < len(streams[c]):
                k = streams[c][at[c]]
                if doan[k].chu.startswith(line.chu, done[c]):
                    break
        else:
            want = [
                doan[s[a]].chu[d : d + 40]
                for s, a, d in zip(streams, at, done, strict=True)
                if a < len(s)
            ]
            return index, f"page {line.trang}: printed {line.chu[:40]!r}, the layout has {want}"
        index.append(k)
        done[c] += len(line.chu)
        if done[c] == len(doan[k].chu):
            at[c], done[c] = at[c] + 1, 0
    left = [doan[s[a]].chu[:40] for s, a in zip(streams, at, strict=True) if a < len(s)]
    if left:
        return index, f"not printed: {left}"
    return index, ""


def _cot(paragraph: DoanMau) -> int:
    """The stream a paragraph is read in: 1 for a table's right cell, 0 for everything else."""
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
    from the edge and clear of the text below."""
    problems = []
    wants = so_trang_in(doc)
    centre = (trang.le_trai + (trang.rong - trang.le_phai)) / 2 * 10 * PT_MOI_MM
    top = trang.le_tren * 10 * PT_MOI_MM
    for number, band in enumerate(doc.dau_trang, 1):
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
    body = [k for k, p in enumerate(doc.doan) if p.vung == "than" and p.kieu in THAN]
    total = sum(len(_pages(doc, k)) for k in body)
    here = sum(_pages(doc, k).count(page) for k in body)
    if here < min(2, total):
        problems.append(f"page {page}: the signature stands with {here} line(s) of the body")
    return problems


def kiem_le(doc: TrangIn, trang: TrangGiay) -> list[str]:
    """All text is printed, in order, inside the margins, and no line is drawn over another."""
    if doc.loi_doc:
        return [doc.loi_doc]
    mm = 10 * PT_MOI_MM
    left, right = trang.le_trai * mm - DUNG_SAI, (trang.rong - trang.le_phai) * mm + DUNG_SAI
    top, bottom = trang.le_tren * mm - DUNG_SAI, (trang.cao - trang.le_duoi) * mm + DUNG_SAI
    problems = []
    for d in doc.dong:
        if d.trai < left or d.phai > right or d.muc_tren < top or d.muc_duoi > bottom:
            problems.append(f"page {d.trang}: {d.chu[:30]!r} passes the margins")
        elif d.trang == 1 and doc.day_trang_dau and d.muc_duoi > doc.day_trang_dau + DUNG_SAI:
            problems.append(f"page 1: {d.chu[:30]!r} runs into the footer (box 13)")
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


def khong_chu_thich(vb: VanBan) -> VanBan:
    """The directive without its footnotes: the PDF prints each call's number and the notes
    among the page's text, which the line matcher does not read (Word keeps them in their own
    part); footnotes are tested in test_chu_doan."""
    if not vb.chu_thich:
        return vb
    data = vb.model_dump()
    data["noi_dung"] = [
        {**d, "doan": re.sub(r"\[\^[^\]]+\]", "", d["doan"])} if d["doan"] else d
        for d in data["noi_dung"]
    ]
    data["chu_thich"] = {}
    return VanBan.model_validate(data, context={"hom_nay": HOM_NAY})


def bien_the_noi_nhan(n: int) -> VanBan:
    """The ``n % k``-th of the k examples with a Nơi nhận of ``2 + 2n`` lines (the Lưu line
    included), without footnotes (``khong_chu_thich``)."""
    # Examples with tables stay out: these checks read paragraphs on portrait pages (#9); so
    # do those naming images, read beside their file only (the variants are rendered bare).
    examples = sorted(
        p
        for p in EXAMPLES.glob("*.yaml")
        if "bang:" not in (text := p.read_text("utf-8")) and "anh_chu_ky:" not in text
    )
    base = khong_chu_thich(doc_tep(examples[n % len(examples)], HOM_NAY))
    lines = [NoiNhan(ten=t) for t in NOI_NHAN[: 1 + 2 * n]]
    return base.model_copy(update={"noi_nhan": lines})


def bien_the() -> dict[str, VanBan]:
    """Every document of both sweeps, by a name saying what it varies."""
    out = {f"than-{n:02d}": bien_the_than(n) for n in range(SO_BIEN_THE)}
    out |= {f"noi-nhan-{2 + 2 * n:02d}": bien_the_noi_nhan(n) for n in range(SO_BIEN_THE)}
    return out


def _bao_cao() -> None:
    """Print, per output and rule, how many documents of each sweep break the rule."""
    renderer = Renderer()
    trang = renderer.bang.trang
    docs = bien_the()
    rendered = {name: renderer.ket_xuat(vb, hom_nay=HOM_NAY) for name, vb in docs.items()}
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


def dau_trang_in(doc: TrangIn) -> list[str]:
    """The first line of the text area of each page, without spaces."""
    first: dict[int, str] = {}
    for line in doc.dong:
        first.setdefault(line.trang, line.chu)
    return [first.get(page, "") for page in range(1, doc.so_trang + 1)]


if __name__ == "__main__":
    _bao_cao()
