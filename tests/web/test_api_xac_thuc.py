"""Who may call the API: a bearer token or a browser session with its CSRF token; 401 otherwise."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import dang_nhap
from tests.web.khach_api import bearer, du_thao, du_thao_json, sql
from vanthu.services import UngDung


def test_without_a_session_or_token_the_api_answers_401_json_naming_the_bearer_scheme(
    client: TestClient,
) -> None:
    for method, path in (("GET", "/api/van-ban"), ("POST", "/api/van-ban/1/trinh")):
        response = client.request(method, path)
        assert response.status_code == 401
        assert response.json() == {"detail": "hãy đăng nhập trước"}
        assert response.headers["www-authenticate"] == 'Bearer realm="vanthu"'


def test_an_unknown_or_revoked_token_is_401(
    client: TestClient, ung_dung: UngDung, db_url: str
) -> None:
    headers = bearer(ung_dung, "cv")
    assert client.get("/api/van-ban", headers=headers).status_code == 200
    unknown = {"Authorization": headers["Authorization"][:-2] + "xx"}
    assert client.get("/api/van-ban", headers=unknown).status_code == 401
    sql(db_url, "UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP")
    assert client.get("/api/van-ban", headers=headers).status_code == 401
    assert client.post("/api/van-ban", json=du_thao_json(), headers=headers).status_code == 401


def test_a_session_changes_only_with_its_csrf_header_and_a_token_needs_none(
    client: TestClient, ung_dung: UngDung
) -> None:
    draft = du_thao(ung_dung)
    csrf = dang_nhap(client, "cv")
    assert client.get(f"/api/van-ban/{draft}").status_code == 200
    for headers in ({}, {"X-CSRF-Token": "sai"}):
        refused = client.post(f"/api/van-ban/{draft}/trinh", headers=headers)
        assert refused.status_code == 403
        assert "CSRF" in refused.json()["detail"]
    assert ung_dung.xem_van_ban(str(draft)).trang_thai.value == "du_thao"
    done = client.post(f"/api/van-ban/{draft}/trinh", headers={"X-CSRF-Token": csrf})
    assert done.status_code == 200
    client.cookies.clear()
    other = du_thao(ung_dung)
    by_token = client.post(f"/api/van-ban/{other}/trinh", headers=bearer(ung_dung, "cv"))
    assert by_token.status_code == 200
