"""Safe JSON in: no NaN or Infinity, no key twice, no huge number, bounded nesting."""

from __future__ import annotations

import json
from typing import Any

from ..errors import InvalidDirective, Problem
from ..schemas.gioi_han import DO_SAU_TOI_DA
from .cau_truc import CHU_SO_TOI_DA, SoQuaLon, ten_khoa
from .loi_cu_phap import cu_phap_json


def _json_int(text: str) -> int | str:
    return SoQuaLon(text) if len(text) > CHU_SO_TOI_DA else int(text)


def _json_constant(name: str) -> float:
    raise ValueError(f"{name} không phải là số vanthu chấp nhận")


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"tên trường '{ten_khoa(key)}' được ghi hai lần")
        out[key] = value
    return out


def phan_tich_json(text: str, nguon: str) -> Any:
    """Parse JSON: no NaN or Infinity, no key twice, no huge number, bounded nesting.

    Raises:
        InvalidDirective: malformed JSON with its line and column.
    """
    try:
        return json.loads(
            text,
            parse_int=_json_int,
            parse_constant=_json_constant,
            object_pairs_hook=_json_object,
        )
    except json.JSONDecodeError as error:
        where = f"dòng {error.lineno}, cột {error.colno}"
        raise InvalidDirective(nguon, [Problem(where, cu_phap_json(error.msg))]) from None
    except RecursionError:
        message = f"lồng sâu quá {DO_SAU_TOI_DA} cấp"
        raise InvalidDirective(nguon, [Problem("", message)]) from None
    except ValueError as error:
        raise InvalidDirective(nguon, [Problem("", f"JSON sai cú pháp: {error}")]) from None
