"""Digital signatures (ký số, Decree 30 Art. 5; spec §3.4, §9): keys named by configuration,
PAdES signing with the Decree's appearances, two-step signing for a token on the leader's own
computer, and verification.

Beside rendering and storage: it signs and verifies PDF bytes; where the signatures go comes
from the renderer (``Renderer.ban_de_ky``), through the use cases (``vanthu.services``).
"""

from .cau_hinh import (
    BIEN_CAU_HINH,
    CauHinhKy,
    NguonHaiBuoc,
    NguonKhoa,
    NguonPkcs11,
    NguonPkcs12,
    doc_cau_hinh_ky,
)
from .hai_buoc import PhieuBam, chuan_bi_ky, gan_chu_ky, lap_phieu_bam, nhan_ban_da_ky
from .hinh_thuc import kieu_anh, thoi_gian_ky
from .khoa import mo_khoa, ngu_canh_tin_cay
from .khoa_demo import BoKhoaDemo, ghi_bo_khoa, tao_bo_khoa
from .kiem_tra import KhoaDaKiemTra, doc_anh, kiem_tra_khoa
from .ky import TRUONG_CO_QUAN, TRUONG_LANH_DAO, Khung, ViTri, ky_pdf
from .ky_van_ban import dong_phu_luc, ky_co_quan, ky_hop_chu_co_quan, ky_lanh_dao
from .xac_minh import CHUA_CO_GOC_TIN_CAY, LOI_KET_LUAN, ChuKy, KetLuan, KetQuaXacMinh, xac_minh

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
    "ViTri",
    "chuan_bi_ky",
    "doc_anh",
    "doc_cau_hinh_ky",
    "dong_phu_luc",
    "gan_chu_ky",
    "ghi_bo_khoa",
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
    "thoi_gian_ky",
    "xac_minh",
]
