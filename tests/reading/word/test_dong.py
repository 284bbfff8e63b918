"""Drafts typed the common way: soft line breaks, text boxes and Word lists read as lines, and
the second corpus (built apart from the checker) scored."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from docx.oxml import OxmlElement
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reading.word.bo_mau import truong_nhap
from tests.reading.word.bo_mau_thuc import (
    BO_MAU_THUC,
    cham_diem_thuc,
    cham_truong_thuc,
    tao,
)
from vanthu.cli.lenh import cli
from vanthu.reading.word.dong import doc_dong, mo_rong
from vanthu.reading.word.mo_tep import mo_du_lieu
from vanthu.reading.word.nhap import nhap_ban_thao
from vanthu.reading.word.the_thuc import kiem_tra_the_thuc
from vanthu.reading.word.tim_phan import tim_phan


def _ban(data: bytes):  # type: ignore[no-untyped-def]
    return tim_phan(mo_du_lieu(data, "x.docx").tai_lieu)


def _ma(data: bytes, nguon: str) -> list[str]:
    return [p.ma for p in kiem_tra_the_thuc(tim_phan(mo_du_lieu(data, nguon).tai_lieu))]


def _truong(data: bytes, nguon: str) -> dict[str, object]:
    tai_lieu = mo_du_lieu(data, nguon).tai_lieu
    return truong_nhap(nhap_ban_thao(tim_phan(tai_lieu), tai_lieu).du_lieu)


def _ban_thao_cua_van_phong() -> bytes:
    """The lead's draft: header cells of one paragraph each, lines set apart by Shift+Enter,
    Arial 12 pt, Letter paper, and the slips offices make."""
    d = Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(12)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "UBND TỈNH BÌNH THUẬN\nSỞ TÀI CHÍNH\nSố: 5/STC-NS"
    t.cell(0, 1).text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
        "Bình Thuận, ngày 5 tháng 3 năm 2024"
    )
    for text in (
        "V/v: hướng dẫn lập dự toán năm 2025",
        "Kính gửi: Các sở, ban, ngành",
        "Thực hiện Thông tư số 49/2024/TT-BTC, Sở Tài chính hướng dẫn như sau:",
        "1. Các đơn vị lập dự toán đúng hạn",
        "Nơi nhận:",
        "- Như trên",
        "- Lưu VT",
        "KT. GIÁM ĐỐC",
        "Nguyễn Văn A",
    ):
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_header_cell_typed_with_soft_breaks_gives_each_line_its_part() -> None:
    ban = _ban(_ban_thao_cua_van_phong())
    assert [d.text for d in ban.co_quan_chu_quan] == ["UBND TỈNH BÌNH THUẬN"]
    assert [d.text for d in ban.co_quan] == ["SỞ TÀI CHÍNH"]
    assert [d.text for d in ban.so_ky_hieu] == ["Số: 5/STC-NS"]
    assert [d.text for d in ban.quoc_hieu] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert [d.text for d in ban.tieu_ngu] == ["Độc lập – Tự do – Hạnh phúc"]
    assert [d.text for d in ban.dia_danh_ngay] == ["Bình Thuận, ngày 5 tháng 3 năm 2024"]
    assert [d.text for d in ban.trich_yeu_cong_van] == ["V/v: hướng dẫn lập dự toán năm 2025"]


def test_the_slips_of_the_leads_draft_are_found_and_nothing_false_about_the_header() -> None:
    codes = _ma(_ban_thao_cua_van_phong(), "x")
    for code in (
        "so_ky_hieu.so",
        "ngay_thang.ngay",
        "tieu_ngu.noi_dung",
        "trich_yeu_cong_van.vv",
        "luu.dinh_dang",
        "noi_nhan.dau_cau",
        "kho_giay",
        "phong_chu",
    ):
        assert code in codes, code
    assert "so_ky_hieu.thieu" not in codes
    assert "quoc_hieu.chu_hoa" not in codes
    assert "ngay_thang.thang" not in codes  # March is not padded


def test_the_leads_draft_imports_its_issuer_number_and_date(tmp_path: Path) -> None:
    draft = tmp_path / "bad.docx"
    draft.write_bytes(_ban_thao_cua_van_phong())
    result = CliRunner().invoke(cli, ["import", str(draft)])
    assert "không thuộc phần nào" not in result.stderr
    du_lieu = _truong(draft.read_bytes(), "bad.docx")
    assert du_lieu["co_quan"] == "SỞ TÀI CHÍNH"
    assert du_lieu["co_quan_chu_quan"] == "UBND TỈNH BÌNH THUẬN"
    assert du_lieu["so"] == 5 and du_lieu["ky_hieu"] == "STC-NS"
    assert du_lieu["ngay"] == "2024-03-05" and du_lieu["dia_danh"] == "Bình Thuận"


def test_soft_broken_lines_keep_their_own_formatting_and_the_body_reads_them_whole() -> None:
    mau = next(t for t in BO_MAU_THUC if t.ten == "qd-than-ngat-dong")
    tai_lieu = mo_du_lieu(tao(mau), mau.ten).tai_lieu
    paragraphs = doc_dong(tai_lieu)
    header = next(d for d in paragraphs if d.dong_con and "CỘNG HÒA" in d.text)
    sizes = [(x.text, x.chu.co_chu, x.chu.dam, x.chu.nghieng) for x in header.dong_con]
    assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False) in sizes
    assert ("Bình Thuận, ngày 18 tháng 01 năm 2024", 14, False, True) in sizes
    assert len(mo_rong(paragraphs)) > len(paragraphs)
    ban = tim_phan(tai_lieu)
    article = next(d for d in ban.noi_dung if d.text.startswith("Điều 2."))
    assert article.text.endswith("b) Tổ chức lựa chọn nhà thầu.")


def test_a_carriage_return_element_breaks_a_line_as_shift_enter_does() -> None:
    d = Document()
    t = d.add_table(rows=1, cols=2)
    run = t.cell(0, 0).paragraphs[0].add_run("SỞ TÀI CHÍNH")
    run._r.append(OxmlElement("w:cr"))
    t.cell(0, 0).paragraphs[0].add_run("Số: 05/STC-NS")
    t.cell(0, 1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    out = io.BytesIO()
    d.save(out)
    ban = _ban(out.getvalue())
    assert [x.text for x in ban.so_ky_hieu] == ["Số: 05/STC-NS"]


def test_a_header_in_two_text_boxes_is_read_once_each_in_its_column() -> None:
    for ten in ("cv-hop-sach", "cv-vml-abc-sach"):
        mau = next(t for t in BO_MAU_THUC if t.ten == ten)
        ban = _ban(tao(mau))
        assert [d.text for d in ban.co_quan] == ["SỞ TÀI CHÍNH"], ten
        assert [d.text for d in ban.quoc_hieu] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ten
        assert {d.cot for d in ban.co_quan + ban.so_ky_hieu} == {0}, ten
        assert {d.cot for d in ban.quoc_hieu + ban.dia_danh_ngay} == {1}, ten
        assert all(d.khung is not None for d in ban.quoc_hieu), ten


def test_noi_nhan_or_the_signature_in_a_text_box_is_sorted_by_its_column() -> None:
    for ten in ("cv-hop-sach", "qd-gop-hop-chu-ky-sach"):
        mau = next(t for t in BO_MAU_THUC if t.ten == ten)
        ban = _ban(tao(mau))
        assert [d.text for d in ban.noi_nhan_nhan] == ["Nơi nhận:"], ten
        assert len(ban.noi_nhan) == 3 and len(ban.luu) == 1, ten
        assert ban.chuc_vu[-1].text.startswith("PHÓ"), ten
        assert len(ban.ho_ten) == 1, ten


def test_a_dash_bullet_reads_as_the_dash_and_decimal_zero_as_01() -> None:
    ban = _ban(tao(next(t for t in BO_MAU_THUC if t.ten == "tb-tab-ngat-gach-word-sach")))
    assert next(d.text for d in ban.noi_nhan) == "- Các phòng thuộc Sở;"
    assert ban.luu[0].text == "- Lưu: VT, VP."
    ban = _ban(tao(next(t for t in BO_MAU_THUC if t.ten == "tb-so0-tron-sach")))
    assert [d.nhan for d in ban.noi_dung if d.nhan] == ["01.", "02."]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.booleans(), min_size=4, max_size=4))
def test_header_lines_split_any_way_between_paragraphs_and_soft_breaks_give_the_same_parts(
    mem: list[bool],
) -> None:
    left = ["UBND TỈNH BÌNH THUẬN", "SỞ TÀI CHÍNH", "Số: 05/STC-NS"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bình Thuận, ngày 05 tháng 3 năm 2024",
    ]
    d = Document()
    t = d.add_table(rows=1, cols=2)
    for cell, lines, cuts in ((t.cell(0, 0), left, mem[:2]), (t.cell(0, 1), right, mem[2:])):
        p = cell.paragraphs[0]
        for i, text in enumerate(lines):
            if i and cuts[i - 1]:
                p.add_run().add_break()
            elif i:
                p = cell.add_paragraph()
            p.add_run(text).bold = i == 1 or cell is t.cell(0, 1)
    out = io.BytesIO()
    d.save(out)
    ban = _ban(out.getvalue())
    assert [x.text for x in ban.co_quan_chu_quan] == left[:1]
    assert [x.text for x in ban.co_quan] == left[1:2]
    assert [x.text for x in ban.so_ky_hieu] == left[2:]
    assert [x.text for x in ban.quoc_hieu + ban.tieu_ngu + ban.dia_danh_ngay] == right


def test_the_check_finds_95_percent_of_the_breaches_of_the_corpus_built_apart() -> None:
    diem = cham_diem_thuc(_ma)
    assert len(BO_MAU_THUC) >= 20
    assert diem.do_phu >= 0.95, diem.sot
    assert diem.do_chinh_xac >= 0.95, diem.sai


def test_the_import_extracts_95_percent_of_the_fields_of_the_corpus_built_apart() -> None:
    diem = cham_truong_thuc(_truong)
    assert diem.tong >= 20 * 10
    assert diem.do_chinh_xac >= 0.95, diem.sai


def test_a_clean_draft_of_the_corpus_built_apart_gives_no_finding() -> None:
    for mau in BO_MAU_THUC:
        if not mau.ky_vong:
            assert _ma(tao(mau), mau.ten) == [], mau.ten


def test_a_line_under_the_signers_title_in_a_spaced_paragraph_is_not_read_as_box_7b() -> None:
    d = Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).paragraphs[0].add_run("SỞ TÀI CHÍNH\nSố: 05/STC-NS")
    t.cell(0, 1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    d.add_paragraph("Nội dung công văn./.")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).paragraphs[0].add_run("Nơi nhận:\n- Như trên;\n- Lưu: VT, NS.")
    p = sign.cell(0, 1).paragraphs[0]
    p.paragraph_format.space_before = Pt(36)
    p.add_run("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nTrần Thị Bích")
    out = io.BytesIO()
    d.save(out)
    du_lieu = _truong(out.getvalue(), "x")
    assert du_lieu["nguoi_ky"] == {
        "quyen_han": ["KT"],
        "thay_mat": ["GIÁM ĐỐC"],
        "chuc_vu": "PHÓ GIÁM ĐỐC",
        "ho_ten": "Trần Thị Bích",
    }
