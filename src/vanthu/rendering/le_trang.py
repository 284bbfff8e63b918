"""Boxes in page 1's margins: the circulation note (box 11) and the address and contacts (box 13).

Box 11 ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ") stands in the top-margin band, in a single-line
box centred over the Quốc hiệu's column, as Decree 30's layout diagram draws it; page 1 has no
page number, so nothing else is printed there. Box 13 is page 1's footer: the lines given,
under a solid rule as wide as the text. A footer taller than the room the bottom margin leaves
under the text (margin less the footer's distance to the edge) pushes page 1's text up, in Word
and in LibreOffice alike; the layout gives the footer's height so that the PDF does the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..schemas import VanBan
from .bo_cuc import KHOANG_KE, VIEN_KE, Chu, DoanBoCuc
from .styles import Kieu

if TYPE_CHECKING:
    from .soan_bo_cuc import SoanBoCuc

#: Height in cm of box 11: that of the urgency stamps (8 mm), which fits the top margin's band
#: between the header's distance (1 cm) and the text (2 cm).
CAO_LUU_HANH = 0.8
#: Room in cm beside box 11's words, both sides together (as the secrecy stamp has).
LE_LUU_HANH = 0.6


def luu_hanh(soan: SoanBoCuc, vb: VanBan) -> tuple[DoanBoCuc, ...]:
    """Box 11 as page 1's header: the note, boxed, centred over the right column."""
    if vb.pham_vi_luu_hanh is None:
        return ()
    text = vb.pham_vi_luu_hanh.label
    style = soan.bang[Kieu.LUU_HANH]
    rong = soan.do_rong.cm(text, style.co_chu, style.dam, style.nghieng) + LE_LUU_HANH
    trai, phai = soan.cot
    box = DoanBoCuc(
        Kieu.LUU_HANH,
        (Chu(text),),
        khung=round(min(rong, phai), 2),
        khung_cao=CAO_LUU_HANH,
        # The right column's centre, measured from the text area's centre.
        khung_lech=round(trai / 2, 3),
    )
    return (box,)


def lien_he(soan: SoanBoCuc, vb: VanBan) -> tuple[tuple[DoanBoCuc, ...], float]:
    """Box 13 as page 1's footer, one paragraph a printed line, the rule over the first; and
    its height in points."""
    if not vb.lien_he:
        return (), 0.0
    style = soan.bang[Kieu.LIEN_HE]

    def width(text: str) -> float:
        return soan.do_rong.cm(text, style.co_chu, style.dam, style.nghieng)

    # 2 % slack, as every line the layout breaks: Word and the PDF both keep each line whole.
    rong = soan.bang.trang.vung_chu * 0.98
    lines = [line for given in vb.lien_he for line in lap_day(given.split(), rong, width)]
    out = tuple(
        DoanBoCuc(Kieu.LIEN_HE, (Chu(line),), ke_tren=i == 0) for i, line in enumerate(lines)
    )
    height = VIEN_KE + KHOANG_KE + len(out) * style.cao_dong
    return out, round(height, 2)


def lap_day(words: list[str], rong: float, width: Callable[[str], float]) -> list[str]:
    """Left-aligned lines filled word by word up to ``rong`` cm; a word wider than a line (an
    address of the web) is cut between characters here, so that no writer breaks it on its own
    and the footer has the lines, and the height, the layout counts."""
    lines: list[str] = []
    for word in words:
        if lines and width(f"{lines[-1]} {word}") <= rong:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while width(word) > rong:
            cut = max(k for k in range(1, len(word) + 1) if k == 1 or width(word[:k]) <= rong)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines
