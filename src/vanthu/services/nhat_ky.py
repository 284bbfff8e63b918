"""The event log (nhật ký) of a directive and its recipients, as the clerk reads it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..schemas.gio import gio_viet_nam
from ..storage import Store
from ..storage.van_ban import nhat_ky_cua
from .vong_doi import tim_van_ban


@dataclass(frozen=True)
class DongNhatKy:
    """One logged event."""

    luc: dt.datetime
    nguoi: str
    doi_tuong: str
    su_kien: str
    tu: str | None
    den: str | None
    chi_tiet: dict[str, Any]


def nhat_ky(store: Store, khoa: str, chi_van_ban: bool = False) -> list[DongNhatKy]:
    """Every logged event of a directive and its recipients, oldest first; with
    ``chi_van_ban``, the directive's own events only (its recipients' are the Theo dõi page's
    timeline)."""
    with store.transaction() as s:
        row = tim_van_ban(s, khoa)
        return [
            DongNhatKy(
                gio_viet_nam(e.luc) or e.luc,
                e.nguoi,
                e.doi_tuong,
                e.su_kien,
                e.tu,
                e.den,
                dict(e.chi_tiet or {}),
            )
            for e in nhat_ky_cua(s, row.id, chi_van_ban)
        ]
