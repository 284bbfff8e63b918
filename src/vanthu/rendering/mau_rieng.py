"""Signature blocks of the forms with a layout of their own: two sides side by side (biên bản,
hợp đồng, bản ghi nhớ, bản thỏa thuận) and the confirmation under a giấy nghỉ phép.

Both are the two-column table (HaiCot) that the writers already draw: the two signers share its
first row, which never splits, with "Nơi nhận:" and its first line under the left one; the rest
of the list follows a line a row (Mẫu 1.9); the confirmation of the place of leave is a table of
its own under the signature, in its left column (Mẫu 1.10).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..schemas import VanBan
from ..schemas.anh import AnhDaDoc
from .bo_cuc import Chu, DoanBoCuc, HaiCot
from .cho_ky import dat_anh
from .styles import Kieu

if TYPE_CHECKING:
    from .soan_bo_cuc import SoanBoCuc

#: The room left under the confirmation's heading for the signature and seal of the place of
#: leave: a blank line (a no-break space) with the signer's name space above it.
CHO_KY = "\u00a0"


def chu_ky_hai_ben(soan: SoanBoCuc, vb: VanBan, anh: Mapping[str, AnhDaDoc]) -> HaiCot:
    """The second signer (``nguoi_ky_2``) on the left, the issuing side's (``nguoi_ky``) on
    the right, in halves of the text width, their names on one baseline; Nơi nhận below; each
    with their own signature and seal images (``anh``, by path), if named.

    Raises:
        ValueError: the directive has no second signer (the schema requires one).
    """
    if vb.nguoi_ky_2 is None:
        raise ValueError(f"{vb.loai.value} without nguoi_ky_2")
    cot = nua_trang(soan)
    trai = soan.khoi_ky(vb.nguoi_ky_2, cot[0])
    phai = soan.khoi_ky(vb.nguoi_ky, cot[1])
    # The taller authority stack sets where both names go: the other name gets the difference
    # as extra space above, so that the names share a baseline.
    cao_trai, cao_phai = (
        sum(soan.cao(b) for b in side if b.kieu is Kieu.CHUC_VU) for side in (trai, phai)
    )
    trai, phai = _ha_ten(soan, trai, cao_phai - cao_trai), _ha_ten(soan, phai, cao_trai - cao_phai)
    trai = dat_anh(trai, "nguoi_ky_2", vb.nguoi_ky_2, anh, cot[0], soan.bang)
    phai = dat_anh(phai, "nguoi_ky", vb.nguoi_ky, anh, cot[1], soan.bang)
    nhan, items = soan.noi_nhan(vb)
    # "Nơi nhận:" and its first line share the signatures' row, which never splits: the label
    # is never parted from the signatures (LibreOffice ignores "keep with next" between rows).
    # The list's last line never stands alone at the head of a page.
    if len(items) > 1:
        items[-2] = replace(items[-2], giu_voi_sau=True)
    return HaiCot(cot, (*trai, nhan, items[0]), tuple(phai), "chu_ky", tuple(items[1:]))


def nua_trang(soan: SoanBoCuc) -> tuple[float, float]:
    """Two columns of half the text width each."""
    rong = soan.bang.trang.vung_chu
    half = round(rong / 2, 2)
    return half, round(rong - half, 2)


def _ha_ten(soan: SoanBoCuc, khoi: list[DoanBoCuc], them: float) -> list[DoanBoCuc]:
    """The signer's block with ``them`` more points above the name's first line (if > 0)."""
    if them <= 0:
        return list(khoi)
    out = list(khoi)
    # The signature's space stands above the other position (box 7b) if any, else the name.
    i = next(k for k, b in enumerate(out) if b.kieu in {Kieu.CHUC_VU_KHAC, Kieu.HO_TEN})
    above = soan.bang[out[i].kieu].cach_truoc
    out[i] = replace(out[i], cach_truoc=round(above + them, 2))
    return out


def xac_nhan_noi_nghi(soan: SoanBoCuc, tieu_de: str) -> HaiCot:
    """Mẫu 1.10's confirmation by the place of leave, under the signature in the left column:
    its heading (bold, centred, as written), then the room for the signature and seal that the
    place of leave adds, in half the text width. The row never splits: the heading never ends a
    page without its room."""
    cot = nua_trang(soan)
    dong = soan.dong_ky(tieu_de, cot[0])
    cho = DoanBoCuc(Kieu.HO_TEN, (Chu(CHO_KY),))
    return HaiCot(cot, (*dong, cho), (), "xac_nhan")
