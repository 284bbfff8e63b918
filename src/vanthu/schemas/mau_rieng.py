"""Rules of the forms with a layout of their own: Mẫu 1.7–1.10, two-sided documents, thư công.

Giấy mời (1.7) and giấy giới thiệu (1.8) differ from the named-type form only in the lines the
drafter writes; biên bản (1.9) is signed by its secretary (left) and its chair (right) and has
no place and date in its header; hợp đồng, bản ghi nhớ and bản thỏa thuận (no sample form) are
signed by both sides, side by side; giấy nghỉ phép (1.10) may carry the confirmation of the
place of leave under its signature; a thư công (no sample form) prints its own name (THƯ CHÚC
MỪNG …) where the other types print their tên loại.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .loai_van_ban import LoaiVanBan

if TYPE_CHECKING:
    from .van_ban import VanBan

#: Types signed by two sides: ``nguoi_ky`` (the issuing side, right) and ``nguoi_ky_2`` (left).
CO_HAI_CHU_KY = frozenset(
    {
        LoaiVanBan.bien_ban,
        LoaiVanBan.hop_dong,
        LoaiVanBan.ban_ghi_nho,
        LoaiVanBan.ban_thoa_thuan,
    }
)
#: Types whose header has no place and date (Mẫu 1.9): the time is in the minutes' own text.
KHONG_NGAY_DAU = frozenset({LoaiVanBan.bien_ban})
#: Types whose form has no trích yếu line, and refuses one (it would not be printed).
CAM_TRICH_YEU = frozenset({LoaiVanBan.giay_gioi_thieu, LoaiVanBan.giay_nghi_phep})

_NGUOI_KY_2 = {
    LoaiVanBan.bien_ban: "the secretary (THƯ KÝ) signs on the left, the chair on the right "
    "(Mẫu 1.9)",
    LoaiVanBan.hop_dong: "each party signs, the other party on the left",
    LoaiVanBan.ban_ghi_nho: "each side signs, the other side on the left",
    LoaiVanBan.ban_thoa_thuan: "each side signs, the other side on the left",
}


def van_de_mau_rieng(vb: VanBan) -> Iterator[str]:
    """What these forms require or forbid, one "field: message" each."""
    loai = vb.loai
    name = loai.info.ten.lower()
    if loai in CO_HAI_CHU_KY and vb.nguoi_ky_2 is None:
        yield f"nguoi_ky_2: required for {name}: {_NGUOI_KY_2[loai]}"
    # A joint document's second signer is checked with the joint rules (lien_tich).
    if loai not in CO_HAI_CHU_KY and vb.co_quan_2 is None:
        if vb.nguoi_ky_2 is not None:
            yield (
                "nguoi_ky_2: only a biên bản, hợp đồng, bản ghi nhớ, bản thỏa thuận or a "
                f"joint document (co_quan_2) has a second signature, not a {name}"
            )
        if vb.nguoi_ky.tu_cach is not None:
            yield (
                "nguoi_ky.tu_cach: a capacity line (ĐẠI DIỆN BÊN A, CHỦ TỌA) stands only on "
                f"documents signed by two sides, not on a {name}"
            )
    if loai is LoaiVanBan.thu_cong and vb.ten_thu is None:
        yield "ten_thu: required for a thư công: its printed name (THƯ CHÚC MỪNG, THƯ CẢM ƠN)"
    if loai is not LoaiVanBan.thu_cong and vb.ten_thu is not None:
        yield f"ten_thu: only a thư công prints its own name, a {name} prints its type"
    if loai is not LoaiVanBan.giay_nghi_phep and vb.xac_nhan_noi_nghi is not None:
        yield f"xac_nhan_noi_nghi: only a giấy nghỉ phép has this confirmation, not a {name}"
    if loai in CAM_TRICH_YEU and vb.trich_yeu is not None:
        yield f"trich_yeu: a {name} has no trích yếu (Mẫu {loai.info.mau}): put it in the body"
