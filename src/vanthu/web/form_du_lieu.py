"""A submitted form's inputs (form dữ liệu): one input's text, and the numbered rows of a list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from ..errors import InvalidSetting, Problem

#: Blank rows a form may send past a list's limit (the empty rows it offers to fill).
DONG_DU = 10
#: Digits of a row number read; a longer one is past every limit.
SO_CHU_SO = 6


class FormDuLieu(Protocol):
    """What a submitted form offers (Starlette's FormData)."""

    def getlist(self, key: str) -> list[Any]: ...

    def __iter__(self) -> Iterator[str]: ...


class _ChiMuc(dict[str, list[Any]]):
    """A form's inputs by name, each looked up in constant time."""

    def getlist(self, key: str) -> list[Any]:
        return self.get(key, [])


def chi_muc(form: FormDuLieu) -> FormDuLieu:
    """The form indexed once by input name. Starlette's ``getlist`` walks every input, and the
    Soạn thảo form is read one input at a time: unindexed, a form at its limit of inputs would
    cost their number squared."""
    multi_items = getattr(form, "multi_items", None)
    if multi_items is None:
        return form
    values = _ChiMuc()
    for key, value in multi_items():
        values.setdefault(key, []).append(value)
    return values


def chu(form: FormDuLieu, name: str) -> str:
    """An input's text as typed, line ends made "\\n" ('' if absent)."""
    values = [v for v in form.getlist(name) if isinstance(v, str)]
    return values[0].replace("\r\n", "\n").replace("\r", "\n") if values else ""


def cac_dong(
    form: FormDuLieu, prefix: str, toi_da: int
) -> tuple[dict[int, set[str]], Problem | None]:
    """The rows ``prefix[i].…`` the form holds, each with the names after ``prefix[i].``.

    Rows up to ``toi_da`` and the blank ones offered after them are read, so that a list over
    its limit by a few rows is refused by the schema in the words of ``vanthu check``; a row
    numbered further is a problem of the list.
    """
    return cac_dong_trong(form, prefix, toi_da)


def cac_dong_trong(
    names: Iterable[str], prefix: str, toi_da: int, where: str | None = None
) -> tuple[dict[int, set[str]], Problem | None]:
    """:func:`cac_dong` over some names (those after a row's own prefix: an annex's
    ``noi_dung[3].doan``), its problem named ``where`` (the list's full path), so that a list
    inside a list is read from the names already gathered, not by reading the form again."""
    pattern = re.compile(rf"^{re.escape(prefix)}\[(\d+)\]\.(.+)$")
    rows: dict[int, set[str]] = {}
    past = False
    for key in names:
        if not key.startswith(prefix) or (m := pattern.match(key)) is None:
            continue
        if len(m.group(1)) > SO_CHU_SO or int(m.group(1)) >= toi_da + DONG_DU:
            past = True
            continue
        rows.setdefault(int(m.group(1)), set()).add(m.group(2))
    problem = None
    if past:
        problem = Problem(
            where or prefix,
            f"biểu mẫu gửi các dòng đánh số quá {toi_da + DONG_DU}; tối đa {toi_da} mục",
        )
    return dict(sorted(rows.items())), problem


def ma_o(name: str) -> str:
    """An input's HTML id from its name: ``noi_nhan[2].ten`` → ``o-noi_nhan-2-ten``."""
    return "o-" + re.sub(r"[^a-z0-9_]+", "-", name).strip("-")


async def doc_form(request: Request, toi_da: int) -> FormData:
    """The submitted form (read once, then kept by the request), refused whole past ``toi_da``
    inputs or an input past Starlette's 1 MB: a clear message, not a bare 400.

    Raises:
        InvalidSetting: the form is too large to read.
    """
    try:
        return await request.form(max_fields=toi_da)
    except (HTTPException, MultiPartException) as error:
        detail = error.detail if isinstance(error, HTTPException) else error.message
        raise InvalidSetting(
            "biểu mẫu",
            f"quá lớn, không đọc được ({detail}); hãy tách văn bản, hoặc bớt dòng trống",
        ) from error
