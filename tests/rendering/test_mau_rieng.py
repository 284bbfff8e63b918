"""The forms with a layout of their own (#9): giấy mời, giấy giới thiệu, biên bản, giấy nghỉ
phép, hợp đồng, bản ghi nhớ, bản thỏa thuận and thư công, read back from DOCX and PDF."""

from __future__ import annotations

import copy
import io
import random
from typing import Any

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, HOM_NAY
from tests.rendering.test_renderer import van_ban
from vanthu.reading import doc_tep
from vanthu.rendering import KetQua, Renderer
from vanthu.rendering.bo_cuc import BoCuc, DoanBoCuc, HaiCot
from vanthu.rendering.styles import Kieu
from vanthu.schemas.gioi_han import DONG_TOI_DA
from vanthu.services import doc_van_ban

#: The example file of each of the eight forms.
MAU = (
    "giay-moi",
    "giay-gioi-thieu",
    "bien-ban",
    "giay-nghi-phep",
    "hop-dong",
    "ban-ghi-nho",
    "ban-thoa-thuan",
    "thu-cong",
)
HAI_BEN = ("bien-ban", "hop-dong", "ban-ghi-nho", "ban-thoa-thuan")


@pytest.fixture(scope="module")
def ket_qua(renderer: Renderer) -> dict[str, KetQua]:
    return {
        name: renderer.ket_xuat(doc_tep(EXAMPLES / f"{name}.yaml", HOM_NAY), hom_nay=HOM_NAY)
        for name in MAU
    }


def _tables(docx: bytes) -> list[Table]:
    return list(Document(io.BytesIO(docx)).tables)


def _cell_texts(table: Table, row: int, col: int) -> list[str]:
    return [p.text for p in table.rows[row].cells[col].paragraphs if p.text.strip()]


