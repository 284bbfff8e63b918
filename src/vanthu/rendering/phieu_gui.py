"""Phiếu gửi: the per-recipient transmittal slip, one A5 landscape PDF page set by Typst.

Distribution gives every recipient body the identical issued document plus this slip, so the
slip is the only thing drawn per recipient and must be cheap (≈3 ms here, see
``benchmarks/phieu_gui.py``). Typst (the ``typst`` wheel, Apache-2.0) lays the page out and
embeds subsets of the bundled Liberation Serif as they are, and it memoises between
compilations, so a warm compiler redoes little for each new slip. Zint, through the
``zxing-cpp`` wheel (Apache-2.0), encodes the QR code as SVG in C++.

Page: A5 landscape (210 × 148 mm), half an A4 sheet. A slip holds about ten lines and a QR code;
an A4 page would stay mostly empty, and landscape gives the document line the full width
(about 80 characters a line at 14 pt), so even a long subject takes three or four lines.

Every value reaches the template as a plain string in ``sys.inputs``, never as Typst markup,
so a ``*``, ``#`` or ``$`` in a body's name is printed as it is.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

import typst
import zxingcpp

from ..errors import RenderError
from ..schemas.gio import GIO_VIET_NAM
from .fonts import LIBERATION_SERIF, bang_ma, mat_chu_kem_theo
from .ngay_thang import ngay_vn

#: The family every slip is set in (the bundled face, whatever ``VANTHU_FONT_DIR`` says: the slip
#: is vanthu's, not a Decree 30 document); ``PhieuGuiRenderer`` loads no other face.
HO_CHU = LIBERATION_SERIF
#: Error correction of the QR code: M restores up to 15 % of a smudged or folded code.
MUC_SUA_LOI_QR = "M"
#: The styles the slip uses, as (bold, Typst's style name) → what an error calls them.
_KIEU = {(False, "normal"): "regular", (True, "normal"): "bold", (False, "italic"): "italic"}

# The slip's layout. Kept here rather than as package data until setup.cfg's package_data lists
# a .typ file. ``phieu(k)`` draws the slip at step k: step 0 sets the text at 14 pt, each step
# one point smaller (and the QR code 2 mm narrower), down to 7 pt at step 7. ``d.buoc`` "0"
# draws step 0 straight onto the page (one layout: what nearly every slip needs) and stops with
# ``_KHONG_VUA`` if it spills; "tu-dong" measures the steps and draws the first that fits, so a
# body name of DONG_TOI_DA characters and a trích yếu of TRICH_YEU_TOI_DA wrap and shrink
# rather than spill. A slip that does not fit even at 7 pt (only past the input limits) is an
# error.
_TEMPLATE = """\
#let d = sys.inputs
#set document(title: d.tieu_de, author: d.co_quan_gui)
#set page(paper: "a5", flipped: true, margin: (top: 12mm, bottom: 10mm, left: 20mm, right: 15mm))
#set text(font: "Liberation Serif", size: 14pt, lang: "vi", hyphenate: false,
  bottom-edge: "descender")
#set par(justify: true, leading: 0.45em, spacing: 0.9em)

