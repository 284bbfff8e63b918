"""The outgoing register (sổ đăng ký văn bản đi) drawn from hand-made lines, as DOCX and PDF."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.rendering.dumps import docx_dump, embedded_fonts, pdf_dump, pdf_page_png, pdf_pages
from tests.rendering.goldens import check_png, check_text
from vanthu.errors import RenderError
from vanthu.rendering.so_dang_ky import COT_SO_DANG_KY, SoDangKy, SoDangKyRenderer

CO_QUAN = "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"
TRICH_YEU = (
    "Công điện: Về việc đẩy mạnh phong trào thi đua bảo vệ “vùng xanh” trong phòng, "
    "chống dịch COVID-19 trên địa bàn tỉnh"
)
NOI_NHAN = "Bộ Y tế; TT Tỉnh ủy, TT HĐND tỉnh; Các sở, ban, ngành, đoàn thể tỉnh"


def dong(i: int, trich_yeu: str = TRICH_YEU, ghi_chu: str = "") -> tuple[str, ...]:
    """A register line whose number, subject and recipients end in ``i``."""
    return (
        f"{i:03d}/CĐ-UBND",
        "13/09/2021",
        f"{trich_yeu} đợt {i:03d}",
        "Trần Quốc Nam",
        f"{NOI_NHAN}; bản {i:03d}",
        "VT, VXNV",
        "53",
        "14/09/2021",
        "",
        ghi_chu,
    )


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def so_dang_ky_renderer() -> SoDangKyRenderer:
    return SoDangKyRenderer()


@pytest.fixture(scope="module")
def so_dang_ky_nho() -> SoDangKy:
    return SoDangKy(
        co_quan=CO_QUAN,
        nam=2021,
        dong=(
            dong(1),
            dong(2, "Quyết định: Về việc kiện toàn\nBan Chỉ đạo"),
            dong(3, ghi_chu="số <không> dùng & hủy"),
        ),
        tu_den_ngay=(dt.date(2021, 9, 13), dt.date(2021, 9, 14)),
        tu_den_so=(1, 3),
    )


@pytest.fixture(scope="module")
def docx_nho(so_dang_ky_renderer: SoDangKyRenderer, so_dang_ky_nho: SoDangKy) -> bytes:
    return so_dang_ky_renderer.docx(so_dang_ky_nho)


@pytest.fixture(scope="module")
def pdf_nho(so_dang_ky_renderer: SoDangKyRenderer, so_dang_ky_nho: SoDangKy) -> bytes:
    return so_dang_ky_renderer.pdf(so_dang_ky_nho)


@pytest.fixture(scope="module")
def pdf_lon(so_dang_ky_renderer: SoDangKyRenderer) -> bytes:
    lines = tuple(dong(i) for i in range(1, 121))
    return so_dang_ky_renderer.pdf(
        SoDangKy(co_quan=CO_QUAN, nam=2021, dong=lines, tu_den_so=(1, 120))
    )


# --- DOCX ---------------------------------------------------------------------------------


def test_the_docx_is_an_a4_landscape_page_with_the_templates_margins(docx_nho: bytes) -> None:
    doc = Document(io.BytesIO(docx_nho))
    assert len(doc.sections) == 1
    sec = doc.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE
    assert (round(sec.page_width.cm, 1), round(sec.page_height.cm, 1)) == (29.7, 21.0)
    assert (round(sec.left_margin.cm, 1), round(sec.right_margin.cm, 1)) == (3.0, 1.5)


def test_the_docx_cover_names_the_body_the_book_the_year_and_both_ranges(docx_nho: bytes) -> None:
    doc = Document(io.BytesIO(docx_nho))
    cover = [p.text for p in doc.paragraphs if p.text]
    assert cover == [
        CO_QUAN,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2021",
        "Từ ngày 13/09/2021 đến ngày 14/09/2021",
        "Từ số 01 đến số 03",
    ]
    assert doc.paragraphs[0].runs[0].bold
    assert doc.core_properties.title == "Sổ đăng ký văn bản đi năm 2021"


def test_the_docx_table_has_the_ten_columns_of_phu_luc_iv_and_the_lines(docx_nho: bytes) -> None:
    table = Document(io.BytesIO(docx_nho)).tables[0]
    assert [c.text for c in table.rows[0].cells] == list(COT_SO_DANG_KY)
    assert COT_SO_DANG_KY[2] == "Tên loại và trích yếu nội dung"
    assert len(COT_SO_DANG_KY) == 10
    assert [r.cells[0].text for r in table.rows[1:]] == [
        "001/CĐ-UBND",
        "002/CĐ-UBND",
        "003/CĐ-UBND",
    ]
    assert table.rows[3].cells[9].text == "số <không> dùng & hủy"
    # A "\n" in a cell is a line break, not a new paragraph.
    cell = table.rows[2].cells[2]
    assert len(cell.paragraphs) == 1
    assert cell._tc.xpath(".//w:br")
    assert cell.text == "Quyết định: Về việc kiện toàn\nBan Chỉ đạo đợt 002"


def test_the_docx_columns_are_fixed_and_the_subject_and_recipients_are_widest(
    docx_nho: bytes,
) -> None:
    table = Document(io.BytesIO(docx_nho)).tables[0]
    tblpr = table._tbl.tblPr
    assert tblpr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [col.width.cm for col in table.columns]
    assert sum(grid) == pytest.approx(29.7 - 3.0 - 1.5, abs=0.02)
    widest = sorted(range(10), key=lambda i: grid[i], reverse=True)[:2]
    assert set(widest) == {2, 4}  # Tên loại và trích yếu, Nơi nhận
    for row in table.rows:
        assert [c.width.cm for c in row.cells] == pytest.approx(grid, abs=0.01)


def test_the_docx_heading_row_repeats_on_every_page_and_no_line_splits(docx_nho: bytes) -> None:
    rows = Document(io.BytesIO(docx_nho)).tables[0].rows
    repeats = [
        r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None for r in rows
    ]
    assert repeats == [True, False, False, False]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)


def test_every_docx_cell_is_ruled(docx_nho: bytes) -> None:
    borders = Document(io.BytesIO(docx_nho)).tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    sides = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert sides == dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
    )


def test_the_docx_numbers_every_page_at_the_top(docx_nho: bytes) -> None:
    sec = Document(io.BytesIO(docx_nho)).sections[0]
    assert not sec.different_first_page_header_footer  # page 1 of a book is numbered too
    fields = sec.header._element.xpath(".//w:fldSimple/@w:instr")
    assert [f.strip() for f in fields] == ["PAGE"]


def test_a_line_without_ten_cells_is_refused() -> None:
    with pytest.raises(RenderError, match="dòng 2: has 9 cells, not 10"):
        SoDangKy(co_quan=CO_QUAN, nam=2021, dong=(dong(1), dong(2)[:9]))


def test_unknown_ranges_and_body_leave_blanks_for_the_clerk(
    so_dang_ky_renderer: SoDangKyRenderer,
) -> None:
    layout = so_dang_ky_renderer.bo_cuc(SoDangKy(co_quan="", nam=2022, dong=()))
    assert [line.text for line in layout.bia] == [
        "……………",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2022",
        "Từ ngày …………… đến ngày ……………",
        "Từ số …………… đến số ……………",
    ]


def test_the_cover_prints_a_parent_body_and_a_volume_number_when_given(
    so_dang_ky_renderer: SoDangKyRenderer,
) -> None:
    so_dang_ky = SoDangKy(
        co_quan="Sở Y tế", co_quan_chu_quan="UBND tỉnh Ninh Thuận", nam=2021, dong=(), quyen_so=2
    )
    lines = so_dang_ky_renderer.bo_cuc(so_dang_ky).bia
    assert [(line.text, line.dam) for line in lines[:2]] == [
        ("UBND TỈNH NINH THUẬN", False),
        ("SỞ Y TẾ", True),
    ]
    assert lines[-1].text == "Quyển số: 02"


# --- PDF ----------------------------------------------------------------------------------


def test_the_pdf_pages_are_a4_landscape(pdf_nho: bytes, pdf_lon: bytes) -> None:
    for data in (pdf_nho, pdf_lon):
        for page in PdfReader(io.BytesIO(data)).pages:
            size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
            assert size == (842, 595)


def test_the_pdf_shows_the_cover_the_headings_and_the_lines(pdf_nho: bytes) -> None:
    (page,) = pdf_pages(pdf_nho)
    text = normalised(page)
    for expected in (
        CO_QUAN,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2021",
        "Từ ngày 13/09/2021 đến ngày 14/09/2021",
        "Từ số 01 đến số 03",
        *COT_SO_DANG_KY,
        "001/CĐ-UBND",
        "13/09/2021",
        "Trần Quốc Nam",
        "số <không",  # escaped, not taken for a tag (poppler puts a space before ">")
        "dùng & hủy",
    ):
        assert expected in text
    # The "\n" in line 2's subject starts a new line in the PDF too.
    assert "kiện toàn\nBan Chỉ đạo" in page


def test_every_pdf_font_is_the_embedded_liberation_serif(pdf_nho: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf_nho))
    names = embedded_fonts(pdf_nho)
    assert names == {"Liberation-Serif", "Liberation-Serif-Bold"}
    assert reader.metadata["/vanthufont"] == "Liberation Serif"
    assert reader.metadata.title == "Sổ đăng ký văn bản đi năm 2021"
    assert reader.metadata.author == CO_QUAN


def test_a_120_line_register_repeats_the_heading_row_and_numbers_every_page(
    pdf_lon: bytes,
) -> None:
    pages = pdf_pages(pdf_lon)
    assert len(pages) >= 5
    tops = [page.strip().splitlines()[0].strip() for page in pdf_pages(pdf_lon, layout=True)]
    assert tops == [str(n) for n in range(1, len(pages) + 1)]
    for number, page in enumerate(pages, 1):
        text = normalised(page)
        missing = [h for h in COT_SO_DANG_KY if h not in text]
        assert not missing, f"page {number} lacks the headings {missing}"
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in pages[0]
    assert all("SỔ ĐĂNG KÝ" not in page for page in pages[1:])


def test_no_line_of_the_register_is_split_across_two_pages(pdf_lon: bytes) -> None:
    pages = [normalised(page) for page in pdf_pages(pdf_lon)]
    for i in range(1, 121):
        # The first cell, the end of the subject and the end of the recipients: one page.
        marks = (f"{i:03d}/CĐ-UBND", f"đợt {i:03d}", f"bản {i:03d}")
        found = [
            [n for n, text in enumerate(pages) if re.search(re.escape(m), text)] for m in marks
        ]
        assert found[0] == found[1] == found[2] and len(found[0]) == 1, (i, found)


# --- golden files -------------------------------------------------------------------------


def test_the_register_matches_its_golden_dumps_and_page_image(
    docx_nho: bytes, pdf_nho: bytes
) -> None:
    check_text("so-dang-ky.docx.txt", docx_dump(docx_nho))
    check_text("so-dang-ky.pdf.txt", pdf_dump(pdf_nho))
    check_png("so-dang-ky.page1.png", pdf_page_png(pdf_nho))
