"""The role matrix over HTTP: every (role, lifecycle event), from every state some role may fire
it in, succeeds exactly when the lifecycle table allows it; a refusal is 403 and changes nothing.

The matrix is generated from ``su_kien_hop_le`` (the table), not written by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.services.conftest import ManualClock
from tests.services.ky_so_chung import cong_cu_lanh_dao
from tests.web.conftest import ngoai_vong_lap
from tests.web.khach_api import NGUOI_CUA_VAI_TRO, bearer, den_trang_thai, them_lanh_dao_2
from vanthu.services import SuKienVanBan, TrangThaiVanBan, UngDung, VaiTro, su_kien_hop_le
from vanthu.workflow import chuyen_van_ban

#: (state, event) where the table lets at least one role fire the event.
CAP = [
    (state, event)
    for state in TrangThaiVanBan
    for event in SuKienVanBan
    if any(event in su_kien_hop_le(state, role) for role in VaiTro)
]
#: The whole matrix, for its size.
MA_TRAN = [(state, event, role) for state, event in CAP for role in VaiTro]


#: The signing events (#10): fired with a configuration where 'ld' has a server-held key (his
#: Duyệt signs; chuẩn bị ký số has him sign on his own computer instead).
HAI_BUOC = {SuKienVanBan.chuan_bi_ky, SuKienVanBan.ky_so, SuKienVanBan.huy_ky_so}


def _duong(event: SuKienVanBan, van_ban_id: int) -> str:
    return f"/api/van-ban/{van_ban_id}/{event.value.replace('_', '-')}"


def _than(event: SuKienVanBan, thay_bang: int | None) -> dict[str, str]:
    if event is SuKienVanBan.thay_the:
        return {"thay_bang": str(thay_bang)}
    if event in (SuKienVanBan.ban_hanh, SuKienVanBan.phat_hanh, SuKienVanBan.chuan_bi_ky):
        return {}
    return {"ly_do": "Lý do kiểm thử"}


def _gui(
    client: TestClient,
    app: UngDung,
    event: SuKienVanBan,
    van_ban_id: int,
    thay_bang: int | None,
    headers: dict[str, str],
    khoa: Path | None = None,
) -> Any:
    """Fire ``event`` over the API; the leader's signed PDF is the body of ký số (signed with
    ``khoa``'s keys; without them, the JSON a refused role sends)."""
    if event is SuKienVanBan.ky_so and khoa is not None:
        prepared = app.ban_chuan_bi("vt", str(van_ban_id)).read_bytes()
        return client.post(
            _duong(event, van_ban_id),
            content=ngoai_vong_lap(cong_cu_lanh_dao, prepared, khoa),
            headers=headers | {"Content-Type": "application/pdf"},
        )
    return client.post(_duong(event, van_ban_id), json=_than(event, thay_bang), headers=headers)


def _anh(app: UngDung, van_ban_id: int) -> tuple[object, ...]:
    """What a refusal must leave as it was: state, version, number, and the log."""
    vb = app.xem_van_ban(str(van_ban_id))
    return vb.trang_thai, vb.phien_ban, vb.so_ky_hieu, len(app.nhat_ky(str(van_ban_id)))


def _ly_do_tu_choi(role: VaiTro) -> str:
    """What a refusal of ``role`` says: the lifecycle table's words; a body's user is stopped
    before the table is asked, since no event of a directive is its (the table agrees)."""
    if role is VaiTro.don_vi_nhan:
        assert not any(su_kien_hop_le(state, role) for state in TrangThaiVanBan)
        return "Tài khoản của đơn vị nhận chỉ xem các văn bản gửi đến đơn vị mình."
    return f"với vai trò '{role.label}'"


def _den(
    app: UngDung,
    state: TrangThaiVanBan,
    event: SuKienVanBan,
    drafter: str = "cv",
    clock: ManualClock | None = None,
) -> int:
    """A directive in ``state`` that ``event`` applies to: chuẩn bị ký số needs one its
    leader has not signed (his signature at Duyệt cancelled)."""
    van_ban_id = den_trang_thai(app, state, drafter, clock)
    if event is SuKienVanBan.chuan_bi_ky:
        app.huy_ky_so("vt", str(van_ban_id))
    return van_ban_id


def test_the_matrix_covers_every_event_and_role() -> None:
    assert {event for _, event in CAP} == set(SuKienVanBan)
    assert len(MA_TRAN) == 4 * len(CAP) == 80


@pytest.mark.parametrize(("state", "event"), CAP, ids=[f"{s.value}-{e.value}" for s, e in CAP])
def test_each_role_may_fire_an_event_exactly_when_the_lifecycle_table_says(
    client: TestClient,
    ung_dung: UngDung,
    clock: ManualClock,
    state: TrangThaiVanBan,
    event: SuKienVanBan,
    request: pytest.FixtureRequest,
) -> None:
    khoa: Path | None = request.getfixturevalue("khoa") if event in HAI_BUOC else None
    if event in HAI_BUOC:
        request.getfixturevalue("ky_may_chu")
    them_lanh_dao_2(ung_dung)
    headers = {role: bearer(ung_dung, ten) for role, ten in NGUOI_CUA_VAI_TRO.items()}
    allowed = [role for role in VaiTro if event in su_kien_hop_le(state, role)]
    refused = [role for role in VaiTro if role not in allowed]
    assert allowed

    # Refused roles: one directive in the state, untouched by every attempt.
    newer: int | None = None
    if event is SuKienVanBan.thay_the:
        newer = den_trang_thai(ung_dung, TrangThaiVanBan.da_ban_hanh)
    target = _den(ung_dung, state, event)
    before = _anh(ung_dung, target)
    for role in refused:
        response = _gui(client, ung_dung, event, target, newer, headers[role])
        assert response.status_code == 403, (role, response.text)
        assert _ly_do_tu_choi(role) in response.json()["detail"]
        assert _anh(ung_dung, target) == before, role

    # Allowed roles: each on a directive of its own (a submitter submits their own draft).
    for role in allowed:
        drafter = NGUOI_CUA_VAI_TRO[role] if event is SuKienVanBan.trinh else "cv"
        target = _den(ung_dung, state, event, drafter, clock)
        if event is SuKienVanBan.thay_the:
            newer = den_trang_thai(ung_dung, TrangThaiVanBan.da_ban_hanh)
        response = _gui(client, ung_dung, event, target, newer, headers[role], khoa)
        assert response.status_code == 200, (role, response.text)
        expected = chuyen_van_ban(state, event, role, "lý do")
        if event is SuKienVanBan.phat_hanh:  # answers what the distribution did
            assert response.json()["xong"] is True
        else:
            assert response.json()["den"] == {"ma": expected.value, "label": expected.label}
        assert ung_dung.xem_van_ban(str(target)).trang_thai is expected
