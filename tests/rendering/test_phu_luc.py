"""Annexes and the attached text in both outputs: new pages, sections numbered again from 1,
the heading lines and their styles, the reference line, landscape tables inside an annex."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2 as pdfium
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.test_bang import bang_dai, render, tables
from tests.schemas.test_phu_luc import CUA, quyet_dinh
from tests.schemas.test_van_ban import cong_dien
from vanthu.rendering import Renderer
from vanthu.rendering.bo_cuc import PhanRieng
from vanthu.services import doc_tep, doc_van_ban

#: A paragraph of about twelve lines: three of them fill more than a page.
DAI = " ".join(["Các cơ quan, đơn vị triển khai thực hiện nghiêm túc nội dung của Kế hoạch."] * 12)


def co_phu_luc(*annexes: list[Any], **changes: Any) -> dict[str, Any]:
    return cong_dien(
        kem_theo_cua=CUA,
        noi_dung=["Danh sách tại các Phụ lục kèm theo."],
        phu_luc=[{"ten": f"Danh sách {i + 1}", "noi_dung": a} for i, a in enumerate(annexes)],
        **changes,
    )


def top_band(pdf: bytes) -> list[str]:
    """The text printed in each page's top margin (the page number), by page."""
    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        text = page.get_textpage()
        out.append(text.get_text_bounded(top=page.get_height(), bottom=page.get_height() - 50))
    doc.close()
    return [t.strip() for t in out]


def page_texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    out = [p.get_textpage().get_text_range() for p in doc]
    doc.close()
    return out


def test_each_annex_is_a_part_headed_phu_luc_with_its_roman_numeral(renderer: Renderer) -> None:
    vb = doc_van_ban(co_phu_luc(["Một."], ["Hai."]), "test", HOM_NAY)
    parts = [b for b in renderer.bo_cuc(vb, HOM_NAY).khoi if isinstance(b, PhanRieng)]
    assert [p.ten for p in parts] == ["Phụ lục I", "Phụ lục II"]
    one = doc_van_ban(co_phu_luc(["Một."]), "test", HOM_NAY)
    (part,) = [b for b in renderer.bo_cuc(one, HOM_NAY).khoi if isinstance(b, PhanRieng)]
    assert part.ten == "Phụ lục"


def test_the_docx_opens_a_section_per_annex_numbered_from_one_its_first_page_unnumbered(
    renderer: Renderer,
) -> None:
    docx, _ = render(renderer, co_phu_luc(["Một."], ["Hai."]))
    doc = Document(io.BytesIO(docx))
    sections = doc.sections
    assert len(sections) == 3
    main, first, second = (s._sectPr for s in sections)
    assert main.find(qn("w:pgNumType")) is None
    for sect in (first, second):
        assert sect.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert sect.find(qn("w:titlePg")) is not None
    assert all(s.start_type == WD_SECTION.NEW_PAGE for s in sections[1:])
    # The first-page header of each part is the empty one, its other pages show the number.
    for s in sections:
        assert s.different_first_page_header_footer
        assert not s.first_page_header.paragraphs[0].text.strip()
        assert "PAGE" in s.header._element.xml


def test_the_docx_heading_lines_of_an_annex_have_their_styles(renderer: Renderer) -> None:
    data = co_phu_luc(["Một."], ["Hai."], so=45, ngay="2021-03-05")
    doc = Document(io.BytesIO(render(renderer, data)[0]))
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Phụ lục II")
    heading, title, line = paragraphs[start : start + 3]
    assert heading.style.name == "VB Tên loại" and heading.text == "Phụ lục II"
    assert title.style.name == "VB Trích yếu" and title.text == "DANH SÁCH 2"
    assert line.text.startswith("(Kèm theo Công điện số 45/CĐ-UBND ngày 05 tháng 3 năm 2021")
    assert all(r.italic and r.bold is False for r in line.runs)
    rule = paragraphs[start + 4]
    assert rule.style.name == "VB Đường kẻ"


def test_the_pdf_numbers_each_annex_from_one_leaving_its_first_page_blank(
    renderer: Renderer,
) -> None:
    _, pdf = render(renderer, co_phu_luc([DAI, DAI, DAI, DAI], [DAI, DAI, DAI, DAI]))
    bands = top_band(pdf)
    texts = page_texts(pdf)
    starts = [i for i, t in enumerate(texts) if t.startswith("Phụ lục")]
    assert len(starts) == 2 and starts[0] >= 1
    for start in starts:
        assert bands[start] == ""
        assert bands[start + 1] == "2"
    assert bands[0] == ""


