"""Each recipient's lifecycle, the same-day rule for acknowledgements, and the cost of firing."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from transitions import Machine

from vanthu.errors import TransitionRefused
from vanthu.workflow import (
    VONG_DOI_NOI_NHAN,
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    VaiTro,
    chuyen_noi_nhan,
    han_xac_nhan,
    nguong_tre,
    nhan_tre,
    su_kien_hop_le,
)
from vanthu.workflow.vong_doi import _MoHinh

from .mong_doi import CAN_LY_DO_NOI_NHAN, NOI_NHAN, SU_KIEN_NOI_NHAN, TRANG_THAI_NOI_NHAN, VAI_TRO

T = TrangThaiNoiNhan
E = SuKienNoiNhan
V = VaiTro

TRIPLES = [(t, e, v) for t in TRANG_THAI_NOI_NHAN for e in SU_KIEN_NOI_NHAN for v in VAI_TRO]


def test_the_states_and_events_are_exactly_those_the_expectation_covers() -> None:
    assert [s.value for s in TrangThaiNoiNhan] == TRANG_THAI_NOI_NHAN
    assert [e.value for e in SuKienNoiNhan] == SU_KIEN_NOI_NHAN


@pytest.mark.parametrize(("state", "event", "role"), TRIPLES)
def test_every_state_event_and_role_moves_or_is_refused_as_expected(
    state: str, event: str, role: str
) -> None:
    expected = NOI_NHAN.get((state, event))
    ly_do = "Gửi nhầm cơ quan" if event in CAN_LY_DO_NOI_NHAN else None
    if expected is not None and role in expected[1]:
        assert chuyen_noi_nhan(T(state), E(event), V(role), ly_do) == expected[0]
        return
    with pytest.raises(TransitionRefused) as caught:
        chuyen_noi_nhan(T(state), E(event), V(role), ly_do)
    refused = caught.value
    assert (refused.what, refused.state, refused.event, refused.role) == (
        "nơi nhận",
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


@pytest.mark.parametrize("role", VAI_TRO)
@pytest.mark.parametrize("state", TRANG_THAI_NOI_NHAN)
def test_the_events_offered_to_a_role_are_exactly_those_it_may_fire(state: str, role: str) -> None:
    offered = su_kien_hop_le(T(state), V(role))
    expected = [e for e in SU_KIEN_NOI_NHAN if role in NOI_NHAN.get((state, e), ("", set()))[1]]
    assert [e.value for e in offered] == expected


@pytest.mark.parametrize("ly_do", [None, "", "  "])
def test_sending_a_copy_back_as_misaddressed_needs_a_reason(ly_do: str | None) -> None:
    with pytest.raises(TransitionRefused) as caught:
        chuyen_noi_nhan(T.da_gui, E.tu_choi, V.don_vi_nhan, ly_do)
    assert caught.value.reason == "phải ghi lý do (ly_do)"


def test_acknowledging_twice_is_refused_so_the_caller_can_make_it_a_no_op() -> None:
    received = chuyen_noi_nhan(T.da_gui, E.xac_nhan, V.don_vi_nhan)
    with pytest.raises(TransitionRefused) as caught:
        chuyen_noi_nhan(received, E.xac_nhan, V.don_vi_nhan)
    assert caught.value.reason == "không làm được ở trạng thái này; chỉ làm được khi: đã gửi"


def test_firing_ten_thousand_recipient_events_builds_no_machine_and_keeps_no_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[Any] = []
    real_init = Machine.__init__

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Machine, "__init__", counting_init)
    machine = VONG_DOI_NOI_NHAN.may
    transitions_before = {
        name: sorted((t.source, t.dest) for ts in event.transitions.values() for t in ts)
        for name, event in machine.events.items()
    }
    fired = refused = 0
    for _ in range(2_500):  # per recipient: sent, acknowledged, reported, one refusal
        state = T.cho_gui
        for event, role in ((E.gui, V.van_thu), (E.xac_nhan, V.don_vi_nhan)):
            state = chuyen_noi_nhan(state, event, role)
            fired += 1
            assert machine.models == []
        state = chuyen_noi_nhan(state, E.bao_cao, V.don_vi_nhan)
        fired += 1
        assert machine.models == []
        try:
            chuyen_noi_nhan(state, E.tu_choi, V.don_vi_nhan)
        except TransitionRefused:
            refused += 1
        fired += 1
        assert machine.models == []
        assert state is T.da_bao_cao

    assert (fired, refused) == (10_000, 2_500)
    assert built == []
    assert {
        name: sorted((t.source, t.dest) for ts in event.transitions.values() for t in ts)
        for name, event in machine.events.items()
    } == transitions_before
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, _MoHinh)]


# 2021: Thursday 2 and Friday 3 September were the National Day holiday.
QUOC_KHANH_2021 = frozenset({date(2021, 9, 2), date(2021, 9, 3)})


def at(day: str, time: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}")


@pytest.mark.parametrize(
    ("sent", "received", "late"),
    [
        (at("2021-09-13"), at("2021-09-13", "16:30"), False),  # Monday, same day
        (at("2021-09-13", "22:00"), at("2021-09-13", "23:59"), False),
        (at("2021-09-13", "22:00"), at("2021-09-14", "07:30"), True),  # next morning
        (at("2021-09-17"), at("2021-09-20", "08:00"), True),  # sent Friday, read Monday
        (at("2021-09-18"), at("2021-09-20", "17:00"), False),  # sent Saturday, read Monday
        (at("2021-09-18"), at("2021-09-21", "08:00"), True),  # … or Tuesday
        (at("2021-09-19"), at("2021-09-20", "10:00"), False),  # sent Sunday, read Monday
    ],
)
def test_an_acknowledgement_is_late_unless_on_the_working_day_of_sending(
    sent: datetime, received: datetime, late: bool
) -> None:
    assert nhan_tre(sent, received) is late


@pytest.mark.parametrize(
    ("sent", "received", "late"),
    [
        (at("2021-09-01"), at("2021-09-02"), True),  # Wednesday; the holiday gives no grace
        (at("2021-09-02"), at("2021-09-06", "16:00"), False),  # sent on the holiday
        (at("2021-09-03"), at("2021-09-06", "16:00"), False),
        (at("2021-09-04"), at("2021-09-06", "16:00"), False),  # Saturday after it
        (at("2021-09-02"), at("2021-09-07", "08:00"), True),
    ],
)
def test_listed_holidays_are_not_working_days(
    sent: datetime, received: datetime, late: bool
) -> None:
    assert nhan_tre(sent, received, QUOC_KHANH_2021) is late


def test_a_holiday_on_the_monday_moves_a_weekend_deadline_to_tuesday() -> None:
    le = frozenset({date(2021, 9, 20)})
    assert han_xac_nhan(date(2021, 9, 18), le) == date(2021, 9, 21)
    assert nhan_tre(at("2021-09-18"), at("2021-09-21", "17:00"), le) is False
    assert nhan_tre(at("2021-09-18"), at("2021-09-21", "17:00")) is True


def test_days_are_counted_in_the_senders_time_zone() -> None:
    vietnam = timezone(timedelta(hours=7))
    sent = datetime(2021, 9, 13, 16, 0, tzinfo=vietnam)
    assert nhan_tre(sent, datetime(2021, 9, 13, 10, 0, tzinfo=UTC)) is False  # 17:00 in Vietnam
    # Still the 13th in UTC, but already the 14th in Vietnam.
    assert nhan_tre(sent, datetime(2021, 9, 13, 17, 30, tzinfo=UTC)) is True


@pytest.mark.parametrize("holidays", [frozenset(), QUOC_KHANH_2021, frozenset({date(2021, 9, 20)})])
def test_the_lateness_threshold_judges_every_sending_time_as_nhan_tre_does(
    holidays: frozenset[date],
) -> None:
    vietnam = timezone(timedelta(hours=7))
    start = datetime(2021, 8, 28, tzinfo=vietnam)  # a Saturday; four weeks around both holidays
    moments = [start + timedelta(days=d, hours=h) for d in range(30) for h in (0, 9, 17, 23.99)]
    checked = 0
    for received in moments:
        threshold = nguong_tre(received, holidays)
        for sent in moments:
            if sent <= received:
                assert nhan_tre(sent, received, holidays) is (sent < threshold), (sent, received)
                checked += 1
    assert checked > 7_000


def test_the_lateness_threshold_is_midnight_after_the_last_working_day_before_receipt() -> None:
    assert nguong_tre(at("2021-09-14", "08:00")) == at("2021-09-14", "00:00")  # Tuesday
    assert nguong_tre(at("2021-09-20", "08:00")) == at("2021-09-18", "00:00")  # Monday
    assert nguong_tre(at("2021-09-06", "08:00"), QUOC_KHANH_2021) == at("2021-09-02", "00:00")


def test_receipt_before_sending_and_mixed_time_zones_are_refused() -> None:
    with pytest.raises(ValueError, match="before it was sent"):
        nhan_tre(at("2021-09-13", "10:00"), at("2021-09-13", "09:00"))
    with pytest.raises(ValueError, match="time zone"):
        nhan_tre(at("2021-09-13"), datetime(2021, 9, 13, 10, tzinfo=UTC))
