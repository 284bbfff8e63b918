"""A line of the Nơi nhận block (box 9b): printed text plus what it stands for, and the "+"
sub-items printed under it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from .gioi_han import CO_QUAN_TOI_DA, MUC_CON_TOI_DA, NHOM_TOI_DA
from .text import ListItem, Ma


class NoiNhan(BaseModel):
    """One recipient line, as printed (without "- " and ";"), and the bodies it stands for.

    In a directive file a line is either a plain string or a mapping with ``ten`` and the
    optional data the lifecycle uses to deliver it. A line may hold sub-items (``muc_con``),
    each a line of its own printed "+ …;" under it ("- Các sở, ban, ngành:" then
    "+ Sở Y tế;"); a sub-item holds none.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: ListItem = Field(description="The line as printed, without the leading '- ' and final ';'")
    ma_co_quan: list[Ma] = Field(
        default_factory=list,
        max_length=CO_QUAN_TOI_DA,
        description="Directory codes of the bodies this line stands for",
    )
    nhom: list[Ma] = Field(
        default_factory=list,
        max_length=NHOM_TOI_DA,
        description="Directory groups this line stands for (every member)",
    )
    noi_bo: StrictBool = Field(
        default=False, description="An internal line (the office's own units): delivers nothing"
    )
    muc_con: list[NoiNhan] = Field(
        default_factory=list,
        max_length=MUC_CON_TOI_DA,
        description="Sub-items printed '+ …;' under this line, which then ends ':'; each "
        "like a line (ten, ma_co_quan, nhom, noi_bo), without sub-items of its own",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"ten": value}
        return value

    @field_validator("muc_con", mode="before")
    @classmethod
    def _bare_sub_items(cls, value: Any) -> Any:
        # A sub-item written with its "+ " is the same sub-item: the renderer prints the "+".
        if isinstance(value, list):
            return [_khong_cong(v) for v in value]
        return value

    @field_validator("muc_con")
    @classmethod
    def _one_level(cls, value: list[NoiNhan]) -> list[NoiNhan]:
        for i, sub in enumerate(value):
            if sub.muc_con:
                raise ValueError(f"mục {i + 1} ('{sub.ten}') có mục con: chỉ in được một cấp")
        return value

    @model_validator(mode="after")
    def _heading_without_colon(self) -> NoiNhan:
        # A line over sub-items is printed ending ':'; one written with it is the same line.
        if self.muc_con and self.ten.endswith(":"):
            ten = self.ten[:-1].rstrip()
            if not ten:
                raise ValueError("ten: dòng đứng trên các mục con phải có tên trước dấu ':'")
            object.__setattr__(self, "ten", ten)
        return self

    def cac_dong(self) -> Iterator[NoiNhan]:
        """This line, then its sub-items: every line that may stand for bodies."""
        yield self
        yield from self.muc_con


def _khong_cong(value: Any) -> Any:
    """A sub-item's text without the "+ " it was written with."""
    if isinstance(value, str) and value.lstrip().startswith("+ "):
        return value.lstrip()[2:]
    if isinstance(value, dict) and isinstance(value.get("ten"), str):
        ten = value["ten"].lstrip()
        if ten.startswith("+ "):
            return {**value, "ten": ten[2:]}
    return value
