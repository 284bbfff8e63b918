"""The whole journey (hành trình) in one headless Chromium, each person in their own browser
context: the drafter uploads the Ninh Thuận công điện and submits it, the leader returns it once
and then approves, the clerk issues and distributes, a recipient body opens the link decoded
from its slip's QR code on a phone and confirms, and the clerk's Theo dõi page, open all along,
shows it without a reload."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import ANH_CHUP, MayChuThat, trang_da_dang_nhap
from tests.web.test_nhan_trinh_duyet import qr_cua
from vanthu.services import TrangThaiVanBan, UngDung


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_directive_goes_from_upload_to_a_phone_acknowledgement_seen_live_by_the_clerk(
    may_chu: MayChuThat,
    trinh_duyet: Any,
    ung_dung: UngDung,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from playwright.sync_api import expect

    monkeypatch.setenv("VANTHU_BASE_URL", may_chu.url)  # what the slips link to
    tep = tmp_path / "cong-dien.yaml"
    tep.write_text(yaml.safe_dump(cong_dien_du_thao(), allow_unicode=True), encoding="utf-8")
    cv, ld, vt = (trang_da_dang_nhap(trinh_duyet, may_chu, ten) for ten in ("cv", "ld", "vt"))
    phone = trinh_duyet.new_context(
        viewport={"width": 375, "height": 812}, locale="vi-VN", is_mobile=True, has_touch=True
    ).new_page()
    try:
        # The drafter uploads the directive file and submits the draft.
        cv.get_by_role("link", name="Soạn thảo").click()
        cv.get_by_text("Tạo từ tệp văn bản").click()
        cv.get_by_label("Tệp văn bản").set_input_files(str(tep))
        cv.get_by_role("button", name="Tải lên và lưu nháp").click()
        cv.wait_for_url(re.compile(r"/soan-thao/\d+\?xong=tai_len$"))
        van_ban_id = int(re.findall(r"/soan-thao/(\d+)", cv.url)[0])
        page_url = f"{may_chu.url}/van-ban/{van_ban_id}"
        cv.get_by_role("button", name="Trình", exact=True).click()
        cv.wait_for_url(re.compile(rf"/van-ban/{van_ban_id}\?xong=trinh$"))

        # The leader returns it once with a reason; the drafter submits again; it is approved.
        ld.goto(page_url)
        ld.get_by_label("Lý do trả lại").fill("Bổ sung hạn báo cáo của Sở Nội vụ")
        ld.get_by_role("button", name="Trả lại").click()
        ld.wait_for_url(page_url + "?xong=tra_lai")
        cv.goto(page_url)
        expect(cv.get_by_text("Bổ sung hạn báo cáo của Sở Nội vụ")).to_be_visible()
        cv.get_by_role("button", name="Trình", exact=True).click()
        cv.wait_for_url(page_url + "?xong=trinh")
        ld.goto(page_url)
        ld.get_by_role("button", name="Duyệt", exact=True).click()
        ld.wait_for_url(page_url + "?xong=duyet")

        # The clerk issues and distributes, then keeps Theo dõi open.
        vt.goto(page_url)
        vt.get_by_role("button", name="Ban hành").click()
        vt.wait_for_load_state()
        vt.get_by_role("button", name="Phát hành", exact=True).click()
        expect(vt.get_by_text("Phát hành xong")).to_be_visible(timeout=90_000)
        vt.get_by_role("link", name="Theo dõi các nơi nhận").first.click()
        vt.wait_for_url(lambda url: urlsplit(url).path.endswith("/theo-doi"))
        row = vt.locator("#noi-nhan-SNV")
        expect(row).to_have_class("dong-da-gui")

        # Sở Nội vụ scans its slip on a phone and confirms receipt.
        [phieu] = (tmp_path / "output").rglob("SNV/phieu-gui.pdf")
        link = qr_cua(phieu.read_bytes())
        assert link.startswith(may_chu.url + "/nhan/")
        phone.goto(link)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        phone.get_by_role("button", name="Xác nhận đã nhận").tap()
        phone.wait_for_url(lambda u: u.endswith("?xong=nhan"))

        # The clerk's page shows it within five seconds, without a reload.
        expect(row).to_have_class("dong-dung-han", timeout=5_000)
        vt.screenshot(path=str(ANH_CHUP / "hanh-trinh-theo-doi.png"), full_page=False)
        phone.screenshot(path=str(ANH_CHUP / "hanh-trinh-dien-thoai.png"), full_page=True)
        assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_phat_hanh
        received = {r.ma: r.nhan_luc for r in ung_dung.trang_thai(str(van_ban_id)).dong}
        assert received["SNV"] is not None
        assert sum(moment is not None for moment in received.values()) == 1
    finally:
        for page in (cv, ld, vt, phone):
            page.context.close()
