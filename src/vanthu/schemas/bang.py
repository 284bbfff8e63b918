"""A table (bảng) in the body: its columns, merged header rows, body rows and orientation.

In the directive file a ``noi_dung`` item ``{bang: {...}}`` is a table. ``cot`` names the
columns (header text ``ten``, width ``rong`` in cm, alignment ``can``); ``tieu_de_gop`` adds
header rows above the column names whose cells span ``gop`` columns; ``dong`` holds the body
rows, one cell per column; ``ngang: true`` sets the table on landscape pages of its own
(Decree 30, PL I, I: landscape only for tables not split off into a phụ lục).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    model_validator,
)
from pydantic.json_schema import WithJsonSchema

from .gioi_han import (
    BANG_RONG_DOC_TOI_DA,
    BANG_RONG_NGANG_TOI_DA,
    COT_BANG_TOI_DA,
    COT_RONG_TOI_THIEU,
    DONG_BANG_TOI_DA,
    O_BANG_TOI_DA,
    TIEU_DE_GOP_TOI_DA,
)
from .text import TieuDe, kiem_tra_ky_tu, loai_gia_tri, nfc, toi_da


def _o(value: object) -> str:
    """A cell's text: NFC, each line's spaces collapsed; may be empty; a whole number is taken
    as its digits, a decimal one refused (YAML reads 12.340 as 12.34)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None:
        value = ""
    if isinstance(value, float):
        raise ValueError(
            f"số thập phân ({value}) sẽ mất số 0 và dấu phân cách: hãy viết trong "
            "dấu nháy đúng như khi in ('12.340', '1,5')"
        )
    if not isinstance(value, str):
        raise ValueError(f"phải là chữ, không phải {loai_gia_tri(value)}")
    kiem_tra_ky_tu(value, nhieu_dong=True)
    text = str(nfc(value))
    return "\n".join(" ".join(part.split()) for part in text.strip().split("\n"))


#: A table cell's text: one or more lines ("\n" breaks), empty allowed, at most O_BANG_TOI_DA.
OBang = Annotated[
    str,
    BeforeValidator(_o),
    AfterValidator(toi_da(O_BANG_TOI_DA)),
    WithJsonSchema({"type": ["string", "integer"], "maxLength": O_BANG_TOI_DA}),
]


class CanO(StrEnum):
    """How a column's cells are aligned."""

    trai = "trai"  # flush left (text)
    giua = "giua"  # centred (a serial number, a short code)
    phai = "phai"  # flush right (numbers, so that their digits line up)


class Cot(BaseModel):
    """One column: its header text, width and alignment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: OBang = Field(description="The column's header text")
    rong: float | None = Field(
        default=None,
        ge=COT_RONG_TOI_THIEU,
        le=BANG_RONG_NGANG_TOI_DA,
        description="Width in cm; absent: an equal share of the width the others leave",
    )
    can: CanO | None = Field(
        default=None,
        description="trai, giua or phai; absent: phai if every cell is a number, else trai",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"ten": value} if isinstance(value, str) else value


class OGop(BaseModel):
    """A cell of a merged header row, spanning ``gop`` columns; a plain string spans one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: OBang = Field(description="The header text over the columns it spans")
    gop: int = Field(default=1, ge=1, le=COT_BANG_TOI_DA, strict=True, description="Columns")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"ten": value} if isinstance(value, str) else value


_SO = re.compile(r"^[-+−]?[0-9][0-9.,  ]*%?$")


def la_so(text: str) -> bool:
    """Whether a cell holds a number as printed (12.345; 1,5; -3; 98%)."""
    return bool(_SO.match(text))


class Bang(BaseModel):
    """A table of the body (bảng): ``cot`` columns, ``dong`` rows, optional caption."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: TieuDe | None = Field(
        default=None, description="Caption printed centred above the table (Bảng 1. …)"
    )
    ngang: StrictBool = Field(
        default=False, description="true: the table sits on landscape pages of its own"
    )
    cot: list[Cot] = Field(min_length=1, max_length=COT_BANG_TOI_DA, description="Columns")
    tieu_de_gop: list[Annotated[list[OGop], Field(min_length=1)]] = Field(
        default_factory=list,
        max_length=TIEU_DE_GOP_TOI_DA,
        description="Header rows above the column names; their cells' gop add up to the columns",
    )
    dong: list[Annotated[list[OBang], Field(min_length=1)]] = Field(
        min_length=1, max_length=DONG_BANG_TOI_DA, description="Body rows, one cell per column"
    )

    @property
    def rong_toi_da(self) -> float:
        """The width in cm the columns may take: a portrait or a landscape text area."""
        return BANG_RONG_NGANG_TOI_DA if self.ngang else BANG_RONG_DOC_TOI_DA

    @model_validator(mode="after")
    def _shape(self) -> Bang:
        problems = list(self._problems())
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _problems(self) -> Iterator[str]:
        n = len(self.cot)
        for i, gop in enumerate(self.tieu_de_gop):
            spans = sum(o.gop for o in gop)
            if spans != n:
                yield (
                    f"tieu_de_gop[{i}]: các ô trải trên {spans} cột (cộng các gop), bảng có {n} cột"
                )
        for i, row in enumerate(self.dong):
            if len(row) != n:
                yield f"dong[{i}]: có {len(row)} ô, bảng có {n} cột"
        given = sum(c.rong for c in self.cot if c.rong is not None)
        shared = sum(1 for c in self.cot if c.rong is None)
        least = given + shared * COT_RONG_TOI_THIEU
        if least > self.rong_toi_da + 1e-9:
            page = "trang nằm ngang" if self.ngang else "trang đứng (hoặc đặt ngang: true)"
            yield (f"cot: các cột cần {least:.2f} cm, rộng hơn {self.rong_toi_da} cm của {page}")

    def can_cot(self, j: int) -> CanO:
        """Column ``j``'s alignment: as given, else phai for a column of numbers, else trai."""
        given = self.cot[j].can
        if given is not None:
            return given
        cells = [row[j] for row in self.dong if j < len(row) and row[j]]
        return CanO.phai if cells and all(la_so(c) for c in cells) else CanO.trai

    @property
    def tom_tat(self) -> str:
        """What the table is, in one line: its caption, or its column names."""
        if self.ten:
            return " ".join(self.ten.split())
        return "Bảng: " + ", ".join(c.ten for c in self.cot if c.ten)
