"""Page 1's margin boxes: box 11 (circulation note) boxed over the Quốc hiệu in the top band, box
13 (address and contacts) at the foot under a full-width rule; page 1 only, in both outputs."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import chien_luoc
from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.libreoffice import sang_pdf
from vanthu.reading import doc_tep, doc_van_ban
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bo_cuc import PT_MOI_CM
from vanthu.rendering.styles import Kieu
from vanthu.schemas import VanBan

HOI_DONG = EXAMPLES / "cong-van-hoi-dong-luu-hanh-noi-bo.yaml"
OUTPUTS = ["pdf", pytest.param("docx", marks=pytest.mark.libreoffice)]
#: Address lines long enough to wrap: box 13 then takes more than the bottom margin leaves.
DAI = [
    "Địa chỉ: Ban Thi đua - Khen thưởng, Sở Nội vụ, số 450 đường Thống Nhất, phường Phủ Hà, "
    "thành phố Phan Rang - Tháp Chàm, tỉnh Ninh Thuận, Việt Nam",
    "Điện thoại: 0259.3822.000 - 0259.3822.111; Fax: 0259.3822.001; Email: "
    "btdkt@ninhthuan.gov.vn, vanthu.btdkt@ninhthuan.gov.vn; Website: www.ninhthuan.gov.vn",
    "Giờ làm việc: sáng từ 7 giờ đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, các ngày từ "
    "thứ Hai đến thứ Sáu hằng tuần",
]


@pytest.fixture(scope="module")
def hoi_dong() -> VanBan:
    return doc_tep(HOI_DONG, HOM_NAY)


@pytest.fixture(scope="module")
def rendered(renderer: Renderer, hoi_dong: VanBan) -> dict[str, KetQua]:
    tall = hoi_dong.model_copy(update={"lien_he": DAI})
    return {
        "vi-du": renderer.ket_xuat(hoi_dong, hom_nay=HOM_NAY),
        "chan-cao": renderer.ket_xuat(tall, hom_nay=HOM_NAY),
    }


@pytest.fixture(scope="module")
def printed(rendered: dict[str, KetQua]) -> dict[tuple[str, str], bytes]:
    """Each document as printed: the PDF, and LibreOffice's print of the DOCX (when asked)."""
    return {}


def _print(request: pytest.FixtureRequest, name: str, output: str) -> bytes:
    cache: dict[tuple[str, str], bytes] = request.getfixturevalue("printed")
    rendered: dict[str, KetQua] = request.getfixturevalue("rendered")
    if (name, output) not in cache:
        if output == "pdf":
            pdf = rendered[name].pdf
            assert pdf is not None
            cache[name, output] = pdf
        else:
            lo = sang_pdf({n: r.docx for n, r in rendered.items() if r.docx is not None})
            cache |= {(n, "docx"): data for n, data in lo.items()}
    return cache[name, output]


