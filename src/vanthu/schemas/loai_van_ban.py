"""The 29 administrative document types (loại văn bản) of Decree 30, Art. 7 and Phụ lục III."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LoaiVanBan(StrEnum):
    """Document type, spelled as in directive files (Vietnamese without diacritics)."""

    nghi_quyet = "nghi_quyet"
    quyet_dinh = "quyet_dinh"
    chi_thi = "chi_thi"
    quy_che = "quy_che"
    quy_dinh = "quy_dinh"
    thong_cao = "thong_cao"
    thong_bao = "thong_bao"
    huong_dan = "huong_dan"
    chuong_trinh = "chuong_trinh"
    ke_hoach = "ke_hoach"
    phuong_an = "phuong_an"
    de_an = "de_an"
    du_an = "du_an"
    bao_cao = "bao_cao"
    bien_ban = "bien_ban"
    to_trinh = "to_trinh"
    hop_dong = "hop_dong"
    cong_van = "cong_van"
    cong_dien = "cong_dien"
    ban_ghi_nho = "ban_ghi_nho"
    ban_thoa_thuan = "ban_thoa_thuan"
    giay_uy_quyen = "giay_uy_quyen"
    giay_moi = "giay_moi"
    giay_gioi_thieu = "giay_gioi_thieu"
    giay_nghi_phep = "giay_nghi_phep"
    phieu_gui = "phieu_gui"
    phieu_chuyen = "phieu_chuyen"
    phieu_bao = "phieu_bao"
    thu_cong = "thu_cong"

    @property
    def info(self) -> ThongTinLoai:
        """Printed name, symbol code and sample form of this type."""
        return _THONG_TIN[self]


@dataclass(frozen=True)
class ThongTinLoai:
    """What Decree 30 says of one type: printed name (tên loại), code (None: no code), form."""

    ten: str
    ma: str | None
    mau: str


_THONG_TIN: dict[LoaiVanBan, ThongTinLoai] = {
    LoaiVanBan.nghi_quyet: ThongTinLoai("NGHỊ QUYẾT", "NQ", "1.1"),
    LoaiVanBan.quyet_dinh: ThongTinLoai("QUYẾT ĐỊNH", "QĐ", "1.2"),
    LoaiVanBan.chi_thi: ThongTinLoai("CHỈ THỊ", "CT", "1.4"),
    LoaiVanBan.quy_che: ThongTinLoai("QUY CHẾ", "QC", "1.4"),
    LoaiVanBan.quy_dinh: ThongTinLoai("QUY ĐỊNH", "QyĐ", "1.4"),
    LoaiVanBan.thong_cao: ThongTinLoai("THÔNG CÁO", "TC", "1.4"),
    LoaiVanBan.thong_bao: ThongTinLoai("THÔNG BÁO", "TB", "1.4"),
    LoaiVanBan.huong_dan: ThongTinLoai("HƯỚNG DẪN", "HD", "1.4"),
    LoaiVanBan.chuong_trinh: ThongTinLoai("CHƯƠNG TRÌNH", "CTr", "1.4"),
    LoaiVanBan.ke_hoach: ThongTinLoai("KẾ HOẠCH", "KH", "1.4"),
    LoaiVanBan.phuong_an: ThongTinLoai("PHƯƠNG ÁN", "PA", "1.4"),
    LoaiVanBan.de_an: ThongTinLoai("ĐỀ ÁN", "ĐA", "1.4"),
    LoaiVanBan.du_an: ThongTinLoai("DỰ ÁN", "DA", "1.4"),
    LoaiVanBan.bao_cao: ThongTinLoai("BÁO CÁO", "BC", "1.4"),
    LoaiVanBan.bien_ban: ThongTinLoai("BIÊN BẢN", "BB", "1.9"),
    LoaiVanBan.to_trinh: ThongTinLoai("TỜ TRÌNH", "TTr", "1.4"),
    LoaiVanBan.hop_dong: ThongTinLoai("HỢP ĐỒNG", "HĐ", "none"),
    LoaiVanBan.cong_van: ThongTinLoai("CÔNG VĂN", None, "1.5"),
    LoaiVanBan.cong_dien: ThongTinLoai("CÔNG ĐIỆN", "CĐ", "1.6"),
    LoaiVanBan.ban_ghi_nho: ThongTinLoai("BẢN GHI NHỚ", "BGN", "none"),
    LoaiVanBan.ban_thoa_thuan: ThongTinLoai("BẢN THỎA THUẬN", "BTT", "none"),
    LoaiVanBan.giay_uy_quyen: ThongTinLoai("GIẤY ỦY QUYỀN", "GUQ", "1.4"),
    LoaiVanBan.giay_moi: ThongTinLoai("GIẤY MỜI", "GM", "1.7"),
    LoaiVanBan.giay_gioi_thieu: ThongTinLoai("GIẤY GIỚI THIỆU", "GGT", "1.8"),
    LoaiVanBan.giay_nghi_phep: ThongTinLoai("GIẤY NGHỈ PHÉP", "GNP", "1.10"),
    LoaiVanBan.phieu_gui: ThongTinLoai("PHIẾU GỬI", "PG", "1.4"),
    LoaiVanBan.phieu_chuyen: ThongTinLoai("PHIẾU CHUYỂN", "PC", "1.4"),
    LoaiVanBan.phieu_bao: ThongTinLoai("PHIẾU BÁO", "PB", "1.4"),
    LoaiVanBan.thu_cong: ThongTinLoai("THƯ CÔNG", None, "none"),
}
