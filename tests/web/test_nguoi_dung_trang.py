"""The Người dùng page: the accounts, adding or changing one with a password, setting one."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from tests.web.conftest import MAT_KHAU, csrf_dang_nhap, dang_nhap
from vanthu.services import UngDung, VaiTro


def _them(client: TestClient, csrf: str, **fields: str) -> object:
    data = {"csrf": csrf, "ten": "", "ho_ten": "", "vai_tro": "chuyen_vien", "ma_co_quan": ""}
    return client.post("/nguoi-dung", data=data | fields)


def _dang_nhap_duoc(client: TestClient, ten: str, mat_khau: str) -> bool:
    client.cookies.clear()
    token = csrf_dang_nhap(client.get("/dang-nhap").text)
    got = client.post("/dang-nhap", data={"ten": ten, "mat_khau": mat_khau, "csrf": token})
    return got.status_code == 303


def test_the_page_lists_every_user_with_role_and_body(
    client: TestClient, ung_dung: UngDung
) -> None:
    dang_nhap(client, "vt")
    page = client.get("/nguoi-dung").text
    for ten in ("vt", "cv", "ld", "syt", "snv"):
        assert f'<th scope="row"><code>{ten}</code></th>' in page
    assert "Đặng Ngọc Đức" in page and "chuyên viên" in page and "đơn vị nhận" in page
    assert "Sở Y tế tỉnh Ninh Thuận" in page
    filled = client.get("/nguoi-dung", params={"sua": "syt"}).text
    assert 'value="Văn thư Sở Y tế"' in filled
    assert '<option value="SYT" selected>' in filled


def test_a_user_added_with_a_password_can_sign_in(client: TestClient, ung_dung: UngDung) -> None:
    csrf = dang_nhap(client, "vt")
    got = _them(
        client,
        csrf,
        ten="vtyt",
        ho_ten="Lê Thị Hoa",
        vai_tro="don_vi_nhan",
        ma_co_quan="SYT",
        mat_khau="mat-khau-moi-1",
    )
    assert got.status_code == 303 and got.headers["location"] == "/nguoi-dung?da_luu=vtyt"
    assert "Đã lưu người dùng vtyt." in client.get(got.headers["location"]).text
    users = {u.ten: u for u in ung_dung.danh_sach_nguoi_dung("vt")}
    assert users["vtyt"].vai_tro is VaiTro.don_vi_nhan and users["vtyt"].ma_co_quan == "SYT"
    assert users["vtyt"].co_mat_khau
    assert _dang_nhap_duoc(client, "vtyt", "mat-khau-moi-1")


def test_the_van_thu_sets_a_password_and_the_old_one_stops_working(
    client: TestClient, ung_dung: UngDung
) -> None:
    csrf = dang_nhap(client, "vt")
    short = client.post("/nguoi-dung/mat-khau", data={"csrf": csrf, "ten": "cv", "mat_khau": "1"})
    assert short.status_code == 422 and "Mật khẩu cần ít nhất 8 ký tự." in short.text
    assert 'id="mk-loi-mat_khau"' in short.text
    got = client.post(
        "/nguoi-dung/mat-khau", data={"csrf": csrf, "ten": "cv", "mat_khau": "mat-khau-thu-2"}
    )
    assert got.status_code == 303 and got.headers["location"] == "/nguoi-dung?da_dat=cv"
    assert not _dang_nhap_duoc(client, "cv", MAT_KHAU + "cv")
    assert _dang_nhap_duoc(client, "cv", "mat-khau-thu-2")


def test_each_problem_is_shown_beside_its_field_and_nothing_is_saved(
    client: TestClient, ung_dung: UngDung
) -> None:
    before = ung_dung.danh_sach_nguoi_dung("vt")
    csrf = dang_nhap(client, "vt")
    for fields, field, message in (
        ({"ten": "tên có dấu", "ho_ten": "A"}, "ten", "tên người dùng"),
        ({"ten": "moi", "ho_ten": "   "}, "ho_ten", "không được để trống"),
        (
            {"ten": "moi", "ho_ten": "A", "vai_tro": "don_vi_nhan"},
            "ma_co_quan",
            "phải ghi cơ quan của mình",
        ),
        (
            {"ten": "moi", "ho_ten": "A", "ma_co_quan": "SYT"},
            "ma_co_quan",
            "chỉ người dùng của đơn vị nhận",
        ),
        (
            {"ten": "moi", "ho_ten": "A", "vai_tro": "don_vi_nhan", "ma_co_quan": "KHONG_CO"},
            "ma_co_quan",
            "không tìm thấy cơ quan 'KHONG_CO'",
        ),
        ({"ten": "moi", "ho_ten": "A", "vai_tro": "vua"}, "vai_tro", "Chọn một vai trò."),
        ({"ten": "moi", "ho_ten": "A", "mat_khau": "ngan"}, "mat_khau", "ít nhất 8"),
        ({"ten": "vt", "ho_ten": "A"}, "vai_tro", "là văn thư cuối cùng"),
    ):
        got = _them(client, csrf, **fields)
        assert got.status_code == 422, fields
        assert f'<p class="loi-truong" id="loi-{field}">' in got.text, fields
        assert message in html.unescape(got.text), fields
        assert f'aria-describedby="loi-{field}' in got.text, fields
    assert ung_dung.danh_sach_nguoi_dung("vt") == before


def test_a_drafter_may_not_see_or_add_users(client: TestClient, ung_dung: UngDung) -> None:
    before = ung_dung.danh_sach_nguoi_dung("vt")
    for ten in ("cv", "ld"):
        client.cookies.clear()
        csrf = dang_nhap(client, ten)
        assert client.get("/nguoi-dung").status_code == 403
        added = _them(client, csrf, ten="ke_gian", ho_ten="Kẻ gian", vai_tro="van_thu")
        assert added.status_code == 403
        password = client.post(
            "/nguoi-dung/mat-khau", data={"csrf": csrf, "ten": "vt", "mat_khau": "chiem-quyen-1"}
        )
        assert password.status_code == 403
    assert ung_dung.danh_sach_nguoi_dung("vt") == before
    assert _dang_nhap_duoc(client, "vt", MAT_KHAU + "vt")


def test_a_change_without_the_csrf_token_is_refused(client: TestClient, ung_dung: UngDung) -> None:
    dang_nhap(client, "vt")
    got = _them(client, "sai", ten="moi", ho_ten="Người mới")
    assert got.status_code == 403
    assert "moi" not in {u.ten for u in ung_dung.danh_sach_nguoi_dung("vt")}


def test_html_in_a_full_name_is_shown_as_text(client: TestClient, ung_dung: UngDung) -> None:
    csrf = dang_nhap(client, "vt")
    hostile = "<script>alert(1)</script> & <b>Hoa</b>"
    assert _them(client, csrf, ten="xss", ho_ten=hostile).status_code == 303
    page = client.get("/nguoi-dung").text
    assert "<script>alert(1)</script>" not in page and "<b>Hoa</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Hoa&lt;/b&gt;" in page
