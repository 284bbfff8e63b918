"""Line breaking of centred lines: fewest lines, balanced, explicit breaks kept."""

from __future__ import annotations

from vanthu.rendering.ngat_dong import ngat_dong


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
