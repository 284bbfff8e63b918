"""Text without diacritics: what the desk's search compares."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vanthu.schemas.khong_dau import khong_dau


def test_vietnamese_letters_lose_their_marks_and_case() -> None:
    assert khong_dau("Phát triển  “VÙNG XANH” Đồng Nai") == "phat trien “vung xanh” dong nai"
    assert khong_dau("Ủy ban nhân dân tỉnh Ninh Thuận") == "uy ban nhan dan tinh ninh thuan"


@given(st.text())
def test_the_result_has_no_combining_mark_and_is_its_own_result(text: str) -> None:
    bare = khong_dau(text)
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", bare))
    assert khong_dau(bare) == bare


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_plain_ascii_only_changes_case_and_spacing(text: str) -> None:
    assert khong_dau(text) == " ".join(text.lower().split())
