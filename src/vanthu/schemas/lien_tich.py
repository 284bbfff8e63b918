"""Joint documents (văn bản liên tịch): two bodies issue one text, both named in the header,
both abbreviations in the symbol, each body's signer signing.

Decree 30/2020 has no rule for them (its Phụ lục I speaks of one issuing body throughout); the
layout follows practice: the two names stacked in the header's left column, the lead body
(chủ trì) first, one rule under both; the symbol ``<type code>LT-<lead>-<second>`` as in
``NQLT`` and ``TTLT`` symbols (05/KHLT-UBND-MTTQ); the lead body's signer on the right and the
second body's on the left, on one baseline, as the two-signature forms sign.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .gioi_han import CO_QUAN_LIEN_TICH_TOI_DA
from .loai_van_ban import LoaiVanBan

if TYPE_CHECKING:
    from .van_ban import VanBan

#: Types two bodies may issue jointly (nghị quyết liên tịch, kế hoạch liên tịch, chương trình
#: phối hợp, quy chế phối hợp …). Not the types signed by one person for one body (quyết định,
#: chỉ thị, công văn, công điện, the giấy and phiếu), nor the two-sided forms, whose second
#: signer is the other party, not a co-issuer.
CO_THE_LIEN_TICH = frozenset(
    {
        LoaiVanBan.nghi_quyet,
        LoaiVanBan.quy_che,
        LoaiVanBan.quy_dinh,
        LoaiVanBan.thong_bao,
        LoaiVanBan.huong_dan,
        LoaiVanBan.chuong_trinh,
        LoaiVanBan.ke_hoach,
        LoaiVanBan.bao_cao,
    }
)

#: What a joint document's type code carries after it: KH → KHLT.
DUOI_LIEN_TICH = "LT"


def _giong(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def van_de_lien_tich(vb: VanBan) -> Iterator[str]:
    """What a joint document requires or forbids, one "field: message" each."""
    name = vb.loai.info.ten.lower()
    if vb.co_quan_2 is None:
        for field in ("co_quan_chu_quan_2", "ky_hieu_co_quan_2"):
            if getattr(vb, field) is not None:
                yield f"{field}: thuộc về cơ quan ban hành thứ hai, nhưng chưa ghi co_quan_2"
        return
    if vb.loai not in CO_THE_LIEN_TICH:
        kinds = ", ".join(sorted(loai.info.ten.lower() for loai in CO_THE_LIEN_TICH))
        yield f"co_quan_2: {name} không ban hành liên tịch; văn bản liên tịch gồm: {kinds}"
    if _giong(vb.co_quan_2, vb.co_quan):
        yield "co_quan_2: cơ quan ban hành thứ hai trùng với co_quan"
    if vb.nguoi_ky_2 is None:
        yield (
            "nguoi_ky_2: văn bản liên tịch phải có: người ký của co_quan_2, "
            "in bên trái, cạnh người ký của cơ quan chủ trì (nguoi_ky)"
        )
    if vb.ky_hieu_co_quan_2 is None and vb.ky_hieu is None:
        yield (
            "ky_hieu_co_quan_2: cần có để lập ký hiệu văn bản liên tịch "
            f"(<loại>{DUOI_LIEN_TICH}-<chủ trì>-<thứ hai>, ví dụ KHLT-UBND-MTTQ), hoặc ghi ky_hieu"
        )
    fields = (vb.co_quan_chu_quan, vb.co_quan, vb.co_quan_chu_quan_2, vb.co_quan_2)
    total = sum(len(f) for f in fields if f is not None)
    if total > CO_QUAN_LIEN_TICH_TOI_DA:
        yield (
            f"co_quan_2: hai cơ quan ban hành và cơ quan chủ quản có tổng cộng {total} ký tự; "
            f"tối đa {CO_QUAN_LIEN_TICH_TOI_DA} (cột trái của phần đầu văn bản)"
        )
    if vb.ky_hieu_co_quan_2 is not None and vb.ky_hieu_co_quan_2 == vb.ky_hieu_co_quan:
        yield "ky_hieu_co_quan_2: chữ viết tắt của cơ quan thứ hai trùng với ky_hieu_co_quan"
