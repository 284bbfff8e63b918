"""The directory (danh bạ) of recipient bodies, as loaded from YAML or CSV."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from .gioi_han import CO_QUAN_TOI_DA, NHOM_TOI_DA, TEN_NGAN_TOI_DA
from .text import Dong, Ma, toi_da

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("phải là một địa chỉ thư điện tử (ten@example.vn)")
    return value


class CoQuanDanhBa(BaseModel):
    """One body: its code, names, delivery address and the groups it belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ma: Ma = Field(description="Short code, unique in the directory (SYT, UBND_PHAN_RANG)")
    ten: Dong = Field(description="Full name (Sở Y tế tỉnh Ninh Thuận)")
    ten_ngan: Annotated[Dong, AfterValidator(toi_da(TEN_NGAN_TOI_DA))] | None = Field(
        default=None, description="Short name; default: the full name"
    )
    # A one-line text (DONG_TOI_DA = EMAIL_TOI_DA characters) holding one address.
    email: Annotated[Dong, AfterValidator(_email)] | None = Field(
        default=None, description="Delivery address for e-mail"
    )
    nhom: list[Ma] = Field(
        default_factory=list, max_length=NHOM_TOI_DA, description="Groups (so_ban_nganh …)"
    )


class DanhBa(BaseModel):
    """A whole directory file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    co_quan: list[CoQuanDanhBa] = Field(min_length=1, max_length=CO_QUAN_TOI_DA)

    @field_validator("co_quan")
    @classmethod
    def _unique(cls, value: list[CoQuanDanhBa]) -> list[CoQuanDanhBa]:
        seen: set[str] = set()
        for body in value:
            if body.ma in seen:
                raise ValueError(f"mã '{body.ma}' xuất hiện hai lần")
            seen.add(body.ma)
        return value
