"""The lifecycles of a directive and of its recipients, declared as tables; imports only errors.

The diagram lives in ``vanthu.workflow.diagram`` (not imported here, so that
``python -m vanthu.workflow.diagram`` runs cleanly).
"""

from __future__ import annotations

from typing import overload

from .noi_nhan import (
    BANG_NOI_NHAN,
    VONG_DOI_NOI_NHAN,
    SuKienNoiNhan,
    TrangThaiNoiNhan,
    chuyen_noi_nhan,
    han_xac_nhan,
    la_ngay_lam_viec,
    nguong_tre,
    nhan_tre,
    su_kien_noi_nhan_hop_le,
)
from .vai_tro import VaiTro
from .van_ban import (
    BANG_VAN_BAN,
    VONG_DOI_VAN_BAN,
    SuKienVanBan,
    TrangThaiVanBan,
    chuyen_van_ban,
    su_kien_van_ban_hop_le,
)
from .vong_doi import ChuyenTiep, StateMachine


@overload
def su_kien_hop_le(trang_thai: TrangThaiVanBan, vai_tro: VaiTro) -> tuple[SuKienVanBan, ...]: ...
@overload
def su_kien_hop_le(trang_thai: TrangThaiNoiNhan, vai_tro: VaiTro) -> tuple[SuKienNoiNhan, ...]: ...
def su_kien_hop_le(
    trang_thai: TrangThaiVanBan | TrangThaiNoiNhan, vai_tro: VaiTro
) -> tuple[SuKienVanBan, ...] | tuple[SuKienNoiNhan, ...]:
    """The events ``vai_tro`` may fire from ``trang_thai`` (a directive's or a recipient's)."""
    if isinstance(trang_thai, TrangThaiVanBan):
        return su_kien_van_ban_hop_le(trang_thai, vai_tro)
    return su_kien_noi_nhan_hop_le(trang_thai, vai_tro)


__all__ = [
    "BANG_NOI_NHAN",
    "BANG_VAN_BAN",
    "VONG_DOI_NOI_NHAN",
    "VONG_DOI_VAN_BAN",
    "ChuyenTiep",
    "StateMachine",
    "SuKienNoiNhan",
    "SuKienVanBan",
    "TrangThaiNoiNhan",
    "TrangThaiVanBan",
    "VaiTro",
    "chuyen_noi_nhan",
    "chuyen_van_ban",
    "han_xac_nhan",
    "la_ngay_lam_viec",
    "nguong_tre",
    "nhan_tre",
    "su_kien_hop_le",
    "su_kien_noi_nhan_hop_le",
    "su_kien_van_ban_hop_le",
]
