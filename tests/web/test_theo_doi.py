"""Theo dõi over HTTP: the colour-coded table that refreshes itself, its filters and timeline,
Đôn đốc and Báo cáo tổng hợp, and downloads that serve only the stored files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import ManualClock
from tests.web.conftest import dang_nhap
from tests.web.test_phat_hanh import duyet_xong
from vanthu.services import UngDung


@pytest.fixture
def da_phat_hanh(ung_dung: UngDung) -> tuple[int, Path, Path]:
    """The công điện issued and distributed: its id, issued DOCX and PDF."""
    van_ban_id = duyet_xong(ung_dung)
    issued = ung_dung.ban_hanh("vt", str(van_ban_id))
    ung_dung.phat_hanh("vt", str(van_ban_id))
    docx = next(p for p in issued.tep if p.suffix == ".docx")
    pdf = next(p for p in issued.tep if p.suffix == ".pdf")
    return van_ban_id, docx, pdf


def dong(html: str, ma: str) -> str:
    """The table row of one body."""
    found = re.search(rf'<tr class="([^"]+)" id="noi-nhan-{ma}">(.*?)</tr>', html, re.S)
    assert found, f"no row for {ma}"
    return found.group(1) + found.group(2)


def test_the_clerk_and_the_leader_see_every_body_with_totals_others_are_refused(
    client: TestClient, ung_dung: UngDung, da_phat_hanh: tuple[int, Path, Path]
) -> None:
    van_ban_id = da_phat_hanh[0]
    total = len(ung_dung.trang_thai(str(van_ban_id)).dong)
    for ten in ("vt", "ld"):
        dang_nhap(client, ten)
        page = client.get(f"/van-ban/{van_ban_id}/theo-doi")
        assert page.status_code == 200
        assert len(re.findall(r'<tr class="dong-da-gui"', page.text)) == total
        assert f"Tất cả <strong>{total}</strong>" in page.text
        assert f"Chưa nhận <strong>{total}</strong>" in page.text
        assert f'hx-get="/van-ban/{van_ban_id}/theo-doi/bang?loc=tat_ca&amp;trang=1"' in page.text
        assert 'hx-trigger="every 3s"' in page.text
        assert "Gửi" in page.text and "Diễn biến" in page.text
    for ten in ("cv", "syt"):
        dang_nhap(client, ten)
        assert client.get(f"/van-ban/{van_ban_id}/theo-doi").status_code == 403
        assert client.get(f"/van-ban/{van_ban_id}/theo-doi/bang").status_code == 403


def test_an_acknowledgement_made_after_the_page_loaded_shows_in_the_polled_fragment(
    client: TestClient,
    ung_dung: UngDung,
    clock: ManualClock,
    da_phat_hanh: tuple[int, Path, Path],
) -> None:
    van_ban_id = da_phat_hanh[0]
    clock.dat("2021-09-12T09:30")
    ung_dung.xac_nhan("syt", str(van_ban_id), "SYT")
    clock.dat("2021-09-20T10:00")  # the session is signed in on the same clock: after it
    dang_nhap(client, "vt")
    page = client.get(f"/van-ban/{van_ban_id}/theo-doi")
    assert "dong-dung-han" in dong(page.text, "SYT")
    assert "dong-da-gui" in dong(page.text, "SNV")
    ung_dung.xac_nhan("snv", str(van_ban_id), "SNV")
    fragment = client.get(f"/van-ban/{van_ban_id}/theo-doi/bang")
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert dong(fragment.text, "SYT").startswith("dong-dung-han")
    assert "Nhận đúng hạn" in dong(fragment.text, "SYT")
    assert dong(fragment.text, "SNV").startswith("dong-nhan-tre")
    assert "20/09/2021 10:00" in dong(fragment.text, "SNV")
    assert "Nhận đúng hạn <strong>1</strong>" in fragment.text
    assert "Nhận trễ <strong>1</strong>" in fragment.text
    assert re.search(r"Xác nhận đã nhận</strong> — SNV", fragment.text)
    # The timeline is newest first.
    assert fragment.text.index("— SNV") < fragment.text.index("— SYT")
    only_late = client.get(f"/van-ban/{van_ban_id}/theo-doi/bang?loc=nhan_tre").text
    assert len(re.findall(r'<tr class="dong-', only_late)) == 1
    assert 'id="noi-nhan-SNV"' in only_late
    # An unknown filter shows everything rather than failing.
    assert client.get(f"/van-ban/{van_ban_id}/theo-doi?loc=<script>").status_code == 200


def test_a_rejected_body_and_an_overdue_one_get_their_own_colour(
    client: TestClient,
    ung_dung: UngDung,
    clock: ManualClock,
    da_phat_hanh: tuple[int, Path, Path],
) -> None:
    van_ban_id = da_phat_hanh[0]
    ung_dung.tu_choi("snv", str(van_ban_id), "SNV", "Không thuộc thẩm quyền")
    clock.dat("2022-01-10T09:00")
    every_overdue = {v.ma_co_quan for v in ung_dung.theo_doi_qua_han(str(van_ban_id))}
    overdue = every_overdue - {"SNV"}  # a rejected body shows as rejected first
    assert overdue
    dang_nhap(client, "ld")
    html = client.get(f"/van-ban/{van_ban_id}/theo-doi/bang").text
    assert dong(html, "SNV").startswith("dong-tu-choi")
    for ma in overdue:
        assert dong(html, ma).startswith("dong-qua-han")
    assert f"Quá hạn <strong>{len(every_overdue)}</strong>" in html
    only = client.get(f"/van-ban/{van_ban_id}/theo-doi/bang?loc=qua_han").text
    assert len(re.findall(r'<tr class="dong-', only)) == len(every_overdue)


def test_don_doc_drafts_the_reminder_once_bodies_are_overdue(
    client: TestClient,
    ung_dung: UngDung,
    clock: ManualClock,
    da_phat_hanh: tuple[int, Path, Path],
) -> None:
    van_ban_id = da_phat_hanh[0]
    csrf = dang_nhap(client, "vt")
    nobody = client.post(f"/van-ban/{van_ban_id}/don-doc", data={"csrf": csrf})
    assert nobody.status_code == 403
    assert "không cơ quan nào quá hạn" in nobody.text
    clock.dat("2022-01-10T09:00")
    csrf = dang_nhap(client, "vt")  # the session runs on the same clock: a new one
    assert client.post(f"/van-ban/{van_ban_id}/don-doc").status_code == 403  # no CSRF token
    done = client.post(f"/van-ban/{van_ban_id}/don-doc", data={"csrf": csrf})
    assert done.status_code == 303
    found = re.fullmatch(
        rf"/van-ban/{van_ban_id}/theo-doi\?xong=don_doc&du_thao=(\d+)", done.headers["location"]
    )
    assert found
    draft = ung_dung.xem_van_ban(found.group(1))
    assert draft.van_ban.loai == "cong_van" and draft.nguoi_soan == "vt"
    page = client.get(done.headers["location"])
    assert f'<a href="/van-ban/{draft.id}">dự thảo #{draft.id}</a>' in page.text


def test_the_summary_is_rendered_and_downloaded(
    client: TestClient, ung_dung: UngDung, da_phat_hanh: tuple[int, Path, Path]
) -> None:
    van_ban_id, _, pdf = da_phat_hanh
    csrf = dang_nhap(client, "ld")
    assert client.get(f"/van-ban/{van_ban_id}/tai/tong_hop_pdf").status_code == 404
    assert "tai/tong_hop_pdf" not in client.get(f"/van-ban/{van_ban_id}/theo-doi").text
    assert client.post(f"/van-ban/{van_ban_id}/tong-hop").status_code == 403  # no CSRF token
    done = client.post(f"/van-ban/{van_ban_id}/tong-hop", data={"csrf": csrf})
    assert done.status_code == 303
    page = client.get(done.headers["location"])
    assert "Đã lập báo cáo tổng hợp" in page.text
    for kind, suffix in (("tong_hop_pdf", ".pdf"), ("tong_hop_docx", ".docx")):
        assert f"/tai/{kind}" in page.text
        response = client.get(f"/van-ban/{van_ban_id}/tai/{kind}")
        assert response.status_code == 200
        assert response.content == (pdf.parent / f"bao-cao-tong-hop{suffix}").read_bytes()


def test_downloads_serve_the_issued_files_and_each_slip(
    client: TestClient, da_phat_hanh: tuple[int, Path, Path]
) -> None:
    van_ban_id, docx, pdf = da_phat_hanh
    dang_nhap(client, "vt")
    for kind, path, media in (
        ("docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf", pdf, "application/pdf"),
    ):
        response = client.get(f"/van-ban/{van_ban_id}/tai/{kind}")
        assert response.status_code == 200
        assert response.headers["content-type"] == media
        assert response.content == path.read_bytes()
    slip = client.get(f"/van-ban/{van_ban_id}/phieu-gui/SYT")
    assert slip.status_code == 200
    assert slip.content == (pdf.parent / "SYT" / "phieu-gui.pdf").read_bytes()
    assert slip.content != (pdf.parent / "SNV" / "phieu-gui.pdf").read_bytes()
    assert 'filename="phieu-gui-SYT.pdf"' in slip.headers["content-disposition"]


#: Download addresses a person could forge: other names, separators, dots, other bodies.
FORGED = (
    "tai/..%2F..%2F..%2Fetc%2Fpasswd",
    "tai/manifest.json",
    "tai/docx%00",
    "tai/phieu_gui",
    "phieu-gui/%2E%2E",
    "phieu-gui/SYT%2F..%2F..%2Fmanifest.json",
    "phieu-gui/.hidden",
    "phieu-gui/KHONG_NHAN",
    "phieu-gui/SYT%2Fphieu-gui.pdf",
)


def test_a_tampered_file_name_is_refused(
    client: TestClient, da_phat_hanh: tuple[int, Path, Path]
) -> None:
    van_ban_id = da_phat_hanh[0]
    dang_nhap(client, "vt")
    for path in FORGED:
        response = client.get(f"/van-ban/{van_ban_id}/{path}")
        assert response.status_code in (404, 422), path
        assert b"%PDF" not in response.content and b"root:" not in response.content


def test_a_recipient_body_downloads_the_directive_sent_to_it_but_no_slip_or_summary(
    client: TestClient, da_phat_hanh: tuple[int, Path, Path]
) -> None:
    van_ban_id = da_phat_hanh[0]
    dang_nhap(client, "syt")
    assert client.get(f"/van-ban/{van_ban_id}/tai/pdf").status_code == 200
    assert client.get(f"/van-ban/{van_ban_id}/phieu-gui/SYT").status_code == 403
    assert client.get(f"/van-ban/{van_ban_id}/tai/tong_hop.pdf").status_code == 403


def test_a_long_table_is_shown_a_page_at_a_time_and_the_poll_keeps_the_page(
    client: TestClient,
    da_phat_hanh: tuple[int, Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vanthu.web.trang import theo_doi

    monkeypatch.setattr(theo_doi, "DONG_MOI_TRANG", 20)
    van_ban_id = da_phat_hanh[0]
    dang_nhap(client, "vt")
    first = client.get(f"/van-ban/{van_ban_id}/theo-doi").text
    assert first.count('id="noi-nhan-') == 20 and "Trang 1/3 (53 nơi nhận)" in first
    assert f'hx-get="/van-ban/{van_ban_id}/theo-doi/bang?loc=tat_ca&amp;trang=1"' in first
    last = client.get(f"/van-ban/{van_ban_id}/theo-doi", params={"trang": 3}).text
    assert last.count('id="noi-nhan-') == 13 and "Trang 3/3" in last
    assert 'theo-doi/bang?loc=tat_ca&amp;trang=3"' in last
    polled = client.get(f"/van-ban/{van_ban_id}/theo-doi/bang", params={"trang": 3}).text
    assert polled.count('id="noi-nhan-') == 13
    beyond = client.get(f"/van-ban/{van_ban_id}/theo-doi", params={"trang": 99}).text
    assert "Trang 3/3" in beyond  # a page past the end shows the last
    assert client.get(f"/van-ban/{van_ban_id}/theo-doi", params={"trang": 0}).status_code == 422
