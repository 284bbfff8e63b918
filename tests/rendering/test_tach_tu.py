"""Vietnamese words for line breaking: where the words are, and how good a break is at each gap."""

from __future__ import annotations

import pytest

from vanthu.errors import RenderError
from vanthu.rendering import tach_tu
from vanthu.rendering.tach_tu import (
    DIEM_CAN_SAU,
    DIEM_DAU_DONG,
    DIEM_DAU_NGAT,
    DIEM_GACH_DAU_DONG,
    DIEM_GIUA_TU,
    DIEM_MO_CUM,
    DIEM_VIET_TAT,
    diem_ngat,
    khoa,
    tep_tu_dien,
)


def words(text: str) -> list[str]:
    """The words of a text, as tach_tu splits it."""
    tokens = text.split()
    out, start = [], 0
    for size in tach_tu.tach_tu(tokens):
        out.append(" ".join(tokens[start : start + size]))
        start += size
    return out


def gaps(text: str) -> list[int | None]:
    return diem_ngat(text.split())


def sizes(text: str) -> list[int]:
    return tach_tu.tach_tu(text.split())


def score(text: str, before: str) -> int | None:
    """The score of the gap before the token ``before`` (the first one so written)."""
    tokens = text.split()
    return diem_ngat(tokens)[tokens.index(before) - 1]


def test_the_word_list_is_underthesea_s_viet74k() -> None:
    assert tep_tu_dien().name == "Viet74K.txt"
    assert "phát triển" in tach_tu.tu_dien()


def test_a_missing_word_list_is_an_error_that_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tach_tu, "TU_DIEN", ("corpus", "data", "no-such-list.txt"))
    with pytest.raises(RenderError, match="pip install underthesea"):
        tep_tu_dien()


def test_case_and_the_tone_mark_s_place_do_not_change_a_word() -> None:
    assert set(khoa("HOÁ")) == set(khoa("hóa")) == {"hoá", "hóa"}
    assert set(khoa("Uỷ,")) == set(khoa("ỦY")) == {"uỷ", "ủy"}
    # "qu" is one consonant: the mark has one place.
    assert khoa("QUÝ") == ("quý",)
    assert sizes("KẾ HOẠCH HOÁ GIA ĐÌNH") == sizes("kế hoạch hóa gia đình") == [3, 2]
    assert words("ỦY BAN NHÂN DÂN TỈNH") == ["ỦY BAN NHÂN DÂN", "TỈNH"]
    assert words("Uỷ ban nhân dân tỉnh") == ["Uỷ ban nhân dân", "tỉnh"]


def test_the_issue_s_words_are_whole() -> None:
    assert words("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN") == [
        "SỞ",
        "NÔNG NGHIỆP",
        "VÀ",
        "PHÁT TRIỂN",
        "NÔNG THÔN",
    ]
    assert "nhà thầu" in words("lựa chọn nhà thầu gói thầu số 05")
    assert "gói thầu" in words("lựa chọn nhà thầu gói thầu số 05")
    assert "phòng cháy," in words("công tác phòng cháy, chữa cháy")
    assert "PHÒNG, CHỐNG" in words("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19")


def test_a_comma_ends_a_word_outside_the_pairs_written_with_one() -> None:
    # "dân doanh" is a word of the list; here the comma is between two words.
    assert words("của người dân, doanh nghiệp") == ["của", "người dân,", "doanh nghiệp"]


def test_places_are_names_after_their_unit_and_in_titles() -> None:
    assert words("ỦY BAN NHÂN DÂN XÃ VẦY NƯA") == ["ỦY BAN NHÂN DÂN", "XÃ", "VẦY NƯA"]
    assert words("Ủy ban nhân dân huyện Yên Lạc") == ["Ủy ban nhân dân", "huyện", "Yên Lạc"]
    assert "Hùng Vương," in words("dịp Giỗ tổ Hùng Vương, ngày 10/3")
    # A name stops at a comma and at a word that needs what follows.
    assert words("Hà Nội, Hải Phòng") == ["Hà Nội,", "Hải Phòng"]
    assert "huyện" in words("các xã của huyện và tỉnh")


def test_a_break_scores_by_what_ends_and_what_starts_the_line() -> None:
    assert score("quản lý, thanh toán", "thanh") == DIEM_DAU_NGAT
    assert score("tài nguyên và môi trường", "và") == DIEM_MO_CUM
    assert score("tài nguyên và môi trường", "môi") == DIEM_CAN_SAU
    assert score("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", "TỈNH") == DIEM_DAU_DONG
    assert score("KT. CHỦ TỊCH", "CHỦ") == DIEM_VIET_TAT
    assert score("DÂN SỐ - KẾ HOẠCH HÓA GIA ĐÌNH", "-") == DIEM_GACH_DAU_DONG
    assert score("đề xuất của Sở Tài nguyên", "Tài") == DIEM_CAN_SAU
    assert score("cơ quan cấp tỉnh", "tỉnh") == DIEM_DAU_DONG + DIEM_CAN_SAU
    assert score("phát triển nông thôn", "nông") == 0


def test_inside_a_word_no_break_between_words_of_a_longer_entry_a_poor_one() -> None:
    assert set(gaps("phát triển")) == {None}
    # (A line should not end with "CỤC": the name follows.)
    assert gaps("CỤC CÔNG NGHỆ THÔNG TIN") == [DIEM_CAN_SAU, None, DIEM_GIUA_TU, None]
    # The names of the elected bodies are never split.
    assert set(gaps("HỘI ĐỒNG NHÂN DÂN")) == {None}
