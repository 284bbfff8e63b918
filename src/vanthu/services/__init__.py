"""Use cases: the only thing the CLI and the web layer call — the façade ``UngDung`` and a few
pure helpers.

The façade (storage, SQLAlchemy, Alembic) and what it returns are imported on first use, so that
rendering a file from the command line does not pay for the database layer's start-up.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..reading.cau_hinh import BASE_URL_MAC_DINH, base_url_hop_le
from ..reading.van_ban import doc_tep, doc_van_ban

#: Extensions read as Word files (no python-docx loaded to know them).
from ..reading.word.chuyen_doi import DUOI_WORD
from ..schemas.gio import GIO_VIET_NAM
from ..workflow import SuKienVanBan, TrangThaiVanBan, VaiTro, su_kien_hop_le
from .ket_xuat import (
    DinhDang,
    TepKetXuat,
    ket_xuat_tep,
    ket_xuat_van_ban,
    mo_ta_phong_chu,
    phong_chu_pdf,
    renderer,
)
from .kiem_tra import (
    canh_bao_van_ban,
    kiem_tra_tep,
    kiem_tra_tep_canh_bao,
    kiem_tra_the_thuc_word,
    kiem_tra_van_ban,
    la_tep_word,
    phat_hien_json,
)
from .luoc_do import luoc_do_json

if TYPE_CHECKING:
    from ..reading.word.the_thuc import PhatHien
    from .danh_sach import ChiTietVanBan, DongVanBan
    from .ky_ban_hanh import TEN_KY_SO
    from .ky_so import (
        CHUA_CO_GOC_TIN_CAY,
        LOI_KET_LUAN,
        BanChuanBi,
        KetLuan,
        KetQuaXacMinh,
        chuan_bi_hai_buoc,
        doc_cau_hinh_ky,
        gan_cms,
        ghi_tep_ra,
        ky_dinh_kem,
        ky_tep,
        ky_van_ban,
        nhan_hai_buoc,
        phieu_bam,
        tao_khoa_demo,
        xac_minh_pdf,
        xac_minh_tep,
    )
    from .lien_ket import TrangNhan
    from .login import SignedIn
    from .nguoi_dung import ten_nguoi_dung, ten_nguoi_dung_neu_co
    from .quan_tri import CoQuanDanhBaDong, DanhBaDong, NguoiDungDong
    from .so_dang_ky import COT_SO_DANG_KY
    from .theo_doi import BangTrangThai
    from .tien_trinh import TienTrinh
    from .trang_theo_doi import DongThoiGian, TrangTheoDoi
    from .tu_word import (
        CHUA_XEP,
        KICH_THUOC_WORD_TOI_DA,
        KetQuaNhapWord,
        TepNhap,
        ghi_nhap,
        nhap_word,
        nhap_word_du_lieu,
        van_ban_yaml,
    )
    from .ung_dung import KetQuaBaoCao, UngDung, vong_doi_diagram
    from .vong_doi import KetQuaChuyen

# name → the module that holds it, imported when the name is first asked for
_LAZY = {
    # the Word import: python-docx and the YAML writer, for the commands that read Word
    "CHUA_XEP": ".tu_word",
    "KICH_THUOC_WORD_TOI_DA": ".tu_word",
    "KetQuaNhapWord": ".tu_word",
    "PhatHien": ".tu_word",
    "TepNhap": ".tu_word",
    "ghi_nhap": ".tu_word",
    "nhap_word": ".tu_word",
    "nhap_word_du_lieu": ".tu_word",
    "van_ban_yaml": ".tu_word",
    "ChiTietVanBan": ".danh_sach",
    "DongVanBan": ".danh_sach",
    "SignedIn": ".login",
    "BangTrangThai": ".theo_doi",
    "DongThoiGian": ".trang_theo_doi",
    "TrangTheoDoi": ".trang_theo_doi",
    "TrangNhan": ".lien_ket",
    "TienTrinh": ".tien_trinh",
    "COT_SO_DANG_KY": ".so_dang_ky",
    "CoQuanDanhBaDong": ".quan_tri",
    "DanhBaDong": ".quan_tri",
    "NguoiDungDong": ".quan_tri",
    "KetQuaBaoCao": ".ung_dung",
    "KetQuaChuyen": ".vong_doi",
    "UngDung": ".ung_dung",
    "vong_doi_diagram": ".ung_dung",
    "ten_nguoi_dung": ".nguoi_dung",
    "ten_nguoi_dung_neu_co": ".nguoi_dung",
    "BanChuanBi": ".ky_so",
    "CHUA_CO_GOC_TIN_CAY": ".ky_so",
    "KetLuan": ".ky_so",
    "KetQuaXacMinh": ".ky_so",
    "LOI_KET_LUAN": ".ky_so",
    "chuan_bi_hai_buoc": ".ky_so",
    "doc_cau_hinh_ky": ".ky_so",
    "gan_cms": ".ky_so",
    "ghi_tep_ra": ".ky_so",
    "TEN_KY_SO": ".ky_ban_hanh",
    "ky_dinh_kem": ".ky_so",
    "ky_tep": ".ky_so",
    "ky_van_ban": ".ky_so",
    "nhan_hai_buoc": ".ky_so",
    "phieu_bam": ".ky_so",
    "tao_khoa_demo": ".ky_so",
    "xac_minh_pdf": ".ky_so",
    "xac_minh_tep": ".ky_so",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BASE_URL_MAC_DINH",
    "CHUA_CO_GOC_TIN_CAY",
    "CHUA_XEP",
    "COT_SO_DANG_KY",
    "DUOI_WORD",
    "GIO_VIET_NAM",
    "KICH_THUOC_WORD_TOI_DA",
    "LOI_KET_LUAN",
    "TEN_KY_SO",
    "BanChuanBi",
    "BangTrangThai",
    "ChiTietVanBan",
    "CoQuanDanhBaDong",
    "DanhBaDong",
    "DinhDang",
    "DongThoiGian",
    "DongVanBan",
    "KetLuan",
    "KetQuaBaoCao",
    "KetQuaChuyen",
    "KetQuaNhapWord",
    "KetQuaXacMinh",
    "NguoiDungDong",
    "PhatHien",
    "SignedIn",
    "SuKienVanBan",
    "TepKetXuat",
    "TepNhap",
    "TienTrinh",
    "TrangNhan",
    "TrangThaiVanBan",
    "TrangTheoDoi",
    "UngDung",
    "VaiTro",
    "base_url_hop_le",
    "canh_bao_van_ban",
    "chuan_bi_hai_buoc",
    "doc_cau_hinh_ky",
    "doc_tep",
    "doc_van_ban",
    "gan_cms",
    "ghi_nhap",
    "ghi_tep_ra",
    "ket_xuat_tep",
    "ket_xuat_van_ban",
    "kiem_tra_tep",
    "kiem_tra_tep_canh_bao",
    "kiem_tra_the_thuc_word",
    "kiem_tra_van_ban",
    "ky_dinh_kem",
    "ky_tep",
    "ky_van_ban",
    "la_tep_word",
    "luoc_do_json",
    "mo_ta_phong_chu",
    "nhan_hai_buoc",
    "nhap_word",
    "nhap_word_du_lieu",
    "phat_hien_json",
    "phieu_bam",
    "phong_chu_pdf",
    "renderer",
    "su_kien_hop_le",
    "tao_khoa_demo",
    "ten_nguoi_dung",
    "ten_nguoi_dung_neu_co",
    "van_ban_yaml",
    "vong_doi_diagram",
    "xac_minh_pdf",
    "xac_minh_tep",
]
