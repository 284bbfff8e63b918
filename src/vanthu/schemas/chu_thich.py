"""Footnotes (chú thích): their labels, their text, and the rule that calls and notes match."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic.json_schema import WithJsonSchema

from .dinh_dang import NHAN_PATTERN, cac_goi, kiem_tra
from .gioi_han import CHU_THICH_DO_DAI_TOI_DA
from .text import Text, loai_gia_tri, toi_da

if TYPE_CHECKING:
    from .van_ban import Doan

_NHAN = re.compile(NHAN_PATTERN)


def _nhan(value: Any) -> str:
    # YAML reads the label 1 of "1: …" as a number: a whole number is its digits.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"nhãn chú thích phải là chữ, không phải {loai_gia_tri(value)}")
    if not _NHAN.fullmatch(value):
        raise ValueError(
            f"'{value[:40]}' không phải nhãn chú thích: 1–20 chữ cái không dấu, chữ số, "
            "'_' hoặc '-'"
        )
    return value


def _ghi_chu(value: str) -> str:
    kiem_tra(value, goi_chu_thich=False)
    return value


#: A footnote's label, as called by ``[^label]``.
NhanChuThich = Annotated[
    str, BeforeValidator(_nhan), WithJsonSchema({"type": "string", "pattern": NHAN_PATTERN})
]
#: A footnote's text: emphasis and line breaks as in a paragraph, no footnote calls.
ChuThich = Annotated[
    Text,
    AfterValidator(toi_da(CHU_THICH_DO_DAI_TOI_DA)),
    AfterValidator(_ghi_chu),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": CHU_THICH_DO_DAI_TOI_DA}),
]


def van_de_chu_thich(noi_dung: Sequence[Doan], chu_thich: Mapping[str, str]) -> Iterator[str]:
    """Every call has its note, every note is called, and each exactly once.

    Yields "field: message" lines, as the directive's cross-field rules do.
    """
    first: dict[str, int] = {}
    for i, doan in enumerate(noi_dung):
        for nhan in cac_goi(doan.phan()):
            where = f"noi_dung[{i}].doan"
            if nhan not in chu_thich:
                yield f"{where}: [^{nhan}] gọi một chú thích không có trong chu_thich"
            elif nhan in first:
                yield (
                    f"{where}: [^{nhan}] được gọi lần nữa (lần đầu ở noi_dung[{first[nhan]}]); "
                    "mỗi chú thích chỉ gọi một lần"
                )
            first.setdefault(nhan, i)
    for nhan in chu_thich:
        if nhan not in first:
            yield (
                f"chu_thich.{nhan}: chưa được gọi lần nào; viết [^{nhan}] vào đúng chỗ "
                "trong noi_dung"
            )
