"""The layout description (bố cục): one page model that both the DOCX and the PDF writer draw.

Everything a writer needs is decided here — which style each line takes, where lines break in
the header, title and signature block, how long each rule is, how wide each column is — so the
two outputs cannot drift apart. Lengths are in cm, spacing in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .styles import CanLe, Kieu

#: Width in points of the single line a box (khung) is drawn with.
VIEN_KHUNG = 1.0
#: Width in points of a rule (đường kẻ), and its distance to its paragraph's (empty) line: Word
#: and LibreOffice add both to the height of the paragraph that carries the rule as a border, so
#: the PDF does too (without them the DOCX's text ran 2 pt lower after each rule).
VIEN_KE = 0.75
KHOANG_KE = 1
PT_MOI_CM = 72 / 2.54
#: Size in points of a footnote's text (and of its number), in both outputs.
CO_CHU_CHU_THICH = 10

#: Characters in a metadata property (title, author …): python-docx refuses longer DOCX core
#: properties, and the PDF carries the same values.
THUOC_TINH_TOI_DA = 255


def thuoc_tinh(text: str, toi_da: int = THUOC_TINH_TOI_DA) -> str:
    """A core property's value: the text, or its words up to ``toi_da`` characters and "…".

    Only the property is shortened; the printed text never is. A first word longer than the
    limit is cut inside the word.
    """
    text = " ".join(text.split())
    if len(text) <= toi_da:
        return text
    head = text[: toi_da - 1]
    cut = head.rfind(" ")
    if cut > 0:
        head = head[:cut]
    return head.rstrip(" ,;:.-") + "…"


@dataclass(frozen=True)
class Chu:
    """A run of text; ``dam``/``nghieng`` None means "as the style says".

    A "\n" in the text is a forced line break within the paragraph. A footnote call is a run
    with no text whose ``chu_thich`` holds the note's runs; the writers number the calls 1, 2, …
    in order. ``lien``: the run never breaks across lines (a number and symbol, a marker and
    its word).
    """

    text: str
    dam: bool | None = None
    nghieng: bool | None = None
    colour: str | None = None  # RGB hex colour, e.g. "FF0000" for a stamp
    lien: bool = False
    chu_thich: tuple[Chu, ...] | None = None


@dataclass(frozen=True)
class AnhBoCuc:
    """An image drawn over the page, never moving text (a signature, a seal): ``png`` bytes
    ``rong`` × ``cao`` cm, its top-left corner ``x`` cm right of its column's left edge and
    ``y`` cm below the top of its paragraph's space above (see ``rendering.cho_ky``)."""

    png: bytes
    x: float
    y: float
    rong: float
    cao: float
    vai_tro: str  # "chu_ky" (signature) or "con_dau" (seal)


@dataclass(frozen=True)
class DoanBoCuc:
    """A paragraph in one style, with optional overrides of indents and spacing."""

    kieu: Kieu
    chu: tuple[Chu, ...]
    cach_truoc: float | None = None
    le_trai: float | None = None
    thut_dau: float | None = None  # negative: a hanging indent
    khung: float | None = None  # drawn inside a single-line box this wide (outer edges), centred
    khung_cao: float | None = None  # the box's outer height; None: as tall as its lines
    khung_colour: str | None = None
    khung_lech: float = 0.0  # cm the box's centre stands right of its container's centre
    ke_tren: bool = False  # a solid rule over the paragraph, as wide as it (its top border)
    giu_voi_sau: bool = False  # keep with the next paragraph
    # Never split across pages: the body's last paragraph, which keeps with the signature.
    # LibreOffice moves such a paragraph whole whatever it is told; both outputs now say so.
    giu_tron: bool = False
    # The signer's name line that has the signature space above it ("nguoi_ky", "nguoi_ky_2"),
    # and the images drawn there: where a later signature appearance finds its place.
    cho_ky: str | None = None
    anh: tuple[AnhBoCuc, ...] = ()

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(c.text for c in self.chu)


@dataclass(frozen=True)
class DuongKe:
    """A solid horizontal rule this wide, centred in its container."""

    rong: float


Khoi = DoanBoCuc | DuongKe


