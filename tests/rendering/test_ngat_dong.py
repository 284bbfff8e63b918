"""Line breaking of centred lines: words kept whole, fewest lines, balanced, good breaks."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanthu.rendering.fonts import do_rong_chu, mat_chu_kem_theo
from vanthu.rendering.ngat_dong import moi_cho_nhu_nhau, ngat_dong
from vanthu.rendering.tach_tu import diem_ngat
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
    lines = ngat_dong(text, limit, bold_13, moi_cho_nhu_nhau)
    assert lines == _old_ngat_dong(text, limit, bold_13)


def test_the_examples_lines_are_those_of_the_recursive_balancer() -> None:
    texts = [
        "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
        "Về việc công nhận xã Phước Hà, huyện Thuận Nam đạt chuẩn nông thôn mới năm 2021"
        " và tiếp tục duy trì, nâng cao chất lượng các tiêu chí đã đạt",
        "KT. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    ]
    for text in texts:
        for limit in (4.0, 6.5, 9.8, 15.3):
            lines = ngat_dong(text, limit, bold_13, moi_cho_nhu_nhau)
            assert lines == _old_ngat_dong(text, limit, bold_13)


@pytest.mark.parametrize("size", [TRICH_YEU_TOI_DA, 18_000, 36_000, 1_000_000])
def test_a_very_long_trich_yeu_is_broken_without_recursion_and_in_time(size: int) -> None:
    # Regression (#7): 18 KB took 37 s and 36 KB raised RecursionError.
    text = ("Về việc tăng cường phòng, chống dịch COVID-19 trên địa bàn tỉnh " * 20_000)[:size]
    lines = ngat_dong(text, 15.0, bold_13)
    assert " ".join(lines).split() == text.split()
    assert all(bold_13(line) <= 15.0 for line in lines)


def test_a_thousand_one_letter_words_are_balanced_exactly() -> None:
    text = " ".join("a" * (TRICH_YEU_TOI_DA // 2))  # the most words a trích yếu can have
    lines = ngat_dong(text, 15.0, bold_13, moi_cho_nhu_nhau)
    assert lines == _old_ngat_dong(text, 15.0, bold_13)


def test_a_long_text_of_long_words_is_balanced_in_the_fewest_lines() -> None:
    word = "x" * 20
    per_line = max(k for k in range(1, 10) if bold_13(" ".join([word] * k)) <= 15.0)
    lines = ngat_dong(" ".join([word] * 2000), 15.0, bold_13)
    assert len(lines) == -(-2000 // per_line)  # as many as the greedy fill would use
    assert {len(line.split()) for line in lines} <= {per_line - 1, per_line}


# --- regression (#9): centred lines broke inside Vietnamese words -----------------------------


def do_rong(size: float, bold: bool = False) -> Callable[[str], float]:
    face = do_rong_chu(mat_chu_kem_theo())
    return lambda text: face.cm(text, size, bold=bold)


#: The issue's examples, each at a width where the balancer before #9 broke inside the word.
TRONG_TU = [
    (
        "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH QUẢNG NAM",
        9.6,
        14,
        True,
        "PHÁT",
        "TRIỂN",
    ),
    ("V/v đánh giá năng lực nhà thầu thi công công trình", 4.6, 12, False, "nhà", "thầu"),
    (
        "V/v tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh",
        6.5,
        12,
        False,
        "phòng",
        "cháy,",
    ),
    ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH NINH THUẬN", 6.5, 13, True, "PHÒNG,", "CHỐNG"),
]


@pytest.mark.parametrize(("text", "limit", "size", "bold", "last", "first"), TRONG_TU)
def test_a_word_the_old_balancer_broke_is_kept_whole(
    text: str, limit: float, size: float, bold: bool, last: str, first: str
) -> None:
    do = do_rong(size, bold)

    def splits(lines: list[str]) -> bool:
        return any(
            a.split()[-1] == last and b.split()[0] == first for a, b in itertools.pairwise(lines)
        )

    assert splits(ngat_dong(text, limit, do, moi_cho_nhu_nhau))
    lines = ngat_dong(text, limit, do)
    assert not splits(lines)
    assert all(do(line) <= limit for line in lines)


def test_the_issuer_of_a_department_breaks_between_its_words() -> None:
    text = "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH QUẢNG NAM"
    assert ngat_dong(text, 6.55, do_rong(13, bold=True)) == [
        "SỞ NÔNG NGHIỆP VÀ",
        "PHÁT TRIỂN NÔNG THÔN",
        "TỈNH QUẢNG NAM",
    ]


def test_a_break_after_a_comma_is_taken_when_the_lines_stay_as_even() -> None:
    text = "Quy định về quản lý, thanh toán, quyết toán dự án sử dụng vốn đầu tư công"
    assert ngat_dong(text, 14.55, do_rong(14, bold=True)) == [
        "Quy định về quản lý, thanh toán,",
        "quyết toán dự án sử dụng vốn đầu tư công",
    ]


@pytest.mark.parametrize(
    ("text", "limit", "size", "bold", "lines"),
    [
        (
            "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
            *(6.55, 13, True, ["BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"]),
        ),
        (
            "Quy định chi tiết thi hành một số điều của Luật Khoáng sản năm 2010",
            *(
                14.55,
                14,
                True,
                ["Quy định chi tiết thi hành một số điều", "của Luật Khoáng sản năm 2010"],
            ),
        ),
    ],
)
def test_a_phrase_opened_by_va_or_cua_starts_its_line_though_less_even(
    text: str, limit: float, size: float, bold: bool, lines: list[str]
) -> None:
    assert ngat_dong(text, limit, do_rong(size, bold)) == lines
    # The most even setting, as before #9, ended a line with "VÀ" or cut "một số / điều".
    assert ngat_dong(text, limit, do_rong(size, bold), moi_cho_nhu_nhau) != lines


def test_a_word_wider_than_the_line_is_broken_between_its_syllables() -> None:
    assert ngat_dong("ỦY BAN NHÂN DÂN", 8, chars) == ["ỦY BAN", "NHÂN DÂN"]


#: Words of official documents, and words that join them.
TU = st.sampled_from(
    [
        "ủy ban nhân dân", "phát triển", "nông thôn", "phòng cháy", "chữa cháy", "nhà thầu",
        "kế hoạch", "tăng cường", "công tác", "trên", "địa bàn", "và", "của", "về", "tỉnh",
        "Ninh Thuận", "giai đoạn", "2021-2025", "phòng, chống", "dịch", "COVID-19", "các",
        "thủ tục", "hành chính", "thực hiện", "quyết định", "ban hành", "quy chế", "hoạt động",
    ]
)  # fmt: skip


@given(words=st.lists(TU, min_size=1, max_size=40), limit=st.floats(min_value=4.0, max_value=16.0))
def test_lines_break_only_between_words_and_are_as_few_as_whole_words_allow(
    words: list[str], limit: float
) -> None:
    text = " ".join(words)
    tokens = text.split()
    lines = ngat_dong(text, limit, bold_13)
    assert " ".join(lines).split() == tokens
    inside = [gap is None for gap in diem_ngat(tokens)]
    at = 0
    for line in lines[:-1]:
        at += len(line.split())
        assert not inside[at - 1], lines
    # The fewest lines: as many as filling them greedily with whole words gives.
    whole, start = [], 0
    for end in range(1, len(tokens) + 1):
        if end == len(tokens) or not inside[end - 1]:
            whole.append(" ".join(tokens[start:end]))
            start = end
    if all(bold_13(w) <= limit for w in whole):
        count, line = 1, whole[0]
        for word in whole[1:]:
            if bold_13(f"{line} {word}") <= limit:
                line = f"{line} {word}"
            else:
                count, line = count + 1, word
        assert len(lines) == count
