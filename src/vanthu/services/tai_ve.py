"""Downloads (tải về): the stored file a desk may serve, proven to lie under the output folder.

An interface names what it wants by kind (the issued DOCX or PDF, a body's slip, the summary)
and never by path: the path comes from the store or from fixed names, and is checked here.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from ..delivery.duong_dan import nam_trong, trong_goc
from ..delivery.thu_muc import PHIEU_GUI, thu_muc_co_quan
from ..errors import NotFound, Refused
from ..reading import tham_so
from ..storage import Store
from ..storage.theo_doi import noi_nhan_for_update
from .vong_doi import thu_muc_van_ban, tim_van_ban

#: The summary's base name in the directive's folder (written by ``DonDoc.tong_hop``).
TONG_HOP = "bao-cao-tong-hop"


class LoaiTep(StrEnum):
    """The files of an issued directive a desk offers for download."""

    docx = "docx"
    pdf = "pdf"
    phieu_gui = "phieu_gui"
    tong_hop_docx = "tong_hop_docx"
    tong_hop_pdf = "tong_hop_pdf"


def tep_tai_ve(store: Store, thu_muc: Path, khoa: str, loai: str, ma_co_quan: str | None) -> Path:
    """The file of kind ``loai`` of directive ``khoa`` (a slip: of body ``ma_co_quan``).

    Raises:
        NotFound: no such directive, kind, recipient or file (not issued, not written yet).
        OutputError: the stored path lies outside the output folder ``thu_muc``.
    """
    try:
        kind = LoaiTep(loai)
    except ValueError:
        raise NotFound("file kind", loai) from None
    with store.transaction() as s:
        row = tim_van_ban(s, khoa)
        try:
            folder = thu_muc_van_ban(row)
        except Refused:
            raise NotFound("issued file of", khoa) from None
        if kind is LoaiTep.phieu_gui:
            ma = tham_so.ma(ma_co_quan or "")
            if noi_nhan_for_update(s, row.id, ma) is None:
                raise NotFound(f"recipient of {row.so_ky_hieu}", ma)
            try:
                path = trong_goc(thu_muc_co_quan(folder, ma), PHIEU_GUI)
            except Refused:
                raise NotFound(f"slip of {row.so_ky_hieu}", ma) from None
        elif kind is LoaiTep.docx:
            path = Path(row.docx_duong_dan or "")
        elif kind is LoaiTep.pdf:
            path = Path(row.pdf_duong_dan or "")
        else:
            path = trong_goc(folder, f"{TONG_HOP}.{kind.value.removeprefix('tong_hop_')}")
    nam_trong(thu_muc, path)
    if not path.is_file():
        raise NotFound("file", path.name)
    return path


__all__ = ["TONG_HOP", "LoaiTep", "tep_tai_ve"]