@dataclass(frozen=True)
class HaiCot:
    """A borderless two-column table (header, signature): a first row that never splits across
    pages, then the left column's blocks that continue below it (``trai_tiep``), one row each,
    free to run onto the next page while the first row stays where it is."""

    rong: tuple[float, float]
    trai: tuple[Khoi, ...]
    phai: tuple[Khoi, ...]
    vai_tro: str  # "dau" (header) or "chu_ky" (signature and Nơi nhận)
    trai_tiep: tuple[Khoi, ...] = ()

    def o_doc(self) -> tuple[tuple[Khoi, ...], ...]:
        """The cells in reading order: the first row's left and right, then each row below."""
        return (self.trai, self.phai, *((b,) for b in self.trai_tiep))


@dataclass(frozen=True)
class OBangBoCuc:
    """A table cell: its lines (already broken to the column), the columns it spans, its
    alignment and weight."""

    dong: tuple[str, ...]
    can: CanLe
    gop: int = 1
    dam: bool = False

    @property
    def text(self) -> str:
        """The cell's text, its lines joined by spaces."""
        return " ".join(self.dong)


@dataclass(frozen=True)
class Bang:
    """A ruled table of the body (bảng): header rows repeated on every page it crosses, body
    rows that never split, cell text in its own size; ``ngang``: on landscape pages of its own.

    ``ten`` is the caption above it, ``sau`` the paragraphs that close it on its pages (the
    "./." of a body that ends with a table).
    """

    rong: tuple[float, ...]
    tieu_de: tuple[tuple[OBangBoCuc, ...], ...]
    dong: tuple[tuple[OBangBoCuc, ...], ...]
    co_chu: float  # pt: size of the cell text
    cao_dong: float  # pt: exact height of one line of cell text
    dem: float  # cm: padding between a cell's lines (rules) and its text, left and right
    dem_doc: float  # pt: padding above and below a cell's text
    ngang: bool = False
    ten: tuple[Khoi, ...] = ()
    sau: tuple[DoanBoCuc, ...] = ()

    def o_doc(self) -> tuple[tuple[Khoi, ...], ...]:
        """Caption, cells in reading order (header rows first), then the closing paragraphs."""
        cells = [
            tuple(DoanBoCuc(Kieu.NOI_DUNG, (Chu(line),)) for line in o.dong if line)
            for row in (*self.tieu_de, *self.dong)
            for o in row
        ]
        return (self.ten, *cells, self.sau)


KhoiTrang = DoanBoCuc | DuongKe | HaiCot | Bang


@dataclass(frozen=True)
class PhanRieng:
    """A part printed from a new page, its pages numbered again from 1, the first without a
    number (Decree 30, PL I III.1.đ): an annex (phụ lục), or the text a quyết định issues.

    ``ten`` names it ("Phụ lục II", "Quy chế"); ``mo_ngang``: its first block is a landscape
    table, whose pages then carry the part's heading and open its numbering.
    """

    ten: str
    khoi: tuple[KhoiTrang, ...]

    @property
    def mo_ngang(self) -> bool:
        """Whether the part opens on a landscape page."""
        return bool(self.khoi) and isinstance(self.khoi[0], Bang) and self.khoi[0].ngang


@dataclass(frozen=True)
class BoCuc:
    """A whole document: page body blocks in order, and the metadata both outputs carry."""

    khoi: tuple[KhoiTrang | PhanRieng, ...]
    tieu_de: str
    tac_gia: str
    chu_de: str = ""
    tu_khoa: tuple[str, ...] = field(default_factory=tuple)
    # Page 1's margins (le_trang): the header's box 11 and the footer's box 13, one paragraph
    # a printed line; the footer's height in points, which page 1's text area gives up when
    # it is taller than the bottom margin leaves room for (as Word and LibreOffice do).
    dau_trang_dau: tuple[DoanBoCuc, ...] = ()
    chan_trang_dau: tuple[DoanBoCuc, ...] = ()
    cao_chan_trang_dau: float = 0.0

    def dong_van_ban(self) -> list[str]:
        """Every paragraph's text in reading order (left cell before right): the text dump."""
        lines: list[str] = []
        for block in trai_phang(self.khoi):
            cells = block.o_doc() if isinstance(block, HaiCot | Bang) else ((block,),)
            for cell in cells:
                lines.extend(b.text for b in cell if isinstance(b, DoanBoCuc))
        return lines


def trai_phang(khoi: tuple[KhoiTrang | PhanRieng, ...]) -> list[KhoiTrang]:
    """The blocks in reading order, those of each part (PhanRieng) in its place."""
    out: list[KhoiTrang] = []
    for block in khoi:
        out.extend(block.khoi if isinstance(block, PhanRieng) else (block,))
    return out
