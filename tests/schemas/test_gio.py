"""Time: Vietnam time for people, UTC for the store."""

from __future__ import annotations

import datetime as dt

from vanthu.schemas.gio import GIO_VIET_NAM, gio_viet_nam, utc


def test_vietnam_is_seven_hours_ahead_of_utc_all_year() -> None:
    for month in (1, 7):
        moment = dt.datetime(2021, month, 1, 7, 0, tzinfo=GIO_VIET_NAM)
        assert utc(moment) == dt.datetime(2021, month, 1, 0, 0, tzinfo=dt.UTC)
        assert utc(moment).utcoffset() == dt.timedelta(0)


def test_a_stored_moment_without_zone_is_read_as_utc_and_shown_in_vietnam_time() -> None:
    shown = gio_viet_nam(dt.datetime(2021, 9, 13, 1, 30))
    assert shown == dt.datetime(2021, 9, 13, 8, 30, tzinfo=GIO_VIET_NAM)
    assert shown is not None and shown.tzname() == "ICT"
    assert gio_viet_nam(None) is None
