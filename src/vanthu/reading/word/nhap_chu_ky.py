"""The signature block read back (nhập chữ ký): signers, the Nơi nhận lines and the Lưu line.

A signer's capital lines (box 7a) are cut into elements where a line opens with an authority
prefix (TM., KT., TL., TUQ., Q.; the slips T/M, K/T, T/L too); a line without one continues the
element above it (a long title wraps). The last element is the position (chức vụ); lines above
the first prefix are the capacity (tư cách: ĐẠI DIỆN BÊN A). A line set well below the others
(the signature's space above it) is box 7b, the other position. The Lưu line is
``- Lưu: VT, <unit>, <entries>. <initials>.(<copies>)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dong import Dong

_TIEN_TO = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*[.:/]?\s+(?=\S)")
_CHUAN = {"T/M": "TM", "K/T": "KT", "T/L": "TL"}
#: Space above a line (pt) that marks box 7b: the room left for the signature.
CACH_7B = 30.0
#: A capacity line's first words (tư cách), for a block with no authority prefix.
_TU_CACH = ("ĐẠI DIỆN", "CHỦ TỌA", "CHỦ TRÌ")
_LUU = re.compile(
    r"^[-–]?\s*Lưu\s*:?\s*(?P<muc>.*?)"
    r"(?:\.\s*(?P<ky>[^\s.,()]+)\.?\s*(?:\((?P<so>\d+)\))?)?\s*\.?\s*$"
)
#: A Lưu entry that names the drafting unit: one abbreviation (no space, no copies).
_DON_VI = re.compile(r"^[^\s/\-()]+$")


@dataclass
class GhiChu:
    """What the import could not place or had to guess (ghi chú), one line each."""

    dong: list[str] = field(default_factory=list)

    def them(self, d: Dong | str, ly_do: str) -> None:
        where = d.dau() if isinstance(d, Dong) else d
        self.dong.append(f"«{where}»: {ly_do}")


def _noi(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def nguoi_ky(block: list[Dong], ho_ten: Dong | None, ghi_chu: GhiChu) -> dict[str, Any]:
    """A signer's fields from its 7a (and 7b) lines and its name."""
    main: list[Dong] = []
    khac: list[Dong] = []
    for i, d in enumerate(block):
        if i and (khac or d.doan.truoc >= CACH_7B):
            khac.append(d)
        else:
            main.append(d)
    elements: list[tuple[str | None, list[str]]] = []
    for d in main:
        m = _TIEN_TO.match(d.text)
        if m:
            prefix = _CHUAN.get(m[1], m[1])
            if m[0].strip() != f"{prefix}.":
                ghi_chu.them(d, f"quyền hạn ký viết «{m[0].strip()}»; đã đọc là «{prefix}.»")
            elements.append((prefix, [d.text[m.end() :]]))
        elif elements and (elements[-1][0] is None or d is not main[-1]):
            elements[-1][1].append(d.text)
        else:
            elements.append((None, [d.text]))
    out: dict[str, Any] = {}
    tu_cach: list[str] = []
    if elements and elements[0][0] is None and len(elements) > 1:
        tu_cach = elements.pop(0)[1]
    elif (
        len(elements) == 1
        and elements[0][0] is None
        and len(elements[0][1]) > 1
        and elements[0][1][0].startswith(_TU_CACH)
    ):
        tu_cach, elements[0] = elements[0][1][:-1], (None, elements[0][1][-1:])
    if tu_cach:
        out["tu_cach"] = _noi(tu_cach)
    quyen_han: list[str] = []
    thay_mat: list[str] = []
    chuc_vu = ""
    for k, (tien_to, lines) in enumerate(elements):
        last = k == len(elements) - 1
        if last and tien_to in (None, "Q"):
            chuc_vu = _noi(lines)
            if tien_to == "Q":
                quyen_han.append("Q")
        elif last:
            ghi_chu.dong.append(
                f"«{tien_to}. {_noi(lines)}»: «{tien_to}.» mà không có dòng chức vụ bên dưới; "
                f"đã đọc dòng này là chức vụ, bỏ «{tien_to}.»"
            )
            chuc_vu = _noi(lines)
        elif tien_to is None:
            ghi_chu.dong.append(
                f"«{_noi(lines)}»: một dòng chức danh người ký, không thuộc trường nào"
            )
        else:
            quyen_han.append(str(tien_to))
            thay_mat.append(_noi(lines))
    if quyen_han:
        out["quyen_han"] = quyen_han
    if thay_mat:
        out["thay_mat"] = thay_mat
    out["chuc_vu"] = chuc_vu
    if khac:
        out["chuc_vu_khac"] = [_noi([d.text]) for d in khac]
    out["ho_ten"] = ho_ten.text if ho_ten is not None else ""
    return out


def _bo_dau(text: str, end: str = ";.:") -> str:
    text = re.sub(r"^[-–]\s*", "", text.strip())
    return text.rstrip(end).rstrip()


def noi_nhan(lines: list[Dong], ghi_chu: GhiChu) -> list[dict[str, Any]]:
    """The Nơi nhận lines, "+" sub-items under the line above them."""
    out: list[dict[str, Any]] = []
    for d in lines:
        text = d.text.strip()
        if text.startswith("+"):
            sub = {"ten": re.sub(r"^\+\s*", "", text).rstrip(";.").rstrip()}
            if out:
                out[-1].setdefault("muc_con", []).append(sub)
            else:
                ghi_chu.them(
                    d, "dòng «+» không có dòng nơi nhận bên trên; đã đọc là một dòng nơi nhận"
                )
                out.append(sub)
        else:
            out.append({"ten": _bo_dau(text)})
    return out


def dong_luu(d: Dong, ghi_chu: GhiChu) -> dict[str, Any]:
    """The Lưu line's entries after VT, the drafting unit, the drafter's initials, the copies."""
    m = _LUU.match(d.text.strip())
    if m is None:
        ghi_chu.them(d, "dòng Lưu không theo dạng «- Lưu: VT, …»")
        return {}
    entries = [e.strip() for e in m["muc"].split(",") if e.strip()]
    out: dict[str, Any] = {}
    if entries and entries[0].upper() == "VT":
        entries = entries[1:]
    else:
        ghi_chu.them(d, "dòng Lưu không bắt đầu bằng VT (văn thư lưu bản gốc)")
    if entries and _DON_VI.match(entries[0]) and entries[0].upper() == entries[0]:
        out["don_vi_soan_thao"] = entries.pop(0)
    if entries:
        out["luu"] = entries
    if m["ky"]:
        out["ky_hieu_nguoi_soan"] = m["ky"]
    if m["so"]:
        out["so_ban"] = int(m["so"])
    return out
