"""Each distribution run is recorded in the store as it goes: progress at every batch, who ran
it and how it ended, for any process to read (the desk's workers, the CLI)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.services.conftest import ManualClock, duyet_xong
from tests.services.test_phat_hanh import SO_NOI_NHAN, issued
from vanthu.errors import OutputError, TransitionRefused
from vanthu.services.tien_trinh import GIAN_DOAN, TienTrinh, tien_trinh_cua
from vanthu.services.ung_dung import BoDichVu
from vanthu.storage.bang import LanPhatHanh
from vanthu.storage.lan_phat_hanh import bat_dau_lan, ghi_tien_do


def test_a_run_records_its_progress_at_every_batch_before_telling_the_caller(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    assert app.phat_hanh.tien_trinh(so) is None  # never distributed
    seen: list[tuple[int, TienTrinh | None]] = []
    app.phat_hanh.phat_hanh(
        "vt", so, lambda done, _total: seen.append((done, app.phat_hanh.tien_trinh(so)))
    )
    assert len(seen) >= 2  # 53 bodies: two batches
    for done, stored in seen:
        assert stored is not None and stored.dang_chay
        assert (stored.da_xong, stored.tong, stored.nguoi) == (done, SO_NOI_NHAN, "vt")
    ended = app.phat_hanh.tien_trinh(so)
    assert ended is not None and not ended.dang_chay and ended.loi is None
    assert (ended.da_xong, ended.tong, ended.gui_moi) == (SO_NOI_NHAN, SO_NOI_NHAN, SO_NOI_NHAN)


def test_a_second_run_replaces_the_record_of_the_first(app: BoDichVu, clock: ManualClock) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    first = app.phat_hanh.tien_trinh(so)
    app.phat_hanh.phat_hanh("vt", so)
    again = app.phat_hanh.tien_trinh(so)
    assert first is not None and again is not None
    assert again.gui_moi == 0 and again.da_xong == SO_NOI_NHAN  # nothing left to deliver
    assert again.bat_dau is not None and first.bat_dau is not None
    assert again.bat_dau >= first.bat_dau


def test_a_run_that_fails_records_the_same_message_it_raises(
    app: BoDichVu, clock: ManualClock, tmp_path: Path
) -> None:
    so = issued(app, clock)
    (tmp_path / "output" / "2021" / "01-CĐ-UBND" / "01-CĐ-UBND.pdf").unlink()
    with pytest.raises(OutputError) as raised:
        app.phat_hanh.phat_hanh("vt", so)
    ended = app.phat_hanh.tien_trinh(so)
    assert ended is not None and not ended.dang_chay
    assert ended.loi == str(raised.value)


def test_a_refused_run_records_nothing(app: BoDichVu, clock: ManualClock) -> None:
    key = str(duyet_xong(app))  # approved, not issued
    with pytest.raises(TransitionRefused):
        app.phat_hanh.phat_hanh("vt", key)
    assert app.phat_hanh.tien_trinh(key) is None


def test_a_run_is_taken_as_stopped_only_once_silent_for_longer_than_gian_doan(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    van_ban_id = duyet_id(app, so)
    start = dt.datetime(2026, 11, 30, 3, 0, tzinfo=dt.UTC)
    with app.store.transaction() as s:
        bat_dau_lan(s, van_ban_id, "vt", start)
        ghi_tien_do(s, van_ban_id, 20, SO_NOI_NHAN, start)
    with app.store.transaction() as s:
        row = s.get(LanPhatHanh, van_ban_id)
        assert row is not None
        going = tien_trinh_cua(row, start + GIAN_DOAN)
        stopped = tien_trinh_cua(row, start + GIAN_DOAN + dt.timedelta(seconds=1))
    assert going.dang_chay and going.loi is None
    assert not stopped.dang_chay and stopped.loi and "dừng giữa chừng" in stopped.loi
    assert (stopped.da_xong, stopped.tong) == (20, SO_NOI_NHAN)


def duyet_id(app: BoDichVu, so: str) -> int:
    """The stored id of the directive numbered ``so``."""
    return int(app.danh_sach.xem(so).id)
