"""The directive lifecycle: every (state, event, role) against a hand-written expectation."""

from __future__ import annotations

import unicodedata

import pytest

from vanthu.errors import TransitionRefused
from vanthu.workflow import (
    SuKienVanBan,
    TrangThaiVanBan,
    VaiTro,
    chuyen_van_ban,
    su_kien_hop_le,
    su_kien_van_ban_hop_le,
)

from .mong_doi import (
    CAN_LY_DO_VAN_BAN,
    SU_KIEN_VAN_BAN,
    TRANG_THAI_VAN_BAN,
    VAI_TRO,
    VAN_BAN,
)

T = TrangThaiVanBan
E = SuKienVanBan
V = VaiTro

TRIPLES = [(t, e, v) for t in TRANG_THAI_VAN_BAN for e in SU_KIEN_VAN_BAN for v in VAI_TRO]


def test_the_states_events_and_roles_are_exactly_those_the_expectation_covers() -> None:
    assert [s.value for s in TrangThaiVanBan] == TRANG_THAI_VAN_BAN
    assert [e.value for e in SuKienVanBan] == SU_KIEN_VAN_BAN
    assert [v.value for v in VaiTro] == VAI_TRO


@pytest.mark.parametrize(("state", "event", "role"), TRIPLES)
def test_every_state_event_and_role_moves_or_is_refused_as_expected(
    state: str, event: str, role: str
) -> None:
    expected = VAN_BAN.get((state, event))
    if expected is not None and role in expected[1]:
        assert chuyen_van_ban(T(state), E(event), V(role), "lý do") == expected[0]
        return
    with pytest.raises(TransitionRefused) as caught:
        chuyen_van_ban(T(state), E(event), V(role), "lý do")
    refused = caught.value
    assert (refused.what, refused.state, refused.event, refused.role) == (
        "văn bản",
        state,
        event,
        role,
    )
    if expected is None:
        assert refused.reason.startswith("không làm được ở trạng thái này")
        assert refused.cause == "state"
    else:
        assert refused.reason.startswith(
            f"vai trò '{VaiTro(role).label}' không được làm; vai trò được làm: "
        )
        assert refused.cause == "actor"


@pytest.mark.parametrize(("state", "event"), [("cho_duyet", "tra_lai"), ("da_ban_hanh", "thu_hoi")])
@pytest.mark.parametrize("ly_do", [None, "", "   \n"])
def test_returning_and_recalling_without_a_reason_are_refused(
    state: str, event: str, ly_do: str | None
) -> None:
    with pytest.raises(TransitionRefused) as caught:
        chuyen_van_ban(T(state), E(event), V.lanh_dao, ly_do)
    assert caught.value.reason == "phải ghi lý do (ly_do)"


def test_only_returning_and_recalling_need_a_reason() -> None:
    for (state, event), (target, roles) in VAN_BAN.items():
        role = V(sorted(roles)[0])
        if event in CAN_LY_DO_VAN_BAN:
            assert chuyen_van_ban(T(state), E(event), role, "Sai căn cứ pháp lý") == target
        else:
            assert chuyen_van_ban(T(state), E(event), role) == target


def test_a_wrong_role_is_reported_before_a_missing_reason() -> None:
    with pytest.raises(TransitionRefused) as caught:
        chuyen_van_ban(T.cho_duyet, E.tra_lai, V.van_thu)
    assert caught.value.reason == "vai trò 'văn thư' không được làm; vai trò được làm: lãnh đạo"


def test_refusals_say_where_the_event_is_allowed_from_and_who_may_fire_it() -> None:
    with pytest.raises(TransitionRefused) as from_draft:
        chuyen_van_ban(T.du_thao, E.thu_hoi, V.lanh_dao, "nhầm")
    assert from_draft.value.reason == (
        "không làm được ở trạng thái này; chỉ làm được khi: "
        "đã ban hành, đã phát hành, đang theo dõi"
    )
    with pytest.raises(TransitionRefused) as by_clerk:
        chuyen_van_ban(T.dang_theo_doi, E.hoan_thanh, V.chuyen_vien)
    assert by_clerk.value.reason == (
        "vai trò 'chuyên viên' không được làm; vai trò được làm: lãnh đạo, văn thư"
    )


