"""The type face of the PDF: which files stand in for Times New Roman, and how wide text is.

Decree 30 prescribes Times New Roman. Where fontconfig has it, the PDF uses it; otherwise it uses
TeX Gyre Termes from the PyPI package ``rinoh-typeface-texgyretermes`` (a dependency, so the PDF
never depends on what the machine happens to have). Termes has the advance widths of Times: the
Quốc hiệu at 13 pt bold measures 9.567 cm in both. ``VANTHU_PDF_FONT`` picks one explicitly:
``auto`` (default), ``termes`` or ``times``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from ..errors import RenderError

#: (bold, italic) → a style's file.
Styles = dict[tuple[bool, bool], Path]

_TERMES_FILES = {
    (False, False): "texgyretermes-regular.otf",
    (True, False): "texgyretermes-bold.otf",
    (False, True): "texgyretermes-italic.otf",
    (True, True): "texgyretermes-bolditalic.otf",
}
_TIMES_STYLES = {
    (False, False): "Regular",
    (True, False): "Bold",
    (False, True): "Italic",
    (True, True): "Bold Italic",
}


@dataclass(frozen=True)
class MatChu:
    """A type face: its family name and one file per style."""

    ten: str
    tep: tuple[tuple[tuple[bool, bool], Path], ...]

    def file(self, bold: bool, italic: bool) -> Path:
        """The file of one style."""
        return dict(self.tep)[(bold, italic)]


def _termes() -> MatChu:
    # find_spec locates the package without importing it (its __init__ imports rinohtype).
    spec = importlib.util.find_spec("rinoh_typeface_texgyretermes")
    if spec is None or not spec.submodule_search_locations:
        raise RenderError("font", "the package rinoh-typeface-texgyretermes is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    files = {k: folder / name for k, name in _TERMES_FILES.items()}
    return MatChu("TeX Gyre Termes", tuple(sorted(files.items())))


def _times_new_roman() -> MatChu | None:
    """Times New Roman as fontconfig lists it, if all four styles are installed."""
    if shutil.which("fc-list") is None:
        return None
    out = subprocess.run(
        ["fc-list", ":family=Times New Roman", "file", "style"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    files: Styles = {}
    for line in out.splitlines():
        path, _, styles = line.partition(": style=")
        names = {s.strip() for s in styles.split(",")}
        for key, name in _TIMES_STYLES.items():
            if name in names:
                files[key] = Path(path.rstrip(":"))
    if len(files) < 4:
        return None
    return MatChu("Times New Roman", tuple(sorted(files.items())))


@cache
def mat_chu_pdf(choice: str | None = None) -> MatChu:
    """The face the PDF is set in, per ``choice`` or ``VANTHU_PDF_FONT``.

    Raises:
        RenderError: ``times`` asked for but not installed, or an unknown choice.
    """
    choice = (choice or os.environ.get("VANTHU_PDF_FONT") or "auto").lower()
    if choice == "termes":
        return _termes()
    if choice in {"auto", "times"}:
        times = _times_new_roman()
        if times is not None:
            return times
        if choice == "times":
            raise RenderError("VANTHU_PDF_FONT", "Times New Roman is not installed here")
        return _termes()
    raise RenderError("VANTHU_PDF_FONT", f"'{choice}' is not one of auto, termes, times")


class DoRongChu:
    """Measures text in a face, from its advance widths (no kerning: what Word does by default)."""

    def __init__(self, mat_chu: MatChu) -> None:
        self._widths: dict[tuple[bool, bool], tuple[dict[int, float], float]] = {}
        for key, path in mat_chu.tep:
            with TTFont(str(path), lazy=True) as font:
                upm = font["head"].unitsPerEm
                hmtx = font["hmtx"]
                cmap = font.getBestCmap()
                widths = {cp: hmtx[name][0] / upm for cp, name in cmap.items()}
                self._widths[key] = (widths, hmtx[".notdef"][0] / upm)

    def cm(self, text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
        """Width of ``text`` set on one line, in centimetres."""
        widths, notdef = self._widths[(bold, italic)]
        em = sum(widths.get(ord(ch), notdef) for ch in text)
        return em * size_pt * 2.54 / 72


@cache
def do_rong_chu(mat_chu: MatChu) -> DoRongChu:
    """A measurer per face, loaded once per process."""
    return DoRongChu(mat_chu)
