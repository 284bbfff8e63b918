"""Line breaks for centred header, title and signature lines, decided once for both outputs."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache


def ngat_dong(text: str, rong_toi_da: float, do: Callable[[str], float]) -> list[str]:
    """Break ``text`` into the fewest lines that fit, as evenly as possible.

    An explicit "\\n" in the text always breaks. Lines are balanced (the longest line is as
    short as it can be), which is how a clerk sets "ỦY BAN NHÂN DÂN / TỈNH NINH THUẬN" rather
    than "ỦY BAN NHÂN DÂN TỈNH / NINH THUẬN". A single word wider than the limit stays whole.
    """
    lines: list[str] = []
    for part in text.split("\n"):
        # A line that fits is kept exactly, blanks included ("ngày      tháng").
        fits = do(part) <= rong_toi_da
        lines.extend([part] if fits else _can_doi(part.split(), rong_toi_da, do))
    return lines


def _can_doi(words: list[str], limit: float, do: Callable[[str], float]) -> list[str]:
    if not words:
        return []

    def width(i: int, j: int) -> float:
        return do(" ".join(words[i:j]))

    # Fewest lines: a greedy fill is optimal for that.
    count, i = 0, 0
    while i < len(words):
        j = i + 1
        while j < len(words) and width(i, j + 1) <= limit:
            j += 1
        count, i = count + 1, j

    @cache
    def best(i: int, k: int) -> tuple[float, tuple[int, ...]]:
        """Smallest possible longest line for words[i:] set in k lines, and the break points."""
        if k == 1:
            return width(i, len(words)), ()
        result: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for j in range(i + 1, len(words) - k + 2):
            first = width(i, j)
            if first > limit and j > i + 1:
                break
            rest, breaks = best(j, k - 1)
            candidate = (max(first, rest), (j, *breaks))
            if candidate[0] < result[0]:
                result = candidate
        return result

    _, breaks = best(0, count)
    bounds = (0, *breaks, len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
