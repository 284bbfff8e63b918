"""Two-step signing (#10) in a real headless Chromium, each person in their own browser
context: the leader approves with "Duyệt (ký số hai bước)" and the directive waits in chờ ký số
(its page audited for labels and the keyboard), he downloads the prepared PDF (no number yet),
hands back an unsigned one (refused beside the form), then the one his own tool signed; the
clerk's Ban hành numbers, dates and has the organisation sign; the page says đã ký số and who
signed, the issued PDF verifies, and its first page shows the number filled in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.services.conftest import cong_dien_du_thao
from tests.services.ky_so_chung import cong_cu_lanh_dao
from tests.web.conftest import ANH_CHUP, MayChuThat, ngoai_vong_lap, trang_da_dang_nhap
from tests.web.test_trinh_duyet_tiep_can import kiem_tra_trang
from vanthu.services import TrangThaiVanBan, UngDung, xac_minh_pdf


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_leader_approves_and_signs_on_his_own_computer_then_the_clerk_issues(
    may_chu: MayChuThat,
    trinh_duyet: Any,
    ung_dung: UngDung,
    ky_hai_buoc: Path,
    khoa: Path,
) -> None:
    from playwright.sync_api import expect

    key = str(ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    ung_dung.trinh("cv", key)
    page_url = f"{may_chu.url}/van-ban/{key}"
    ld, vt = (trang_da_dang_nhap(trinh_duyet, may_chu, ten) for ten in ("ld", "vt"))
    try:
        # Duyệt says what it means: he will sign on his own computer, before the number.
        ld.goto(page_url)
        expect(ld.get_by_text("ký số trên máy của mình và nộp lại")).to_be_visible()
        ld.screenshot(path=str(ANH_CHUP / "ky-so-duyet.png"), full_page=True)
        ld.get_by_role("button", name="Duyệt (ký số hai bước)", exact=True).click()
        ld.wait_for_url(page_url + "?xong=duyet_cho_ky")
        expect(ld.get_by_role("heading", name="Chờ ký số")).to_be_visible()
        ld.screenshot(path=str(ANH_CHUP / "ky-so-cho-ky.png"), full_page=True)
        kiem_tra_trang(ld, f"/van-ban/{key}")
        vb = ung_dung.xem_van_ban(key)
        assert (vb.trang_thai, vb.so_ky_hieu) == (TrangThaiVanBan.cho_ky_so, None)

        # He downloads the prepared PDF; the unsigned file handed back is refused in one line.
        ld.goto(page_url)
        with ld.expect_download() as download:
            ld.get_by_role("link", name="Tải bản để ký").click()
        prepared = Path(download.value.path()).read_bytes()
        assert prepared.startswith(b"%PDF") and download.value.suggested_filename.endswith(".pdf")
        upload = ld.get_by_label("Bản đã ký")
        upload.set_input_files(
            files=[{"name": "chua-ky.pdf", "mimeType": "application/pdf", "buffer": prepared}]
        )
        ld.get_by_role("button", name="Nộp bản đã ký").click()
        refusal = ld.locator("#loi-nop-ban-ky")
        expect(refusal).to_contain_text("not the prepared document")
        ld.screenshot(path=str(ANH_CHUP / "ky-so-tu-choi.png"), full_page=True)
        assert ung_dung.xem_van_ban(key).trang_thai is TrangThaiVanBan.cho_ky_so

        # Signed with his own tool and handed back: approved and signed, for Ban hành.
        signed = ngoai_vong_lap(cong_cu_lanh_dao, prepared, khoa)
        ld.get_by_label("Bản đã ký").set_input_files(
            files=[{"name": "da-ky.pdf", "mimeType": "application/pdf", "buffer": signed}]
        )
        ld.get_by_role("button", name="Nộp bản đã ký").click()
        ld.wait_for_url(page_url + "?xong=ky_so")
        expect(ld.get_by_role("heading", name="Lãnh đạo đã ký số")).to_be_visible()
        ld.screenshot(path=str(ANH_CHUP / "ky-so-lanh-dao-da-ky.png"), full_page=True)
        assert ung_dung.xem_van_ban(key).ky_so == "lanh_dao_da_ky"

        # The clerk's Ban hành: number, date, the organisation's signature.
        vt.goto(page_url)
        expect(vt.get_by_text("Lãnh đạo ld đã ký số khi duyệt")).to_be_visible()
        vt.get_by_role("button", name="Ban hành", exact=True).click()
        vt.wait_for_url(page_url)
        expect(vt.get_by_text("Tệp PDF mang 2 chữ ký số")).to_be_visible()
        expect(vt.get_by_text("hợp lệ: chữ ký nguyên vẹn")).to_be_visible()
        vt.screenshot(path=str(ANH_CHUP / "ky-so-da-ky.png"), full_page=True)
        assert ung_dung.xem_van_ban(key).trang_thai is TrangThaiVanBan.da_ban_hanh
        issued = ung_dung.tep_tai_ve(key, "pdf").read_bytes()
        assert ngoai_vong_lap(xac_minh_pdf, issued).hop_le and issued.startswith(signed)
        (ANH_CHUP / "ky-so-ban-hanh.pdf").write_bytes(issued)
    finally:
        for page in (ld, vt):
            page.context.close()
