"""Reading files in: directive, directory and configuration files, every problem named.

Each file is bounded, UTF-8, safe YAML or JSON; every problem carries its field path or line.
Imports schemas and :mod:`vanthu.errors` only: no storage, rendering or services.
"""

from .cau_hinh import CauHinh, doc_cau_hinh
from .danh_ba import doc_danh_ba
from .van_ban import doc_du_lieu, doc_tep, doc_van_ban

__all__ = ["CauHinh", "doc_cau_hinh", "doc_danh_ba", "doc_du_lieu", "doc_tep", "doc_van_ban"]
