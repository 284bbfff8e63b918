"""Reading files in: directive, directory and configuration files — bounded, UTF-8, safe
YAML/JSON, every problem with its field path or line.

Imports schemas and :mod:`vanthu.errors` only: no storage, rendering or services.
"""

from .cau_hinh import CauHinh, doc_cau_hinh
from .danh_ba import doc_danh_ba
from .van_ban import doc_du_lieu, doc_tep, doc_van_ban

__all__ = ["CauHinh", "doc_cau_hinh", "doc_danh_ba", "doc_du_lieu", "doc_tep", "doc_van_ban"]
