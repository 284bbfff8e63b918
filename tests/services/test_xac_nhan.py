"""Acknowledgements on both stores: what is recorded agrees with the recipient lifecycle table.

On PostgreSQL an acknowledgement is one statement whose guard restates the service's rules in
SQL; these tests hold it to the lifecycle table and to what SQLite records, state by state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, update

from tests.services.conftest import ManualClock
from tests.services.test_phat_hanh import issued
from vanthu.errors import NotFound, Refused, TransitionRefused, VanthuError
from vanthu.services.ung_dung import BoDichVu
from vanthu.services.vong_doi import tim_id_van_ban
from vanthu.storage.bang import NhatKy, NoiNhanVanBan, VanBanRow
from vanthu.workflow import (
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    VaiTro,
    chuyen_noi_nhan,
)

T = TrangThaiNoiNhan
SENT = dt.datetime(2021, 9, 13, 9, 0, tzinfo=dt.UTC)  # 16:00 in Vietnam, a Monday
RECEIVED = dt.datetime(2021, 9, 14, 1, 0, tzinfo=dt.UTC)  # 08:00 in Vietnam, the next morning
USERS = {
    "cv": VaiTro.chuyen_vien,
    "ld": VaiTro.lanh_dao,
    "vt": VaiTro.van_thu,
    "syt": VaiTro.don_vi_nhan,  # acts for SYT, the body acknowledged below
    "snv": VaiTro.don_vi_nhan,  # acts for SNV
}


def utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment in UTC (SQLite gives it back without a zone)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def expected(state: TrangThaiNoiNhan, user: str) -> str:
    """What acknowledging SYT's copy in ``state`` as ``user`` does, from the lifecycle table."""
    if user == "snv":
        return "refused"
    if USERS[user] not in {VaiTro.van_thu, VaiTro.don_vi_nhan}:  # never, not even repeated
        return "refused"
    if state in (T.da_nhan, T.da_bao_cao):
        return "given before"
    try:
        chuyen_noi_nhan(state, SuKienNoiNhan.xac_nhan, USERS[user])
    except TransitionRefused:
        return "refused"
    return "recorded"


def put(app: BoDichVu, so: str, state: TrangThaiNoiNhan) -> None:
    """Set SYT's copy to ``state`` directly, with the times that state implies."""
    received = SENT + dt.timedelta(hours=1) if state in (T.da_nhan, T.da_bao_cao) else None
    with app.store.transaction() as s:
        s.execute(
            update(NoiNhanVanBan)
            .where(
                NoiNhanVanBan.ma_co_quan == "SYT",
                NoiNhanVanBan.van_ban_id
                == select(VanBanRow.id).where(VanBanRow.so_ky_hieu == so).scalar_subquery(),
            )
            .values(
                trang_thai=state.value,
                gui_luc=None if state is T.cho_gui else SENT,
                nhan_luc=received,
                tre=False,
            )
        )


def snapshot(app: BoDichVu) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """SYT's copy as stored, and every acknowledgement line of the log."""
    with app.store.transaction() as s:
        copy = s.execute(
            select(NoiNhanVanBan.trang_thai, NoiNhanVanBan.nhan_luc, NoiNhanVanBan.tre).where(
                NoiNhanVanBan.ma_co_quan == "SYT"
            )
        ).one()
        lines = s.execute(
            select(
                NhatKy.doi_tuong,
                NhatKy.tu,
                NhatKy.den,
                NhatKy.nguoi,
                NhatKy.luc,
                NhatKy.chi_tiet,
            )
            .where(NhatKy.su_kien == "xac_nhan")
            .order_by(NhatKy.id)
        ).all()
    return tuple(copy), [tuple(line) for line in lines]


