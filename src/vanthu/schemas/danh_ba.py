"""The directory (danh bạ) of recipient bodies, as loaded from YAML or CSV."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .text import Text

_MA = re.compile(r"^[A-Za-z0-9_.\-]+$")


class CoQuanDanhBa(BaseModel):
    """One body: its code, names, delivery address and the groups it belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ma: Text = Field(description="Short code, unique in the directory (SYT, UBND_PHAN_RANG)")
    ten: Text = Field(description="Full name (Sở Y tế tỉnh Ninh Thuận)")
    ten_ngan: Text | None = Field(default=None, description="Short name; default: the full name")
    email: Text | None = Field(default=None, description="Delivery address for e-mail")
    nhom: list[Text] = Field(default_factory=list, description="Groups (so_ban_nganh …)")

    @field_validator("ma")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _MA.match(value):
            raise ValueError(f"'{value}' may hold only letters, digits, '_', '.' and '-'")
        return value


class DanhBa(BaseModel):
    """A whole directory file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    co_quan: list[CoQuanDanhBa] = Field(min_length=1)

    @field_validator("co_quan")
    @classmethod
    def _unique(cls, value: list[CoQuanDanhBa]) -> list[CoQuanDanhBa]:
        seen: set[str] = set()
        for body in value:
            if body.ma in seen:
                raise ValueError(f"code '{body.ma}' appears twice")
            seen.add(body.ma)
        return value
