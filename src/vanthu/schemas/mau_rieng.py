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
    LoaiVanBan.bien_ban: "thư ký (THƯ KÝ) ký bên trái, chủ tọa ký bên phải (Mẫu 1.9)",
    LoaiVanBan.hop_dong: "mỗi bên đều ký, bên kia ký bên trái",
    LoaiVanBan.ban_ghi_nho: "mỗi bên đều ký, bên kia ký bên trái",
    LoaiVanBan.ban_thoa_thuan: "mỗi bên đều ký, bên kia ký bên trái",
}


def van_de_mau_rieng(vb: VanBan) -> Iterator[str]:
    """What these forms require or forbid, one "field: message" each."""
    loai = vb.loai
    name = loai.info.ten.lower()
    if loai in CO_HAI_CHU_KY and vb.nguoi_ky_2 is None:
        yield f"nguoi_ky_2: {name} phải có: {_NGUOI_KY_2[loai]}"
    # A joint document's second signer is checked with the joint rules (lien_tich).
    if loai not in CO_HAI_CHU_KY and vb.co_quan_2 is None:
        if vb.nguoi_ky_2 is not None:
            yield (
                "nguoi_ky_2: chỉ biên bản, hợp đồng, bản ghi nhớ, bản thỏa thuận hoặc "
                f"văn bản liên tịch (co_quan_2) có chữ ký thứ hai, {name} thì không"
            )
        if vb.nguoi_ky.tu_cach is not None:
            yield (
                "nguoi_ky.tu_cach: dòng tư cách (ĐẠI DIỆN BÊN A, CHỦ TỌA) chỉ có ở "
                f"văn bản hai bên cùng ký, {name} thì không"
            )
    if loai is LoaiVanBan.thu_cong and vb.ten_thu is None:
        yield "ten_thu: thư công phải có: tên thư được in (THƯ CHÚC MỪNG, THƯ CẢM ƠN)"
    if loai is not LoaiVanBan.thu_cong and vb.ten_thu is not None:
        yield f"ten_thu: chỉ thư công in tên riêng, {name} in tên loại văn bản"
    if loai is not LoaiVanBan.giay_nghi_phep and vb.xac_nhan_noi_nghi is not None:
        yield f"xac_nhan_noi_nghi: chỉ giấy nghỉ phép có phần xác nhận này, {name} thì không"
    if loai in CAM_TRICH_YEU and vb.trich_yeu is not None:
        yield f"trich_yeu: {name} không có trích yếu (Mẫu {loai.info.mau}): đưa vào nội dung"
