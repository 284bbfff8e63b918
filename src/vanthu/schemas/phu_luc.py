"""Annexes (phụ lục) and the text a quyết định issues (văn bản kèm theo, Mẫu 1.3 and 2.1).

In the directive file ``phu_luc`` lists the annexes: each has a title ``ten`` and a body
``noi_dung`` of the same items as the document's own (paragraphs with their ``kieu``, and
tables ``{bang: …}``, landscape ones too). One annex is headed "Phụ lục", several "Phụ lục I",
"Phụ lục II" … (Decree 30, PL I III.1). ``van_ban_kem_theo`` is the text a quyết định issues
or approves (Mẫu 1.3): a quy chế, quy định … with its trích yếu and its chapters and articles.
Both print "(Kèm theo <Tên loại> số …/… ngày … của …)", naming the issuer as ``kem_theo_cua``
says.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from .gioi_han import NOI_DUNG_TOI_DA
from .loai_van_ban import LoaiVanBan
from .text import TieuDe, TrichYeu

if TYPE_CHECKING:
    from .van_ban import Doan, VanBan

#: Types a quyết định issues or approves with an attached text (Mẫu 1.3: "Ban hành (Phê duyệt)
#: kèm theo Quyết định này …"): the named types with chapters and articles or a plan's parts.
LOAI_KEM_THEO = frozenset(
    {
        LoaiVanBan.quy_che,
        LoaiVanBan.quy_dinh,
        LoaiVanBan.huong_dan,
        LoaiVanBan.chuong_trinh,
        LoaiVanBan.ke_hoach,
        LoaiVanBan.phuong_an,
        LoaiVanBan.de_an,
        LoaiVanBan.du_an,
    }
)

_LA_MA = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def so_la_ma(n: int) -> str:
    """``n`` (≥ 1) in Roman numerals: 4 → IV, 14 → XIV."""
    out = []
    for value, letters in _LA_MA:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def ten_phu_luc(i: int, tong: int) -> str:
    """The heading of the ``i``-th (from 0) of ``tong`` annexes: "Phụ lục", or "Phụ lục II"."""
    return "Phụ lục" if tong == 1 else f"Phụ lục {so_la_ma(i + 1)}"


class PhuLuc(BaseModel):
    """One annex: its title (printed in capitals under "Phụ lục …") and its body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ten: TieuDe = Field(description="Title, printed in capitals; '\\n' forces a line break")
    noi_dung: list[Doan] = Field(
        min_length=1,
        max_length=NOI_DUNG_TOI_DA,
        description="Items in order, as the document's noi_dung: paragraphs and tables",
    )


class VanBanKemTheo(BaseModel):
    """The text a quyết định issues or approves (Mẫu 1.3): a quy chế, quy định …"""

    model_config = ConfigDict(extra="forbid", frozen=True)

    loai: LoaiVanBan = Field(description="Its type: quy_che, quy_dinh, huong_dan, ke_hoach …")
    trich_yeu: TrichYeu = Field(description="Its subject line, printed bold under its type")
    noi_dung: list[Doan] = Field(
        min_length=1,
        max_length=NOI_DUNG_TOI_DA,
        description="Chapters (kieu: giua) and articles ('Điều 1. …'), as noi_dung",
    )


def van_de_phu_luc(vb: VanBan) -> Iterator[str]:
    """What annexes and the attached text require, one "field: message" each."""
    name = vb.loai.info.ten.lower()
    kem_theo = vb.van_ban_kem_theo
    if kem_theo is not None:
        if vb.loai is not LoaiVanBan.quyet_dinh:
            yield (
                "van_ban_kem_theo: chỉ quyết định mới ban hành kèm một văn bản (Mẫu 1.3), "
                f"{name} thì không; hãy đưa văn bản vào phu_luc"
            )
        if kem_theo.loai not in LOAI_KEM_THEO:
            kinds = ", ".join(sorted(k.value for k in LOAI_KEM_THEO))
            yield (
                f"van_ban_kem_theo.loai: quyết định không ban hành kèm "
                f"{kem_theo.loai.info.ten.lower()}; chỉ một trong: {kinds}"
            )
    # An issuer written in capitals cannot be put in normal case by rule (proper names).
    co_kem_theo = bool(vb.phu_luc) or kem_theo is not None
    if co_kem_theo and vb.kem_theo_cua is None and vb.co_quan == vb.co_quan.upper():
        field = "phu_luc" if vb.phu_luc else "van_ban_kem_theo"
        yield (
            f"kem_theo_cua: phải có khi có {field}: tên người ban hành như dòng "
            "'(Kèm theo … của …)' ghi, viết chữ thường (Ủy ban nhân dân tỉnh Ninh "
            "Thuận; Chủ tịch Ủy ban nhân dân tỉnh)"
        )
    if vb.kem_theo_cua is not None and not (vb.phu_luc or kem_theo is not None):
        yield "kem_theo_cua: ghi người ban hành ở dòng của phụ lục; văn bản không có phụ lục nào"


def cua(vb: VanBan) -> str:
    """Who the "(Kèm theo … của …)" line names: ``kem_theo_cua``, or the issuer written in
    normal case."""
    return vb.kem_theo_cua or " ".join(vb.co_quan.split())
