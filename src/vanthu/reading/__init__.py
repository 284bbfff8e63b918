"""Reading what comes in: directive, directory and configuration files, and typed arguments.

Each file is bounded, UTF-8, safe YAML or JSON; every problem carries its field path or line.
Arguments a person types (a directive's key, a code, a year, a reason, a report file) are held
to ``schemas.gioi_han`` by :mod:`.tham_so` before any use case runs.
Imports schemas and :mod:`vanthu.errors` only: no storage, rendering or services.
"""

from .cau_hinh import CauHinh, doc_cau_hinh
from .danh_ba import doc_danh_ba
from .van_ban import doc_du_lieu, doc_tep, doc_van_ban

__all__ = ["CauHinh", "doc_cau_hinh", "doc_danh_ba", "doc_du_lieu", "doc_tep", "doc_van_ban"]
