"""Reminders and the summary report: who may have them made."""

from __future__ import annotations

import pytest

from tests.services.conftest import ManualClock
from tests.services.test_phat_hanh import issued
from vanthu.errors import NotFound, Refused
from vanthu.services.nguoi_dung import them_nguoi_dung
from vanthu.services.ung_dung import BoDichVu
from vanthu.workflow import VaiTro


def test_the_summary_is_for_the_clerk_the_leader_and_the_drafter_only(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    them_nguoi_dung(app.store, "cv2", "Lê Văn Hai", VaiTro.chuyen_vien, nguoi_thuc_hien="vt")
    folder = app.thu_muc / "2021"
    with pytest.raises(Refused, match="người dùng 'syt': là đơn vị nhận; bản tổng hợp của"):
        app.don_doc.tong_hop("syt", so)
    with pytest.raises(Refused, match="người dùng 'cv2': là chuyên viên không soạn văn bản này"):
        app.don_doc.tong_hop("cv2", so)
    with pytest.raises(NotFound, match="người dùng 'ai'"):
        app.don_doc.tong_hop("ai", so)
    assert not list(folder.rglob("bao-cao-tong-hop*"))
    for user in ("vt", "ld", "cv"):  # cv drafted it
        assert app.don_doc.tong_hop(user, so).pdf is not None
