"""Line breaking of centred lines: fewest lines, balanced, explicit breaks kept."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanthu.rendering.fonts import do_rong_chu, mat_chu_kem_theo
from vanthu.rendering.ngat_dong import ngat_dong
from vanthu.schemas.gioi_han import TRICH_YEU_TOI_DA


def chars(text: str) -> float:
    return float(len(text))


def test_a_line_that_fits_stays_whole() -> None:
    assert ngat_dong("ỦY BAN NHÂN DÂN", 20, chars) == ["ỦY BAN NHÂN DÂN"]


def test_lines_are_balanced_rather_than_filled_greedily() -> None:
    # Greedy filling would give "ỦY BAN NHÂN DÂN TỈNH" / "NINH THUẬN".
    assert ngat_dong("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", 22, chars) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH NINH THUẬN",
    ]


def test_the_fewest_lines_are_used() -> None:
    lines = ngat_dong("a b c d e f g h i j", 7, chars)
    assert len(lines) == 3
    assert all(len(line) <= 7 for line in lines)


def test_an_explicit_line_break_is_kept() -> None:
    assert ngat_dong("SỞ Y TẾ\nTỈNH NINH THUẬN", 40, chars) == ["SỞ Y TẾ", "TỈNH NINH THUẬN"]


def test_a_word_wider_than_the_limit_stays_whole() -> None:
    assert ngat_dong("ab verylongword cd", 5, chars) == ["ab", "verylongword", "cd"]


# --- regression (#7): the balancer was recursive and grew far faster than the text ----------


def _old_ngat_dong(text: str, limit: float, do: Callable[[str], float]) -> list[str]:
    """The recursive balancer before #7, kept as the reference of what the lines must be.

    One change: its last line, like every other, holds several words only if they fit (before,
    a word wider than the limit elsewhere let the last line run past the limit too).
    """
    lines: list[str] = []
    for part in text.split("\n"):
        if do(part) <= limit:
            lines.append(part)
            continue
        words = part.split()
        if not words:
            continue

        def width(i: int, j: int, words: list[str] = words) -> float:
            return do(" ".join(words[i:j]))

        count, i = 0, 0
        while i < len(words):
            j = i + 1
            while j < len(words) and width(i, j + 1) <= limit:
                j += 1
            count, i = count + 1, j

        @cache
        def best(i: int, k: int, words: list[str] = words) -> tuple[float, tuple[int, ...]]:
            if k == 1:
                last = width(i, len(words))
                fits = last <= limit or len(words) - i == 1
                return (last if fits else float("inf")), ()
            result: tuple[float, tuple[int, ...]] = (float("inf"), ())
            for j in range(i + 1, len(words) - k + 2):
                first = width(i, j)
                if first > limit and j > i + 1:
                    break
                rest, breaks = best(j, k - 1)
                if max(first, rest) < result[0]:
                    result = (max(first, rest), (j, *breaks))
            return result

        bounds = (0, *best(0, count)[1], len(words))
        lines += [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
    return lines


def bold_13(text: str) -> float:
    return do_rong_chu(mat_chu_kem_theo()).cm(text, 13, bold=True)


#: Vietnamese letters, digits, punctuation, spaces, line breaks and now and then a long word.
CHU = "aăâbcdđeêghiklmnoôơpqrstuưvxyÁẮẦẢỄỆĐÍÒỐỠỤỨỲ0123456789.,;:-/()“”"
tu = st.one_of(
    st.text(alphabet=CHU, min_size=1, max_size=8),
    st.text(alphabet=CHU, min_size=30, max_size=80),
)
van_ban = st.lists(st.one_of(tu, st.sampled_from([" ", "  ", "\n"])), min_size=1, max_size=60).map(
    " ".join
)


@given(text=van_ban, limit=st.floats(min_value=1.0, max_value=18.0))
def test_the_lines_hold_the_words_of_the_text_in_order(text: str, limit: float) -> None:
    lines = ngat_dong(text, limit, bold_13)
    assert " ".join(lines).split() == text.split()
    assert len(lines) >= text.count("\n") + 1
    for line in lines:
        assert bold_13(line) <= limit or len(line.split()) <= 1


@settings(max_examples=40)
@given(text=van_ban, limit=st.floats(min_value=2.0, max_value=18.0))
def test_the_lines_are_those_of_the_recursive_balancer_they_replace(
    text: str, limit: float
) -> None:
    assert ngat_dong(text, limit, bold_13) == _old_ngat_dong(text, limit, bold_13)


def test_the_examples_lines_are_those_of_the_recursive_balancer() -> None:
    texts = [
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "Về việc công nhận xã Phước Hà, huyện Thuận Nam đạt chuẩn nông thôn mới năm 2021"
        " và tiếp tục duy trì, nâng cao chất lượng các tiêu chí đã đạt",
        "KT. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    ]
    for text in texts:
        for limit in (4.0, 6.5, 9.8, 15.3):
            assert ngat_dong(text, limit, bold_13) == _old_ngat_dong(text, limit, bold_13)


@pytest.mark.parametrize("size", [TRICH_YEU_TOI_DA, 18_000, 36_000, 1_000_000])
def test_a_very_long_trich_yeu_is_broken_without_recursion_and_in_time(size: int) -> None:
    # Regression (#7): 18 KB took 37 s and 36 KB raised RecursionError.
    text = ("Về việc tăng cường phòng, chống dịch COVID-19 trên địa bàn tỉnh " * 20_000)[:size]
    lines = ngat_dong(text, 15.0, bold_13)
    assert " ".join(lines).split() == text.split()
    assert all(bold_13(line) <= 15.0 for line in lines)


def test_a_thousand_one_letter_words_are_balanced_exactly() -> None:
    text = " ".join("a" * (TRICH_YEU_TOI_DA // 2))  # the most words a trích yếu can have
    lines = ngat_dong(text, 15.0, bold_13)
    assert lines == _old_ngat_dong(text, 15.0, bold_13)


def test_a_long_text_of_long_words_is_balanced_in_the_fewest_lines() -> None:
    word = "x" * 20
    per_line = max(k for k in range(1, 10) if bold_13(" ".join([word] * k)) <= 15.0)
    lines = ngat_dong(" ".join([word] * 2000), 15.0, bold_13)
    assert len(lines) == -(-2000 // per_line)  # as many as the greedy fill would use
    assert {len(line.split()) for line in lines} <= {per_line - 1, per_line}
