"""Time (giờ): the one zone vanthu speaks (Vietnam, UTC+7) and the one it stores (UTC)."""

from __future__ import annotations

import datetime as dt

#: Vietnam has one time zone, UTC+7, and no daylight saving.
GIO_VIET_NAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def utc(moment: dt.datetime) -> dt.datetime:
    """A moment as it is stored: in UTC (SQLite keeps no zone)."""
    return moment.astimezone(dt.UTC)


def gio_viet_nam(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored moment in Vietnam time (SQLite hands back naive UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(GIO_VIET_NAM)
