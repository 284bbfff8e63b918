"""The signer: authority prefixes stack as Decree 30, Art. 13 allows, and no further."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from vanthu.schemas import NguoiKy


def signer(**fields: Any) -> NguoiKy:
    return NguoiKy.model_validate({"chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Lê Huyền", **fields})


@pytest.mark.parametrize(
    ("fields", "stack"),
    [
        ({"chuc_vu": "CHỦ TỊCH"}, ["CHỦ TỊCH"]),
        ({"quyen_han": "KT", "thay_mat": "CHỦ TỊCH"}, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (
            {"quyen_han": "TM", "thay_mat": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch"},
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        (
            {"quyen_han": ["TM", "KT"], "thay_mat": ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]},
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        ({"quyen_han": "Q", "chuc_vu": "GIÁM ĐỐC"}, ["Q. GIÁM ĐỐC"]),
        (
            {
                "quyen_han": ["TL", "KT"],
                "thay_mat": ["BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ"],
                "chuc_vu": "PHÓ VỤ TRƯỞNG",
            },
            ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ", "PHÓ VỤ TRƯỞNG"],
        ),
        (
            {"quyen_han": "TUQ", "thay_mat": "GIÁM ĐỐC", "chuc_vu": "CHÁNH VĂN PHÒNG"},
            ["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
        ),
    ],
)
def test_the_authority_stack_is_printed_upper_case_one_element_per_line(
    fields: dict[str, Any], stack: list[str]
) -> None:
    assert signer(**fields).dong_tham_quyen() == stack


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"quyen_han": ["TUQ", "KT"], "thay_mat": ["GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]},
            "người ký 'TUQ' không được ủy quyền tiếp, nhưng sau đó có 'KT'",
        ),
        ({"quyen_han": ["KT", "TM"], "thay_mat": ["A", "B"]}, "'TM' (thay mặt tập thể"),
        ({"quyen_han": ["Q", "KT"], "thay_mat": ["A"]}, "'Q' (quyền) đi với chuc_vu"),
        ({"quyen_han": ["KT", "KT"], "thay_mat": ["A", "B"]}, "'KT' xuất hiện hai lần"),
        ({"quyen_han": "KT"}, "thay_mat: cần 1 dòng"),
        ({"quyen_han": "XX", "thay_mat": "A"}, "quyen_han.0"),
    ],
)
def test_impossible_delegations_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        signer(**fields)
    assert message in str(caught.value)


def test_a_seal_needs_a_signature_to_cover() -> None:
    with pytest.raises(ValidationError, match="anh_con_dau: dấu trùm lên một phần ba chữ ký"):
        signer(anh_con_dau="dau.png")


def test_a_seal_diameter_without_a_seal_is_refused() -> None:
    with pytest.raises(ValidationError, match="duong_kinh_dau: là cỡ của con dấu"):
        signer(anh_chu_ky="ky.png", duong_kinh_dau=40)


@pytest.mark.parametrize("size", [19.9, 60.1, float("nan")])
def test_a_seal_diameter_outside_20_to_60_mm_is_refused(size: float) -> None:
    with pytest.raises(ValidationError, match="duong_kinh_dau"):
        signer(anh_chu_ky="ky.png", anh_con_dau="dau.png", duong_kinh_dau=size)


def test_the_seal_is_36_mm_unless_told() -> None:
    seal = signer(anh_chu_ky="ky.png", anh_con_dau="dau.png")
    assert seal.duong_kinh_dau_mm == 36
    assert NguoiKy.model_validate(seal.model_dump()) == seal  # a stored copy reads back