def test_every_state_and_role_is_recorded_or_refused_as_the_lifecycle_says(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    with app.store.transaction() as s:
        van_ban_id = tim_id_van_ban(s, so)
    seen = set()
    for state in TrangThaiNoiNhan:
        for user in USERS:
            put(app, so, state)
            clock.dat("2021-09-14T08:00")  # the next morning: late if recorded
            before = snapshot(app)
            outcome = expected(state, user)
            if outcome == "refused":
                with pytest.raises((Refused, TransitionRefused)):
                    app.theo_doi.xac_nhan(user, so, "SYT")
                assert snapshot(app) == before, (state, user)
            elif outcome == "given before":
                result = app.theo_doi.xac_nhan(user, so, "SYT")
                assert result.da_co and snapshot(app) == before, (state, user)
            else:
                result = app.theo_doi.xac_nhan(user, so, "SYT")
                assert not result.da_co and result.tre, (state, user)
                copy, lines = snapshot(app)
                assert (copy[0], utc(copy[1]), copy[2]) == (T.da_nhan.value, RECEIVED, True)
                *earlier, (target, tu, den, by, when, detail) = lines
                assert earlier == before[1]
                assert (target, tu, den, by) == (
                    f"noi_nhan:{van_ban_id}:SYT",
                    state.value,
                    T.da_nhan.value,
                    user,
                )
                assert (utc(when), detail) == (RECEIVED, {"tre": True})
            seen.add(outcome)
    assert seen == {"refused", "given before", "recorded"}


@pytest.mark.parametrize(
    ("now", "late"),
    [
        ("2021-09-13T23:59", False),  # the evening of the Monday it was sent
        ("2021-09-14T00:00", True),
        ("2021-09-20T08:00", True),
    ],
)
def test_lateness_is_recorded_as_the_same_day_rule_says(
    app: BoDichVu, clock: ManualClock, now: str, late: bool
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    put(app, so, T.da_gui)
    clock.dat(now)
    assert app.theo_doi.xac_nhan("syt", so, "SYT").tre is late
    assert snapshot(app)[0][2] is late
    assert snapshot(app)[1][-1][5] == {"tre": late}


def test_an_unknown_user_is_refused_and_nothing_is_written(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    before = snapshot(app)
    with pytest.raises(NotFound, match="khong_co"):
        app.theo_doi.xac_nhan("khong_co", so, "SYT")
    assert snapshot(app) == before


def test_a_number_that_names_two_directives_acknowledges_neither(
    app: BoDichVu, clock: ManualClock
) -> None:
    first = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", first)
    second = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", second)
    with app.store.transaction() as s:  # as two registers (a secret one, say) may number alike
        s.execute(update(VanBanRow).where(VanBanRow.so_ky_hieu == second).values(so_ky_hieu=first))
    with pytest.raises(VanthuError, match="trùng với nhiều văn bản"):
        app.theo_doi.xac_nhan("syt", first, "SYT")
    with app.store.transaction() as s:
        received = s.scalar(select(func.count()).where(NoiNhanVanBan.trang_thai == T.da_nhan.value))
    assert received == 0


def _token(app: BoDichVu, body: str) -> str:
    with app.store.transaction() as s:
        token = s.scalar(select(NoiNhanVanBan.ma_xac_nhan).where(NoiNhanVanBan.ma_co_quan == body))
    assert token is not None
    return token


def test_a_token_contradicted_by_the_directive_or_the_body_named_beside_it_is_refused(
    app: BoDichVu, clock: ManualClock
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    token = _token(app, "SYT")
    before = snapshot(app)
    for khoa, body, message in (
        (so, "SNV", f"mã '{token}': là của bản {so} gửi 'SYT', không phải gửi 'SNV'"),
        ("99/CĐ-UBND", "SYT", "không phải của '99/CĐ-UBND'"),
        ("#7", None, "không phải của '#7'"),
        (None, "SNV", "không phải gửi 'SNV'"),
    ):
        with pytest.raises(Refused, match=message):
            app.theo_doi.xac_nhan("vt", khoa, body, token)
        assert snapshot(app) == before
    with pytest.raises(NotFound, match="mã xác nhận 'sai'"):
        app.theo_doi.xac_nhan("vt", so, "SYT", "sai")
    # Naming the token's own directive and body agrees with it.
    assert app.theo_doi.xac_nhan("syt", so, "SYT", token).ma_co_quan == "SYT"


@pytest.mark.parametrize("user", ["cv", "ld"])
def test_a_role_that_may_not_acknowledge_is_refused_even_when_it_was_given_before(
    app: BoDichVu, clock: ManualClock, user: str
) -> None:
    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    app.theo_doi.xac_nhan("syt", so, "SYT")
    before = snapshot(app)
    with pytest.raises(
        TransitionRefused, match=f"người dùng '{user}' với {so} → SYT: không được 'xác nhận'"
    ):
        app.theo_doi.xac_nhan(user, so, "SYT")
    assert snapshot(app) == before


@pytest.mark.parametrize("user", ["cv", "ld"])
def test_a_role_that_may_not_report_is_refused_even_after_a_report(
    app: BoDichVu, clock: ManualClock, user: str
) -> None:
    from vanthu.storage.bang import BaoCaoNhan

    so = issued(app, clock)
    app.phat_hanh.phat_hanh("vt", so)
    app.theo_doi.bao_cao("snv", so, "SNV", "12/BC-SNV")

    def reports() -> tuple[Any, ...]:
        with app.store.transaction() as s:
            return (
                s.scalar(select(func.count()).select_from(BaoCaoNhan)),
                s.scalar(select(func.count()).select_from(NhatKy)),
            )

    before = reports()
    with pytest.raises(
        TransitionRefused, match=f"người dùng '{user}' với {so} → SNV: không được 'báo cáo'"
    ):
        app.theo_doi.bao_cao(user, so, "SNV", "13/BC-SNV")
    with pytest.raises(Refused, match="làm thay 'SYT', không phải 'SNV'"):
        app.theo_doi.bao_cao("syt", so, "SNV", "13/BC-SNV")
    assert reports() == before
