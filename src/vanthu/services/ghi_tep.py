"""Moved to :mod:`vanthu.delivery.ghi_tep`; re-exported until every branch imports it there."""

from ..delivery.ghi_tep import (  # moved
    BIEN_DUNG,
    BIEN_TEP_DUNG,
    THU_MUC_TAM,
    BanTam,
    DaGhi,
    KhuTam,
    ThongBaoTam,
    dat_ban_goc,
    dat_tam,
    diem_dung,
    ghi_nguyen_tu,
    ghi_thu_muc,
    hoan_tat_ban_hanh,
    loi_ghi,
    sao_chep,
    sha256,
)

__all__ = [
    "BIEN_DUNG",
    "BIEN_TEP_DUNG",
    "THU_MUC_TAM",
    "BanTam",
    "DaGhi",
    "KhuTam",
    "ThongBaoTam",
    "dat_ban_goc",
    "dat_tam",
    "diem_dung",
    "ghi_nguyen_tu",
    "ghi_thu_muc",
    "hoan_tat_ban_hanh",
    "loi_ghi",
    "sao_chep",
    "sha256",
]
