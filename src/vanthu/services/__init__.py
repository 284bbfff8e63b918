"""Use cases: the only thing the CLI and the web layer call."""

from .doc_tep import doc_tep, doc_van_ban
from .ket_xuat import DinhDang, TepKetXuat, ket_xuat_tep, ket_xuat_van_ban, trinh_ket_xuat
from .luoc_do import luoc_do_json

__all__ = [
    "DinhDang",
    "TepKetXuat",
    "doc_tep",
    "doc_van_ban",
    "ket_xuat_tep",
    "ket_xuat_van_ban",
    "luoc_do_json",
    "trinh_ket_xuat",
]
