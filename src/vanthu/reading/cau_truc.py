"""The shape of parsed file data and its problems, each named by its field path."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from ..errors import Problem
from ..schemas import NguoiKy, VanBan
from ..schemas.bang import Bang
from ..schemas.gioi_han import DO_SAU_TOI_DA
from ..schemas.text import kiem_tra_ky_tu, loai_gia_tri
from ..schemas.thong_bao_loi import thong_bao

#: Field names a cross-field rule may name at the start of its message.
_MODEL_FIELDS = (
    frozenset(VanBan.model_fields) | frozenset(NguoiKy.model_fields) | frozenset(Bang.model_fields)
)
#: A field path a model's rule may name: ``noi_dung``, ``noi_dung[3].doan``, ``chu_thich.nguon``,
#: ``nguoi_ky.tu_cach``, ``noi_dung[3].bang.dong[5]``.
_DUONG_TRUONG = re.compile(r"^[a-z_0-9]+(\[\d+\])?(\.[A-Za-z0-9_-]+(\[\d+\])?)*$")
#: Digits in a number: far more than any field needs, far fewer than Python's int-str limit.
CHU_SO_TOI_DA = 30
#: Problems listed for one file before "… và N lỗi khác".
_VAN_DE_TOI_DA = 50
#: Characters of a key shown in a field path before it is cut with "…".
_KHOA_HIEN_TOI_DA = 40


#: The line (from 1) each value of a parsed file starts on, by its field path
#: (``("noi_nhan", 2, "ten")``); known for YAML, empty for JSON.
SoDong = dict[tuple[int | str, ...], int]


def dong_cua(so_dong: SoDong, path: tuple[int | str, ...]) -> int | None:
    """The line of the value at ``path``, or of the nearest value holding it: a Nơi nhận line
    written as plain text has no ``ten`` of its own, a single addressee no item 0."""
    while path:
        if path in so_dong:
            return so_dong[path]
        path = path[:-1]
    return None


class SoQuaLon(str):
    """A number written with more than CHU_SO_TOI_DA digits, kept as its text to be refused."""


def ten_khoa(key: str) -> str:
    """A key as shown in a field path: hostile characters escaped, a long one cut."""
    shown = key if len(key) <= _KHOA_HIEN_TOI_DA else key[:_KHOA_HIEN_TOI_DA] + "…"
    try:
        kiem_tra_ky_tu(shown, nhieu_dong=False)
    except ValueError:
        return shown.encode("unicode_escape", "backslashreplace").decode("ascii")
    return shown


def vi_tri(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a field path: ``nguoi_ky.quyen_han[1]``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = ten_khoa(str(part))
            path += f".{name}" if path else name
    return path


def danh_sach_van_de(error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error in Vietnamese (:func:`thong_bao`), cross-field rule lines
    split and named by their field.

    At most _VAN_DE_TOI_DA are listed, then how many more: a message is read, not scrolled.
    """
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        base = vi_tri(tuple(item["loc"]))
        # Rules that span fields are raised by a model as lines of "field: message".
        for message in thong_bao(item).split("\n"):
            where = base
            head, sep, rest = message.partition(": ")
            # A nested field ("nguoi_ky.tu_cach", "noi_dung[3].bang") is named by its path.
            if sep and _DUONG_TRUONG.match(head) and re.split(r"[\[.]", head)[0] in _MODEL_FIELDS:
                where = f"{base}.{head}" if base else head
                message = rest
            problems.append(Problem(where, message))
    if len(problems) > _VAN_DE_TOI_DA:
        more = len(problems) - _VAN_DE_TOI_DA
        problems = [*problems[:_VAN_DE_TOI_DA], Problem("", f"… và {more} lỗi khác")]
    return problems


def _nhan_so(loc: tuple[int | str, ...], key: object) -> bool:
    """A footnote's label written as a whole number (``1: …``), which YAML reads as one."""
    return loc == ("chu_thich",) and isinstance(key, int) and not isinstance(key, bool)


def van_de_cau_truc(data: Any) -> list[Problem]:
    """What is wrong with the shape of parsed data before the schema looks at it.

    Keys that are not text, numbers too long to be any field's value, nesting deeper than
    DO_SAU_TOI_DA; each named by its field path.
    """
    problems: list[Problem] = []
    todo: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while todo and len(problems) < _VAN_DE_TOI_DA:
        value, loc = todo.pop()
        if isinstance(value, SoQuaLon):
            problems.append(
                Problem(vi_tri(loc), f"một số dài {len(value)} ký tự, vượt quá giới hạn")
            )
        elif isinstance(value, dict | list):
            if len(loc) >= DO_SAU_TOI_DA:
                problems.append(Problem(vi_tri(loc), f"lồng sâu quá {DO_SAU_TOI_DA} cấp"))
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in reversed(list(items)):
                if isinstance(value, dict) and not isinstance(key, str) and not _nhan_so(loc, key):
                    shown = str(key) if isinstance(key, int | float | bool | dt.date) else ""
                    problems.append(
                        Problem(
                            vi_tri(loc) or "(cấp ngoài cùng)",
                            f"tên trường phải là chữ, không phải {loai_gia_tri(key)} "
                            f"{shown}".rstrip(),
                        )
                    )
                    continue
                if isinstance(key, str):
                    try:
                        kiem_tra_ky_tu(key, nhieu_dong=False)
                    except ValueError as error:
                        where = vi_tri((*loc, key))
                        problems.append(Problem(where, f"tên trường {error}"))
                        continue
                todo.append((item, (*loc, key)))
    return problems
