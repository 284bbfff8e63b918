"""Use cases: the only thing the CLI and the web layer call."""

from .doc_tep import doc_tep, doc_van_ban
from .ket_xuat import DinhDang, TepKetXuat, ket_xuat_tep, ket_xuat_van_ban, trinh_ket_xuat
from .luoc_do import luoc_do_json
from .ung_dung import SuKienVanBan, UngDung, VaiTro, so_do_vong_doi

__all__ = [
    "DinhDang",
    "SuKienVanBan",
    "TepKetXuat",
    "UngDung",
    "VaiTro",
    "doc_tep",
    "doc_van_ban",
    "ket_xuat_tep",
    "ket_xuat_van_ban",
    "luoc_do_json",
    "so_do_vong_doi",
    "trinh_ket_xuat",
]
