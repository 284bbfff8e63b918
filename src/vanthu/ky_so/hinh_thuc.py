"""What a signature looks like on the page (hình thức, spec §3.4 and §9): an image (the leader's
blue signature, the organisation's red seal) filling its box, or the organisation's text-only
box, 10 pt, for attachments and phụ lục issued as separate files.

The signing time shown is ISO 8601 in Vietnam time with its offset, to the second
(``2021-09-13T14:30:05+07:00``): the Decree's prose asks for ISO 8601 and the Vietnam zone
(spec §9); Mẫu 2.2's ``ngày/tháng/năm; giờ:phút:giây`` is read as a placeholder (spec §13,
open question 2). It is the same moment as the signature's signing time.

pyHanko lays stamp text out with the font's units per em taken as 1000 in places: a
2048-units TrueType face (Liberation Serif, Times New Roman) comes out widely spaced and
clipped. The face is therefore rescaled to 1000 units per em with fontTools, once per process,
and kept in memory.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from PIL import Image
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import BaseStampStyle, StaticStampStyle, TextStampStyle

from ..errors import SigningFailed
from ..schemas.gio import GIO_VIET_NAM

#: The text box's size (Decree 30 PL I, Part II: Times New Roman, regular, 10 pt, black).
CO_CHU = 10
#: Its line height, points.
DONG = 12
#: Units per em pyHanko lays text out right with.
UPEM = 1000


def thoi_gian_ky(thoi_diem: dt.datetime) -> str:
    """A signing time as the text box shows it: ISO 8601, Vietnam time, to the second."""
    return thoi_diem.astimezone(GIO_VIET_NAM).isoformat(timespec="seconds")


def kieu_anh(png: bytes) -> BaseStampStyle:
    """A stamp that is the image, stretched to its box (the box has the image's proportions),
    its transparent parts transparent, no border, no text.

    Raises:
        SigningFailed: the bytes are not an image Pillow reads.
    """
    try:
        image = Image.open(io.BytesIO(png))
        image.load()
    except (OSError, ValueError) as error:
        raise SigningFailed("appearance", f"the image cannot be read: {error}") from None
    return StaticStampStyle(
        background=PdfImage(image),
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MID,
            margins=Margins(0, 0, 0, 0),
            inner_content_scaling=InnerScaling.STRETCH_TO_FIT,
        ),
        background_opacity=1.0,
        border_width=0,
    )


def kieu_chu(phong_chu: Path, text: str) -> BaseStampStyle:
    """A text-only stamp: ``text`` (pyHanko's ``%(name)s`` parameters allowed; a literal
    ``%`` doubled) in ``phong_chu`` at 10 pt, black, no border, flush left and top."""
    font = _PhongChu1000(str(phong_chu), font_size=CO_CHU)
    return TextStampStyle(
        stamp_text=text,
        border_width=0,
        text_box_style=TextBoxStyle(
            font=font,
            font_size=CO_CHU,
            leading=DONG,
            border_width=0,
            box_layout_rule=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MIN,
                y_align=AxisAlignment.ALIGN_MAX,
                margins=Margins(0, 0, 0, 0),
            ),
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MAX,
            margins=Margins(0, 0, 0, 0),
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
    )


def do_rong(phong_chu: Path, text: str) -> float:
    """The width of one line of ``text`` at 10 pt, in points (advance widths, no kerning)."""
    font = _mo(phong_chu)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    units = sum(metrics[cmap.get(ord(c), ".notdef")][0] for c in text)
    return float(units * CO_CHU / UPEM)


@cache
def _mo(path: Path) -> TTFont:
    return TTFont(io.BytesIO(ban_1000(path)))


@cache
def ban_1000(phong_chu: Path) -> bytes:
    """The face at 1000 units per em, as font file bytes (kept for the process).

    Raises:
        SigningFailed: the file is not a font fontTools reads.
    """
    try:
        font = TTFont(str(phong_chu))
        if font["head"].unitsPerEm != UPEM:
            scale_upem(font, UPEM)
        # FontForge's timestamp table, which the subsetter does not know (and logs about).
        if "FFTM" in font:
            del font["FFTM"]
        out = io.BytesIO()
        font.save(out)
    except (OSError, KeyError, ValueError) as error:
        raise SigningFailed(str(phong_chu), f"the face cannot be used: {error}") from None
    return out.getvalue()


class _PhongChu1000(GlyphAccumulatorFactory):
    """pyHanko's font engine on the rescaled face held in memory (pyHanko's own opens the
    file and never closes it)."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(ban_1000(Path(self.font_file))),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )
