"""The clerk in a real headless Chromium: issues, distributes and watches the progress, then
sees on Theo dõi an acknowledgement made while the page is open, without reloading it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import ANH_CHUP, MAT_KHAU, MayChuThat
from tests.web.test_phat_hanh import duyet_xong
from vanthu.services import TrangThaiVanBan, UngDung


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_clerk_issues_distributes_and_sees_an_acknowledgement_arrive(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung
) -> None:
    from playwright.sync_api import expect

    van_ban_id = duyet_xong(ung_dung)
    page = trinh_duyet.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    try:
        page.goto(f"{may_chu.url}/van-ban/{van_ban_id}")
        page.get_by_label("Tên đăng nhập").fill("vt")
        page.get_by_label("Mật khẩu").fill(MAT_KHAU + "vt")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == f"/van-ban/{van_ban_id}")

        page.get_by_role("button", name="Ban hành").click()
        page.wait_for_load_state()
        vb = ung_dung.xem_van_ban(str(van_ban_id))
        assert vb.so_ky_hieu
        expect(page.get_by_text(vb.so_ky_hieu).first).to_be_visible()
        expect(page.get_by_text("Nơi nhận: 53 cơ quan")).to_be_visible()

        page.get_by_role("button", name="Phát hành", exact=True).click()
        expect(page.get_by_text("Phát hành xong")).to_be_visible(timeout=60_000)
        expect(page.get_by_text("đã gửi 53/53 cơ quan")).to_be_visible()
        expect(page.locator(".thong-tin .trang-thai.tt-da_phat_hanh")).to_have_text("đã phát hành")
        page.screenshot(path=str(ANH_CHUP / "phat-hanh.png"), full_page=True)
        assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_phat_hanh

        page.reload()  # the page survives a reload: the store's state is shown
        expect(page.get_by_text("đã gửi 53/53 cơ quan")).to_be_visible()
        page.get_by_role("link", name="Theo dõi các nơi nhận").first.click()
        page.wait_for_url(lambda url: urlsplit(url).path.endswith("/theo-doi"))
        row = page.locator("#noi-nhan-SYT")
        expect(row).to_have_class("dong-da-gui")

        ung_dung.xac_nhan("syt", str(van_ban_id), "SYT")  # while the page is open
        expect(row).to_have_class("dong-dung-han", timeout=5_000)
        expect(row).to_contain_text("Nhận đúng hạn")
        expect(page.get_by_role("link", name="Nhận đúng hạn 1")).to_be_visible()
        # The colour code is on the screen, not only on paper: the badge and the row's edge.
        badge = row.locator(".nhan-tt").first
        assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(232, 245, 236)"
        edge = row.locator("th").evaluate("e => getComputedStyle(e).borderLeftColor")
        assert edge == "rgb(76, 154, 99)"
        page.screenshot(path=str(ANH_CHUP / "theo-doi.png"), full_page=True)
        page.emulate_media(media="print")  # printed: no navigation, no forms, plain badges
        assert not page.get_by_role("navigation", name="Chức năng").is_visible()
        assert not page.get_by_role("button", name="Đôn đốc").is_visible()
        assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
        page.emulate_media(media="screen")
        assert urlsplit(page.url).path == f"/van-ban/{van_ban_id}/theo-doi"
        assert not errors, errors
    finally:
        page.close()
