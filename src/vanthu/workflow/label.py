"""Enums whose members carry their Vietnamese label, written beside the code: one table."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A StrEnum each of whose members is written with its label for the UI and the docs::

        class TrangThai(LabelledEnum):
            du_thao = "du_thao", "dự thảo"

    ``TrangThai("du_thao")`` looks a member up by its code as usual; ``.label`` is its label.
    """

    _value_: str
    _label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        # ``label`` has a default only so that a lookup by code, ``TrangThai("du_thao")``,
        # type-checks; a member written without its label is refused when the class is built.
        if not label:
            raise TypeError(f"{cls.__name__}.{value}: write the member with its label")
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        """The Vietnamese label for the UI and the docs."""
        return self._label
