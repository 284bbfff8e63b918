"""The clock services read: Vietnam time, or a fixed moment for demos and tests (VANTHU_NOW)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from ..errors import InvalidSetting
from ..schemas.gio import GIO_VIET_NAM
from ..schemas.gioi_han import NAM_LON_NHAT, NAM_NHO_NHAT

#: What a use case reads the time from: :func:`bay_gio`, or a clock a demo or a test moves.
Clock = Callable[[], dt.datetime]


def bay_gio() -> dt.datetime:
    """Now, in Vietnam time; ``VANTHU_NOW`` (ISO 8601) fixes it for demos and tests.

    Raises:
        InvalidSetting: ``VANTHU_NOW`` is not an ISO 8601 moment in the years vanthu keeps.
    """
    fixed = os.environ.get("VANTHU_NOW")
    if fixed:
        return gio_co_dinh(fixed)
    return dt.datetime.now(GIO_VIET_NAM)


def gio_co_dinh(text: str, name: str = "VANTHU_NOW") -> dt.datetime:
    """A fixed moment (giờ cố định) given as ISO 8601 text; Vietnam time unless a zone is given.

    Raises:
        InvalidSetting: not an ISO 8601 moment, or a year outside NAM_NHO_NHAT..NAM_LON_NHAT.
    """
    example = "hãy ghi thời điểm theo ISO 8601 như 2021-09-13T08:00 hoặc 2021-09-13T08:00+07:00"
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidSetting(name, f"{text[:40]!r} không phải một thời điểm; {example}") from None
    if not NAM_NHO_NHAT <= moment.year <= NAM_LON_NHAT:
        raise InvalidSetting(
            name, f"năm {moment.year} không nằm trong khoảng {NAM_NHO_NHAT}–{NAM_LON_NHAT}"
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=GIO_VIET_NAM)
