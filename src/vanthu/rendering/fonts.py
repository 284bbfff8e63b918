"""The type face of the PDF: the bundled Liberation Serif, or an office's own Times New Roman.

Decree 30 prescribes Times New Roman, which no free licence allows vanthu to ship. By default the
PDF embeds Liberation Serif 2.1.5, shipped inside the package (``liberation_serif/``, SIL OFL
1.1): it is metric-compatible with Times New Roman (the same advance widths and vertical
metrics, by design), it is the face LibreOffice lays a DOCX naming Times New Roman out with
(fontconfig's metric aliases), and it has every Vietnamese letter in all four styles. An office
that holds a licence for Times New Roman points ``VANTHU_FONT_DIR`` at a folder of its files;
vanthu then embeds those, after checking that the four styles are there and draw every
Vietnamese letter. The DOCX names Times New Roman either way (the Word template's styles), so
Word prints it in the reader's own Times New Roman.

``VANTHU_PDF_FONT`` (``auto``, ``termes``, ``times``) chose between TeX Gyre Termes and a Times
New Roman found by fontconfig until issue #9; it is refused with a message naming its successor,
so that an office which asked for Times New Roman that way does not silently get another face.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from fontTools.ttLib import TTFont

from ..errors import InvalidSetting

#: ((bold, italic), file) for each style of a face, in a fixed order.
TepKieu = tuple[tuple[tuple[bool, bool], Path], ...]

#: The environment variable naming a folder with the office's Times New Roman files.
BIEN_THU_MUC = "VANTHU_FONT_DIR"
#: The retired switch between the old faces; refused when set.
BIEN_CU = "VANTHU_PDF_FONT"
#: The family Decree 30 prescribes; the DOCX names it, an office's folder must hold it.
TIMES_NEW_ROMAN = "Times New Roman"
#: The bundled face, and the package folder its files are in.
LIBERATION_SERIF = "Liberation Serif"
_THU_MUC_KEM_THEO = "liberation_serif"
_TEP_KEM_THEO = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
#: What messages and ``--verbose`` call each style.
TEN_KIEU = {
    (False, False): "regular",
    (True, False): "bold",
    (False, True): "italic",
    (True, True): "bold italic",
}
#: File name endings read in an office's folder (TrueType and OpenType; not collections).
_DUOI_TEP = (".ttf", ".otf")


def _chu_viet() -> str:
    """Every letter of Vietnamese in NFC, both cases: the base letters and each vowel with each
    of the five tones (178 letters)."""
    base = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    lower = {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in tones}
    lower |= set(base)
    return "".join(sorted(lower | {c.upper() for c in lower}))


#: The letters every PDF face must draw in every style.
CHU_VIET = _chu_viet()


@dataclass(frozen=True)
class MatChu:
    """A type face: its family name, one file per style, its version and where it came from.

    Attributes:
        ten: the family name, used as the CSS family and recorded in the PDF (``/vanthufont``).
        tep: ((bold, italic), file) for the four styles.
        phien_ban: the version string of the regular file ("Version 2.1.5").
        nguon: where the files came from ("bundled with vanthu …", "from VANTHU_FONT_DIR /path").
    """

    ten: str
    tep: TepKieu
    phien_ban: str = ""
    nguon: str = ""

    def file(self, bold: bool, italic: bool) -> Path:
        """The file of one style."""
        return dict(self.tep)[(bold, italic)]

    def mo_ta(self) -> list[str]:
        """What ``vanthu render --verbose`` says about the face: a line, then one per style."""
        version = f" {self.phien_ban.removeprefix('Version ')}" if self.phien_ban else ""
        lines = [f"{self.ten}{version}, {self.nguon}"]
        lines += [f"  {name:<11} {self.file(*key)}" for key, name in TEN_KIEU.items()]
        return lines


def _ten(font: TTFont, name_id: int) -> str:
    """A name-table string (the Windows English record first), "" when absent."""
    value = font["name"].getDebugName(name_id)
    return value.strip() if value else ""


@cache
def mat_chu_kem_theo() -> MatChu:
    """Liberation Serif, shipped in the package."""
    folder = Path(str(resources.files("vanthu.rendering") / _THU_MUC_KEM_THEO))
    tep = tuple(sorted((key, folder / name) for key, name in _TEP_KEM_THEO.items()))
    nguon = f"bundled with vanthu (metric-compatible with {TIMES_NEW_ROMAN})"
    return MatChu(LIBERATION_SERIF, tep, _phien_ban(tep), nguon)


def _phien_ban(tep: TepKieu) -> str:
    """The version string of a face's regular file."""
    with TTFont(str(dict(tep)[(False, False)]), lazy=True) as font:
        return _ten(font, 5)


