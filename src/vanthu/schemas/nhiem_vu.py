"""A task (nhiệm vụ) a directive assigns: its paragraph, the bodies, the deadline, the report."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from .text import Text


class NhiemVu(BaseModel):
    """One task declared in the directive file, followed up after distribution."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doan: int = Field(ge=1, description="Number of the body paragraph (1 = first) it belongs to")
    co_quan: list[Text] = Field(
        default_factory=list, description="Directory codes of the bodies assigned"
    )
    nhom: list[Text] = Field(
        default_factory=list, description="Directory groups assigned (every member)"
    )
    han: dt.date = Field(description="Deadline")
    bao_cao: bool = Field(default=True, description="Whether a report is due by the deadline")
    mo_ta: Text | None = Field(
        default=None, description="Short description; default: the paragraph"
    )
