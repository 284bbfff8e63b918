"""The Văn bản page: the list, its state tabs, the search without diacritics, one directive."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from tests.web.khach_api import den_trang_thai
from vanthu.services import TrangThaiVanBan, UngDung


def _du_thao(app: UngDung, trich_yeu: str) -> int:
    data = cong_dien_du_thao()
    data["trich_yeu"] = trich_yeu
    return app.soan_thao("cv", data, "test").van_ban_id


def test_search_finds_a_subject_typed_without_diacritics_on_both_databases(
    client: TestClient, ung_dung: UngDung
) -> None:
    xanh = _du_thao(ung_dung, "Về việc tiếp tục phát huy hiệu quả “vùng xanh”")
    dong = _du_thao(ung_dung, "Về việc phòng, chống dịch tại Đồng Nai")
    dang_nhap(client, "cv")
    for query, expected in (
        ("vung xanh", {xanh}),
        ("VÙNG", {xanh}),
        ("dong nai", {dong}),
        ("ve viec", {xanh, dong}),
        ("khong co gi", set()),
    ):
        page = client.get("/van-ban", params={"tim": query})
        assert page.status_code == 200
        shown = {i for i in (xanh, dong) if f'href="/van-ban/{i}"' in page.text}
        assert shown == expected, query


def test_an_htmx_search_gets_the_table_alone(client: TestClient, ung_dung: UngDung) -> None:
    _du_thao(ung_dung, "Về việc vùng xanh")
    dang_nhap(client, "cv")
    part = client.get("/van-ban", params={"tim": "xanh"}, headers={"HX-Request": "true"})
    assert part.text.lstrip().startswith('<table class="bang">')
    assert "<html" not in part.text


def test_the_state_tabs_filter_the_list(client: TestClient, ung_dung: UngDung) -> None:
    submitted = _du_thao(ung_dung, "Về việc trình lãnh đạo")
    ung_dung.trinh("cv", str(submitted))
    draft = _du_thao(ung_dung, "Về việc còn là dự thảo")
    dang_nhap(client, "ld")
    waiting = client.get("/van-ban", params={"loc": "cho_duyet"}).text
    assert f'href="/van-ban/{submitted}"' in waiting
    assert f'href="/van-ban/{draft}"' not in waiting
    assert client.get("/van-ban", params={"loc": "khong-co"}).status_code == 200


def test_html_in_a_subject_is_shown_as_text(client: TestClient, ung_dung: UngDung) -> None:
    hostile = _du_thao(ung_dung, "Về việc <script>alert(1)</script> & <b>đậm</b>")
    dang_nhap(client, "cv")
    for path in ("/van-ban", f"/van-ban/{hostile}"):
        page = client.get(path).text
        assert "<script>alert(1)</script>" not in page and "<b>đậm</b>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in page


def test_a_directive_page_shows_its_state_and_log(client: TestClient, ung_dung: UngDung) -> None:
    key = _du_thao(ung_dung, "Về việc vùng xanh")
    ung_dung.trinh("cv", str(key))
    dang_nhap(client, "ld")
    page = client.get(f"/van-ban/{key}").text
    assert "chờ duyệt" in page and "Nhật ký" in page
    assert "<td>Trình</td><td>dự thảo → chờ duyệt</td>" in page  # names, not the log's codes
    assert client.get("/van-ban/999999").status_code == 404


def test_a_distributed_directive_page_logs_its_own_events_and_sends_recipients_to_tracking(
    client: TestClient, ung_dung: UngDung
) -> None:
    key = den_trang_thai(ung_dung, TrangThaiVanBan.da_phat_hanh)
    assert any(d.doi_tuong.startswith("noi_nhan:") for d in ung_dung.nhat_ky(str(key)))
    dang_nhap(client, "vt")
    page = client.get(f"/van-ban/{key}").text
    log = page[page.index('id="tieu-de-nhat-ky"') :]
    rows = log.count("<tr><td>")
    assert rows == len(ung_dung.nhat_ky(str(key), chi_van_ban=True))
    assert "<td>Ban hành</td>" in log and "<td>Phát hành</td>" in log and "<td>Gửi</td>" not in log
    assert f'href="/van-ban/{key}/theo-doi"' in log
