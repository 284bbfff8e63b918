"""The Sổ văn bản đi page: the register of a year as a table, and its three downloads."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from vanthu.services import COT_SO_DANG_KY, UngDung


def _ban_hanh(app: UngDung) -> str:
    """The Ninh Thuận công điện carried to issued in 2021; its number and symbol."""
    key = str(app.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    app.trinh("cv", key)
    app.duyet("ld", key)
    app.ban_hanh("vt", key)
    so_ky_hieu = app.xem_van_ban(key).so_ky_hieu
    assert so_ky_hieu
    return so_ky_hieu


def test_the_register_of_a_year_is_a_table_with_the_decrees_columns(
    client: TestClient, ung_dung: UngDung
) -> None:
    so_ky_hieu = _ban_hanh(ung_dung)
    ung_dung.giu_so("vt", "UBND:chung", "Giấy mời họp khẩn")
    dang_nhap(client, "vt")
    page = client.get("/so-van-ban-di", params={"nam": "2021"})
    assert page.status_code == 200
    for heading in COT_SO_DANG_KY:
        assert f'<th scope="col">{heading}</th>' in page.text
    assert f'<th scope="row">{so_ky_hieu}</th>' in page.text
    assert "Giấy mời họp khẩn" in page.text and "2 số đã cấp" in page.text
    empty = client.get("/so-van-ban-di", params={"nam": "2020"}).text
    assert "Năm 2020 chưa cấp số văn bản nào." in empty


def test_the_three_downloads_carry_the_register_with_a_vietnamese_file_name(
    client: TestClient, ung_dung: UngDung
) -> None:
    so_ky_hieu = _ban_hanh(ung_dung)
    dang_nhap(client, "ld")  # the leader reads the register too
    starts = {"docx": b"PK\x03\x04", "pdf": b"%PDF-"}
    for dinh_dang, kind in (
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf", "application/pdf"),
        ("csv", "text/csv; charset=utf-8"),
    ):
        got = client.get("/so-van-ban-di/tai-ve", params={"nam": 2021, "dinh_dang": dinh_dang})
        assert got.status_code == 200, got.text
        assert got.headers["content-type"] == kind
        disposition = got.headers["content-disposition"]
        assert disposition.startswith(f'attachment; filename="So van ban di 2021.{dinh_dang}"')
        assert disposition.endswith("filename*=UTF-8''" + quote(f"Sổ văn bản đi 2021.{dinh_dang}"))
        if dinh_dang == "csv":
            text = got.content.decode("utf-8-sig")
            assert text.startswith(",".join(f'"{c}"' if "," in c else c for c in COT_SO_DANG_KY))
            assert so_ky_hieu in text
        else:
            assert got.content.startswith(starts[dinh_dang])


def test_a_year_outside_the_limits_or_another_format_is_refused_with_422(
    client: TestClient, ung_dung: UngDung
) -> None:
    dang_nhap(client, "vt")
    for nam in ("1944", "2101", "21", "abcd", "2021/../x", "２０２１"):
        page = client.get("/so-van-ban-di", params={"nam": nam})
        assert page.status_code == 422, nam
        assert "hãy ghi một năm từ 1945 đến 2100" in page.text
        assert 'aria-invalid="true"' in page.text
        download = client.get("/so-van-ban-di/tai-ve", params={"nam": nam, "dinh_dang": "pdf"})
        assert download.status_code == 422, nam
        assert "content-disposition" not in download.headers
    got = client.get("/so-van-ban-di/tai-ve", params={"nam": 2021, "dinh_dang": "exe"})
    assert got.status_code == 422


def test_a_drafter_or_a_recipient_may_not_read_the_register(
    client: TestClient, ung_dung: UngDung
) -> None:
    got = client.get("/so-van-ban-di/tai-ve", params={"nam": 2021, "dinh_dang": "csv"})
    assert got.status_code == 303 and got.headers["location"].startswith("/dang-nhap")
    for ten in ("cv", "syt"):
        client.cookies.clear()
        dang_nhap(client, ten)
        assert client.get("/so-van-ban-di", params={"nam": 2021}).status_code == 403
        got = client.get("/so-van-ban-di/tai-ve", params={"nam": 2021, "dinh_dang": "csv"})
        assert got.status_code == 403
        assert "content-disposition" not in got.headers
        assert 'href="/so-van-ban-di"' not in client.get("/van-ban").text


def test_html_in_a_register_note_is_shown_as_text(client: TestClient, ung_dung: UngDung) -> None:
    ung_dung.giu_so("vt", "UBND:chung", "<script>alert(1)</script> & <b>họp</b>")
    dang_nhap(client, "vt")
    page = client.get("/so-van-ban-di", params={"nam": 2021}).text
    assert "<script>alert(1)</script>" not in page and "<b>họp</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;họp&lt;/b&gt;" in page
