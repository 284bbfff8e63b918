"""A stand-in for an office's licensed Times New Roman, made from the bundled Liberation Serif.

No Times New Roman may be shipped or fetched, so the tests of ``VANTHU_FONT_DIR`` use copies of
the bundled files renamed to the family "Times New Roman" and marked with their own font
revision (``REVISION``). A PDF whose embedded font programs carry that revision was set from
the office's folder, not from the bundled face. What this proves: vanthu finds the four styles
of a folder by the fonts' own names and flags, embeds those files, and names them; it says
nothing of how real Times New Roman renders (its widths equal Liberation Serif's, which is why
it is the default).
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from tests.rendering.dumps import font_descriptors
from vanthu.rendering.fonts import TEN_KIEU, mat_chu_kem_theo

#: The font revision written into every stand-in file.
REVISION = 7.25
#: Windows' file names of Times New Roman, by (bold, italic).
TEN_TEP_WINDOWS = {
    (False, False): "times.ttf",
    (True, False): "timesbd.ttf",
    (False, True): "timesi.ttf",
    (True, True): "timesbi.ttf",
}


def stand_in(bold: bool, italic: bool, family: str = "Times New Roman", drop: str = "") -> TTFont:
    """One style of the stand-in: the bundled file renamed to ``family``, without the
    characters of ``drop`` (to play an old version that lacks some letters)."""
    font = TTFont(str(mat_chu_kem_theo().file(bold, italic)))
    if drop:
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.glyph_names = True
        keep = [cp for cp in font.getBestCmap() if chr(cp) not in drop]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
    style = TEN_KIEU[(bold, italic)].title()
    postscript = f"StandIn{family.replace(' ', '')}-{style.replace(' ', '')}"
    names = {1: family, 2: style, 3: postscript, 4: f"{family} {style}", 6: postscript}
    table = font["name"]
    table.names = [r for r in table.names if r.nameID not in (16, 17, *names)]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
    font["head"].fontRevision = REVISION
    return font


def office_font_folder(
    folder: Path,
    styles: tuple[tuple[bool, bool], ...] = tuple(TEN_TEP_WINDOWS),
    family: str = "Times New Roman",
) -> Path:
    """Write stand-in files of ``styles`` into ``folder`` under Windows' file names."""
    folder.mkdir(parents=True, exist_ok=True)
    for key in styles:
        stand_in(*key, family=family).save(str(folder / TEN_TEP_WINDOWS[key]))
    return folder


def embedded_revisions(pdf: bytes) -> set[float]:
    """The font revision of every font program embedded in a PDF."""
    revisions = set()
    for _, descriptor in font_descriptors(pdf):
        program = descriptor["/FontFile2"].get_object().get_data()
        revisions.add(round(TTFont(io.BytesIO(program))["head"].fontRevision, 3))
    return revisions
