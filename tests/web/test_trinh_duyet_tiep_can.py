"""Every main page of the desk, audited in headless Chromium for what a screen reader and a
keyboard need: a label for every field, a name for every button and link, one h1, Vietnamese as
the page's language, no duplicate ids, and every control reached by Tab with a visible focus."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES
from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import MayChuThat, trang_da_dang_nhap
from tests.web.test_don_vi_nhan import lien_ket_cua
from tests.web.test_nhan import phat_hanh
from vanthu.services import UngDung

#: What the audit reads off a page; each entry a problem, empty when the page passes.
KIEM_TRA = """() => {
  const problems = [];
  const text = el => (el.innerText || el.textContent || '').trim();
  const byIds = ids => (ids || '').split(/\\s+/).filter(Boolean)
    .map(id => document.getElementById(id)).filter(Boolean).map(text).join(' ');
  const name = el => [
    ...(el.labels ? [...el.labels].map(text) : []),
    el.getAttribute('aria-label') || '', byIds(el.getAttribute('aria-labelledby')),
    el.getAttribute('title') || '',
  ].join(' ').trim();
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (['submit', 'button'].includes(el.type) ? !(el.value || name(el)) : !name(el))
      problems.push('field without a label: ' + el.outerHTML.slice(0, 100));
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!(text(el) || name(el)))
      problems.push('control without a name: ' + el.outerHTML.slice(0, 100));
  }
  for (const img of document.querySelectorAll('img, svg[role=img]')) {
    if (img.tagName === 'IMG' && !img.hasAttribute('alt')) problems.push('image without alt');
  }
  if (document.documentElement.lang !== 'vi') problems.push('lang is not vi');
  if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
  if (!document.title.trim()) problems.push('no title');
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) problems.push('duplicate id ' + el.id);
    seen.add(el.id);
  }
  return problems;
}"""

#: The controls a keyboard must reach on a page (visible and enabled).
DIEU_KHIEN = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(e => !e.disabled && e.offsetParent !== null
    && getComputedStyle(e).visibility !== 'hidden')
  .length"""

#: The focused control: a fingerprint, and whether its focus is drawn.
TIEU_DIEM = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== 'none';
  return [e.outerHTML.slice(0, 160), drawn];
}"""


def _du_thao(name: str) -> dict[str, Any]:
    """An example directive as a draft: no number, no date, its year kept; its Nơi nhận lines
    without directory codes (the test directory holds only a few bodies)."""
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("so", None)
    if ngay := data.pop("ngay", None):
        data["nam"] = ngay.year
    for line in data.get("noi_nhan", []):
        for one in [line, *line.get("muc_con", [])] if isinstance(line, dict) else []:
            one.pop("ma_co_quan", None)
            one.pop("nhom", None)
    return data


def kiem_tra_trang(page: Any, path: str, tab: bool = True) -> None:
    """Open ``path`` and audit it; with ``tab``, walk it with the keyboard too."""
    response = page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + path)
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("networkidle")  # parts htmx loads with the page are in place
    problems = page.evaluate(KIEM_TRA)
    assert problems == [], f"{path}: {problems}"
    if not tab:
        return
    controls = page.evaluate(DIEU_KHIEN)
    reached: set[str] = set()
    # Twice round: the walk may begin part-way down the page (Chromium keeps a focus starting
    # point across a navigation) and leaving the document to wrap costs a press or two.
    for _ in range(2 * (controls + 2)):
        page.keyboard.press("Tab")
        focused = page.evaluate(TIEU_DIEM)
        if focused is None:
            continue
        html, drawn = focused
        assert drawn, f"{path}: the focus on {html[:80]} is not drawn"
        reached.add(html)
    assert len(reached) >= controls, f"{path}: Tab reached {len(reached)} of {controls} controls"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_main_page_has_labels_names_and_a_keyboard_path(
    may_chu: MayChuThat, trinh_duyet: Any, ung_dung: UngDung
) -> None:
    sent = phat_hanh(ung_dung)
    draft = str(ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    # A draft with a table and a footnote: the form's table and footnote rows are audited too.
    data = cong_dien_du_thao()
    table = {"bang": {"cot": ["STT", "Đơn vị"], "dong": [["1", "Sở Y tế"]]}}
    data["noi_dung"] = [data["noi_dung"][0] + "[^1]", table, *data["noi_dung"][1:]]
    data["chu_thich"] = {"1": "Theo Công điện số 14/CĐ-UBND."}
    with_table = str(ung_dung.soan_thao("cv", data, "test").van_ban_id)
    # "+" rows under a Nơi nhận line, annexes (one a table), the text a quyết định issues.
    with_annexes = [
        str(ung_dung.soan_thao("cv", _du_thao(name), "test").van_ban_id)
        for name in (
            "cong-van-hoi-dong-luu-hanh-noi-bo",
            "ke-hoach-phu-luc",
            "quyet-dinh-ban-hanh-quy-che",
        )
    ]
    submitted = str(ung_dung.soan_thao("cv", cong_dien_du_thao(), "test").van_ban_id)
    ung_dung.trinh("cv", submitted)

    vt = trang_da_dang_nhap(trinh_duyet, may_chu, "vt")
    for path in ("/van-ban", f"/van-ban/{sent}", f"/van-ban/{sent}/phat-hanh", "/danh-ba"):
        kiem_tra_trang(vt, path)
    # Long pages (53 rows of links, a year's register, every account): audited, walked in part.
    for path in (f"/van-ban/{sent}/theo-doi", "/so-van-ban-di?nam=2021", "/nguoi-dung"):
        kiem_tra_trang(vt, path, tab=False)
    vt.context.close()

    cv = trang_da_dang_nhap(trinh_duyet, may_chu, "cv")
    kiem_tra_trang(cv, "/soan-thao", tab=False)  # every field of the directive: audited
    kiem_tra_trang(cv, f"/soan-thao/{draft}", tab=False)
    kiem_tra_trang(cv, f"/soan-thao/{with_table}", tab=False)
    for van_ban_id in with_annexes:
        kiem_tra_trang(cv, f"/soan-thao/{van_ban_id}", tab=False)
    cv.context.close()

    ld = trang_da_dang_nhap(trinh_duyet, may_chu, "ld")
    kiem_tra_trang(ld, f"/van-ban/{submitted}")
    ld.context.close()

    phone = trinh_duyet.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = phone.new_page()
    page.goto(may_chu.url + "/dang-nhap")
    kiem_tra_trang(page, "/dang-nhap")
    code, secret = lien_ket_cua(ung_dung, sent, "SYT")
    kiem_tra_trang(page, f"/nhan/{code}/{secret}")
    phone.close()
