"""Line breaks for centred header, title and signature lines, decided once for both outputs.

A Vietnamese word ("phát triển", "ủy ban nhân dân") is never broken, however many syllables it
has, unless it alone is wider than the line: ``tach_tu`` says where the words are and how good a
break is at each gap. Among the ways to set the words in the fewest lines, the most even one is
found first — its longest line as short as it can be. Then, among the settings with as few
lines whose every line lies near it (no longer than its longest line by ``DUNG_SAI`` of it, no
shorter than its shortest line or than ``1 - DUNG_SAI`` of its longest), the one whose breaks
score best is taken (after a comma, before "và", "của", "về", "trên" …; a break between two
words of a longer entry such as "công nghệ | thông tin" only where nothing as even avoids it),
then the most even, then the earliest breaks.

Up to ``TU_CAN_BANG_TOI_DA`` words — more than any trích yếu within its limit has — each choice
is a dynamic programme over break points run bottom-up (no recursion), where a line never holds
more words than fit, so it costs words × words-per-line: milliseconds for 1,000 characters. A
longer text (only reachable past the input limits) is set by a binary search on the longest line
and a greedy fill under it, with widths added word by word: n·log n, a megabyte in seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from .tach_tu import diem_ngat

#: Words in one line-broken part up to which the balance is exact (two per trích yếu's 1,000
#: characters at most); a longer part is balanced by the n·log n method.
TU_CAN_BANG_TOI_DA = 600
#: How far (a share of the most even setting's longest line) the lines may move from the most
#: even setting's to break at a better place: "BỘ THÔNG TIN / VÀ TRUYỀN THÔNG". Set on the
#: examples' subject lines, which are broken by hand as in their originals: 0.3 sets three of
#: six exactly so (0.15 one), and two of the others no worse (#9).
DUNG_SAI = 0.3

#: Scores each gap between a text's tokens: None inside a word, else higher for a better break.
DiemNgat = Callable[[Sequence[str]], Sequence[int | None]]


def moi_cho_nhu_nhau(tokens: Sequence[str]) -> list[int | None]:
    """Every gap alike: the balancer as it was before words were known (issue #9)."""
    return [0] * max(len(tokens) - 1, 0)


def ngat_dong(
    text: str, rong_toi_da: float, do: Callable[[str], float], diem: DiemNgat = diem_ngat
) -> list[str]:
    """Break ``text`` into the fewest lines that fit without breaking a word, evenly and at good
    places.

    An explicit "\\n" in the text always breaks. Lines are balanced (the longest line is as
    short as it can be), which is how a clerk sets "ỦY BAN NHÂN DÂN / TỈNH NINH THUẬN" rather
    than "ỦY BAN NHÂN DÂN TỈNH / NINH THUẬN". A word wider than the limit is broken between its
    syllables; a single token wider than the limit stays whole.

    Args:
        text: the text, NFC.
        rong_toi_da: the widest a line may be, in the unit of ``do``.
        do: the width of a text set on one line.
        diem: scores the gaps between tokens (``diem_ngat``: Vietnamese words and phrases).
    """
    lines: list[str] = []
    for part in text.split("\n"):
        tokens = part.split()
        # A line that fits is kept exactly, blanks included ("ngày      tháng").
        if len(tokens) <= TU_CAN_BANG_TOI_DA and do(part) <= rong_toi_da:
            lines.append(part)
            continue
        words, scores = _gop_tu(tokens, diem(tokens), rong_toi_da, do)
        if len(words) > TU_CAN_BANG_TOI_DA:
            lines.extend(_can_doi_nhanh(words, rong_toi_da, do))
        else:
            lines.extend(_can_doi(words, scores, rong_toi_da, do))
    return lines


def _gop_tu(
    tokens: list[str], scores: Sequence[int | None], limit: float, do: Callable[[str], float]
) -> tuple[list[str], list[int]]:
    """The words of a line-broken part, and the score of the gap before each (the first's is 0).
    A word wider than ``limit`` is given back as its tokens, its gaps scored 0."""
    words: list[str] = []
    gaps: list[int] = []
    start = 0
    for end in range(1, len(tokens) + 1):
        if end < len(tokens) and scores[end - 1] is None:
            continue
        word = tokens[start:end]
        joined = " ".join(word)
        pieces = word if len(word) > 1 and do(joined) > limit else [joined]
        gaps += [(scores[start - 1] or 0) if start else 0] + [0] * (len(pieces) - 1)
        words += pieces
        start = end
    return words, gaps


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


def _can_doi(
    words: list[str], scores: list[int], limit: float, do: Callable[[str], float]
) -> list[str]:
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
    even = _toi_uu(n, width, reach, [0] * n, lambda i, j: True)
    if not any(scores):
        return _noi(words, even)
    widths = [width(a, b) for a, b in itertools.pairwise([0, *even, n])]
    longest, shortest = max(widths), min(widths)
    high = longest * (1 + DUNG_SAI)
    low = min(shortest, longest * (1 - DUNG_SAI))

    def near(i: int, j: int) -> bool:
        # A word wider than the limit is a line of its own, whatever its width.
        return low <= width(i, j) <= high or (j == i + 1 and width(i, j) > high)

    return _noi(words, _toi_uu(n, width, reach, scores, near))


def _toi_uu(
    n: int,
    width: Callable[[int, int], float],
    reach: list[int],
    scores: list[int],
    allowed: Callable[[int, int], bool],
) -> list[int]:
    """Where to break words[0:n] (tối ưu): among settings of allowed lines, the fewest lines,
    then the best sum of break scores, then the shortest longest line, then the earliest break.

    best[i] is that choice for words[i:] as (lines, -score, longest line); cut[i] where its first
    line ends. A line holds one word however wide, or several that fit (reach).
    """
    inf = float("inf")
    best: list[tuple[int, int, float]] = [(0, 0, 0.0)] * (n + 1)
    cut = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        result, at = (n + 1, 0, inf), n
        for j in range(i + 1, reach[i] + 1):
            lines, minus, longest = best[j]
            if lines > n or not allowed(i, j):
                continue
            candidate = (lines + 1, minus - (scores[j] if j < n else 0), max(width(i, j), longest))
            if candidate < result:
                result, at = candidate, j
        best[i], cut[i] = result, at
    breaks: list[int] = []
    i = cut[0]
    while i < n:
        breaks.append(i)
        i = cut[i]
    return breaks


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
