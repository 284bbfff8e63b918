"""What a directive is: pydantic models of the directive file. Imports nothing else of vanthu."""

from .danh_dau import DoKhan, DoMat, PhamViLuuHanh
from .loai_van_ban import LoaiVanBan, ThongTinLoai
from .nguoi_ky import NguoiKy, QuyenHan
from .nhiem_vu import NhiemVu
from .noi_nhan import NoiNhan
from .van_ban import Doan, KieuDoan, VanBan

__all__ = [
    "DoKhan",
    "DoMat",
    "Doan",
    "KieuDoan",
    "LoaiVanBan",
    "NguoiKy",
    "NhiemVu",
    "NoiNhan",
    "PhamViLuuHanh",
    "QuyenHan",
    "ThongTinLoai",
    "VanBan",
]
