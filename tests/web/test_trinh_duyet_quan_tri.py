"""The văn thư's Sổ văn bản đi, Danh bạ and Người dùng pages in a real headless Chromium."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import ANH_CHUP, MAT_KHAU, MayChuThat
from vanthu.services import UngDung


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_clerk_reads_the_register_searches_the_directory_and_adds_a_user(
    may_chu: MayChuThat, ung_dung: UngDung, trinh_duyet: Any
) -> None:
    key = str(ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    ung_dung.trinh("cv", key)
    ung_dung.duyet("ld", key)
    ung_dung.ban_hanh("vt", key)
    ung_dung.giu_so("vt", "UBND:chung", "Giấy mời họp trực tuyến với các huyện")
    page = trinh_duyet.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    try:
        page.goto(may_chu.url + "/dang-nhap")
        page.get_by_label("Tên đăng nhập").fill("vt")
        page.get_by_label("Mật khẩu").fill(MAT_KHAU + "vt")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: urlsplit(url).path == "/van-ban")

        page.get_by_role("link", name="Sổ văn bản đi").click()
        page.get_by_label("Năm", exact=True).fill("2021")
        page.get_by_label("Năm", exact=True).press("Enter")
        page.wait_for_url(lambda url: "nam=2021" in url)
        table = page.get_by_role("table", name="Sổ văn bản đi năm 2021: 2 số đã cấp")
        assert table.is_visible()
        assert page.get_by_role("link", name="Tải PDF").is_visible()
        page.screenshot(path=str(ANH_CHUP / "so-van-ban-di.png"), full_page=True)

        page.get_by_role("link", name="Danh bạ").click()
        page.get_by_label("Tìm theo mã, tên").press_sequentially("so y te")
        expect(page.locator("#bang-danh-ba tbody tr")).to_have_count(1)
        assert page.locator("#bang-danh-ba").get_by_text("Sở Y tế tỉnh Ninh Thuận").is_visible()
        page.get_by_label("Tìm theo mã, tên").fill("")
        page.get_by_label("Tìm theo mã, tên").press("Enter")
        expect(page.locator("#bang-danh-ba tbody tr")).to_have_count(ung_dung.danh_ba().tong_so)
        page.screenshot(path=str(ANH_CHUP / "danh-ba.png"), full_page=True)

        page.get_by_role("link", name="Người dùng").click()
        page.get_by_label("Tên đăng nhập").fill("vtyt")
        page.get_by_label("Họ và tên").fill("Lê Thị Hoa")
        page.get_by_label("Vai trò").select_option(label="đơn vị nhận")
        page.get_by_label("Cơ quan (chỉ cho đơn vị nhận)").select_option("SYT")
        page.get_by_label("Mật khẩu (không bắt buộc)").fill("mat-khau-moi-1")
        page.get_by_label("Mật khẩu (không bắt buộc)").press("Enter")
        page.wait_for_url(lambda url: "da_luu=vtyt" in url)
        assert page.get_by_role("status").get_by_text("Đã lưu người dùng vtyt.").is_visible()
        assert page.get_by_role("row", name="vtyt").is_visible()
        page.screenshot(path=str(ANH_CHUP / "nguoi-dung.png"), full_page=True)
    finally:
        page.close()
