"""Box 7b (the signer's other position, under the signature above the name) and the "+"
sub-items under a Nơi nhận line, in the layout and in both outputs."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from docx import Document

from tests.conftest import EXAMPLES, HOM_NAY
from vanthu.reading import doc_tep
from vanthu.rendering import Renderer
from vanthu.rendering.bo_cuc import DoanBoCuc, HaiCot
from vanthu.rendering.styles import Kieu

HOI_DONG = EXAMPLES / "cong-van-hoi-dong-luu-hanh-noi-bo.yaml"


def _chu_ky(renderer: Renderer, name: str = "cong-van-hoi-dong-luu-hanh-noi-bo") -> HaiCot:
    vb = doc_tep(EXAMPLES / f"{name}.yaml", HOM_NAY)
    return next(
        b
        for b in renderer.bo_cuc(vb, HOM_NAY).khoi
        if isinstance(b, HaiCot) and b.vai_tro == "chu_ky"
    )


def test_the_other_position_takes_the_signatures_space_and_the_name_follows_it(
    renderer: Renderer,
) -> None:
    phai = [b for b in _chu_ky(renderer).phai if isinstance(b, DoanBoCuc)]
    assert [(b.kieu, b.text) for b in phai] == [
        (Kieu.CHUC_VU, "TM. HỘI ĐỒNG"),
        (Kieu.CHUC_VU, "CHỦ TỊCH"),
        (Kieu.CHUC_VU_KHAC, "CHỦ TỊCH UBND TỈNH"),
        (Kieu.HO_TEN, "Trần Quốc Nam"),
    ]
    # The room for signature and seal stands above the other position, none above the name.
    assert phai[2].cach_truoc is None and renderer.bang[Kieu.CHUC_VU_KHAC].cach_truoc == 78
    assert phai[3].cach_truoc == 0.0
    style = renderer.bang[Kieu.CHUC_VU_KHAC]
    assert (style.co_chu, style.dam) == (14, True)


def test_the_other_position_is_printed_in_capitals_line_by_line_on_a_two_sided_document(
    renderer: Renderer,
) -> None:
    vb = doc_tep(EXAMPLES / "hop-dong.yaml", HOM_NAY)
    other = vb.nguoi_ky.model_copy(update={"chuc_vu_khac": ["Giám đốc Sở Y tế", "tỉnh Ninh Thuận"]})
    layout = renderer.bo_cuc(vb.model_copy(update={"nguoi_ky": other}), HOM_NAY)
    block = next(b for b in layout.khoi if isinstance(b, HaiCot) and b.vai_tro == "chu_ky")
    phai = [b for b in block.phai if isinstance(b, DoanBoCuc)]
    assert [b.text for b in phai if b.kieu is Kieu.CHUC_VU_KHAC] == [
        "GIÁM ĐỐC SỞ Y TẾ",
        "TỈNH NINH THUẬN",
    ]
    assert [b.cach_truoc for b in phai if b.kieu is Kieu.CHUC_VU_KHAC][1] == 0.0
    # The left signer's name drops by the other position's height: the right one's first
    # line after the signature space and the left name share a baseline.
    trai = [b for b in block.trai if isinstance(b, DoanBoCuc)]
    left_name = next(b for b in trai if b.kieu is Kieu.HO_TEN)
    assert left_name.cach_truoc is not None and left_name.cach_truoc >= 78


def test_sub_items_are_printed_plus_under_their_line_which_ends_with_a_colon(
    renderer: Renderer,
) -> None:
    block = _chu_ky(renderer)
    lines = [b for b in (*block.trai, *block.trai_tiep) if isinstance(b, DoanBoCuc)]
    texts = [b.text for b in lines if b.kieu is Kieu.NOI_NHAN]
    assert texts == [
        "- Như trên;",
        "- Thường trực Tỉnh ủy (b/c);",
        "- Thành viên Hội đồng TĐKT tỉnh;",
        "- Các sở, ban, ngành:",
        "+ Sở Tài chính;",
        "+ Sở Tư pháp;",
        "+ Sở Y tế;",
        "- UBND các huyện, thành phố;",
        "- Lưu: VT, BTĐKT. NTH.(40)",
    ]
    dash, plus = lines[1], lines[5]
    # A "+" stands where its line's text starts, and wraps past its own "+ ".
    assert dash.le_trai is not None and dash.thut_dau is not None
    assert plus.le_trai is not None and plus.thut_dau is not None
    assert plus.le_trai + plus.thut_dau == pytest.approx(dash.le_trai)
    assert {b.kieu for b in lines if b.text.startswith("+")} == {Kieu.NOI_NHAN}


def test_both_outputs_print_the_other_position_and_the_sub_items(renderer: Renderer) -> None:
    result = renderer.ket_xuat(doc_tep(HOI_DONG, HOM_NAY), hom_nay=HOM_NAY)
    assert result.docx is not None and result.pdf is not None
    doc = Document(io.BytesIO(result.docx))
    paragraphs = [p for t in doc.tables for c in t._cells for p in c.paragraphs]
    texts = [p.text for p in paragraphs]
    assert "CHỦ TỊCH UBND TỈNH" in texts and "+ Sở Tư pháp;" in texts
    plus = paragraphs[texts.index("+ Sở Tư pháp;")]
    assert plus.style.name == Kieu.NOI_NHAN.value and plus.style.font.size.pt == 11

    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "+ Sở Tư pháp;" in text and "CHỦ TỊCH UBND TỈNH" in text
    assert text.index("CHỦ TỊCH UBND TỈNH") < text.index("Trần Quốc Nam")
