"""Annexes (phụ lục) and the text a quyết định issues: numbering, limits and clear errors."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from tests.schemas.test_van_ban import cong_dien
from vanthu.schemas import VanBan
from vanthu.schemas.gioi_han import PHU_LUC_TOI_DA
from vanthu.schemas.phu_luc import so_la_ma, ten_phu_luc

CUA = "Ủy ban nhân dân tỉnh Ninh Thuận"


def phu_luc(n: int) -> list[dict[str, Any]]:
    return [{"ten": f"Danh sách {i}", "noi_dung": [f"{i}. Một dòng."]} for i in range(n)]


def quyet_dinh(**changes: Any) -> dict[str, Any]:
    base = cong_dien(
        loai="quyet_dinh",
        nguoi_gui=None,
        kinh_gui=None,
        tham_quyen="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        trich_yeu="Ban hành Quy chế làm việc",
        noi_dung=["Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc."],
        kem_theo_cua=CUA,
    )
    base.update(changes)
    return base


def test_one_annex_is_headed_phu_luc_and_several_by_roman_numerals() -> None:
    assert ten_phu_luc(0, 1) == "Phụ lục"
    assert [ten_phu_luc(i, 4) for i in range(4)] == [
        "Phụ lục I",
        "Phụ lục II",
        "Phụ lục III",
        "Phụ lục IV",
    ]
    assert [so_la_ma(n) for n in (9, 14, 19, 30, 49)] == ["IX", "XIV", "XIX", "XXX", "XLIX"]


def test_an_annex_holds_paragraphs_and_tables_as_the_body_does() -> None:
    table = {"bang": {"ngang": True, "cot": ["STT", "Đơn vị"], "dong": [["1", "Sở Y tế"]]}}
    vb = VanBan.model_validate(
        cong_dien(
            kem_theo_cua=CUA,
            phu_luc=[{"ten": "Bảng", "noi_dung": [{"doan": "Mục 1", "kieu": "giua"}, table]}],
        )
    )
    (annex,) = vb.phu_luc
    assert annex.noi_dung[0].kieu.value == "giua" and annex.noi_dung[1].bang is not None


def test_more_annexes_than_the_limit_are_refused_with_the_field_named() -> None:
    VanBan.model_validate(cong_dien(kem_theo_cua=CUA, phu_luc=phu_luc(PHU_LUC_TOI_DA)))
    with pytest.raises(ValidationError, match="phu_luc"):
        VanBan.model_validate(cong_dien(kem_theo_cua=CUA, phu_luc=phu_luc(PHU_LUC_TOI_DA + 1)))


@pytest.mark.parametrize(
    ("annex", "field"),
    [
        ({"noi_dung": ["x"]}, "ten"),
        ({"ten": "X", "noi_dung": []}, "noi_dung"),
        ({"ten": "X", "noi_dung": ["x"], "trang": 2}, "trang"),
    ],
)
def test_an_annex_without_title_or_body_or_with_an_unknown_field_is_refused(
    annex: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        VanBan.model_validate(cong_dien(kem_theo_cua=CUA, phu_luc=[annex]))
    assert any(e["loc"][:2] == ("phu_luc", 0) and field in e["loc"] for e in error.value.errors())


def test_an_issuer_in_capitals_needs_kem_theo_cua_for_the_reference_line() -> None:
    with pytest.raises(ValidationError, match="kem_theo_cua: phải có khi có phu_luc"):
        VanBan.model_validate(cong_dien(phu_luc=phu_luc(1)))
    written = cong_dien(co_quan="Ủy ban nhân dân tỉnh Ninh Thuận", phu_luc=phu_luc(1))
    assert VanBan.model_validate(written).kem_theo_cua is None
    with pytest.raises(ValidationError, match="kem_theo_cua: ghi người ban hành"):
        VanBan.model_validate(cong_dien(kem_theo_cua=CUA))


def test_only_a_quyet_dinh_issues_an_attached_text_of_an_accepted_type() -> None:
    text = {"loai": "quy_che", "trich_yeu": "Làm việc", "noi_dung": ["Điều 1. Phạm vi."]}
    vb = VanBan.model_validate(quyet_dinh(van_ban_kem_theo=text))
    assert vb.van_ban_kem_theo is not None and vb.van_ban_kem_theo.loai.value == "quy_che"
    with pytest.raises(ValidationError, match="van_ban_kem_theo: chỉ quyết định"):
        VanBan.model_validate(cong_dien(kem_theo_cua=CUA, van_ban_kem_theo=text))
    with pytest.raises(ValidationError, match=r"van_ban_kem_theo\.loai: .* công điện"):
        VanBan.model_validate(quyet_dinh(van_ban_kem_theo=text | {"loai": "cong_dien"}))
    with pytest.raises(ValidationError, match="trich_yeu"):
        VanBan.model_validate(quyet_dinh(van_ban_kem_theo={"loai": "quy_che", "noi_dung": ["x"]}))


def test_an_annex_calling_a_footnote_is_refused_with_its_path() -> None:
    annexes = [{"ten": "Danh sách", "noi_dung": ["1. Trạm Y tế[^a]."]}]
    data = cong_dien(kem_theo_cua=CUA, phu_luc=annexes, chu_thich={"a": "Ghi chú."})
    data["noi_dung"] = [*data["noi_dung"][:-1], "Xem Phụ lục kèm theo[^a]."]
    VanBan.model_validate({**data, "phu_luc": phu_luc(1)})  # the call in the body is fine
    with pytest.raises(ValidationError, match=r"phu_luc\[0\]\.noi_dung\[0\]\.doan: chú thích"):
        VanBan.model_validate(data)
