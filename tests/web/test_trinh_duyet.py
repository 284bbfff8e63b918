"""The desk in a real headless Chromium: signing in and the list of directives."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import ANH_CHUP, MAT_KHAU, MayChuThat


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_clerk_signs_in_with_the_keyboard_and_sees_the_list(
    may_chu: MayChuThat, trinh_duyet: Any
) -> None:
    page = trinh_duyet.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    try:
        page.goto(may_chu.url + "/van-ban")
        assert page.url.endswith("/dang-nhap?tiep=/van-ban")
        page.get_by_label("Tên đăng nhập").fill("vt")
        page.get_by_label("Mật khẩu").fill(MAT_KHAU + "vt")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == "/van-ban")
        assert page.get_by_role("heading", name="Văn bản").is_visible()
        assert page.get_by_role("link", name="Danh bạ").is_visible()
        page.screenshot(path=str(ANH_CHUP / "van-ban.png"), full_page=True)
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url(lambda url: urlsplit(url).path == "/dang-nhap")
        page.screenshot(path=str(ANH_CHUP / "dang-nhap.png"))
    finally:
        page.close()
