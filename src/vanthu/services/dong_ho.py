"""The clock services read: Vietnam time, or a fixed moment for demos and tests (VANTHU_NOW)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

#: Vietnam has one time zone, UTC+7, and no daylight saving.
GIO_VIET_NAM = dt.timezone(dt.timedelta(hours=7), "ICT")

DongHo = Callable[[], dt.datetime]


def bay_gio() -> dt.datetime:
    """Now, in Vietnam time; ``VANTHU_NOW`` (ISO 8601) fixes it for demos and tests."""
    fixed = os.environ.get("VANTHU_NOW")
    if fixed:
        moment = dt.datetime.fromisoformat(fixed)
        return moment if moment.tzinfo else moment.replace(tzinfo=GIO_VIET_NAM)
    return dt.datetime.now(GIO_VIET_NAM)


def gio_viet_nam(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored moment in Vietnam time (SQLite hands back naive UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(GIO_VIET_NAM)
