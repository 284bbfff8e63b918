"""Ký số on the desk (#10), on SQLite and PostgreSQL: the leader's Duyệt says how he signs and
signs (his server-held key), or leaves the directive in chờ ký số while he downloads the
prepared PDF, signs it on his own computer and hands it back; the văn thư's Ban hành then
numbers, dates and has the organisation sign; a refused file or a wrong state is said beside
the form; a signature may be cancelled before the issue; only a văn thư or the leader concerned
may do these."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.services.ky_so_chung import cau_hinh, cong_cu_lanh_dao
from tests.web.conftest import MAT_KHAU, dang_nhap, ngoai_vong_lap
from tests.web.khach_api import LANH_DAO_2, them_lanh_dao_2
from vanthu.ky_so import BIEN_CAU_HINH
from vanthu.services import KetQuaXacMinh, TrangThaiVanBan, UngDung, xac_minh_pdf

T = TrangThaiVanBan


def _cho_duyet(ung_dung: UngDung) -> str:
    van_ban_id = ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id
    ung_dung.trinh("cv", str(van_ban_id))
    return str(van_ban_id)


def _duyet(ung_dung: UngDung) -> str:
    """Approved by 'ld' (with a signing configuration: signed, or waiting for him)."""
    key = _cho_duyet(ung_dung)
    # Off the test's thread: pyHanko may not start its loop where a browser test left one.
    ngoai_vong_lap(ung_dung.duyet, "ld", key)
    return key


def _trang_thai(ung_dung: UngDung, key: str) -> TrangThaiVanBan:
    return ung_dung.xem_van_ban(key).trang_thai


def _nut_duyet(html: str) -> str:
    found = re.search(r'action="/van-ban/\d+/duyet">.*?class="chinh">([^<]+)</button>', html, re.S)
    assert found, "the page has no approve button"
    return found.group(1)


def _loi_canh(html: str, form: str) -> str:
    """The refusal shown beside a form (its id is ``loi-<form>``)."""
    found = re.search(rf'<p class="loi" role="alert" id="loi-{form}">([^<]+)</p>', html)
    assert found, f"no refusal beside the form {form}"
    return found.group(1)


def _nop(client: TestClient, key: str, csrf: str, data: bytes) -> Any:
    return client.post(
        f"/van-ban/{key}/nop-ban-ky",
        data={"csrf": csrf},
        files={"tep": ("da-ky.pdf", data, "application/pdf")},
    )


def _xac_minh(client: TestClient, key: str) -> KetQuaXacMinh:
    """The issued PDF as the desk serves it, verified against the configured roots."""
    pdf = client.get(f"/van-ban/{key}/tai/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    return ngoai_vong_lap(xac_minh_pdf, pdf.content)


def test_the_leaders_approve_button_says_how_he_will_sign(
    client: TestClient, ung_dung: UngDung, khoa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _cho_duyet(ung_dung)
    dang_nhap(client, "ld")
    page = client.get(f"/van-ban/{key}").text
    assert _nut_duyet(page) == "Duyệt"
    assert "không có chữ ký số (chưa cấu hình ký số)" in page
    assert "<dt>Ký số</dt>" in page and ">chưa ký số</span>" in page

    monkeypatch.setenv(BIEN_CAU_HINH, str(khoa))
    page = client.get(f"/van-ban/{key}").text
    assert _nut_duyet(page) == "Duyệt và ký số"
    assert "Duyệt là ký số ngay bằng khóa của đồng chí lưu trên máy chủ" in page

    two_step = cau_hinh(khoa, "nut-hai-buoc.yaml", nguoi_ky={"ld": "hoa"})
    text = two_step.read_text("utf-8").replace("khoa:\n", "khoa:\n  hoa: {hai_buoc: true}\n", 1)
    two_step.write_text(text, "utf-8")
    monkeypatch.setenv(BIEN_CAU_HINH, str(two_step))
    page = client.get(f"/van-ban/{key}").text
    assert _nut_duyet(page) == "Duyệt (ký số hai bước)"
    assert "tải bản PDF (chưa có số, ngày) về, ký số trên máy của mình" in page

    # A configuration that cannot be read: said beside the button, and the approval refused.
    broken = khoa.with_name("hong-nut.yaml")
    broken.write_text("khoa: [1, 2]\n", "utf-8")
    monkeypatch.setenv(BIEN_CAU_HINH, str(broken))
    csrf = dang_nhap(client, "ld")
    assert "Cấu hình ký số:" in client.get(f"/van-ban/{key}").text
    refused = client.post(f"/van-ban/{key}/duyet", data={"csrf": csrf})
    assert refused.status_code == 422
    assert "khoa: a mapping" in _loi_canh(refused.text, "duyet")
    assert _trang_thai(ung_dung, key) is T.cho_duyet


def test_the_leader_signs_at_duyet_and_the_clerks_ban_hanh_numbers_and_the_body_signs(
    client: TestClient, ung_dung: UngDung, ky_may_chu: Path
) -> None:
    key = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    approved = client.post(f"/van-ban/{key}/duyet", data={"csrf": csrf})
    assert approved.headers["location"] == f"/van-ban/{key}?xong=duyet_ky"
    page = client.get(approved.headers["location"]).text
    assert "Đã duyệt và ký số văn bản; văn thư sẽ ban hành" in page
    assert ">lãnh đạo đã ký</span>" in page and "Lãnh đạo đã ký số" in page
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.ky_so, vb.so_ky_hieu) == (T.da_duyet, "lanh_dao_da_ky", None)

    csrf = dang_nhap(client, "vt")
    page = client.get(f"/van-ban/{key}").text
    assert "Lãnh đạo ld đã ký số khi duyệt. Ban hành cấp số, ngày vào bản đã ký" in page
    issued = client.post(f"/van-ban/{key}/ban-hanh", data={"csrf": csrf})
    assert issued.status_code == 303 and issued.headers["location"] == f"/van-ban/{key}"
    assert _trang_thai(ung_dung, key) is T.da_ban_hanh

    page = client.get(f"/van-ban/{key}").text
    assert ">đã ký số</span>" in page
    assert "Tệp PDF mang 2 chữ ký số: <strong>Trần Quốc Nam</strong> (người ký" in page
    assert "<strong>ỦY BAN NHÂN DÂN TỈNH NINH THUẬN</strong> (cơ quan" in page
    assert "hợp lệ: chữ ký nguyên vẹn, chứng thư số được tin cậy" in page
    checked = _xac_minh(client, key)
    assert checked.hop_le
    assert [c.vai_tro for c in checked.chu_ky] == ["lanh_dao", "co_quan"]
    # Kiểm tra chữ ký số says what was filled in after the leader signed.
    pdf = client.get(f"/van-ban/{key}/tai/pdf").content
    shown = client.post(
        "/kiem-tra-chu-ky", data={"csrf": csrf}, files={"tep": ("vb.pdf", pdf, "application/pdf")}
    ).text
    assert "Điền sau khi người ký ký (số, ngày do hệ thống cấp): Số: 01/CĐ-UBND; Ninh" in shown


def test_a_key_that_cannot_sign_refuses_the_duyet_beside_the_button_and_changes_nothing(
    client: TestClient, ung_dung: UngDung, khoa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (khoa.parent / "sai.txt").write_text("not the passphrase\n", "utf-8")
    wrong = cau_hinh(
        khoa,
        "sai-mat-khau.yaml",
        khoa={
            "lanh_dao": {"pkcs12": "lanh-dao.p12", "mat_khau_tep": "sai.txt"},
            "co_quan": {"pkcs12": "co-quan.p12", "mat_khau_tep": "mat-khau.txt"},
        },
    )
    monkeypatch.setenv(BIEN_CAU_HINH, str(wrong))
    key = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    refused = client.post(f"/van-ban/{key}/duyet", data={"csrf": csrf})
    assert refused.status_code == 422
    assert "passphrase is wrong" in _loi_canh(refused.text, "duyet")
    assert 'action="/van-ban/' + key + '/duyet"' in refused.text, "the button stays"
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.ky_so) == (T.cho_duyet, None)


def test_two_step_the_leader_approves_downloads_signs_hands_back_and_the_clerk_issues(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path, khoa: Path
) -> None:
    key = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    assert _nut_duyet(client.get(f"/van-ban/{key}").text) == "Duyệt (ký số hai bước)"
    approved = client.post(f"/van-ban/{key}/duyet", data={"csrf": csrf})
    assert approved.headers["location"] == f"/van-ban/{key}?xong=duyet_cho_ky"
    page = client.get(approved.headers["location"]).text
    assert "Đã duyệt; văn bản chờ đồng chí ký số trên máy của mình" in page
    assert ">chờ ký số</span>" in page and "Đã ban hành" not in page
    assert "chờ lãnh đạo <strong>ld</strong> ký số trên máy của mình (bản chưa có số" in page
    for control in ("Tải bản để ký", "Nộp bản đã ký", "Hủy ký số"):
        assert control in page
    dang_nhap(client, "vt")
    listed = client.get("/van-ban?loc=cho_ky_so").text
    assert 'aria-current="true">Chờ ký số<' in listed and f'href="/van-ban/{key}"' in listed
    assert f'href="/van-ban/{key}"' not in client.get("/van-ban?loc=da_ban_hanh").text

    csrf = dang_nhap(client, "ld")
    prepared = client.get(f"/van-ban/{key}/ban-de-ky")
    assert prepared.status_code == 200
    assert prepared.headers["content-type"] == "application/pdf"
    assert "attachment" in prepared.headers["content-disposition"]
    accepted = _nop(client, key, csrf, ngoai_vong_lap(cong_cu_lanh_dao, prepared.content, khoa))
    assert accepted.status_code == 303, accepted.text
    assert accepted.headers["location"] == f"/van-ban/{key}?xong=ky_so"
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.ky_so, vb.so_ky_hieu) == (T.da_duyet, "lanh_dao_da_ky", None)
    page = client.get(accepted.headers["location"]).text
    assert "Đã nhận bản lãnh đạo đã ký; văn thư ban hành" in page
    # Nothing waits any more: the prepared PDF is gone from the desk.
    assert client.get(f"/van-ban/{key}/ban-de-ky").status_code == 404

    csrf = dang_nhap(client, "vt")
    issued = client.post(f"/van-ban/{key}/ban-hanh", data={"csrf": csrf})
    assert issued.status_code == 303
    assert _trang_thai(ung_dung, key) is T.da_ban_hanh
    page = client.get(f"/van-ban/{key}").text
    assert ">đã ký số</span>" in page
    assert "Tệp PDF mang 2 chữ ký số: <strong>Trần Quốc Nam</strong> (người ký" in page
    checked = _xac_minh(client, key)
    assert checked.hop_le and [c.vai_tro for c in checked.chu_ky] == ["lanh_dao", "co_quan"]


def _cho_ky_so(ung_dung: UngDung) -> str:
    key = _duyet(ung_dung)
    assert _trang_thai(ung_dung, key) is T.cho_ky_so
    return key


def test_a_refused_upload_is_said_beside_the_form_in_one_line_and_changes_nothing(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path, khoa: Path
) -> None:
    key, other = _cho_ky_so(ung_dung), _cho_ky_so(ung_dung)
    csrf = dang_nhap(client, "vt")
    before = ung_dung.xem_van_ban(key).phien_ban
    another = client.get(f"/van-ban/{other}/ban-de-ky").content
    for upload, said in (
        (b"not a PDF at all", "not the prepared document"),
        (ngoai_vong_lap(cong_cu_lanh_dao, another, khoa), "not the prepared document"),
        (client.get(f"/van-ban/{key}/ban-de-ky").content, "nothing was added"),  # unsigned
    ):
        refused = _nop(client, key, csrf, upload)
        assert refused.status_code == 422, refused.text
        message = _loi_canh(refused.text, "nop-ban-ky")
        assert said in message and "\n" not in message
        assert 'aria-invalid="true"' in refused.text
        vb = ung_dung.xem_van_ban(key)
        assert (vb.trang_thai, vb.phien_ban) == (T.cho_ky_so, before)


def test_an_upload_over_the_limit_is_refused_before_it_is_checked(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vanthu.web.trang.ky_hai_buoc as trang_ky_so

    monkeypatch.setattr(trang_ky_so, "TEP_BAN_KY_TOI_DA", 1024)
    key = _cho_ky_so(ung_dung)
    csrf = dang_nhap(client, "ld")
    refused = _nop(client, key, csrf, b"%PDF-1.7\n" + b"0" * 2048)
    assert refused.status_code == 422
    assert "bản PDF đã ký: lớn hơn" in _loi_canh(refused.text, "nop-ban-ky")
    assert _trang_thai(ung_dung, key) is T.cho_ky_so


def test_cancelling_returns_the_directive_to_da_duyet_unsigned_and_takes_no_number(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path
) -> None:
    key = _cho_ky_so(ung_dung)
    csrf = dang_nhap(client, "vt")
    cancelled = client.post(
        f"/van-ban/{key}/huy-ky-so", data={"csrf": csrf, "ly_do": "Sai trích yếu"}
    )
    assert cancelled.status_code == 303
    assert cancelled.headers["location"] == f"/van-ban/{key}?xong=huy_ky_so"
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.so_ky_hieu, vb.ky_so) == (T.da_duyet, None, None)
    page = client.get(cancelled.headers["location"]).text
    assert "Đã hủy chữ ký của lãnh đạo; văn bản trở lại đã duyệt" in page
    assert f'action="/van-ban/{key}/ban-hanh"' in page  # Ban hành prepares it again
    assert "ký số hai bước và chưa ký: ban hành chuẩn bị bản để đồng chí ký" in page
    assert ung_dung.so_dang_ky(2021) == []

    # Sent again, now that nothing is signed or waited for: refused (409), said on the page.
    again = client.post(f"/van-ban/{key}/huy-ky-so", data={"csrf": csrf, "ly_do": "x"})
    assert again.status_code == 409
    assert "hủy ký số" in again.text and 'class="loi" role="alert"' in again.text
    late = _nop(client, key, csrf, b"%PDF-1.7\n")
    assert late.status_code == 409 and "ky_so" in late.text


def test_a_signature_made_at_duyet_is_cancelled_on_the_page_before_the_issue(
    client: TestClient, ung_dung: UngDung, ky_may_chu: Path
) -> None:
    key = _duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    page = client.get(f"/van-ban/{key}").text
    assert "Hủy chữ ký" in page
    cancelled = client.post(f"/van-ban/{key}/huy-ky-so", data={"csrf": csrf, "ly_do": "Ký lại"})
    assert cancelled.status_code == 303
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.ky_so) == (T.da_duyet, None)


def test_only_a_van_thu_or_the_awaited_leader_may_download_upload_or_cancel(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path
) -> None:
    them_lanh_dao_2(ung_dung)
    ung_dung.dat_mat_khau("vt", LANH_DAO_2, MAT_KHAU + LANH_DAO_2)
    key = _cho_ky_so(ung_dung)
    for user in ("cv", LANH_DAO_2, "syt"):
        csrf = dang_nhap(client, user)
        page = client.get(f"/van-ban/{key}")
        if user != "syt":
            assert page.status_code == 200 and ">chờ ký số</span>" in page.text
            assert "Nộp bản đã ký" not in page.text and "Tải bản để ký" not in page.text
        assert client.get(f"/van-ban/{key}/ban-de-ky").status_code == 403, user
        assert _nop(client, key, csrf, b"%PDF-1.7\n").status_code == 403, user
        cancel = client.post(f"/van-ban/{key}/huy-ky-so", data={"csrf": csrf, "ly_do": "x"})
        assert cancel.status_code == 403, user
    vb = ung_dung.xem_van_ban(key)
    assert (vb.trang_thai, vb.so_ky_hieu) == (T.cho_ky_so, None)


def test_uploading_or_cancelling_without_the_csrf_token_is_refused(
    client: TestClient, ung_dung: UngDung, ky_hai_buoc: Path
) -> None:
    key = _cho_ky_so(ung_dung)
    dang_nhap(client, "ld")
    upload = client.post(
        f"/van-ban/{key}/nop-ban-ky", files={"tep": ("x.pdf", b"%PDF-1.7\n", "application/pdf")}
    )
    assert upload.status_code == 403 and "CSRF" in upload.text
    cancel = client.post(f"/van-ban/{key}/huy-ky-so", data={"ly_do": "x"})
    assert cancel.status_code == 403
    assert _trang_thai(ung_dung, key) is T.cho_ky_so
