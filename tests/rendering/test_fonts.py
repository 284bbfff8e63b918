"""The PDF's face: the bundled Liberation Serif, an office's Times New Roman, and their checks."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.conftest import HOM_NAY
from tests.rendering.dumps import embedded_fonts
from tests.rendering.stand_in_fonts import (
    REVISION,
    TEN_TEP_WINDOWS,
    embedded_revisions,
    office_font_folder,
    stand_in,
)
from vanthu.errors import InvalidSetting
from vanthu.rendering import Renderer
from vanthu.rendering.fonts import (
    CHU_VIET,
    TEN_KIEU,
    bang_ma,
    mat_chu_kem_theo,
    mat_chu_pdf,
)
from vanthu.schemas import VanBan

#: Vietnamese marks: circumflex, breve, horn (vowel modifiers) and the five tones.
_DAU_PHU = {"\u0302": "aeo", "\u0306": "a", "\u031b": "ou"}
_THANH = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _la_chu_viet(ch: str) -> bool:
    """Whether a code point is a Vietnamese letter, told by its decomposition alone."""
    if ch.lower() in "đ":
        return True
    base, *marks = unicodedata.normalize("NFD", ch.lower())
    if base not in "abcdeghiklmnopqrstuvxy":
        return False
    modifiers = [m for m in marks if m in _DAU_PHU]
    tones = [m for m in marks if m in _THANH]
    if len(modifiers) + len(tones) != len(marks) or len(modifiers) > 1 or len(tones) > 1:
        return False
    if modifiers and base not in _DAU_PHU[modifiers[0]]:
        return False
    return not tones or base in "aeiouy"


def test_the_vietnamese_letters_are_every_code_point_that_decomposes_into_one() -> None:
    # Derived independently of fonts.CHU_VIET: scan Unicode up to the end of Latin Extended
    # Additional and keep what decomposes into a Vietnamese base letter and Vietnamese marks.
    scanned = {chr(cp) for cp in range(0x41, 0x1F00) if _la_chu_viet(chr(cp))}
    scanned = {ch for ch in scanned if unicodedata.is_normalized("NFC", ch)}
    assert set(CHU_VIET) == scanned
    assert {"Ậ", "ự", "Ỵ", "đ", "Ơ"} <= set(CHU_VIET)


@pytest.mark.parametrize("kieu", list(TEN_KIEU), ids=list(TEN_KIEU.values()))
def test_the_bundled_face_has_a_glyph_for_every_vietnamese_letter_in_every_style(
    kieu: tuple[bool, bool],
) -> None:
    with TTFont(str(mat_chu_kem_theo().file(*kieu))) as font:
        cmap = font.getBestCmap()
        glyphs = [cmap.get(ord(ch)) for ch in CHU_VIET]
        # A glyph, not an alias of .notdef, and one of its own for each letter.
        assert None not in glyphs and ".notdef" not in glyphs
        assert len(set(glyphs)) == len(CHU_VIET)
        assert all(font["glyf"][name].numberOfContours != 0 for name in glyphs)


def test_the_bundled_face_is_liberation_serif_with_its_licence_beside_it() -> None:
    face = mat_chu_kem_theo()
    assert face.ten == "Liberation Serif"
    folder = face.file(False, False).parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "LICENSE").read_text("utf-8")
    for key, path in face.tep:
        with TTFont(str(path), lazy=True) as font:
            assert font["name"].getDebugName(1) == "Liberation Serif"
            selection = font["OS/2"].fsSelection
            assert (bool(selection & 0b100000), bool(selection & 1)) == key


def test_the_bundled_face_measures_as_what_libreoffice_lays_times_new_roman_out_with() -> None:
    # DOCX and PDF paginate alike only if LibreOffice's substitute for "Times New Roman" has the
    # PDF face's widths. `make system-deps` installs fonts-liberation2 for that; the older
    # fonts-liberation (1.07) lacks most Vietnamese letters and fails here.
    face = mat_chu_kem_theo()
    text = CHU_VIET + "".join(chr(c) for c in range(0x20, 0x7F))
    for (bold, italic), path in face.tep:
        pattern = f"Times New Roman:weight={200 if bold else 80}:slant={100 if italic else 0}"
        found = subprocess.run(
            ["fc-match", "--format=%{file}", pattern], capture_output=True, text=True, check=True
        ).stdout
        widths = []
        for file in (path, Path(found)):
            with TTFont(str(file), lazy=True) as font:
                cmap, hmtx = font.getBestCmap(), font["hmtx"]
                upm = font["head"].unitsPerEm
                widths.append(
                    [hmtx[cmap[ord(ch)]][0] / upm if ord(ch) in cmap else None for ch in text]
                )
        assert widths[0] == widths[1], (TEN_KIEU[(bold, italic)], found)


def test_by_default_the_pdf_embeds_the_bundled_files(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    pdf = renderer.ket_xuat(ninh_thuan, docx=False, hom_nay=HOM_NAY).pdf
    assert pdf is not None
    assert {name.split("-Bold")[0].split("-Italic")[0] for name in embedded_fonts(pdf)} == {
        "Liberation-Serif"
    }
    assert PdfReader(io.BytesIO(pdf)).metadata["/vanthufont"] == "Liberation Serif"
    bundled = set()
    for _, path in mat_chu_kem_theo().tep:
        with TTFont(str(path), lazy=True) as font:
            bundled.add(round(font["head"].fontRevision, 3))
    assert embedded_revisions(pdf) == bundled


def test_an_offices_times_new_roman_folder_is_embedded_in_the_pdf_and_named_in_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ninh_thuan: VanBan
) -> None:
    folder = office_font_folder(tmp_path / "fonts")
    # Another family in the same folder is ignored, whatever its file is called.
    stand_in(False, False, family="Other Serif").save(str(folder / "a-other.ttf"))
    monkeypatch.setenv("VANTHU_FONT_DIR", str(folder))
    face = mat_chu_pdf()
    assert face.ten == "Times New Roman"
    assert {key: path.name for key, path in face.tep} == TEN_TEP_WINDOWS
    result = Renderer().ket_xuat(ninh_thuan, hom_nay=HOM_NAY)
    assert result.pdf is not None and result.docx is not None
    # WeasyPrint names a font after its Pango description ("Times New Roman, Bold").
    assert embedded_fonts(result.pdf) <= {
        "Times-New-Roman,",
        "Times-New-Roman,-Bold",
        "Times-New-Roman,-Italic",
        "Times-New-Roman,-Bold-Italic",
    }
    assert embedded_revisions(result.pdf) == {REVISION}
    assert PdfReader(io.BytesIO(result.pdf)).metadata["/vanthufont"] == "Times New Roman"
    normal = Document(io.BytesIO(result.docx)).styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert {normal.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }


def test_the_preflight_checks_text_against_the_offices_face(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = office_font_folder(tmp_path / "fonts")
    monkeypatch.setenv("VANTHU_FONT_DIR", str(folder))
    from vanthu.rendering.ve_duoc import mat_chu_nhung

    assert [face.ten for face in mat_chu_nhung()] == ["Times New Roman", "Liberation Serif"]
    assert all(ord(ch) in bang_ma(mat_chu_nhung()[0]) for ch in CHU_VIET)


def refusal(monkeypatch: pytest.MonkeyPatch, folder: Path) -> str:
    """The message the PDF face is refused with when ``VANTHU_FONT_DIR`` names ``folder``."""
    monkeypatch.setenv("VANTHU_FONT_DIR", str(folder))
    with pytest.raises(InvalidSetting) as error:
        mat_chu_pdf()
    return str(error.value)


@pytest.mark.parametrize("missing", list(TEN_KIEU), ids=list(TEN_KIEU.values()))
def test_a_folder_missing_a_style_is_refused_naming_the_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: tuple[bool, bool]
) -> None:
    folder = office_font_folder(tmp_path, tuple(k for k in TEN_KIEU if k != missing))
    message = refusal(monkeypatch, folder)
    assert message.startswith(f"VANTHU_FONT_DIR {folder}: no Times New Roman {TEN_KIEU[missing]} (")
    for key, name in TEN_KIEU.items():
        if key != missing:
            assert f"{name} in {TEN_TEP_WINDOWS[key]}" in message


def test_a_folder_without_times_new_roman_lists_the_families_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office_font_folder(tmp_path, family="Liberation Serif Copy")
    (tmp_path / "notes.ttf").write_text("not a font")
    assert refusal(monkeypatch, tmp_path) == (
        f"VANTHU_FONT_DIR {tmp_path}: no Times New Roman regular, bold, italic, bold italic; "
        "font families in it: Liberation Serif Copy; not fonts: notes.ttf; "
        "a .ttf or .otf file per style is needed"
    )


def test_two_files_of_one_style_are_refused_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office_font_folder(tmp_path)
    shutil.copy(tmp_path / "timesbd.ttf", tmp_path / "Times New Roman Bold.ttf")
    assert refusal(monkeypatch, tmp_path) == (
        f"VANTHU_FONT_DIR {tmp_path}: more than one file for bold "
        "(Times New Roman Bold.ttf, timesbd.ttf): keep one"
    )


def test_a_face_without_the_vietnamese_letters_is_refused_naming_the_file_and_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Times New Roman of the 1998 "core fonts" has none of U+1EA0–U+1EF9.
    office_font_folder(tmp_path)
    old = "".join(ch for ch in CHU_VIET if 0x1EA0 <= ord(ch) <= 0x1EF9)
    stand_in(False, True, drop=old).save(str(tmp_path / "timesi.ttf"))
    assert refusal(monkeypatch, tmp_path) == (
        f"VANTHU_FONT_DIR {tmp_path}: timesi.ttf (italic) has no glyph for {len(old)} "
        f"Vietnamese letters ({old[:12]}…): an old version of the face; use one that draws "
        "Vietnamese"
    )


@pytest.mark.parametrize("name", ["does-not-exist", "a-file.ttf"])
def test_a_folder_that_cannot_be_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "a-file.ttf").write_bytes(b"")
    assert refusal(monkeypatch, tmp_path / name).startswith(
        f"VANTHU_FONT_DIR {tmp_path / name}: cannot read the folder: "
    )


@pytest.mark.parametrize("value", ["termes", "times", "auto"])
def test_the_retired_switch_is_refused_naming_its_successor(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("VANTHU_PDF_FONT", value)
    with pytest.raises(InvalidSetting) as error:
        mat_chu_pdf()
    assert str(error.value).startswith("VANTHU_PDF_FONT: no longer read")
    assert "VANTHU_FONT_DIR" in str(error.value)