#let phieu(k) = {
  let co = 14pt - k * 1pt
  set text(size: co)
  align(center)[
    #text(size: 13pt - k * 0.5pt, weight: "bold", d.co_quan_gui)
    #v(-0.6em)
    #line(length: 30mm, stroke: 0.5pt)
    #v(0.3em)
    #text(size: 15pt - k * 0.5pt, weight: "bold", "PHIẾU GỬI")
    #v(-0.7em)
    #text(size: 13pt - k * 0.5pt, style: "italic", [Mã theo dõi: #d.ma_theo_doi])
  ]
  v(1fr)
  [Kính gửi: #text(weight: "bold", d.co_quan_nhan)]
  parbreak()
  [Văn bản gửi: #d.van_ban]
  parbreak()
  [Ngày gửi: #d.ngay_gui]
  v(2fr)
  line(length: 100%, stroke: 0.5pt)
  v(-0.6em)
  grid(
    columns: (40mm - k * 2mm, 1fr),
    column-gutter: 3mm,
    align: horizon,
    image(bytes(d.qr), format: "svg", width: 40mm - k * 2mm),
    {
      set par(justify: false)
      text(size: 13pt - k * 0.5pt, style: "italic", d.loi_de_nghi)
      parbreak()
      [Mã xác nhận: ]
      text(weight: "bold", d.ma_xac_nhan)
    },
  )
}

#if d.buoc == "0" {
  phieu(0)
  context if counter(page).final().first() > 1 { panic("KHONG_VUA") }
} else {
  layout(area => {
    let steps = range(8)
    let fits(k) = measure(block(width: area.width, phieu(k))).height <= area.height
    let k = steps.find(fits)
    if k == none {
      panic("the slip does not fit on one page: the document line or a name is too long")
    }
    block(width: 100%, height: area.height, phieu(k))
  })
}
""".encode()
#: What the template panics with when step 0 spills onto a second page.
_KHONG_VUA = "KHONG_VUA"

#: The instruction printed beside the QR code.
LOI_DE_NGHI = (
    "Đề nghị quý cơ quan xác nhận đã nhận văn bản bằng cách quét mã QR"
    " hoặc dùng mã xác nhận dưới đây:"
)


@dataclass(frozen=True)
class NoiDungPhieuGui:
    """What one slip shows; text is normalised to NFC when drawn.

    Attributes:
        co_quan_gui: the sending body, as printed at the top ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN").
        co_quan_nhan: the recipient body's full name ("Sở Y tế tỉnh Ninh Thuận").
        van_ban: the document sent ("Công điện số 18/CĐ-UBND ngày 13/9/2021 về việc …").
        ma_theo_doi: the tracking code ("VT-2021-000123").
        ngay_gui: the day the document is sent.
        ma_xac_nhan: the acknowledgement token, printed in clear.
        qr: what the QR code carries (the token or an acknowledgement URL).
    """

    co_quan_gui: str
    co_quan_nhan: str
    van_ban: str
    ma_theo_doi: str
    ngay_gui: dt.date
    ma_xac_nhan: str
    qr: str


class PhieuGuiRenderer:
    """Draws slips: built once (faces loaded once), then reused for every slip.

    Not thread-safe: a Typst compiler serves one compilation at a time, so give each thread its
    own ``PhieuGuiRenderer``.
    """

    def __init__(self) -> None:
        """Load the bundled Liberation Serif (never system fonts).

        Raises:
            RenderError: the face lacks a style the slip uses.
        """
        mat_chu = mat_chu_kem_theo()
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(mat_chu.file(bold=False, italic=False).parent)],
        )
        found = {(f.weight >= 600, f.style) for f in fonts.fonts() if f.family == HO_CHU}
        missing = [name for key, name in _KIEU.items() if key not in found]
        if missing:
            raise RenderError("phiếu gửi", f"{HO_CHU} has no {', '.join(missing)} style")
        self._compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
        # Typst prints a missing glyph as an empty box without a warning: refuse such text here.
        self._bang_ma = bang_ma(mat_chu)

    def ve(self, phieu: NoiDungPhieuGui) -> bytes:
        """The PDF of one slip (one page, fonts embedded); identical input gives identical bytes.

        Raises:
            RenderError: a field is empty or has a character the face lacks, or the slip does
                not fit on one page.
        """
        where = f"phiếu gửi {phieu.ma_theo_doi}"
        values = {
            name: self._chu(where, name, getattr(phieu, name))
            for name in ("co_quan_gui", "co_quan_nhan", "van_ban", "ma_theo_doi", "ma_xac_nhan")
        }
        values["ngay_gui"] = ngay_vn(phieu.ngay_gui)
        values["tieu_de"] = f"Phiếu gửi {values['ma_theo_doi']}"
        values["loi_de_nghi"] = LOI_DE_NGHI
        # The QR code carries the caller's string byte for byte: the acknowledgement compares it.
        try:
            values["qr"] = zxingcpp.create_barcode(
                phieu.qr, zxingcpp.BarcodeFormat.QRCode, ec_level=MUC_SUA_LOI_QR
            ).to_svg(add_quiet_zones=True)
        except ValueError as error:  # empty, or too long for a QR code
            raise RenderError(f"{where}: qr", str(error)) from None
        ngay = phieu.ngay_gui  # the PDF's creation date: midnight of the day sent, in Vietnam
        timestamp = dt.datetime(ngay.year, ngay.month, ngay.day, tzinfo=GIO_VIET_NAM)
        try:
            try:
                pdf, warnings = self._compiler.compile_with_warnings(
                    input=_TEMPLATE, sys_inputs={**values, "buoc": "0"}, timestamp=timestamp
                )
            except typst.TypstError as error:
                if _KHONG_VUA not in error.message:
                    raise
                # A long name or subject: measure the steps and draw the largest that fits.
                pdf, warnings = self._compiler.compile_with_warnings(
                    input=_TEMPLATE, sys_inputs={**values, "buoc": "tu-dong"}, timestamp=timestamp
                )
        except typst.TypstError as error:
            raise RenderError(where, error.message) from None
        if warnings:
            raise RenderError(where, "; ".join(w.message for w in warnings))
        if not isinstance(pdf, bytes):
            raise RenderError(where, "Typst returned no PDF")
        return pdf

    def _chu(self, where: str, name: str, value: str) -> str:
        """A field's text in NFC, refused if blank or if the face has no glyph for a character."""
        text = unicodedata.normalize("NFC", value).strip()
        if not text:
            raise RenderError(f"{where}: {name}", "is empty")
        lacking = sorted({ch for ch in text if ord(ch) not in self._bang_ma})
        if lacking:
            shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in lacking)
            raise RenderError(f"{where}: {name}", f"{HO_CHU} has no glyph for {shown}")
        return text
