"""The DOCX reopened with python-docx: page, styles, fonts, tables and the page-number field."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.conftest import HOM_NAY
from tests.rendering.dumps import docx_lines, docx_paragraphs
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bo_cuc import THUOC_TINH_TOI_DA, thuoc_tinh
from vanthu.rendering.styles import Kieu
from vanthu.schemas import VanBan
from vanthu.schemas.gioi_han import DONG_TOI_DA, TRICH_YEU_TOI_DA


@pytest.fixture(scope="module")
def rendered(renderer: Renderer, ninh_thuan: VanBan) -> KetQua:
    return renderer.ket_xuat(ninh_thuan, pdf=False, hom_nay=HOM_NAY)


@pytest.fixture(scope="module")
def docx_bytes(rendered: KetQua) -> bytes:
    assert rendered.docx is not None
    return rendered.docx


def test_the_page_is_a4_portrait_with_margins_inside_the_decree_ranges(docx_bytes: bytes) -> None:
    section = Document(io.BytesIO(docx_bytes)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert 2.0 <= round(section.top_margin.cm, 2) <= 2.5
    assert 2.0 <= round(section.bottom_margin.cm, 2) <= 2.5
    assert 3.0 <= round(section.left_margin.cm, 2) <= 3.5
    assert 1.5 <= round(section.right_margin.cm, 2) <= 2.0


def test_page_numbers_are_a_page_field_centred_in_the_header_from_page_two(
    docx_bytes: bytes,
) -> None:
    section = Document(io.BytesIO(docx_bytes)).sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header.paragraphs[0]
    fields = header._p.findall(qn("w:fldSimple"))
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    assert header.style.name == Kieu.SO_TRANG.value
    assert header.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= header.style.font.size.pt <= 14


def test_every_style_sets_all_four_font_slots_to_times_new_roman(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    for name in ["Normal", *[k.value for k in Kieu]]:
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        slots = {slot: fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")}
        assert set(slots.values()) == {"Times New Roman"}, (name, slots)


@pytest.mark.parametrize(
    ("kieu", "size", "bold", "italic"),
    [
        (Kieu.QUOC_HIEU, 13, True, False),
        (Kieu.TIEU_NGU, 14, True, False),
        (Kieu.CO_QUAN, 13, True, False),
        (Kieu.SO_KY_HIEU, 13, False, False),
        (Kieu.DIA_DANH_NGAY, 14, False, True),
        (Kieu.TEN_LOAI, 14, True, False),
        (Kieu.TRICH_YEU, 14, True, False),
        (Kieu.NOI_DUNG, 14, False, False),
        (Kieu.NOI_NHAN_LABEL, 12, True, True),
        (Kieu.NOI_NHAN, 11, False, False),
        (Kieu.CHUC_VU, 14, True, False),
        (Kieu.HO_TEN, 14, True, False),
    ],
)
def test_each_element_is_set_in_its_decree_size_and_style(
    docx_bytes: bytes, kieu: Kieu, size: int, bold: bool, italic: bool
) -> None:
    paragraphs = [p for p in docx_paragraphs(docx_bytes) if p.style.name == kieu.value]
    assert paragraphs, f"no paragraph in {kieu.value}"
    style = paragraphs[0].style
    assert style.font.size.pt == size
    assert bool(style.font.bold) is bold
    assert bool(style.font.italic) is italic
    for p in paragraphs:  # no run overrides what the style says
        assert all(r.bold is None and r.italic is None and r.font.size is None for r in p.runs)


def test_body_paragraphs_are_justified_indented_one_cm_with_six_points_before(
    docx_bytes: bytes,
) -> None:
    style = Document(io.BytesIO(docx_bytes)).styles[Kieu.NOI_DUNG.value]
    pf = style.paragraph_format
    assert pf.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(pf.first_line_indent.cm, 2) == 1.0
    assert pf.space_before.pt >= 6


def test_header_and_signature_are_fixed_two_column_tables_whose_rows_never_split(
    docx_bytes: bytes, rendered: KetQua
) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    assert len(doc.tables) == 2
    expected = rendered.bo_cuc.khoi[0].rong  # type: ignore[union-attr]
    for table in doc.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert tbl.tblPr.find(qn("w:tblBorders")) is None
        grid = [round(c.width.cm, 2) for c in table.columns]
        for row in table.rows:  # the Nơi nhận's rows below the signature too
            cells = [round(c.width.cm, 2) for c in row.cells]
            assert grid == cells == [round(x, 2) for x in expected]
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert len(doc.tables[1].rows) > 1  # the công điện's 13-line Nơi nhận runs below the signature


def test_every_paragraph_style_keeps_widows_and_orphans(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    for kieu in Kieu:
        assert doc.styles[kieu.value].paragraph_format.widow_control, kieu


def test_the_docx_holds_the_layout_lines_in_order(docx_bytes: bytes, rendered: KetQua) -> None:
    assert docx_lines(docx_bytes) == rendered.bo_cuc.dong_van_ban()


def test_rules_are_paragraph_borders_sized_to_the_measured_text(
    docx_bytes: bytes,
) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    right = doc.tables[0].rows[0].cells[1]
    rule = next(p for p in right.paragraphs if p.style.name == Kieu.DUONG_KE.value)
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "single"
    width = right.width.cm - rule.paragraph_format.left_indent.cm * 2
    assert width == pytest.approx(6.05, abs=0.02)  # the Tiêu ngữ, 14 pt bold


def test_the_document_properties_name_the_directive(docx_bytes: bytes) -> None:
    props = Document(io.BytesIO(docx_bytes)).core_properties
    assert props.title.startswith("Công điện 18/CĐ-UBND: Về việc đẩy mạnh")
    assert props.author == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"


# --- regression (#7): a trích yếu over about 230 characters crashed render and issue --------


def test_a_property_within_255_characters_is_kept_whole() -> None:
    assert thuoc_tinh("Công điện 18/CĐ-UBND") == "Công điện 18/CĐ-UBND"
    assert thuoc_tinh("a" * THUOC_TINH_TOI_DA) == "a" * THUOC_TINH_TOI_DA


def test_a_longer_property_is_cut_at_a_word_and_ends_with_an_ellipsis() -> None:
    text = "Về việc tăng cường phòng, chống dịch COVID-19 trên địa bàn tỉnh " * 10
    cut = thuoc_tinh(text)
    assert len(cut) <= THUOC_TINH_TOI_DA
    assert cut.endswith("…")
    assert " ".join(text.split()).startswith(cut[:-1])
    assert text.split()[len(cut[:-1].split()) - 1] == cut[:-1].split()[-1]  # a whole word


def test_a_single_word_longer_than_a_property_is_cut_inside_it() -> None:
    assert thuoc_tinh("x" * 300) == "x" * (THUOC_TINH_TOI_DA - 1) + "…"


def test_a_trich_yeu_of_a_thousand_characters_is_printed_whole_and_titled_short(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    words = "Về việc đẩy mạnh phong trào thi đua bảo vệ vùng xanh trên địa bàn tỉnh "
    trich_yeu = (words * 20)[:TRICH_YEU_TOI_DA].strip()
    vb = ninh_thuan.model_copy(update={"trich_yeu": trich_yeu, "co_quan": "Ủ" * DONG_TOI_DA})
    result = renderer.ket_xuat(vb, pdf=False, hom_nay=HOM_NAY)
    assert result.docx is not None
    doc = Document(io.BytesIO(result.docx))
    props = doc.core_properties
    assert len(props.title) <= THUOC_TINH_TOI_DA and props.title.endswith("…")
    assert len(props.subject) <= THUOC_TINH_TOI_DA
    assert props.author == "Ủ" * DONG_TOI_DA
    printed = " ".join(
        p.text for p in docx_paragraphs(result.docx) if p.style.name == Kieu.TRICH_YEU.value
    )
    assert printed == trich_yeu
