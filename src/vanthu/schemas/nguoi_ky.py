"""The signer (người ký, boxes 7a–7c): authority prefixes, position, name (Decree 30, Art. 13)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .anh import DuongDanAnh
from .gioi_han import (
    CHUC_VU_KHAC_TOI_DA,
    DUONG_KINH_DAU_LON_NHAT,
    DUONG_KINH_DAU_MAC_DINH,
    DUONG_KINH_DAU_NHO_NHAT,
)
from .text import Dong


class QuyenHan(StrEnum):
    """Authority prefix printed before a title (thẩm quyền ký)."""

    TM = "TM"  # thay mặt: on behalf of a collective body
    KT = "KT"  # ký thay: a deputy signing for the head
    Q = "Q"  # quyền: acting head
    TL = "TL"  # thừa lệnh: by order of the head
    TUQ = "TUQ"  # thừa ủy quyền: under a written authorisation


def _as_list(value: Any) -> Any:
    """Accept one value where a list is expected (``quyen_han: KT``)."""
    if value is None:
        return []
    if isinstance(value, str | StrEnum):
        return [value]
    return value


class NguoiKy(BaseModel):
    """Who signs and in what capacity.

    ``quyen_han`` is the chain of authority prefixes in printed order (``[TM, KT]``);
    ``thay_mat`` names, for each prefix except ``Q``, on whose behalf it is used.
    ``Q`` (acting) applies to ``chuc_vu`` itself: ``Q. GIÁM ĐỐC``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    quyen_han: Annotated[list[QuyenHan], BeforeValidator(_as_list)] = Field(
        default_factory=list,
        max_length=len(QuyenHan),
        description="Authority prefixes in printed order: TM, KT, Q, TL, TUQ (none: the head)",
    )
    thay_mat: Annotated[list[Dong], BeforeValidator(_as_list)] = Field(
        default_factory=list,
        max_length=len(QuyenHan),
        description="For each prefix except Q: the body or title it signs for (ỦY BAN NHÂN DÂN)",
    )
    tu_cach: Dong | None = Field(
        default=None,
        description="Capacity line above the authority stack, on documents signed by two "
        "sides (ĐẠI DIỆN BÊN A, CHỦ TỌA); printed in capitals",
    )
    chuc_vu: Dong = Field(description="Official position of the signer (CHỦ TỊCH, PHÓ CHỦ TỊCH)")
    chuc_vu_khac: Annotated[list[Dong], BeforeValidator(_as_list)] = Field(
        default_factory=list,
        max_length=CHUC_VU_KHAC_TOI_DA,
        description="Box 7b: the signer's other position, printed in capitals under the "
        "signature, above the name, one line each (a council or steering board headed by a "
        "minister: BỘ TRƯỞNG BỘ NỘI VỤ)",
    )
    ho_ten: Dong = Field(description="Full name, without titles (Trần Quốc Nam)")
    anh_chu_ky: DuongDanAnh | None = Field(
        default=None,
        description="The signer's handwritten signature: a PNG beside the directive file "
        "(blue ink, transparent background), printed centred between position and name",
    )
    anh_con_dau: DuongDanAnh | None = Field(
        default=None,
        description="The organisation's seal: a PNG beside the directive file (red, "
        "transparent background, cropped to the seal's edge), printed at its real size over "
        "the left third of the signature; needs anh_chu_ky",
    )
    duong_kinh_dau: float | None = Field(
        default=None,
        ge=DUONG_KINH_DAU_NHO_NHAT,
        le=DUONG_KINH_DAU_LON_NHAT,
        allow_inf_nan=False,
        description="The seal's real outer diameter in mm, the longer side of anh_con_dau "
        f"as printed (default {DUONG_KINH_DAU_MAC_DINH:g})",
    )

    @model_validator(mode="after")
    def _check_chain(self) -> NguoiKy:
        chain = self.quyen_han
        seen: set[QuyenHan] = set()
        for i, prefix in enumerate(chain):
            if prefix in seen:
                raise ValueError(f"quyen_han: '{prefix}' xuất hiện hai lần")
            seen.add(prefix)
            if prefix is QuyenHan.TM and i != 0:
                raise ValueError("quyen_han: 'TM' (thay mặt tập thể) phải đứng đầu")
            if prefix is QuyenHan.Q and i != len(chain) - 1:
                raise ValueError("quyen_han: 'Q' (quyền) đi với chuc_vu và phải đứng cuối")
            if prefix is QuyenHan.TUQ and i != len(chain) - 1:
                raise ValueError(
                    f"quyen_han: người ký 'TUQ' không được ủy quyền tiếp, "
                    f"nhưng sau đó có '{chain[i + 1]}' (Nghị định 30, khoản 3 Điều 13)"
                )
        if self.anh_con_dau is not None and self.anh_chu_ky is None:
            raise ValueError(
                "anh_con_dau: dấu trùm lên một phần ba chữ ký về bên trái; "
                "hãy ghi cả ảnh chữ ký (anh_chu_ky)"
            )
        if self.duong_kinh_dau is not None and self.anh_con_dau is None:
            raise ValueError("duong_kinh_dau: là cỡ của con dấu, nhưng chưa ghi anh_con_dau")
        expected = sum(1 for p in chain if p is not QuyenHan.Q)
        if len(self.thay_mat) != expected:
            raise ValueError(
                f"thay_mat: cần {expected} dòng, mỗi quyền hạn một dòng trừ Q "
                f"trong quyen_han {[str(p) for p in chain]}, đang có {len(self.thay_mat)}"
            )
        return self

    def dong_tham_quyen(self) -> list[str]:
        """The printed authority stack (box 7a), one UPPER line per element, after the
        capacity line (``tu_cach``) if any."""
        lines: list[str] = [self.tu_cach.upper()] if self.tu_cach else []
        behalf = iter(self.thay_mat)
        for prefix in self.quyen_han:
            if prefix is QuyenHan.Q:
                continue
            lines.append(f"{prefix}. {next(behalf).upper()}")
        acting = "Q. " if QuyenHan.Q in self.quyen_han else ""
        lines.append(f"{acting}{self.chuc_vu.upper()}")
        return lines

    @property
    def duong_kinh_dau_mm(self) -> float:
        """The seal's diameter in mm as printed: given, or the default."""
        return DUONG_KINH_DAU_MAC_DINH if self.duong_kinh_dau is None else self.duong_kinh_dau

    @property
    def cac_anh(self) -> list[tuple[str, str]]:
        """The images this signer names, as (field, path)."""
        named = (("anh_chu_ky", self.anh_chu_ky), ("anh_con_dau", self.anh_con_dau))
        return [(field, path) for field, path in named if path is not None]
