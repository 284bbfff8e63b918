"""The Danh bạ page: bodies and groups with a search, and loading a directory file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import dang_nhap
from vanthu.schemas.gioi_han import TEP_DANH_BA_TOI_DA
from vanthu.services import UngDung

CSV_TOT = (
    "ma,ten,ten_ngan,email,nhom\n"
    "SYT,Sở Y tế tỉnh Ninh Thuận (mới),Sở Y tế,syt-moi@ninhthuan.gov.vn,so_ban_nganh;y_te\n"
    "PHUONG_MOI,Ủy ban nhân dân phường Đô Vinh,UBND phường Đô Vinh,,xa_phuong\n"
)
CSV_XAU = (
    "ma,ten,ten_ngan,email,nhom\n"
    "SYT,Sở Y tế đổi tên,Sở Y tế,khong-phai-email,so_ban_nganh\n"
    "MOI,,Không có tên,moi@example.vn,\n"
)


@pytest.fixture
def thu_muc_tam(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder temporary files go to, for this test alone (to see nothing is left)."""
    folder = tmp_path / "tam"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _nap(client: TestClient, csrf: str, ten: str, noi_dung: bytes) -> object:
    return client.post(
        "/danh-ba", data={"csrf": csrf}, files={"tep": (ten, noi_dung, "text/plain")}
    )


def test_the_directory_lists_bodies_and_groups_and_finds_without_diacritics(
    client: TestClient, ung_dung: UngDung
) -> None:
    dang_nhap(client, "vt")
    page = client.get("/danh-ba").text
    assert "<code>SYT</code>" in page and "Sở Y tế tỉnh Ninh Thuận" in page
    assert "syt@ninhthuan.gov.vn" in page and "<code>so_ban_nganh</code>" in page
    found = client.get("/danh-ba", params={"tim": "so y te"}).text
    assert "<code>SYT</code>" in found and "<code>SNV</code>" not in found
    part = client.get("/danh-ba", params={"tim": "NOI VU"}, headers={"HX-Request": "true"})
    assert part.text.lstrip().startswith('<table class="bang danh-ba">')
    assert "<code>SNV</code>" in part.text and "<code>SYT</code>" not in part.text
    nothing = client.get("/danh-ba", params={"tim": "khong co dau ca"}).text
    assert "Không có cơ quan nào khớp" in nothing


def test_a_good_csv_file_adds_and_updates_bodies(
    client: TestClient, ung_dung: UngDung, thu_muc_tam: Path
) -> None:
    before = ung_dung.danh_ba().tong_so
    csrf = dang_nhap(client, "vt")
    got = _nap(client, csrf, "danh-ba.csv", CSV_TOT.encode())
    assert got.status_code == 303 and got.headers["location"] == "/danh-ba?da_nap=2"
    assert "Đã nạp 2 cơ quan" in client.get(got.headers["location"]).text
    directory = ung_dung.danh_ba()
    assert directory.tong_so == before + 1
    bodies = {c.ma: c for c in directory.co_quan}
    assert bodies["SYT"].email == "syt-moi@ninhthuan.gov.vn"
    assert bodies["SYT"].nhom == ("so_ban_nganh", "y_te")
    assert bodies["PHUONG_MOI"].ten_ngan == "UBND phường Đô Vinh"
    assert list(thu_muc_tam.iterdir()) == []  # the upload's temporary folder is gone


def test_a_bad_file_changes_nothing_and_names_each_row_and_field(
    client: TestClient, ung_dung: UngDung, thu_muc_tam: Path
) -> None:
    before = ung_dung.danh_ba()
    csrf = dang_nhap(client, "vt")
    got = _nap(client, csrf, "danh-ba.csv", CSV_XAU.encode())
    assert got.status_code == 422
    assert "danh bạ không thay đổi" in got.text
    assert "<code>co_quan[0].email</code>" in got.text
    assert "<code>co_quan[1].ten</code>" in got.text
    assert ung_dung.danh_ba() == before
    assert list(thu_muc_tam.iterdir()) == []
    yaml = _nap(client, csrf, "danh-ba.yaml", b"co_quan: [1, 2\n")
    assert yaml.status_code == 422 and ung_dung.danh_ba() == before
    wrong = _nap(client, csrf, "danh-ba.pdf", b"%PDF-1.7")
    assert wrong.status_code == 422 and "chỉ nhận tệp YAML" in wrong.text


def test_an_oversized_file_is_refused_unread(
    client: TestClient, ung_dung: UngDung, thu_muc_tam: Path
) -> None:
    before = ung_dung.danh_ba()
    csrf = dang_nhap(client, "vt")
    big = CSV_TOT.encode() + b"#" * TEP_DANH_BA_TOI_DA
    got = _nap(client, csrf, "danh-ba.csv", big)
    assert got.status_code == 413
    assert f"lớn hơn {TEP_DANH_BA_TOI_DA:,} byte" in got.text
    assert ung_dung.danh_ba() == before
    assert list(thu_muc_tam.iterdir()) == []


def test_only_the_van_thu_sees_or_loads_the_directory(
    client: TestClient, ung_dung: UngDung
) -> None:
    before = ung_dung.danh_ba()
    for ten in ("cv", "ld", "syt"):
        client.cookies.clear()
        csrf = dang_nhap(client, ten)
        assert client.get("/danh-ba").status_code == 403
        assert _nap(client, csrf, "danh-ba.csv", CSV_TOT.encode()).status_code == 403
    assert ung_dung.danh_ba() == before
    client.cookies.clear()
    dang_nhap(client, "vt")
    no_token = client.post("/danh-ba", files={"tep": ("d.csv", CSV_TOT.encode(), "text/csv")})
    assert no_token.status_code == 403
    assert ung_dung.danh_ba() == before


def test_html_in_a_body_name_is_shown_as_text(
    client: TestClient, ung_dung: UngDung, thu_muc_tam: Path
) -> None:
    csrf = dang_nhap(client, "vt")
    hostile = "ma,ten\nXSS,<script>alert(1)</script> & <b>Sở</b>\n"
    assert _nap(client, csrf, "x.csv", hostile.encode()).status_code == 303
    page = client.get("/danh-ba", params={"tim": "xss"}).text
    assert "<script>alert(1)</script>" not in page and "<b>Sở</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Sở&lt;/b&gt;" in page
