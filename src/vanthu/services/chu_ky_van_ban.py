"""The signatures of an issued directive (chữ ký văn bản, #10): its frozen PDF verified now,
against the configured trust roots, for a desk to say who signed it and whether it holds."""

from __future__ import annotations

from pathlib import Path

from ..delivery.duong_dan import nam_trong
from ..delivery.ghi_tep import sha256
from ..errors import NotFound
from ..ky_so import CauHinhKy, KetLuan, KetQuaXacMinh, ngu_canh_tin_cay, xac_minh
from ..storage import Store
from .ky_ban_hanh import DA_KY_SO
from .vong_doi import tim_van_ban


def xac_minh_ban_hanh(
    store: Store, thu_muc: Path, khoa: str, cau_hinh: CauHinhKy
) -> KetQuaXacMinh | None:
    """The verification of directive ``khoa``'s frozen, signed PDF; None when it was not
    issued signed (``ky_so`` is not ``da_ky_so``). A file on disk that is no longer the one
    frozen at issue (its SHA-256) is reported as altered (``bi_sua``) without being read
    further.

    Raises:
        NotFound: no such directive, or its signed PDF is missing.
        OutputError: the stored path lies outside the output folder.
        InvalidSetting: the signing configuration or a trust root cannot be read.
    """
    with store.transaction() as s:
        row = tim_van_ban(s, khoa)
        if row.ky_so != DA_KY_SO:
            return None
        path, frozen = Path(row.pdf_duong_dan or ""), row.pdf_sha256
    nam_trong(thu_muc, path)
    try:
        data = path.read_bytes()
    except OSError:
        raise NotFound("signed PDF of", row.so_ky_hieu or khoa) from None
    if sha256(data) != frozen:
        detail = "the file on disk is not the one frozen at issue (its SHA-256 differs)"
        return KetQuaXacMinh(KetLuan.BI_SUA, chi_tiet=detail)
    return xac_minh(data, ngu_canh_tin_cay(cau_hinh))


__all__ = ["xac_minh_ban_hanh"]
