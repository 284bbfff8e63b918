"""Draws a layout (BoCuc) as HTML and prints it to PDF with WeasyPrint, in the same styles."""

from __future__ import annotations

import atexit
import base64
import logging
import shutil
import warnings
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..errors import RenderError
from .bang_noi_dung import (
    CAO_DONG_BANG,
    CO_CHU_BANG,
    DEM_DOC,
    DEM_NGANG,
    VIEN_BANG,
    trang_ngang,
)
from .bo_cuc import CO_CHU_CHU_THICH as CO_CHU
from .bo_cuc import (
    KHOANG_KE,
    PT_MOI_CM,
    VIEN_KE,
    VIEN_KHUNG,
    AnhBoCuc,
    Bang,
    BoCuc,
    Chu,
    DoanBoCuc,
    DuongKe,
    HaiCot,
    OBangBoCuc,
    PhanRieng,
    thuoc_tinh,
)
from .fonts import MatChu
from .nap_weasyprint import HTML, FontConfiguration
from .styles import DONG_DON, BangKieu, Kieu, ParagraphFormat

_STYLES = {
    (False, False): "",
    (True, False): "font-weight: bold;",
    (False, True): "font-style: italic;",
    (True, True): "font-weight: bold; font-style: italic;",
}


def _dam_nghieng(style: ParagraphFormat) -> tuple[bool, bool]:
    return style.dam, style.nghieng


def xuong_dong(text: str) -> Markup:
    """Text escaped for HTML, each "\n" a forced line break (``<br>``)."""
    return Markup("<br>").join(escape(text).split("\n"))


def _css(style: ParagraphFormat) -> str:
    """CSS of one paragraph style.

    Spacing above is a top margin: no style has space below, so collapsing changes nothing, and
    a margin is dropped at the head of a page, as Word and LibreOffice drop space before there
    (as padding it pushed every page after the first 6 pt lower than in the DOCX).
    """
    rules = [
        f"font-size: {style.co_chu}pt;",
        f"font-weight: {'bold' if style.dam else 'normal'};",
        f"font-style: {'italic' if style.nghieng else 'normal'};",
        f"text-align: {style.can_le.value};",
        f"margin-top: {style.cach_truoc}pt;",
        f"text-indent: {style.thut_dau}cm;",
        f"margin-left: {style.le_trai}cm;",
        f"line-height: {f'{style.dong}pt' if style.dong else DONG_DON};",
    ]
    return " ".join(rules)


#: Characters in one HTML text run. WeasyPrint re-encodes the rest of a text box for every line
#: it breaks, so a paragraph set as one box costs time in the square of its length (a 300 KB
#: paragraph: 18 s); cut into runs of this size, at spaces, it costs time in proportion.
MANH_TOI_DA = 1000


def manh(text: str, toi_da: int = MANH_TOI_DA) -> list[str]:
    """``text`` cut into runs of about ``toi_da`` characters, after a space where there is one.

    The runs join back to the text exactly, so the printed lines do not change.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > toi_da:
        cut = text.rfind(" ", start + toi_da // 2, start + toi_da)
        end = cut + 1 if cut >= 0 else start + toi_da
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def o_bang(o: OBangBoCuc) -> Markup:
    """A cell's lines as HTML, each after a line break (the DOCX cell has a paragraph a line,
    of the same exact height); an empty line keeps its height, as an empty Word paragraph
    does."""
    return Markup("<br>").join(line or "\u00a0" for line in o.dong)


def anh_src(anh: AnhBoCuc) -> str:
    """An image as a data URI: the HTML reads no file."""
    return "data:image/png;base64," + base64.b64encode(anh.png).decode("ascii")


@cache
def html_environment() -> jinja2.Environment:
    """The Jinja environment of the HTML templates (package data ``templates_html/``)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vanthu.rendering", "templates_html"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["duong_ke"] = lambda block: isinstance(block, DuongKe)
    env.tests["hai_cot"] = lambda block: isinstance(block, HaiCot)
    env.tests["bang"] = lambda block: isinstance(block, Bang)
    env.tests["phan"] = lambda block: isinstance(block, PhanRieng)
    # A cell whose last paragraph keeps with what follows: its row keeps with the next row.
    env.tests["giu_voi_sau"] = lambda cell: bool(cell) and getattr(cell[-1], "giu_voi_sau", False)
    env.filters["manh"] = manh
    env.filters["xuong_dong"] = xuong_dong
    env.filters["thuoc_tinh"] = thuoc_tinh
    return env


