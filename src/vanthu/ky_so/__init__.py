"""Digital signatures (ký số, Decree 30 Art. 5; spec §3.4, §9): keys named by configuration,
PAdES signing with the Decree's appearances, two-step signing for a token on the leader's own
computer, and verification.

Beside rendering and storage: it signs and verifies PDF bytes; where the signatures go comes
from the renderer (``Renderer.ban_de_ky``), through the use cases (``vanthu.services``).

Names are imported on first use: reading the signing configuration (start-up of every command)
does not load pyHanko and cryptography, which only signing and verifying need.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cau_hinh import (
        BIEN_CAU_HINH,
        CauHinhKy,
        NguonHaiBuoc,
        NguonKhoa,
        NguonPkcs11,
        NguonPkcs12,
        doc_cau_hinh_ky,
    )
    from .dien_so import TruongDien, dien_so_ngay, gia_tri_da_dien, them_truong_dien
    from .hai_buoc import PhieuBam, chuan_bi_ky, gan_chu_ky, lap_phieu_bam, nhan_ban_da_ky
    from .hinh_thuc import kieu_anh, thoi_gian_ky
    from .khoa import mo_khoa, ngu_canh_tin_cay
    from .khoa_demo import BoKhoaDemo, ghi_bo_khoa, tao_bo_khoa
    from .kiem_tra import KhoaDaKiemTra, doc_anh, kiem_tra_khoa
    from .ky import TRUONG_CO_QUAN, TRUONG_LANH_DAO, Khung, ViTri, ky_pdf
    from .ky_van_ban import dong_phu_luc, ky_co_quan, ky_hop_chu_co_quan, ky_lanh_dao
    from .xac_minh_chu_ky import (
        CHUA_CO_GOC_TIN_CAY,
        LOI_KET_LUAN,
        ChuKy,
        KetLuan,
        KetQuaXacMinh,
        xac_minh,
    )

# name → the module that holds it, imported when the name is first asked for
_LAZY = {
    "BIEN_CAU_HINH": ".cau_hinh",
    "CauHinhKy": ".cau_hinh",
    "NguonHaiBuoc": ".cau_hinh",
    "NguonKhoa": ".cau_hinh",
    "NguonPkcs11": ".cau_hinh",
    "NguonPkcs12": ".cau_hinh",
    "doc_cau_hinh_ky": ".cau_hinh",
    "TruongDien": ".dien_so",
    "dien_so_ngay": ".dien_so",
    "gia_tri_da_dien": ".dien_so",
    "them_truong_dien": ".dien_so",
    "PhieuBam": ".hai_buoc",
    "chuan_bi_ky": ".hai_buoc",
    "gan_chu_ky": ".hai_buoc",
    "lap_phieu_bam": ".hai_buoc",
    "nhan_ban_da_ky": ".hai_buoc",
    "kieu_anh": ".hinh_thuc",
    "thoi_gian_ky": ".hinh_thuc",
    "mo_khoa": ".khoa",
    "ngu_canh_tin_cay": ".khoa",
    "BoKhoaDemo": ".khoa_demo",
    "ghi_bo_khoa": ".khoa_demo",
    "tao_bo_khoa": ".khoa_demo",
    "KhoaDaKiemTra": ".kiem_tra",
    "doc_anh": ".kiem_tra",
    "kiem_tra_khoa": ".kiem_tra",
    "TRUONG_CO_QUAN": ".ky",
    "TRUONG_LANH_DAO": ".ky",
    "Khung": ".ky",
    "ViTri": ".ky",
    "ky_pdf": ".ky",
    "dong_phu_luc": ".ky_van_ban",
    "ky_co_quan": ".ky_van_ban",
    "ky_hop_chu_co_quan": ".ky_van_ban",
    "ky_lanh_dao": ".ky_van_ban",
    "CHUA_CO_GOC_TIN_CAY": ".xac_minh_chu_ky",
    "LOI_KET_LUAN": ".xac_minh_chu_ky",
    "ChuKy": ".xac_minh_chu_ky",
    "KetLuan": ".xac_minh_chu_ky",
    "KetQuaXacMinh": ".xac_minh_chu_ky",
    "xac_minh": ".xac_minh_chu_ky",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BIEN_CAU_HINH",
    "CHUA_CO_GOC_TIN_CAY",
    "LOI_KET_LUAN",
    "TRUONG_CO_QUAN",
    "TRUONG_LANH_DAO",
    "BoKhoaDemo",
    "CauHinhKy",
    "ChuKy",
    "KetLuan",
    "KetQuaXacMinh",
    "KhoaDaKiemTra",
    "Khung",
    "NguonHaiBuoc",
    "NguonKhoa",
    "NguonPkcs11",
    "NguonPkcs12",
    "PhieuBam",
    "TruongDien",
    "ViTri",
    "chuan_bi_ky",
    "dien_so_ngay",
    "doc_anh",
    "doc_cau_hinh_ky",
    "dong_phu_luc",
    "gan_chu_ky",
    "ghi_bo_khoa",
    "gia_tri_da_dien",
    "kiem_tra_khoa",
    "kieu_anh",
    "ky_co_quan",
    "ky_hop_chu_co_quan",
    "ky_lanh_dao",
    "ky_pdf",
    "lap_phieu_bam",
    "mo_khoa",
    "ngu_canh_tin_cay",
    "nhan_ban_da_ky",
    "tao_bo_khoa",
    "them_truong_dien",
    "thoi_gian_ky",
    "xac_minh",
]
