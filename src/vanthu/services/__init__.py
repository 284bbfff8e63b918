"""Use cases: the only thing the CLI and the web layer call.

The lifecycle (``UngDung``: storage, SQLAlchemy, Alembic) is imported on first use, so that
rendering a file from the command line does not pay for the database layer's start-up.
"""

from typing import TYPE_CHECKING, Any

from ..workflow import SuKienVanBan, VaiTro
from .doc_tep import doc_tep, doc_van_ban
from .ket_xuat import DinhDang, TepKetXuat, ket_xuat_tep, ket_xuat_van_ban, trinh_ket_xuat
from .kiem_tra import kiem_tra_tep, kiem_tra_van_ban
from .luoc_do import luoc_do_json

if TYPE_CHECKING:
    from .ung_dung import UngDung, so_do_vong_doi

_LAZY = {"UngDung", "so_do_vong_doi"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import ung_dung

        return getattr(ung_dung, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "kiem_tra_tep",
    "kiem_tra_van_ban",
    "luoc_do_json",
    "so_do_vong_doi",
    "trinh_ket_xuat",
]
