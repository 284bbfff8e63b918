"""A line of the Nơi nhận block (box 9b): printed text plus what it stands for."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from .gioi_han import CO_QUAN_TOI_DA, NHOM_TOI_DA
from .text import ListItem, Ma


class NoiNhan(BaseModel):
    """One recipient line, as printed (without "- " and ";"), and the bodies it stands for.

    In a directive file a line is either a plain string or a mapping with ``ten`` and the
    optional data the lifecycle uses to deliver it.
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

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"ten": value}
        return value
