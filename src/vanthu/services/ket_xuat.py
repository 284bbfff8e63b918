"""The render use case: a directive file in, DOCX and PDF files out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RenderError
from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from .kiem_tra import kiem_tra_tep_anh, kiem_tra_van_ban

if TYPE_CHECKING:
    from ..rendering.renderer import Renderer


class DinhDang(StrEnum):
    """Output formats a user asks for."""

    docx = "docx"
    pdf = "pdf"
    both = "both"


@dataclass(frozen=True)
class TepKetXuat:
    """Paths written for one directive."""

    docx: Path | None
    pdf: Path | None

    def paths(self) -> list[Path]:
        """The written paths, DOCX first."""
        return [p for p in (self.docx, self.pdf) if p is not None]


@cache
def renderer() -> Renderer:
    """The process-wide renderer (style sheet, fonts and WeasyPrint state loaded once).

    Imported here, on first use: the commands that draw no directive never load WeasyPrint.
    """
    from ..rendering.renderer import Renderer

    return Renderer()


def mo_ta_phong_chu(dinh_dang: DinhDang = DinhDang.both) -> list[str]:
    """What ``vanthu render --verbose`` says about fonts: the face the PDF embeds (family,
    version, origin, one file per style) and the family the DOCX names.

    Raises:
        InvalidSetting: ``VANTHU_FONT_DIR`` names a folder that cannot be used.
    """
    r = renderer()
    lines = []
    if dinh_dang in {DinhDang.pdf, DinhDang.both}:
        first, *files = r.mat_chu.mo_ta()
        lines += [f"PDF font (embedded, the styles used as subsets): {first}", *files]
    if dinh_dang in {DinhDang.docx, DinhDang.both}:
        lines.append(f"DOCX font (named by the styles, not embedded): {r.bang.phong_chu}")
    return lines


def phong_chu_pdf() -> str:
    """The face the PDF will embed, in one line (family, version, origin), read without loading
    the renderer: what ``vanthu serve`` checks and names at start-up.

    Raises:
        InvalidSetting: ``VANTHU_FONT_DIR`` names a folder that cannot be used, or the retired
            ``VANTHU_PDF_FONT`` is set.
    """
    from ..rendering.fonts import mat_chu_pdf

    return mat_chu_pdf().mo_ta()[0]


def ket_xuat_van_ban(
    vb: VanBan,
    thu_muc: Path,
    ten: str,
    dinh_dang: DinhDang = DinhDang.both,
    pdf_a: bool = False,
    hom_nay: dt.date | None = None,
    nguon: str | None = None,
    anh: dict[str, AnhDaDoc] | None = None,
) -> TepKetXuat:
    """Render a validated directive into ``thu_muc/<ten>.docx`` and ``.pdf``.

    The preflight runs first: nothing is written for a directive that cannot be drawn.
    ``nguon`` names the directive in errors (default: ``ten``); ``anh`` holds the checked
    images it names (the file commands read them beside the file).

    Raises:
        InvalidDirective, UnsupportedLayout, RenderError: see :mod:`vanthu.errors`.
    """
    kiem_tra_van_ban(vb, nguon or ten)
    want_docx = dinh_dang in {DinhDang.docx, DinhDang.both}
    want_pdf = dinh_dang in {DinhDang.pdf, DinhDang.both}
    result = renderer().ket_xuat(
        vb, docx=want_docx, pdf=want_pdf, pdf_a=pdf_a, hom_nay=hom_nay, anh=anh
    )
    try:
        thu_muc.mkdir(parents=True, exist_ok=True)
        docx = pdf = None
        if result.docx is not None:
            docx = thu_muc / f"{ten}.docx"
            docx.write_bytes(result.docx)
        if result.pdf is not None:
            pdf = thu_muc / f"{ten}.pdf"
            pdf.write_bytes(result.pdf)
    except OSError as error:
        raise RenderError(str(thu_muc), f"cannot write the output: {error}") from None
    return TepKetXuat(docx=docx, pdf=pdf)


def ket_xuat_tep(
    path: Path,
    thu_muc: Path,
    dinh_dang: DinhDang = DinhDang.both,
    pdf_a: bool = False,
    hom_nay: dt.date | None = None,
) -> TepKetXuat:
    """Read, validate and render one directive file, named after the file's stem."""
    vb, anh = kiem_tra_tep_anh(path, hom_nay)
    return ket_xuat_van_ban(vb, thu_muc, path.stem, dinh_dang, pdf_a, hom_nay, str(path), anh)
