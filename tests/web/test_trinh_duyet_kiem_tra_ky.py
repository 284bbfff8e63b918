"""Kiểm tra chữ ký số in a real headless Chromium: the clerk uploads a signed directive and a
tampered copy and reads the two verdicts; a body does the same on its link's page. The pages
pass the accessibility audit every main page passes (labels, names, one h1, keyboard path)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.ky_so.conftest import LUC_KY, Khoa, vi_tri
from tests.ky_so.conftest import ban_de_ky as ban_de_ky  # the signing fixtures, shared
from tests.ky_so.conftest import khoa as khoa
from tests.ky_so.pdf_doc_hai import cap_nhat_sau_ky, doi_mot_byte
from tests.web.conftest import ANH_CHUP, MayChuThat, trang_da_dang_nhap
from tests.web.test_nhan import lien_ket, phat_hanh
from tests.web.test_trinh_duyet_tiep_can import KIEM_TRA, kiem_tra_trang
from vanthu.ky_so import ky_co_quan, ky_lanh_dao
from vanthu.rendering.renderer import BanDeKy
from vanthu.services import UngDung

T = TypeVar("T")


def _ngoai_vong(work: Callable[[], T]) -> T:
    """``work`` in a thread of its own: pyHanko signs and checks keys in an event loop of its
    own (asyncio.run), which the one Playwright's sync API keeps running here forbids."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result()


def _ky(ban: BanDeKy, khoa: Khoa) -> bytes:
    """The directive signed twice (leader, then organisation)."""
    (k,) = ban.khung
    leader, org = vi_tri(ban)
    pdf = ky_lanh_dao(ban.pdf, khoa.cau_hinh, "lanh_dao", leader, k.anh_chu_ky, LUC_KY)
    return ky_co_quan(pdf, khoa.cau_hinh, org, k.anh_con_dau, LUC_KY)


def _tai_len(page: Any, path: Path) -> None:
    page.get_by_label("Tệp PDF có chữ ký số (tối đa 25 MB)").set_input_files(str(path))
    page.get_by_role("button", name="Kiểm tra chữ ký").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_clerk_and_a_body_read_the_verdicts_of_a_signed_and_a_tampered_directive(
    may_chu: MayChuThat,
    trinh_duyet: Any,
    ung_dung: UngDung,
    khoa: Khoa,
    ban_de_ky: BanDeKy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from playwright.sync_api import expect

    monkeypatch.setenv("VANTHU_KY_SO", str(khoa.thu_muc / "ky-so.yaml"))
    da_ky = _ngoai_vong(lambda: _ky(ban_de_ky, khoa))
    signed = tmp_path / "18-CĐ-UBND.pdf"
    signed.write_bytes(da_ky)
    tampered = tmp_path / "18-CĐ-UBND-da-sua.pdf"
    tampered.write_bytes(doi_mot_byte(da_ky))
    changed = tmp_path / "18-CĐ-UBND-cap-nhat.pdf"
    changed.write_bytes(cap_nhat_sau_ky(da_ky))

    vt = trang_da_dang_nhap(trinh_duyet, may_chu, "vt")
    vt.get_by_role("navigation", name="Chức năng").get_by_role(
        "link", name="Kiểm tra chữ ký số"
    ).click()
    vt.wait_for_url(may_chu.url + "/kiem-tra-chu-ky")
    kiem_tra_trang(vt, "/kiem-tra-chu-ky")

    _tai_len(vt, signed)
    verdict = vt.get_by_role("status")
    expect(verdict).to_have_text("Hợp lệ — hợp lệ: chữ ký nguyên vẹn, chứng thư số được tin cậy.")
    cards = vt.locator(".chu-ky-mot")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Trần Quốc Nam")
    expect(cards.first).to_contain_text("28/11/2026 14:30:05 (UTC+07:00)")
    expect(cards.nth(1)).to_contain_text("cơ quan, tổ chức ban hành")
    edge = cards.first.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert edge == "rgb(30, 107, 50)"  # green (--xanh): this signature holds
    assert vt.evaluate(KIEM_TRA) == []
    vt.screenshot(path=str(ANH_CHUP / "kiem-tra-chu-ky-hop-le.png"), full_page=True)

    _tai_len(vt, tampered)
    expect(vt.get_by_role("status")).to_have_text("Không hợp lệ — nội dung đã ký bị thay đổi.")
    expect(vt.get_by_text("Nội dung mà chữ ký bảo vệ đã bị thay đổi sau khi ký")).to_be_visible()
    assert vt.locator(".chu-ky-mot.ck-khong-dat").count() >= 1
    assert vt.evaluate(KIEM_TRA) == []
    vt.screenshot(path=str(ANH_CHUP / "kiem-tra-chu-ky-bi-sua.png"), full_page=True)
    vt.context.close()

    _ngoai_vong(lambda: phat_hanh(ung_dung))  # signed at Ban hành, with the keys set above
    code, secret = lien_ket(ung_dung, "SYT")
    body = trinh_duyet.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = body.new_page()
    page.goto(f"{may_chu.url}/nhan/{code}/{secret}")
    _tai_len(page, changed)
    expect(page.get_by_role("status")).to_have_text("Không hợp lệ — văn bản bị sửa đổi sau khi ký.")
    expect(page.locator("#kiem-tra-chu-ky .chu-ky-mot")).to_have_count(2)
    assert page.evaluate(KIEM_TRA) == []
    page.locator("#kiem-tra-chu-ky").screenshot(path=str(ANH_CHUP / "nhan-kiem-tra-chu-ky.png"))
    body.close()
