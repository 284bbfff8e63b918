"""Emphasis, forced line breaks, footnotes and unbreakable symbols, as DOCX and PDF draw them."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.dumps import pdf_pages
from vanthu.reading import doc_tep
from vanthu.rendering import KetQua, Renderer
from vanthu.schemas import VanBan

HUONG_DAN = EXAMPLES / "huong-dan.yaml"


@pytest.fixture(scope="module")
def huong_dan(renderer: Renderer) -> KetQua:
    return renderer.ket_xuat(doc_tep(HUONG_DAN, HOM_NAY), hom_nay=HOM_NAY)


def _runs(docx: bytes, starts: str) -> list[Any]:
    doc = Document(io.BytesIO(docx))
    [para] = [p for p in doc.paragraphs if p.text.startswith(starts)]
    return list(para.runs)


def test_docx_sets_bold_and_italic_runs_as_marked(huong_dan: KetQua) -> None:
    assert huong_dan.docx is not None
    runs = _runs(huong_dan.docx, "Người tiếp xúc gần")
    assert [r.text for r in runs if r.bold] == ["trừ"]
    runs = _runs(huong_dan.docx, "a)")
    assert [r.text for r in runs if r.italic] == ["hạn chế dùng điều hòa trung tâm"]
    assert not any(r.bold for r in runs)


def test_docx_writes_a_forced_break_as_w_br_in_one_paragraph(huong_dan: KetQua) -> None:
    assert huong_dan.docx is not None
    doc = Document(io.BytesIO(huong_dan.docx))
    [para] = [p for p in doc.paragraphs if p.text.startswith("Mọi thông tin")]
    assert len(para._p.findall(".//" + qn("w:br"))) == 2
    assert para.text.split("\n")[1] == "Đường dây nóng Sở Y tế: 0259.3822.535"
    settings_xml = doc.settings.element
    assert settings_xml.find(f"{qn('w:compat')}/{qn('w:doNotExpandShiftReturn')}") is not None


def test_docx_has_a_footnotes_part_whose_notes_the_text_calls_in_order(huong_dan: KetQua) -> None:
    assert huong_dan.docx is not None
    doc = Document(io.BytesIO(huong_dan.docx))
    [rel] = [r for r in doc.part.rels.values() if r.reltype.endswith("/footnotes")]
    notes = parse_xml(rel.target_part.blob)
    texts = {
        n.get(qn("w:id")): "".join(Paragraph(p, None).text for p in n.iter(qn("w:p"))).strip()
        for n in notes.iterchildren(qn("w:footnote"))
    }
    assert set(texts) == {"-1", "0", "1", "2"}
    assert texts["1"].startswith("Quyết định số 4038/QĐ-BYT")
    assert texts["2"].startswith("Người hỗ trợ là người khỏe mạnh")
    calls = [r.get(qn("w:id")) for r in doc.element.body.iter(qn("w:footnoteReference"))]
    assert calls == ["1", "2"]
    sizes = {s.get(qn("w:val")) for s in notes.iter(qn("w:sz"))}
    assert sizes == {"20"}  # 10 pt


def test_docx_notes_take_a_10_pt_paragraph_style_so_their_marks_and_numbers_are_10_pt(
    huong_dan: KetQua,
) -> None:
    # LibreOffice set the note's number in the paragraph's style (the body's 14 pt): each
    # note's first line stood 3.6 pt taller than the PDF's, and page 1 lost a line (#9).
    assert huong_dan.docx is not None
    doc = Document(io.BytesIO(huong_dan.docx))
    [rel] = [r for r in doc.part.rels.values() if r.reltype.endswith("/footnotes")]
    notes = parse_xml(rel.target_part.blob)
    styles = {
        p.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val"))
        for n in notes.iterchildren(qn("w:footnote"))
        if int(n.get(qn("w:id"))) > 0
        for p in n.iter(qn("w:p"))
    }
    [style] = [s for s in doc.styles if s.style_id in styles]
    assert style.name == "Footnote Text" and style.font.size.pt == 10


def test_pdf_sets_bold_and_italic_in_the_faces_of_those_styles(huong_dan: KetQua) -> None:
    assert huong_dan.pdf is not None
    with pdfplumber.open(io.BytesIO(huong_dan.pdf)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    fonts = {w["text"]: w["fontname"] for w in words}
    assert fonts["trừ"].endswith("Bold")
    assert fonts["dùng"].endswith("Italic")
    assert not fonts["Người"].endswith(("Bold", "Italic"))


def test_pdf_sets_footnotes_at_the_page_foot_in_10_pt_below_the_body(huong_dan: KetQua) -> None:
    assert huong_dan.pdf is not None
    with pdfplumber.open(io.BytesIO(huong_dan.pdf)) as pdf:
        page = pdf.pages[0]
        words = page.extract_words(extra_attrs=["size"])
    note = [w for w in words if w["text"] == "thay" and round(w["size"]) == 10]
    body = [w for w in words if round(w["size"]) == 14]
    assert note, "the first footnote's text is on page 1 in 10 pt"
    assert note[0]["top"] > max(w["bottom"] for w in body)
    assert note[0]["bottom"] > page.height * 0.8
    assert "Người hỗ trợ là người khỏe mạnh" in pdf_pages(huong_dan.pdf)[0]


def test_a_number_and_symbol_never_breaks_after_its_hyphen(renderer: Renderer) -> None:
    # Regression (#9): without kerning the PDF broke "2874/TTr- / SGDĐT".
    vb = doc_tep(EXAMPLES / "cong-van-kinh-gui.yaml", HOM_NAY)
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.pdf is not None and result.docx is not None
    lines = [line.strip() for page in pdf_pages(result.pdf) for line in page.splitlines()]
    assert any("2874/TTr-SGDĐT" in line for line in lines)
    assert not any(line.endswith("2874/TTr-") for line in lines)
    doc = Document(io.BytesIO(result.docx))
    [para] = [p for p in doc.paragraphs if "2874/TTr" in p.text]
    assert para._p.findall(".//" + qn("w:noBreakHyphen"))
    assert "2874/TTr-SGDĐT" in para.text


def test_an_item_marker_and_its_first_word_stay_together(renderer: Renderer) -> None:
    data = doc_tep(HUONG_DAN, HOM_NAY).model_dump()
    data["noi_dung"][1] = {"doan": "a) " + "Ủ" * 80 + " tiếp theo.", "kieu": "thuong"}
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.pdf is not None
    lines = [line.strip() for line in pdf_pages(result.pdf)[0].splitlines()]
    assert "a)" not in lines
    assert any(line.startswith("a) Ủ") for line in lines)


_TU = st.sampled_from(["văn", "bản", "Điều", "1.", "a)", "-", "+", "số", "128/NQ-CP", "(*)", "ĐẶC"])


@st.composite
def doan_co_dinh_dang(draw: st.DrawFn) -> tuple[str, str]:
    """A paragraph with markup the schema accepts, and its plain text."""
    pieces: list[str] = []
    plain: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        words = " ".join(draw(st.lists(_TU, min_size=1, max_size=4)))
        mark = draw(st.sampled_from(["", "*", "**", "***"]))
        pieces.append(f"{mark}{words}{mark}" if "(*)" not in words or not mark else words)
        plain.append(words)
        sep = draw(st.sampled_from([" ", " ", "\n"]))
        pieces.append(sep)
        plain.append(sep)
    return "".join(pieces).strip(), "".join(plain).strip()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doan=doan_co_dinh_dang(), note=st.booleans())
def test_any_accepted_markup_renders_in_both_formats_with_its_text(
    renderer: Renderer, doan: tuple[str, str], note: bool
) -> None:
    text, plain = doan
    data = doc_tep(HUONG_DAN, HOM_NAY).model_dump()
    data["noi_dung"] = [text + ("[^1]" if note else "")]
    data["chu_thich"] = {"1": "Ghi **chú**."} if note else {}
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.pdf is not None and result.docx is not None
    words = plain.split()
    docx_text = " ".join(p.text for p in Document(io.BytesIO(result.docx)).paragraphs).split()
    pdf_text = " ".join(pdf_pages(result.pdf)).split()
    for found in (docx_text, pdf_text):
        joined = " ".join(found)
        assert " ".join(words[:-1]) in joined


def test_a_template_that_already_has_footnotes_gets_the_new_ones_added(renderer: Renderer) -> None:
    from vanthu.rendering.chu_thich_docx import phan_chu_thich

    vb = doc_tep(HUONG_DAN, HOM_NAY)
    first = renderer.ket_xuat(vb, pdf=False, hom_nay=HOM_NAY).docx
    assert first is not None
    doc = Document(io.BytesIO(first))
    notes = phan_chu_thich(doc.part)
    assert len(list(notes.iterchildren(qn("w:footnote")))) == 4
    out = io.BytesIO()
    doc.save(out)
    again = Document(io.BytesIO(out.getvalue()))
    [rel] = [r for r in again.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(list(parse_xml(rel.target_part.blob).iterchildren(qn("w:footnote")))) == 4


def test_a_footnote_the_font_cannot_draw_is_refused_by_its_label() -> None:
    from vanthu.rendering.ve_duoc import van_de_ve

    data = doc_tep(HUONG_DAN, HOM_NAY).model_dump()
    data["chu_thich"]["qd4038"] = "Ghi chú \u2603."
    vb = VanBan.model_validate(data, context={"hom_nay": HOM_NAY})
    assert [p.where for p in van_de_ve(vb)] == ["chu_thich.qd4038"]
