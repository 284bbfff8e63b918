"""Text without diacritics (không dấu), for searching as people type: "vung xanh" finds
"vùng xanh", "DONG" finds "Đồng"."""

from __future__ import annotations

import unicodedata

#: Letters whose base form is not reached by dropping combining marks.
_THAY = str.maketrans({"đ": "d", "Đ": "d"})


def khong_dau(text: str) -> str:
    """Lower case, Vietnamese (and other Latin) diacritics dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.translate(_THAY))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())