def _words(pdf: bytes) -> list[dict[str, Any]]:
    """Every word of every page, with its page number (from 1)."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            out += [{**w, "page": number} for w in page.extract_words(keep_blank_chars=True)]
    return out


def _line(words: list[dict[str, Any]], text: str) -> dict[str, Any]:
    """The printed line (words on one baseline, one column) whose text is ``text``."""
    found = [w for w in words if w["text"] == text]
    assert len(found) == 1, (text, [w["text"] for w in words])
    return found[0]


def _signatures(bo_cuc: BoCuc) -> list[HaiCot]:
    return [b for b in bo_cuc.khoi if isinstance(b, HaiCot) and b.vai_tro != "dau"]


# -- every form ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MAU)
def test_each_form_renders_both_outputs_with_its_type_name_under_the_header(
    ket_qua: dict[str, KetQua], name: str
) -> None:
    result = ket_qua[name]
    assert result.docx and result.pdf
    title = next(b for b in result.bo_cuc.khoi if isinstance(b, DoanBoCuc))
    expected = {
        "giay-moi": "GIẤY MỜI",
        "giay-gioi-thieu": "GIẤY GIỚI THIỆU",
        "bien-ban": "BIÊN BẢN",
        "giay-nghi-phep": "GIẤY NGHỈ PHÉP",
        "hop-dong": "HỢP ĐỒNG",
        "ban-ghi-nho": "BẢN GHI NHỚ",
        "ban-thoa-thuan": "BẢN THỎA THUẬN",
        "thu-cong": "THƯ CHÚC MỪNG",
    }[name]
    assert (title.kieu, title.text) == (Kieu.TEN_LOAI, expected)
    with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
        assert expected in (doc.pages[0].extract_text() or "")


@pytest.mark.parametrize("name", ["giay-gioi-thieu", "giay-nghi-phep"])
def test_giay_gioi_thieu_and_giay_nghi_phep_have_a_rule_under_the_type_and_no_trich_yeu(
    ket_qua: dict[str, KetQua], name: str
) -> None:
    khoi = ket_qua[name].bo_cuc.khoi
    i = next(k for k, b in enumerate(khoi) if isinstance(b, DoanBoCuc) and b.kieu is Kieu.TEN_LOAI)
    assert not isinstance(khoi[i + 1], DoanBoCuc)  # the rule, at once
    assert not any(isinstance(b, DoanBoCuc) and b.kieu is Kieu.TRICH_YEU for b in khoi)


def test_the_giay_moi_prints_its_meeting_lines_as_body_paragraphs(
    ket_qua: dict[str, KetQua],
) -> None:
    lines = ket_qua["giay-moi"].bo_cuc.dong_van_ban()
    assert "Họp nghe báo cáo tiến độ giải ngân vốn đầu tư công năm 2021" in lines
    for start in ("Chủ trì: ", "Thời gian: ", "Địa điểm: "):
        assert any(line.startswith(start) for line in lines), start
    assert "Số: 412/GM-UBND" in lines


# -- biên bản ----------------------------------------------------------------------------------


def test_the_bien_ban_header_has_no_place_and_date_in_either_output(
    ket_qua: dict[str, KetQua],
) -> None:
    result = ket_qua["bien-ban"]
    header = result.bo_cuc.khoi[0]
    assert isinstance(header, HaiCot) and header.vai_tro == "dau"
    assert not any(isinstance(b, DoanBoCuc) and b.kieu is Kieu.DIA_DANH_NGAY for b in header.phai)
    right = _cell_texts(_tables(result.docx or b"")[0], 0, 1)
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # In the PDF: nothing in italic (the date's style) above the type name.
    with pdfplumber.open(io.BytesIO(result.pdf or b"")) as doc:
        page = doc.pages[0]
        title = next(w for w in page.extract_words() if w["text"] == "BIÊN")
        above = [c for c in page.chars if c["bottom"] < title["top"]]
        assert above and not any("Italic" in c["fontname"] for c in above)
        assert "Ninh Thuận," not in "".join(c["text"] for c in above)


def test_the_bien_ban_is_signed_by_the_secretary_left_and_the_chair_right_on_one_baseline(
    ket_qua: dict[str, KetQua], renderer: Renderer
) -> None:
    result = ket_qua["bien-ban"]
    words = _words(result.pdf or b"")
    secretary, chair = _line(words, "THƯ KÝ"), _line(words, "CHỦ TỌA")
    name_left, name_right = _line(words, "Đặng Thị Ngọc Hân"), _line(words, "Trần Quốc Nam")
    middle = (renderer.bang.trang.le_trai + renderer.bang.trang.vung_chu / 2) * 72 / 2.54
    assert secretary["x1"] < middle < chair["x0"]
    assert name_left["x1"] < middle < name_right["x0"]
    assert secretary["page"] == chair["page"] == name_left["page"] == name_right["page"]
    assert abs(secretary["bottom"] - chair["bottom"]) < 0.5
    assert abs(name_left["bottom"] - name_right["bottom"]) < 0.5  # the chair's stack is taller
    # Nơi nhận under the secretary's name, flush with the left column.
    label = _line(words, "Nơi nhận:")
    assert label["top"] > name_left["bottom"] and label["x1"] < middle


def test_the_bien_ban_docx_holds_both_signers_in_the_first_row_and_noi_nhan_below(
    ket_qua: dict[str, KetQua],
) -> None:
    table = _tables(ket_qua["bien-ban"].docx or b"")[-1]
    # "Nơi nhận:" and its first line share the signatures' row, which never splits.
    assert _cell_texts(table, 0, 0) == [
        "THƯ KÝ",
        "Đặng Thị Ngọc Hân",
        "Nơi nhận:",
        "- Thành viên BCĐ PCD COVID-19 tỉnh;",
    ]
    assert _cell_texts(table, 0, 1) == ["CHỦ TỌA", "CHỦ TỊCH UBND TỈNH", "Trần Quốc Nam"]
    below = [_cell_texts(table, r, 0) for r in range(1, len(table.rows))]
    assert below == [["- Lưu: VT, Hồ sơ."]]
    assert all(not _cell_texts(table, r, 1) for r in range(1, len(table.rows)))
    first = table.rows[0].cells
    styles = {p.text: p.style.name for c in first for p in c.paragraphs if p.style}
    assert styles["THƯ KÝ"] == styles["CHỦ TỌA"] == Kieu.CHUC_VU.value
    assert styles["Đặng Thị Ngọc Hân"] == styles["Trần Quốc Nam"] == Kieu.HO_TEN.value
    assert styles["Nơi nhận:"] == Kieu.NOI_NHAN_LABEL.value
    assert table.rows[0]._tr.trPr is not None
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    # Equal halves: neither side is the narrow Nơi nhận column of a one-signer document.
    widths = [c.width for c in table.columns]
    assert widths[0] is not None and widths[1] is not None
    assert abs(widths[0] - widths[1]) < 10_000  # EMU, about 0.03 cm


def test_the_last_line_of_noi_nhan_never_stands_alone_under_two_signatures(
    ket_qua: dict[str, KetQua],
) -> None:
    sig = _signatures(ket_qua["ban-ghi-nho"].bo_cuc)[-1]
    assert [b.text for b in sig.trai[-2:]] == ["Nơi nhận:", "- Viễn thông Ninh Thuận;"]
    keeps = [isinstance(b, DoanBoCuc) and b.giu_voi_sau for b in sig.trai_tiep]
    assert keeps == [False] * (len(keeps) - 2) + [True, False]


@pytest.mark.parametrize("name", HAI_BEN)
def test_two_sided_documents_print_both_names_on_one_baseline_in_each_half(
    ket_qua: dict[str, KetQua], renderer: Renderer, name: str
) -> None:
    result = ket_qua[name]
    vb = doc_tep(EXAMPLES / f"{name}.yaml", HOM_NAY)
    assert vb.nguoi_ky_2 is not None
    words = _words(result.pdf or b"")
    left, right = _line(words, vb.nguoi_ky_2.ho_ten), _line(words, vb.nguoi_ky.ho_ten)
    middle = (renderer.bang.trang.le_trai + renderer.bang.trang.vung_chu / 2) * 72 / 2.54
    assert left["x1"] < middle < right["x0"]
    assert abs(left["bottom"] - right["bottom"]) < 0.5 and left["page"] == right["page"]


def test_the_capacity_line_stands_above_the_position_in_capitals(
    ket_qua: dict[str, KetQua],
) -> None:
    table = _tables(ket_qua["hop-dong"].docx or b"")[-1]
    assert _cell_texts(table, 0, 0)[:2] == ["BÊN B", "Nguyễn Văn Bình"]
    assert _cell_texts(table, 0, 1) == ["ĐẠI DIỆN BÊN A", "CHÁNH VĂN PHÒNG", "Phạm Văn Hậu"]
    table = _tables(ket_qua["ban-thoa-thuan"].docx or b"")[-1]
    assert _cell_texts(table, 0, 0)[0] == "TM. ỦY BAN NHÂN DÂN"
    assert "KT. CHỦ TỊCH" in _cell_texts(table, 0, 0)
    assert "KT. CHỦ TỊCH" in _cell_texts(table, 0, 1)


# -- giấy nghỉ phép ------------------------------------------------------------------------------


def test_the_confirmation_of_the_place_of_leave_stands_under_the_signature_on_the_left(
    ket_qua: dict[str, KetQua], renderer: Renderer
) -> None:
    result = ket_qua["giay-nghi-phep"]
    sig, confirm = _signatures(result.bo_cuc)
    assert sig.vai_tro == "chu_ky" and confirm.vai_tro == "xac_nhan" and confirm.phai == ()
    table = _tables(result.docx or b"")[-1]
    assert _cell_texts(table, 0, 0) == ["Xác nhận của Ủy ban nhân dân", "xã Phước Thuận"]
    para = table.rows[0].cells[0].paragraphs[0]
    assert para.style is not None and para.style.name == Kieu.CHUC_VU.value
    words = _words(result.pdf or b"")
    name = _line(words, "Nguyễn Văn Tú")
    heading = _line(words, "Xác nhận của Ủy ban nhân dân")
    middle = (renderer.bang.trang.le_trai + renderer.bang.trang.vung_chu / 2) * 72 / 2.54
    assert heading["top"] > name["bottom"] and heading["x1"] < middle
    # Room for the confirming signature and seal is kept under the heading, on its page.
    cho = confirm.trai[-1]
    assert isinstance(cho, DoanBoCuc) and cho.kieu is Kieu.HO_TEN and not cho.text.strip()


def test_without_the_confirmation_the_giay_nghi_phep_ends_with_its_signature(
    renderer: Renderer,
) -> None:
    vb = doc_tep(EXAMPLES / "giay-nghi-phep.yaml", HOM_NAY)
    bo_cuc = renderer.bo_cuc(vb.model_copy(update={"xac_nhan_noi_nghi": None}), HOM_NAY)
    assert [s.vai_tro for s in _signatures(bo_cuc)] == ["chu_ky"]


# -- thư công ------------------------------------------------------------------------------------


def test_a_thu_cong_prints_its_own_name_and_trich_yeu_and_a_symbol_without_type_code(
    ket_qua: dict[str, KetQua],
) -> None:
    lines = ket_qua["thu-cong"].bo_cuc.dong_van_ban()
    assert "THƯ CÔNG" not in lines
    i = lines.index("THƯ CHÚC MỪNG")
    assert lines[i + 1].startswith("Nhân dịp kỷ niệm 39 năm")
    assert "Số: 5961/UBND-VX" in lines
    assert ket_qua["thu-cong"].bo_cuc.tieu_de.startswith("Thư chúc mừng 5961/UBND-VX")


# -- the signature stays with two lines of the body ---------------------------------------------


def test_a_one_line_last_paragraph_takes_the_one_before_to_the_signature(
    ket_qua: dict[str, KetQua],
) -> None:
    body = [
        b
        for b in ket_qua["bien-ban"].bo_cuc.khoi
        if isinstance(b, DoanBoCuc) and b.kieu is Kieu.NOI_DUNG
    ]
    assert body[-1].text == "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./."
    assert body[-1].giu_voi_sau and body[-2].giu_voi_sau and not body[-3].giu_voi_sau


# -- anything the schema accepts renders -----------------------------------------------------

_BASES = {name: yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text("utf-8")) for name in MAU}


@st.composite
def _hai_ben(draw: st.DrawFn) -> dict[str, Any]:
    """One of the eight examples with its signers, capacity lines, letter name and confirmation
    replaced by random text within the limits."""
    data = copy.deepcopy(_BASES[draw(st.sampled_from(MAU))])
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))

    def dong() -> str:
        return van_ban(rng, draw(st.integers(1, DONG_TOI_DA)), line_breaks=False)

    for who in ("nguoi_ky", "nguoi_ky_2"):
        if who in data or (who == "nguoi_ky_2" and data["loai"] in {"bien_ban", "hop_dong"}):
            signer = {**data.get(who, {}), "chuc_vu": dong(), "ho_ten": dong()}
            two_sided = data["loai"] in {"bien_ban", "hop_dong", "ban_ghi_nho", "ban_thoa_thuan"}
            if two_sided and draw(st.booleans()):
                signer["tu_cach"] = dong()
            data[who] = signer
    if data["loai"] == "thu_cong":
        data["ten_thu"] = dong()
    if data["loai"] == "giay_nghi_phep":
        data["xac_nhan_noi_nghi"] = dong()
    data["noi_nhan"] = [dong() for _ in range(draw(st.integers(0, 8)))]
    return data


@settings(max_examples=16)
@given(data=_hai_ben())
def test_any_of_these_forms_within_the_limits_renders_to_docx_and_pdf(
    renderer: Renderer, data: dict[str, Any]
) -> None:
    vb = doc_van_ban(data, "random.yaml", HOM_NAY)
    result = renderer.ket_xuat(vb, hom_nay=HOM_NAY)
    assert result.docx and result.pdf