def test_a_recalled_directive_is_frozen_and_the_refusal_says_the_state_is_final() -> None:
    for event in SuKienVanBan:
        with pytest.raises(TransitionRefused) as caught:
            chuyen_van_ban(T.thu_hoi, event, V.lanh_dao, "lý do")
        assert "(trạng thái cuối)" in caught.value.reason


def test_a_missing_reason_is_refused_as_a_reason_not_a_role_or_a_state() -> None:
    with pytest.raises(TransitionRefused) as caught:
        chuyen_van_ban(T.cho_duyet, E.tra_lai, V.lanh_dao, "  ")
    assert caught.value.cause == "reason"
    assert caught.value.reason == "phải ghi lý do (ly_do)"


def test_a_refusal_names_the_directive_when_told_its_number() -> None:
    with pytest.raises(TransitionRefused) as caught:
        chuyen_van_ban(T.du_thao, E.ban_hanh, V.van_thu, ten="01/CĐ-UBND")
    assert str(caught.value) == (
        "01/CĐ-UBND: không được 'ban hành' khi đang ở trạng thái 'dự thảo' với vai trò 'văn thư': "
        "không làm được ở trạng thái này; chỉ làm được khi: đã duyệt"
    )


def test_a_directive_goes_from_draft_through_one_return_to_replacement() -> None:
    steps = [
        (E.trinh, V.chuyen_vien, None, T.cho_duyet),
        (E.tra_lai, V.lanh_dao, "Bổ sung căn cứ", T.tra_lai),
        (E.trinh, V.chuyen_vien, None, T.cho_duyet),
        (E.duyet, V.lanh_dao, None, T.da_duyet),
        (E.ban_hanh, V.van_thu, None, T.da_ban_hanh),
        (E.phat_hanh, V.van_thu, None, T.da_phat_hanh),
        (E.theo_doi, V.van_thu, None, T.dang_theo_doi),
        (E.hoan_thanh, V.lanh_dao, None, T.hoan_thanh),
        (E.thay_the, V.van_thu, None, T.thay_the),
    ]
    state = T.du_thao
    for event, role, ly_do, target in steps:
        state = chuyen_van_ban(state, event, role, ly_do)
        assert state is target


@pytest.mark.parametrize("role", VAI_TRO)
@pytest.mark.parametrize("state", TRANG_THAI_VAN_BAN)
def test_the_events_offered_to_a_role_are_exactly_those_it_may_fire(state: str, role: str) -> None:
    offered = su_kien_van_ban_hop_le(T(state), V(role))
    expected = [e for e in SU_KIEN_VAN_BAN if role in VAN_BAN.get((state, e), ("", set()))[1]]
    assert [e.value for e in offered] == expected
    assert su_kien_hop_le(T(state), V(role)) == offered


def test_labels_carry_their_diacritics_in_nfc() -> None:
    assert [s.label for s in TrangThaiVanBan] == [
        "dự thảo",
        "chờ duyệt",
        "trả lại",
        "đã duyệt",
        "chờ ký số",
        "đã ban hành",
        "đã phát hành",
        "đang theo dõi",
        "hoàn thành",
        "thu hồi",
        "thay thế",
    ]
    assert E.trinh.label == "trình"
    assert (E.chuan_bi_ky.label, E.ky_so.label, E.huy_ky_so.label) == (
        "chuẩn bị ký số",
        "ký số",
        "hủy ký số",
    )
    assert V.van_thu.label == "văn thư"
    labels = [x.label for enum in (TrangThaiVanBan, SuKienVanBan, VaiTro) for x in enum]
    assert all(unicodedata.is_normalized("NFC", label) for label in labels)
