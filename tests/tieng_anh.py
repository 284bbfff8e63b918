"""Whether a message a user reads still speaks English: common English words, as whole words.

What the message quotes back ('…' or "…": the user's own value, a file name) and the field
paths and codes it names (``nguoi_ky.ho_ten``, ``value_error``) are not sentences and are
left out before the words are looked for.
"""

from __future__ import annotations

import re

#: Words an English sentence of vanthu's would hardly do without; none is Vietnamese ("in",
#: to print, is: it is left out).
TU_TIENG_ANH = (
    "the",
    "is",
    "are",
    "was",
    "must",
    "not",
    "cannot",
    "should",
    "required",
    "invalid",
    "expected",
    "refused",
    "allowed",
    "permitted",
    "missing",
    "found",
    "problem",
    "problems",
    "error",
    "errors",
    "characters",
    "given",
    "only",
    "line",
    "field",
    "input",
    "value",
    "of",
    "for",
    "with",
    "has",
    "have",
    "no",
)
_TU = re.compile(r"\b(" + "|".join(TU_TIENG_ANH) + r")\b", re.IGNORECASE)
#: Quoted values, field paths and codes (words joined by '_' or '.'), URLs: not prose.
_KHONG_PHAI_LOI = re.compile(
    r"'[^']*'|\"[^\"]*\"|https?://\S+|\S*[_./\\]\S*|U\+[0-9A-F]+ \([^)]*\)"
)


def tu_tieng_anh(message: str) -> list[str]:
    """The English words found in ``message``'s own prose (empty: it reads as Vietnamese)."""
    return _TU.findall(_KHONG_PHAI_LOI.sub(" ", message))


def la_tieng_viet(message: str) -> bool:
    """True when ``message`` holds no English sentence (see :func:`tu_tieng_anh`)."""
    return not tu_tieng_anh(message)
