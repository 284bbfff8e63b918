"""Soạn thảo and Duyệt in a real headless Chromium: the drafter types a công văn, previews and
submits it; the leader returns it once with a reason, the drafter submits again, the leader
approves. A drafter pastes a table from a spreadsheet and adds a footnote; another adds a "+" row
under a Nơi nhận line and an annex."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.web.conftest import ANH_CHUP, MayChuThat, trang_da_dang_nhap
from vanthu.services import TrangThaiVanBan, UngDung


def _go(page: Any, selector: str, text: str) -> None:
    """Focus an input and type into it, key by key."""
    page.locator(selector).focus()
    page.keyboard.type(text)


def _bao_cao_moi(cv: Any, doan: str) -> None:
    """Fill a new báo cáo of the Sở Y tế: its header, its first paragraph and its signer."""
    cv.get_by_label("Loại văn bản").select_option("bao_cao")
    cv.locator("#o-co_quan_chu_quan").fill("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN")
    cv.locator("#o-co_quan").fill("SỞ Y TẾ")
    cv.locator("#o-ky_hieu_co_quan").fill("SYT")
    cv.locator("#o-dia_danh").fill("Ninh Thuận")
    cv.locator("#o-trich_yeu").fill("Kết quả tiêm vắc xin phòng COVID-19")
    cv.locator("#o-kinh_gui").fill("Ủy ban nhân dân tỉnh Ninh Thuận")
    _go(cv, "#o-noi_dung-0-doan", doan)
    cv.locator("#o-nguoi_ky-chuc_vu").fill("GIÁM ĐỐC")
    cv.locator("#o-nguoi_ky-ho_ten").fill("Nguyễn Văn Hòa")


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
        _go(cv, "#o-noi_dung-0-doan", "Thực hiện chỉ đạo của UBND tỉnh, Sở Y tế đề nghị:")
        cv.get_by_role("button", name="Thêm đoạn").click()  # the page again, the new row focused
        expect(cv.locator("#o-noi_dung-1-doan")).to_be_focused()
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


#: Rows as a spreadsheet puts them on the clipboard: TAB between cells, CR LF after each row,
#: a cell holding a line break in quotes.
DAN_TU_BANG_TINH = (
    "1\tPhường Bảo An\t11.585\t80,7\r\n"
    '2\t"Phường\nĐài Sơn"\t7.049\t78,3\r\n'
    "3\tXã Phước Hải\t16.073\t95,9\r\n"
)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_drafter_pastes_a_table_from_a_spreadsheet_adds_a_footnote_and_sees_the_table(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung
) -> None:
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    cv.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=may_chu.url)
    try:
        cv.goto(may_chu.url + "/soan-thao")
        _bao_cao_moi(cv, "Sở Y tế báo cáo kết quả tiêm chủng[^1] như sau:")

        cv.get_by_role("button", name="Thêm bảng").click()
        expect(cv.locator("#o-noi_dung-1-bang-ten")).to_be_focused()
        cv.keyboard.type("Bảng 1. Kết quả tiêm theo xã, phường")
        cv.get_by_label("Các cột").fill("STT | 1 | giữa\nXã, phường\nĐã tiêm | 2,5\nTỷ lệ (%) | 2")
        cv.get_by_label("Dòng tiêu đề gộp (nếu có)").fill("Địa bàn (gộp 2) | Kết quả (gộp 2)")
        cv.evaluate("t => navigator.clipboard.writeText(t)", DAN_TU_BANG_TINH)
        cv.get_by_label("Các dòng của bảng").focus()
        cv.keyboard.press("Control+V")
        assert cv.get_by_label("Các dòng của bảng").input_value() == DAN_TU_BANG_TINH.replace(
            "\r\n", "\n"
        )
        _go(cv, "#o-noi_dung-2-doan", "Sở Y tế kính báo cáo./.")
        _go(cv, "#o-chu_thich-0-nhan", "1")
        _go(cv, "#o-chu_thich-0-ghi_chu", "Số liệu đến ngày 10/9/2021.")

        cv.get_by_role("button", name="Lưu nháp").click()
        cv.wait_for_url(re.compile(r"/soan-thao/\d+\?xong=luu$"))
        van_ban_id = re.findall(r"/soan-thao/(\d+)", cv.url)[0]
        vb = ung_dung.xem_van_ban(van_ban_id).van_ban
        bang = vb.noi_dung[1].bang
        assert bang is not None and bang.ten == "Bảng 1. Kết quả tiêm theo xã, phường"
        assert [c.ten for c in bang.cot] == ["STT", "Xã, phường", "Đã tiêm", "Tỷ lệ (%)"]
        assert bang.dong == [
            ["1", "Phường Bảo An", "11.585", "80,7"],
            ["2", "Phường\nĐài Sơn", "7.049", "78,3"],
            ["3", "Xã Phước Hải", "16.073", "95,9"],
        ]
        assert [[o.gop for o in row] for row in bang.tieu_de_gop] == [[2, 2]]
        assert vb.chu_thich == {"1": "Số liệu đến ngày 10/9/2021."}

        cv.get_by_role("button", name="Xem trước").click()
        cv.locator("img.trang-in").first.wait_for()
        assert cv.locator("img.trang-in").count() == len(ung_dung.xem_truoc_van_ban(van_ban_id))
        cv.locator("#o-noi_dung-1").scroll_into_view_if_needed()
        cv.screenshot(path=str(ANH_CHUP / "soan-thao-bang.png"))
        cv.locator("img.trang-in").first.screenshot(
            path=str(ANH_CHUP / "soan-thao-bang-trang-1.png")
        )
    finally:
        cv.context.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_drafter_adds_a_sub_item_and_an_annex_saves_and_sees_the_annex_page(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung
) -> None:
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    try:
        cv.goto(may_chu.url + "/soan-thao")
        _bao_cao_moi(cv, "Sở Y tế báo cáo kết quả tiêm tại Phụ lục kèm theo./.")
        _go(cv, "#o-noi_nhan-0-ten", "Các sở, ban, ngành")

        # A "+" row under the first Nơi nhận line: the page again, the new row focused.
        cv.get_by_role("button", name="Thêm dòng “+” dưới nơi nhận 1").click()
        expect(cv.locator("#o-noi_nhan-0-muc_con-0-ten")).to_be_focused()
        cv.keyboard.type("Sở Tài chính")
        cv.keyboard.press("Tab")
        cv.keyboard.type("STC")
        line = cv.get_by_role("group", name="Nơi nhận 1", exact=True)
        line.screenshot(path=str(ANH_CHUP / "soan-thao-noi-nhan-muc-con.png"))

        cv.get_by_role("button", name="Thêm phụ lục", exact=True).click()
        expect(cv.locator("#o-phu_luc-0-ten")).to_be_focused()
        cv.keyboard.type("Kết quả tiêm theo huyện")
        cv.locator("#o-kem_theo_cua").fill("Sở Y tế tỉnh Ninh Thuận")
        _go(cv, "#o-phu_luc-0-noi_dung-0-doan", "1. Huyện Ninh Hải: 5.320 người đã tiêm.")
        cv.get_by_role("button", name="Thêm đoạn của phụ lục").click()
        expect(cv.locator("#o-phu_luc-0-noi_dung-1-doan")).to_be_focused()
        cv.keyboard.type("2. Huyện Bác Ái: 1.860 người đã tiêm.")

        cv.get_by_role("button", name="Lưu nháp").click()
        cv.wait_for_url(re.compile(r"/soan-thao/\d+\?xong=luu$"))
        van_ban_id = re.findall(r"/soan-thao/(\d+)", cv.url)[0]
        vb = ung_dung.xem_van_ban(van_ban_id).van_ban
        assert [(s.ten, s.ma_co_quan) for s in vb.noi_nhan[0].muc_con] == [
            ("Sở Tài chính", ["STC"])
        ]
        assert [(p.ten, [d.doan for d in p.noi_dung]) for p in vb.phu_luc] == [
            (
                "Kết quả tiêm theo huyện",
                [
                    "1. Huyện Ninh Hải: 5.320 người đã tiêm.",
                    "2. Huyện Bác Ái: 1.860 người đã tiêm.",
                ],
            )
        ]

        cv.get_by_role("button", name="Xem trước").click()
        cv.locator("img.trang-in").first.wait_for()
        pages = cv.locator("img.trang-in")
        assert pages.count() == len(ung_dung.xem_truoc_van_ban(van_ban_id)) >= 2
        cv.locator("#o-phu_luc").scroll_into_view_if_needed()
        cv.screenshot(path=str(ANH_CHUP / "soan-thao-phu-luc.png"))
        pages.last.screenshot(path=str(ANH_CHUP / "soan-thao-phu-luc-trang.png"))
    finally:
        cv.context.close()
