"""DOCX and PDF come from one layout: their text is the same, line for line.

The PDF's printed lines (pypdfium2, see ``phan_trang``) are read as the DOCX's paragraphs
(``doan_docx``): each paragraph one or more lines in turn, a table row its cells side by side
with its header rows again on each page, a footnote's call its number and its note at a page's
foot, and nothing left over.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import example_files, ket_xuat_vi_du
from tests.rendering.doan_docx import doan_docx
from tests.rendering.phan_trang import DoanMau, DongIn, _gan, doc_dong
from vanthu.rendering import Renderer
from vanthu.rendering.styles import Kieu


def _lien(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_docx_and_pdf_have_the_same_text_line_for_line(renderer: Renderer, path: Path) -> None:
    result = ket_xuat_vi_du(renderer, path)
    assert result.docx is not None and result.pdf is not None
    # Page 1's own header and footer (boxes 11 and 13): the same lines in both, read apart.
    section = Document(io.BytesIO(result.docx)).sections[0]
    header, footer = (
        [_lien(p.text) for p in part.paragraphs if p.text.strip()]
        for part in (section.first_page_header, section.first_page_footer)
    )
    read = doc_dong(result.pdf, doan_docx(result.docx), renderer.bang.trang, footer=footer)
    assert read.loi_doc == ""
    assert "".join(d.chu for d in read.dau_trang[0]) == "".join(header)
    assert sorted(d.chu for d in read.chan_trang) == sorted(footer)


def _dong(*texts: str) -> list[DongIn]:
    return [DongIn(1, t, 0, 0, 0, 0, 0, 0, i) for i, t in enumerate(texts)]


def test_the_line_matcher_reads_a_table_row_side_by_side_and_catches_a_difference() -> None:
    row = DoanMau(Kieu.NOI_DUNG, "1PhườngĐạoLongPhanRang", "bang", ngat=(1, 7, 14, 22))
    assert _gan(_dong("1Phường", "ĐạoLong", "PhanRang"), [row]) == ([0, 0, 0], "")
    # A line ending inside a cell's line is not how the row prints.
    assert "printed 'ĐạoLongPhan'" in _gan(_dong("1Phường", "ĐạoLongPhan", "Rang"), [row])[1]


def test_the_line_matcher_wants_a_tables_header_again_on_each_page_it_crosses() -> None:
    header = DoanMau(Kieu.NOI_DUNG, "STTTên", "bang", ngat=(3, 6), bang=1, lap=True)
    rows = [DoanMau(Kieu.NOI_DUNG, f"{n}Xã", "bang", ngat=(1, 3), bang=1) for n in (1, 2)]
    page_two = [DongIn(2, t, 0, 0, 0, 0, 0, 0, 0) for t in ("STTTên", "2Xã")]
    assert _gan([*_dong("STTTên", "1Xã"), *page_two], [header, *rows])[0] == [0, 1, -1, 2]
    missing = _gan([*_dong("STTTên", "1Xã"), page_two[1]], [header, *rows])[1]
    assert missing.startswith("page 2: printed '2Xã', the layout has [\"the table's header")


def test_the_line_matcher_reads_footnotes_apart_from_the_text() -> None:
    text = DoanMau(Kieu.NOI_DUNG, "Theoquyđịnh1vàhướngdẫn", "than")
    note = DoanMau(Kieu.NOI_DUNG, "1Quyếtđịnhsố4038", "chu_thich")
    lines = _dong("Theoquyđịnh", "1", "và", "1", "Quyếtđịnhsố4038", "hướngdẫn")
    assert _gan(lines, [text, note]) == ([0, 0, 0, 1, 1, 0], "")
    assert _gan(lines[:3] + lines[5:], [text, note])[1] == "not printed: ['1Quyếtđịnhsố4038']"