def test_the_reference_line_is_filled_once_numbered_and_blank_in_a_draft(
    renderer: Renderer,
) -> None:
    _, pdf = render(renderer, co_phu_luc(["Một."], so=18, ngay="2021-09-13"))
    text = " ".join(" ".join(page_texts(pdf)).split())
    assert (
        "(Kèm theo Công điện số 18/CĐ-UBND ngày 13 tháng 9 năm 2021 của Ủy ban nhân dân tỉnh "
        "Ninh Thuận)" in text
    )
    docx, _ = render(renderer, co_phu_luc(["Một."], nam=2021))
    text = " ".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    blank = " " * 6  # as the header's "Số:      /" and "ngày      tháng"
    assert f"(Kèm theo Công điện số {blank}/CĐ-UBND ngày{blank}tháng{blank}năm 2021 của" in text


def test_the_attached_text_has_the_header_without_number_and_date_and_no_signature(
    renderer: Renderer,
) -> None:
    text = {
        "loai": "quy_che",
        "trich_yeu": "Làm việc của Ban Chỉ đạo",
        "noi_dung": [{"doan": "Chương I", "kieu": "giua"}, "Điều 1. Phạm vi điều chỉnh."],
    }
    docx, pdf = render(renderer, quyet_dinh(van_ban_kem_theo=text, so=5, ngay="2021-03-15"))
    doc = Document(io.BytesIO(docx))
    assert len(doc.sections) == 2
    header = doc.tables[-1]
    assert "Số:" not in header._element.xml and "ngày" not in header.cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    last = page_texts(pdf)[-1]
    assert "QUY CHẾ" in last and "(Kèm theo Quyết định số 05/QĐ-UBND" in last
    assert "Phạm vi điều chỉnh./." in last and "CHỦ TỊCH" not in last.split("QUY CHẾ")[1]


def test_a_landscape_table_inside_an_annex_keeps_the_annex_numbering(renderer: Renderer) -> None:
    # The annex opens on its landscape table (its heading on that page), runs over 3 pages,
    # then portrait text follows: one numbering, from the annex's first page.
    data = co_phu_luc([DAI], [{"bang": bang_dai(40, ngang=True)}, DAI, DAI, DAI])
    docx, pdf = render(renderer, data)
    sections = Document(io.BytesIO(docx)).sections
    orient = [s.orientation for s in sections]
    assert orient[-2] == WD_ORIENT.LANDSCAPE and orient[-1] == WD_ORIENT.PORTRAIT
    landscape, after = sections[-2]._sectPr, sections[-1]._sectPr
    assert landscape.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert landscape.find(qn("w:titlePg")) is not None
    assert after.find(qn("w:pgNumType")) is None and after.find(qn("w:titlePg")) is None
    texts, bands = page_texts(pdf), top_band(pdf)
    start = next(i for i, t in enumerate(texts) if t.startswith("Phụ lục II"))
    doc = pdfium.PdfDocument(pdf)
    assert doc[start].get_width() > doc[start].get_height()  # the heading is on landscape
    doc.close()
    assert bands[start] == ""
    assert bands[start + 1 :] == [str(n) for n in range(2, len(texts) - start + 1)]


def test_the_examples_print_their_annexes_and_attached_text_on_pages_of_their_own(
    renderer: Renderer,
) -> None:
    for name, heads in (
        ("ke-hoach-phu-luc", ["Phụ lục I", "Phụ lục II"]),
        ("quyet-dinh-ban-hanh-quy-che", ["ỦY BAN NHÂN DÂN"]),
    ):
        result = renderer.ket_xuat(doc_tep(EXAMPLES / f"{name}.yaml", HOM_NAY), hom_nay=HOM_NAY)
        assert result.pdf is not None
        texts = page_texts(result.pdf)
        assert [t.split("\r\n")[0] for t in texts[1 : 1 + len(heads)]] == heads


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    annexes=st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(["Một dòng.", DAI, "Mục 1"]),
                tables().map(lambda t: {"bang": t}),
            ),
            min_size=1,
            max_size=3,
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_any_annex_list_the_schema_accepts_renders_to_docx_and_pdf(
    renderer: Renderer, annexes: list[list[Any]]
) -> None:
    docx, pdf = render(renderer, co_phu_luc(*annexes))
    assert len(Document(io.BytesIO(docx)).sections) >= 1 + len(annexes)
    texts = page_texts(pdf)
    heads = [t for t in texts if t.startswith("Phụ lục") or "\r\nPhụ lục" in t[:200]]
    assert len(heads) >= len(annexes)
