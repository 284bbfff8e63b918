"""Rendering: a directive laid out once (bố cục) and drawn as DOCX and as PDF.

The names below are imported on first use: importing a part of this package (the transmittal
slip, say) does not load WeasyPrint and python-docx, so the lifecycle commands that draw no
directive (``vanthu ack``, ``vanthu status``) start without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bo_cuc import BoCuc
    from .renderer import KetQua, Renderer
    from .soan_bo_cuc import DUOC_HO_TRO
    from .ve_duoc import kiem_tra_ve_duoc, ky_tu_khong_ve_duoc

_NOI = {
    "BoCuc": ".bo_cuc",
    "DUOC_HO_TRO": ".soan_bo_cuc",
    "KetQua": ".renderer",
    "Renderer": ".renderer",
    "kiem_tra_ve_duoc": ".ve_duoc",
    "ky_tu_khong_ve_duoc": ".ve_duoc",
}


def __getattr__(name: str) -> Any:
    if name in _NOI:
        return getattr(import_module(_NOI[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DUOC_HO_TRO",
    "BoCuc",
    "KetQua",
    "Renderer",
    "kiem_tra_ve_duoc",
    "ky_tu_khong_ve_duoc",
]
