"""Warnings (cảnh báo): what looks like a slip in a valid directive, named by field and line.

A warning stops nothing: ``vanthu check`` prints it and still exits 0, the web desk shows it
beside its field. One slip is looked for today, in every list whose items are printed one a
line (Kính gửi, căn cứ, Nơi nhận and the "+" sub-items of a line, Lưu, the signer's
``thay_mat``): an item that begins with a lower-case letter. Each such line begins with a
capital, so a lower-case item is most often the rest of the item before it, split off at a
comma: YAML reads
``kinh_gui: [Ủy ban nhân dân các tỉnh, thành phố]`` as two addressees. Body paragraphs
(``noi_dung``) are left alone: "a) …" and "- …" begin them by right. A second slip is looked for
in body paragraphs: an emphasis marker left unbalanced ("**đậm" never closed), printed as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..errors import Problem
from ..schemas import VanBan
from ..schemas.dinh_dang import dau_le
from ..schemas.phu_luc import so_la_ma, ten_phu_luc
from .cau_truc import SoDong, dong_cua, vi_tri

#: Characters of an item shown in a warning before it is cut with "…".
_HIEN_TOI_DA = 60

Loc = tuple[int | str, ...]


def _danh_sach_dong(vb: VanBan) -> Iterator[tuple[Loc, Sequence[str], tuple[str, ...]]]:
    """Every list of one-line items: its field path, its items, the path of a text in an item."""
    yield ("kinh_gui",), vb.kinh_gui, ()
    yield ("can_cu",), vb.can_cu, ()
    yield ("noi_nhan",), [n.ten for n in vb.noi_nhan], ("ten",)
    for i, line in enumerate(vb.noi_nhan):
        if line.muc_con:  # the "+" sub-items under a line are a list of their own
            yield ("noi_nhan", i, "muc_con"), [n.ten for n in line.muc_con], ("ten",)
    yield ("luu",), vb.luu, ()
    yield ("nguoi_ky", "thay_mat"), vb.nguoi_ky.thay_mat, ()


def bat_dau_chu_thuong(text: str) -> bool:
    """Whether ``text`` begins with a lower-case letter (``thành phố``; not ``(1)`` or ``VT``)."""
    return text[:1].islower()


def _hien(text: str) -> str:
    """The start of a long text, for a message."""
    return text if len(text) <= _HIEN_TOI_DA else text[: _HIEN_TOI_DA - 1] + "…"


def _hien_cuoi(text: str) -> str:
    """The end of a long text, for a message: where two items would be joined."""
    return text if len(text) <= _HIEN_TOI_DA else "…" + text[-(_HIEN_TOI_DA - 1) :]


def canh_bao_van_ban(vb: VanBan, so_dong: SoDong | None = None) -> list[Problem]:
    """The warnings about a valid directive, in file order, each with its field path and, when
    ``so_dong`` (from the YAML reader) knows it, its line."""
    out: list[Problem] = []
    for path, items, inner in _danh_sach_dong(vb):
        for i, item in enumerate(items):
            if not bat_dau_chu_thuong(item):
                continue
            loc = (*path, i, *inner)
            if i == 0:
                message = (
                    f"'{_hien(item)}' bắt đầu bằng chữ thường; mỗi mục được in thành một dòng "
                    "riêng, bắt đầu bằng chữ hoa"
                )
            else:
                message = (
                    f"'{_hien(item)}' bắt đầu bằng chữ thường: có phải là phần sau của "
                    f"{vi_tri((*path, i - 1, *inner))} '{_hien(items[i - 1])}', bị tách ra ở "
                    f"dấu phẩy? Nếu vậy, hãy viết thành một mục "
                    f"'{_hien_cuoi(f'{items[i - 1]}, {item}')}' "
                    "(trong YAML, đặt trong dấu nháy: trong [ ] mỗi dấu phẩy mở một mục mới)"
                )
            out.append(Problem(vi_tri(loc), message, dong_cua(so_dong or {}, loc)))
    for i, doan in enumerate(vb.noi_dung):
        for le in dau_le(doan.doan) if doan.doan is not None else ():
            loc = ("noi_dung", i, "doan")
            message = f"{le}: sẽ được in đúng như đã gõ (viết \\* nếu muốn in dấu sao)"
            out.append(Problem(vi_tri(loc), message, dong_cua(so_dong or {}, loc)))
    out += _phu_luc_khong_nhac(vb, so_dong or {})
    out += _ngang_cuoi(vb, so_dong or {})
    return sorted(out, key=lambda p: p.line or 0) if so_dong else out


#: "Phụ lục I", "phụ lục I, II và III", "Phụ lục I - III": the numerals a mention names.
_NHAC_PHU_LUC = re.compile(r"phụ lục((?:\s*(?:,|và|-|–|đến)?\s*\b[IVXLC]+\b)*)", re.IGNORECASE)
_LA_MA = re.compile(r"\b[IVXLC]+\b")


def _phu_luc_khong_nhac(vb: VanBan, so_dong: SoDong) -> list[Problem]:
    """Decree 30 (PL I III.1): the body refers to each annex; several are named by number."""
    if not vb.phu_luc:
        return []
    text = " ".join(d.doan or "" for d in vb.noi_dung)
    mentions = [m[1] for m in _NHAC_PHU_LUC.finditer(text)]
    named: set[str] = set()
    for group in mentions:
        numerals = _LA_MA.findall(group)
        named.update(numerals)
        if len(numerals) == 2 and re.search(r"-|–|đến", group):
            # A range names every annex between its ends.
            values = {so_la_ma(n): n for n in range(1, len(vb.phu_luc) + 1)}
            lo, hi = (values.get(x, 0) for x in numerals)
            named.update(so_la_ma(n) for n in range(lo, hi + 1))
    out = []
    for i in range(len(vb.phu_luc)):
        name = ten_phu_luc(i, len(vb.phu_luc))
        said = bool(mentions) if len(vb.phu_luc) == 1 else so_la_ma(i + 1) in named
        if not said:
            loc: Loc = ("phu_luc", i)
            out.append(
                Problem(
                    vi_tri(loc),
                    f"nội dung không nhắc tới '{name}'; Nghị định 30 yêu cầu văn bản dẫn chiếu "
                    f"từng phụ lục (… theo {name} kèm theo …)",
                    dong_cua(so_dong, loc),
                )
            )
    return out


#: Characters of a body line, about (14 pt on a 16 cm line): what "two lines" is taken as.
_KY_TU_MOT_DONG = 90


def _ngang_cuoi(vb: VanBan, so_dong: SoDong) -> list[Problem]:
    """A warning when the body ends with a landscape table and less than two lines after it.

    The text after a landscape table starts a new portrait page, and the signature stands
    with at least two lines of the body (Decree 30 practice): with less than that after the
    table, the signature's page holds only the "./." line or one line of text.
    """
    last = max(
        (i for i, d in enumerate(vb.noi_dung) if d.bang is not None and d.bang.ngang), default=None
    )
    if last is None:
        return []
    after = "".join(d.tom_tat for d in vb.noi_dung[last + 1 :])
    if len(after) >= 2 * _KY_TU_MOT_DONG:
        return []
    loc = ("noi_dung", last)
    message = (
        "nội dung kết thúc bằng bảng ngang này và sau nó chưa đến hai dòng: trang có chữ ký "
        "sẽ có ít hơn hai dòng nội dung. Hãy chuyển bảng vào "
        "phụ lục, hoặc giữ thêm phần kết sau bảng"
    )
    return [Problem(vi_tri(loc), message, dong_cua(so_dong, loc))]
