"""Line breaks for centred header, title and signature lines, decided once for both outputs.

The lines are balanced: among the ways to set a text in the fewest lines, the one whose longest
line is shortest (the earliest break on a tie). Up to ``TU_CAN_BANG_TOI_DA`` words — more than
any trích yếu within its limit has — that is a dynamic programme over break points run bottom-up
(no recursion), where a line never holds more words than fit, so it costs
words × lines × words-per-line: milliseconds for 1,000 characters. A longer text (only reachable
past the input limits) is set by a binary search on the longest line and a greedy fill under it,
with widths added word by word: n·log n, a megabyte in about a second.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

#: Words in one line-broken part up to which the balance is exact (two per trích yếu's 1,000
#: characters at most); a longer part is balanced by the n·log n method.
TU_CAN_BANG_TOI_DA = 600


def ngat_dong(text: str, rong_toi_da: float, do: Callable[[str], float]) -> list[str]:
    """Break ``text`` into the fewest lines that fit, as evenly as possible.

    An explicit "\\n" in the text always breaks. Lines are balanced (the longest line is as
    short as it can be), which is how a clerk sets "ỦY BAN NHÂN DÂN / TỈNH NINH THUẬN" rather
    than "ỦY BAN NHÂN DÂN TỈNH / NINH THUẬN". A single word wider than the limit stays whole.
    """
    lines: list[str] = []
    for part in text.split("\n"):
        words = part.split()
        if len(words) > TU_CAN_BANG_TOI_DA:
            lines.extend(_can_doi_nhanh(words, rong_toi_da, do))
        # A line that fits is kept exactly, blanks included ("ngày      tháng").
        elif do(part) <= rong_toi_da:
            lines.append(part)
        else:
            lines.extend(_can_doi(words, rong_toi_da, do))
    return lines


def _noi(words: list[str], breaks: list[int]) -> list[str]:
    bounds = [0, *breaks, len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def _tam_voi(n: int, width: Callable[[int, int], float], limit: float) -> list[int]:
    """reach[i] (tầm với): where a line starting at word i ends when filled as far as ``limit``
    allows (one word at least). Each line starts no later than the previous one ended, so two
    pointers find every reach in one pass."""
    reach = [0] * n
    for i in range(n):
        j = max(i + 1, reach[i - 1] if i else 0)
        while j < n and width(i, j + 1) <= limit:
            j += 1
        reach[i] = j
    return reach


def _can_doi(words: list[str], limit: float, do: Callable[[str], float]) -> list[str]:
    """Exact balance: every width measured on the joined text, as the writers will set it."""
    if not words:
        return []
    n = len(words)
    cache: dict[tuple[int, int], float] = {}

    def width(i: int, j: int) -> float:
        value = cache.get((i, j))
        if value is None:
            value = cache[(i, j)] = do(" ".join(words[i:j]))
        return value

    reach = _tam_voi(n, width, limit)
    # Fewest lines: a greedy fill is optimal for that.
    count, i = 0, 0
    while i < n:
        count, i = count + 1, reach[i]

    # best[k][i]: the smallest longest line for words[i:] set in k lines; cut[k][i]: where its
    # first line ends. A first line holds one word however wide, or several that fit.
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[n] * (n + 1) for _ in range(count + 1)]
    # The last line too holds one word however wide, or several that fit: measured from the
    # end, as far back as they fit.
    best[1][n - 1] = width(n - 1, n)
    for i in range(n - 2, -1, -1):
        if width(i, n) > limit:
            break
        best[1][i] = width(i, n)
    for k in range(2, count + 1):
        row, rest, ends = best[k], best[k - 1], cut[k]
        for i in range(n - k + 1):
            result, at = inf, n
            for j in range(i + 1, min(n - k + 1, reach[i]) + 1):
                candidate = max(width(i, j), rest[j])
                if candidate < result:
                    result, at = candidate, j
            row[i], ends[i] = result, at
    breaks: list[int] = []
    i = 0
    for k in range(count, 1, -1):
        i = cut[k][i]
        breaks.append(i)
    return _noi(words, breaks)


def _can_doi_nhanh(words: list[str], limit: float, do: Callable[[str], float]) -> list[str]:
    """Balance of a very long text: binary search on the longest line, greedy fill under it."""
    space = do(" ")
    starts = [0.0]
    for word in words:
        starts.append(starts[-1] + do(word) + space)
    n = len(words)

    def width(i: int, j: int) -> float:
        return starts[j] - starts[i] - space

    reach = _tam_voi(n, width, limit)

    def fill(cap: float) -> list[int]:
        """Greedy lines no wider than ``cap`` (a lone wider word stays whole)."""
        ends, i = [], 0
        while i < n:
            j = i + 1
            while j < reach[i] and width(i, j + 1) <= cap:
                j += 1
            ends.append(j)
            i = j
        return ends

    fewest = len(fill(limit))
    widest_word = max(width(i, i + 1) for i in range(n))
    low, high = min(widest_word, limit), limit
    # Forty halvings bring the longest line within a millionth of its best width.
    for _ in range(40):
        middle = (low + high) / 2
        if len(fill(middle)) <= fewest:
            high = middle
        else:
            low = middle
    return _noi(words, fill(high)[:-1])
