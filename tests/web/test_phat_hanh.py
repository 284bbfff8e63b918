"""Ban hành and Phát hành over HTTP: the clerk issues, sees the bodies, distributes in the
background and watches the progress; other roles and forged requests are refused."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from vanthu.services import TrangThaiVanBan, UngDung
from vanthu.web.phat_hanh_nen import SoTienTrinh, TienTrinh

HTMX = {"HX-Request": "true"}


def duyet_xong(ung_dung: UngDung) -> int:
    """The Ninh Thuận công điện drafted, submitted and approved; its id."""
    draft = ung_dung.soan_thao("cv", cong_dien_du_thao(), "test")
    key = str(draft.van_ban_id)
    ung_dung.trinh("cv", key)
    ung_dung.duyet("ld", key)
    return draft.van_ban_id


def cho_phat_hanh(client: TestClient, van_ban_id: int) -> str:
    """Poll the progress fragment as the page does until the run has ended; its last HTML."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fragment = client.get(f"/van-ban/{van_ban_id}/phat-hanh?dang_chay=1", headers=HTMX)
        assert fragment.status_code == 200
        if 'hx-trigger="every 1s"' not in fragment.text:
            # The page that polled reloads itself, so its state badge is the new one.
            assert fragment.headers["hx-refresh"] == "true"
            return fragment.text
        time.sleep(0.2)
    raise AssertionError("the distribution did not end")


