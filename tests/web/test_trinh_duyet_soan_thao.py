"""Soạn thảo and Duyệt in a real headless Chromium: the drafter types a công văn, previews and
submits it; the leader returns it once with a reason, the drafter submits again, the leader
approves."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import ANH_CHUP, MayChuThat, trang_da_dang_nhap
from vanthu.services import TrangThaiVanBan, UngDung


def _go(page: Any, selector: str, text: str) -> None:
    """Focus an input and type into it, key by key."""
    page.locator(selector).focus()
    page.keyboard.type(text)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_drafter_types_previews_and_submits_the_leader_returns_once_then_approves(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung
) -> None:
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    ld = trang_da_dang_nhap(trinh_duyet, may_chu, "ld")
    try:
        cv.get_by_role("link", name="Soạn thảo").click()
        cv.wait_for_url(lambda url: urlsplit(url).path == "/soan-thao")
        cv.get_by_label("Loại văn bản").focus()
        cv.get_by_label("Loại văn bản").select_option("cong_van")
        cv.keyboard.press("Tab")  # on to Cơ quan chủ quản
        cv.keyboard.type("UBND TỈNH NINH THUẬN")
        cv.keyboard.press("Tab")
        cv.keyboard.type("SỞ Y TẾ")
        cv.keyboard.press("Tab")
        cv.keyboard.type("SYT")
        cv.keyboard.press("Tab")
        cv.keyboard.type("NVY")
        _go(cv, "#o-dia_danh", "Ninh Thuận")
        _go(cv, "#o-trich_yeu", "V/v tăng cường phòng, chống dịch sốt xuất huyết")
        _go(cv, "#o-kinh_gui", "Ủy ban nhân dân các huyện, thành phố")
        _go(cv, "#o-noi_dung", "Thực hiện chỉ đạo của UBND tỉnh, Sở Y tế đề nghị:")
        cv.keyboard.press("Enter")
        cv.keyboard.type("1. Tổ chức diệt lăng quăng tại các hộ gia đình./.")
        _go(cv, "#o-nguoi_ky-chuc_vu", "GIÁM ĐỐC")
        _go(cv, "#o-nguoi_ky-ho_ten", "Lê Văn Bình")
        _go(cv, "#o-noi_nhan-0-ten", "Như trên")
        cv.locator("#o-noi_nhan-0-nhom").select_option("ubnd_huyen")
        _go(cv, "#o-noi_nhan-1-ten", "Lãnh đạo Sở")
        cv.locator("#o-noi_nhan-1-noi_bo").check()
        _go(cv, "#o-luu", "NVY")

        cv.get_by_role("button", name="Xem trước").click()
        cv.locator("img.trang-in").first.wait_for()
        assert cv.locator("img.trang-in").count() >= 1
        assert cv.locator("img.trang-in").first.evaluate("i => i.naturalWidth") > 500
        cv.evaluate("window.scrollTo(0, 0)")  # the preview column sticks to the top
        cv.screenshot(path=str(ANH_CHUP / "soan-thao.png"), full_page=True)

        cv.get_by_role("button", name="Trình", exact=True).click()
        cv.wait_for_url(re.compile(r"/van-ban/\d+\?xong=trinh$"))
        assert cv.get_by_text("Đã trình văn bản; lãnh đạo sẽ duyệt.").is_visible()
        van_ban_id = int(re.findall(r"/van-ban/(\d+)", cv.url)[0])
        url = f"{may_chu.url}/van-ban/{van_ban_id}"

        ld.goto(url)
        ld.locator("img.trang-in").first.wait_for()
        ld.get_by_label("Lý do trả lại").fill("Bổ sung Trung tâm Kiểm soát bệnh tật vào nơi nhận")
        ld.get_by_role("button", name="Trả lại").click()
        ld.wait_for_url(url + "?xong=tra_lai")
        assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.tra_lai

        cv.goto(url)
        assert cv.get_by_text("Bổ sung Trung tâm Kiểm soát bệnh tật vào nơi nhận").is_visible()
        cv.get_by_role("button", name="Trình", exact=True).click()
        cv.wait_for_url(url + "?xong=trinh")

        ld.goto(url)
        ld.locator("img.trang-in").first.wait_for()
        ld.screenshot(path=str(ANH_CHUP / "duyet.png"), full_page=True)
        ld.get_by_role("button", name="Duyệt", exact=True).click()
        ld.wait_for_url(url + "?xong=duyet")
        assert ld.get_by_text("Đã duyệt văn bản; văn thư sẽ ban hành.").is_visible()
        assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_duyet
    finally:
        cv.context.close()
        ld.context.close()
