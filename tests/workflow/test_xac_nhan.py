"""The acknowledgement guard's data is what the recipient lifecycle table says."""

from __future__ import annotations

from vanthu.errors import TransitionRefused
from vanthu.workflow import SuKienNoiNhan, TrangThaiNoiNhan, VaiTro, chuyen_noi_nhan
from vanthu.workflow.xac_nhan import DIEU_KIEN_XAC_NHAN, vai_tro_duoc

T = TrangThaiNoiNhan


def _duoc(state: TrangThaiNoiNhan, role: VaiTro) -> bool:
    try:
        chuyen_noi_nhan(state, SuKienNoiNhan.xac_nhan, role)
    except TransitionRefused:
        return False
    return True


def test_the_states_and_roles_that_may_acknowledge_are_exactly_those_the_table_fires() -> None:
    fired = {(s, r) for s in T for r in VaiTro if _duoc(s, r)}
    rule = DIEU_KIEN_XAC_NHAN
    assert fired == {(s, r) for s in rule.nguon for r in rule.vai_tro}
    assert {chuyen_noi_nhan(s, SuKienNoiNhan.xac_nhan, r) for s, r in fired} == {rule.dich}
    assert rule.vai_tro == vai_tro_duoc(SuKienNoiNhan.xac_nhan)


def test_a_copy_counts_as_received_once_acknowledged_or_reported_never_when_rejected() -> None:
    assert DIEU_KIEN_XAC_NHAN.da_nhan == {T.da_nhan, T.da_bao_cao}
    assert vai_tro_duoc(SuKienNoiNhan.gui) == {VaiTro.van_thu}
