"""Reading directive files: moved to :mod:`vanthu.reading`; imported here for old callers."""

from ..reading.cau_truc import SoQuaLon, danh_sach_van_de, van_de_cau_truc  # moved
from ..reading.json_an_toan import phan_tich_json  # moved
from ..reading.tep import doc_byte, giai_ma, ten_nguon  # moved
from ..reading.van_ban import doc_du_lieu, doc_tep, doc_van_ban  # moved
from ..reading.yaml_an_toan import phan_tich_yaml  # moved

__all__ = [
    "SoQuaLon",
    "danh_sach_van_de",
    "doc_byte",
    "doc_du_lieu",
    "doc_tep",
    "doc_van_ban",
    "giai_ma",
    "phan_tich_json",
    "phan_tich_yaml",
    "ten_nguon",
    "van_de_cau_truc",
]