def mat_chu_pdf() -> MatChu:
    """The face the PDF is set in: the office's Times New Roman in ``VANTHU_FONT_DIR``, or the
    bundled Liberation Serif.

    Raises:
        InvalidSetting: ``VANTHU_PDF_FONT`` is set, or the folder ``VANTHU_FONT_DIR`` names
            cannot be used (see :func:`mat_chu_van_phong`).
    """
    if os.environ.get(BIEN_CU):
        raise InvalidSetting(
            BIEN_CU,
            f"no longer read: the PDF embeds the bundled {LIBERATION_SERIF}, or the "
            f"{TIMES_NEW_ROMAN} files in the folder that {BIEN_THU_MUC} names; unset it",
        )
    folder = os.environ.get(BIEN_THU_MUC)
    if not folder:
        return mat_chu_kem_theo()
    return mat_chu_van_phong(Path(folder))


@cache
def mat_chu_van_phong(folder: Path) -> MatChu:
    """The office's Times New Roman: the four styles found in ``folder`` by the fonts' own names.

    Every ``.ttf`` and ``.otf`` file directly in the folder is read; those whose family is Times
    New Roman are taken, each style told by the font's bold and italic flags, whatever the file
    is called (``times.ttf``, ``Times New Roman Bold.ttf``). Other families are ignored, so the
    folder may be a copy of a whole font directory.

    Raises:
        InvalidSetting: the folder cannot be read; a style is missing or given twice; a style
            lacks a Vietnamese letter (an old version: the "core fonts" of 1998 have none of
            the letters with two marks).
    """
    where = f"{BIEN_THU_MUC} {folder}"
    tep = _bon_kieu(folder, where)
    for key, path in tep:
        with TTFont(str(path), lazy=True) as font:
            cmap = font.getBestCmap()
        lacking = [ch for ch in CHU_VIET if ord(ch) not in cmap]
        if lacking:
            raise InvalidSetting(
                where,
                f"{path.name} ({TEN_KIEU[key]}) has no glyph for {len(lacking)} Vietnamese "
                f"letters ({''.join(lacking[:12])}{'…' if len(lacking) > 12 else ''}): "
                "an old version of the face; use one that draws Vietnamese",
            )
    return MatChu(TIMES_NEW_ROMAN, tep, _phien_ban(tep), f"from {where}")


def _bon_kieu(folder: Path, where: str) -> TepKieu:
    """The four style files of Times New Roman in ``folder`` (bốn kiểu: four styles).

    Raises:
        InvalidSetting: the folder cannot be read, or a style is missing or given twice.
    """
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() in _DUOI_TEP)
    except OSError as error:
        raise InvalidSetting(where, f"cannot read the folder: {error.strerror}") from None
    found: dict[tuple[bool, bool], list[Path]] = {}
    unreadable: list[str] = []
    families: set[str] = set()
    for path in candidates:
        try:
            # Opened here: TTFont leaves a file it opened itself open when it refuses it.
            with path.open("rb") as file, TTFont(file, lazy=True) as font:
                family = _ten(font, 16) or _ten(font, 1)
                selection = font["OS/2"].fsSelection
        except Exception:  # fontTools fails in many ways on a file that is not a font
            unreadable.append(path.name)
            continue
        families.add(family)
        if family.casefold() == TIMES_NEW_ROMAN.casefold():
            key = (bool(selection & 0b100000), bool(selection & 0b1))
            found.setdefault(key, []).append(path)
    missing = [name for key, name in TEN_KIEU.items() if key not in found]
    if missing:
        seen = ", ".join(f"{n} in {found[k][0].name}" for k, n in TEN_KIEU.items() if k in found)
        detail = f"no {TIMES_NEW_ROMAN} {', '.join(missing)}"
        detail += f" (found: {seen})" if seen else ""
        if not found:
            others = sorted(families - {""})
            detail += f"; font families in it: {', '.join(others) if others else 'none'}"
        if unreadable:
            detail += f"; not fonts: {', '.join(unreadable)}"
        raise InvalidSetting(where, detail + "; a .ttf or .otf file per style is needed")
    twice = [f"{TEN_KIEU[k]} ({', '.join(p.name for p in v)})" for k, v in found.items() if v[1:]]
    if twice:
        raise InvalidSetting(where, f"more than one file for {'; '.join(twice)}: keep one")
    return tuple(sorted((key, paths[0]) for key, paths in found.items()))


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
def bang_ma(mat_chu: MatChu) -> frozenset[int]:
    """The code points (bảng mã) that every style of a face can draw."""
    sets = []
    for _, path in mat_chu.tep:
        with TTFont(str(path), lazy=True) as font:
            sets.append(frozenset(font.getBestCmap()))
    return frozenset.intersection(*sets)


@cache
def do_rong_chu(mat_chu: MatChu) -> DoRongChu:
    """A measurer per face, loaded once per process."""
    return DoRongChu(mat_chu)