def test_the_clerk_issues_an_approved_directive_and_sees_its_number_and_date(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    csrf = dang_nhap(client, "vt")
    page = client.get(f"/van-ban/{van_ban_id}")
    assert ">Ban hành</button>" in page.text
    response = client.post(f"/van-ban/{van_ban_id}/ban-hanh", data={"csrf": csrf})
    assert response.status_code == 303
    assert response.headers["location"] == f"/van-ban/{van_ban_id}"
    vb = ung_dung.xem_van_ban(str(van_ban_id))
    assert vb.trang_thai is TrangThaiVanBan.da_ban_hanh
    assert vb.so_ky_hieu and vb.ngay
    page = client.get(f"/van-ban/{van_ban_id}")
    assert ">Ban hành</button>" not in page.text
    assert f"<strong>{vb.so_ky_hieu}</strong>" in page.text
    assert f"<strong>{vb.ngay:%d/%m/%Y}</strong>" in page.text
    assert f'hx-get="/van-ban/{van_ban_id}/phat-hanh"' in page.text


def test_the_panel_lists_the_bodies_the_noi_nhan_expands_to(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    ung_dung.ban_hanh("vt", str(van_ban_id))
    dang_nhap(client, "vt")
    bodies = ung_dung.xem_truoc_noi_nhan(str(van_ban_id))
    assert len(bodies) > 5
    panel = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert panel.status_code == 200
    assert "<html" not in panel.text  # a fragment for htmx
    assert f"Nơi nhận: {len(bodies)} cơ quan" in panel.text
    for body in bodies:
        assert f"<td>{body.ma}</td>" in panel.text
    assert ">Phát hành</button>" in panel.text
    whole = client.get(f"/van-ban/{van_ban_id}/phat-hanh")  # without htmx: a page
    assert "<html" in whole.text and ">Phát hành</button>" in whole.text


def test_distribution_runs_in_the_background_and_the_page_shows_its_end_after_a_reload(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    ung_dung.ban_hanh("vt", str(van_ban_id))
    total = len(ung_dung.xem_truoc_noi_nhan(str(van_ban_id)))
    csrf = dang_nhap(client, "vt")
    started = client.post(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX | {"X-CSRF-Token": csrf})
    assert started.status_code == 200
    # The answer comes before the run ends: it polls (or the run was already that quick).
    assert 'hx-trigger="every 1s"' in started.text or "Phát hành xong" in started.text
    if 'hx-trigger="every 1s"' in started.text:
        assert re.search(r'<progress max="\d+" value="\d+"', started.text)
    done = cho_phat_hanh(client, van_ban_id)
    assert f"Phát hành xong: {total} cơ quan mới nhận trong lần này, {total} cơ quan" in done
    assert f"đã gửi <strong>{total}</strong>/{total} cơ quan" in done
    assert ">Phát hành</button>" not in done
    assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_phat_hanh
    # A new process (a restart) has no run in memory: the page shows what the store holds.
    client.app.state.phat_hanh_nen = SoTienTrinh()  # type: ignore[attr-defined]
    reloaded = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert f"đã gửi <strong>{total}</strong>/{total} cơ quan" in reloaded.text
    assert 'tt-da_phat_hanh">đã phát hành</span>' in reloaded.text
    assert 'hx-trigger="every 1s"' not in reloaded.text
    assert "hx-refresh" not in reloaded.headers  # the panel loaded with a page: no reload loop


def test_a_rerun_after_a_partial_distribution_delivers_only_the_pending_bodies(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    ung_dung.ban_hanh("vt", str(van_ban_id))
    total = len(ung_dung.xem_truoc_noi_nhan(str(van_ban_id)))
    # A first run stopped after its first batch (as a process killed mid-run would).
    with pytest.raises(_Dung):
        ung_dung.phat_hanh("vt", str(van_ban_id), tien_do=_dung_sau_lo_dau)
    sent_before = ung_dung.trang_thai(str(van_ban_id)).tong()["da_gui"]
    assert 0 < sent_before < total
    csrf = dang_nhap(client, "vt")
    panel = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert ">Phát hành tiếp</button>" in panel.text
    assert f"đã gửi <strong>{sent_before}</strong>/{total}" in panel.text
    response = client.post(f"/van-ban/{van_ban_id}/phat-hanh", data={"csrf": csrf})
    assert response.status_code == 303
    done = cho_phat_hanh(client, van_ban_id)
    assert f"Phát hành xong: {total - sent_before} cơ quan mới nhận" in done


class _Dung(Exception):
    pass


def _dung_sau_lo_dau(done: int, total: int) -> None:
    raise _Dung()


def test_a_failed_run_shows_its_message(client: TestClient, ung_dung: UngDung) -> None:
    van_ban_id = duyet_xong(ung_dung)
    result = ung_dung.ban_hanh("vt", str(van_ban_id))
    pdf = next(p for p in result.tep if p.suffix == ".pdf")
    pdf.unlink()  # the issued file went missing: nothing can be sent
    csrf = dang_nhap(client, "vt")
    client.post(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX | {"X-CSRF-Token": csrf})
    done = cho_phat_hanh(client, van_ban_id)
    assert 'class="loi" role="alert"' in done
    assert "the issued file is missing" in done


def test_a_chuyen_vien_can_neither_issue_nor_distribute(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    csrf = dang_nhap(client, "cv")
    assert ">Ban hành</button>" not in client.get(f"/van-ban/{van_ban_id}").text
    refused = client.post(f"/van-ban/{van_ban_id}/ban-hanh", data={"csrf": csrf})
    assert refused.status_code == 403
    assert "role &#39;chuyen_vien&#39; may not" in refused.text
    ung_dung.ban_hanh("vt", str(van_ban_id))
    refused = client.post(f"/van-ban/{van_ban_id}/phat-hanh", data={"csrf": csrf})
    assert refused.status_code == 403
    assert ">Phát hành</button>" not in client.get(f"/van-ban/{van_ban_id}/phat-hanh").text
    assert ung_dung.trang_thai(str(van_ban_id)).tong()["da_gui"] == 0


def test_issuing_or_distributing_without_the_csrf_token_is_refused(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    dang_nhap(client, "vt")
    assert client.post(f"/van-ban/{van_ban_id}/ban-hanh").status_code == 403
    assert client.post(f"/van-ban/{van_ban_id}/ban-hanh", data={"csrf": "sai"}).status_code == 403
    assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_duyet
    ung_dung.ban_hanh("vt", str(van_ban_id))
    assert client.post(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX).status_code == 403
    assert ung_dung.trang_thai(str(van_ban_id)).tong()["da_gui"] == 0


def test_a_reload_while_a_run_goes_shows_its_progress_and_keeps_polling(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    ung_dung.ban_hanh("vt", str(van_ban_id))
    dang_nhap(client, "vt")
    registry = SoTienTrinh()
    # A run of this process at 20 of 53, as its thread reports it (set here: a real run of the
    # seed ends within a poll or two, too fast to catch half-way).
    registry._viec[van_ban_id] = TienTrinh(da_xong=20, tong=53)
    client.app.state.phat_hanh_nen = registry  # type: ignore[attr-defined]
    page = client.get(f"/van-ban/{van_ban_id}/phat-hanh")
    assert "Đang phát hành: 20/53 cơ quan" in page.text
    assert '<progress max="53" value="20"' in page.text
    assert 'hx-trigger="every 1s"' in page.text
    assert ">Phát hành</button>" not in page.text  # no second run while one goes
