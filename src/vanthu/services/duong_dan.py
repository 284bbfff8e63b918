"""Moved to :mod:`vanthu.delivery.duong_dan`; re-exported until every branch imports it there."""

from ..delivery.duong_dan import (  # moved
    nam_trong,
    ten_an_toan,
    trong_goc,
)

__all__ = [
    "nam_trong",
    "ten_an_toan",
    "trong_goc",
]
