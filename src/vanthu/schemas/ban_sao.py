"""A copy (bản sao) of an issued directive: its form, number, copying body and signer (spec §9).

Decree 30 knows three forms (Art. 25; PL I Part II; PL III I): *sao y* (a full copy of the
original), *sao lục* (a copy of a sao y) and *trích sao* (an excerpt re-typed with full
formatting). All three share one number sequence per copying body and year, from 01 on
1 January; the number is printed ``Số: 05/SY-UBND`` (number / form code - copier's symbol).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .gioi_han import SO_TOI_DA
from .nguoi_ky import NguoiKy
from .text import Dong, KyHieu, TieuDe

#: The name of each body's copies' register ('<issuer>:ban_sao'), shared by the three forms; no
#: directive register may take it (``reading.cau_hinh`` refuses it).
SO_DANG_KY_BAN_SAO = "ban_sao"


class HinhThucSao(StrEnum):
    """The copy form (hình thức sao), with its code in the number and its printed name."""

    sao_y = "sao_y"
    sao_luc = "sao_luc"
    trich_sao = "trich_sao"

    @property
    def ma(self) -> str:
        """The code in a copy's number (PL III I): SY, SL, TrS."""
        return {"sao_y": "SY", "sao_luc": "SL", "trich_sao": "TrS"}[self.value]

    @property
    def ten(self) -> str:
        """The printed name of the form (Mẫu 3.1, 3.2): SAO Y, SAO LỤC, TRÍCH SAO."""
        return {"sao_y": "SAO Y", "sao_luc": "SAO LỤC", "trich_sao": "TRÍCH SAO"}[self.value]


#: "Lưu: VT." or "Lưu VT" — not a body whose name starts with the word ("Lưu trữ lịch sử").
_DONG_LUU = re.compile(r"lưu\s*(:|vt\b)")


class BanSao(BaseModel):
    """What a copy prints besides the copied text: the copy block (Mẫu 3.1) or box 14 (Mẫu 3.2).

    ``luc`` is the moment of copying (Vietnam time): its date is the copy's date, and the
    electronic copy prints it whole (ISO 8601, +07:00).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    hinh_thuc: HinhThucSao
    so: int = Field(ge=1, le=SO_TOI_DA, description="The copy's number in its year")
    luc: dt.datetime = Field(description="When the copy was made (aware, Vietnam time)")
    co_quan: TieuDe = Field(description="The copying body, printed UPPER bold")
    ky_hieu_co_quan: KyHieu = Field(description="The copier's symbol in the number (UBND)")
    dia_danh: Dong = Field(description="Place before the copy's date")
    noi_nhan: list[Dong] = Field(
        default_factory=list, description="Who receives the copy; '- Lưu: VT.' closes the list"
    )
    nguoi_ky: NguoiKy = Field(description="Who signs the copy (authority, position, name)")

    @field_validator("noi_nhan")
    @classmethod
    def _khong_luu(cls, lines: list[str]) -> list[str]:
        """The Lưu line is the copy block's own last line: a second one would print twice."""
        for line in lines:
            if _DONG_LUU.match(line.lstrip("-– ").casefold()):
                raise ValueError(f"{line!r}: bỏ dòng Lưu đi, bản sao tự thêm '- Lưu: VT.'")
        return lines

    @property
    def so_ky_hieu(self) -> str:
        """'05/SY-UBND': the number (two digits below 10), the form's code, the copier."""
        return f"{self.so:02d}/{self.hinh_thuc.ma}-{self.ky_hieu_co_quan}"

    @property
    def ngay(self) -> dt.date:
        """The copy's date."""
        return self.luc.date()

    @property
    def luc_iso(self) -> str:
        """The moment of copying as box 14 prints it: '2021-09-13T14:30:05+07:00'."""
        return self.luc.replace(microsecond=0).isoformat()
