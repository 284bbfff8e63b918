"""A recipient on a phone: the link decoded from its slip's QR code opens in headless Chromium,
shows the body's task, and Xác nhận đã nhận is recorded."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from tests.rendering.dumps import pdf_page_png
from tests.web.conftest import ANH_CHUP, MayChuThat
from tests.web.test_nhan import phat_hanh
from vanthu.services import UngDung


def qr_cua(phieu: bytes) -> str:
    """What the one QR code on a slip carries, read from a 150 dpi picture of its page."""
    image = Image.open(io.BytesIO(pdf_page_png(phieu, dpi=150)))
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    assert len(found) == 1
    return found[0].text


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_body_opens_its_slips_qr_link_on_a_phone_and_confirms_receipt(
    may_chu: MayChuThat,
    ung_dung: UngDung,
    trinh_duyet: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("VANTHU_BASE_URL", may_chu.url)
    key = phat_hanh(ung_dung)
    [phieu] = (tmp_path / "output").rglob("SNV/phieu-gui.pdf")
    url = qr_cua(phieu.read_bytes())
    assert url.startswith(may_chu.url + "/nhan/VB")

    page = trinh_duyet.new_page(viewport={"width": 375, "height": 812}, locale="vi-VN")
    try:
        page.goto(url)
        assert page.get_by_text("Sở Nội vụ tỉnh Ninh Thuận").first.is_visible()
        assert page.get_by_text("Hạn: 05/10/2021").is_visible()
        page.screenshot(path=str(ANH_CHUP / "noi-nhan-truoc.png"), full_page=True)
        # Nothing is wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.get_by_role("button", name="Xác nhận đã nhận").click()
        page.wait_for_url(lambda u: u.endswith("?xong=nhan"))
        assert page.get_by_role("status").inner_text().startswith("Đã xác nhận nhận văn bản")
        assert page.get_by_role("button", name="Xác nhận đã nhận").count() == 0
        page.screenshot(path=str(ANH_CHUP / "noi-nhan.png"), full_page=True)
    finally:
        page.close()
    rows = {r.ma: r for r in ung_dung.trang_thai(key).dong}
    assert rows["SNV"].nhan_luc is not None and rows["SYT"].nhan_luc is None
