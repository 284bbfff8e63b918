"""Duyệt over HTTP, on SQLite and PostgreSQL: the leader returns with a reason and approves from
the directive's page; the drafter submits again; what a role may not do changes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from vanthu.services import TrangThaiVanBan, UngDung


def _cho_duyet(ung_dung: UngDung) -> int:
    van_ban_id = ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id
    ung_dung.trinh("cv", str(van_ban_id))
    return van_ban_id


def _trang_thai(ung_dung: UngDung, van_ban_id: int) -> TrangThaiVanBan:
    return ung_dung.xem_van_ban(str(van_ban_id)).trang_thai


def test_the_leader_returns_with_a_reason_the_drafter_resubmits_the_leader_approves(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    page = client.get(f"/van-ban/{van_ban_id}").text
    assert f'hx-get="/van-ban/{van_ban_id}/xem-truoc" hx-trigger="load"' in page
    assert '<label for="ly-do-tra-lai">Lý do trả lại</label>' in page
    returned = client.post(
        f"/van-ban/{van_ban_id}/tra-lai", data={"csrf": csrf, "ly_do": "Bổ sung nơi nhận"}
    )
    assert returned.status_code == 303
    assert returned.headers["location"] == f"/van-ban/{van_ban_id}?xong=tra_lai"
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.tra_lai
    page = client.get(returned.headers["location"]).text
    assert "Đã trả lại văn bản cho người soạn." in page and "Bổ sung nơi nhận" in page

    csrf = dang_nhap(client, "cv")
    page = client.get(f"/van-ban/{van_ban_id}").text
    assert f'href="/soan-thao/{van_ban_id}">Sửa dự thảo' in page
    assert f'action="/van-ban/{van_ban_id}/trinh"' in page
    assert 'action="/van-ban/' + str(van_ban_id) + '/duyet"' not in page
    resubmitted = client.post(f"/van-ban/{van_ban_id}/trinh", data={"csrf": csrf})
    assert resubmitted.status_code == 303
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.cho_duyet

    csrf = dang_nhap(client, "ld")
    approved = client.post(f"/van-ban/{van_ban_id}/duyet", data={"csrf": csrf})
    assert approved.status_code == 303
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.da_duyet
    page = client.get(approved.headers["location"]).text
    assert "Đã duyệt văn bản; văn thư sẽ ban hành." in page
    events = [d.su_kien for d in ung_dung.nhat_ky(str(van_ban_id))]
    assert events == ["soan_thao", "trinh", "tra_lai", "trinh", "duyet"]


def test_a_return_without_a_reason_is_refused_and_changes_nothing(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "ld")
    response = client.post(f"/van-ban/{van_ban_id}/tra-lai", data={"csrf": csrf, "ly_do": " "})
    assert response.status_code == 422
    assert "lý do" in response.text
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.cho_duyet


def test_a_specialist_cannot_approve_or_return_and_nothing_changes(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = _cho_duyet(ung_dung)
    csrf = dang_nhap(client, "cv")
    assert 'class="chinh">Duyệt<' not in client.get(f"/van-ban/{van_ban_id}").text
    approve = client.post(f"/van-ban/{van_ban_id}/duyet", data={"csrf": csrf})
    assert approve.status_code == 403
    assert (
        "không được &#39;duyệt&#39; khi đang ở trạng thái &#39;chờ duyệt&#39; "
        "với vai trò &#39;chuyên viên&#39;" in approve.text
    )
    back = client.post(f"/van-ban/{van_ban_id}/tra-lai", data={"csrf": csrf, "ly_do": "x"})
    assert back.status_code == 403
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.cho_duyet
    assert ung_dung.xem_van_ban(str(van_ban_id)).phien_ban == 2


def test_lifecycle_buttons_without_the_csrf_token_are_refused(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = _cho_duyet(ung_dung)
    dang_nhap(client, "ld")
    assert client.post(f"/van-ban/{van_ban_id}/duyet").status_code == 403
    forged = client.post(f"/van-ban/{van_ban_id}/duyet", data={"csrf": "forged"})
    assert forged.status_code == 403
    assert client.post(f"/van-ban/{van_ban_id}/tra-lai", data={"ly_do": "x"}).status_code == 403
    assert _trang_thai(ung_dung, van_ban_id) is TrangThaiVanBan.cho_duyet


def test_the_leader_sees_the_stored_drafts_pages(client: TestClient, ung_dung: UngDung) -> None:
    van_ban_id = _cho_duyet(ung_dung)
    dang_nhap(client, "ld")
    fragment = client.get(f"/van-ban/{van_ban_id}/xem-truoc")
    assert fragment.status_code == 200
    assert fragment.text.count('src="data:image/jpeg;base64,') == 3
    assert client.get("/van-ban/999/xem-truoc").status_code == 200  # says what went wrong
    assert "không tìm thấy" in client.get("/van-ban/999/xem-truoc").text
