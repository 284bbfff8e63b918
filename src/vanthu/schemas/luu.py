"""The entries of the Lưu line (last line of box 9b): VT, the drafting unit, the copies kept.

Decree 30 (Phụ lục I, II.9; spec §3.5) ends the Nơi nhận with
``- Lưu: VT, <drafting-unit abbreviation>[ (<copies kept>)].``: VT (văn thư, the records office
keeping the signed original) first, then the unit that drafted the document; the Decree's own
Nơi nhận ends ``- Lưu: VT, HC (2).``. Other entries a drafter lists (another unit, "Hồ sơ")
follow. Each entry is printed once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

#: The records office (văn thư): always the first entry.
VAN_THU: Final = "VT"
#: An entry with the number of copies kept: ``HC (2)``, ``HC(2)``.
_SO_BAN_LUU = re.compile(r"^(?P<ten>.*?)\s*\(\s*(?P<so>\d+)\s*\)$")


def _khoa(muc: str) -> str:
    """What makes two entries the same unit: the name without its copies kept, in any case."""
    match = _SO_BAN_LUU.match(muc)
    ten = match["ten"] if match and match["ten"] else muc
    return " ".join(ten.split()).casefold()


def _co_so_ban(muc: str) -> bool:
    match = _SO_BAN_LUU.match(muc)
    return bool(match and match["ten"])


def cac_muc_luu(don_vi_soan_thao: str | None, luu: Sequence[str]) -> list[str]:
    """The entries printed after "Lưu:", in order: VT, the drafting unit (when given), ``luu``.

    An entry naming a unit already on the line (the same name in any case, with or without a
    number of copies kept) is not printed again; when only the repeat gives the copies kept,
    they move onto the first: unit ``HC`` with ``luu: [HC (2)]`` prints ``VT, HC (2)``, and
    ``luu: [VT]`` prints ``VT``.
    """
    muc: list[str] = []
    cho: dict[str, int] = {}
    for item in [VAN_THU, *([don_vi_soan_thao] if don_vi_soan_thao else []), *luu]:
        key = _khoa(item)
        if key not in cho:
            cho[key] = len(muc)
            muc.append(item)
        elif _co_so_ban(item) and not _co_so_ban(muc[cho[key]]):
            muc[cho[key]] = item
    return muc
