"""A task (nhiệm vụ) a directive assigns: its paragraph, the bodies, the deadline, the report."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .gioi_han import CO_QUAN_TOI_DA, NHOM_TOI_DA, NOI_DUNG_TOI_DA
from .text import SO_NGUYEN, DoanVanBan, Ma, Ngay


class NhiemVu(BaseModel):
    """One task declared in the directive file, followed up after distribution."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doan: Annotated[int, Field(ge=1, le=NOI_DUNG_TOI_DA), SO_NGUYEN] = Field(
        description="Number of the body paragraph (1 = first) it belongs to",
    )
    ma_co_quan: list[Ma] = Field(
        default_factory=list,
        max_length=CO_QUAN_TOI_DA,
        description="Directory codes of the bodies assigned",
    )
    nhom: list[Ma] = Field(
        default_factory=list,
        max_length=NHOM_TOI_DA,
        description="Directory groups assigned (every member)",
    )
    han: Ngay = Field(description="Deadline")
    bao_cao: StrictBool = Field(default=True, description="Whether a report is due by the deadline")
    mo_ta: DoanVanBan | None = Field(
        default=None, description="Short description; default: the paragraph"
    )
