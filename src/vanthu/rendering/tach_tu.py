"""Vietnamese words for line breaking (tách từ): which gaps lie inside a word, which break well.

A Vietnamese word is one syllable or several written apart ("phát triển", "ủy ban nhân dân"), so
a space is not always a place to break a line. The words come from the Viet74K list (74,000
words and phrases of Hồ Ngọc Đức's Free Vietnamese Dictionary Project) as installed with the
``underthesea`` package, read once on first use, never at import; vanthu does not ship the list
(the README says where it comes from and under which licence). The names of the provinces, a
few words of official documents the list lacks, and two rules for other place names complete
it. A text is split into the fewest words (on a tie, the longer word first), matched whatever
the case and wherever the tone mark sits ("HOÁ" = "hóa", "Uỷ" = "ủy"). A comma ends a word,
except inside the pairs written with one ("phòng, chống").

Each gap between two tokens gets a score (``diem_ngat``): None inside a word, where no line
breaks; ``DIEM_GIUA_TU`` between two words of a longer entry ("công nghệ | thông tin") and where
a number would part from the word before it ("số / 01", "ngày 03 / tháng 01"), a break to make
only when nothing as even avoids it. Elsewhere: +3 after a comma, semicolon or colon; +2 before
"và", "của", "về", "trên" and the other words that open a phrase, so the phrase starts its line
whole; +1 before a place ("tỉnh", "huyện" …) or "giai đoạn"; −2 after a word that needs what
follows ("các", "Sở", "Ban", "của" …) or a unit before its place's name ("tỉnh / Ninh Thuận");
−3 after an abbreviation such as "KT." and before a lone dash.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from ..errors import RenderError

#: Where the word list sits inside the installed ``underthesea`` package.
TU_DIEN = ("corpus", "data", "Viet74K.txt")
#: Syllables in the longest word matched (longer entries are idioms and slogans).
AM_TIET_TOI_DA = 6
#: Tokens from which a text is long enough to look up the list's two-syllable beginnings first.
TU_DAI = 2000

#: Provinces and centrally-run cities (before and after the 2025 merger), and the country.
TINH_THANH = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
    "Yên Bái", "Việt Nam",
)  # fmt: skip
#: Words of official documents the list lacks ("công tác phòng / cháy" was a defect of #9).
TU_BO_SUNG = ("về việc", "phòng cháy", "người dân", "gói thầu", "lần thứ")
#: Entries no line may split even between their words: the names of the elected bodies.
KHONG_TACH = ("ủy ban nhân dân", "hội đồng nhân dân", *TINH_THANH)
#: Pairs written with a comma inside ("phòng, chống dịch"): elsewhere a comma ends a word, or
#: "người dân, doanh nghiệp" would hold the word "dân doanh".
CAP_DAU_PHAY = ("phòng chống", "xuất nhập khẩu", "xuất nhập cảnh", "thanh kiểm tra")

#: Words that open a phrase: a break before them keeps the phrase whole on the next line.
MO_CUM = (
    "và", "hoặc", "của", "về", "trên", "tại", "theo", "cho", "với", "đối với", "trong", "thuộc",
    "đến", "từ", "nhằm", "để", "giữa", "do", "qua",
)  # fmt: skip
#: Administrative units, before a place's name ("huyện Yên Lạc", "XÃ VẦY NƯA").
DON_VI_HANH_CHINH = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
#: Good to start a line: a place, or a period.
DAU_DONG = (*DON_VI_HANH_CHINH, "giai đoạn")
#: Words a line should not end with: they need what follows ("cấp / xã", "Sở / Tài nguyên").
#: A unit does when its place's name follows ("tỉnh / Ninh Thuận", not "địa bàn tỉnh / trong").
CAN_SAU = (
    *MO_CUM, "các", "những", "mọi", "lần", "là", "bị", "được", "sự", "cấp", "sở", "ban", "bộ",
    "cục", "tổng cục", "chi cục", "ủy ban", "hội đồng", "khu", "luật", "bộ luật",
)  # fmt: skip
#: Words a number follows ("số 01/CT-TTg", "ngày 03 tháng 01 năm 2023", "lần thứ XIII"): no line
#: ends with them before it, and a date does not break before its "tháng" or "năm".
TRUOC_SO = ("số", "ngày", "tháng", "năm", "thứ", "lần thứ", "khóa", "kỳ", "điều", "khoản", "chương")

DIEM_GIUA_TU = -4
DIEM_DAU_NGAT = 3
DIEM_MO_CUM = 2
DIEM_DAU_DONG = 1
DIEM_CAN_SAU = -2
DIEM_VIET_TAT = -3
DIEM_GACH_DAU_DONG = -3
#: A number, or a Roman one ("XIII", "XIV,").
_SO = re.compile(r"^(\d|[IVXLC]+[.,;:]?$)")

DAU_NGAT = ",;:"
MO = "([{“‘\"'"
DONG = ")]}”’\"'.!?…" + DAU_NGAT
GACH = frozenset("-–—")

#: The tone mark's two placements in an open syllable ("hoá" / "hóa", "uỷ" / "ủy"): the list and
#: texts use both. "qu" is one consonant: "quý" has one placement only.
_DAT_DAU = re.compile(r"(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|[òóỏõọ][ae]|[ùúủũụ]y)$")
_DOI_DAU = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_DOI_DAU |= {new: old for old, new in _DOI_DAU.items()}


@lru_cache(maxsize=1 << 16)
def khoa(token: str) -> tuple[str, ...]:
    """How a token is looked up (khóa): its syllable without the punctuation around it, NFC, in
    lower case, in both placements of a tone mark that has two ("hoá", "hóa"); a dash is "-"."""
    bare = unicodedata.normalize("NFC", token.strip(MO + DONG)).lower()
    if bare in GACH:
        return ("-",)
    match = _DAT_DAU.search(bare)
    if match is None:
        return (bare,)
    return (bare, bare[: match.start()] + _DOI_DAU[match.group()])


def _co(words: frozenset[str], keys: Sequence[tuple[str, ...]]) -> bool:
    """Whether the syllables, in either placement of their tone marks, are one of ``words``."""
    if all(len(k) == 1 for k in keys):
        return " ".join(k[0] for k in keys) in words
    return any(" ".join(c) in words for c in itertools.product(*keys))


def _bo(texts: Sequence[str]) -> frozenset[str]:
    """The keys of a set of words written as text."""
    return frozenset(" ".join(khoa(s)[0] for s in t.split()) for t in texts)


def tep_tu_dien() -> Path:
    """The Viet74K file of the installed ``underthesea`` package (found, not imported: importing
    underthesea takes seconds).

    Raises:
        RenderError: the package is not installed, or no longer ships the list there.
    """
    spec = importlib.util.find_spec("underthesea")
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root).joinpath(*TU_DIEN)
        if path.is_file():
            return path
    raise RenderError(
        "Vietnamese word list",
        "underthesea's corpus/data/Viet74K.txt is not installed; reinstall vanthu with its "
        "dependencies (pip install underthesea)",
    )


@cache
def tu_dien() -> frozenset[str]:
    """Every entry of the list in lower case (a hyphen inside one separates syllables: "vắc-xin"
    is "vắc xin"), the provinces and TU_BO_SUNG; loaded once per process."""
    text = tep_tu_dien().read_text(encoding="utf-8").replace("-", " ")
    text = unicodedata.normalize("NFC", text).lower()
    # A few entries have two spaces inside or one at an end.
    text = text.replace("  ", " ").replace("  ", " ").replace(" \n", "\n").replace("\n ", "\n")
    # One-syllable entries and long ones stay in: they are never looked up.
    return frozenset(text.split("\n")) | _bo((*TINH_THANH, *TU_BO_SUNG, *CAP_DAU_PHAY))


@cache
def _hai_am_tiet_dau() -> frozenset[str]:
    """The first two syllables of the entries of three or more: where no entry goes on from two
    syllables, no longer word is looked for (made only for long texts: it takes a while)."""
    longer = [e for e in tu_dien() if e.count(" ") > 1]
    return frozenset(e[: e.index(" ", e.index(" ") + 1)] for e in longer)


@cache
def _nhom() -> dict[str, frozenset[str]]:
    """The keys of the word sets above."""
    return {
        "khong_tach": _bo(KHONG_TACH),
        "cap": _bo(CAP_DAU_PHAY),
        "mo_cum": _bo(MO_CUM),
        "don_vi": _bo(DON_VI_HANH_CHINH),
        "dau_dong": _bo(DAU_DONG),
        "can_sau": _bo(CAN_SAU),
        "truoc_so": _bo(TRUOC_SO),
    }


def _ten_rieng(token: str) -> bool:
    """A syllable written as a name: a capital, then small letters ("Hùng", not "UBND")."""
    bare = token.strip(MO + DONG)
    return bare[:1].isupper() and bare[1:].islower() and bare.isalpha()


def tach_tu(tokens: Sequence[str]) -> list[int]:
    """The words of a text split at spaces: how many tokens each holds, in order."""
    n = len(tokens)
    keys = [khoa(t) for t in tokens]
    words = tu_dien()
    pairs = _nhom()["cap"]
    # A word never spans a closing mark nor an opening one; a comma only inside a pair.
    joins = [
        not (tokens[g][-1] in DONG and tokens[g][-1] != ",") and tokens[g + 1][0] not in MO
        for g in range(n - 1)
    ]
    commas = [tokens[g][-1] == "," for g in range(n - 1)]
    first = [k[0] for k in keys]
    twos = _hai_am_tiet_dau() if n > TU_DAI else None
    fewest = [0] * (n + 1)
    length = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        fewest[i] = fewest[i + 1] + 1
        key, ambiguous, comma = first[i], len(keys[i]) > 1, False
        for size in range(2, min(AM_TIET_TOI_DA, n - i) + 1):
            end = i + size
            if not joins[end - 2]:
                break
            key += " " + first[end - 1]
            ambiguous |= len(keys[end - 1]) > 1
            comma |= commas[end - 2]
            if fewest[end] + 1 <= fewest[i]:
                pool = pairs if comma else words
                if key in pool or (ambiguous and _co(pool, keys[i:end])):
                    fewest[i], length[i] = fewest[end] + 1, size
            if size == 2 and twos is not None and not ambiguous and key not in twos:
                break
    sizes: list[int] = []
    i = 0
    while i < n:
        sizes.append(length[i])
        i += length[i]
    free = [j and not c for j, c in zip(joins, commas, strict=True)]
    return _gop_ten(tokens, first, sizes, free)


def _gop_ten(
    tokens: Sequence[str], keys: list[str], sizes: list[int], free: list[bool]
) -> list[int]:
    """Join one-syllable words into names the list does not have: the two syllables after an
    administrative unit ("huyện Yên Lạc", "XÃ VẦY NƯA"), and, in text not all in capitals, a run
    of syllables written as names ("Hùng Vương"). ``free[g]``: no mark between tokens g, g+1."""
    units, needs_more = _nhom()["don_vi"], _nhom()["can_sau"]
    upper = not any(ch.islower() for t in tokens for ch in t)

    def single(w: int) -> bool:
        return w < len(sizes) and sizes[w] == 1

    def name(k: int) -> bool:
        written = upper or _ten_rieng(tokens[k])
        return tokens[k].isalpha() and written and keys[k] not in needs_more

    out: list[int] = []
    start = w = 0
    while w < len(sizes):
        run = 1
        while (
            not upper
            and single(w + run - 1)
            and single(w + run)
            and free[start + run - 1]
            and _ten_rieng(tokens[start + run - 1])
            and _ten_rieng(tokens[start + run])
        ):
            run += 1
        end = start + sizes[w]
        if run > 1:
            out.append(run)
        elif (
            " ".join(keys[start:end]) in units
            and single(w + 1)
            and single(w + 2)
            and free[end - 1]
            and free[end]
            and name(end)
            and name(end + 1)
        ):
            out += [sizes[w], 2]
            run = 3
        else:
            out.append(sizes[w])
        start += sum(sizes[w : w + run])
        w += run
    return out


def diem_ngat(tokens: Sequence[str]) -> list[int | None]:
    """For each gap between two tokens: None inside a word (no line breaks there), else how good
    a break there is (the higher the better; 0 is neutral, DIEM_GIUA_TU inside a long entry)."""
    scores: list[int | None] = [None] * max(len(tokens) - 1, 0)
    upper = not any(ch.islower() for t in tokens for ch in t)
    start = 0
    previous: Sequence[str] = ()
    for size in tach_tu(tokens):
        word = tokens[start : start + size]
        if previous:
            scores[start - 1] = _diem(previous, word, upper)
        for at in _giua_tu(word):
            scores[start + at - 1] = DIEM_GIUA_TU
        previous = word
        start += size
    return scores


def _giua_tu(word: Sequence[str]) -> list[int]:
    """Where an entry of several words may still be split: between two words of two syllables
    or more each ("công nghệ | thông tin"), unless it is one of KHONG_TACH."""
    keys = [khoa(t) for t in word]
    if len(word) < 4 or _co(_nhom()["khong_tach"], keys):
        return []
    words = tu_dien()
    return [at for at in range(2, len(word) - 1) if _co(words, keys[:at]) and _co(words, keys[at:])]


def _diem(truoc: Sequence[str], sau: Sequence[str], upper: bool) -> int:
    """How good a break between two words is (``upper``: the text is all in capitals)."""
    last, first = truoc[-1], sau[0]
    if first in GACH:
        return DIEM_GACH_DAU_DONG
    if last[-1] in DAU_NGAT:
        return DIEM_DAU_NGAT
    if last.endswith(".") and last[:-1].isalpha() and len(last) <= 5:
        return DIEM_VIET_TAT
    opens, starts_line, _, _, number_next = _loai(" ".join(sau))
    # The scores add up: "và / các", "tỉnh / Ninh Thuận" (a unit, then its name) are poor.
    _, _, needs_more, unit, before_number = _loai(" ".join(truoc))
    name = first.isalpha() and (upper or _ten_rieng(first)) and not (opens or starts_line)
    number = _SO.match(first) is not None
    # "ngày 03 / tháng 01": a date goes on.
    date = number_next and last[0].isdigit() and first.lower() in ("tháng", "năm")
    score = DIEM_MO_CUM if opens else DIEM_DAU_DONG if starts_line else 0
    if (before_number and number) or date:
        return score + DIEM_GIUA_TU
    return score + (DIEM_CAN_SAU if needs_more or (unit and name) else 0)


@lru_cache(maxsize=1 << 12)
def _loai(word: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether a word opens a phrase (MO_CUM), starts a line well (DAU_DONG), needs what follows
    (CAN_SAU), is an administrative unit (DON_VI_HANH_CHINH), comes before a number (TRUOC_SO)."""
    sets = _nhom()
    keys = [khoa(t) for t in word.split()]
    return (
        _co(sets["mo_cum"], keys),
        _co(sets["dau_dong"], keys),
        _co(sets["can_sau"], keys),
        _co(sets["don_vi"], keys),
        _co(sets["truoc_so"], keys),
    )
