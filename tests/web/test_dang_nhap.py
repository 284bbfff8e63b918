"""Signing in: passwords, sessions renewed at sign-in, CSRF on every change, the slow-down."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import ManualClock
from tests.web.conftest import MAT_KHAU, csrf_dang_nhap, dang_nhap
from vanthu.errors import Refused
from vanthu.services import UngDung
from vanthu.web.phien import COOKIE_PHIEN


def test_a_page_asks_for_sign_in_and_comes_back_to_it_after(client: TestClient) -> None:
    response = client.get("/van-ban")
    assert response.status_code == 303
    assert response.headers["location"] == "/dang-nhap?tiep=/van-ban"
    form = client.get("/dang-nhap?tiep=/van-ban/1")
    token = csrf_dang_nhap(form.text)
    signed_in = client.post(
        "/dang-nhap",
        data={"ten": "cv", "mat_khau": MAT_KHAU + "cv", "csrf": token, "tiep": "/van-ban/1"},
    )
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/van-ban/1"


@pytest.mark.parametrize("tiep", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_sign_in_never_sends_the_browser_to_another_site(client: TestClient, tiep: str) -> None:
    token = csrf_dang_nhap(client.get("/dang-nhap").text)
    response = client.post(
        "/dang-nhap", data={"ten": "cv", "mat_khau": MAT_KHAU + "cv", "csrf": token, "tiep": tiep}
    )
    assert response.headers["location"] == "/van-ban"


def test_the_session_cookie_is_httponly_and_samesite(client: TestClient) -> None:
    token = csrf_dang_nhap(client.get("/dang-nhap").text)
    response = client.post(
        "/dang-nhap", data={"ten": "vt", "mat_khau": MAT_KHAU + "vt", "csrf": token}
    )
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith(COOKIE_PHIEN + "=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "samesite=lax" in cookie.lower()


@pytest.mark.parametrize(
    ("ten", "mat_khau"), [("cv", "sai-mat-khau"), ("khong_co", "mat-khau-x"), ("", "x" * 8)]
)
def test_a_wrong_name_or_password_gets_one_message_and_no_session(
    client: TestClient, ten: str, mat_khau: str
) -> None:
    token = csrf_dang_nhap(client.get("/dang-nhap").text)
    response = client.post("/dang-nhap", data={"ten": ten, "mat_khau": mat_khau, "csrf": token})
    assert response.status_code in (401, 422)
    if response.status_code == 401:
        assert "Sai tên đăng nhập hoặc mật khẩu." in response.text
    assert COOKIE_PHIEN not in client.cookies


def test_the_sign_in_form_without_its_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/dang-nhap")
    response = client.post(
        "/dang-nhap", data={"ten": "cv", "mat_khau": MAT_KHAU + "cv", "csrf": "forged"}
    )
    assert response.status_code == 403
    assert COOKIE_PHIEN not in client.cookies


def test_signing_in_again_renews_the_session_and_ends_the_old_one(client: TestClient) -> None:
    dang_nhap(client, "cv")
    first = client.cookies[COOKIE_PHIEN]
    dang_nhap(client, "cv")
    second = client.cookies[COOKIE_PHIEN]
    assert first != second
    client.cookies.clear()
    client.cookies.set(COOKIE_PHIEN, first)
    assert client.get("/van-ban").status_code == 303  # the old session is gone


def test_a_change_without_the_csrf_token_is_refused(client: TestClient) -> None:
    csrf = dang_nhap(client, "cv")
    assert client.post("/dang-xuat").status_code == 403
    assert client.post("/dang-xuat", data={"csrf": "wrong"}).status_code == 403
    assert client.post("/dang-xuat", headers={"X-CSRF-Token": csrf[:-1]}).status_code == 403
    assert client.get("/van-ban").status_code == 200  # still signed in


def test_sign_out_ends_the_session_on_the_server(client: TestClient) -> None:
    csrf = dang_nhap(client, "cv")
    cookie = client.cookies[COOKIE_PHIEN]
    assert client.post("/dang-xuat", data={"csrf": csrf}).status_code == 303
    client.cookies.clear()
    client.cookies.set(COOKIE_PHIEN, cookie)  # a copy of the cookie kept by an attacker
    assert client.get("/van-ban").status_code == 303


def test_repeated_failures_slow_sign_in_down_even_for_the_right_password(
    client: TestClient, clock: ManualClock
) -> None:
    token = csrf_dang_nhap(client.get("/dang-nhap").text)

    def attempt(mat_khau: str) -> int:
        data = {"ten": "ld", "mat_khau": mat_khau, "csrf": token}
        return client.post("/dang-nhap", data=data).status_code

    assert [attempt("sai-mat-khau") for _ in range(5)] == [401] * 5
    response = client.post(
        "/dang-nhap", data={"ten": "ld", "mat_khau": MAT_KHAU + "ld", "csrf": token}
    )
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1
    assert "thử lại sau" in response.text
    clock.now += dt.timedelta(seconds=1)
    assert attempt("sai-mat-khau") == 401  # checked after the wait; the next wait doubles
    assert attempt(MAT_KHAU + "ld") == 429
    clock.now += dt.timedelta(seconds=2)
    assert attempt(MAT_KHAU + "ld") == 303


def test_a_password_is_stored_only_as_an_argon2_hash(ung_dung: UngDung) -> None:
    with pytest.raises(Refused, match="ít nhất 8"):
        ung_dung.dat_mat_khau("vt", "cv", "short")
    with pytest.raises(Refused, match="chỉ văn thư"):
        ung_dung.dat_mat_khau("cv", "ld", "mat-khau-moi")
    ung_dung.dat_mat_khau("cv", "cv", "mat-khau-moi")  # one's own password
    token, who = ung_dung.dang_nhap("cv", "mat-khau-moi")
    assert who.ten == "cv" and ung_dung.nguoi_cua_phien(token) == who


def test_a_new_password_ends_the_users_sessions(ung_dung: UngDung) -> None:
    token, _ = ung_dung.dang_nhap("cv", MAT_KHAU + "cv")
    ung_dung.dat_mat_khau("vt", "cv", "mat-khau-khac")
    assert ung_dung.nguoi_cua_phien(token) is None


def test_an_api_token_acts_as_its_user_and_is_stored_hashed(ung_dung: UngDung) -> None:
    token = ung_dung.tao_ma_truy_cap("vt", "sync script")
    who = ung_dung.nguoi_cua_ma_truy_cap(token)
    assert who is not None and who.ten == "vt" and who.csrf == ""
    assert ung_dung.nguoi_cua_ma_truy_cap(token + "x") is None
    assert ung_dung.thu_hoi_ma_truy_cap("vt", "sync script") == 1
    assert ung_dung.nguoi_cua_ma_truy_cap(token) is None


def test_an_oversized_request_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post(
        "/dang-nhap", content=b"x", headers={"content-length": str(60 * 1024 * 1024)}
    )
    assert response.status_code == 413


def test_pages_send_the_security_headers(client: TestClient) -> None:
    response = client.get("/dang-nhap")
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_the_security_headers_keep_what_a_route_set_and_let_static_files_be_cached(
    client: TestClient,
) -> None:
    page = client.get("/dang-nhap")
    assert page.headers["cache-control"] == "no-store"
    link = client.get("/nhan/VB1-SYT/khong-phai")  # the recipient's page sets its own
    assert link.status_code == 404
    assert link.headers["referrer-policy"] == "same-origin"
    assert link.headers["x-frame-options"] == "DENY"
    static = client.get("/static/htmx.min.js")
    assert static.status_code == 200 and "cache-control" not in static.headers
    assert static.headers["x-content-type-options"] == "nosniff"
