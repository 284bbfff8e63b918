"""Soạn thảo from a Word draft in a real headless Chromium: a document vanthu rendered fills the
form with no finding; a draft with seeded breaches shows each finding beside its field (read
with it by a screen reader) and in the summary, the page's own at the top; a draft whose import
does not validate still fills the form, the failing field marked, and saves once corrected.
Screenshots at 1366×768 and 390 wide (output/screenshots/soan-thao-word-*.png)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, HOM_NAY
from tests.reading.word.bo_mau import BO_MAU, Mau, tao
from tests.web.conftest import ANH_CHUP, MayChuThat, trang_da_dang_nhap
from vanthu.reading import doc_tep
from vanthu.rendering import Renderer
from vanthu.services import UngDung

RONG = {"width": 1366, "height": 768}
HEP = {"width": 390, "height": 844}
#: A draft with breaches seeded in most parts: page-level ones (margin, font) and one or two
#: per field; each rule code with the id of the input or fieldset it belongs beside (None: the
#: top of the page).
NHIEU_LOI = Mau(
    "nhieu-loi",
    le=(20, 20, 25, 15),
    phong="Arial",
    so="Số: 5/{ma}-VP",
    ngay="Ninh Thuận, ngày 15 tháng 09 năm 2021",
    vv="V/v: tăng cường phòng, chống dịch",
    co_quan_dam=False,
    ket_thuc=".",
    chuc_vu=("K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ho_ten_dam=False,
    cham_phay=False,
    muc_co=13,
)
O_CUA_LOI: dict[str, str | None] = {
    "le_trai": None,
    "phong_chu": None,
    "co_quan.dam": "o-co_quan",
    "so_ky_hieu.so": "o-ky_hieu",
    "ngay_thang.thang": "o-dia_danh",
    "trich_yeu_cong_van.vv": "o-trich_yeu",
    "noi_dung.ket_thuc": "o-noi_dung",
    "chuc_vu.tien_to": "o-nguoi_ky-quyen_han",
    "ho_ten.dam": "o-nguoi_ky-ho_ten",
    "noi_nhan.co_chu": "o-noi_nhan",
    "noi_nhan.dau_cau": "o-noi_nhan",
    "luu.co_chu": "o-luu",
}


def _tai_len(page: Any, may_chu: MayChuThat, path: Path) -> None:
    page.goto(may_chu.url + "/soan-thao")
    page.locator("details.tai-len summary").click()
    page.locator("#tep").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và lưu nháp").click()
    page.wait_for_load_state()


def _chup(page: Any, ten: str, *selectors: str) -> None:
    """Screenshots at 1366×768 and 390 wide: the top of the page, then each selector's element
    scrolled into view (its surroundings as a clerk sees them)."""
    for kich_thuoc, duoi in ((RONG, ""), (HEP, "-hep")):
        page.set_viewport_size(kich_thuoc)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(ANH_CHUP / f"soan-thao-word-{ten}{duoi}.png"))
        for k, selector in enumerate(selectors, 1):
            # the element near the top of the window, the label above it in view too
            page.locator(selector).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.evaluate("window.scrollBy(0, -120)")
            page.screenshot(path=str(ANH_CHUP / f"soan-thao-word-{ten}{duoi}-{k}.png"))
        # nothing wider than the window (no sideways scrolling)
        assert page.evaluate("document.documentElement.scrollWidth") <= kich_thuoc["width"]
    page.set_viewport_size(RONG)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_document_vanthu_rendered_fills_the_form_with_no_finding(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung, tmp_path: Path
) -> None:
    vb = doc_tep(EXAMPLES / "cong-van-kinh-gui.yaml", HOM_NAY)
    docx = Renderer().ket_xuat(vb, pdf=False, hom_nay=HOM_NAY).docx
    assert docx is not None
    path = tmp_path / "cong-van.docx"
    path.write_bytes(docx)
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    cv.set_viewport_size(RONG)
    try:
        _tai_len(cv, may_chu, path)
        box = cv.locator("section.the-thuc")
        assert box.get_by_role("heading").inner_text() == "Đúng thể thức — bản Word «cong-van.docx»"
        assert "không phát hiện sai sót" in box.inner_text()
        assert "Bản Word ghi số 6532, ngày 05/11/2021" in box.inner_text()
        assert cv.locator(".the-thuc-truong").count() == 0
        assert cv.locator("section.loi, section.chua-xep").count() == 0
        # the issuer's name over the two lines vanthu broke it into
        assert cv.locator("#o-co_quan").input_value() == "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN"
        assert cv.locator("#o-ky_hieu").input_value() == "UBND-VX"
        assert cv.locator("#o-kinh_gui").input_value().splitlines() == vb.kinh_gui
        assert cv.locator("#o-noi_dung-0-doan").input_value().startswith("Thực hiện Nghị quyết")
        assert cv.locator("#o-nguoi_ky-ho_ten").input_value() == vb.nguoi_ky.ho_ten
        _chup(cv, "sach")
        assert ung_dung.danh_sach_van_ban() == []
    finally:
        cv.context.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_each_seeded_breach_is_beside_its_field_and_in_the_summary(
    may_chu: MayChuThat, trinh_duyet: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "ban-thao.docx"
    path.write_bytes(tao(NHIEU_LOI))
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    cv.set_viewport_size(RONG)
    try:
        _tai_len(cv, may_chu, path)
        box = cv.locator("section.the-thuc")
        heading = box.get_by_role("heading", level=2).inner_text()
        assert heading == f"{len(O_CUA_LOI)} điểm chưa đúng thể thức — bản Word «ban-thao.docx»"
        for rule, target in O_CUA_LOI.items():
            beside = cv.locator(f".the-thuc-truong[data-quy-tac='{rule}']")
            listed = box.locator(f"li[data-quy-tac='{rule}']")
            assert listed.count() == 1, rule
            if target is None:  # the page's own: at the top, with no field to point at
                assert beside.count() == 0 and listed.locator("a").count() == 0, rule
                continue
            assert beside.count() == 1 and beside.is_visible(), rule
            assert listed.locator("a").get_attribute("href") == f"#{target}", rule
            field = cv.locator(f"#{target}")
            # in the field's own block (an input's, or the fieldset's own), read with it by a
            # screen reader, and just below it on the page
            nhom = field.evaluate("e => e.tagName") == "FIELDSET"
            block = f"fieldset#{target} >" if nhom else f"div.o:has(> #{target}) >"
            assert cv.locator(f"{block} [data-quy-tac='{rule}']").count() == 1, rule
            described = (field.get_attribute("aria-describedby") or "").split()
            assert beside.get_attribute("id") in described, rule
            if not nhom:
                top, under = field.bounding_box(), beside.bounding_box()
                assert 0 <= under["y"] - (top["y"] + top["height"]) < 120, rule
        expect(cv.locator("#o-dia_danh")).to_have_accessible_description(
            re.compile(r"Thể thức \(§8\): «Ninh Thuận, ngày 15 tháng 09 …» — thấy tháng «09»")
        )
        # the summary's link brings the clerk to the field
        box.locator("a[href='#o-luu']").click()
        top, bottom = cv.locator("#o-luu").evaluate(
            "e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
        )
        assert cv.evaluate("scrollY") > 1000 and top >= -1 and bottom <= RONG["height"]
        chua_xep = cv.locator("section.chua-xep")
        assert "«K/T GIÁM ĐỐC»: quyền hạn ký viết «K/T»; đã đọc là «KT.»" in chua_xep.inner_text()
        _chup(
            cv,
            "the-thuc",
            ".the-thuc-truong[data-quy-tac='ngay_thang.thang']",
            "#o-noi_dung > legend",
            ".the-thuc-truong[data-quy-tac='ho_ten.dam']",
            "#o-noi_nhan > legend",
        )
    finally:
        cv.context.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_draft_that_does_not_validate_fills_the_form_marks_the_field_and_saves_corrected(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung, tmp_path: Path
) -> None:
    path = tmp_path / "ban-thao.docx"
    path.write_bytes(tao(next(m for m in BO_MAU if m.ten == "cv-ma-cv")))
    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    cv.set_viewport_size(RONG)
    try:
        _tai_len(cv, may_chu, path)
        alert = cv.get_by_role("alert")
        assert alert.get_by_role("heading").inner_text() == "Chưa lưu được: 1 vấn đề"
        assert alert.locator("a").get_attribute("href") == "#o-ky_hieu"
        ky_hieu = cv.locator("#o-ky_hieu")
        assert ky_hieu.input_value() == "CV-SYT"
        assert ky_hieu.get_attribute("aria-invalid") == "true"
        block = cv.locator("div.o:has(#o-ky_hieu)")
        assert block.locator(".loi-truong").inner_text().startswith("ky_hieu: ")
        assert block.locator(".the-thuc-truong[data-quy-tac='so_ky_hieu.ma_loai']").is_visible()
        # every field that was read is filled
        assert cv.locator("#o-co_quan").input_value() == "SỞ Y TẾ"
        assert cv.locator("#o-co_quan_chu_quan").input_value() == "UBND TỈNH NINH THUẬN"
        assert cv.locator("#o-dia_danh").input_value() == "Ninh Thuận"
        assert cv.locator("#o-trich_yeu").input_value() == "V/v tăng cường phòng, chống dịch"
        assert cv.locator("#o-noi_dung-4-doan").input_value().startswith("Sở Y tế đề nghị")
        assert cv.locator("#o-nguoi_ky-chuc_vu").input_value() == "PHÓ GIÁM ĐỐC"
        assert cv.locator("#o-noi_nhan-2-ten").input_value() == "Giám đốc, các PGĐ Sở"
        assert cv.locator("#o-luu").input_value() == ""
        assert cv.locator("#o-don_vi_soan_thao").input_value() == "VP"
        _chup(cv, "chua-hop-le", "#o-ky_hieu")
        # corrected (the issuer's code; the symbol built from it), the form saves
        cv.locator("#o-ky_hieu_co_quan").fill("SYT")
        ky_hieu.fill("")
        cv.get_by_role("button", name="Lưu nháp").click()
        cv.wait_for_url(lambda url: "xong=luu" in url)
        [dong] = ung_dung.danh_sach_van_ban()
        vb = ung_dung.xem_van_ban(str(dong.id)).van_ban
        assert vb.ky_hieu_day_du == "SYT-VP" and vb.co_quan == "SỞ Y TẾ"
        assert len(vb.noi_dung) == 5 and vb.nguoi_ky.ho_ten == "Nguyễn Văn An"
    finally:
        cv.context.close()
