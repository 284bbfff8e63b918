"""The remaining boxes of the layout grid in the directive file: 11 (pham_vi_luu_hanh), 13
(lien_he), 7b (nguoi_ky.chuc_vu_khac) and the "+" sub-items of a Nơi nhận line (muc_con)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from pydantic import ValidationError

from tests.schemas.test_van_ban import cong_van
from vanthu.schemas import NoiNhan, PhamViLuuHanh, VanBan
from vanthu.schemas.gioi_han import CHUC_VU_KHAC_TOI_DA, LIEN_HE_TOI_DA, NOI_NHAN_TOI_DA


def _loi(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as error:
        VanBan.model_validate(data)
    return str(error.value)


def test_the_circulation_notes_print_their_words() -> None:
    assert [p.label for p in PhamViLuuHanh] == ["XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ"]
    vb = VanBan.model_validate(cong_van() | {"pham_vi_luu_hanh": "xem_xong_tra_lai"})
    assert vb.pham_vi_luu_hanh is PhamViLuuHanh.xem_xong_tra_lai


def test_an_unknown_circulation_note_is_refused_naming_the_field() -> None:
    message = _loi(cong_van() | {"pham_vi_luu_hanh": "mat"})
    assert "pham_vi_luu_hanh" in message and "xem_xong_tra_lai" in message


def test_contacts_are_one_line_or_several_nfc_and_within_the_limit() -> None:
    decomposed = unicodedata.normalize("NFD", "Địa chỉ: 450 Thống Nhất")
    vb = VanBan.model_validate(cong_van() | {"lien_he": decomposed})
    assert vb.lien_he == ["Địa chỉ: 450 Thống Nhất"]
    assert unicodedata.is_normalized("NFC", vb.lien_he[0])
    message = _loi(cong_van() | {"lien_he": ["Dòng"] * (LIEN_HE_TOI_DA + 1)})
    assert "lien_he" in message and f"at most {LIEN_HE_TOI_DA}" in message
    assert "lien_he.0" in _loi(cong_van() | {"lien_he": ["Ủ" * 201]})


def test_the_other_position_is_a_line_or_a_few_and_needs_nothing_else() -> None:
    signer = cong_van()["nguoi_ky"] | {"chuc_vu_khac": "BỘ TRƯỞNG BỘ NỘI VỤ"}
    vb = VanBan.model_validate(cong_van() | {"nguoi_ky": signer})
    assert vb.nguoi_ky.chuc_vu_khac == ["BỘ TRƯỞNG BỘ NỘI VỤ"]
    too_many = cong_van()["nguoi_ky"] | {"chuc_vu_khac": ["A"] * (CHUC_VU_KHAC_TOI_DA + 1)}
    assert "nguoi_ky.chuc_vu_khac" in _loi(cong_van() | {"nguoi_ky": too_many})


def test_a_line_over_sub_items_is_taken_without_its_colon_and_each_sub_item_without_its_plus() -> (
    None
):
    line = NoiNhan.model_validate(
        {"ten": "- Các sở, ban, ngành:", "muc_con": ["+ Sở Y tế;", {"ten": "+ Sở Tư pháp"}]}
    )
    assert line.ten == "Các sở, ban, ngành"
    assert [s.ten for s in line.muc_con] == ["Sở Y tế", "Sở Tư pháp"]
    assert [n.ten for n in line.cac_dong()] == ["Các sở, ban, ngành", "Sở Y tế", "Sở Tư pháp"]
    # A line without sub-items keeps its text as written.
    assert NoiNhan.model_validate("Ghi chú:").ten == "Ghi chú:"


def test_a_sub_item_with_sub_items_is_refused_naming_it() -> None:
    nested = {"ten": "A", "muc_con": [{"ten": "B", "muc_con": ["C"]}]}
    message = _loi(cong_van() | {"noi_nhan": [nested]})
    assert "noi_nhan.0.muc_con" in message and "mục 1 ('B') có mục con" in message


def test_the_noi_nhan_lines_with_their_sub_items_stay_within_the_limit() -> None:
    full = {"ten": "Nhóm", "muc_con": ["Sở"] * (NOI_NHAN_TOI_DA - 1)}
    VanBan.model_validate(cong_van() | {"noi_nhan": [full]})  # 1,000 printed lines: accepted
    message = _loi(cong_van() | {"noi_nhan": [full, "Như trên"]})
    assert f"noi_nhan: {NOI_NHAN_TOI_DA + 1} dòng kể cả mục con (muc_con); tối đa" in message
