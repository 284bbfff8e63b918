"""Copies laid out: the copy block's text and place in the DOCX and the PDF (Mẫu 3.1), box 14
of an electronic copy and its rectangle (Mẫu 3.2), the excerpt of a trích sao."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest
from docx import Document

from vanthu.errors import Refused
from vanthu.rendering import Renderer
from vanthu.rendering.bo_cuc import PT_MOI_CM
from vanthu.rendering.renderer import KetQuaBanSao
from vanthu.schemas import VanBan
from vanthu.schemas.ban_sao import BanSao, HinhThucSao
from vanthu.schemas.gio import GIO_VIET_NAM

LUC = dt.datetime(2021, 9, 20, 14, 30, 5, tzinfo=GIO_VIET_NAM)


def _ban_sao(hinh_thuc: HinhThucSao, so: int = 5) -> BanSao:
    return BanSao(
        hinh_thuc=hinh_thuc,
        so=so,
        luc=LUC,
        co_quan="ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        ky_hieu_co_quan="UBND",
        dia_danh="Ninh Thuận",
        noi_nhan=["Sở Y tế"],
        nguoi_ky={
            "quyen_han": ["TL"],
            "thay_mat": ["Chủ tịch"],
            "chuc_vu": "Chánh Văn phòng",
            "ho_ten": "Lê Văn Bình",
        },
    )


@pytest.fixture(scope="module")
def sao_y(renderer: Renderer, ninh_thuan: VanBan) -> KetQuaBanSao:
    return renderer.ket_xuat_ban_sao(ninh_thuan, _ban_sao(HinhThucSao.sao_y))


def test_the_copy_number_is_number_form_code_and_copier() -> None:
    assert _ban_sao(HinhThucSao.sao_y).so_ky_hieu == "05/SY-UBND"
    assert _ban_sao(HinhThucSao.trich_sao, 12).so_ky_hieu == "12/TrS-UBND"
    assert _ban_sao(HinhThucSao.sao_luc).so_ky_hieu == "05/SL-UBND"
    assert _ban_sao(HinhThucSao.sao_luc).luc_iso == "2021-09-20T14:30:05+07:00"


def test_the_paper_copy_block_follows_the_copied_text_under_a_full_width_rule(
    sao_y: KetQuaBanSao, renderer: Renderer
) -> None:
    with pdfplumber.open(io.BytesIO(sao_y.pdf)) as pdf:
        page = pdf.pages[-1]
        words = page.extract_words()
        luu = next(w for w in words if w["text"] == "Lưu:" and "VXNV." in page.extract_text())
        sao = next(w for w in words if w["text"] == "SAO")
        so = next(w for w in words if w["text"] == "05/SY-UBND")
        rules = [ln for ln in page.lines + page.rects if ln["top"] > luu["bottom"]]
        full = [
            r for r in rules if r["x1"] - r["x0"] > 0.99 * renderer.bang.trang.vung_chu * PT_MOI_CM
        ]
        assert full, "no full-width rule under the copied text"
        rule = min(full, key=lambda r: r["top"])
        # The rule under the original's last Nơi nhận line, the block under the rule.
        assert luu["bottom"] < rule["top"] < sao["top"] and rule["top"] < so["top"]
        middle = page.width * 0.5
        assert sao["x0"] > middle > so["x1"]  # form right, number left
        text = page.extract_text()
    for line in (
        "ỦY BAN NHÂN DÂN SAO Y",
        "Số: 05/SY-UBND Ninh Thuận, ngày 20 tháng 9 năm 2021",
        "- Sở Y tế;",
        "- Lưu: VT.",
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
        "Lê Văn Bình",
    ):
        assert line in text, line


def test_the_docx_copy_ends_with_the_same_block(sao_y: KetQuaBanSao) -> None:
    assert sao_y.docx is not None
    doc = Document(io.BytesIO(sao_y.docx))
    top, bottom = doc.tables[-2], doc.tables[-1]
    left, right = top.rows[0].cells
    assert [p.text for p in left.paragraphs][-1] == "Số: 05/SY-UBND"
    assert (
        "ỦY BAN NHÂN DÂN" in left.paragraphs[0].text
        and left.paragraphs[0].runs[0].bold is not False
    )
    assert [p.text for p in right.paragraphs] == ["SAO Y", "Ninh Thuận, ngày 20 tháng 9 năm 2021"]
    nhan = [p.text for row in bottom.rows for p in row.cells[0].paragraphs]
    assert nhan == ["Nơi nhận:", "- Sở Y tế;", "- Lưu: VT."]
    signer = [p.text for p in bottom.rows[0].cells[1].paragraphs]
    assert signer == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Văn Bình"]
    # The full-width rule: a paragraph between the original's signature table and the block.
    body = list(doc.element.body)
    rule = body[body.index(top._tbl) - 1]
    assert rule.tag.endswith("}p") and "<w:top " in rule.xml


def test_box_14_holds_form_copier_and_time_in_10_pt_inside_its_rectangle(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    result = renderer.ket_xuat_ban_sao(ninh_thuan, _ban_sao(HinhThucSao.sao_luc), dien_tu=True)
    assert result.docx is None and result.o_ky_so is not None
    box = result.o_ky_so
    trang = renderer.bang.trang
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        page = pdf.pages[0]
        chars = [
            c
            for c in page.chars
            if c["top"] < trang.le_tren * PT_MOI_CM and c["x0"] > page.width / 2
        ]
        text = "".join(c["text"] for c in chars)
        assert "SAOLỤC;ỦYBANNHÂNDÂNTỈNHNINHTHUẬN;" in text.replace(" ", "")
        assert "2021-09-20T14:30:05+07:00" in text
        assert {round(c["size"]) for c in chars} == {10}
        assert {c["fontname"].split("+")[1] for c in chars} == {"Liberation-Serif"}
        assert all(c["non_stroking_color"] in ((0,), (0, 0, 0), 0, None) for c in chars)
        # Every character inside the rectangle (PDF space: y up from the bottom).
        for c in chars:
            assert box.x0 - 0.5 <= c["x0"] and c["x1"] <= box.x1 + 0.5
            assert box.y0 - 1 <= page.height - c["bottom"] and page.height - c["top"] <= box.y1 + 1
        # Top right, in the top margin, ending at the right margin.
        assert box.trang == 0
        assert abs(box.x1 - (trang.rong - trang.le_phai) * PT_MOI_CM) < 0.5
        assert max(c["x1"] for c in chars) > box.x1 - 3
        assert box.y0 > page.height - trang.le_tren * PT_MOI_CM


def test_a_trich_sao_keeps_only_the_chosen_items_and_ends_them(
    renderer: Renderer, ninh_thuan: VanBan
) -> None:
    result = renderer.ket_xuat_ban_sao(ninh_thuan, _ban_sao(HinhThucSao.trich_sao), muc=[1, 3])
    lines = result.bo_cuc.dong_van_ban()
    body = [t for t in lines if t.startswith(("Qua sơ kết", "Để tiếp tục", "1. Tiếp tục"))]
    assert [t[:10] for t in body] == ["Qua sơ kết", "1. Tiếp tụ"]
    assert body[-1].endswith("./.")
    assert "TRÍCH SAO" in lines and "Số: 05/TrS-UBND" in lines
    with pytest.raises(Refused, match="has 9 items"):
        renderer.ket_xuat_ban_sao(ninh_thuan, _ban_sao(HinhThucSao.trich_sao), muc=[10])