@cache
def font_config() -> FontConfiguration:
    """The process-wide WeasyPrint font configuration; its temporary folder goes at exit.

    One shared configuration keeps a long-lived process flat in memory (≈0.2 MiB per render
    otherwise) and lets WeasyPrint reuse loaded faces. WeasyPrint copies the faces into a
    ``weasyprint-*`` folder under the temporary directory and removes it only in ``__del__``,
    which a cached object never reaches before the interpreter tears down: every process left
    568 KB behind. The folder is removed when the process exits.
    """
    config = FontConfiguration()
    atexit.register(_don_thu_muc_tam, config)
    return config


def _don_thu_muc_tam(config: FontConfiguration) -> None:
    """Remove a font configuration's temporary folder (WeasyPrint's ``_folder``), if any."""
    folder = getattr(config, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        config._folder = None


class _WeasyLog(logging.Handler):
    """Collects WeasyPrint's warnings for one render: a warning is a rendering defect."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class PdfWriter:
    """Writes layouts as PDF files in one face and one style sheet."""

    def __init__(self, bang: BangKieu, mat_chu: MatChu) -> None:
        self.bang = bang
        self.mat_chu = mat_chu
        self._template = html_environment().get_template("van_ban.html.j2")

    def html(self, bo_cuc: BoCuc) -> str:
        """The HTML the PDF is printed from."""
        bang = self.bang

        def doan_style(doan: DoanBoCuc, container: float) -> str:
            rules = []
            if doan.cach_truoc is not None:
                rules.append(f"margin-top: {doan.cach_truoc}pt")
            if doan.le_trai is not None:
                rules.append(f"margin-left: {doan.le_trai}cm")
            if doan.thut_dau is not None:
                rules.append(f"text-indent: {doan.thut_dau}cm")
            if doan.giu_voi_sau:
                rules.append("break-after: avoid")
            if doan.giu_tron:
                rules.append("break-inside: avoid")
            if doan.khung is not None:
                # Space above sits outside the box, as Word draws a bordered paragraph.
                above = bang[doan.kieu].cach_truoc if doan.cach_truoc is None else doan.cach_truoc
                side = max((container - doan.khung) / 2, 0)
                rules += [
                    f"margin-top: {above}pt",
                    "padding: 1pt 0 0",
                    f"margin-left: {side + doan.khung_lech:.3f}cm",
                    f"margin-right: {side - doan.khung_lech:.3f}cm",
                    f"border: {VIEN_KHUNG}pt solid #{doan.khung_colour or '000000'}",
                ]
                if doan.khung_cao is not None:
                    # The box is exactly this tall, its line in the middle.
                    line = bang[doan.kieu].cao_dong
                    pad = (doan.khung_cao * PT_MOI_CM - 2 * VIEN_KHUNG - line) / 2
                    rules += [
                        "box-sizing: border-box",
                        f"height: {doan.khung_cao}cm",
                        f"padding: {pad:.2f}pt 0 0",
                    ]
            if doan.ke_tren:
                # Word's top border: its line, then its distance to the text.
                rules += [f"border-top: {VIEN_KE}pt solid black", f"padding-top: {KHOANG_KE}pt"]
            return "; ".join(rules)

        def chu_style(doan: DoanBoCuc | None, chu: Chu) -> str:
            """A run's CSS; ``doan`` None: a footnote's run (upright, regular by default)."""
            dam, nghieng = (False, False) if doan is None else _dam_nghieng(bang[doan.kieu])
            rules = []
            if chu.dam is not None and chu.dam != dam:
                rules.append(f"font-weight: {'bold' if chu.dam else 'normal'}")
            if chu.nghieng is not None and chu.nghieng != nghieng:
                rules.append(f"font-style: {'italic' if chu.nghieng else 'normal'}")
            if chu.colour:
                rules.append(f"color: #{chu.colour}")
            if chu.lien:
                rules.append("white-space: nowrap")
            return "; ".join(rules)

        def o_lop(o: OBangBoCuc) -> str:
            return f"can-{o.can.value}" + (" dam" if o.dam else "")

        def anh_style(anh: AnhBoCuc) -> str:
            # Out of the flow: no line moves. Placed from an empty block just before the
            # paragraph, whose top is where the paragraph's space above begins (the margin
            # collapses through it); the paragraph itself is not positioned, so its text keeps
            # its place in the PDF's reading order (a positioned box is painted after the rest).
            return (
                f"position: absolute; left: {anh.x:.4f}cm; top: {anh.y:.4f}cm; "
                f"width: {anh.rong:.4f}cm; height: {anh.cao:.4f}cm"
            )

        faces = [(_STYLES[key], path.as_uri()) for key, path in self.mat_chu.tep]
        context: dict[str, Any] = {
            "bo_cuc": bo_cuc,
            "version": __version__,
            "mat_chu": self.mat_chu,
            "font_faces": faces,
            "trang": bang.trang,
            # Page 1's bottom margin: room for box 13 if it is taller than the margin leaves.
            "le_duoi_dau": round(
                max(
                    bang.trang.le_duoi,
                    bang.trang.chan_trang + bo_cuc.cao_chan_trang_dau / PT_MOI_CM,
                ),
                4,
            ),
            "css": {k: _css(v) for k, v in bang.kieu.items()},
            "so_trang": Kieu.SO_TRANG,
            "css_classes": [(k.css_class, _css(v)) for k, v in bang.kieu.items()],
            "duong_ke": bang[Kieu.DUONG_KE],
            "vien_ke": VIEN_KE,
            "khoang_ke": KHOANG_KE,
            "doan_style": doan_style,
            "chu_style": chu_style,
            "ngang": trang_ngang(bang.trang),
            "vien_bang": VIEN_BANG / 8,
            "o_lop": o_lop,
            "o_bang_css": {
                "dem_doc": DEM_DOC,
                "dem": DEM_NGANG,
                "co_chu": CO_CHU_BANG,
                "cao_dong": CAO_DONG_BANG,
            },
            "o_bang": o_bang,
            "chu_thich": {"co_chu": CO_CHU, "dong": DONG_DON, "cach": 6},
            "anh_style": anh_style,
            "anh_src": anh_src,
            # Each part's page name (by its place among the blocks, as the template counts)
            # and whether it opens on a landscape page.
            "phan": [
                (f"phan_{i}", b.mo_ngang)
                for i, b in enumerate(bo_cuc.khoi, 1)
                if isinstance(b, PhanRieng)
            ],
        }
        return self._template.render(context)

    def ghi(self, bo_cuc: BoCuc, pdf_a: bool = False) -> bytes:
        """The PDF file of a layout, as bytes; ``pdf_a`` makes it PDF/A-2b for archiving.

        Raises:
            RenderError: WeasyPrint warned (a missing font, a bad style): the PDF would be wrong.
        """
        document = self.dung_trang(bo_cuc)
        return self.in_pdf(document, pdf_a)

    def dung_trang(self, bo_cuc: BoCuc) -> Any:
        """Lay the pages out (WeasyPrint's ``render``), without writing the PDF yet."""
        return self.guarded(
            lambda: HTML(string=self.html(bo_cuc)).render(font_config=font_config())
        )

    def in_pdf(self, document: Any, pdf_a: bool = False) -> bytes:
        """Write laid-out pages as PDF bytes."""
        options: dict[str, Any] = {"custom_metadata": True}
        if pdf_a:
            options["pdf_variant"] = "pdf/a-2b"
        with warnings.catch_warnings():
            # WeasyPrint's PDF/A output intent opens sRGB2014.icc and never closes it.
            warnings.filterwarnings(
                "ignore", r"unclosed file .*sRGB2014\.icc", category=ResourceWarning
            )
            return bytes(self.guarded(lambda: document.write_pdf(**options)))

    @staticmethod
    def guarded(work: Any) -> Any:
        """Run a WeasyPrint step; raise RenderError if WeasyPrint warned during it."""
        logger = logging.getLogger("weasyprint")
        handler = _WeasyLog()
        logger.addHandler(handler)
        try:
            result = work()
        finally:
            logger.removeHandler(handler)
        if handler.messages:
            raise RenderError("PDF", "; ".join(handler.messages))
        return result
