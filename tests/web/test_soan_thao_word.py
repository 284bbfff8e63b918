"""Soạn thảo from a Word draft: the form filled from the import, the form findings above it,
nothing stored until the form is saved; bad Word files refused with one message."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.reading.word.bo_mau import BO_MAU, tao
from tests.web.conftest import dang_nhap
from vanthu.services import KICH_THUOC_WORD_TOI_DA, UngDung
from vanthu.web.bieu_mau import ma_o


def _mau(ten: str) -> bytes:
    return tao(next(m for m in BO_MAU if m.ten == ten))


def test_a_word_upload_fills_the_form_and_shows_its_form_findings_storing_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post(
        "/soan-thao/tai-len",
        data={"csrf": csrf},
        files={"tep": ("ban-thao.docx", _mau("cv-thang-09"))},
    )
    assert response.status_code == 200, response.text
    page = html.unescape(response.text)
    assert "Biểu mẫu điền từ bản Word «ban-thao.docx»" in page
    assert "1 điểm chưa đúng" in page
    text = re.sub(r"<[^>]+>", "", page)
    assert "[§8] địa danh, ngày tháng «Ninh Thuận, ngày 15 tháng 09 …» — thấy: tháng «09»" in text
    assert f'id="{ma_o("co_quan")}"' in page and "SỞ Y TẾ" in page
    assert "Tổ chức rà soát, cập nhật kế hoạch phòng, chống dịch của đơn vị;" in page
    assert "PHÓ GIÁM ĐỐC" in page and "Nguyễn Văn An" in page
    assert ung_dung.danh_sach_van_ban() == []


def test_a_clean_word_draft_says_no_finding(client: TestClient) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post(
        "/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("a.docx", _mau("cv-bang-sach"))}
    )
    assert response.status_code == 200
    assert "không phát hiện sai sót" in html.unescape(response.text)


def test_a_word_upload_that_is_not_word_or_too_large_is_one_message(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "cv")
    bad = client.post(
        "/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("x.docx", b"not a zip")}
    )
    assert bad.status_code == 422
    assert "không phải văn bản Word" in html.unescape(bad.text)
    big = b"PK" + b"\0" * KICH_THUOC_WORD_TOI_DA
    large = client.post("/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("x.docx", big)})
    assert large.status_code == 422
    assert "tệp Word tối đa 25 MiB" in html.unescape(large.text)
    assert ung_dung.danh_sach_van_ban() == []


def test_a_word_draft_whose_import_does_not_validate_names_the_field(client: TestClient) -> None:
    csrf = dang_nhap(client, "cv")
    response = client.post(
        "/soan-thao/tai-len", data={"csrf": csrf}, files={"tep": ("x.docx", _mau("cv-ma-cv"))}
    )
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert "văn bản nhập từ bản Word chưa hợp lệ" in page and "ky_hieu" in page
