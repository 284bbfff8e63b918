"""The signatures of an issued directive (chữ ký văn bản, #10): its frozen PDF verified now,
against the configured trust roots, for a desk to say who signed it and whether it holds.

A verification is remembered for a few minutes, keyed by the frozen hash and the trust roots'
contents: the desk shows a signed directive on every view, and pyHanko's check takes ~75 ms.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
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
        detail = "tệp trên đĩa không còn là tệp đã chốt khi ban hành (SHA-256 khác)"
        return KetQuaXacMinh(KetLuan.BI_SUA, chi_tiet=detail)
    key = (frozen or "", _goc_tin_cay(cau_hinh))
    remembered = _DA_XAC_MINH.lay(key)
    if remembered is not None:
        return remembered
    result = xac_minh(data, ngu_canh_tin_cay(cau_hinh))
    _DA_XAC_MINH.ghi(key, result)
    return result


def _goc_tin_cay(cau_hinh: CauHinhKy) -> tuple[str, ...]:
    """The trust roots' hashes: a root added, removed or replaced is another key."""
    hashes = []
    for root in cau_hinh.tin_cay:
        try:
            hashes.append(sha256(root.read_bytes()))
        except OSError:
            hashes.append(f"missing:{root}")  # ngu_canh_tin_cay reports it when verifying
    return tuple(hashes)


class _BoNhoXacMinh:
    """Recent verifications, at most ``so_toi_da`` and each for ``giay`` seconds (a certificate
    expires, a clock moves on: a verdict is not kept for ever)."""

    def __init__(self, so_toi_da: int = 256, giay: float = 300.0) -> None:
        self.so_toi_da, self.giay = so_toi_da, giay
        self.khoa = threading.Lock()
        self.muc: OrderedDict[tuple[str, tuple[str, ...]], tuple[float, KetQuaXacMinh]] = (
            OrderedDict()
        )

    def lay(self, key: tuple[str, tuple[str, ...]]) -> KetQuaXacMinh | None:
        with self.khoa:
            found = self.muc.get(key)
            if found is None or time.monotonic() - found[0] > self.giay:
                self.muc.pop(key, None)
                return None
            self.muc.move_to_end(key)
            return found[1]

    def ghi(self, key: tuple[str, tuple[str, ...]], result: KetQuaXacMinh) -> None:
        with self.khoa:
            self.muc[key] = (time.monotonic(), result)
            self.muc.move_to_end(key)
            while len(self.muc) > self.so_toi_da:
                self.muc.popitem(last=False)


_DA_XAC_MINH = _BoNhoXacMinh()


__all__ = ["xac_minh_ban_hanh"]
