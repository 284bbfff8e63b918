"""Soạn thảo from a Word draft: the form filled with everything the import read, each form
finding (thể thức) and each validation problem beside its field, the page's findings and the
lines that could not be placed at the top; nothing stored until the form is saved; bad Word
files refused with one Vietnamese message."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.reading.word.bo_mau import BO_MAU, Mau, tao
from tests.web.conftest import dang_nhap
from vanthu.services import KICH_THUOC_WORD_TOI_DA, UngDung
from vanthu.web.bieu_mau import ma_o
from vanthu.web.bieu_mau_the_thuc import THU_TU_O


def _mau(ten: str) -> bytes:
    return tao(next(m for m in BO_MAU if m.ten == ten))


def _tai_len(client: TestClient, data: bytes, ten: str = "ban-thao.docx") -> tuple[int, str]:
    csrf = dang_nhap(client, "cv")
    response = client.post("/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": (ten, data)})
    return response.status_code, html.unescape(response.text)


def _chu(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _o(page: str, name: str) -> str:
    """The block (``<div class="o …">`` or fieldset) that holds an input, up to the next one."""
    start = page.index(f'id="{ma_o(name)}"')
    opening = max(page.rfind('<div class="o', 0, start), page.rfind("<fieldset", 0, start))
    end = page.find('<div class="o', start)
    return page[opening:end]


def test_a_finding_is_beside_its_field_described_by_it_and_linked_from_the_summary(
    client: TestClient, ung_dung: UngDung
) -> None:
    status, page = _tai_len(client, _mau("cv-thang-09"))
    assert status == 200
    assert "1 điểm chưa đúng thể thức — bản Word «ban-thao.docx»" in page
    block = _o(page, "dia_danh")
    assert 'class="o co-the-thuc"' in block
    assert 'aria-describedby="o-dia_danh-goi-y o-dia_danh-the-thuc-1"' in block
    assert (
        '<p class="the-thuc-truong" id="o-dia_danh-the-thuc-1" data-quy-tac="ngay_thang.thang">'
        '<span class="nhan-the-thuc">Thể thức (§8):</span> «Ninh Thuận, ngày 15 tháng 09 …» — '
        "thấy tháng «09»; quy định: «9» (chỉ tháng 1 và 2 thêm số 0 phía trước)</p>"
    ) in block
    assert (
        '<a href="#o-dia_danh">(§8) địa danh, ngày tháng «Ninh Thuận, ngày 15 tháng 09 …» — '
        "thấy tháng «09»</a>"
    ) in page
    assert page.count('class="the-thuc-truong"') == 1
    # the form holds what was read; the number and date wait for the văn thư
    assert 'id="o-co_quan" name="co_quan" rows="2"' in page and "SỞ Y TẾ</textarea>" in page
    assert "Tổ chức rà soát, cập nhật kế hoạch phòng, chống dịch của đơn vị;" in page
    assert 'value="Nguyễn Văn An"' in page
    assert "Bản Word ghi số 05, ngày 15/09/2021: dự thảo để trống số và ngày" in page
    assert ung_dung.danh_sach_van_ban() == []


def test_the_pages_own_findings_stay_at_the_top_with_the_count(client: TestClient) -> None:
    status, page = _tai_len(client, tao(Mau("x", le=(20, 20, 25, 15), phong="Arial")))
    assert status == 200
    text = _chu(page)
    assert "2 điểm chưa đúng thể thức — bản Word «ban-thao.docx»" in text
    assert "Cả văn bản (2)" in text and "Bên cạnh các trường" not in text
    assert "(§1) trang «lề trái» — thấy 25 mm; quy định: từ 30 đến 35 mm" in text
    assert "(§1) toàn văn bản «CỘNG HÒA XÃ HỘI CHỦ NGHĨA …» — thấy phông Arial ở" in text
    assert 'class="the-thuc-truong"' not in page


def test_findings_of_the_body_and_of_nơi_nhận_are_read_with_their_fieldsets(
    client: TestClient,
) -> None:
    _, page = _tai_len(client, tao(Mau("x", ket_thuc=".", cham_phay=False, muc_co=13)))
    for fieldset, rules in (
        ("noi_dung", ["noi_dung.ket_thuc"]),
        ("noi_nhan", ["noi_nhan.co_chu", "noi_nhan.dau_cau"]),
    ):
        start = page.index(f'<fieldset id="{ma_o(fieldset)}"')
        tag = page[start : page.index(">", start)]
        ids = " ".join(f"{ma_o(fieldset)}-the-thuc-{i + 1}" for i in range(len(rules)))
        assert f'aria-describedby="{ids}"' in tag and "co-the-thuc" in tag
        legend = page.index("</legend>", start)
        hint = page.index('class="goi-y"', legend)  # the findings come before the hints
        assert re.findall(r'data-quy-tac="([^"]+)"', page[legend:hint]) == rules
    assert 'data-quy-tac="luu.co_chu"' in _o(page, "luu")


def test_the_summary_follows_the_form_from_top_to_bottom(client: TestClient) -> None:
    _, page = _tai_len(client, _mau("cv-bang-sach"))
    at = [page.index(f'id="{ma_o(name)}"') for name in THU_TU_O]
    assert at == sorted(at)


def test_a_clean_word_draft_says_it_is_in_form_and_marks_nothing(client: TestClient) -> None:
    status, page = _tai_len(client, _mau("cv-bang-sach"))
    assert status == 200
    assert "Đúng thể thức — bản Word «ban-thao.docx»" in page
    assert "không phát hiện sai sót" in page
    assert "the-thuc-truong" not in page and "co-the-thuc" not in page


def test_lines_the_import_could_not_place_are_listed_in_a_box_of_their_own(
    client: TestClient,
) -> None:
    _, page = _tai_len(client, _mau("cv-kt-gach-cheo"))
    text = _chu(page)
    assert "Chưa xếp được vào trường nào: 1 dòng" in text
    assert "«K/T GIÁM ĐỐC»: quyền hạn ký viết «K/T»; đã đọc là «KT.»" in text
    assert 'data-quy-tac="chuc_vu.tien_to"' in _o(page, "nguoi_ky.quyen_han")
    assert 'value="KT"' in _o(page, "nguoi_ky.quyen_han")


def test_a_draft_that_does_not_validate_still_fills_the_form_and_marks_the_field(
    client: TestClient, ung_dung: UngDung
) -> None:
    status, page = _tai_len(client, _mau("cv-ma-cv"), "x.docx")
    assert status == 422
    assert "Chưa lưu được: 1 vấn đề" in page
    assert "Biểu mẫu đã điền mọi trường đọc được từ «x.docx», nhưng văn bản chưa hợp lệ" in page
    assert '<a href="#o-ky_hieu">ky_hieu: ' in page
    block = _o(page, "ky_hieu")
    assert 'class="o co-loi co-the-thuc"' in block and 'value="CV-SYT"' in block
    assert 'aria-invalid="true"' in block
    assert 'aria-describedby="o-ky_hieu-goi-y o-ky_hieu-loi-1 o-ky_hieu-the-thuc-1"' in block
    assert 'data-quy-tac="so_ky_hieu.ma_loai"' in block
    # everything else that was read is there to correct, not to retype
    assert "SỞ Y TẾ</textarea>" in page and 'value="Ninh Thuận"' in page
    assert "V/v tăng cường phòng, chống dịch</textarea>" in page
    assert "Sở Y tế đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện.</textarea>" in page
    assert 'value="PHÓ GIÁM ĐỐC"' in page and 'value="Giám đốc, các PGĐ Sở"' in page
    assert ung_dung.danh_sach_van_ban() == []


def test_a_form_with_no_type_read_offers_a_blank_choice_not_the_first_type(
    client: TestClient,
) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post("/soan-thao", data={"csrf": csrf, "hanh_dong": "cap_nhat", "loai": ""})
    page = html.unescape(response.text)
    select = page[page.index('id="o-loai"') : page.index("</select>", page.index('id="o-loai"'))]
    assert '<option value="">Chưa chọn</option>' in select and "selected" not in select


def test_a_word_upload_that_is_not_word_or_too_large_is_one_message(
    client: TestClient, ung_dung: UngDung
) -> None:
    status, page = _tai_len(client, b"not a zip", "x.docx")
    assert status == 422
    assert "x.docx: không phải văn bản Word (tệp .docx là tệp zip; tệp này không phải)" in page
    status, page = _tai_len(client, b"PK" + b"\0" * KICH_THUOC_WORD_TOI_DA, "x.docx")
    assert status == 422
    assert "tệp Word tối đa 25 MiB" in page
    assert ung_dung.danh_sach_van_ban() == []
