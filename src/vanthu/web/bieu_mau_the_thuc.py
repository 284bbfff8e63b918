"""The Soạn thảo form's form findings (thể thức): each finding of a Word draft's check against
Decree 30 placed beside the input or fieldset of the part it concerns.

A finding's code starts with the part it was found in (``so_ky_hieu.so``, ``noi_nhan.dau_cau``);
that part fills one input (Số, ký hiệu → Ký hiệu đầy đủ) or one fieldset (Nội dung, Nơi nhận).
The page's own findings (paper, margins, font, colour, page numbers) and those of parts the
form has no input for (Quốc hiệu, Tiêu ngữ: vanthu prints them itself) stay at the top. A
signer's finding whose words are the second signer's goes to the second signer's inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .bieu_mau import BieuMau, o_nhap

if TYPE_CHECKING:
    from ..services import PhatHien

#: The input (or fieldset) each part of a Word draft fills, by the part's code.
O_CUA_PHAN: dict[str, str] = {
    "co_quan_chu_quan": "co_quan_chu_quan",
    "co_quan": "co_quan",
    "so_ky_hieu": "ky_hieu",
    "dia_danh_ngay": "dia_danh",
    "ngay_thang": "dia_danh",
    "ten_loai": "loai",
    "trich_yeu": "trich_yeu",
    "trich_yeu_cong_van": "trich_yeu",
    "tham_quyen": "tham_quyen",
    "can_cu": "can_cu",
    "kinh_gui": "kinh_gui",
    "noi_dung": "noi_dung",
    "chuc_vu": "nguoi_ky.chuc_vu",
    "ho_ten": "nguoi_ky.ho_ten",
    "noi_nhan_nhan": "noi_nhan",
    "noi_nhan": "noi_nhan",
    "luu": "luu",
}
#: Findings of how the signer's authority is written (TM., KT. …): beside Quyền hạn.
O_CUA_MA: dict[str, str] = {
    "chuc_vu.tien_to": "nguoi_ky.quyen_han",
    "chuc_vu.uy_quyen_lai": "nguoi_ky.quyen_han",
}
#: Those inputs in the order the form shows them: the summary lists the findings top to bottom.
THU_TU_O = (
    "loai",
    "co_quan_chu_quan",
    "co_quan",
    "ky_hieu",
    "dia_danh",
    "trich_yeu",
    "kinh_gui",
    "tham_quyen",
    "can_cu",
    "noi_dung",
    "nguoi_ky.quyen_han",
    "nguoi_ky.chuc_vu",
    "nguoi_ky.ho_ten",
    "nguoi_ky_2.quyen_han",
    "nguoi_ky_2.chuc_vu",
    "nguoi_ky_2.ho_ten",
    "noi_nhan",
    "luu",
)
_TIEN_TO = re.compile(r"^(TM|KT|Q|TL|TUQ|T/M|K/T|T/L)\s*[.:/]?\s*")
_NGUOI_KY = ("thay_mat", "chuc_vu", "chuc_vu_khac", "ho_ten")


@dataclass(frozen=True)
class TheThucTheoO:
    """A draft's findings as the form shows them: beside each input (by its name), at the top
    (the page's, and of parts with no input), and every one in order with the input it points
    at (None: at the top) for the summary."""

    theo_o: dict[str, list[PhatHien]]
    chung: list[PhatHien]
    tom_tat: list[tuple[PhatHien, str | None]]


def _cua_nguoi_ky_2(phat_hien: PhatHien, bieu_mau: BieuMau) -> bool:
    """Whether a signer's finding quotes a line of the second signer's and none of the first's
    (the line itself, or its first words when the finding cut it with "…")."""
    cut = phat_hien.noi.endswith(" …")
    words = _TIEN_TO.sub("", phat_hien.noi.removesuffix(" …")).strip()

    def quotes(who: str) -> bool:
        lines = (
            line.strip() for p in _NGUOI_KY for line in bieu_mau.chuoi(f"{who}.{p}").split("\n")
        )
        return any(line.startswith(words) if cut else line == words for line in lines)

    return bool(words) and quotes("nguoi_ky_2") and not quotes("nguoi_ky")


def o_cua(phat_hien: PhatHien, bieu_mau: BieuMau) -> str | None:
    """The input (or fieldset) a finding belongs beside; None for the top of the page."""
    name = O_CUA_MA.get(phat_hien.ma) or O_CUA_PHAN.get(phat_hien.ma.split(".")[0])
    if name is not None and name.startswith("nguoi_ky.") and _cua_nguoi_ky_2(phat_hien, bieu_mau):
        name = "nguoi_ky_2." + name.removeprefix("nguoi_ky.")
    return name


def the_thuc_theo_o(
    phat_hien: Iterable[PhatHien], bieu_mau: BieuMau, names: Iterable[str]
) -> TheThucTheoO:
    """Place each finding beside the input of the form (of ``names``) it concerns, or at the
    top; the summary has the top's first, then the others in the form's order."""
    known = list(names)
    theo_o: dict[str, list[PhatHien]] = {}
    chung: list[PhatHien] = []
    tom_tat: list[tuple[PhatHien, str | None]] = []
    for p in phat_hien:
        name = o_cua(p, bieu_mau)
        target = o_nhap(name, known) if name is not None else None
        if target is None:
            chung.append(p)
        else:
            theo_o.setdefault(target, []).append(p)
        tom_tat.append((p, target))

    def thu_tu(item: tuple[PhatHien, str | None]) -> int:
        target = item[1]
        if target is None:
            return -1
        return THU_TU_O.index(target) if target in THU_TU_O else len(THU_TU_O)

    return TheThucTheoO(theo_o, chung, sorted(tom_tat, key=thu_tu))