def _shapes(page: Any) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) of every line and rectangle drawn on a page."""
    return [(s["x0"], s["top"], s["x1"], s["bottom"]) for s in page.rects + page.lines]


@pytest.mark.parametrize("output", OUTPUTS)
def test_the_circulation_note_is_boxed_over_the_quoc_hieu_in_page_1s_top_band_only(
    request: pytest.FixtureRequest, renderer: Renderer, output: str
) -> None:
    trang = renderer.bang.trang
    top = trang.le_tren * PT_MOI_CM
    trai, phai = renderer.soan_bo_cuc.cot
    with pdfplumber.open(io.BytesIO(_print(request, "vi-du", output))) as doc:
        page1, page2 = doc.pages[0], doc.pages[1]
        words = [w for w in page1.extract_words() if w["bottom"] < top]
        assert " ".join(w["text"] for w in words) == "LƯU HÀNH NỘI BỘ"
        box = [s for s in _shapes(page1) if s[3] < top + 1]
        x0, y0 = min(s[0] for s in box), min(s[1] for s in box)
        x1, y1 = max(s[2] for s in box), max(s[3] for s in box)
        # A single-line box about the words, 8 mm high, centred over the right column.
        assert x0 < min(w["x0"] for w in words) and max(w["x1"] for w in words) < x1
        assert y0 < min(w["top"] for w in words) and max(w["bottom"] for w in words) < y1
        assert (y1 - y0) / PT_MOI_CM == pytest.approx(0.8, abs=0.03)
        centre = (trang.le_trai + trai + phai / 2) * PT_MOI_CM
        assert (x0 + x1) / 2 == pytest.approx(centre, abs=2)
        # Clear of the page's top edge (where no number is printed on page 1) and of the text.
        assert y0 >= trang.dau_trang * PT_MOI_CM - 1
        quoc_hieu = next(w for w in page1.extract_words() if w["text"] == "CỘNG")
        assert y1 < quoc_hieu["top"]
        # Page 2's band holds its number alone.
        band2 = [w["text"] for w in page2.extract_words() if w["bottom"] < top]
        assert band2 == ["2"]
        assert not [s for s in _shapes(page2) if s[3] < top + 1]


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", ["vi-du", "chan-cao"])
def test_the_contacts_stand_at_page_1s_foot_under_a_full_width_rule_below_the_text(
    request: pytest.FixtureRequest, renderer: Renderer, output: str, name: str
) -> None:
    trang = renderer.bang.trang
    layout = request.getfixturevalue("rendered")[name].bo_cuc
    footer = ["".join(d.text.split()) for d in layout.chan_trang_dau]
    left, right = trang.le_trai * PT_MOI_CM, (trang.rong - trang.le_phai) * PT_MOI_CM
    height = trang.cao * PT_MOI_CM
    with pdfplumber.open(io.BytesIO(_print(request, name, output))) as doc:
        page1 = doc.pages[0]
        lines = page1.extract_text_lines()
        foot = [ln for ln in lines if "".join(ln["text"].split()) in footer]
        assert ["".join(ln["text"].split()) for ln in foot] == footer
        rules = [
            s for s in _shapes(page1) if s[1] > height / 2 and s[2] - s[0] > 0.9 * (right - left)
        ]
        # One rule (WeasyPrint draws a border as a ring: several shapes, one line).
        assert rules and max(r[1] for r in rules) - min(r[1] for r in rules) < 2
        rule = (min(r[0] for r in rules), min(r[1] for r in rules), max(r[2] for r in rules))
        assert rule[0] == pytest.approx(left, abs=1) and rule[2] == pytest.approx(right, abs=1)
        assert rule[1] <= min(ln["top"] for ln in foot)
        # The last line sits the footer's distance above the bottom edge; the text ends above
        # the rule.
        assert max(ln["bottom"] for ln in foot) <= height - trang.chan_trang * PT_MOI_CM + 1
        body = [ln for ln in lines if ln not in foot and ln["top"] > trang.le_tren * PT_MOI_CM]
        assert max(ln["bottom"] for ln in body) < rule[1]
        for later in doc.pages[1:]:
            text = "".join(later.extract_text().split())
            assert not any(f in text for f in footer)


def test_a_tall_footer_takes_page_1s_text_area_from_the_bottom_as_word_does(
    rendered: dict[str, KetQua], renderer: Renderer
) -> None:
    trang = renderer.bang.trang
    short, tall = rendered["vi-du"].bo_cuc, rendered["chan-cao"].bo_cuc
    room = (trang.le_duoi - trang.chan_trang) * PT_MOI_CM
    assert len(short.chan_trang_dau) == 3 and len(tall.chan_trang_dau) > 3
    assert tall.cao_chan_trang_dau == pytest.approx(1.75 + 13 * len(tall.chan_trang_dau))
    assert tall.cao_chan_trang_dau > room
    pdf = rendered["chan-cao"].pdf
    assert pdf is not None
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = doc.pages[0].extract_words()
    end = trang.cao * PT_MOI_CM - trang.chan_trang * PT_MOI_CM - tall.cao_chan_trang_dau
    text = [w for w in words if trang.le_tren * PT_MOI_CM < w["top"] < end]
    assert text and max(w["bottom"] for w in text) <= end


def test_the_docx_puts_box_11_and_box_13_in_page_1s_own_header_and_footer(
    rendered: dict[str, KetQua],
) -> None:
    data = rendered["vi-du"].docx
    assert data is not None
    section = Document(io.BytesIO(data)).sections[0]
    assert section.different_first_page_header_footer
    [box] = section.first_page_header.paragraphs
    assert (box.text, box.style.name) == ("LƯU HÀNH NỘI BỘ", Kieu.LUU_HANH.value)
    assert box.style.font.bold and box.style.font.size.pt == 13
    borders = box._p.pPr.find(qn("w:pBdr"))
    assert [el.tag.split("}")[1] for el in borders] == ["top", "left", "bottom", "right"]
    # Page 2 on keeps its number in the default header, and no footer.
    assert "PAGE" in section.header._element.xml
    assert not "".join(p.text for p in section.footer.paragraphs)
    foot = section.first_page_footer.paragraphs
    assert [p.text for p in foot] == [d.text for d in rendered["vi-du"].bo_cuc.chan_trang_dau]
    assert {p.style.name for p in foot} == {Kieu.LIEN_HE.value}
    assert foot[0].style.font.size.pt == 11
    assert foot[0]._p.pPr.find(qn("w:pBdr")).find(qn("w:top")) is not None
    assert all(p._p.pPr.find(qn("w:pBdr")) is None for p in foot[1:])
    assert not foot[0].paragraph_format.left_indent  # the rule spans the text width


def test_without_the_boxes_page_1_has_an_empty_header_and_no_footer(
    renderer: Renderer, hoi_dong: VanBan
) -> None:
    plain = hoi_dong.model_copy(update={"pham_vi_luu_hanh": None, "lien_he": []})
    result = renderer.ket_xuat(plain, hom_nay=HOM_NAY)
    assert not result.bo_cuc.dau_trang_dau and not result.bo_cuc.chan_trang_dau
    assert result.docx is not None
    section = Document(io.BytesIO(result.docx)).sections[0]
    assert not "".join(p.text for p in section.first_page_header.paragraphs)
    assert not "".join(p.text for p in section.first_page_footer.paragraphs)


@st.composite
def _co_o(draw: st.DrawFn) -> dict[str, Any]:
    """A valid directive with box 11, box 13, box 7b and sub-items in any combination."""
    data = draw(chien_luoc.van_ban_hop_le())
    if draw(st.booleans()):
        data["pham_vi_luu_hanh"] = draw(st.sampled_from(["xem_xong_tra_lai", "luu_hanh_noi_bo"]))
    if draw(st.booleans()):
        data["lien_he"] = draw(st.lists(chien_luoc.dong(), min_size=1, max_size=3))
    if draw(st.booleans()):
        data["nguoi_ky"]["chuc_vu_khac"] = draw(st.lists(chien_luoc.dong(), min_size=1, max_size=3))
    if draw(st.booleans()):
        sub = st.lists(chien_luoc.noi_nhan(muc_con=False), min_size=1, max_size=4)
        data["noi_nhan"] = [{"ten": draw(chien_luoc.chu(50)), "muc_con": draw(sub)}]
    return data


@settings(max_examples=15)
@given(data=_co_o())
def test_any_combination_of_the_boxes_renders_to_docx_and_pdf(
    renderer: Renderer, data: dict[str, Any]
) -> None:
    vb = doc_van_ban(data, "random.yaml", HOM_NAY)
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.docx is not None and result.docx.startswith(b"PK")
    assert result.pdf is not None and result.pdf.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        text = "".join(doc.pages[0].extract_text().split())
    for d in (*result.bo_cuc.dau_trang_dau, *result.bo_cuc.chan_trang_dau):
        assert "".join(d.text.split()) in text
