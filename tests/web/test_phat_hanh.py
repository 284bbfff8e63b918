"""Ban hành and Phát hành over HTTP: the clerk issues, sees the bodies, distributes in the
background and watches the progress; other roles and forged requests are refused."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import cong_dien_du_thao
from tests.web.conftest import dang_nhap
from vanthu.services import TrangThaiVanBan, UngDung
from vanthu.services.tien_trinh import GIAN_DOAN
from vanthu.storage.lan_phat_hanh import bat_dau_lan, ghi_tien_do
from vanthu.web.app import tao_app
from vanthu.web.cai_dat import CaiDatWeb
from vanthu.web.phat_hanh_nen import SoTienTrinh

HTMX = {"HX-Request": "true"}


def duyet_xong(ung_dung: UngDung) -> int:
    """The Ninh Thuận công điện drafted, submitted and approved; its id."""
    draft = ung_dung.soan_thao("cv", cong_dien_du_thao(), "test")
    key = str(draft.van_ban_id)
    ung_dung.trinh("cv", key)
    ung_dung.duyet("ld", key)
    return draft.van_ban_id


def ban_hanh_xong(ung_dung: UngDung) -> int:
    """The Ninh Thuận công điện approved and issued by the văn thư; its id."""
    van_ban_id = duyet_xong(ung_dung)
    ung_dung.ban_hanh("vt", str(van_ban_id))
    return van_ban_id


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
    van_ban_id = ban_hanh_xong(ung_dung)
    dang_nhap(client, "vt")
    bodies = ung_dung.xem_truoc_noi_nhan(str(van_ban_id))
    assert len(bodies) > 5
    panel = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert panel.status_code == 200
    assert "<html" not in panel.text  # a fragment for htmx
    assert f"Nơi nhận: {len(bodies)} cơ quan" in panel.text
    for body in bodies:
        assert f"<td>{body.ma}</td>" in panel.text
    assert f"đã gửi <strong>0</strong>/{len(bodies)} cơ quan" in panel.text
    assert ">Phát hành</button>" in panel.text
    whole = client.get(f"/van-ban/{van_ban_id}/phat-hanh")  # without htmx: a page
    assert "<html" in whole.text and ">Phát hành</button>" in whole.text


def test_distribution_runs_in_the_background_and_the_page_shows_its_end_after_a_reload(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = ban_hanh_xong(ung_dung)
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
    van_ban_id = ban_hanh_xong(ung_dung)
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
    assert "không còn tệp đã ban hành" in done


def test_a_chuyen_vien_can_neither_issue_nor_distribute(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = duyet_xong(ung_dung)
    csrf = dang_nhap(client, "cv")
    assert ">Ban hành</button>" not in client.get(f"/van-ban/{van_ban_id}").text
    refused = client.post(f"/van-ban/{van_ban_id}/ban-hanh", data={"csrf": csrf})
    assert refused.status_code == 403
    assert "vai trò &#39;chuyên viên&#39; không được làm" in refused.text
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
    van_ban_id = ban_hanh_xong(ung_dung)
    dang_nhap(client, "vt")
    # A run at 20 of 53 as another worker (or the CLI) records it: set here, since a real run
    # of the seed ends within a poll or two, too fast to catch half-way.
    now = dt.datetime.now(dt.UTC)
    with ung_dung._dv.store.transaction() as s:
        bat_dau_lan(s, van_ban_id, "vt", now)
        ghi_tien_do(s, van_ban_id, 20, 53, now)
    page = client.get(f"/van-ban/{van_ban_id}/phat-hanh")
    assert "Đang phát hành: 20/53 cơ quan" in page.text
    assert '<progress max="53" value="20"' in page.text
    assert 'hx-trigger="every 1s"' in page.text
    assert ">Phát hành</button>" not in page.text  # no second run while one goes
    assert page.text.count('<details class="noi-nhan"') == 1
    polled = client.get(f"/van-ban/{van_ban_id}/phat-hanh?dang_chay=1", headers=HTMX)
    assert "Đang phát hành: 20/53 cơ quan" in polled.text
    assert "đã gửi" not in polled.text  # the counts line is for a panel at rest
    assert 'class="noi-nhan"' not in polled.text  # the list of bodies is sent once, not polled


def test_a_run_silent_for_longer_than_a_batch_can_take_is_shown_stopped_and_may_be_resumed(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = ban_hanh_xong(ung_dung)
    csrf = dang_nhap(client, "vt")
    # A run whose process died at 20 of 53 (its last progress older than GIAN_DOAN).
    long_ago = dt.datetime.now(dt.UTC) - GIAN_DOAN - dt.timedelta(seconds=5)
    with ung_dung._dv.store.transaction() as s:
        bat_dau_lan(s, van_ban_id, "vt", long_ago)
        ghi_tien_do(s, van_ban_id, 20, 53, long_ago)
    panel = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert 'hx-trigger="every 1s"' not in panel.text
    assert "Lần phát hành dừng giữa chừng" in panel.text
    assert ">Phát hành</button>" in panel.text
    client.post(f"/van-ban/{van_ban_id}/phat-hanh", data={"csrf": csrf})
    done = cho_phat_hanh(client, van_ban_id)
    assert "Phát hành xong" in done
    assert ung_dung.xem_van_ban(str(van_ban_id)).trang_thai is TrangThaiVanBan.da_phat_hanh


def test_a_run_started_on_one_worker_is_followed_to_its_end_on_another(
    client: TestClient, ung_dung: UngDung, tmp_path: Path
) -> None:
    van_ban_id = ban_hanh_xong(ung_dung)
    total = len(ung_dung.xem_truoc_noi_nhan(str(van_ban_id)))
    csrf = dang_nhap(client, "vt")
    # A second worker: another app on the same store, with its own (empty) registry.
    other = tao_app(ung_dung, CaiDatWeb(thu_muc=tmp_path / "output"))
    with TestClient(other, base_url="http://testserver", follow_redirects=False) as second:
        dang_nhap(second, "vt")
        client.post(f"/van-ban/{van_ban_id}/phat-hanh", data={"csrf": csrf})
        client.app.state.phat_hanh_nen.cho(van_ban_id, 120)  # type: ignore[attr-defined]
        done = cho_phat_hanh(second, van_ban_id)
    assert f"Phát hành xong: {total} cơ quan mới nhận trong lần này, {total} cơ quan" in done
    assert "Lần phát hành của vt" in done


def test_a_run_refused_before_it_is_recorded_shows_why_on_the_worker_that_started_it(
    client: TestClient, ung_dung: UngDung
) -> None:
    van_ban_id = ban_hanh_xong(ung_dung)
    dang_nhap(client, "vt")
    registry = SoTienTrinh()
    client.app.state.phat_hanh_nen = registry  # type: ignore[attr-defined]
    # Started by a user who may not (the page asks the lifecycle first; this is the race the
    # thread's own check catches).
    registry.bat_dau(ung_dung, "cv", van_ban_id)
    registry.cho(van_ban_id, 60)
    panel = client.get(f"/van-ban/{van_ban_id}/phat-hanh", headers=HTMX)
    assert 'class="loi" role="alert"' in panel.text
    assert "vai trò &#39;chuyên viên&#39; không được làm" in panel.text
    assert ung_dung.tien_trinh_phat_hanh(str(van_ban_id)) is None
